/* tps-touchpoints-view.h — every touchpoint in a sortable, filterable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_TOUCHPOINTS_VIEW (tps_touchpoints_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsTouchpointsView, tps_touchpoints_view, TPS, TOUCHPOINTS_VIEW, GtkWidget)

GtkWidget          *tps_touchpoints_view_new           (void);

TpsProject         *tps_touchpoints_view_get_project   (TpsTouchpointsView *self);
void                tps_touchpoints_view_set_project   (TpsTouchpointsView *self,
                                                        TpsProject         *project);
TpsHistory         *tps_touchpoints_view_get_history   (TpsTouchpointsView *self);
void                tps_touchpoints_view_set_history   (TpsTouchpointsView *self,
                                                        TpsHistory         *history);

GListModel         *tps_touchpoints_view_get_rows      (TpsTouchpointsView *self);
GtkSelectionModel  *tps_touchpoints_view_get_selection (TpsTouchpointsView *self);
void                tps_touchpoints_view_sort_by       (TpsTouchpointsView *self,
                                                        const char         *column_id,
                                                        GtkSortType         direction);
void                tps_touchpoints_view_focus_search  (TpsTouchpointsView *self);
void                tps_touchpoints_view_set_compact   (TpsTouchpointsView *self,
                                                        gboolean            compact);

G_END_DECLS
