/* tps-project-reader.c — reading a .touchpoints file into a project
 *
 * The elements arrive one item at a time from tps-project-stream.c (a
 * persona, a stage, a touchpoint with its measurements, a measure...); as
 * each ends it is checked, read into the project and forgotten, so the
 * whole document never exists as a tree beside the model. The first
 * problem, of a value or a reference, is reported as one sentence with its
 * line number. The touchpoint's attributes are read as the table in
 * tps-touchpoint.c lists them.
 *
 * The writer is in tps-project-io.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tps-conflict.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-project-io.h"
#include "tps-project-stream.h"

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

typedef struct
{
  TpsProject *project;
  GError *error;

  /* id → line of its definition, for duplicates and references */
  GHashTable *ids;
  GHashTable *personas;
  GHashTable *stages;
  GHashTable *channels;
  GHashTable *touchpoints;
  GHashTable *measures;
  GHashTable *comparators;

  /* line of each measure, for its parent checked once everything is read */
  GArray *measure_lines;

  /* the touchpoints read, added to the project together when their list
   * ends: one change notice instead of one per touchpoint
   */
  GPtrArray *new_touchpoints;

  /* while streaming: the root's attributes have been checked */
  gboolean root_checked;
  TpsNode *conflicts;
} Loader;

static void
fail_valist (Loader     *loader,
             int         code,
             long        line,
             const char *format,
             va_list     args)
{
  g_autofree char *message = NULL;

  if (loader->error != NULL)
    return;

  message = g_strdup_vprintf (format, args);
  if (line >= 0)
    g_set_error (&loader->error, TPS_PROJECT_ERROR, code,
                 /* Translators: "Line 12: the Ist rating must be …" */
                 _("Line %ld: %s"), line, message);
  else
    g_set_error_literal (&loader->error, TPS_PROJECT_ERROR, code, message);
}

static void G_GNUC_PRINTF (4, 5)
fail (Loader     *loader,
      int         code,
      TpsNode       *node,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (loader, code, node != NULL ? node->line : -1, format, args);
  va_end (args);
}

/* For what is checked after its element is gone: the line it was on. */
static void G_GNUC_PRINTF (4, 5)
fail_at_line (Loader     *loader,
              int         code,
              long        line,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (loader, code, line, format, args);
  va_end (args);
}

static gboolean
is_element (TpsNode    *node,
            const char *name)
{
  return node->type == TPS_NODE_ELEMENT && node->name[0] == name[0] && strcmp (node->name, name) == 0;
}

/* Text of an element with no element children, owned by the node (the
 * parser joins the pieces of a text); NULL when empty.
 */
static const char *
element_text (Loader  *loader,
              TpsNode *node)
{
  TpsNode *text = NULL;

  for (TpsNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == TPS_NODE_TEXT)
        text = child;
      else
        {
          fail (loader, TPS_PROJECT_ERROR_INVALID, child,
                _("<%s> may only contain text, not the element <%s>."),
                node->name, child->name);
          return NULL;
        }
    }

  return text != NULL && text->length > 0 ? text->content : NULL;
}

/* Returns: (nullable): the value of the attribute @name, owned by the node */
static const char *
peek_attr (TpsNode    *node,
           const char *name)
{
  for (const char **attribute = node->attributes; *attribute != NULL; attribute += 2)
    if (attribute[0][0] == name[0] && strcmp (attribute[0], name) == 0)
      return attribute[1];

  return NULL;
}

static const char *
require_attr (Loader     *loader,
              TpsNode    *node,
              const char *name)
{
  const char *value = peek_attr (node, name);

  if (value == NULL)
    fail (loader, TPS_PROJECT_ERROR_INVALID, node,
          _("<%s> is missing its “%s” attribute."), node->name, name);

  return value;
}

static gboolean
parse_int_attr (Loader     *loader,
                TpsNode    *node,
                const char *name,
                const char *what,
                int         min,
                int         max,
                gboolean    required,
                int        *out)
{
  const char *text = required ? require_attr (loader, node, name) : peek_attr (node, name);
  gint64 value;

  if (text == NULL)
    return !required;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("%s must be a whole number from %d to %d, not “%s”."), what, min, max, text);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
parse_double_attr (Loader     *loader,
                   TpsNode    *node,
                   const char *name,
                   gboolean    required,
                   gboolean   *present,
                   double     *out)
{
  const char *text = required ? require_attr (loader, node, name) : peek_attr (node, name);
  char *end = NULL;
  double value;

  if (present != NULL)
    *present = FALSE;

  if (text == NULL)
    return !required;

  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("“%s” is not a number (the “%s” attribute of <%s>)."), text, name, node->name);
      return FALSE;
    }

  if (present != NULL)
    *present = TRUE;
  *out = value;
  return TRUE;
}

static gboolean
parse_bool_attr (Loader     *loader,
                 TpsNode    *node,
                 const char *name,
                 gboolean   *out)
{
  const char *text = peek_attr (node, name);

  *out = FALSE;
  if (text == NULL || strcmp (text, "false") == 0)
    return TRUE;

  if (strcmp (text, "true") == 0)
    {
      *out = TRUE;
      return TRUE;
    }

  fail (loader, TPS_PROJECT_ERROR_INVALID, node,
        _("The “%s” attribute must be “true” or “false”, not “%s”."), name, text);
  return FALSE;
}

static char *
enum_words (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (words, ", ");
      g_string_append (words, klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gboolean
parse_enum_attr (Loader     *loader,
                 TpsNode    *node,
                 const char *name,
                 GType       enum_type,
                 int        *out)
{
  const char *text = require_attr (loader, node, name);

  if (text == NULL)
    return FALSE;

  if (!tps_enum_parse_word (enum_type, text, out))
    {
      g_autofree char *words = enum_words (enum_type);

      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("“%s” is not a known value for “%s”; use one of: %s."), text, name, words);
      return FALSE;
    }

  return TRUE;
}

static char *
parse_date_attr (Loader     *loader,
                 TpsNode    *node,
                 const char *name,
                 gboolean    required)
{
  const char *text = required ? require_attr (loader, node, name) : peek_attr (node, name);

  if (text == NULL)
    return NULL;

  if (!tps_date_is_valid (text))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("“%s” is not a date; write dates as YYYY-MM-DD, for example 2026-03-31."), text);
      return NULL;
    }

  return g_strdup (text);
}

/* Registers the object's id, refusing invalid and duplicate ids. */
static char *
claim_id (Loader     *loader,
          TpsNode    *node,
          GHashTable *kind_table,
          gpointer    object)
{
  const char *id = require_attr (loader, node, "id");
  gpointer first_line;

  if (id == NULL)
    return NULL;

  if (!tps_id_is_valid (id))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("“%s” is not a valid id: an id starts with a letter and contains only "
              "letters, digits, “-”, “_” and “.” (at most 64)."), id);
      return NULL;
    }

  if (g_hash_table_lookup_extended (loader->ids, id, NULL, &first_line))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("The id “%s” is used twice (first on line %d); every id must be unique."),
            id, GPOINTER_TO_INT (first_line));
      return NULL;
    }

  g_hash_table_insert (loader->ids, g_strdup (id), GINT_TO_POINTER (node->line));
  if (kind_table != NULL)
    g_hash_table_insert (kind_table, g_strdup (id), object);

  return g_strdup (id);
}

static void
unexpected (Loader  *loader,
            TpsNode *parent,
            TpsNode *child)
{
  fail (loader, TPS_PROJECT_ERROR_INVALID, child,
        _("<%s> does not belong inside <%s>."), child->name, parent->name);
}

/* Element children only; text between elements must be whitespace. */
static gboolean
check_no_stray_text (Loader  *loader,
                     TpsNode *node)
{
  if (node->type == TPS_NODE_TEXT)
    {
      for (const char *p = node->content; p < node->content + node->length; p++)
        if (!g_ascii_isspace (*p))
          {
            fail (loader, TPS_PROJECT_ERROR_INVALID, node,
                  _("There is text where only elements are allowed, inside <%s>."),
                  node->parent->name);
            return FALSE;
          }
    }

  return TRUE;
}

#define FOR_EACH_ELEMENT(child, parent)                                     \
  for (TpsNode *child = (parent)->children; child != NULL; child = child->next) \
    if (check_no_stray_text (loader, child) && child->type == TPS_NODE_ELEMENT)

static gboolean
read_text_into (Loader            *loader,
                TpsNode           *node,
                GObject           *object,
                const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (is_element (node, names[i]))
        {
          const char *text = element_text (loader, node);

          /* Element names are the property names. */
          g_object_set (object, names[i], text, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

static void
read_persona (Loader  *loader,
              TpsNode *node)
{
  static const char * const texts[] = { "name", "description", "goals", "expectations", NULL };
  g_autoptr(TpsPersona) persona = tps_persona_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->personas, persona);
  const char *color = peek_attr (node, "color");

  if (id == NULL)
    return;

  tps_object_set_id (TPS_OBJECT (persona), id);

  if (color != NULL)
    {
      gboolean ok = strlen (color) == 7 && color[0] == '#';

      for (int i = 1; ok && i < 7; i++)
        ok = g_ascii_isxdigit (color[i]);

      if (!ok)
        {
          fail (loader, TPS_PROJECT_ERROR_INVALID, node,
                _("“%s” is not a colour; write colours as #rrggbb."), color);
          return;
        }
      tps_persona_set_color (persona, color);
    }

  FOR_EACH_ELEMENT (child, node)
    {
      if (!read_text_into (loader, child, G_OBJECT (persona), texts))
        unexpected (loader, node, child);
    }

  g_list_store_append (G_LIST_STORE (tps_project_get_personas (loader->project)), persona);
}

static void
read_stage (Loader  *loader,
            TpsNode *node)
{
  static const char * const texts[] = { "name", "description", NULL };
  g_autoptr(TpsStage) stage = tps_stage_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->stages, stage);

  if (id == NULL)
    return;

  tps_object_set_id (TPS_OBJECT (stage), id);

  FOR_EACH_ELEMENT (child, node)
    {
      if (!read_text_into (loader, child, G_OBJECT (stage), texts))
        unexpected (loader, node, child);
    }

  g_list_store_append (G_LIST_STORE (tps_project_get_stages (loader->project)), stage);
}

static void
read_channel (Loader  *loader,
              TpsNode *node)
{
  static const char * const texts[] = { "name", NULL };
  g_autoptr(TpsChannel) channel = tps_channel_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->channels, channel);
  int kind;

  if (id == NULL)
    return;

  tps_object_set_id (TPS_OBJECT (channel), id);

  if (!parse_enum_attr (loader, node, "kind", TPS_TYPE_CHANNEL_KIND, &kind))
    return;
  tps_channel_set_kind (channel, kind);

  FOR_EACH_ELEMENT (child, node)
    {
      if (!read_text_into (loader, child, G_OBJECT (channel), texts))
        unexpected (loader, node, child);
    }

  g_list_store_append (G_LIST_STORE (tps_project_get_channels (loader->project)), channel);
}

static void
read_measurement (Loader        *loader,
                  TpsTouchpoint *touchpoint,
                  TpsNode       *node)
{
  g_autoptr(TpsMeasurement) measurement = tps_measurement_new (NULL);
  g_autofree char *id = claim_id (loader, node, NULL, NULL);
  g_autofree char *date = NULL;
  const char *label = NULL;
  gboolean has_target, baseline;
  double value, target = 0;
  int metric, source;

  if (id == NULL)
    return;
  tps_object_set_id (TPS_OBJECT (measurement), id);

  date = parse_date_attr (loader, node, "date", TRUE);
  if (date == NULL
      || !parse_enum_attr (loader, node, "metric", TPS_TYPE_METRIC, &metric)
      || !parse_double_attr (loader, node, "value", TRUE, NULL, &value)
      || !parse_double_attr (loader, node, "target", FALSE, &has_target, &target)
      || !parse_enum_attr (loader, node, "source", TPS_TYPE_SOURCE, &source)
      || !parse_bool_attr (loader, node, "baseline", &baseline))
    return;

  if (!tps_kpi_value_is_sane (value) || !tps_kpi_value_is_sane (target))
    {
      const char *text = peek_attr (node, tps_kpi_value_is_sane (value) ? "target" : "value");
      g_autofree char *message = tps_kpi_value_too_large_message (text);

      fail (loader, TPS_PROJECT_ERROR_INVALID, node, "%s", message);
      return;
    }

  label = peek_attr (node, "label");

  tps_measurement_set_date (measurement, date);
  tps_measurement_set_metric (measurement, metric);
  tps_measurement_set_label (measurement, label);
  tps_measurement_set_value (measurement, value);
  tps_measurement_set_has_target (measurement, has_target);
  tps_measurement_set_target (measurement, target);
  tps_measurement_set_source (measurement, source);
  tps_measurement_set_baseline (measurement, baseline);

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_element (child, "note"))
        {
          const char *note = element_text (loader, child);
          tps_measurement_set_note (measurement, note);
        }
      else
        unexpected (loader, node, child);
    }

  g_list_store_append (G_LIST_STORE (tps_touchpoint_get_measurements (touchpoint)), measurement);
}

typedef enum {
  REF_STAGE,
  REF_CHANNEL,
  REF_PERSONA,
  REF_TOUCHPOINT,
  REF_PARENT_MEASURE,
} RefKind;

/* One whole sentence per kind of reference, so that translations can use
 * the right article and pronoun.
 */
static gboolean
check_reference (Loader     *loader,
                 long        line,
                 GHashTable *table,
                 const char *ref,
                 RefKind     kind)
{
  if (g_hash_table_contains (table, ref))
    return TRUE;

  switch (kind)
    {
    case REF_STAGE:
      fail_at_line (loader, TPS_PROJECT_ERROR_INVALID, line,
            _("This refers to the stage “%s”, which does not exist in the project."), ref);
      break;
    case REF_CHANNEL:
      fail_at_line (loader, TPS_PROJECT_ERROR_INVALID, line,
            _("This refers to the channel “%s”, which does not exist in the project."), ref);
      break;
    case REF_PERSONA:
      fail_at_line (loader, TPS_PROJECT_ERROR_INVALID, line,
            _("This refers to the persona “%s”, which does not exist in the project."), ref);
      break;
    case REF_TOUCHPOINT:
      fail_at_line (loader, TPS_PROJECT_ERROR_INVALID, line,
            _("This refers to the touchpoint “%s”, which does not exist in the project."),
            ref);
      break;
    case REF_PARENT_MEASURE:
    default:
      fail_at_line (loader, TPS_PROJECT_ERROR_INVALID, line,
            _("This refers to the parent measure “%s”, which does not exist in the "
              "project."), ref);
      break;
    }

  return FALSE;
}

/* A <persona-ref ref="…"/> or <touchpoint-ref ref="…"/>: the id must name
 * an object already read; it is added to @refs.
 */
static gboolean
read_ref (Loader       *loader,
          TpsNode      *node,
          GHashTable   *table,
          RefKind       kind,
          GStrvBuilder *refs)
{
  const char *ref = require_attr (loader, node, "ref");

  if (ref == NULL || !check_reference (loader, node->line, table, ref, kind))
    return FALSE;

  g_strv_builder_add (refs, ref);
  return TRUE;
}

/* A whole-number attribute of the touchpoint, in its property's range. */
static gboolean
read_int_attribute (Loader                       *loader,
                    TpsNode                      *node,
                    const TpsTouchpointAttribute *attribute,
                    int                          *out)
{
  GParamSpecInt *range = G_PARAM_SPEC_INT (tps_touchpoint_attribute_get_pspec (attribute));
  const char *text = require_attr (loader, node, attribute->name);
  gint64 value;

  if (text == NULL)
    return FALSE;

  if (!g_ascii_string_to_signed (text, 10, range->minimum, range->maximum, &value, NULL))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("“%s” is not allowed for %s (“%s”): use a whole number from %d to %d."),
            text, _(g_param_spec_get_nick (G_PARAM_SPEC (range))), attribute->name,
            range->minimum, range->maximum);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

/* The touchpoint's attributes that <touchpoint>'s own attributes hold, as
 * the table in tps-touchpoint.c lists them.
 */
static gboolean
read_touchpoint_attributes (Loader        *loader,
                            TpsNode       *node,
                            TpsTouchpoint *touchpoint)
{
  const TpsTouchpointAttribute *attribute;

  for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)) != NULL; i++)
    {
      GParamSpec *pspec;
      int value;

      /* What a file may leave out keeps its default. */
      if (attribute->type == TPS_ATTRIBUTE_TEXT
          || (!attribute->required && peek_attr (node, attribute->name) == NULL))
        continue;

      switch (attribute->type)
        {

        case TPS_ATTRIBUTE_LINE:
          tps_touchpoint_set_text (touchpoint, attribute, peek_attr (node, attribute->name));
          continue;

        case TPS_ATTRIBUTE_INT:
          if (!read_int_attribute (loader, node, attribute, &value))
            return FALSE;
          break;

        case TPS_ATTRIBUTE_ENUM:
          pspec = tps_touchpoint_attribute_get_pspec (attribute);
          if (!parse_enum_attr (loader, node, attribute->name, G_PARAM_SPEC_VALUE_TYPE (pspec),
                                &value))
            return FALSE;
          break;

        case TPS_ATTRIBUTE_BOOLEAN:
          if (!parse_bool_attr (loader, node, attribute->name, &value))
            return FALSE;
          break;

        case TPS_ATTRIBUTE_TEXT:
        default:
          g_assert_not_reached ();
        }

      tps_touchpoint_set_int (touchpoint, attribute, value);
    }

  return TRUE;
}

static void
read_touchpoint (Loader  *loader,
                 TpsNode *node)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->touchpoints, touchpoint);
  const char *stage = NULL;
  const char *channel = NULL;
  g_autoptr(GStrvBuilder) personas = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) systems = g_strv_builder_new ();
  g_auto(GStrv) persona_ids = NULL;
  g_auto(GStrv) system_names = NULL;

  if (id == NULL)
    return;
  tps_object_set_id (TPS_OBJECT (touchpoint), id);

  stage = require_attr (loader, node, "stage");
  if (stage == NULL || !check_reference (loader, node->line, loader->stages, stage, REF_STAGE))
    return;

  channel = require_attr (loader, node, "channel");
  if (channel == NULL
      || !check_reference (loader, node->line, loader->channels, channel, REF_CHANNEL))
    return;

  if (!read_touchpoint_attributes (loader, node, touchpoint))
    return;

  tps_touchpoint_set_stage_id (touchpoint, stage);
  tps_touchpoint_set_channel_id (touchpoint, channel);

  FOR_EACH_ELEMENT (child, node)
    {
      const TpsTouchpointAttribute *attribute;

      if (loader->error != NULL)
        return;

      if (is_element (child, "persona-ref"))
        {
          if (!read_ref (loader, child, loader->personas, REF_PERSONA, personas))
            return;
        }
      else if (is_element (child, "system"))
        {
          const char *system = element_text (loader, child);

          if (system != NULL)
            g_strv_builder_add (systems, system);
        }
      else if (is_element (child, "measurements"))
        {
          FOR_EACH_ELEMENT (item, child)
            {
              if (is_element (item, "measurement"))
                read_measurement (loader, touchpoint, item);
              else
                unexpected (loader, child, item);
            }
        }
      else if ((attribute = tps_touchpoint_find_attribute (child->name)) != NULL
               && attribute->type == TPS_ATTRIBUTE_TEXT)
        tps_touchpoint_set_text (touchpoint, attribute, element_text (loader, child));
      else
        unexpected (loader, node, child);
    }

  persona_ids = g_strv_builder_end (personas);
  system_names = g_strv_builder_end (systems);
  tps_touchpoint_set_persona_ids (touchpoint, (const char * const *) persona_ids);
  tps_touchpoint_set_systems (touchpoint, (const char * const *) system_names);

  g_ptr_array_add (loader->new_touchpoints, g_steal_pointer (&touchpoint));
}

static void
read_measure (Loader  *loader,
              TpsNode *node)
{
  static const char * const texts[] = { "title", "description", NULL };
  g_autoptr(TpsMeasure) measure = tps_measure_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->measures, measure);
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  const char *parent = NULL;
  const char *owner = NULL;
  g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
  g_auto(GStrv) touchpoint_ids = NULL;
  int kind, status, effort, impact;
  double cost = 0;

  if (id == NULL)
    return;
  tps_object_set_id (TPS_OBJECT (measure), id);

  if (!parse_enum_attr (loader, node, "type", TPS_TYPE_MEASURE_TYPE, &kind)
      || !parse_enum_attr (loader, node, "status", TPS_TYPE_MEASURE_STATUS, &status)
      || !parse_int_attr (loader, node, "effort", _("The effort"),
                          TPS_SCORE_MIN, TPS_SCORE_MAX, TRUE, &effort)
      || !parse_int_attr (loader, node, "impact", _("The impact"),
                          TPS_SCORE_MIN, TPS_SCORE_MAX, TRUE, &impact)
      || !parse_double_attr (loader, node, "cost", FALSE, NULL, &cost))
    return;

  if (cost < 0)
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node, _("The cost of a measure cannot be negative."));
      return;
    }

  start = parse_date_attr (loader, node, "start", FALSE);
  due = parse_date_attr (loader, node, "due", FALSE);
  if (loader->error != NULL)
    return;

  if (start != NULL && due != NULL && strcmp (due, start) < 0)
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("The measure is due on %s, before it starts on %s."), due, start);
      return;
    }

  parent = peek_attr (node, "parent");
  owner = peek_attr (node, "owner");

  tps_measure_set_kind (measure, kind);
  tps_measure_set_status (measure, status);
  tps_measure_set_effort (measure, effort);
  tps_measure_set_impact (measure, impact);
  tps_measure_set_cost (measure, cost);
  tps_measure_set_start (measure, start);
  tps_measure_set_due (measure, due);
  tps_measure_set_parent_id (measure, parent);
  tps_measure_set_owner (measure, owner);

  FOR_EACH_ELEMENT (child, node)
    {
      if (loader->error != NULL)
        return;

      if (is_element (child, "touchpoint-ref"))
        {
          if (!read_ref (loader, child, loader->touchpoints, REF_TOUCHPOINT, refs))
            return;
        }
      else if (!read_text_into (loader, child, G_OBJECT (measure), texts))
        unexpected (loader, node, child);
    }

  touchpoint_ids = g_strv_builder_end (refs);
  tps_measure_set_touchpoint_ids (measure, (const char * const *) touchpoint_ids);

  {
    long line = node->line;

    g_array_append_val (loader->measure_lines, line);
  }
  g_list_store_append (G_LIST_STORE (tps_project_get_measures (loader->project)), measure);
}

/* A <rating touchpoint="…" value="…"/>: at most one per touchpoint. */
static void
read_comparator_rating (Loader        *loader,
                        TpsComparator *comparator,
                        TpsNode       *node)
{
  const char *touchpoint = require_attr (loader, node, "touchpoint");
  g_autoptr(TpsComparatorRating) rating = NULL;
  int value;

  if (touchpoint == NULL
      || !check_reference (loader, node->line, loader->touchpoints, touchpoint, REF_TOUCHPOINT)
      || !parse_int_attr (loader, node, "value", _("The comparator's rating"),
                          TPS_RATING_MIN, TPS_RATING_MAX, TRUE, &value))
    return;

  if (tps_comparator_find_rating (comparator, touchpoint, NULL) != NULL)
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, node,
            _("The comparator “%s” rates the touchpoint “%s” twice."),
            tps_object_get_id (TPS_OBJECT (comparator)), touchpoint);
      return;
    }

  FOR_EACH_ELEMENT (child, node)
    {
      unexpected (loader, node, child);
      return;
    }

  rating = tps_comparator_rating_new (touchpoint, value);
  g_list_store_append (G_LIST_STORE (tps_comparator_get_ratings (comparator)), rating);
}

static void
read_comparator (Loader  *loader,
                 TpsNode *node)
{
  static const char * const texts[] = { "name", "source", "note", NULL };
  g_autoptr(TpsComparator) comparator = tps_comparator_new (NULL);
  g_autofree char *id = claim_id (loader, node, loader->comparators, comparator);
  g_autofree char *date = NULL;
  int kind;

  if (id == NULL)
    return;
  tps_object_set_id (TPS_OBJECT (comparator), id);

  if (!parse_enum_attr (loader, node, "kind", TPS_TYPE_COMPARATOR_KIND, &kind))
    return;
  date = parse_date_attr (loader, node, "date", FALSE);
  if (loader->error != NULL)
    return;

  tps_comparator_set_kind (comparator, kind);
  tps_comparator_set_date (comparator, date);

  FOR_EACH_ELEMENT (child, node)
    {
      if (loader->error != NULL)
        return;

      if (is_element (child, "rating"))
        read_comparator_rating (loader, comparator, child);
      else if (!read_text_into (loader, child, G_OBJECT (comparator), texts))
        unexpected (loader, node, child);
    }

  g_list_store_append (G_LIST_STORE (tps_project_get_comparators (loader->project)),
                       comparator);
}

static TpsMeasure *
parent_of (Loader     *loader,
           TpsMeasure *measure)
{
  const char *parent_id = tps_measure_get_parent_id (measure);

  return parent_id != NULL ? g_hash_table_lookup (loader->measures, parent_id) : NULL;
}

/* Parents may be declared after their children, so they are checked once
 * all measures are known; a parent chain must end, not loop. Each measure is
 * walked over once: a walk stops at a measure an earlier walk has already
 * cleared, and meeting a measure of its own walk again means a cycle.
 */
static void
check_measure_parents (Loader *loader)
{
  GListModel *measures = tps_project_get_measures (loader->project);
  guint n = g_list_model_get_n_items (measures);
  g_autoptr(GHashTable) walk_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      g_hash_table_insert (index_of, measure, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < n && loader->error == NULL; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      TpsMeasure *cursor = measure;
      guint first;

      if (tps_measure_get_parent_id (measure) != NULL
          && !check_reference (loader, g_array_index (loader->measure_lines, long, i),
                               loader->measures, tps_measure_get_parent_id (measure),
                               REF_PARENT_MEASURE))
        return;

      /* Walk numbers start at 1: 0 is "not walked yet". */
      while (cursor != NULL && !g_hash_table_contains (walk_of, cursor))
        {
          g_hash_table_insert (walk_of, cursor, GUINT_TO_POINTER (i + 1));
          cursor = parent_of (loader, cursor);
        }

      if (cursor == NULL || GPOINTER_TO_UINT (g_hash_table_lookup (walk_of, cursor)) != i + 1)
        continue;

      /* @cursor is on the cycle; name its first measure in the file. */
      first = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, cursor));
      for (TpsMeasure *m = parent_of (loader, cursor); m != cursor; m = parent_of (loader, m))
        first = MIN (first, GPOINTER_TO_UINT (g_hash_table_lookup (index_of, m)));

      {
        g_autoptr(TpsMeasure) culprit = g_list_model_get_item (measures, first);

        fail_at_line (loader, TPS_PROJECT_ERROR_INVALID,
                      g_array_index (loader->measure_lines, long, first),
              _("The measure “%s” is its own parent through its parent measures."),
              tps_object_get_id (TPS_OBJECT (culprit)));
      }
    }
}

static void
read_process (Loader  *loader,
              TpsNode *node)
{
  gboolean seen[TPS_N_STEPS] = { FALSE, };

  FOR_EACH_ELEMENT (child, node)
    {
      const char *id = NULL;
      TpsProcessStep *step;
      gboolean done;
      int which;

      if (loader->error != NULL)
        return;

      if (!is_element (child, "step"))
        {
          unexpected (loader, node, child);
          return;
        }

      if (!parse_enum_attr (loader, child, "id", TPS_TYPE_STEP, &which)
          || !parse_bool_attr (loader, child, "done", &done))
        return;

      if (seen[which])
        {
          id = peek_attr (child, "id");
          fail (loader, TPS_PROJECT_ERROR_INVALID, child,
                _("The process step “%s” is listed twice."), id);
          return;
        }
      seen[which] = TRUE;

      step = tps_project_get_step (loader->project, which);
      tps_process_step_set_done (step, done);

      FOR_EACH_ELEMENT (item, child)
        {
          if (is_element (item, "notes"))
            {
              const char *notes = element_text (loader, item);
              tps_process_step_set_notes (step, notes);
            }
          else
            unexpected (loader, child, item);
        }
    }
}

/* The conflicts a merge left: read last, when every object they name is
 * known, and checked like everything else.
 */
static void
read_conflicts (Loader  *loader,
                TpsNode *node)
{
  GListStore *conflicts = G_LIST_STORE (tps_project_get_conflicts (loader->project));

  FOR_EACH_ELEMENT (child, node)
    {
      const char *ref = NULL;
      const char *property = NULL;
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      g_auto(GStrv) words = NULL;
      g_autoptr(TpsConflict) conflict = NULL;
      g_autoptr(GError) error = NULL;
      gboolean deleted;

      if (loader->error != NULL)
        return;

      if (!is_element (child, "conflict"))
        {
          unexpected (loader, node, child);
          return;
        }

      if (!parse_bool_attr (loader, child, "deleted", &deleted))
        return;
      ref = peek_attr (child, "ref");
      property = deleted ? NULL : require_attr (loader, child, "property");
      if (deleted && ref == NULL)
        ref = require_attr (loader, child, "ref");
      if (loader->error != NULL)
        return;

      FOR_EACH_ELEMENT (item, child)
        {
          const char *text;

          if (!is_element (item, "value"))
            {
              unexpected (loader, child, item);
              return;
            }
          text = element_text (loader, item);
          g_strv_builder_add (values, text ? text : "");
        }
      if (loader->error != NULL)
        return;

      words = g_strv_builder_end (values);
      conflict = deleted ? tps_conflict_new_deleted (ref)
                         : tps_conflict_new_value (ref, property, (const char * const *) words);
      if (!tps_conflict_check (conflict, loader->project, &error))
        {
          fail (loader, TPS_PROJECT_ERROR_INVALID, child, "%s", error->message);
          return;
        }
      g_list_store_append (conflicts, conflict);
    }
}

typedef void (*ReadItemFunc) (Loader *loader,
                              TpsNode   *node);

/* The lists of the root: their items are read (and freed) one by one as
 * the parser ends them, see read_streamed_item().
 */
typedef struct
{
  const char *list;
  const char *item;
  ReadItemFunc read;
} ListReader;

static const ListReader list_readers[] = {
  { "personas", "persona", read_persona },
  { "stages", "stage", read_stage },
  { "channels", "channel", read_channel },
  { "touchpoints", "touchpoint", read_touchpoint },
  { "measures", "measure", read_measure },
  { "comparators", "comparator", read_comparator },
};

static const ListReader *
list_reader (TpsNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_readers); i++)
    if (is_element (node, list_readers[i].list))
      return &list_readers[i];

  return NULL;
}

static void
read_list (Loader       *loader,
           TpsNode      *node,
           const char   *item_name,
           ReadItemFunc  read_item)
{
  FOR_EACH_ELEMENT (child, node)
    {
      if (loader->error != NULL)
        return;

      if (is_element (child, item_name))
        read_item (loader, child);
      else
        unexpected (loader, node, child);
    }
}

/* The root element and its attributes: checked before anything inside
 * it is read, so that a newer file says so rather than failing on what it
 * added.
 */
static void
check_root (Loader  *loader,
            TpsNode *root)
{
  const char *version = NULL;
  const char *language = NULL;
  const char *currency = NULL;
  const char *created = NULL;
  const char *modified = NULL;
  gint64 format_version;

  loader->root_checked = TRUE;

  if (!is_element (root, "touchpoint-project")
      || g_strcmp0 (root->ns, TPS_PROJECT_NAMESPACE) != 0)
    {
      fail (loader, TPS_PROJECT_ERROR_NOT_A_PROJECT, root,
            _("This is not a Touchpoint Studio project (it starts with <%s>)."), root->name);
      return;
    }

  version = require_attr (loader, root, "format-version");
  if (version == NULL)
    return;

  if (!g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &format_version, NULL))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, root,
            _("“%s” is not a valid format version."), version);
      return;
    }

  if (format_version > TPS_PROJECT_FORMAT_VERSION)
    {
      fail (loader, TPS_PROJECT_ERROR_NEWER_VERSION, root,
            _("This project was saved by a newer version of Touchpoint Studio (file format %s); "
              "please update Touchpoint Studio to open it."), version);
      return;
    }

  language = peek_attr (root, "language");
  currency = peek_attr (root, "currency");
  created = peek_attr (root, "created");
  modified = peek_attr (root, "modified");

  if ((created != NULL && !tps_timestamp_is_valid (created))
      || (modified != NULL && !tps_timestamp_is_valid (modified)))
    {
      fail (loader, TPS_PROJECT_ERROR_INVALID, root,
            _("The creation or modification time is not a valid date and time."));
      return;
    }

  tps_project_set_language (loader->project, language);
  tps_project_set_currency (loader->project, currency);
  tps_project_set_created (loader->project, created);
  tps_project_set_modified (loader->project, modified);
}

/* One child of the root, read as soon as it ends (a list's items have
 * been read already, one by one). Returns whether @child may be freed:
 * the conflicts are read at the end, when every object is known.
 */
static gboolean
read_root_child (Loader  *loader,
                 TpsNode *root,
                 TpsNode *child)
{
  static const char * const texts[] = { "title", "organisation", "description", NULL };
  const ListReader *list;

  if (!loader->root_checked)
    check_root (loader, root);
  if (loader->error != NULL || child->type != TPS_NODE_ELEMENT)
    return TRUE;

  list = list_reader (child);
  if (list != NULL)
    read_list (loader, child, list->item, list->read);
  else if (is_element (child, "process"))
    read_process (loader, child);
  else if (is_element (child, "conflicts"))
    {
      loader->conflicts = child;
      return FALSE;
    }
  else if (!read_text_into (loader, child, G_OBJECT (loader->project), texts))
    unexpected (loader, root, child);

  return TRUE;
}

/* After the last element: what needs all of the project. */
static void
finish_root (Loader  *loader,
             TpsNode *root)
{
  if (!loader->root_checked)
    check_root (loader, root);
  if (loader->error == NULL)
    check_measure_parents (loader);
  if (loader->error == NULL && loader->conflicts != NULL)
    read_conflicts (loader, loader->conflicts);
}

/* The items of the root's lists are read as each ends, and forgotten. */
static TpsStreamVerdict
item_ended (gpointer  user_data,
            TpsNode  *root,
            TpsNode  *list)
{
  Loader *loader = user_data;
  const ListReader *reader = list_reader (list);

  if (reader == NULL)
    return TPS_STREAM_KEEP;

  if (!loader->root_checked)
    check_root (loader, root);

  FOR_EACH_ELEMENT (item, list)
    {
      if (loader->error != NULL)
        break;

      if (is_element (item, reader->item))
        reader->read (loader, item);
      else
        unexpected (loader, list, item);
    }

  return loader->error != NULL ? TPS_STREAM_STOP : TPS_STREAM_FORGET;
}

/* A child of the root is read as it ends, in file order. The touchpoints
 * of a list join the project together: one change notice, not one each.
 */
static TpsStreamVerdict
root_child_ended (gpointer  user_data,
                  TpsNode  *root,
                  TpsNode  *child)
{
  Loader *loader = user_data;
  gboolean forget = read_root_child (loader, root, child);

  if (loader->new_touchpoints->len > 0)
    {
      GListModel *touchpoints = tps_project_get_touchpoints (loader->project);

      g_list_store_splice (G_LIST_STORE (touchpoints), g_list_model_get_n_items (touchpoints), 0,
                           loader->new_touchpoints->pdata, loader->new_touchpoints->len);
      g_ptr_array_set_size (loader->new_touchpoints, 0);
    }

  if (loader->error != NULL)
    return TPS_STREAM_STOP;

  return forget ? TPS_STREAM_FORGET : TPS_STREAM_KEEP;
}

static void
finished (gpointer  user_data,
          TpsNode  *root)
{
  finish_root (user_data, root);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/**
 * tps_project_load_from_data:
 *
 * Reads a project from the bytes of a .touchpoints file.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error
 *   set to one sentence naming the line and the problem
 */
TpsProject *
tps_project_load_from_data (const char  *data,
                            gsize        length,
                            GError     **error)
{
  static const TpsStreamFuncs funcs = { item_ended, root_child_ended, finished };
  g_autoptr(TpsProject) project = NULL;
  Loader loader = { NULL, };
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > TPS_PROJECT_MAX_SIZE)
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, too large for a project file."),
                   TPS_PROJECT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (is_blank (data, length))
    {
      g_set_error_literal (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_TRUNCATED,
                           _("The file is empty."));
      return NULL;
    }

  project = tps_project_new ();
  loader.project = project;
  loader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.personas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.touchpoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.measures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.comparators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.measure_lines = g_array_new (FALSE, FALSE, sizeof (long));
  loader.new_touchpoints = g_ptr_array_new_with_free_func (g_object_unref);

  /* A broken file is reported as such, even after a problem the reader
   * found before the parser did.
   */
  if (!tps_project_stream_parse (data, length, &funcs, &loader, &failure))
    g_clear_error (&loader.error);

  g_hash_table_unref (loader.ids);
  g_hash_table_unref (loader.personas);
  g_hash_table_unref (loader.stages);
  g_hash_table_unref (loader.channels);
  g_hash_table_unref (loader.touchpoints);
  g_hash_table_unref (loader.measures);
  g_hash_table_unref (loader.comparators);
  g_array_unref (loader.measure_lines);
  g_ptr_array_unref (loader.new_touchpoints);

  if (loader.error != NULL)
    g_propagate_error (&failure, loader.error);
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return NULL;
    }

  return g_steal_pointer (&project);
}

/**
 * tps_project_load_from_file_full:
 * @fingerprint: (out) (optional): tps_file_fingerprint() of the bytes
 *   read, so that a caller can later tell another program's change to the
 *   file from its own
 *
 * Returns: (transfer full) (nullable): the project in @file
 */
TpsProject *
tps_project_load_from_file_full (GFile         *file,
                                 GCancellable  *cancellable,
                                 char         **fingerprint,
                                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  TpsProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Only a regular file is read (a named pipe would hang), and a huge one
   * is refused before it is read into memory.
   */
  if (!tps_file_load (file, TPS_PROJECT_MAX_SIZE, &contents, &length, cancellable,
                      &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_TOO_LARGE,
                     _("The file is larger than %d MiB, too large for a project file."),
                     TPS_PROJECT_MAX_SIZE / (1024 * 1024));
      else
        g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO,
                     _("The file could not be read: %s"), local_error->message);
      return NULL;
    }

  project = tps_project_load_from_data (contents, length, error);
  if (project != NULL && fingerprint != NULL)
    *fingerprint = tps_file_fingerprint (contents, length);
  return project;
}

/**
 * tps_project_load_from_file:
 *
 * Returns: (transfer full) (nullable): the project in @file
 */
TpsProject *
tps_project_load_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return tps_project_load_from_file_full (file, cancellable, NULL, error);
}
