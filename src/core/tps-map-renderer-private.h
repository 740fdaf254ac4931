/* tps-map-renderer-private.h — what the map renderer's files share
 *
 * The painter (target, layout, options, zoom) and the drawing vocabulary
 * of tps-map-paint.c; tps-map-renderer.c draws the map with it, and
 * tps-map-band.c the experience band with its curves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "tps-map-layout-private.h"
#include "tps-map-renderer.h"
#include "tps-palette.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t *cr;
  PangoContext *pango;
  TpsMapLayout *layout;
  const TpsMapMetrics *m;
  TpsProject *project;
  const TpsMapRenderOptions *options;
  cairo_rectangle_t clip;
  double zoom;
  gboolean dark;
  gboolean greek;
  GHashTable *measure_counts;   /* made when the first card needs it */
} Painter;

void          tps_map_paint_set_color (Painter *p,
                                       TpsPaletteRole role,
                                       double opacity);
gboolean      tps_map_paint_visible (Painter *p,
                                     const cairo_rectangle_t *rect,
                                     double bleed);
PangoLayout * tps_map_paint_text_new (Painter *p,
                                      TpsMapTextStyle style,
                                      const char *text,
                                      double width,
                                      int max_lines);
PangoLayout * tps_map_paint_text_new_legible (Painter *p,
                                              TpsMapTextStyle style,
                                              const char *text,
                                              double width,
                                              int max_lines);
void          tps_map_paint_show_text (Painter *p,
                                       PangoLayout *layout,
                                       double x,
                                       double y,
                                       gboolean may_greek);
void          tps_map_paint_draw_moment_shape (Painter *p,
                                               TpsMoment moment,
                                               double x,
                                               double y,
                                               double size,
                                               gboolean outline);
double        tps_map_paint_draw_rating_chip (Painter *p,
                                              int rating,
                                              double x,
                                              double y,
                                              double height,
                                              gboolean label_it);
void          tps_map_paint_set_curve_style (Painter *p,
                                             TpsMapCurve curve,
                                             double offset);
void          tps_map_paint_draw_benchmark_mark (Painter *p,
                                                 double x,
                                                 double y,
                                                 double opacity);
void          tps_map_paint_draw_legend_icon (Painter *p,
                                              TpsMapLegendItem item,
                                              double x,
                                              double y);
void          tps_map_paint_show_layout (Painter *p,
                                         PangoLayout *layout);
void          tps_map_paint_draw_entry_exit (Painter *p,
                                             gboolean entry,
                                             double x,
                                             double y,
                                             double size);
void          tps_map_paint_draw_kind_mark (Painter *p,
                                            TpsChannelKind kind,
                                            double x,
                                            double y,
                                            double size);
void          tps_map_paint_draw_measure_icon (Painter *p,
                                               double x,
                                               double y,
                                               double size);
void          tps_map_paint_draw_trend_arrow (Painter *p,
                                              int direction,
                                              double x,
                                              double y,
                                              double size);
gboolean      tps_map_paint_is_highlighted (Painter *p,
                                            TpsTouchpoint *touchpoint);
void          tps_map_paint_draw_band (Painter *p);

G_END_DECLS
