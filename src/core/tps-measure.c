/* tps-measure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-measure.h"
#include "tps-model-private.h"

struct _TpsMeasure
{
  TpsObject parent_instance;

  char *title;
  char *description;
  TpsMeasureType kind;
  TpsMeasureStatus status;
  char **touchpoint_ids;
  char *owner;
  char *start;
  char *due;
  int effort;
  int impact;
  double cost;
  char *parent_id;
};

G_DEFINE_FINAL_TYPE (TpsMeasure, tps_measure, TPS_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KIND,
  PROP_STATUS,
  PROP_TOUCHPOINT_IDS,
  PROP_OWNER,
  PROP_START,
  PROP_DUE,
  PROP_EFFORT,
  PROP_IMPACT,
  PROP_COST,
  PROP_PARENT_ID,
  PROP_QUICK_WIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tps_measure_get_display_name (TpsObject *object)
{
  return TPS_MEASURE (object)->title;
}

static void
tps_measure_finalize (GObject *object)
{
  TpsMeasure *self = TPS_MEASURE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->touchpoint_ids, g_strfreev);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->parent_id, g_free);

  G_OBJECT_CLASS (tps_measure_parent_class)->finalize (object);
}

static void
tps_measure_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpsMeasure *self = TPS_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TOUCHPOINT_IDS:
      g_value_set_boxed (value, self->touchpoint_ids);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_START:
      g_value_set_string (value, self->start);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_EFFORT:
      g_value_set_int (value, self->effort);
      break;
    case PROP_IMPACT:
      g_value_set_int (value, self->impact);
      break;
    case PROP_COST:
      g_value_set_double (value, self->cost);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_QUICK_WIN:
      g_value_set_boolean (value, tps_measure_is_quick_win (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measure_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpsMeasure *self = TPS_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      tps_measure_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      tps_measure_set_description (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      tps_measure_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      tps_measure_set_status (self, g_value_get_enum (value));
      break;
    case PROP_TOUCHPOINT_IDS:
      tps_measure_set_touchpoint_ids (self, g_value_get_boxed (value));
      break;
    case PROP_OWNER:
      tps_measure_set_owner (self, g_value_get_string (value));
      break;
    case PROP_START:
      tps_measure_set_start (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      tps_measure_set_due (self, g_value_get_string (value));
      break;
    case PROP_EFFORT:
      tps_measure_set_effort (self, g_value_get_int (value));
      break;
    case PROP_IMPACT:
      tps_measure_set_impact (self, g_value_get_int (value));
      break;
    case PROP_COST:
      tps_measure_set_cost (self, g_value_get_double (value));
      break;
    case PROP_PARENT_ID:
      tps_measure_set_parent_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measure_class_init (TpsMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_measure_finalize;
  object_class->get_property = tps_measure_get_property;
  object_class->set_property = tps_measure_set_property;
  TPS_OBJECT_CLASS (klass)->get_display_name = tps_measure_get_display_name;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("Title"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Type"), NULL, TPS_TYPE_MEASURE_TYPE, TPS_MEASURE_TYPE_PROCESS,
                       TPS_PARAM_RW);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("Status"), NULL,
                       TPS_TYPE_MEASURE_STATUS, TPS_MEASURE_STATUS_IDEA,
                       TPS_PARAM_RW);
  properties[PROP_TOUCHPOINT_IDS] =
    g_param_spec_boxed ("touchpoint-ids", N_("Linked touchpoints"), NULL,
                        G_TYPE_STRV, TPS_PARAM_RW);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", N_("Owner"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_START] =
    g_param_spec_string ("start", N_("Start"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_DUE] =
    g_param_spec_string ("due", N_("Due date"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_EFFORT] =
    g_param_spec_int ("effort", N_("Effort"), NULL, TPS_SCORE_MIN, TPS_SCORE_MAX, 3,
                      TPS_PARAM_RW);
  properties[PROP_IMPACT] =
    g_param_spec_int ("impact", N_("Impact"), NULL, TPS_SCORE_MIN, TPS_SCORE_MAX, 3,
                      TPS_PARAM_RW);
  properties[PROP_COST] =
    g_param_spec_double ("cost", N_("Cost"), NULL, 0, G_MAXDOUBLE, 0, TPS_PARAM_RW);
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", N_("Parent measure"), NULL, NULL, TPS_PARAM_RW);
  properties[PROP_QUICK_WIN] =
    g_param_spec_boolean ("quick-win", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_measure_init (TpsMeasure *self)
{
  self->effort = 3;
  self->impact = 3;
}

TpsMeasure *
tps_measure_new (const char *id)
{
  return g_object_new (TPS_TYPE_MEASURE, "id", id, NULL);
}

/* A quick win (seed 000: quick wins first) is derived, never stored:
 * high impact for little effort.
 */
gboolean
tps_measure_is_quick_win (TpsMeasure *self)
{
  g_return_val_if_fail (TPS_IS_MEASURE (self), FALSE);

  return self->impact >= 4 && self->effort <= 2;
}

/* Effort and impact decide the quick-win flag, so a change to either
 * notifies quick-win when the flag flips.
 */
static void
set_score (TpsMeasure *self,
           int        *field,
           int         value,
           GParamSpec *pspec)
{
  gboolean was_quick_win = tps_measure_is_quick_win (self);

  if (tps_set_int (G_OBJECT (self), field, value, pspec)
      && was_quick_win != tps_measure_is_quick_win (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUICK_WIN]);
}

int
tps_measure_get_effort (TpsMeasure *self)
{
  g_return_val_if_fail (TPS_IS_MEASURE (self), 0);
  return self->effort;
}

void
tps_measure_set_effort (TpsMeasure *self,
                        int         value)
{
  g_return_if_fail (TPS_IS_MEASURE (self));
  set_score (self, &self->effort, value, properties[PROP_EFFORT]);
}

int
tps_measure_get_impact (TpsMeasure *self)
{
  g_return_val_if_fail (TPS_IS_MEASURE (self), 0);
  return self->impact;
}

void
tps_measure_set_impact (TpsMeasure *self,
                        int         value)
{
  g_return_if_fail (TPS_IS_MEASURE (self));
  set_score (self, &self->impact, value, properties[PROP_IMPACT]);
}

TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, title, PROP_TITLE)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, description, PROP_DESCRIPTION)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasure, tps_measure, kind, PROP_KIND,
                             TpsMeasureType, tps_set_int)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasure, tps_measure, status, PROP_STATUS,
                             TpsMeasureStatus, tps_set_int)
TPS_DEFINE_STRV_ACCESSORS (TpsMeasure, tps_measure, touchpoint_ids, PROP_TOUCHPOINT_IDS)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, owner, PROP_OWNER)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, start, PROP_START)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, due, PROP_DUE)
TPS_DEFINE_SCALAR_ACCESSORS (TpsMeasure, tps_measure, cost, PROP_COST,
                             double, tps_set_double)
TPS_DEFINE_STRING_ACCESSORS (TpsMeasure, tps_measure, parent_id, PROP_PARENT_ID)
