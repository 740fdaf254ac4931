/* tps-conflict.h — a disagreement a merge left in the project for a person to settle
 *
 * A three-way merge keeps one value where both sides changed a property
 * two ways, and records the other value here; where one side deleted an
 * object the other changed, it keeps the object and records that. The
 * file carries these records (<conflicts>) until someone resolves them in
 * the app, one undo step each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_CONFLICT (tps_conflict_get_type ())
G_DECLARE_FINAL_TYPE (TpsConflict, tps_conflict, TPS, CONFLICT, GObject)

TpsConflict        *tps_conflict_new_value       (const char          *ref,
                                                  const char          *property,
                                                  const char * const  *values);
TpsConflict        *tps_conflict_new_deleted     (const char          *ref);

const char         *tps_conflict_get_ref         (TpsConflict         *self);
const char         *tps_conflict_get_property_name (TpsConflict       *self);
const char * const *tps_conflict_get_values      (TpsConflict         *self);
gboolean            tps_conflict_get_deleted     (TpsConflict         *self);

GObject            *tps_conflict_find_object     (TpsConflict         *self,
                                                  TpsProject          *project);
gboolean            tps_conflict_check           (TpsConflict         *self,
                                                  TpsProject          *project,
                                                  GError             **error);
char               *tps_conflict_get_title       (TpsConflict         *self,
                                                  TpsProject          *project);
char               *tps_conflict_get_kept_text   (TpsConflict         *self,
                                                  TpsProject          *project);
char               *tps_conflict_get_other_text  (TpsConflict         *self,
                                                  TpsProject          *project);
void                tps_conflict_resolve         (TpsConflict         *self,
                                                  TpsProject          *project,
                                                  TpsHistory          *history,
                                                  gboolean             take_other);

/* A property value as the words a file stores: one for a scalar, one per
 * item for a list, none for an empty text.
 */
GStrv               tps_value_to_words           (const GValue        *value);
gboolean            tps_value_from_words         (GParamSpec          *pspec,
                                                  const char * const  *words,
                                                  GValue              *value);

G_END_DECLS
