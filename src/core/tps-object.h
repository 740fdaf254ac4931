/* tps-object.h — base class of every model object: a stable id and a display name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TPS_TYPE_OBJECT (tps_object_get_type ())
G_DECLARE_DERIVABLE_TYPE (TpsObject, tps_object, TPS, OBJECT, GObject)

struct _TpsObjectClass
{
  GObjectClass parent_class;

  /* The name a person knows the object by ("Hotline", "Familie Berger"). */
  const char *(*get_display_name) (TpsObject *self);
};

const char *tps_object_get_id           (TpsObject  *self);
void        tps_object_set_id           (TpsObject  *self,
                                         const char *id);
const char *tps_object_get_display_name (TpsObject  *self);

gboolean    tps_id_is_valid             (const char *id);

G_END_DECLS
