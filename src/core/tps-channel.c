/* tps-channel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-channel.h"
#include "tps-i18n-private.h"
#include "tps-model-private.h"

struct _TpsChannel
{
  TpsObject parent_instance;

  char *name;
  TpsChannelKind kind;
};

G_DEFINE_FINAL_TYPE (TpsChannel, tps_channel, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_channel_get_display_name (TpsObject *object)
{
  return TPS_CHANNEL (object)->name;
}

static void
tps_channel_finalize (GObject *object)
{
  TpsChannel *self = TPS_CHANNEL (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tps_channel_parent_class)->finalize (object);
}

static void
tps_channel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpsChannel *self = TPS_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_channel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpsChannel *self = TPS_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      tps_channel_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      tps_channel_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_channel_class_init (TpsChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_channel_finalize;
  object_class->get_property = tps_channel_get_property;
  object_class->set_property = tps_channel_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_channel_get_display_name;

  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Type"), NULL, TPS_TYPE_CHANNEL_KIND, TPS_CHANNEL_KIND_ONLINE,
                       TPS_PARAM_RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_channel_init (TpsChannel *self)
{
}

TpsChannel *
tps_channel_new (const char *id)
{
  return g_object_new (TPS_TYPE_CHANNEL, "id", id, NULL);
}

TPS_DEFINE_STRING_ACCESSORS (TpsChannel, tps_channel, name, PROP_NAME)
TPS_DEFINE_SCALAR_ACCESSORS (TpsChannel, tps_channel, kind, PROP_KIND, TpsChannelKind,
                             tps_set_int)
