/* tps-touchpoint.c — a point where the customer meets the company
 *
 * Besides its place on the map (stage, channel), its personas, systems and
 * measurements, a touchpoint has attributes: texts, ratings, words. They
 * are the rows of attribute_rows below, and everything that goes through
 * all of them — the file's reader and writer, the CSV table, the
 * inspector's text views, the history's labels and the comparison — reads
 * that table: a new text attribute is a field, a PROP_ and a row here, a
 * GtkTextView named after it in tps-touchpoint-inspector.ui and an element
 * in data/touchpoint-project.rng.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/* The attributes. The name is at once the property, the word in the file
 * and the key of the CSV column; the nick is the label the history and the
 * comparison show. The rows are in the order of the file and of the CSV
 * columns.
 */
typedef struct
{
  TpsTouchpointAttribute attribute;
  const char *nick;
  guint prop_id;
  gsize offset;
  int minimum;
  int maximum;
  int default_value;
  GType (*enum_type) (void);
} AttributeRow;

#define FIELD(field) G_STRUCT_OFFSET (TpsTouchpoint, field)
#define TEXT(name, nick, prop, field, required) \
  { { name, TPS_ATTRIBUTE_TEXT, required }, nick, prop, FIELD (field) }
#define LINE(name, nick, prop, field) \
  { { name, TPS_ATTRIBUTE_LINE, FALSE }, nick, prop, FIELD (field) }
#define INT(name, nick, prop, field, min, max, def) \
  { { name, TPS_ATTRIBUTE_INT, TRUE }, nick, prop, FIELD (field), min, max, def }
#define ENUM(name, nick, prop, field, type, def) \
  { { name, TPS_ATTRIBUTE_ENUM, TRUE }, nick, prop, FIELD (field), 0, 0, def, type }
#define BOOLEAN(name, nick, prop, field) \
  { { name, TPS_ATTRIBUTE_BOOLEAN, FALSE }, nick, prop, FIELD (field), FALSE, TRUE, FALSE }

static const AttributeRow attribute_rows[] = {
  TEXT ("title", N_("Title"), PROP_TITLE, title, TRUE),
  TEXT ("description", N_("Description"), PROP_DESCRIPTION, description, FALSE),
  ENUM ("function", N_("Function"), PROP_FUNCTION, function,
        tps_function_get_type, TPS_FUNCTION_OTHER),
  ENUM ("status", N_("Status"), PROP_STATUS, status,
        tps_touchpoint_status_get_type, TPS_TOUCHPOINT_STATUS_EXISTING),
  ENUM ("moment", N_("Moment"), PROP_MOMENT, moment, tps_moment_get_type, TPS_MOMENT_NONE),
  BOOLEAN ("entry-point", N_("Entry point"), PROP_ENTRY_POINT, entry_point),
  BOOLEAN ("exit-point", N_("Exit point"), PROP_EXIT_POINT, exit_point),
  INT ("current", N_("Ist rating"), PROP_CURRENT, current, TPS_RATING_MIN, TPS_RATING_MAX, 0),
  INT ("target", N_("Soll rating"), PROP_TARGET, target, TPS_RATING_MIN, TPS_RATING_MAX, 0),
  INT ("importance", N_("Importance"), PROP_IMPORTANCE, importance,
       TPS_IMPORTANCE_MIN, TPS_IMPORTANCE_MAX, 3),
  INT ("internal", N_("Internal view"), PROP_INTERNAL, internal,
       TPS_RATING_MIN, TPS_RATING_MAX, 0),
  LINE ("owner", N_("Owner"), PROP_OWNER, owner),
  TEXT ("when", N_("When"), PROP_WHEN, when, FALSE),
  TEXT ("where", N_("Where"), PROP_WHERE, where, FALSE),
  TEXT ("emotion-note", N_("Emotional note"), PROP_EMOTION_NOTE, emotion_note, FALSE),
  TEXT ("function-note", N_("Functional note"), PROP_FUNCTION_NOTE, function_note, FALSE),
  TEXT ("expectation", N_("Customer expectation"), PROP_EXPECTATION, expectation, FALSE),
  TEXT ("goal", N_("Goal"), PROP_GOAL, goal, FALSE),
  TEXT ("orders", N_("Orders won or lost"), PROP_ORDERS, orders, FALSE),
  TEXT ("notes", N_("Notes"), PROP_NOTES, notes, FALSE),
};

#undef FIELD
#undef TEXT
#undef LINE
#undef INT
#undef ENUM
#undef BOOLEAN

/* prop_id → its row, for the properties the table defines */
static const AttributeRow *rows_by_prop[N_PROPS];

static const AttributeRow *
row_of (const TpsTouchpointAttribute *attribute)
{
  const AttributeRow *row = (const AttributeRow *) attribute;

  g_return_val_if_fail (row >= attribute_rows
                        && row < attribute_rows + G_N_ELEMENTS (attribute_rows), NULL);
  return row;
}

#define TEXT_FIELD(self, row) ((char **) G_STRUCT_MEMBER_P ((self), (row)->offset))
#define INT_FIELD(self, row) ((int *) G_STRUCT_MEMBER_P ((self), (row)->offset))

static gboolean
is_text (const AttributeRow *row)
{
  return row->attribute.type == TPS_ATTRIBUTE_TEXT || row->attribute.type == TPS_ATTRIBUTE_LINE;
}

static void
tps_touchpoint_finalize (GObject *object)
{
  TpsTouchpoint *self = TPS_TOUCHPOINT (object);

  for (guint i = 0; i < G_N_ELEMENTS (attribute_rows); i++)
    if (is_text (&attribute_rows[i]))
      g_clear_pointer (TEXT_FIELD (self, &attribute_rows[i]), g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->channel_id, g_free);
  g_clear_pointer (&self->persona_ids, g_strfreev);
  g_clear_pointer (&self->systems, g_strfreev);
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
  const AttributeRow *row = prop_id < N_PROPS ? rows_by_prop[prop_id] : NULL;

  if (row != NULL)
    {
      switch (row->attribute.type)
        {
        case TPS_ATTRIBUTE_TEXT:
        case TPS_ATTRIBUTE_LINE:
          g_value_set_string (value, *TEXT_FIELD (self, row));
          break;
        case TPS_ATTRIBUTE_INT:
          g_value_set_int (value, *INT_FIELD (self, row));
          break;
        case TPS_ATTRIBUTE_ENUM:
          g_value_set_enum (value, *INT_FIELD (self, row));
          break;
        case TPS_ATTRIBUTE_BOOLEAN:
          g_value_set_boolean (value, *INT_FIELD (self, row));
          break;
        default:
          g_assert_not_reached ();
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;
    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;
    case PROP_PERSONA_IDS:
      g_value_set_boxed (value, self->persona_ids);
      break;
    case PROP_SYSTEMS:
      g_value_set_boxed (value, self->systems);
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
  const AttributeRow *row = prop_id < N_PROPS ? rows_by_prop[prop_id] : NULL;

  if (row != NULL)
    {
      switch (row->attribute.type)
        {
        case TPS_ATTRIBUTE_TEXT:
        case TPS_ATTRIBUTE_LINE:
          tps_touchpoint_set_text (self, &row->attribute, g_value_get_string (value));
          break;
        case TPS_ATTRIBUTE_INT:
          tps_touchpoint_set_int (self, &row->attribute, g_value_get_int (value));
          break;
        case TPS_ATTRIBUTE_ENUM:
          tps_touchpoint_set_int (self, &row->attribute, g_value_get_enum (value));
          break;
        case TPS_ATTRIBUTE_BOOLEAN:
          tps_touchpoint_set_int (self, &row->attribute, g_value_get_boolean (value));
          break;
        default:
          g_assert_not_reached ();
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      tps_touchpoint_set_stage_id (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL_ID:
      tps_touchpoint_set_channel_id (self, g_value_get_string (value));
      break;
    case PROP_PERSONA_IDS:
      tps_touchpoint_set_persona_ids (self, g_value_get_boxed (value));
      break;
    case PROP_SYSTEMS:
      tps_touchpoint_set_systems (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
attribute_pspec_new (const AttributeRow *row)
{
  const char *name = row->attribute.name;

  switch (row->attribute.type)
    {
    case TPS_ATTRIBUTE_TEXT:
    case TPS_ATTRIBUTE_LINE:
      return g_param_spec_string (name, row->nick, NULL, NULL, TPS_PARAM_RW);
    case TPS_ATTRIBUTE_INT:
      return g_param_spec_int (name, row->nick, NULL, row->minimum, row->maximum,
                               row->default_value, TPS_PARAM_RW);
    case TPS_ATTRIBUTE_ENUM:
      return g_param_spec_enum (name, row->nick, NULL, row->enum_type (), row->default_value,
                                TPS_PARAM_RW);
    case TPS_ATTRIBUTE_BOOLEAN:
      return g_param_spec_boolean (name, row->nick, NULL, FALSE, TPS_PARAM_RW);
    default:
      g_assert_not_reached ();
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

  for (guint i = 0; i < G_N_ELEMENTS (attribute_rows); i++)
    {
      const AttributeRow *row = &attribute_rows[i];

      properties[row->prop_id] = attribute_pspec_new (row);
      rows_by_prop[row->prop_id] = row;
    }
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", N_("Stage"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_string ("channel-id", N_("Channel"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_PERSONA_IDS] =
    g_param_spec_boxed ("persona-ids", N_("Personas"), NULL, G_TYPE_STRV, TPS_PARAM_RW);
  properties[PROP_SYSTEMS] =
    g_param_spec_boxed ("systems", N_("Systems"), NULL, G_TYPE_STRV, TPS_PARAM_RW);
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
  /* Without an id (the reader sets it later), without the property
   * machinery: a big project creates tens of thousands.
   */
  if (id == NULL)
    return g_object_new (TPS_TYPE_TOUCHPOINT, NULL);

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

/**
 * tps_touchpoint_get_attribute:
 * @index: from 0
 *
 * The attributes in the order of the file and of the CSV columns:
 * `for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)); i++)`.
 *
 * Returns: (nullable): the attribute at @index, %NULL past the last
 */
const TpsTouchpointAttribute *
tps_touchpoint_get_attribute (guint index)
{
  if (index >= G_N_ELEMENTS (attribute_rows))
    return NULL;

  return &attribute_rows[index].attribute;
}

/* Returns: (nullable): the attribute called @name */
const TpsTouchpointAttribute *
tps_touchpoint_find_attribute (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (attribute_rows); i++)
    if (attribute_rows[i].attribute.name[0] == name[0]
        && strcmp (attribute_rows[i].attribute.name, name) == 0)
      return &attribute_rows[i].attribute;

  return NULL;
}

/**
 * tps_touchpoint_attribute_get_pspec:
 *
 * Returns: (transfer none): the attribute's property: its nick is the
 *   label to show (translate it with _()), an integer's range and an
 *   enumeration's type are there
 */
GParamSpec *
tps_touchpoint_attribute_get_pspec (const TpsTouchpointAttribute *attribute)
{
  const AttributeRow *row = row_of (attribute);

  g_return_val_if_fail (row != NULL, NULL);

  /* The class is created with the first touchpoint; this may come first. */
  if (properties[row->prop_id] == NULL)
    g_type_class_unref (g_type_class_ref (TPS_TYPE_TOUCHPOINT));

  return properties[row->prop_id];
}

/* Returns: (nullable): a text or line attribute's value */
const char *
tps_touchpoint_get_text (TpsTouchpoint                *self,
                         const TpsTouchpointAttribute *attribute)
{
  const AttributeRow *row = row_of (attribute);

  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), NULL);
  g_return_val_if_fail (row != NULL && is_text (row), NULL);

  return *TEXT_FIELD (self, row);
}

void
tps_touchpoint_set_text (TpsTouchpoint                *self,
                         const TpsTouchpointAttribute *attribute,
                         const char                   *value)
{
  const AttributeRow *row = row_of (attribute);

  g_return_if_fail (TPS_IS_TOUCHPOINT (self));
  g_return_if_fail (row != NULL && is_text (row));

  tps_set_string (G_OBJECT (self), TEXT_FIELD (self, row), value, properties[row->prop_id]);
}

/* Returns: an integer, enumeration or boolean attribute's value */
int
tps_touchpoint_get_int (TpsTouchpoint                *self,
                        const TpsTouchpointAttribute *attribute)
{
  const AttributeRow *row = row_of (attribute);

  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), 0);
  g_return_val_if_fail (row != NULL && !is_text (row), 0);

  return *INT_FIELD (self, row);
}

void
tps_touchpoint_set_int (TpsTouchpoint                *self,
                        const TpsTouchpointAttribute *attribute,
                        int                           value)
{
  const AttributeRow *row = row_of (attribute);

  g_return_if_fail (TPS_IS_TOUCHPOINT (self));
  g_return_if_fail (row != NULL && !is_text (row));

  if (row->attribute.type == TPS_ATTRIBUTE_BOOLEAN)
    value = !!value;
  tps_set_int (G_OBJECT (self), INT_FIELD (self, row), value, properties[row->prop_id]);
}

/**
 * tps_touchpoint_get_attribute_word:
 * @buffer: room for a number, in case the attribute is one
 *
 * The attribute as the file and the CSV table write it: the text, the
 * number, the enumeration's word, "true" or "false".
 *
 * Returns: (nullable): the word, in @buffer or static or the touchpoint's;
 *   %NULL for an empty text
 */
const char *
tps_touchpoint_get_attribute_word (TpsTouchpoint                *self,
                                   const TpsTouchpointAttribute *attribute,
                                   char                          buffer[TPS_ATTRIBUTE_WORD_SIZE])
{
  const AttributeRow *row = row_of (attribute);

  g_return_val_if_fail (TPS_IS_TOUCHPOINT (self), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  switch (attribute->type)
    {
    case TPS_ATTRIBUTE_TEXT:
    case TPS_ATTRIBUTE_LINE:
      return *TEXT_FIELD (self, row);
    case TPS_ATTRIBUTE_INT:
      g_snprintf (buffer, TPS_ATTRIBUTE_WORD_SIZE, "%d", *INT_FIELD (self, row));
      return buffer;
    case TPS_ATTRIBUTE_ENUM:
      return tps_enum_get_word (row->enum_type (), *INT_FIELD (self, row));
    case TPS_ATTRIBUTE_BOOLEAN:
      return *INT_FIELD (self, row) ? "true" : "false";
    default:
      g_assert_not_reached ();
    }
}
