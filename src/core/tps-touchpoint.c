/* tps-touchpoint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-touchpoint.h"

struct _TpsTouchpoint
{
  TpsObject parent_instance;

  char *title;
  char *description;
  char *stage_id;
  char *channel_id;
  char **persona_ids;
  char *owner;
  char **systems;
  char *when;
  char *where;
  char *emotion_note;
  char *function_note;
  TpsFunction function;
  TpsTouchpointStatus status;
  TpsMoment moment;
  gboolean entry_point;
  gboolean exit_point;
  char *expectation;
  char *goal;
  char *orders;
  char *notes;
  int current;
  int target;
  int importance;
  int internal;

  GListStore *measurements;
};

G_DEFINE_FINAL_TYPE (TpsTouchpoint, tps_touchpoint, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STAGE_ID,
  PROP_CHANNEL_ID,
  PROP_PERSONA_IDS,
  PROP_OWNER,
  PROP_SYSTEMS,
  PROP_WHEN,
  PROP_WHERE,
  PROP_EMOTION_NOTE,
  PROP_FUNCTION_NOTE,
  PROP_FUNCTION,
  PROP_STATUS,
  PROP_MOMENT,
  PROP_ENTRY_POINT,
  PROP_EXIT_POINT,
  PROP_EXPECTATION,
  PROP_GOAL,
  PROP_ORDERS,
  PROP_NOTES,
  PROP_CURRENT,
  PROP_TARGET,
  PROP_IMPORTANCE,
  PROP_INTERNAL,
  PROP_MEASUREMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_touchpoint_get_display_name (TpsObject *object)
{
  return TPS_TOUCHPOINT (object)->title;
}

static void
tps_touchpoint_finalize (GObject *object)
{
  TpsTouchpoint *self = TPS_TOUCHPOINT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->channel_id, g_free);
  g_clear_pointer (&self->persona_ids, g_strfreev);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->systems, g_strfreev);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->emotion_note, g_free);
  g_clear_pointer (&self->function_note, g_free);
  g_clear_pointer (&self->expectation, g_free);
  g_clear_pointer (&self->goal, g_free);
  g_clear_pointer (&self->orders, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->measurements);

  G_OBJECT_CLASS (tps_touchpoint_parent_class)->finalize (object);
}

static void
tps_touchpoint_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpsTouchpoint *self = TPS_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_PERSONA_IDS:
      g_value_set_boxed (value, self->persona_ids);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_SYSTEMS:
      g_value_set_boxed (value, self->systems);
      break;
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_WHERE:
      g_value_set_string (value, self->where);
      break;
    case PROP_EMOTION_NOTE:
      g_value_set_string (value, self->emotion_note);
      break;
    case PROP_FUNCTION_NOTE:
      g_value_set_string (value, self->function_note);
      break;
    case PROP_FUNCTION:
      g_value_set_enum (value, self->function);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MOMENT:
      g_value_set_enum (value, self->moment);
      break;
    case PROP_ENTRY_POINT:
      g_value_set_boolean (value, self->entry_point);
      break;
    case PROP_EXIT_POINT:
      g_value_set_boolean (value, self->exit_point);
      break;
    case PROP_EXPECTATION:
      g_value_set_string (value, self->expectation);
      break;
    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;
    case PROP_ORDERS:
      g_value_set_string (value, self->orders);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;
    case PROP_TARGET:
      g_value_set_int (value, self->target);
      break;
    case PROP_IMPORTANCE:
      g_value_set_int (value, self->importance);
      break;
    case PROP_INTERNAL:
      g_value_set_int (value, self->internal);
      break;
    case PROP_MEASUREMENTS:
      g_value_set_object (value, self->measurements);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoint_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpsTouchpoint *self = TPS_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tps_touchpoint_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tps_touchpoint_set_description (self, g_value_get_string (value));
      break;
    case PROP_STAGE_ID:
      tps_touchpoint_set_stage_id (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL_ID:
      tps_touchpoint_set_channel_id (self, g_value_get_string (value));
      break;
    case PROP_PERSONA_IDS:
      tps_touchpoint_set_persona_ids (self, g_value_get_boxed (value));
      break;
    case PROP_OWNER:
      tps_touchpoint_set_owner (self, g_value_get_string (value));
      break;
    case PROP_SYSTEMS:
      tps_touchpoint_set_systems (self, g_value_get_boxed (value));
      break;
    case PROP_WHEN:
      tps_touchpoint_set_when (self, g_value_get_string (value));
      break;
    case PROP_WHERE:
      tps_touchpoint_set_where (self, g_value_get_string (value));
      break;
    case PROP_EMOTION_NOTE:
      tps_touchpoint_set_emotion_note (self, g_value_get_string (value));
      break;
    case PROP_FUNCTION_NOTE:
      tps_touchpoint_set_function_note (self, g_value_get_string (value));
      break;
    case PROP_FUNCTION:
      tps_touchpoint_set_function (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      tps_touchpoint_set_status (self, g_value_get_enum (value));
      break;
    case PROP_MOMENT:
      tps_touchpoint_set_moment (self, g_value_get_enum (value));
      break;
    case PROP_ENTRY_POINT:
      tps_touchpoint_set_entry_point (self, g_value_get_boolean (value));
      break;
    case PROP_EXIT_POINT:
      tps_touchpoint_set_exit_point (self, g_value_get_boolean (value));
      break;
    case PROP_EXPECTATION:
      tps_touchpoint_set_expectation (self, g_value_get_string (value));
      break;
    case PROP_GOAL:
      tps_touchpoint_set_goal (self, g_value_get_string (value));
      break;
    case PROP_ORDERS:
      tps_touchpoint_set_orders (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      tps_touchpoint_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CURRENT:
      tps_touchpoint_set_current (self, g_value_get_int (value));
      break;
    case PROP_TARGET:
      tps_touchpoint_set_target (self, g_value_get_int (value));
      break;
    case PROP_IMPORTANCE:
      tps_touchpoint_set_importance (self, g_value_get_int (value));
      break;
    case PROP_INTERNAL:
      tps_touchpoint_set_internal (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoint_class_init (TpsTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_touchpoint_finalize;
  object_class->get_property = tps_touchpoint_get_property;
  object_class->set_property = tps_touchpoint_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_touchpoint_get_display_name;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("Title"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", N_("Stage"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_string ("channel-id", N_("Channel"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_PERSONA_IDS] =
    g_param_spec_boxed ("persona-ids", N_("Personas"), NULL, G_TYPE_STRV, TPS_PARAM_RW);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", N_("Owner"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_SYSTEMS] =
    g_param_spec_boxed ("systems", N_("Systems"), NULL, G_TYPE_STRV, TPS_PARAM_RW);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", N_("When"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_WHERE] =
    g_param_spec_string ("where", N_("Where"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_EMOTION_NOTE] =
    g_param_spec_string ("emotion-note", N_("Emotional note"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_FUNCTION_NOTE] =
    g_param_spec_string ("function-note", N_("Functional note"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_FUNCTION] =
    g_param_spec_enum ("function", N_("Function"), NULL, TPS_TYPE_FUNCTION, TPS_FUNCTION_OTHER,
                       TPS_PARAM_RW);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("Status"), NULL,
                       TPS_TYPE_TOUCHPOINT_STATUS, TPS_TOUCHPOINT_STATUS_EXISTING,
                       TPS_PARAM_RW);
  properties[PROP_MOMENT] =
    g_param_spec_enum ("moment", N_("Moment"), NULL, TPS_TYPE_MOMENT, TPS_MOMENT_NONE,
                       TPS_PARAM_RW);
  properties[PROP_ENTRY_POINT] =
    g_param_spec_boolean ("entry-point", N_("Entry point"), NULL, FALSE, TPS_PARAM_RW);
  properties[PROP_EXIT_POINT] =
    g_param_spec_boolean ("exit-point", N_("Exit point"), NULL, FALSE, TPS_PARAM_RW);
  properties[PROP_EXPECTATION] =
    g_param_spec_string ("expectation", N_("Customer expectation"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_GOAL] =
    g_param_spec_string ("goal", N_("Goal"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_ORDERS] =
    g_param_spec_string ("orders", N_("Orders won or lost"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_CURRENT] =
    g_param_spec_int ("current", N_("Ist rating"), NULL, TPS_RATING_MIN, TPS_RATING_MAX, 0,
                      TPS_PARAM_RW);
  properties[PROP_TARGET] =
    g_param_spec_int ("target", N_("Soll rating"), NULL, TPS_RATING_MIN, TPS_RATING_MAX, 0,
                      TPS_PARAM_RW);
  properties[PROP_IMPORTANCE] =
    g_param_spec_int ("importance", N_("Importance"), NULL,
                      TPS_IMPORTANCE_MIN, TPS_IMPORTANCE_MAX, 3,
                      TPS_PARAM_RW);
  properties[PROP_INTERNAL] =
    g_param_spec_int ("internal", N_("Internal view"), NULL, TPS_RATING_MIN, TPS_RATING_MAX, 0,
                      TPS_PARAM_RW);
  properties[PROP_MEASUREMENTS] =
    g_param_spec_object ("measurements", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_touchpoint_init (TpsTouchpoint *self)
{
  self->function = TPS_FUNCTION_OTHER;
  self->importance = 3;
  self->measurements = g_list_store_new (TPS_TYPE_MEASUREMENT);
}

TpsTouchpoint *
tps_touchpoint_new (const char *id)
{
  return g_object_new (TPS_TYPE_TOUCHPOINT, "id", id, NULL);
}

/* Returns: (transfer none): the touchpoint's measurements, a GListStore of
 * TpsMeasurement that the history edits like every other list.
 */
GListModel *
tps_touchpoint_get_measurements (TpsTouchpoint *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), NULL);

  return G_LIST_MODEL (self->measurements);
}

/* How far the customer's experience today is from the ideal: Soll − Ist. */
int
tps_touchpoint_get_gap (TpsTouchpoint *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), 0);

  return self->target - self->current;
}

/* How much better employees think the touchpoint is than customers do. */
int
tps_touchpoint_get_perception_gap (TpsTouchpoint *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), 0);

  return self->internal - self->current;
}

/* Importance × gap: the most influential touchpoints with the largest
 * distance to the ideal come first (seed 000: prioritise the most
 * influential touchpoints).
 */
int
tps_touchpoint_get_priority (TpsTouchpoint *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), 0);

  return self->importance * MAX (0, self->target - self->current);
}

gboolean
tps_touchpoint_has_persona (TpsTouchpoint *self,
                            const char    *persona_id)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), FALSE);

  return self->persona_ids != NULL
         && g_strv_contains ((const char * const *) self->persona_ids, persona_id);
}

TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, title, PROP_TITLE)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, description, PROP_DESCRIPTION)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, stage_id, PROP_STAGE_ID)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, channel_id, PROP_CHANNEL_ID)
TPS_DEFINE_STRV_ACCESSORS (TpsTouchpoint, tps_touchpoint, persona_ids, PROP_PERSONA_IDS)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, owner, PROP_OWNER)
TPS_DEFINE_STRV_ACCESSORS (TpsTouchpoint, tps_touchpoint, systems, PROP_SYSTEMS)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, when, PROP_WHEN)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, where, PROP_WHERE)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, emotion_note, PROP_EMOTION_NOTE)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, function_note, PROP_FUNCTION_NOTE)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, function, PROP_FUNCTION,
                             TpsFunction, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, status, PROP_STATUS,
                             TpsTouchpointStatus, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, moment, PROP_MOMENT,
                             TpsMoment, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, entry_point, PROP_ENTRY_POINT,
                             gboolean, tps_set_boolean)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, exit_point, PROP_EXIT_POINT,
                             gboolean, tps_set_boolean)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, expectation, PROP_EXPECTATION)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, goal, PROP_GOAL)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, orders, PROP_ORDERS)
TPS_DEFINE_STRING_ACCESSORS (TpsTouchpoint, tps_touchpoint, notes, PROP_NOTES)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, current, PROP_CURRENT,
                             int, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, target, PROP_TARGET,
                             int, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, importance, PROP_IMPORTANCE,
                             int, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsTouchpoint, tps_touchpoint, internal, PROP_INTERNAL,
                             int, tps_set_int)
