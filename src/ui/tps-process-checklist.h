/* tps-process-checklist.h — the CTM process and the BEST IMPACT steps as a
 * checklist: done and notes per step, through the undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_PROCESS_CHECKLIST (tps_process_checklist_get_type ())
G_DECLARE_FINAL_TYPE (TpsProcessChecklist, tps_process_checklist, TPS, PROCESS_CHECKLIST,
                      GtkWidget)

GtkWidget  *tps_process_checklist_new         (void);

TpsProject *tps_process_checklist_get_project (TpsProcessChecklist *self);
void        tps_process_checklist_set_project (TpsProcessChecklist *self,
                                               TpsProject          *project);
TpsHistory *tps_process_checklist_get_history (TpsProcessChecklist *self);
void        tps_process_checklist_set_history (TpsProcessChecklist *self,
                                               TpsHistory          *history);

G_END_DECLS
