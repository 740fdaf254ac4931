/* tps-measures-view.h — the measures planner: list, timeline, matrix and editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_MEASURES_VIEW (tps_measures_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsMeasuresView, tps_measures_view, TPS, MEASURES_VIEW, GtkWidget)

GtkWidget  *tps_measures_view_new                  (void);

TpsProject *tps_measures_view_get_project          (TpsMeasuresView *self);
void        tps_measures_view_set_project          (TpsMeasuresView *self,
                                                    TpsProject      *project);
TpsHistory *tps_measures_view_get_history          (TpsMeasuresView *self);
void        tps_measures_view_set_history          (TpsMeasuresView *self,
                                                    TpsHistory      *history);
TpsMeasure *tps_measures_view_get_selected_measure (TpsMeasuresView *self);
void        tps_measures_view_set_selected_measure (TpsMeasuresView *self,
                                                    TpsMeasure      *measure);

void        tps_measures_view_set_folded           (TpsMeasuresView *self,
                                                    gboolean         folded);
void        tps_measures_view_set_compact          (TpsMeasuresView *self,
                                                    gboolean         compact);
void        tps_measures_view_set_narrow           (TpsMeasuresView *self,
                                                    gboolean         narrow);

G_END_DECLS
