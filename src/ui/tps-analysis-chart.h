/* tps-analysis-chart.h — one analysis chart as a widget: draws through the
 * core renderer, tells what is under the pointer, activates a touchpoint
 * on click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-project.h"

G_BEGIN_DECLS

typedef enum {
  TPS_ANALYSIS_CHART_MATRIX,
  TPS_ANALYSIS_CHART_PERCEPTION_GAP,
  TPS_ANALYSIS_CHART_KPI_TRENDS,
} TpsAnalysisChartKind;

#define TPS_TYPE_ANALYSIS_CHART_KIND (tps_analysis_chart_kind_get_type ())
GType tps_analysis_chart_kind_get_type (void) G_GNUC_CONST;

#define TPS_TYPE_ANALYSIS_CHART (tps_analysis_chart_get_type ())
G_DECLARE_FINAL_TYPE (TpsAnalysisChart, tps_analysis_chart, TPS, ANALYSIS_CHART, GtkWidget)

GtkWidget            *tps_analysis_chart_new          (TpsAnalysisChartKind  kind);

TpsAnalysisChartKind  tps_analysis_chart_get_kind     (TpsAnalysisChart     *self);
TpsProject           *tps_analysis_chart_get_project  (TpsAnalysisChart     *self);
void                  tps_analysis_chart_set_project  (TpsAnalysisChart     *self,
                                                       TpsProject           *project);
TpsTouchpoint        *tps_analysis_chart_get_selected (TpsAnalysisChart     *self);
void                  tps_analysis_chart_set_selected (TpsAnalysisChart     *self,
                                                       TpsTouchpoint        *touchpoint);
void                  tps_analysis_chart_refresh      (TpsAnalysisChart     *self);

TpsTouchpoint        *tps_analysis_chart_hit_test     (TpsAnalysisChart     *self,
                                                       double                x,
                                                       double                y);
gboolean              tps_analysis_chart_activate_at  (TpsAnalysisChart     *self,
                                                       double                x,
                                                       double                y);
gboolean              tps_analysis_chart_move_selection    (TpsAnalysisChart *self,
                                                            int               step);
gboolean              tps_analysis_chart_activate_selected (TpsAnalysisChart *self);

G_END_DECLS
