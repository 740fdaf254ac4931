/* tps-touchpoint-inspector.h — edits every attribute of one touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_TOUCHPOINT_INSPECTOR (tps_touchpoint_inspector_get_type ())
G_DECLARE_FINAL_TYPE (TpsTouchpointInspector, tps_touchpoint_inspector, TPS,
                      TOUCHPOINT_INSPECTOR, GtkWidget)

GtkWidget     *tps_touchpoint_inspector_new            (void);

TpsProject    *tps_touchpoint_inspector_get_project    (TpsTouchpointInspector *self);
void           tps_touchpoint_inspector_set_project    (TpsTouchpointInspector *self,
                                                        TpsProject             *project);
TpsHistory    *tps_touchpoint_inspector_get_history    (TpsTouchpointInspector *self);
void           tps_touchpoint_inspector_set_history    (TpsTouchpointInspector *self,
                                                        TpsHistory             *history);
TpsTouchpoint *tps_touchpoint_inspector_get_touchpoint (TpsTouchpointInspector *self);
void           tps_touchpoint_inspector_set_touchpoint (TpsTouchpointInspector *self,
                                                        TpsTouchpoint          *touchpoint);
void           tps_touchpoint_inspector_focus_title    (TpsTouchpointInspector *self);
GtkWidget     *tps_touchpoint_inspector_get_text_field (TpsTouchpointInspector *self,
                                                        const char             *name);

G_END_DECLS
