/* tps-project-structure.h — editing the journey's frame: stages, channels,
 * personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

guint       tps_project_count_touchpoints_using (TpsProject *project,
                                                 TpsObject  *object);

TpsStage   *tps_project_add_stage               (TpsProject *project,
                                                 TpsHistory *history,
                                                 const char *name);
TpsStage   *tps_project_insert_stage            (TpsProject *project,
                                                 TpsHistory *history,
                                                 guint       position,
                                                 const char *name);
TpsChannel *tps_project_add_channel             (TpsProject *project,
                                                 TpsHistory *history,
                                                 const char *name,
                                                 TpsChannelKind kind);
TpsPersona *tps_project_add_persona             (TpsProject *project,
                                                 TpsHistory *history,
                                                 const char *name);
TpsComparator *tps_project_add_comparator       (TpsProject        *project,
                                                 TpsHistory        *history,
                                                 const char        *name,
                                                 TpsComparatorKind  kind);

void        tps_project_delete_stage            (TpsProject *project,
                                                 TpsHistory *history,
                                                 TpsStage   *stage);
void        tps_project_delete_channel          (TpsProject *project,
                                                 TpsHistory *history,
                                                 TpsChannel *channel);
void        tps_project_delete_persona          (TpsProject *project,
                                                 TpsHistory *history,
                                                 TpsPersona *persona);

void        tps_project_delete_comparator       (TpsProject    *project,
                                                 TpsHistory    *history,
                                                 TpsComparator *comparator);

G_END_DECLS
