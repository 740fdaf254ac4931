/* tps-map-renderer.h — draws the journey map with cairo
 *
 * The one drawing function behind the canvas, printing and every export,
 * so what is printed is exactly what is seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tps-compare.h"
#include "tps-map-layout.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean            dark;            /* dark style colours */
  /* For paper and image exports: no selection, hover or editing
   * feedback, and text is never simplified at small zooms.
   */
  gboolean            print;

  TpsTouchpoint      *selected;
  TpsTouchpoint      *hovered;
  gboolean            focused;         /* draw the keyboard focus ring on the selection */
  const char * const *highlight_ids;   /* e.g. the touchpoints of a selected measure */
  /* A comparison with another version: cards it lists as added, removed
   * or changed get an outline in that kind's colour. %NULL draws none.
   */
  TpsComparison      *comparison;

  /* Touchpoints that do not match are dimmed, not hidden. */
  const char         *persona_filter;  /* a persona id, or NULL for everyone */
  int                 moment_filter;   /* a TpsMoment, or -1 for all */
  int                 status_filter;   /* a TpsTouchpointStatus, or -1 for all */

  /* Editing feedback from the canvas, in layout units. */
  gboolean            show_drop;
  cairo_rectangle_t   drop;            /* the drop indicator bar */
  gboolean            show_add;
  TpsMapPoint         add;             /* centre of the "+" add button */
  TpsTouchpoint      *dragged;         /* drawn as a ghost at drag_origin */
  TpsMapPoint         drag_origin;     /* top left corner of the ghost card */

  /* For exports that keep text as text (SVG): each piece of text is handed
   * here, positioned at the current point with the source set, instead of
   * being drawn as glyphs. %NULL draws glyphs.
   */
  void              (*show_text)       (cairo_t     *cr,
                                        PangoLayout *layout,
                                        gpointer     data);
  gpointer            show_text_data;
} TpsMapRenderOptions;

/* A KPI's movement at one touchpoint: the latest measurement against the
 * baseline (Nullmessung) of the same metric.
 */
typedef struct
{
  TpsMeasurement *baseline;
  TpsMeasurement *latest;
  double          change;     /* latest − baseline */
  int             verdict;    /* +1 better, −1 worse, 0 unchanged or unknown */
} TpsMapTrend;

void     tps_map_render_options_init (TpsMapRenderOptions       *options);
gboolean tps_map_render_options_dims (const TpsMapRenderOptions *options,
                                      TpsTouchpoint             *touchpoint);

void     tps_map_render              (cairo_t                   *cr,
                                      TpsMapLayout              *layout,
                                      double                     zoom,
                                      const cairo_rectangle_t   *clip,
                                      const TpsMapRenderOptions *options);

gboolean tps_map_get_trend           (TpsTouchpoint             *touchpoint,
                                      TpsMapTrend               *trend);

G_END_DECLS
