/* tps-comparator-rating.c
 *
 * A plain GObject rather than a TpsObject: a rating has no id of its own,
 * it is known by its comparator and its touchpoint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-comparator-rating.h"
#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-types.h"

struct _TpsComparatorRating
{
  GObject parent_instance;

  char *touchpoint_id;
  int value;
};

G_DEFINE_FINAL_TYPE (TpsComparatorRating, tps_comparator_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOUCHPOINT_ID,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tps_comparator_rating_finalize (GObject *object)
{
  TpsComparatorRating *self = TPS_COMPARATOR_RATING (object);

  g_clear_pointer (&self->touchpoint_id, g_free);

  G_OBJECT_CLASS (tps_comparator_rating_parent_class)->finalize (object);
}

static void
tps_comparator_rating_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TpsComparatorRating *self = TPS_COMPARATOR_RATING (object);

  switch (prop_id)
    {
    case PROP_TOUCHPOINT_ID:
      g_value_set_string (value, self->touchpoint_id);
      break;
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_comparator_rating_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TpsComparatorRating *self = TPS_COMPARATOR_RATING (object);

  switch (prop_id)
    {
    case PROP_TOUCHPOINT_ID:
      tps_comparator_rating_set_touchpoint_id (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      tps_comparator_rating_set_value (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_comparator_rating_class_init (TpsComparatorRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_comparator_rating_finalize;
  object_class->get_property = tps_comparator_rating_get_property;
  object_class->set_property = tps_comparator_rating_set_property;

  properties[PROP_TOUCHPOINT_ID] =
    g_param_spec_string ("touchpoint-id", NULL, NULL, NULL, TPS_PARAM_RW);
  properties[PROP_VALUE] =
    g_param_spec_int ("value", N_("Value"), NULL, TPS_RATING_MIN, TPS_RATING_MAX, 0, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_comparator_rating_init (TpsComparatorRating *self)
{
}

TpsComparatorRating *
tps_comparator_rating_new (const char *touchpoint_id,
                           int         value)
{
  return g_object_new (TPS_TYPE_COMPARATOR_RATING,
                       "touchpoint-id", touchpoint_id,
                       "value", CLAMP (value, TPS_RATING_MIN, TPS_RATING_MAX),
                       NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsComparatorRating, tps_comparator_rating, touchpoint_id,
                             PROP_TOUCHPOINT_ID)
TPS_DEFINE_SCALAR_ACCESSORS (TpsComparatorRating, tps_comparator_rating, value, PROP_VALUE, int,
                             tps_set_int)
