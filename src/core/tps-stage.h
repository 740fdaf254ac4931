/* tps-stage.h — a phase of the customer journey, a column of the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_STAGE (tps_stage_get_type ())
G_DECLARE_FINAL_TYPE (TpsStage, tps_stage, TPS, STAGE, TpsObject)

TpsStage   *tps_stage_new             (const char *id);
const char *tps_stage_get_name        (TpsStage   *self);
void        tps_stage_set_name        (TpsStage   *self,
                                       const char *name);
const char *tps_stage_get_description (TpsStage   *self);
void        tps_stage_set_description (TpsStage   *self,
                                       const char *description);

G_END_DECLS
