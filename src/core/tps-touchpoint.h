/* tps-touchpoint.h — a point where the customer meets the company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-measurement.h"
#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_TOUCHPOINT (tps_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (TpsTouchpoint, tps_touchpoint, TPS, TOUCHPOINT, TpsObject)

/**
 * TpsAttributeType:
 * @TPS_ATTRIBUTE_TEXT: free text, an element of its own in the file
 * @TPS_ATTRIBUTE_LINE: a short text, an attribute of <touchpoint> in the file
 * @TPS_ATTRIBUTE_INT: a whole number in the property's range
 * @TPS_ATTRIBUTE_ENUM: a value of the property's enumeration, its nick in
 *   the file and the CSV
 * @TPS_ATTRIBUTE_BOOLEAN: “true” or “false”
 */
typedef enum
{
  TPS_ATTRIBUTE_TEXT,
  TPS_ATTRIBUTE_LINE,
  TPS_ATTRIBUTE_INT,
  TPS_ATTRIBUTE_ENUM,
  TPS_ATTRIBUTE_BOOLEAN,
} TpsAttributeType;

/**
 * TpsTouchpointAttribute:
 * @name: the property, the word in the file and the CSV column key
 * @type: how it is stored and written
 * @required: every file has it: <touchpoint> must have the attribute, and
 *   the element is written even when empty
 *
 * One row of the touchpoint's attribute table (see tps-touchpoint.c).
 */
typedef struct
{
  const char *name;
  TpsAttributeType type;
  gboolean required;
} TpsTouchpointAttribute;

/* Room for the word of any attribute that is a number. */
#define TPS_ATTRIBUTE_WORD_SIZE 16

const TpsTouchpointAttribute *tps_touchpoint_get_attribute       (guint                         index);
const TpsTouchpointAttribute *tps_touchpoint_find_attribute      (const char                   *name);
GParamSpec                   *tps_touchpoint_attribute_get_pspec (const TpsTouchpointAttribute *attribute);
const char                   *tps_touchpoint_get_text            (TpsTouchpoint                *self,
                                                                  const TpsTouchpointAttribute *attribute);
void                          tps_touchpoint_set_text            (TpsTouchpoint                *self,
                                                                  const TpsTouchpointAttribute *attribute,
                                                                  const char                   *value);
int                           tps_touchpoint_get_int             (TpsTouchpoint                *self,
                                                                  const TpsTouchpointAttribute *attribute);
void                          tps_touchpoint_set_int             (TpsTouchpoint                *self,
                                                                  const TpsTouchpointAttribute *attribute,
                                                                  int                           value);
const char                   *tps_touchpoint_get_attribute_word  (TpsTouchpoint                *self,
                                                                  const TpsTouchpointAttribute *attribute,
                                                                  char                          buffer[TPS_ATTRIBUTE_WORD_SIZE]);

TpsTouchpoint       *tps_touchpoint_new               (const char          *id);

const char          *tps_touchpoint_get_title         (TpsTouchpoint       *self);
void                 tps_touchpoint_set_title         (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_description   (TpsTouchpoint       *self);
void                 tps_touchpoint_set_description   (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_stage_id      (TpsTouchpoint       *self);
void                 tps_touchpoint_set_stage_id      (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_channel_id    (TpsTouchpoint       *self);
void                 tps_touchpoint_set_channel_id    (TpsTouchpoint       *self,
                                                       const char          *value);
const char * const  *tps_touchpoint_get_persona_ids   (TpsTouchpoint       *self);
void                 tps_touchpoint_set_persona_ids   (TpsTouchpoint       *self,
                                                       const char * const  *value);
const char          *tps_touchpoint_get_owner         (TpsTouchpoint       *self);
void                 tps_touchpoint_set_owner         (TpsTouchpoint       *self,
                                                       const char          *value);
const char * const  *tps_touchpoint_get_systems       (TpsTouchpoint       *self);
void                 tps_touchpoint_set_systems       (TpsTouchpoint       *self,
                                                       const char * const  *value);
const char          *tps_touchpoint_get_when          (TpsTouchpoint       *self);
void                 tps_touchpoint_set_when          (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_where         (TpsTouchpoint       *self);
void                 tps_touchpoint_set_where         (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_emotion_note  (TpsTouchpoint       *self);
void                 tps_touchpoint_set_emotion_note  (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_function_note (TpsTouchpoint       *self);
void                 tps_touchpoint_set_function_note (TpsTouchpoint       *self,
                                                       const char          *value);
TpsFunction          tps_touchpoint_get_function      (TpsTouchpoint       *self);
void                 tps_touchpoint_set_function      (TpsTouchpoint       *self,
                                                       TpsFunction          value);
TpsTouchpointStatus  tps_touchpoint_get_status        (TpsTouchpoint       *self);
void                 tps_touchpoint_set_status        (TpsTouchpoint       *self,
                                                       TpsTouchpointStatus  value);
TpsMoment            tps_touchpoint_get_moment        (TpsTouchpoint       *self);
void                 tps_touchpoint_set_moment        (TpsTouchpoint       *self,
                                                       TpsMoment            value);
gboolean             tps_touchpoint_get_entry_point   (TpsTouchpoint       *self);
void                 tps_touchpoint_set_entry_point   (TpsTouchpoint       *self,
                                                       gboolean             value);
gboolean             tps_touchpoint_get_exit_point    (TpsTouchpoint       *self);
void                 tps_touchpoint_set_exit_point    (TpsTouchpoint       *self,
                                                       gboolean             value);
const char          *tps_touchpoint_get_expectation   (TpsTouchpoint       *self);
void                 tps_touchpoint_set_expectation   (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_goal          (TpsTouchpoint       *self);
void                 tps_touchpoint_set_goal          (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_orders        (TpsTouchpoint       *self);
void                 tps_touchpoint_set_orders        (TpsTouchpoint       *self,
                                                       const char          *value);
const char          *tps_touchpoint_get_notes         (TpsTouchpoint       *self);
void                 tps_touchpoint_set_notes         (TpsTouchpoint       *self,
                                                       const char          *value);
int                  tps_touchpoint_get_current       (TpsTouchpoint       *self);
void                 tps_touchpoint_set_current       (TpsTouchpoint       *self,
                                                       int                  value);
int                  tps_touchpoint_get_target        (TpsTouchpoint       *self);
void                 tps_touchpoint_set_target        (TpsTouchpoint       *self,
                                                       int                  value);
int                  tps_touchpoint_get_importance    (TpsTouchpoint       *self);
void                 tps_touchpoint_set_importance    (TpsTouchpoint       *self,
                                                       int                  value);
int                  tps_touchpoint_get_internal      (TpsTouchpoint       *self);
void                 tps_touchpoint_set_internal      (TpsTouchpoint       *self,
                                                       int                  value);

GListModel          *tps_touchpoint_get_measurements  (TpsTouchpoint       *self);

int                  tps_touchpoint_get_gap           (TpsTouchpoint       *self);
int                  tps_touchpoint_get_perception_gap (TpsTouchpoint      *self);
int                  tps_touchpoint_get_priority      (TpsTouchpoint       *self);
gboolean             tps_touchpoint_has_persona       (TpsTouchpoint       *self,
                                                       const char          *persona_id);

G_END_DECLS
