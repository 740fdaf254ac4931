/* tps-persona.h — a customer profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_PERSONA (tps_persona_get_type ())
G_DECLARE_FINAL_TYPE (TpsPersona, tps_persona, TPS, PERSONA, TpsObject)

TpsPersona *tps_persona_new              (const char *id);
const char *tps_persona_get_name         (TpsPersona *self);
void        tps_persona_set_name         (TpsPersona *self,
                                          const char *name);
const char *tps_persona_get_description  (TpsPersona *self);
void        tps_persona_set_description  (TpsPersona *self,
                                          const char *description);
const char *tps_persona_get_goals        (TpsPersona *self);
void        tps_persona_set_goals        (TpsPersona *self,
                                          const char *goals);
const char *tps_persona_get_expectations (TpsPersona *self);
void        tps_persona_set_expectations (TpsPersona *self,
                                          const char *expectations);
const char *tps_persona_get_color        (TpsPersona *self);
void        tps_persona_set_color        (TpsPersona *self,
                                          const char *color);

G_END_DECLS
