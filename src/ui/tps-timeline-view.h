/* tps-timeline-view.h — the measures plan as a widget: draws a TpsTimeline,
 * drags bars to change dates through the history, keeps the titles and the
 * month header in view while it scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"
#include "tps-timeline.h"

G_BEGIN_DECLS

#define TPS_TYPE_TIMELINE_VIEW (tps_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsTimelineView, tps_timeline_view, TPS, TIMELINE_VIEW, GtkWidget)

GtkWidget           *tps_timeline_view_new                  (void);

TpsProject          *tps_timeline_view_get_project          (TpsTimelineView     *self);
void                 tps_timeline_view_set_project          (TpsTimelineView     *self,
                                                             TpsProject          *project);
TpsHistory          *tps_timeline_view_get_history          (TpsTimelineView     *self);
void                 tps_timeline_view_set_history          (TpsTimelineView     *self,
                                                             TpsHistory          *history);
TpsMeasure          *tps_timeline_view_get_selected_measure (TpsTimelineView     *self);
void                 tps_timeline_view_set_selected_measure (TpsTimelineView     *self,
                                                             TpsMeasure          *measure);
TpsTimelineScale     tps_timeline_view_get_scale            (TpsTimelineView     *self);
void                 tps_timeline_view_set_scale            (TpsTimelineView     *self,
                                                             TpsTimelineScale     scale);
TpsTimelineGrouping  tps_timeline_view_get_grouping         (TpsTimelineView     *self);
void                 tps_timeline_view_set_grouping         (TpsTimelineView     *self,
                                                             TpsTimelineGrouping  grouping);

void                 tps_timeline_view_refresh              (TpsTimelineView     *self);
TpsTimeline         *tps_timeline_view_get_timeline         (TpsTimelineView     *self);

G_END_DECLS
