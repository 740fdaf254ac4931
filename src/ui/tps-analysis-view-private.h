/* tps-analysis-view-private.h — what the analysis view's tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-analysis-chart.h"
#include "tps-analysis-view.h"
#include "tps-process-checklist.h"

G_BEGIN_DECLS

typedef enum {
  TPS_ANALYSIS_LIST_HEALTH,
  TPS_ANALYSIS_LIST_BENCHMARK,
  TPS_ANALYSIS_LIST_CONSISTENCY,
} TpsAnalysisListKind;

GtkListBox          *tps_analysis_view_get_list      (TpsAnalysisView      *self,
                                                      TpsAnalysisListKind   kind);
GtkDropDown         *tps_analysis_view_get_comparator_filter (TpsAnalysisView *self);

TpsAnalysisChart    *tps_analysis_view_get_chart     (TpsAnalysisView      *self,
                                                      TpsAnalysisChartKind  kind);
TpsProcessChecklist *tps_analysis_view_get_checklist (TpsAnalysisView      *self);

GtkCheckButton      *tps_process_checklist_get_check (TpsProcessChecklist  *self,
                                                      TpsStep               step);
GtkEditable         *tps_process_checklist_get_notes (TpsProcessChecklist  *self,
                                                      TpsStep               step);

G_END_DECLS
