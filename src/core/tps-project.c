/* tps-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-conflict.h"
#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-project.h"

struct _TpsProject
{
  GObject parent_instance;

  char *title;
  char *organisation;
  char *description;
  char *language;
  char *currency;
  char *created;
  char *modified;

  GListStore *personas;
  GListStore *stages;
  GListStore *channels;
  GListStore *touchpoints;
  GListStore *measures;
  GListStore *comparators;
  GListStore *process_steps;
  GListStore *conflicts;
};

G_DEFINE_FINAL_TYPE (TpsProject, tps_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_CURRENCY,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tps_project_dispose (GObject *object)
{
  TpsProject *self = TPS_PROJECT (object);

  g_clear_object (&self->personas);
  g_clear_object (&self->stages);
  g_clear_object (&self->channels);
  g_clear_object (&self->touchpoints);
  g_clear_object (&self->measures);
  g_clear_object (&self->comparators);
  g_clear_object (&self->process_steps);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (tps_project_parent_class)->dispose (object);
}

static void
tps_project_finalize (GObject *object)
{
  TpsProject *self = TPS_PROJECT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (tps_project_parent_class)->finalize (object);
}

static void
tps_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpsProject *self = TPS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_project_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpsProject *self = TPS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tps_project_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      tps_project_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tps_project_set_description (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      tps_project_set_language (self, g_value_get_string (value));
      break;
    case PROP_CURRENCY:
      tps_project_set_currency (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      tps_project_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      tps_project_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_project_class_init (TpsProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tps_project_dispose;
  object_class->finalize = tps_project_finalize;
  object_class->get_property = tps_project_get_property;
  object_class->set_property = tps_project_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", N_("Title"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", N_("Organisation"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", N_("Language"), NULL,
                                                   NULL, TPS_PARAM_RW);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", N_("Currency"), NULL,
                                                   NULL, TPS_PARAM_RW);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, TPS_PARAM_RW);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_project_init (TpsProject *self)
{
  self->personas = g_list_store_new (TPS_TYPE_PERSONA);
  self->stages = g_list_store_new (TPS_TYPE_STAGE);
  self->channels = g_list_store_new (TPS_TYPE_CHANNEL);
  self->touchpoints = g_list_store_new (TPS_TYPE_TOUCHPOINT);
  self->measures = g_list_store_new (TPS_TYPE_MEASURE);
  self->comparators = g_list_store_new (TPS_TYPE_COMPARATOR);
  self->process_steps = g_list_store_new (TPS_TYPE_PROCESS_STEP);
  self->conflicts = g_list_store_new (TPS_TYPE_CONFLICT);

  /* The process checklist is fixed: every project carries all 18 steps. */
  for (TpsStep step = 0; step < TPS_N_STEPS; step++)
    {
      g_autoptr(TpsProcessStep) process_step = tps_process_step_new (step);
      g_list_store_append (self->process_steps, process_step);
    }
}

TpsProject *
tps_project_new (void)
{
  return g_object_new (TPS_TYPE_PROJECT, NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, title, PROP_TITLE)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, organisation, PROP_ORGANISATION)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, description, PROP_DESCRIPTION)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, language, PROP_LANGUAGE)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, currency, PROP_CURRENCY)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, created, PROP_CREATED)
TPS_DEFINE_STRING_ACCESSORS (TpsProject, tps_project, modified, PROP_MODIFIED)

/* The lists are GListStores; views only read them, and every change goes
 * through the TpsHistory, which casts them back.
 */
#define LIST_GETTER(field)                                   \
  GListModel *                                               \
  tps_project_get_##field (TpsProject *self)                 \
  {                                                          \
    g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);      \
    return G_LIST_MODEL (self->field);                       \
  }

LIST_GETTER (personas)
LIST_GETTER (stages)
LIST_GETTER (channels)
LIST_GETTER (touchpoints)
LIST_GETTER (measures)
LIST_GETTER (comparators)
LIST_GETTER (process_steps)
LIST_GETTER (conflicts)

/* Returns: (transfer none): the checklist entry of @step */
TpsProcessStep *
tps_project_get_step (TpsProject *self,
                      TpsStep     step)
{
  g_autoptr(TpsProcessStep) item = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (step < TPS_N_STEPS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->process_steps), step);
  return item;
}

static TpsObject *
find_in (GListModel *model,
         const char *id)
{
  guint n = id != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (model, i);

      if (g_strcmp0 (tps_object_get_id (object), id) == 0)
        return object;
    }

  return NULL;
}

TpsPersona *
tps_project_find_persona (TpsProject *self,
                          const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsPersona *) find_in (G_LIST_MODEL (self->personas), id);
}

TpsStage *
tps_project_find_stage (TpsProject *self,
                        const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsStage *) find_in (G_LIST_MODEL (self->stages), id);
}

TpsChannel *
tps_project_find_channel (TpsProject *self,
                          const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsChannel *) find_in (G_LIST_MODEL (self->channels), id);
}

TpsTouchpoint *
tps_project_find_touchpoint (TpsProject *self,
                             const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsTouchpoint *) find_in (G_LIST_MODEL (self->touchpoints), id);
}

TpsMeasure *
tps_project_find_measure (TpsProject *self,
                          const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsMeasure *) find_in (G_LIST_MODEL (self->measures), id);
}

TpsComparator *
tps_project_find_comparator (TpsProject *self,
                             const char *id)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);
  return (TpsComparator *) find_in (G_LIST_MODEL (self->comparators), id);
}

/* The lists that hold objects with ids, in the order lookups search them. */
#define N_STORES 6

static void
get_stores (TpsProject *self,
            GListStore *stores[N_STORES])
{
  stores[0] = self->personas;
  stores[1] = self->stages;
  stores[2] = self->channels;
  stores[3] = self->touchpoints;
  stores[4] = self->measures;
  stores[5] = self->comparators;
}

/* Returns: (transfer none) (nullable): any object of the project with @id,
 * measurements included.
 */
TpsObject *
tps_project_lookup (TpsProject *self,
                    const char *id)
{
  GListStore *stores[N_STORES];
  guint n;

  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);

  get_stores (self, stores);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      TpsObject *found = find_in (G_LIST_MODEL (stores[i]), id);
      if (found != NULL)
        return found;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint =
        g_list_model_get_item (G_LIST_MODEL (self->touchpoints), i);
      TpsObject *found = find_in (tps_touchpoint_get_measurements (touchpoint), id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
index_list (GHashTable *index,
            GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (model, i);
      const char *id = tps_object_get_id (object);

      if (id != NULL && !g_hash_table_contains (index, id))
        g_hash_table_insert (index, (gpointer) id, object);
    }
}

/**
 * tps_project_index_ids:
 *
 * For looking up many ids at once: what tps_project_lookup() finds, in one
 * hash table. Keys and values belong to the project; the table is only
 * valid while no object is removed and no id changes.
 *
 * Returns: (transfer full) (element-type utf8 TpsObject): id → object
 */
GHashTable *
tps_project_index_ids (TpsProject *self)
{
  GListStore *stores[N_STORES];
  GHashTable *index;
  guint n;

  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);

  get_stores (self, stores);
  index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    index_list (index, G_LIST_MODEL (stores[i]));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint =
        g_list_model_get_item (G_LIST_MODEL (self->touchpoints), i);

      index_list (index, tps_touchpoint_get_measurements (touchpoint));
    }

  return index;
}

/* Returns: (transfer full): an id not yet used in the project, "@prefix-N" */
char *
tps_project_make_id (TpsProject *self,
                     const char *prefix)
{
  g_return_val_if_fail (TPS_IS_PROJECT (self), NULL);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (tps_project_lookup (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

gboolean
tps_list_find (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

guint
tps_project_count_moment (TpsProject *self,
                          TpsMoment   moment)
{
  guint n, count = 0;

  g_return_val_if_fail (TPS_IS_PROJECT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint =
        g_list_model_get_item (G_LIST_MODEL (self->touchpoints), i);

      if (tps_touchpoint_get_moment (touchpoint) == moment)
        count++;
    }

  return count;
}

/**
 * tps_project_count_measures_by_touchpoint:
 *
 * How many measures are linked to each touchpoint, for a caller that needs
 * the count of many (a table, a whole map): one pass over the measures
 * instead of one per touchpoint.
 *
 * Returns: (transfer full): touchpoint id → count (GUINT_TO_POINTER);
 *   touchpoints without measures are missing
 */
GHashTable *
tps_project_count_measures_by_touchpoint (TpsProject *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *measures;

  g_return_val_if_fail (TPS_IS_PROJECT (self), counts);

  measures = G_LIST_MODEL (self->measures);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);

      for (guint t = 0; ids != NULL && ids[t] != NULL; t++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ids[t]));

          g_hash_table_insert (counts, g_strdup (ids[t]), GUINT_TO_POINTER (n + 1));
        }
    }

  return counts;
}

/* How many measures are linked to the touchpoint: the count on its card. */
guint
tps_project_count_measures_for (TpsProject *self,
                                const char *touchpoint_id)
{
  guint n, count = 0;

  g_return_val_if_fail (TPS_IS_PROJECT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->measures));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->measures), i);
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);

      if (ids != NULL && g_strv_contains (ids, touchpoint_id))
        count++;
    }

  return count;
}
