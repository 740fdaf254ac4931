/* tps-csv-export.c — writing a project's touchpoints as CSV
 *
 * The CSV format itself (columns, cells, the formula guard) is in tps-csv.c,
 * the import in tps-csv-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-analysis.h"
#include "tps-compare-private.h"
#include "tps-csv-private.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"

/* --- writing ------------------------------------------------------------ */

static void
append_cell (GString    *out,
             const char *value,
             char        separator,
             gboolean    raw_formulas)
{
  g_autofree char *guarded = NULL;
  gsize len;

  if (value == NULL || *value == '\0')
    return;

  if (!raw_formulas && tps_csv_needs_formula_guard (value))
    value = guarded = g_strconcat ("'", value, NULL);

  len = strlen (value);

  /* Leading or trailing blanks are quoted too: some readers trim unquoted
   * cells, and the text should come back exactly.
   */
  if (strchr (value, separator) == NULL && strpbrk (value, "\"\r\n") == NULL
      && !g_ascii_isspace (value[0]) && !g_ascii_isspace (value[len - 1]))
    {
      g_string_append_len (out, value, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Joins names with " | ", doubling a pipe inside a name so that the reader
 * can tell it from the joiner.
 */
static char *
join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (item == NULL || *item == '\0')
        continue;

      if (out->len > 0)
        g_string_append (out, TPS_CSV_LIST_SEPARATOR);

      for (const char *p = item; *p != '\0'; p++)
        {
          if (*p == '|')
            g_string_append_c (out, '|');
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Objects are named in the CSV by their name; by their id when the name is
 * empty or shared with another object (as the reader compares names:
 * ignoring case and surrounding blanks), so that the reader finds the right
 * one when the file goes back into the same project.
 */
static GHashTable *
count_names (GListModel *list)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);
      const char *name = tps_object_get_display_name (object);

      if (name != NULL)
        {
          char *key = tps_csv_name_key (name);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          g_hash_table_insert (counts, key, GUINT_TO_POINTER (count + 1));
        }
    }

  return counts;
}

typedef struct
{
  TpsProject *project;
  GHashTable *ids;  /* tps_project_index_ids(), for a lookup per cell */
  const TpsCsvOptions *options;
  GHashTable *stage_names;
  GHashTable *channel_names;
  GHashTable *persona_names;
  GHashTable *comparator_names;
} Export;

/* Comparators have one column each, `comparator:NAME`, after `notes`. */

static const char *
reference_name (TpsObject  *object,
                GHashTable *counts,
                const char *fallback_id)
{
  const char *name;
  g_autofree char *key = NULL;

  if (object == NULL)
    return fallback_id;

  name = tps_object_get_display_name (object);
  if (name == NULL || *name == '\0')
    return tps_object_get_id (object);

  key = tps_csv_name_key (name);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) > 1)
    return tps_object_get_id (object);

  return name;
}

static char *
format_decimal (double   value,
                gboolean decimal_comma)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The same precision as the project file, so the numbers agree. */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (decimal_comma)
    {
      char *dot = strchr (buffer, '.');
      if (dot != NULL)
        *dot = ',';
    }

  return g_strdup (buffer);
}

static gboolean
same_metric (TpsMeasurement *a,
             TpsMeasurement *b)
{
  if (tps_measurement_get_metric (a) != tps_measurement_get_metric (b))
    return FALSE;

  return tps_measurement_get_metric (a) != TPS_METRIC_CUSTOM
         || g_strcmp0 (tps_measurement_get_label (a), tps_measurement_get_label (b)) == 0;
}

/* The latest measurement by date (the later one in the list on a tie), and
 * the latest baseline (Nullmessung) of the same metric to compare it with.
 */
static void
find_latest_kpi (TpsTouchpoint   *touchpoint,
                 TpsMeasurement **latest,
                 TpsMeasurement **baseline)
{
  GListModel *measurements = tps_touchpoint_get_measurements (touchpoint);
  guint n = g_list_model_get_n_items (measurements);

  *latest = NULL;
  *baseline = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);

      if (*latest == NULL
          || g_strcmp0 (tps_measurement_get_date (m), tps_measurement_get_date (*latest)) >= 0)
        *latest = m;
    }

  if (*latest == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);

      if (tps_measurement_get_baseline (m) && same_metric (m, *latest)
          && (*baseline == NULL
              || g_strcmp0 (tps_measurement_get_date (m),
                            tps_measurement_get_date (*baseline)) >= 0))
        *baseline = m;
    }
}

static char *
strv_to_cell (const char * const *strv)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (items, (gpointer) strv[i]);

  return join_list (items);
}

/* Returns: (transfer none) (nullable): the project's object of @type with @id */
static TpsObject *
find_object (Export     *export,
             const char *id,
             GType       type)
{
  TpsObject *object = id != NULL ? g_hash_table_lookup (export->ids, id) : NULL;

  return object != NULL && G_TYPE_CHECK_INSTANCE_TYPE (object, type) ? object : NULL;
}

static char *
cell_value (Export             *export,
            const TpsCsvColumn *column,
            TpsTouchpoint      *touchpoint)
{
  TpsProject *project = export->project;

  switch (column->content)
    {
    case COL_ATTRIBUTE:
      {
        char buffer[TPS_ATTRIBUTE_WORD_SIZE];

        return g_strdup (tps_touchpoint_get_attribute_word (touchpoint, column->attribute,
                                                            buffer));
      }

    case COL_ID:
      return g_strdup (tps_object_get_id (TPS_OBJECT (touchpoint)));

    case COL_STAGE:
      {
        const char *id = tps_touchpoint_get_stage_id (touchpoint);
        TpsObject *stage = find_object (export, id, TPS_TYPE_STAGE);
        return g_strdup (reference_name (stage, export->stage_names, id));
      }

    case COL_CHANNEL:
      {
        const char *id = tps_touchpoint_get_channel_id (touchpoint);
        TpsObject *channel = find_object (export, id, TPS_TYPE_CHANNEL);
        return g_strdup (reference_name (channel, export->channel_names, id));
      }

    case COL_CHANNEL_KIND:
      {
        TpsChannel *channel = (TpsChannel *) find_object (
          export, tps_touchpoint_get_channel_id (touchpoint), TPS_TYPE_CHANNEL);

        if (channel == NULL)
          return NULL;
        return g_strdup (tps_enum_get_word (TPS_TYPE_CHANNEL_KIND, tps_channel_get_kind (channel)));
      }

    case COL_PERSONAS:
      {
        const char * const *ids = tps_touchpoint_get_persona_ids (touchpoint);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          {
            TpsObject *persona = find_object (export, ids[i], TPS_TYPE_PERSONA);
            g_ptr_array_add (names,
                             (gpointer) reference_name (persona, export->persona_names, ids[i]));
          }
        return join_list (names);
      }

    case COL_GAP:
      return g_strdup_printf ("%d", tps_touchpoint_get_gap (touchpoint));

    case COL_PRIORITY:
      return g_strdup_printf ("%d", tps_touchpoint_get_priority (touchpoint));

    case COL_SYSTEMS:
      return strv_to_cell (tps_touchpoint_get_systems (touchpoint));

    case COL_MEASURES:
      return g_strdup_printf ("%u", tps_project_count_measures_for (
                                project, tps_object_get_id (TPS_OBJECT (touchpoint))));

    case COL_KPI_DATE:
    case COL_KPI_METRIC:
    case COL_KPI_VALUE:
    case COL_KPI_BASELINE:
      {
        TpsMeasurement *latest, *baseline;

        find_latest_kpi (touchpoint, &latest, &baseline);
        if (latest == NULL)
          return NULL;

        if (column->content == COL_KPI_DATE)
          return g_strdup (tps_measurement_get_date (latest));

        /* Custom metrics are known by their label, the others by their
         * word, like the enumerations in the other columns.
         */
        if (column->content == COL_KPI_METRIC)
          return g_strdup (tps_measurement_get_metric (latest) == TPS_METRIC_CUSTOM
                           ? tps_measurement_get_metric_name (latest)
                           : tps_enum_get_word (TPS_TYPE_METRIC,
                                                tps_measurement_get_metric (latest)));

        if (column->content == COL_KPI_VALUE)
          return format_decimal (tps_measurement_get_value (latest),
                                 export->options->decimal_comma);

        if (baseline == NULL)
          return NULL;
        return format_decimal (tps_measurement_get_value (baseline),
                               export->options->decimal_comma);
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_exported (const TpsCsvColumn  *column,
                    const TpsCsvOptions *options)
{
  return column->kind != KIND_MONITORING || options->monitoring;
}

/* The cell of one comparator: its rating at @touchpoint, empty where it
 * was not rated; in the header row (@touchpoint NULL) the column's key.
 */
static char *
comparator_cell (Export        *export,
                 TpsComparator *comparator,
                 TpsTouchpoint *touchpoint)
{
  int value;

  if (touchpoint == NULL)
    return g_strconcat (COMPARATOR_PREFIX,
                        reference_name (TPS_OBJECT (comparator), export->comparator_names,
                                        NULL),
                        NULL);

  if (!tps_comparator_get_rating (comparator, tps_object_get_id (TPS_OBJECT (touchpoint)),
                                  &value))
    return NULL;

  return g_strdup_printf ("%d", value);
}

/* One record: the header when @touchpoint is NULL, else its row. */
static void
append_row (Export        *export,
            GString       *out,
            TpsTouchpoint *touchpoint)
{
  GListModel *comparators = tps_project_get_comparators (export->project);
  guint n_columns;
  const TpsCsvColumn *columns = tps_csv_get_columns (&n_columns);
  gboolean first = TRUE;

  for (Column column = 0; column < n_columns; column++)
    {
      g_autofree char *value = NULL;

      if (!column_is_exported (&columns[column], export->options))
        continue;

      if (!first)
        g_string_append_c (out, export->options->separator);
      first = FALSE;

      if (touchpoint == NULL)
        g_string_append (out, columns[column].key);
      else
        {
          value = cell_value (export, &columns[column], touchpoint);
          append_cell (out, value, export->options->separator, export->options->raw_formulas);
        }

      /* The comparators' ratings follow the touchpoint's own data, before
       * the monitoring.
       */
      if (columns[column].kind == KIND_MONITORING
          || (column + 1 < n_columns && columns[column + 1].kind != KIND_MONITORING))
        continue;

      for (guint c = 0; c < g_list_model_get_n_items (comparators); c++)
        {
          g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, c);
          g_autofree char *cell = comparator_cell (export, comparator, touchpoint);

          g_string_append_c (out, export->options->separator);
          append_cell (out, cell, export->options->separator, export->options->raw_formulas);
        }
    }

  g_string_append (out, "\r\n");
}

/**
 * tps_csv_export:
 * @options: the separator, BOM, decimal mark and columns; see
 *   tps_csv_options_init()
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the project's touchpoints as CSV, UTF-8
 */
char *
tps_csv_export (TpsProject          *project,
                const TpsCsvOptions *options,
                gsize               *length)
{
  g_autoptr(GPtrArray) order = NULL;
  GString *out;
  Export export;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->separator == ',' || options->separator == ';', NULL);

  export.project = project;
  export.ids = tps_project_index_ids (project);
  export.options = options;
  export.stage_names = count_names (tps_project_get_stages (project));
  export.channel_names = count_names (tps_project_get_channels (project));
  export.persona_names = count_names (tps_project_get_personas (project));
  export.comparator_names = count_names (tps_project_get_comparators (project));

  out = g_string_new (options->bom ? UTF8_BOM : NULL);
  append_row (&export, out, NULL);

  order = tps_analysis_get_journey (project);
  for (guint i = 0; i < order->len; i++)
    append_row (&export, out, g_ptr_array_index (order, i));

  g_hash_table_unref (export.ids);
  g_hash_table_unref (export.stage_names);
  g_hash_table_unref (export.channel_names);
  g_hash_table_unref (export.persona_names);
  g_hash_table_unref (export.comparator_names);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Writes atomically: a half-written CSV never replaces a good one. */
gboolean
tps_csv_export_to_file (TpsProject           *project,
                        const TpsCsvOptions  *options,
                        GFile                *file,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = tps_csv_export (project, options, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return tps_file_replace_contents (file, data, length, TPS_FILE_REPLACE_NONE, error);
}
