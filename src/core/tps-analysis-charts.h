/* tps-analysis-charts.h — the analysis charts, drawn with cairo and pango
 *
 * Three charts over a TpsProject, each drawn by one function into any
 * cairo_t at a given size: the analysis view's widgets, the report PDF and
 * PNG exports call the same functions, so what the report prints is what
 * the view shows.
 *
 *  - the importance/performance matrix: importance (y) against today's
 *    experience (x), quadrants named and tinted, every touchpoint a labelled
 *    marker whose shape says its moment (painpoint, lovepoint, moment of
 *    truth);
 *  - the perception gap: the share of touchpoints employees and customers
 *    rate "delightful", then one row per touchpoint from the customers' Ist
 *    to the employees' view, largest gaps first;
 *  - KPI trends: one small chart per touchpoint and metric with its
 *    baseline, its target and its latest value.
 *
 * Coordinates are in device-independent units (1 unit = 1 px on screen,
 * 1 pt in a PDF), origin at the top left of the chart. Text sizes are
 * absolute, so the pango resolution of the target (96 on screen, 72 on a
 * PDF surface) does not change the result. Labels are translated with
 * gettext in the current locale.
 *
 * The matrix fills the size it is given. The other two have a natural
 * height for a width (tps_analysis_*_get_height()); given less, they show
 * what fits and say how much they left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tps-analysis.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean       dark;           /* dark style colours */
  gboolean       transparent;    /* leave the background to the caller */
  /* For paper and image exports: no hover or selection feedback. */
  gboolean       print;
  TpsTouchpoint *selected;       /* drawn with a ring and a bold label */
  TpsTouchpoint *hovered;        /* drawn with a light highlight */
  /* To spread the perception gap rows and the KPI charts over pages: skip
   * the first ones, show at most so many (0: as many as fit).
   */
  guint          first_row;
  guint          max_rows;
  guint          first_series;
  guint          max_series;
  /* The rest follows on the next page: no "… and 12 more" line. */
  gboolean       paginated;
  /* What a caller that draws a chart many times (the report, page by page)
   * computed once: when set, used instead of computing it from the project
   * again for every call.
   */
  GArray                     *gaps;        /* tps_analysis_get_perception_gaps () */
  const TpsPerceptionSummary *perception;  /* tps_analysis_get_perception_summary () */
  GPtrArray                  *kpi_series;  /* tps_analysis_get_kpi_series () */
} TpsAnalysisChartOptions;

/* A chart's smallest sensible size; below it the charts still draw, but
 * labels get cut.
 */
#define TPS_ANALYSIS_MATRIX_MIN_WIDTH   480.0
#define TPS_ANALYSIS_MATRIX_MIN_HEIGHT  360.0

void           tps_analysis_chart_options_init        (TpsAnalysisChartOptions       *options);

double         tps_analysis_matrix_get_height         (TpsProject                    *project,
                                                       double                         width,
                                                       const TpsAnalysisChartOptions *options);
void           tps_analysis_render_matrix             (cairo_t                       *cr,
                                                       TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options);
TpsTouchpoint *tps_analysis_matrix_hit_test           (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options,
                                                       double                         x,
                                                       double                         y);
gboolean       tps_analysis_matrix_get_marker         (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options,
                                                       TpsTouchpoint                 *touchpoint,
                                                       double                        *x,
                                                       double                        *y);
gboolean       tps_analysis_matrix_get_quadrant_area  (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       TpsIpaQuadrant                 quadrant,
                                                       cairo_rectangle_t             *area);

double         tps_analysis_perception_gap_get_height (TpsProject                    *project,
                                                       double                         width,
                                                       const TpsAnalysisChartOptions *options);
void           tps_analysis_render_perception_gap     (cairo_t                       *cr,
                                                       TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options);
guint          tps_analysis_perception_gap_count_rows (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options);
TpsTouchpoint *tps_analysis_perception_gap_hit_test   (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options,
                                                       double                         x,
                                                       double                         y);

double         tps_analysis_kpi_trends_get_height     (TpsProject                    *project,
                                                       double                         width,
                                                       const TpsAnalysisChartOptions *options);
void           tps_analysis_render_kpi_trends         (cairo_t                       *cr,
                                                       TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options);
guint          tps_analysis_kpi_trends_count_series   (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options);
TpsTouchpoint *tps_analysis_kpi_trends_hit_test       (TpsProject                    *project,
                                                       double                         width,
                                                       double                         height,
                                                       const TpsAnalysisChartOptions *options,
                                                       double                         x,
                                                       double                         y);

G_END_DECLS
