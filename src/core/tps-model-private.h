/* tps-model-private.h — helpers shared by the model objects
 *
 * Each setter stores the value and emits notify only when it really changed,
 * which is what views and the undo history rely on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <string.h>

G_BEGIN_DECLS

static inline gboolean
tps_set_string (GObject     *object,
                char       **field,
                const char  *value,
                GParamSpec  *pspec)
{
  /* Empty and unset are the same thing for the model and the file. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
tps_set_int (GObject    *object,
             int        *field,
             int         value,
             GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
tps_set_boolean (GObject    *object,
                 gboolean   *field,
                 gboolean    value,
                 GParamSpec *pspec)
{
  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
tps_set_double (GObject    *object,
                double     *field,
                double      value,
                GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

static inline gboolean
tps_strv_equal0 (const char * const *a,
                 const char * const *b)
{
  gsize la = a ? g_strv_length ((char **) a) : 0;
  gsize lb = b ? g_strv_length ((char **) b) : 0;

  if (la != lb)
    return FALSE;

  for (gsize i = 0; i < la; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

static inline gboolean
tps_set_strv (GObject             *object,
              char              ***field,
              const char * const  *value,
              GParamSpec          *pspec)
{
  if (value != NULL && value[0] == NULL)
    value = NULL;

  if (tps_strv_equal0 ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

/* Accessor pairs for a property backed by a field of the same name. The
 * instance struct must have `field`, and the file a `properties[PROP]` table.
 */
#define TPS_DEFINE_STRING_ACCESSORS(Type, prefix, field, PROP)                \
  const char *                                                                \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ()), NULL); \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type       *self,                                     \
                        const char *value)                                    \
  {                                                                           \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ())); \
    tps_set_string (G_OBJECT (self), &self->field, value, properties[PROP]); \
  }

#define TPS_DEFINE_SCALAR_ACCESSORS(Type, prefix, field, PROP, CType, setter) \
  CType                                                                       \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ()), 0); \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type  *self,                                          \
                        CType  value)                                         \
  {                                                                           \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ())); \
    setter (G_OBJECT (self), (gpointer) &self->field, value, properties[PROP]); \
  }

#define TPS_DEFINE_STRV_ACCESSORS(Type, prefix, field, PROP)                  \
  const char * const *                                                        \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ()), NULL); \
    return (const char * const *) self->field;                                \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type               *self,                             \
                        const char * const *value)                            \
  {                                                                           \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, prefix##_get_type ())); \
    tps_set_strv (G_OBJECT (self), &self->field, value, properties[PROP]);   \
  }

#define TPS_PARAM_RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

G_END_DECLS
