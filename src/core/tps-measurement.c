/* tps-measurement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-measurement.h"
#include "tps-model-private.h"

struct _TpsMeasurement
{
  TpsObject parent_instance;

  char *date;
  TpsMetric metric;
  char *label;
  double value;
  gboolean has_target;
  double target;
  TpsSource source;
  gboolean baseline;
  char *note;
};

G_DEFINE_FINAL_TYPE (TpsMeasurement, tps_measurement, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_METRIC,
  PROP_LABEL,
  PROP_VALUE,
  PROP_HAS_TARGET,
  PROP_TARGET,
  PROP_SOURCE,
  PROP_BASELINE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_measurement_get_display_name (TpsObject *object)
{
  return tps_measurement_get_metric_name (TPS_MEASUREMENT (object));
}

static void
tps_measurement_finalize (GObject *object)
{
  TpsMeasurement *self = TPS_MEASUREMENT (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (tps_measurement_parent_class)->finalize (object);
}

static void
tps_measurement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpsMeasurement *self = TPS_MEASUREMENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_HAS_TARGET:
      g_value_set_boolean (value, self->has_target);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_BASELINE:
      g_value_set_boolean (value, self->baseline);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measurement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpsMeasurement *self = TPS_MEASUREMENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      tps_measurement_set_date (self, g_value_get_string (value));
      break;
    case PROP_METRIC:
      tps_measurement_set_metric (self, g_value_get_enum (value));
      break;
    case PROP_LABEL:
      tps_measurement_set_label (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      tps_measurement_set_value (self, g_value_get_double (value));
      break;
    case PROP_HAS_TARGET:
      tps_measurement_set_has_target (self, g_value_get_boolean (value));
      break;
    case PROP_TARGET:
      tps_measurement_set_target (self, g_value_get_double (value));
      break;
    case PROP_SOURCE:
      tps_measurement_set_source (self, g_value_get_enum (value));
      break;
    case PROP_BASELINE:
      tps_measurement_set_baseline (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      tps_measurement_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measurement_class_init (TpsMeasurementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_measurement_finalize;
  object_class->get_property = tps_measurement_get_property;
  object_class->set_property = tps_measurement_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_measurement_get_display_name;

  properties[PROP_DATE] = g_param_spec_string ("date", N_("Date"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", N_("Metric"), NULL,
                       TPS_TYPE_METRIC, TPS_METRIC_CSAT, TPS_PARAM_RW);
  properties[PROP_LABEL] = g_param_spec_string ("label", N_("Label"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", N_("Value"), NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, TPS_PARAM_RW);
  properties[PROP_HAS_TARGET] =
    g_param_spec_boolean ("has-target", N_("Target"), NULL, FALSE, TPS_PARAM_RW);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", N_("Target value"), NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, TPS_PARAM_RW);
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", N_("Source"), NULL,
                       TPS_TYPE_SOURCE, TPS_SOURCE_SURVEY, TPS_PARAM_RW);
  properties[PROP_BASELINE] = g_param_spec_boolean ("baseline", N_("Baseline"), NULL,
                                                    FALSE, TPS_PARAM_RW);
  properties[PROP_NOTE] = g_param_spec_string ("note", N_("Note"), NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_measurement_init (TpsMeasurement *self)
{
}

TpsMeasurement *
tps_measurement_new (const char *id)
{
  /* Without an id (the reader sets it later), without the property
   * machinery: a big project creates tens of thousands.
   */
  if (id == NULL)
    return g_object_new (TPS_TYPE_MEASUREMENT, NULL);

  return g_object_new (TPS_TYPE_MEASUREMENT, "id", id, NULL);
}

/* The custom label where there is one, otherwise the metric's own name. */
const char *
tps_measurement_get_metric_name (TpsMeasurement *self)
{
  g_return_val_if_fail (TPS_IS_MEASUREMENT (self), NULL);

  if (self->metric == TPS_METRIC_CUSTOM && self->label != NULL)
    return self->label;

  return tps_enum_get_label (TPS_TYPE_METRIC, self->metric);
}

TPS_DEFINE_STRING_ACCESSORS (TpsMeasurement, tps_measurement, date, PROP_DATE)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, metric, PROP_METRIC, TpsMetric,
                             tps_set_int)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasurement, tps_measurement, label, PROP_LABEL)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, value, PROP_VALUE, double,
                             tps_set_double)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, has_target, PROP_HAS_TARGET,
                             gboolean, tps_set_boolean)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, target, PROP_TARGET, double,
                             tps_set_double)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, source, PROP_SOURCE, TpsSource,
                             tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasurement, tps_measurement, baseline, PROP_BASELINE,
                             gboolean, tps_set_boolean)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasurement, tps_measurement, note, PROP_NOTE)
