/* tps-analysis-charts-private.h — what the analysis charts share
 *
 * The painter (target, text context, dark style, options), text and
 * colour helpers and the moment markers. Each chart lives in a file of
 * its own: tps-analysis-matrix.c, tps-analysis-gap.c, tps-analysis-kpi.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "tps-analysis-charts.h"
#include "tps-palette.h"

G_BEGIN_DECLS

#define N_RATINGS    (TPS_RATING_MAX - TPS_RATING_MIN + 1)
#define N_IMPORTANCE (TPS_IMPORTANCE_MAX - TPS_IMPORTANCE_MIN + 1)

typedef struct
{
  cairo_t *cr;              /* NULL while only measuring */
  PangoContext *context;
  gboolean dark;
  const TpsAnalysisChartOptions *options;
} Painter;

void                  tps_chart_painter_init (Painter *p,
                                              cairo_t *cr,
                                              const TpsAnalysisChartOptions *options);
void                  tps_chart_painter_clear (Painter *p);
void                  tps_chart_set_role (Painter *p,
                                          TpsPaletteRole role,
                                          double opacity);
void                  tps_chart_set_color (Painter *p,
                                           const TpsColor *color,
                                           double opacity);
PangoLayout *         tps_chart_text_new (Painter *p,
                                          const char *text,
                                          double size,
                                          PangoWeight weight,
                                          double width,
                                          int max_lines);
void                  tps_chart_text_show (Painter *p,
                                           PangoLayout *layout,
                                           double x,
                                           double y);
void                  tps_chart_fill_background (Painter *p,
                                                 double width,
                                                 double height);
gboolean              tps_chart_rect_contains (const cairo_rectangle_t *r,
                                               double x,
                                               double y);
void                  tps_chart_draw_marker (Painter *p,
                                             TpsMoment moment,
                                             gboolean hollow,
                                             double x,
                                             double y,
                                             double size);
void                  tps_chart_draw_centered_message (Painter *p,
                                                       const cairo_rectangle_t *area,
                                                       const char *message);
const char *          tps_chart_title_or_untitled (TpsTouchpoint *touchpoint);

G_END_DECLS
