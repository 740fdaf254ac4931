/* tps-project-io.c
 *
 * The reader (loading, with all its checks) is in tps-project-reader.c.
 *
 * The writer produces the canonical form by hand: a fixed order of elements
 * and attributes, two-space indent, one element a line and line breaks in
 * text written as character references, so files diff and merge well and
 * load → save is byte-identical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tps-conflict.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-project-io.h"

G_DEFINE_QUARK (tps-project-error-quark, tps_project_error)

/* ------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------ */

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        /* Line breaks and tabs as references keep one element on one line
         * and survive attribute-value normalisation.
         */
        case '\n':
          g_string_append (out, "&#10;");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\t':
          g_string_append (out, "&#9;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
open_tag (GString    *out,
          guint       depth,
          const char *name)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s", name);
}

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_int (GString    *out,
          const char *name,
          int         value)
{
  g_string_append_printf (out, " %s=\"%d\"", name, value);
}

static void
attr_double (GString    *out,
             const char *name,
             double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* %.15g: as many digits as a double reliably holds, so that a value read
   * back prints the same again; and no trailing ".0" on whole numbers.
   */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  attr (out, name, buffer);
}

static void
attr_true (GString    *out,
           const char *name,
           gboolean    value)
{
  if (value)
    attr (out, name, "true");
}

static void
attr_enum (GString    *out,
           const char *name,
           GType       type,
           int         value)
{
  attr (out, name, tps_enum_get_word (type, value));
}

static void
text_element (GString    *out,
              guint       depth,
              const char *name,
              const char *text,
              gboolean    required)
{
  if (text == NULL || *text == '\0')
    {
      if (required)
        {
          indent (out, depth);
          g_string_append_printf (out, "<%s/>\n", name);
        }
      return;
    }

  indent (out, depth);
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
ref_element (GString    *out,
             guint       depth,
             const char *name,
             const char *ref)
{
  open_tag (out, depth, name);
  attr (out, "ref", ref);
  g_string_append (out, "/>\n");
}

static void
close_tag (GString    *out,
           guint       depth,
           const char *name)
{
  indent (out, depth);
  g_string_append_printf (out, "</%s>\n", name);
}

/* Opens a list element, or writes it self-closed when the list is empty.
 * Returns whether the caller has items to write and a tag to close.
 */
static gboolean
open_list (GString    *out,
           guint       depth,
           const char *name,
           GListModel *model)
{
  open_tag (out, depth, name);

  if (g_list_model_get_n_items (model) == 0)
    {
      g_string_append (out, "/>\n");
      return FALSE;
    }

  g_string_append (out, ">\n");
  return TRUE;
}

static const char *
id_of (gpointer object)
{
  return tps_object_get_id (TPS_OBJECT (object));
}

static void
write_persona (GString    *out,
               TpsPersona *persona)
{
  open_tag (out, 2, "persona");
  attr (out, "id", id_of (persona));
  attr (out, "color", tps_persona_get_color (persona));
  g_string_append (out, ">\n");
  text_element (out, 3, "name", tps_persona_get_name (persona), TRUE);
  text_element (out, 3, "description", tps_persona_get_description (persona), FALSE);
  text_element (out, 3, "goals", tps_persona_get_goals (persona), FALSE);
  text_element (out, 3, "expectations", tps_persona_get_expectations (persona), FALSE);
  close_tag (out, 2, "persona");
}

static void
write_stage (GString  *out,
             TpsStage *stage)
{
  open_tag (out, 2, "stage");
  attr (out, "id", id_of (stage));
  g_string_append (out, ">\n");
  text_element (out, 3, "name", tps_stage_get_name (stage), TRUE);
  text_element (out, 3, "description", tps_stage_get_description (stage), FALSE);
  close_tag (out, 2, "stage");
}

static void
write_channel (GString    *out,
               TpsChannel *channel)
{
  open_tag (out, 2, "channel");
  attr (out, "id", id_of (channel));
  attr_enum (out, "kind", TPS_TYPE_CHANNEL_KIND, tps_channel_get_kind (channel));
  g_string_append (out, ">\n");
  text_element (out, 3, "name", tps_channel_get_name (channel), TRUE);
  close_tag (out, 2, "channel");
}

static void
write_measurement (GString        *out,
                   TpsMeasurement *measurement)
{
  const char *note = tps_measurement_get_note (measurement);

  open_tag (out, 4, "measurement");
  attr (out, "id", id_of (measurement));
  attr (out, "date", tps_measurement_get_date (measurement));
  attr_enum (out, "metric", TPS_TYPE_METRIC, tps_measurement_get_metric (measurement));
  attr (out, "label", tps_measurement_get_label (measurement));
  attr_double (out, "value", tps_measurement_get_value (measurement));
  if (tps_measurement_get_has_target (measurement))
    attr_double (out, "target", tps_measurement_get_target (measurement));
  attr_enum (out, "source", TPS_TYPE_SOURCE, tps_measurement_get_source (measurement));
  attr_true (out, "baseline", tps_measurement_get_baseline (measurement));

  if (note == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  text_element (out, 5, "note", note, FALSE);
  close_tag (out, 4, "measurement");
}

/* The touchpoint's attributes that are attributes of <touchpoint>, as the
 * table in tps-touchpoint.c lists them.
 */
static void
write_touchpoint_attributes (GString       *out,
                             TpsTouchpoint *touchpoint)
{
  const TpsTouchpointAttribute *attribute;

  for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)) != NULL; i++)
    {
      char buffer[TPS_ATTRIBUTE_WORD_SIZE];

      /* Texts are elements; a flag is written only where it is set. */
      if (attribute->type == TPS_ATTRIBUTE_TEXT
          || (attribute->type == TPS_ATTRIBUTE_BOOLEAN
              && !tps_touchpoint_get_int (touchpoint, attribute)))
        continue;

      attr (out, attribute->name, tps_touchpoint_get_attribute_word (touchpoint, attribute,
                                                                     buffer));
    }
}

static void
write_touchpoint (GString       *out,
                  TpsTouchpoint *touchpoint)
{
  const char * const *personas = tps_touchpoint_get_persona_ids (touchpoint);
  const char * const *systems = tps_touchpoint_get_systems (touchpoint);
  GListModel *measurements = tps_touchpoint_get_measurements (touchpoint);
  const TpsTouchpointAttribute *attribute;

  open_tag (out, 2, "touchpoint");
  attr (out, "id", id_of (touchpoint));
  attr (out, "stage", tps_touchpoint_get_stage_id (touchpoint));
  attr (out, "channel", tps_touchpoint_get_channel_id (touchpoint));
  write_touchpoint_attributes (out, touchpoint);
  g_string_append (out, ">\n");

  for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)) != NULL; i++)
    {
      if (attribute->type != TPS_ATTRIBUTE_TEXT)
        continue;

      text_element (out, 3, attribute->name, tps_touchpoint_get_text (touchpoint, attribute),
                    attribute->required);

      /* The personas and systems follow the description, as the schema
       * has them.
       */
      if (strcmp (attribute->name, "description") == 0)
        {
          for (guint j = 0; personas != NULL && personas[j] != NULL; j++)
            ref_element (out, 3, "persona-ref", personas[j]);
          for (guint j = 0; systems != NULL && systems[j] != NULL; j++)
            text_element (out, 3, "system", systems[j], FALSE);
        }
    }

  if (g_list_model_get_n_items (measurements) > 0)
    {
      open_list (out, 3, "measurements", measurements);
      for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
        {
          g_autoptr(TpsMeasurement) measurement = g_list_model_get_item (measurements, i);
          write_measurement (out, measurement);
        }
      close_tag (out, 3, "measurements");
    }

  close_tag (out, 2, "touchpoint");
}

static void
write_measure (GString    *out,
               TpsMeasure *measure)
{
  const char * const *refs = tps_measure_get_touchpoint_ids (measure);

  open_tag (out, 2, "measure");
  attr (out, "id", id_of (measure));
  attr_enum (out, "type", TPS_TYPE_MEASURE_TYPE, tps_measure_get_kind (measure));
  attr_enum (out, "status", TPS_TYPE_MEASURE_STATUS, tps_measure_get_status (measure));
  attr (out, "start", tps_measure_get_start (measure));
  attr (out, "due", tps_measure_get_due (measure));
  attr_int (out, "effort", tps_measure_get_effort (measure));
  attr_int (out, "impact", tps_measure_get_impact (measure));
  if (tps_measure_get_cost (measure) > 0)
    attr_double (out, "cost", tps_measure_get_cost (measure));
  attr (out, "parent", tps_measure_get_parent_id (measure));
  attr (out, "owner", tps_measure_get_owner (measure));
  g_string_append (out, ">\n");

  text_element (out, 3, "title", tps_measure_get_title (measure), TRUE);
  text_element (out, 3, "description", tps_measure_get_description (measure), FALSE);
  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    ref_element (out, 3, "touchpoint-ref", refs[i]);

  close_tag (out, 2, "measure");
}

static void
write_comparator (GString       *out,
                  TpsComparator *comparator)
{
  GListModel *ratings = tps_comparator_get_ratings (comparator);

  open_tag (out, 2, "comparator");
  attr (out, "id", id_of (comparator));
  attr_enum (out, "kind", TPS_TYPE_COMPARATOR_KIND, tps_comparator_get_kind (comparator));
  attr (out, "date", tps_comparator_get_date (comparator));
  g_string_append (out, ">\n");

  text_element (out, 3, "name", tps_comparator_get_name (comparator), TRUE);
  text_element (out, 3, "source", tps_comparator_get_source (comparator), FALSE);
  text_element (out, 3, "note", tps_comparator_get_note (comparator), FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ratings, i);

      open_tag (out, 3, "rating");
      attr (out, "touchpoint", tps_comparator_rating_get_touchpoint_id (rating));
      attr_int (out, "value", tps_comparator_rating_get_value (rating));
      g_string_append (out, "/>\n");
    }

  close_tag (out, 2, "comparator");
}

static void
write_step (GString        *out,
            TpsProcessStep *step)
{
  const char *notes = tps_process_step_get_notes (step);

  open_tag (out, 2, "step");
  attr (out, "id", id_of (step));
  attr_true (out, "done", tps_process_step_get_done (step));

  if (notes == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  text_element (out, 3, "notes", notes, FALSE);
  close_tag (out, 2, "step");
}

/* Written only while there are any, so a project without conflicts is
 * the file it always was.
 */
static void
write_conflict (GString     *out,
                TpsConflict *conflict)
{
  const char * const *values = tps_conflict_get_values (conflict);

  open_tag (out, 2, "conflict");
  attr (out, "ref", tps_conflict_get_ref (conflict));
  attr (out, "property", tps_conflict_get_property_name (conflict));
  attr_true (out, "deleted", tps_conflict_get_deleted (conflict));

  if (values == NULL || values[0] == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  for (guint i = 0; values[i] != NULL; i++)
    text_element (out, 3, "value", values[i], TRUE);
  close_tag (out, 2, "conflict");
}

typedef void (*WriteItemFunc) (GString  *out,
                               gpointer  item);

static void
write_list (GString       *out,
            const char    *name,
            GListModel    *model,
            WriteItemFunc  write_item)
{
  if (!open_list (out, 1, name, model))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      write_item (out, item);
    }

  close_tag (out, 1, name);
}

/**
 * tps_project_save_to_data:
 *
 * Returns: (transfer full): the project in canonical .touchpoints form
 */
char *
tps_project_save_to_data (TpsProject *project,
                          gsize      *length)
{
  GString *out = g_string_sized_new (64 * 1024);

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<touchpoint-project");
  attr (out, "xmlns", TPS_PROJECT_NAMESPACE);
  attr_int (out, "format-version", TPS_PROJECT_FORMAT_VERSION);
  attr (out, "language", tps_project_get_language (project));
  attr (out, "currency", tps_project_get_currency (project));
  attr (out, "created", tps_project_get_created (project));
  attr (out, "modified", tps_project_get_modified (project));
  g_string_append (out, ">\n");

  text_element (out, 1, "title", tps_project_get_title (project), TRUE);
  text_element (out, 1, "organisation", tps_project_get_organisation (project), FALSE);
  text_element (out, 1, "description", tps_project_get_description (project), FALSE);

  write_list (out, "personas", tps_project_get_personas (project),
              (WriteItemFunc) write_persona);
  write_list (out, "stages", tps_project_get_stages (project), (WriteItemFunc) write_stage);
  write_list (out, "channels", tps_project_get_channels (project),
              (WriteItemFunc) write_channel);
  write_list (out, "touchpoints", tps_project_get_touchpoints (project),
              (WriteItemFunc) write_touchpoint);
  write_list (out, "measures", tps_project_get_measures (project),
              (WriteItemFunc) write_measure);
  /* Optional: projects without comparators keep the form they always had. */
  if (g_list_model_get_n_items (tps_project_get_comparators (project)) > 0)
    write_list (out, "comparators", tps_project_get_comparators (project),
                (WriteItemFunc) write_comparator);
  write_list (out, "process", tps_project_get_process_steps (project),
              (WriteItemFunc) write_step);
  if (g_list_model_get_n_items (tps_project_get_conflicts (project)) > 0)
    write_list (out, "conflicts", tps_project_get_conflicts (project),
                (WriteItemFunc) write_conflict);

  g_string_append (out, "</touchpoint-project>\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * tps_project_save_to_file:
 *
 * Writes the project atomically (see tps_file_writer_new()): a failure at
 * any point leaves the previous file intact. The previous version is kept
 * as a backup named like the file with a trailing “~”. A write-protected
 * file is refused with %TPS_PROJECT_ERROR_READ_ONLY unless @flags has
 * %TPS_FILE_REPLACE_READ_ONLY.
 *
 * (GLib's g_file_replace_contents() is not used: when a write fails half-way
 * it still closes the stream, which renames the truncated file into place.)
 */
gboolean
tps_project_save_to_file_full (TpsProject           *project,
                               GFile                *file,
                               TpsFileReplaceFlags   flags,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  contents = tps_project_save_to_data (project, &length);
  return tps_project_write_data (file, contents, length, flags, error);
}

/**
 * tps_project_write_data:
 * @contents: a project as tps_project_save_to_data() wrote it
 *
 * Replaces @file with @contents atomically, keeping the old file as NAME~;
 * a write-protected file only with %TPS_FILE_REPLACE_READ_ONLY
 * (%TPS_PROJECT_ERROR_READ_ONLY otherwise). Any thread: a save in the
 * background serialises first and writes with this.
 */
gboolean
tps_project_write_data (GFile                *file,
                        const char           *contents,
                        gsize                 length,
                        TpsFileReplaceFlags   flags,
                        GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!tps_file_replace_contents (file, contents, length, flags | TPS_FILE_REPLACE_BACKUP,
                                  &local_error))
    {
      g_set_error (error, TPS_PROJECT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
                   ? TPS_PROJECT_ERROR_READ_ONLY : TPS_PROJECT_ERROR_IO,
                   _("The project could not be saved: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
tps_project_save_to_file (TpsProject    *project,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return tps_project_save_to_file_full (project, file, TPS_FILE_REPLACE_NONE, cancellable,
                                        error);
}
