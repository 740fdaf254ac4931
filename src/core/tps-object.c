/* tps-object.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-object.h"
#include "tps-model-private.h"

typedef struct
{
  char *id;
} TpsObjectPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TpsObject, tps_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tps_object_finalize (GObject *object)
{
  TpsObjectPrivate *priv = tps_object_get_instance_private (TPS_OBJECT (object));

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (tps_object_parent_class)->finalize (object);
}

static void
tps_object_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpsObject *self = TPS_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, tps_object_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_object_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TpsObject *self = TPS_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tps_object_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const char *
tps_object_real_get_display_name (TpsObject *self)
{
  return tps_object_get_id (self);
}

static void
tps_object_class_init (TpsObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_object_finalize;
  object_class->get_property = tps_object_get_property;
  object_class->set_property = tps_object_set_property;

  klass->get_display_name = tps_object_real_get_display_name;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_object_init (TpsObject *self)
{
}

const char *
tps_object_get_id (TpsObject *self)
{
  TpsObjectPrivate *priv = tps_object_get_instance_private (self);

  g_return_val_if_fail (TPS_IS_OBJECT (self), NULL);

  return priv->id;
}

void
tps_object_set_id (TpsObject  *self,
                   const char *id)
{
  TpsObjectPrivate *priv = tps_object_get_instance_private (self);

  g_return_if_fail (TPS_IS_OBJECT (self));

  tps_set_string (G_OBJECT (self), &priv->id, id, properties[PROP_ID]);
}

const char *
tps_object_get_display_name (TpsObject *self)
{
  const char *name;

  g_return_val_if_fail (TPS_IS_OBJECT (self), NULL);

  name = TPS_OBJECT_GET_CLASS (self)->get_display_name (self);
  if (name == NULL || *name == '\0')
    return tps_object_get_id (self);

  return name;
}

/* Ids are what references point at and what git merges by, so they stay
 * short, ASCII and free of anything that needs escaping.
 */
gboolean
tps_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'))
        return FALSE;
    }

  return len <= 64;
}
