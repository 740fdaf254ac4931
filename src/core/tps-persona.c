/* tps-persona.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-persona.h"

struct _TpsPersona
{
  TpsObject parent_instance;

  char *name;
  char *description;
  char *goals;
  char *expectations;
  char *color;
};

G_DEFINE_FINAL_TYPE (TpsPersona, tps_persona, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_GOALS,
  PROP_EXPECTATIONS,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_persona_get_display_name (TpsObject *object)
{
  return TPS_PERSONA (object)->name;
}

static void
tps_persona_finalize (GObject *object)
{
  TpsPersona *self = TPS_PERSONA (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->goals, g_free);
  g_clear_pointer (&self->expectations, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (tps_persona_parent_class)->finalize (object);
}

static void
tps_persona_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpsPersona *self = TPS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_GOALS:
      g_value_set_string (value, self->goals);
      break;
    case PROP_EXPECTATIONS:
      g_value_set_string (value, self->expectations);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_persona_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpsPersona *self = TPS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tps_persona_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tps_persona_set_description (self, g_value_get_string (value));
      break;
    case PROP_GOALS:
      tps_persona_set_goals (self, g_value_get_string (value));
      break;
    case PROP_EXPECTATIONS:
      tps_persona_set_expectations (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      tps_persona_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_persona_class_init (TpsPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpsObjectClass *tps_class = TPS_OBJECT_CLASS (klass);

  object_class->finalize = tps_persona_finalize;
  object_class->get_property = tps_persona_get_property;
  object_class->set_property = tps_persona_set_property;
  tps_class->get_display_name = tps_persona_get_display_name;

  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_GOALS] = g_param_spec_string ("goals", N_("Goals"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_EXPECTATIONS] =
    g_param_spec_string ("expectations", N_("Expectations"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_COLOR] = g_param_spec_string ("color", N_("Colour"), NULL, NULL, TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_persona_init (TpsPersona *self)
{
}

TpsPersona *
tps_persona_new (const char *id)
{
  return g_object_new (TPS_TYPE_PERSONA, "id", id, NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsPersona, tps_persona, name, PROP_NAME)
TPS_DEFINE_STRING_ACCESSORS (TpsPersona, tps_persona, description, PROP_DESCRIPTION)
TPS_DEFINE_STRING_ACCESSORS (TpsPersona, tps_persona, goals, PROP_GOALS)
TPS_DEFINE_STRING_ACCESSORS (TpsPersona, tps_persona, expectations, PROP_EXPECTATIONS)
TPS_DEFINE_STRING_ACCESSORS (TpsPersona, tps_persona, color, PROP_COLOR)
