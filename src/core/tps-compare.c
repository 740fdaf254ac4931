/* tps-compare.c
 *
 * Two projects are compared object by object, matched by id, and property
 * by property, through the GObject properties of the model: a property
 * added to the model is compared (and merged) without touching this file.
 * Values are shown the way the app shows them: ratings as −2 … +2, enums by
 * their translated label, references by the name of what they refer to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-compare-private.h"
#include "tps-history.h"
#include "tps-i18n-private.h"

/* Long text is cut to this many characters in a one-line summary. */
#define SHORT_TEXT 60

struct _TpsComparison
{
  GObject parent_instance;

  GPtrArray  *changes;  /* of TpsObjectChange */
  GHashTable *by_id;    /* id → TpsObjectChange, borrowed from changes */
};

G_DEFINE_FINAL_TYPE (TpsComparison, tps_comparison, G_TYPE_OBJECT)

typedef struct
{
  GType       (*get_type) (void);
  const char *label;
  const char *added;    /* "New touchpoint “%s”" */
  const char *removed;
} KindInfo;

static const KindInfo kinds[] = {
  { tps_project_get_type, N_("Project"), NULL, NULL },
  { tps_persona_get_type, N_("Persona"), N_("New persona “%s”"), N_("Removed persona “%s”") },
  { tps_stage_get_type, N_("Stage"), N_("New stage “%s”"), N_("Removed stage “%s”") },
  { tps_channel_get_type, N_("Channel"), N_("New channel “%s”"), N_("Removed channel “%s”") },
  { tps_touchpoint_get_type, N_("Touchpoint"), N_("New touchpoint “%s”"),
    N_("Removed touchpoint “%s”") },
  { tps_measure_get_type, N_("Measure"), N_("New measure “%s”"), N_("Removed measure “%s”") },
  { tps_comparator_get_type, N_("Comparator"), N_("New comparator “%s”"),
    N_("Removed comparator “%s”") },
  { tps_process_step_get_type, N_("Process step"), NULL, NULL },
};

static const KindInfo *
kind_info (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].get_type () == type)
      return &kinds[i];

  g_return_val_if_reached (&kinds[0]);
}

static void
property_change_free (TpsPropertyChange *change)
{
  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static void
object_change_free (TpsObjectChange *change)
{
  g_free (change->id);
  g_free (change->name);
  g_ptr_array_unref (change->properties);
  g_free (change);
}

static void
tps_comparison_finalize (GObject *object)
{
  TpsComparison *self = TPS_COMPARISON (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_comparison_parent_class)->finalize (object);
}

static void
tps_comparison_class_init (TpsComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_comparison_finalize;
}

static void
tps_comparison_init (TpsComparison *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) object_change_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Values and their text */

static gboolean
is_compared_type (GType type)
{
  return type == G_TYPE_STRING || type == G_TYPE_STRV || type == G_TYPE_INT
         || type == G_TYPE_BOOLEAN || type == G_TYPE_DOUBLE || G_TYPE_IS_ENUM (type);
}

/* Transfer container: free the array, not the specs. */
GParamSpec **
tps_compared_properties (GType  type,
                         guint *n_properties)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **all = NULL;
  GParamSpec **result;
  guint n_all = 0, n = 0;

  all = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_all);
  result = g_new0 (GParamSpec *, n_all + 1);

  for (guint i = 0; i < n_all; i++)
    {
      GParamSpec *pspec = all[i];

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0
          || !is_compared_type (pspec->value_type) || g_strcmp0 (pspec->name, "id") == 0)
        continue;
      /* When a project was saved is not what changed in it. */
      if (type == TPS_TYPE_PROJECT && (g_strcmp0 (pspec->name, "created") == 0
                                       || g_strcmp0 (pspec->name, "modified") == 0))
        continue;

      result[n++] = pspec;
    }

  *n_properties = n;
  return result;
}

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

gboolean
tps_property_values_equal (const GValue *a,
                           const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  g_return_val_if_fail (G_VALUE_TYPE (b) == type, FALSE);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (nonnull (g_value_get_string (a)), nonnull (g_value_get_string (b))) == 0;
  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);
      static const char * const empty[] = { NULL };

      return g_strv_equal ((const char * const *) (x ? x : empty),
                           (const char * const *) (y ? y : empty));
    }
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_return_val_if_reached (FALSE);
}

/* −2, −1, 0, +1, +2 with a real minus sign, as on the rating scale. */
static char *
rating_to_text (int rating)
{
  if (rating < 0)
    return g_strdup_printf ("−%d", -rating);
  if (rating > 0)
    return g_strdup_printf ("+%d", rating);
  return g_strdup ("0");
}

/* One line, at most SHORT_TEXT characters, in quotes. */
static char *
quote_short (const char *text)
{
  g_autofree char *line = g_strdup (text);
  g_autoptr(GString) result = g_string_new ("“");

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > SHORT_TEXT)
    {
      char *end = g_utf8_offset_to_pointer (line, SHORT_TEXT - 1);
      g_string_append_len (result, line, end - line);
      g_string_append (result, "…");
    }
  else
    g_string_append (result, line);

  g_string_append (result, "”");
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Whether @property holds ids of other objects (a stage, personas, …). */
gboolean
tps_property_is_reference (const char *property)
{
  return g_strcmp0 (property, "stage-id") == 0 || g_strcmp0 (property, "channel-id") == 0
         || g_strcmp0 (property, "parent-id") == 0 || g_strcmp0 (property, "persona-ids") == 0
         || g_strcmp0 (property, "touchpoint-ids") == 0;
}

/* Dates, colours and codes are shown as they are; free text in quotes. */
static gboolean
is_plain_word (const char *property)
{
  static const char * const plain[] = {
    "start", "due", "date", "color", "language", "currency", "systems",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    if (g_strcmp0 (plain[i], property) == 0)
      return TRUE;

  return FALSE;
}

static const char *
referenced_name (TpsProject *project,
                 const char *id)
{
  TpsObject *object = project ? tps_project_lookup (project, id) : NULL;

  return object != NULL ? tps_object_get_display_name (object) : id;
}

/* Free text in full on one line, for the textconv listing. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
  g_autoptr(GString) result = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (result->len > 0)
        g_string_append (result, " ¶ ");
      g_string_append (result, lines[i]);
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static char *
value_to_text (TpsProject   *project,
               GParamSpec   *pspec,
               const GValue *value,
               gboolean      full)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return g_strdup ("—");
      if (tps_property_is_reference (pspec->name))
        return g_strdup (referenced_name (project, text));
      if (is_plain_word (pspec->name))
        return g_strdup (text);
      return full ? one_line (text) : quote_short (text);
    }

  if (type == G_TYPE_STRV)
    {
      const char * const *items = g_value_get_boxed (value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; items != NULL && items[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, tps_property_is_reference (pspec->name) ? referenced_name (project, items[i])
                                                            : items[i]);
        }
      if (text->len == 0)
        g_string_append (text, "—");
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (type == G_TYPE_INT)
    {
      if (pspec->owner_type == TPS_TYPE_TOUCHPOINT
          && (g_strcmp0 (pspec->name, "current") == 0 || g_strcmp0 (pspec->name, "target") == 0
              || g_strcmp0 (pspec->name, "internal") == 0))
        return rating_to_text (g_value_get_int (value));
      return g_strdup_printf ("%d", g_value_get_int (value));
    }

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? C_("value", "Yes") : C_("value", "No"));

  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", g_value_get_double (value));

  if (G_TYPE_IS_ENUM (type))
    return g_strdup (tps_enum_get_label (type, g_value_get_enum (value)));

  g_return_val_if_reached (g_strdup (""));
}

/* A value as the comparison shows it; long text is shortened. */
char *
tps_property_value_to_text (TpsProject   *project,
                            GParamSpec   *pspec,
                            const GValue *value)
{
  return value_to_text (project, pspec, value, FALSE);
}

static const char *
object_id (GObject *object)
{
  if (TPS_IS_PROCESS_STEP (object))
    return tps_enum_get_word (TPS_TYPE_STEP,
                              tps_process_step_get_step (TPS_PROCESS_STEP (object)));
  if (TPS_IS_OBJECT (object))
    return tps_object_get_id (TPS_OBJECT (object));
  return NULL;
}

static const char *
object_name (GObject *object)
{
  if (TPS_IS_PROJECT (object))
    return nonnull (tps_project_get_title (TPS_PROJECT (object)));
  return tps_object_get_display_name (TPS_OBJECT (object));
}

/* "CSAT 2026-03-01" */
static char *
measurement_name (TpsMeasurement *measurement)
{
  return g_strdup_printf ("%s %s", tps_measurement_get_metric_name (measurement),
                          nonnull (tps_measurement_get_date (measurement)));
}

/* "CSAT 2026-03-01: 3.2 (target 4)" */
static char *
measurement_summary (TpsMeasurement *measurement)
{
  g_autofree char *name = measurement_name (measurement);

  if (tps_measurement_get_has_target (measurement))
    return g_strdup_printf (_("%s: %g (target %g)"), name,
                            tps_measurement_get_value (measurement),
                            tps_measurement_get_target (measurement));
  return g_strdup_printf ("%s: %g", name, tps_measurement_get_value (measurement));
}

/* Comparing */

static void
add_property_change (GPtrArray  *properties,
                     const char *property,
                     char       *label,
                     char       *old_text,
                     char       *new_text)
{
  TpsPropertyChange *change = g_new0 (TpsPropertyChange, 1);

  change->property = g_intern_string (property);
  change->label = label;
  change->old_text = old_text;
  change->new_text = new_text;
  g_ptr_array_add (properties, change);
}

/* Every compared property of two versions of one object; a label prefix
 * places a measurement's properties ("Value of measurement CSAT …").
 */
static void
compare_properties (TpsProject *old_project,
                    TpsProject *new_project,
                    GObject    *old_object,
                    GObject    *new_object,
                    const char *owner_name,
                    GPtrArray  *properties)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (new_object), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      const char *label = tps_property_get_label (pspecs[i]->owner_type, pspecs[i]->name);

      tps_compared_value_get (old_object, pspecs[i], &a);
      tps_compared_value_get (new_object, pspecs[i], &b);
      if (tps_property_values_equal (&a, &b))
        continue;

      add_property_change (properties, owner_name ? "measurements" : pspecs[i]->name,
                           owner_name ? g_strdup_printf (_("%s of measurement %s"), label,
                                                         owner_name)
                                      : g_strdup (label),
                           tps_property_value_to_text (old_project, pspecs[i], &a),
                           tps_property_value_to_text (new_project, pspecs[i], &b));
    }
}

/* Fills @value (uninitialised) with @object's @pspec. */
void
tps_compared_value_get (GObject    *object,
                        GParamSpec *pspec,
                        GValue     *value)
{
  g_value_init (value, pspec->value_type);
  g_object_get_property (object, pspec->name, value);
}

/* Returns: (transfer full): id → object (a process step by its word) */
GHashTable *
tps_index_by_id (GListModel *list)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *object = g_list_model_get_item (list, i);
      const char *id = object_id (object);

      if (id != NULL)
        g_hash_table_replace (index, (gpointer) id, object);
      else
        g_object_unref (object);
    }

  return index;
}

/* New, removed and changed measurements of one touchpoint. */
static void
compare_measurements (TpsProject    *old_project,
                      TpsProject    *new_project,
                      TpsTouchpoint *old_touchpoint,
                      TpsTouchpoint *new_touchpoint,
                      GPtrArray     *properties)
{
  GListModel *old_list = tps_touchpoint_get_measurements (old_touchpoint);
  GListModel *new_list = tps_touchpoint_get_measurements (new_touchpoint);
  g_autoptr(GHashTable) old_index = tps_index_by_id (old_list);
  g_autoptr(GHashTable) new_index = tps_index_by_id (new_list);

  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(TpsMeasurement) measurement = g_list_model_get_item (new_list, i);
      TpsMeasurement *old = g_hash_table_lookup (old_index,
                                                 tps_object_get_id (TPS_OBJECT (measurement)));

      if (old == NULL)
        add_property_change (properties, "measurements", g_strdup (_("New measurement")), NULL,
                             measurement_summary (measurement));
      else
        {
          g_autofree char *name = measurement_name (old);

          compare_properties (old_project, new_project, G_OBJECT (old), G_OBJECT (measurement),
                              name, properties);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(TpsMeasurement) measurement = g_list_model_get_item (old_list, i);

      if (!g_hash_table_contains (new_index, tps_object_get_id (TPS_OBJECT (measurement))))
        add_property_change (properties, "measurements", g_strdup (_("Removed measurement")),
                             measurement_summary (measurement), NULL);
    }
}

/* "Rating at “Hotline”": a comparator's rating, named by its touchpoint. */
static char *
rating_label (TpsProject *project,
              const char *touchpoint_id)
{
  TpsTouchpoint *touchpoint = tps_project_find_touchpoint (project, touchpoint_id);

  /* Translators: a comparator's rating at a touchpoint */
  return g_strdup_printf (_("Rating at “%s”"),
                          touchpoint ? tps_object_get_display_name (TPS_OBJECT (touchpoint))
                                     : touchpoint_id);
}

/* A comparator's ratings, touchpoint by touchpoint: "Rating at “Hotline”". */
static void
compare_ratings (TpsProject    *old_project,
                 TpsProject    *new_project,
                 TpsComparator *old_comparator,
                 TpsComparator *new_comparator,
                 GPtrArray     *properties)
{
  GListModel *old_list = tps_comparator_get_ratings (old_comparator);
  GListModel *new_list = tps_comparator_get_ratings (new_comparator);

  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (new_list, i);
      const char *id = tps_comparator_rating_get_touchpoint_id (rating);
      int old_value, new_value = tps_comparator_rating_get_value (rating);
      gboolean had = tps_comparator_get_rating (old_comparator, id, &old_value);

      if (had && old_value == new_value)
        continue;
      add_property_change (properties, "ratings", rating_label (new_project, id),
                           had ? tps_rating_format (old_value) : NULL,
                           tps_rating_format (new_value));
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (old_list, i);
      const char *id = tps_comparator_rating_get_touchpoint_id (rating);

      if (!tps_comparator_get_rating (new_comparator, id, NULL))
        add_property_change (properties, "ratings", rating_label (old_project, id),
                             tps_rating_format (tps_comparator_rating_get_value (rating)),
                             NULL);
    }
}

static TpsObjectChange *
add_object_change (TpsComparison *self,
                   TpsChangeKind  kind,
                   GObject       *object,
                   GPtrArray     *properties)
{
  TpsObjectChange *change = g_new0 (TpsObjectChange, 1);

  change->kind = kind;
  change->type = G_OBJECT_TYPE (object);
  change->id = g_strdup (object_id (object));
  change->name = g_strdup (object_name (object));
  change->properties = properties ? g_ptr_array_ref (properties)
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    property_change_free);
  g_ptr_array_add (self->changes, change);
  if (change->id != NULL)
    g_hash_table_replace (self->by_id, change->id, change);

  return change;
}

static GPtrArray *
new_property_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) property_change_free);
}

/* The names of the items both lists share, in the order of @list. */
static char *
common_order (GListModel *list,
              GHashTable *other_index,
              GPtrArray  *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (other_index, object_id (object)))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, object_name (object));
      g_ptr_array_add (ids, (gpointer) object_id (object));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Stages and channels are columns and lanes: their order is content. */
static void
compare_order (GListModel *old_list,
               GListModel *new_list,
               GHashTable *old_index,
               GHashTable *new_index,
               const char *label,
               GPtrArray  *project_properties)
{
  g_autoptr(GPtrArray) old_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_ids = g_ptr_array_new ();
  g_autofree char *old_names = common_order (old_list, new_index, old_ids);
  g_autofree char *new_names = common_order (new_list, old_index, new_ids);

  if (!same_ids (old_ids, new_ids))
    add_property_change (project_properties, "order", g_strdup (label),
                         g_steal_pointer (&old_names), g_steal_pointer (&new_names));
}

static void
compare_lists (TpsComparison *self,
               TpsProject    *old_project,
               TpsProject    *new_project,
               GListModel    *old_list,
               GListModel    *new_list,
               const char    *order_label,
               GPtrArray     *project_properties)
{
  g_autoptr(GHashTable) old_index = tps_index_by_id (old_list);
  g_autoptr(GHashTable) new_index = tps_index_by_id (new_list);

  for (guint i = 0; i < g_list_model_get_n_items (new_list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (new_list, i);
      GObject *old = g_hash_table_lookup (old_index, object_id (object));
      g_autoptr(GPtrArray) properties = NULL;

      if (old == NULL)
        {
          add_object_change (self, TPS_CHANGE_ADDED, object, NULL);
          continue;
        }

      properties = new_property_list ();
      compare_properties (old_project, new_project, old, object, NULL, properties);
      if (TPS_IS_TOUCHPOINT (object))
        compare_measurements (old_project, new_project, TPS_TOUCHPOINT (old),
                              TPS_TOUCHPOINT (object), properties);
      if (TPS_IS_COMPARATOR (object))
        compare_ratings (old_project, new_project, TPS_COMPARATOR (old),
                         TPS_COMPARATOR (object), properties);
      if (properties->len > 0)
        add_object_change (self, TPS_CHANGE_CHANGED, object, properties);
    }

  for (guint i = 0; i < g_list_model_get_n_items (old_list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (old_list, i);

      if (!g_hash_table_contains (new_index, object_id (object)))
        add_object_change (self, TPS_CHANGE_REMOVED, object, NULL);
    }

  if (order_label != NULL)
    compare_order (old_list, new_list, old_index, new_index, order_label, project_properties);
}

/**
 * tps_comparison_new:
 * @old_project: the earlier version
 * @new_project: the later version
 *
 * Returns: (transfer full): what changed from @old_project to @new_project,
 *   in the order of the file: the project, personas, stages, channels,
 *   touchpoints, measures, process steps.
 */
TpsComparison *
tps_comparison_new (TpsProject *old_project,
                    TpsProject *new_project)
{
  g_autoptr(TpsComparison) self = NULL;
  g_autoptr(GPtrArray) project_properties = new_property_list ();
  TpsObjectChange *project_change;

  g_return_val_if_fail (TPS_IS_PROJECT (old_project), NULL);
  g_return_val_if_fail (TPS_IS_PROJECT (new_project), NULL);

  self = g_object_new (TPS_TYPE_COMPARISON, NULL);

  /* The project's own entry goes first; it also collects order changes. */
  compare_properties (old_project, new_project, G_OBJECT (old_project), G_OBJECT (new_project),
                      NULL, project_properties);
  project_change = add_object_change (self, TPS_CHANGE_CHANGED, G_OBJECT (new_project),
                                      project_properties);

  compare_lists (self, old_project, new_project, tps_project_get_personas (old_project),
                 tps_project_get_personas (new_project), NULL, NULL);
  compare_lists (self, old_project, new_project, tps_project_get_stages (old_project),
                 tps_project_get_stages (new_project), _("Order of stages"), project_properties);
  compare_lists (self, old_project, new_project, tps_project_get_channels (old_project),
                 tps_project_get_channels (new_project), _("Order of channels"),
                 project_properties);
  compare_lists (self, old_project, new_project, tps_project_get_touchpoints (old_project),
                 tps_project_get_touchpoints (new_project), NULL, NULL);
  compare_lists (self, old_project, new_project, tps_project_get_measures (old_project),
                 tps_project_get_measures (new_project), NULL, NULL);
  compare_lists (self, old_project, new_project, tps_project_get_comparators (old_project),
                 tps_project_get_comparators (new_project), NULL, NULL);
  compare_lists (self, old_project, new_project, tps_project_get_process_steps (old_project),
                 tps_project_get_process_steps (new_project), NULL, NULL);

  if (project_change->properties->len == 0)
    g_ptr_array_remove_index (self->changes, 0);

  return g_steal_pointer (&self);
}

guint
tps_comparison_get_n_changes (TpsComparison *self)
{
  g_return_val_if_fail (TPS_IS_COMPARISON (self), 0);

  return self->changes->len;
}

const TpsObjectChange *
tps_comparison_get_change (TpsComparison *self,
                           guint          position)
{
  g_return_val_if_fail (TPS_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);

  return g_ptr_array_index (self->changes, position);
}

gboolean
tps_comparison_is_empty (TpsComparison *self)
{
  g_return_val_if_fail (TPS_IS_COMPARISON (self), TRUE);

  return self->changes->len == 0;
}

/* Whether the object with @id was added, removed or changed. */
gboolean
tps_comparison_lookup (TpsComparison *self,
                       const char    *id,
                       TpsChangeKind *kind)
{
  TpsObjectChange *change;

  g_return_val_if_fail (TPS_IS_COMPARISON (self), FALSE);

  change = id ? g_hash_table_lookup (self->by_id, id) : NULL;
  if (change == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = change->kind;
  return TRUE;
}

void
tps_comparison_count (TpsComparison *self,
                      guint         *added,
                      guint         *removed,
                      guint         *changed)
{
  guint counts[3] = { 0, };

  g_return_if_fail (TPS_IS_COMPARISON (self));

  for (guint i = 0; i < self->changes->len; i++)
    counts[((TpsObjectChange *) g_ptr_array_index (self->changes, i))->kind]++;

  *added = counts[TPS_CHANGE_ADDED];
  *removed = counts[TPS_CHANGE_REMOVED];
  *changed = counts[TPS_CHANGE_CHANGED];
}

const char *
tps_object_change_get_kind_label (const TpsObjectChange *change)
{
  return _(kind_info (change->type)->label);
}

/* "Touchpoint “Erste Jahresrechnung”" */
char *
tps_object_change_get_heading (const TpsObjectChange *change)
{
  return g_strdup_printf (_("%s “%s”"), tps_object_change_get_kind_label (change), change->name);
}

/* "−2 → 0", or the one value of something added or removed */
static char *
values_to_string (const TpsPropertyChange *change)
{
  if (change->old_text != NULL && change->new_text != NULL)
    return g_strdup_printf (_("%s → %s"), change->old_text, change->new_text);

  return g_strdup (change->new_text ? change->new_text : change->old_text);
}

/* "Ist rating: −2 → 0", "New measurement: CSAT 2026-03-01: 3.2" */
char *
tps_property_change_to_string (const TpsPropertyChange *change)
{
  g_autofree char *values = values_to_string (change);

  return g_strdup_printf (_("%s: %s"), change->label, values);
}

/* One line per change: "Ist rating of “Erste Jahresrechnung”: −2 → 0". */
char *
tps_comparison_to_text (TpsComparison *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (TPS_IS_COMPARISON (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const TpsObjectChange *change = g_ptr_array_index (self->changes, i);
      const KindInfo *info = kind_info (change->type);

      if (change->kind == TPS_CHANGE_ADDED || change->kind == TPS_CHANGE_REMOVED)
        {
          const char *format = change->kind == TPS_CHANGE_ADDED ? info->added : info->removed;

          g_string_append_printf (text, _(format), change->name);
          g_string_append_c (text, '\n');
          continue;
        }

      for (guint j = 0; j < change->properties->len; j++)
        {
          const TpsPropertyChange *property = g_ptr_array_index (change->properties, j);
          g_autofree char *values = values_to_string (property);

          if (change->type == TPS_TYPE_PROJECT)
            g_string_append_printf (text, _("%s: %s"), property->label, values);
          else
            /* Translators: "Ist rating of “Erste Jahresrechnung”: −2 → 0" */
            g_string_append_printf (text, _("%s of “%s”: %s"), property->label, change->name,
                                    values);
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The listing for textconv */

static void
append_object (GString    *text,
               TpsProject *project,
               GObject    *object)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (object), &n);
  const char *id = object_id (object);

  g_string_append_printf (text, _("%s “%s”"), _(kind_info (G_OBJECT_TYPE (object))->label),
                          object_name (object));
  if (id != NULL)
    g_string_append_printf (text, " [%s]", id);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *value_text = NULL;

      tps_compared_value_get (object, pspecs[i], &value);
      value_text = value_to_text (project, pspecs[i], &value, TRUE);
      if (g_strcmp0 (value_text, "—") == 0)
        continue;
      g_string_append_printf (text, "  %s: %s\n",
                              tps_property_get_label (pspecs[i]->owner_type, pspecs[i]->name),
                              value_text);
    }

  if (TPS_IS_TOUCHPOINT (object))
    {
      GListModel *measurements = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (object));

      for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
        {
          g_autoptr(TpsMeasurement) measurement = g_list_model_get_item (measurements, i);
          g_autofree char *summary = measurement_summary (measurement);

          g_string_append_printf (text, "  %s: %s\n", _("Measurement"), summary);
        }
    }

  if (TPS_IS_COMPARATOR (object))
    {
      GListModel *ratings = tps_comparator_get_ratings (TPS_COMPARATOR (object));

      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ratings, i);
          g_autofree char *label =
            rating_label (project, tps_comparator_rating_get_touchpoint_id (rating));
          g_autofree char *value = tps_rating_format (tps_comparator_rating_get_value (rating));

          g_string_append_printf (text, "  %s: %s\n", label, value);
        }
    }
}

static void
append_list (GString    *text,
             TpsProject *project,
             GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      append_object (text, project, object);
    }
}

char *
tps_project_to_text (TpsProject *project)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  append_object (text, project, G_OBJECT (project));
  append_list (text, project, tps_project_get_personas (project));
  append_list (text, project, tps_project_get_stages (project));
  append_list (text, project, tps_project_get_channels (project));
  append_list (text, project, tps_project_get_touchpoints (project));
  append_list (text, project, tps_project_get_measures (project));
  append_list (text, project, tps_project_get_comparators (project));
  append_list (text, project, tps_project_get_process_steps (project));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
