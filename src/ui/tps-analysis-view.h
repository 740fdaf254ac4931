/* tps-analysis-view.h — the Analysis view: importance/performance matrix,
 * perception gap, KPI trends against the baseline, and the process
 * checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_ANALYSIS_VIEW (tps_analysis_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsAnalysisView, tps_analysis_view, TPS, ANALYSIS_VIEW, GtkWidget)

GtkWidget     *tps_analysis_view_new                    (void);

TpsProject    *tps_analysis_view_get_project            (TpsAnalysisView *self);
void           tps_analysis_view_set_project            (TpsAnalysisView *self,
                                                         TpsProject      *project);
TpsHistory    *tps_analysis_view_get_history            (TpsAnalysisView *self);
void           tps_analysis_view_set_history            (TpsAnalysisView *self,
                                                         TpsHistory      *history);
TpsTouchpoint *tps_analysis_view_get_selected_touchpoint (TpsAnalysisView *self);
void           tps_analysis_view_set_selected_touchpoint (TpsAnalysisView *self,
                                                          TpsTouchpoint   *touchpoint);
void           tps_analysis_view_show_health            (TpsAnalysisView *self);

G_END_DECLS
