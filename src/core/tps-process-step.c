/* tps-process-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-process-step.h"

struct _TpsProcessStep
{
  TpsObject parent_instance;

  TpsStep step;
  gboolean done;
  char *notes;
};

G_DEFINE_FINAL_TYPE (TpsProcessStep, tps_process_step, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  PROP_DONE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_process_step_get_display_name (TpsObject *object)
{
  return tps_enum_get_label (TPS_TYPE_STEP, TPS_PROCESS_STEP (object)->step);
}

static void
tps_process_step_finalize (GObject *object)
{
  TpsProcessStep *self = TPS_PROCESS_STEP (object);

  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (tps_process_step_parent_class)->finalize (object);
}

static void
tps_process_step_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpsProcessStep *self = TPS_PROCESS_STEP (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_process_step_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpsProcessStep *self = TPS_PROCESS_STEP (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_get_enum (value);
      break;
    case PROP_DONE:
      tps_process_step_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      tps_process_step_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_process_step_class_init (TpsProcessStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_process_step_finalize;
  object_class->get_property = tps_process_step_get_property;
  object_class->set_property = tps_process_step_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_process_step_get_display_name;

  properties[PROP_STEP] =
    g_param_spec_enum ("step", NULL, NULL, TPS_TYPE_STEP, TPS_STEP_CTM_1A,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] = g_param_spec_boolean ("done", N_("Done"), NULL, FALSE, TPS_PARAM_RW);
  properties[PROP_NOTES] = g_param_spec_string ("notes", N_("Notes"), NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_process_step_init (TpsProcessStep *self)
{
}

TpsProcessStep *
tps_process_step_new (TpsStep step)
{
  return g_object_new (TPS_TYPE_PROCESS_STEP,
                       "id", tps_enum_get_word (TPS_TYPE_STEP, step),
                       "step", step,
                       NULL);
}

TpsStep
tps_process_step_get_step (TpsProcessStep *self)
{
  g_return_val_if_fail (TPS_IS_PROCESS_STEP (self), 0);

  return self->step;
}

TPS_DEFINE_SCALAR_ACCESSORS (TpsProcessStep, tps_process_step, done, PROP_DONE, gboolean,
                             tps_set_boolean)
TPS_DEFINE_STRING_ACCESSORS (TpsProcessStep, tps_process_step, notes, PROP_NOTES)
