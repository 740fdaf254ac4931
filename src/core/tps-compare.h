/* tps-compare.h — what changed between two versions of a project, by object id
 *
 * One model for every place that shows a comparison: `--diff`, the git
 * drivers, the window's "Compare With…" and the report's "Changes since"
 * chapter. Objects are matched by their id, never by their position in the
 * file, and every change is described in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-project.h"

G_BEGIN_DECLS

typedef enum {
  TPS_CHANGE_ADDED,
  TPS_CHANGE_REMOVED,
  TPS_CHANGE_CHANGED,
} TpsChangeKind;

/* One property of one object, or one measurement of a touchpoint. */
typedef struct
{
  const char *property;  /* interned property name; "measurements", "ratings" or "order" otherwise */
  char       *label;     /* "Ist rating", "New measurement" */
  char       *old_text;  /* NULL for something added */
  char       *new_text;  /* NULL for something removed */
} TpsPropertyChange;

/* One object added, removed or changed; a changed one lists its properties. */
typedef struct
{
  TpsChangeKind  kind;
  GType          type;        /* TPS_TYPE_TOUCHPOINT, TPS_TYPE_MEASURE, …, TPS_TYPE_PROJECT */
  char          *id;          /* NULL for the project itself */
  char          *name;        /* its display name, from the new version where it exists */
  GPtrArray     *properties;  /* of TpsPropertyChange, in the order of the model */
} TpsObjectChange;

#define TPS_TYPE_COMPARISON (tps_comparison_get_type ())
G_DECLARE_FINAL_TYPE (TpsComparison, tps_comparison, TPS, COMPARISON, GObject)

TpsComparison         *tps_comparison_new            (TpsProject          *old_project,
                                                      TpsProject          *new_project);

guint                  tps_comparison_get_n_changes  (TpsComparison       *self);
const TpsObjectChange *tps_comparison_get_change     (TpsComparison       *self,
                                                      guint                position);
gboolean               tps_comparison_is_empty       (TpsComparison       *self);
gboolean               tps_comparison_lookup         (TpsComparison       *self,
                                                      const char          *id,
                                                      TpsChangeKind       *kind);
void                   tps_comparison_count          (TpsComparison       *self,
                                                      guint               *added,
                                                      guint               *removed,
                                                      guint               *changed);
char                  *tps_comparison_to_text        (TpsComparison       *self);

const char            *tps_object_change_get_kind_label (const TpsObjectChange *change);
char                  *tps_object_change_get_heading (const TpsObjectChange *change);
char                  *tps_property_change_to_string (const TpsPropertyChange *change);

/* The properties that make up an object's content: writable, not its id,
 * not a child list. Shared with the merge, so both look at the same things.
 */
GParamSpec           **tps_compared_properties       (GType                type,
                                                      guint               *n_properties);
gboolean               tps_property_values_equal     (const GValue        *a,
                                                      const GValue        *b);
gboolean               tps_property_is_reference     (const char          *property);
char                  *tps_property_value_to_text    (TpsProject          *project,
                                                      GParamSpec          *pspec,
                                                      const GValue        *value);

/* The project as lines of "property: value" under each object, for git's
 * textconv: a line diff of two of these reads like the comparison.
 */
char                  *tps_project_to_text           (TpsProject          *project);

G_END_DECLS
