/* tps-comparator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-comparator.h"
#include "tps-i18n-private.h"
#include "tps-model-private.h"

struct _TpsComparator
{
  TpsObject parent_instance;

  char *name;
  TpsComparatorKind kind;
  char *source;
  char *date;
  char *note;

  GListStore *ratings;
};

G_DEFINE_FINAL_TYPE (TpsComparator, tps_comparator, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_SOURCE,
  PROP_DATE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_comparator_get_display_name (TpsObject *object)
{
  return TPS_COMPARATOR (object)->name;
}

static void
tps_comparator_dispose (GObject *object)
{
  TpsComparator *self = TPS_COMPARATOR (object);

  g_clear_object (&self->ratings);

  G_OBJECT_CLASS (tps_comparator_parent_class)->dispose (object);
}

static void
tps_comparator_finalize (GObject *object)
{
  TpsComparator *self = TPS_COMPARATOR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (tps_comparator_parent_class)->finalize (object);
}

static void
tps_comparator_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpsComparator *self = TPS_COMPARATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_comparator_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpsComparator *self = TPS_COMPARATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tps_comparator_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      tps_comparator_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SOURCE:
      tps_comparator_set_source (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      tps_comparator_set_date (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      tps_comparator_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_comparator_class_init (TpsComparatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpsObjectClass *tps_class = TPS_OBJECT_CLASS (klass);

  object_class->dispose = tps_comparator_dispose;
  object_class->finalize = tps_comparator_finalize;
  object_class->get_property = tps_comparator_get_property;
  object_class->set_property = tps_comparator_set_property;
  tps_class->get_display_name = tps_comparator_get_display_name;

  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Type"), NULL, TPS_TYPE_COMPARATOR_KIND,
                       TPS_COMPARATOR_KIND_COMPETITOR, TPS_PARAM_RW);
  properties[PROP_SOURCE] = g_param_spec_string ("source", N_("Source"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DATE] = g_param_spec_string ("date", N_("Date"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_NOTE] = g_param_spec_string ("note", N_("Note"), NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_comparator_init (TpsComparator *self)
{
  self->ratings = g_list_store_new (TPS_TYPE_COMPARATOR_RATING);
}

TpsComparator *
tps_comparator_new (const char *id)
{
  return g_object_new (TPS_TYPE_COMPARATOR, "id", id, NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsComparator, tps_comparator, name, PROP_NAME)
TPS_DEFINE_SCALAR_ACCESSORS (TpsComparator, tps_comparator, kind, PROP_KIND, TpsComparatorKind,
                             tps_set_int)
TPS_DEFINE_STRING_ACCESSORS (TpsComparator, tps_comparator, source, PROP_SOURCE)
TPS_DEFINE_STRING_ACCESSORS (TpsComparator, tps_comparator, date, PROP_DATE)
TPS_DEFINE_STRING_ACCESSORS (TpsComparator, tps_comparator, note, PROP_NOTE)

/* Returns: (transfer none): the ratings, a GListStore of TpsComparatorRating
 * that only the history changes
 */
GListModel *
tps_comparator_get_ratings (TpsComparator *self)
{
  g_return_val_if_fail (TPS_IS_COMPARATOR (self), NULL);
  return G_LIST_MODEL (self->ratings);
}

/* Returns: (transfer none) (nullable): the rating at @touchpoint_id */
TpsComparatorRating *
tps_comparator_find_rating (TpsComparator *self,
                            const char    *touchpoint_id,
                            guint         *position)
{
  guint n;

  g_return_val_if_fail (TPS_IS_COMPARATOR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsComparatorRating) rating =
        g_list_model_get_item (G_LIST_MODEL (self->ratings), i);

      if (g_strcmp0 (tps_comparator_rating_get_touchpoint_id (rating), touchpoint_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return rating;
        }
    }

  return NULL;
}

gboolean
tps_comparator_get_rating (TpsComparator *self,
                           const char    *touchpoint_id,
                           int           *value)
{
  TpsComparatorRating *rating = tps_comparator_find_rating (self, touchpoint_id, NULL);

  if (rating == NULL)
    return FALSE;

  if (value != NULL)
    *value = tps_comparator_rating_get_value (rating);
  return TRUE;
}
