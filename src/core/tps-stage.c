/* tps-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-stage.h"

struct _TpsStage
{
  TpsObject parent_instance;

  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (TpsStage, tps_stage, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_stage_get_display_name (TpsObject *object)
{
  return TPS_STAGE (object)->name;
}

static void
tps_stage_finalize (GObject *object)
{
  TpsStage *self = TPS_STAGE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (tps_stage_parent_class)->finalize (object);
}

static void
tps_stage_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpsStage *self = TPS_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_stage_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpsStage *self = TPS_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tps_stage_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tps_stage_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_stage_class_init (TpsStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_stage_finalize;
  object_class->get_property = tps_stage_get_property;
  object_class->set_property = tps_stage_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_stage_get_display_name;

  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_stage_init (TpsStage *self)
{
}

TpsStage *
tps_stage_new (const char *id)
{
  return g_object_new (TPS_TYPE_STAGE, "id", id, NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsStage, tps_stage, name, PROP_NAME)
TPS_DEFINE_STRING_ACCESSORS (TpsStage, tps_stage, description, PROP_DESCRIPTION)
