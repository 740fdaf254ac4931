/* tps-process-step.h — one step of the CTM process or of BEST IMPACT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_PROCESS_STEP (tps_process_step_get_type ())
G_DECLARE_FINAL_TYPE (TpsProcessStep, tps_process_step, TPS, PROCESS_STEP, TpsObject)

TpsProcessStep *tps_process_step_new       (TpsStep         step);
TpsStep         tps_process_step_get_step  (TpsProcessStep *self);
gboolean        tps_process_step_get_done  (TpsProcessStep *self);
void            tps_process_step_set_done  (TpsProcessStep *self,
                                            gboolean        done);
const char     *tps_process_step_get_notes (TpsProcessStep *self);
void            tps_process_step_set_notes (TpsProcessStep *self,
                                            const char     *notes);

G_END_DECLS
