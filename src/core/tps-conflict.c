/* tps-conflict.c
 *
 * A conflict names its object by id (a measurement's or a process step's
 * too; none for the project itself) and its property by the model's
 * property name, and keeps the other value as the file's words, so that it
 * survives a save and load unchanged and is checked like everything else
 * the loader reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-compare-private.h"
#include "tps-conflict.h"
#include "tps-i18n-private.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-project-structure.h"

struct _TpsConflict
{
  GObject parent_instance;

  char *ref;
  char *property;
  GStrv values;
  gboolean deleted;
};

G_DEFINE_FINAL_TYPE (TpsConflict, tps_conflict, G_TYPE_OBJECT)

static void
tps_conflict_finalize (GObject *object)
{
  TpsConflict *self = TPS_CONFLICT (object);

  g_free (self->ref);
  g_free (self->property);
  g_strfreev (self->values);

  G_OBJECT_CLASS (tps_conflict_parent_class)->finalize (object);
}

static void
tps_conflict_class_init (TpsConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_conflict_finalize;
}

static void
tps_conflict_init (TpsConflict *self)
{
}

/* @ref: the object's id, or %NULL for the project itself */
TpsConflict *
tps_conflict_new_value (const char         *ref,
                        const char         *property,
                        const char * const *values)
{
  TpsConflict *self;
  static const char * const none[] = { NULL };

  g_return_val_if_fail (property != NULL, NULL);

  self = g_object_new (TPS_TYPE_CONFLICT, NULL);
  self->ref = g_strdup (ref);
  self->property = g_strdup (property);
  self->values = g_strdupv ((char **) (values ? values : none));
  return self;
}

/* The object @ref was deleted in one version and changed in the other. */
TpsConflict *
tps_conflict_new_deleted (const char *ref)
{
  TpsConflict *self;

  g_return_val_if_fail (ref != NULL, NULL);

  self = g_object_new (TPS_TYPE_CONFLICT, NULL);
  self->ref = g_strdup (ref);
  self->values = g_new0 (char *, 1);
  self->deleted = TRUE;
  return self;
}

const char *
tps_conflict_get_ref (TpsConflict *self)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);
  return self->ref;
}

/* Returns: the property the sides disagree on; %NULL for a deletion */
const char *
tps_conflict_get_property_name (TpsConflict *self)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);
  return self->property;
}

/* Returns: the other version's value, as the file's words */
const char * const *
tps_conflict_get_values (TpsConflict *self)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);
  return (const char * const *) self->values;
}

gboolean
tps_conflict_get_deleted (TpsConflict *self)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), FALSE);
  return self->deleted;
}

/* Values as words -------------------------------------------------------- */

GStrv
tps_value_to_words (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text != NULL && *text != '\0')
        g_strv_builder_add (words, text);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *items = g_value_get_boxed (value);

      if (items != NULL)
        g_strv_builder_addv (words, (const char **) items);
    }
  else if (type == G_TYPE_INT)
    {
      g_autofree char *number = g_strdup_printf ("%d", g_value_get_int (value));

      g_strv_builder_add (words, number);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_strv_builder_add (words, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buffer, sizeof buffer, "%.15g", g_value_get_double (value));
      g_strv_builder_add (words, buffer);
    }
  else if (G_TYPE_IS_ENUM (type))
    g_strv_builder_add (words, tps_enum_get_word (type, g_value_get_enum (value)));
  else
    g_return_val_if_reached (g_strv_builder_end (words));

  return g_strv_builder_end (words);
}

/* Fills @value (uninitialised) from @words; FALSE when they are not a
 * value @pspec accepts.
 */
gboolean
tps_value_from_words (GParamSpec         *pspec,
                      const char * const *words,
                      GValue             *value)
{
  GType type = pspec->value_type;
  guint n = words ? g_strv_length ((char **) words) : 0;
  char *end = NULL;

  g_value_init (value, type);

  if (type == G_TYPE_STRV)
    {
      g_value_set_boxed (value, words);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      g_value_set_string (value, n == 1 ? words[0] : NULL);
      return n <= 1;
    }
  if (n != 1)
    return FALSE;

  if (type == G_TYPE_INT)
    {
      gint64 number;

      if (!g_ascii_string_to_signed (words[0], 10, G_MININT, G_MAXINT, &number, NULL))
        return FALSE;
      g_value_set_int (value, number);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (g_strcmp0 (words[0], "true") != 0 && g_strcmp0 (words[0], "false") != 0)
        return FALSE;
      g_value_set_boolean (value, g_strcmp0 (words[0], "true") == 0);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      double number = g_ascii_strtod (words[0], &end);

      if (end == words[0] || *end != '\0')
        return FALSE;
      g_value_set_double (value, number);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int word;

      if (!tps_enum_parse_word (type, words[0], &word))
        return FALSE;
      g_value_set_enum (value, word);
    }
  else
    return FALSE;

  /* Out of the property's range (a rating of 7) is not a value either. */
  return !g_param_value_validate (pspec, value);
}

/* The object and its property ------------------------------------------- */

/* Returns: (transfer none) (nullable): the object the conflict is about:
 *   the project, a persona, stage, channel, touchpoint, measurement,
 *   measure or process step
 */
GObject *
tps_conflict_find_object (TpsConflict *self,
                          TpsProject  *project)
{
  TpsObject *object;
  int step;

  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);

  if (self->ref == NULL || *self->ref == '\0')
    return G_OBJECT (project);

  object = tps_project_lookup (project, self->ref);
  if (object != NULL)
    return G_OBJECT (object);

  if (tps_enum_parse_word (TPS_TYPE_STEP, self->ref, &step))
    return G_OBJECT (tps_project_get_step (project, step));

  return NULL;
}

static GParamSpec *
find_compared_property (GObject    *object,
                        const char *name)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (object), &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (pspecs[i]->name, name) == 0)
      return pspecs[i];

  return NULL;
}

static gboolean
references_exist (TpsProject         *project,
                  GParamSpec         *pspec,
                  const char * const *ids)
{
  if (!tps_property_is_reference (pspec->name))
    return TRUE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (tps_project_lookup (project, ids[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* Whether the record fits @project: its object exists, the property is
 * one the merge compares, and the value is one the property can take and
 * refers to what exists — so that taking it keeps the project valid.
 */
gboolean
tps_conflict_check (TpsConflict  *self,
                    TpsProject   *project,
                    GError      **error)
{
  GObject *object;
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (TPS_IS_CONFLICT (self), FALSE);

  object = tps_conflict_find_object (self, project);
  if (object == NULL)
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID,
                   _("The conflict refers to “%s”, which does not exist in the project."),
                   self->ref);
      return FALSE;
    }

  if (self->deleted)
    {
      if (TPS_IS_PROJECT (object) || TPS_IS_PROCESS_STEP (object))
        {
          g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID,
                       _("“%s” cannot be deleted, so it cannot be in a conflict about "
                         "deleting it."), self->ref);
          return FALSE;
        }
      return TRUE;
    }

  pspec = find_compared_property (object, self->property);
  if (pspec == NULL)
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID,
                   _("The conflict names the property “%s”, which “%s” does not have."),
                   self->property, self->ref ? self->ref : "");
      return FALSE;
    }

  if (!tps_value_from_words (pspec, (const char * const *) self->values, &value)
      || !references_exist (project, pspec, (const char * const *) self->values))
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID,
                   _("The conflict's value is not a valid “%s”."), self->property);
      return FALSE;
    }

  return TRUE;
}

static const char *
object_name (GObject *object)
{
  if (TPS_IS_PROJECT (object))
    {
      const char *title = tps_project_get_title (TPS_PROJECT (object));
      return title ? title : "";
    }
  return tps_object_get_display_name (TPS_OBJECT (object));
}

/* "Ist rating of “Erste Jahresrechnung”", or for a deletion "“Chat” was
 * deleted in one version and changed in the other"
 */
char *
tps_conflict_get_title (TpsConflict *self,
                        TpsProject  *project)
{
  GObject *object;

  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);

  object = tps_conflict_find_object (self, project);
  if (object == NULL)
    return g_strdup (self->ref);

  if (self->deleted)
    return g_strdup_printf (_("“%s” was deleted in one version and changed in the other"),
                            object_name (object));

  /* Translators: "Ist rating of “Erste Jahresrechnung”" */
  return g_strdup_printf (_("%s of “%s”"),
                          tps_property_get_label (G_OBJECT_TYPE (object), self->property),
                          object_name (object));
}

static char *
value_text (TpsConflict *self,
            TpsProject  *project,
            gboolean     other)
{
  GObject *object = tps_conflict_find_object (self, project);
  GParamSpec *pspec = object ? find_compared_property (object, self->property) : NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL)
    return g_strdup ("");

  if (other)
    {
      if (!tps_value_from_words (pspec, (const char * const *) self->values, &value))
        return g_strdup ("");
    }
  else
    {
      tps_compared_value_get (object, pspec, &value);
    }

  return tps_property_value_to_text (project, pspec, &value);
}

/* The choice that keeps what the project has now: the kept value, or for a
 * deletion keeping the object.
 */
char *
tps_conflict_get_kept_text (TpsConflict *self,
                            TpsProject  *project)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);

  if (self->deleted)
    return g_strdup (_("Keep it"));
  return value_text (self, project, FALSE);
}

/* The other choice: the other version's value, or deleting the object. */
char *
tps_conflict_get_other_text (TpsConflict *self,
                             TpsProject  *project)
{
  g_return_val_if_fail (TPS_IS_CONFLICT (self), NULL);

  if (self->deleted)
    return g_strdup (_("Delete it"));
  return value_text (self, project, TRUE);
}

/* A measurement belongs to a touchpoint's list. */
static void
delete_measurement (TpsProject     *project,
                    TpsHistory     *history,
                    TpsMeasurement *measurement)
{
  GListModel *touchpoints = tps_project_get_touchpoints (project);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      GListModel *measurements = tps_touchpoint_get_measurements (touchpoint);
      guint position;

      if (tps_list_find (measurements, measurement, &position))
        {
          tps_history_remove (history, measurements, position);
          return;
        }
    }
}

static void
delete_object (TpsProject *project,
               TpsHistory *history,
               GObject    *object)
{
  if (TPS_IS_TOUCHPOINT (object))
    tps_project_delete_touchpoint (project, history, TPS_TOUCHPOINT (object));
  else if (TPS_IS_MEASURE (object))
    tps_project_delete_measure (project, history, TPS_MEASURE (object));
  else if (TPS_IS_STAGE (object))
    tps_project_delete_stage (project, history, TPS_STAGE (object));
  else if (TPS_IS_CHANNEL (object))
    tps_project_delete_channel (project, history, TPS_CHANNEL (object));
  else if (TPS_IS_PERSONA (object))
    tps_project_delete_persona (project, history, TPS_PERSONA (object));
  else if (TPS_IS_COMPARATOR (object))
    tps_project_delete_comparator (project, history, TPS_COMPARATOR (object));
  else if (TPS_IS_MEASUREMENT (object))
    delete_measurement (project, history, TPS_MEASUREMENT (object));
}

/**
 * tps_conflict_resolve:
 * @take_other: take the other version's value (or delete the object);
 *   %FALSE keeps what the project has
 *
 * Settles the conflict and removes its record, as one undo step.
 */
void
tps_conflict_resolve (TpsConflict *self,
                      TpsProject  *project,
                      TpsHistory  *history,
                      gboolean     take_other)
{
  GListModel *conflicts = tps_project_get_conflicts (project);
  g_autoptr(TpsConflict) keep_alive = g_object_ref (self);
  g_autofree char *title = tps_conflict_get_title (self, project);
  g_autofree char *label = NULL;
  GObject *object;
  guint position;

  g_return_if_fail (TPS_IS_CONFLICT (self));
  g_return_if_fail (TPS_IS_HISTORY (history));

  if (!tps_list_find (conflicts, self, &position))
    g_return_if_reached ();

  /* Translators: undo label; %s is the conflict's title */
  label = g_strdup_printf (_("Conflict resolved: %s"), title);
  tps_history_begin_group (history, label);

  tps_history_remove (history, conflicts, position);

  object = tps_conflict_find_object (self, project);
  if (take_other && object != NULL && self->deleted)
    delete_object (project, history, object);
  else if (take_other && object != NULL)
    {
      GParamSpec *pspec = find_compared_property (object, self->property);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec != NULL
          && tps_value_from_words (pspec, (const char * const *) self->values, &value))
        tps_history_set_property (history, object, pspec->name, &value);
    }

  tps_history_end_group (history);
}
