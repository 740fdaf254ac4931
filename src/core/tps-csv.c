/* tps-csv.c
 *
 * The writer is deterministic (fixed column order, journey order, CRLF
 * record ends as RFC 4180 asks) so that export → import → export gives the
 * same bytes. The reader is forgiving where spreadsheet programs differ
 * (LF or CRLF, a stray quote inside a cell, TRUE/WAHR for booleans, a
 * Windows-1252 or UTF-16 file from Excel) and strict about values: every
 * cell is checked, and each problem is reported with the row number a
 * spreadsheet program shows, before anything touches the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-analysis.h"
#include "tps-compare-private.h"
#include "tps-csv.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

typedef enum {
  COL_ID,
  COL_STAGE,
  COL_CHANNEL,
  COL_CHANNEL_KIND,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_PERSONAS,
  COL_FUNCTION,
  COL_STATUS,
  COL_MOMENT,
  COL_ENTRY_POINT,
  COL_EXIT_POINT,
  COL_CURRENT,
  COL_TARGET,
  COL_GAP,
  COL_IMPORTANCE,
  COL_PRIORITY,
  COL_INTERNAL,
  COL_OWNER,
  COL_SYSTEMS,
  COL_WHEN,
  COL_WHERE,
  COL_EMOTION_NOTE,
  COL_FUNCTION_NOTE,
  COL_EXPECTATION,
  COL_GOAL,
  COL_ORDERS,
  COL_NOTES,
  COL_MEASURES,
  COL_KPI_DATE,
  COL_KPI_METRIC,
  COL_KPI_VALUE,
  COL_KPI_BASELINE,
  N_COLUMNS
} Column;

typedef enum {
  KIND_DATA,        /* written and read back */
  KIND_DERIVED,     /* written from the row's own data, ignored on import */
  KIND_MONITORING,  /* written from measures and measurements, ignored on import */
} ColumnKind;

/* The header keys are the file format's names, stable across UI languages.
 * Their order is the order of the export.
 */
static const struct
{
  const char *key;
  ColumnKind  kind;
} columns[N_COLUMNS] = {
  [COL_ID] = { "id", KIND_DATA },
  [COL_STAGE] = { "stage", KIND_DATA },
  [COL_CHANNEL] = { "channel", KIND_DATA },
  [COL_CHANNEL_KIND] = { "channel-kind", KIND_DATA },
  [COL_TITLE] = { "title", KIND_DATA },
  [COL_DESCRIPTION] = { "description", KIND_DATA },
  [COL_PERSONAS] = { "personas", KIND_DATA },
  [COL_FUNCTION] = { "function", KIND_DATA },
  [COL_STATUS] = { "status", KIND_DATA },
  [COL_MOMENT] = { "moment", KIND_DATA },
  [COL_ENTRY_POINT] = { "entry-point", KIND_DATA },
  [COL_EXIT_POINT] = { "exit-point", KIND_DATA },
  [COL_CURRENT] = { "current", KIND_DATA },
  [COL_TARGET] = { "target", KIND_DATA },
  [COL_GAP] = { "gap", KIND_DERIVED },
  [COL_IMPORTANCE] = { "importance", KIND_DATA },
  [COL_PRIORITY] = { "priority", KIND_DERIVED },
  [COL_INTERNAL] = { "internal", KIND_DATA },
  [COL_OWNER] = { "owner", KIND_DATA },
  [COL_SYSTEMS] = { "systems", KIND_DATA },
  [COL_WHEN] = { "when", KIND_DATA },
  [COL_WHERE] = { "where", KIND_DATA },
  [COL_EMOTION_NOTE] = { "emotion-note", KIND_DATA },
  [COL_FUNCTION_NOTE] = { "function-note", KIND_DATA },
  [COL_EXPECTATION] = { "expectation", KIND_DATA },
  [COL_GOAL] = { "goal", KIND_DATA },
  [COL_ORDERS] = { "orders", KIND_DATA },
  [COL_NOTES] = { "notes", KIND_DATA },
  [COL_MEASURES] = { "measures", KIND_MONITORING },
  [COL_KPI_DATE] = { "kpi-date", KIND_MONITORING },
  [COL_KPI_METRIC] = { "kpi-metric", KIND_MONITORING },
  [COL_KPI_VALUE] = { "kpi-value", KIND_MONITORING },
  [COL_KPI_BASELINE] = { "kpi-baseline", KIND_MONITORING },
};

G_DEFINE_QUARK (tps-csv-error-quark, tps_csv_error)

void
tps_csv_problem_free (TpsCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

/* Returns: (transfer full): "Row 7, column “current”: …", as the CLI and the
 * import dialog show it.
 */
char *
tps_csv_problem_to_string (const TpsCsvProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->row == 0)
    return g_strdup (problem->message);

  if (problem->column == NULL)
    return g_strdup_printf (_("Row %u: %s"), problem->row, problem->message);

  return g_strdup_printf (_("Row %u, column “%s”: %s"), problem->row, problem->column,
                          problem->message);
}

static void G_GNUC_PRINTF (4, 5)
add_problem (GPtrArray  *problems,
             guint       row,
             const char *column,
             const char *format,
             ...)
{
  TpsCsvProblem *problem = g_new0 (TpsCsvProblem, 1);
  va_list args;

  problem->row = row;
  problem->column = g_strdup (column);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, problem);
}

/* German spreadsheet programs split on ';' and read ',' as the decimal
 * mark; everyone else splits on ','.
 */
static gboolean
language_is_german (const char *language)
{
  if (language == NULL)
    language = g_get_language_names ()[0];

  return g_ascii_strncasecmp (language, "de", 2) == 0
         && (language[2] == '\0' || strchr ("_-.@", language[2]) != NULL);
}

/**
 * tps_csv_default_separator:
 * @language: (nullable): a language code such as "de" or "en_GB"; %NULL for
 *   the user's language
 *
 * Returns: ';' for German, ',' otherwise
 */
char
tps_csv_default_separator (const char *language)
{
  return language_is_german (language) ? ';' : ',';
}

/* The defaults of the export dialog and the command line: the separator and
 * decimal mark of @language, a byte order mark so that spreadsheet programs
 * detect UTF-8, and every column.
 */
void
tps_csv_options_init (TpsCsvOptions *options,
                      const char    *language)
{
  g_return_if_fail (options != NULL);

  options->separator = tps_csv_default_separator (language);
  options->bom = TRUE;
  options->decimal_comma = language_is_german (language);
  options->monitoring = TRUE;
  options->raw_formulas = FALSE;
}

/* --- writing ------------------------------------------------------------ */

/* A plain number ("-2", "+3,5") is no formula, even with a sign. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text + (*text == '-' || *text == '+');

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0';
}

/* Whether a spreadsheet program would run @text as a formula (OWASP "CSV
 * injection": a leading =, +, -, @, tab or carriage return), or @text is
 * "'" before such a cell, which has to keep its own apostrophe. Export puts
 * a "'" before exactly these cells and import removes exactly that, so the
 * round trip is lossless.
 */
static gboolean
needs_formula_guard (const char *text)
{
  if (*text == '\'')
    return needs_formula_guard (text + 1);

  return strchr ("=+-@\t\r", *text) != NULL && *text != '\0' && !is_plain_number (text);
}

/* Returns: (transfer none): @cell without the "'" export put before it */
static const char *
remove_formula_guard (const char *cell)
{
  return cell[0] == '\'' && needs_formula_guard (cell + 1) ? cell + 1 : cell;
}

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

  if (!raw_formulas && needs_formula_guard (value))
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

/* For matching names and labels: case, and composed or decomposed umlauts
 * (macOS writes the latter), do not matter.
 */
static char *
match_key (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normalized ? normalized : text, -1);
}

static char *
name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  return match_key (trimmed);
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
          char *key = name_key (name);
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
#define COMPARATOR_PREFIX "comparator:"

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

  key = name_key (name);
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
cell_value (Export        *export,
            Column         column,
            TpsTouchpoint *touchpoint)
{
  TpsProject *project = export->project;

  switch (column)
    {
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

    case COL_TITLE:
      return g_strdup (tps_touchpoint_get_title (touchpoint));

    case COL_DESCRIPTION:
      return g_strdup (tps_touchpoint_get_description (touchpoint));

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

    case COL_FUNCTION:
      return g_strdup (tps_enum_get_word (TPS_TYPE_FUNCTION,
                                          tps_touchpoint_get_function (touchpoint)));

    case COL_STATUS:
      return g_strdup (tps_enum_get_word (TPS_TYPE_TOUCHPOINT_STATUS,
                                          tps_touchpoint_get_status (touchpoint)));

    case COL_MOMENT:
      return g_strdup (tps_enum_get_word (TPS_TYPE_MOMENT,
                                          tps_touchpoint_get_moment (touchpoint)));

    case COL_ENTRY_POINT:
      return g_strdup (tps_touchpoint_get_entry_point (touchpoint) ? "true" : "false");

    case COL_EXIT_POINT:
      return g_strdup (tps_touchpoint_get_exit_point (touchpoint) ? "true" : "false");

    case COL_CURRENT:
      return g_strdup_printf ("%d", tps_touchpoint_get_current (touchpoint));

    case COL_TARGET:
      return g_strdup_printf ("%d", tps_touchpoint_get_target (touchpoint));

    case COL_GAP:
      return g_strdup_printf ("%d", tps_touchpoint_get_gap (touchpoint));

    case COL_IMPORTANCE:
      return g_strdup_printf ("%d", tps_touchpoint_get_importance (touchpoint));

    case COL_PRIORITY:
      return g_strdup_printf ("%d", tps_touchpoint_get_priority (touchpoint));

    case COL_INTERNAL:
      return g_strdup_printf ("%d", tps_touchpoint_get_internal (touchpoint));

    case COL_OWNER:
      return g_strdup (tps_touchpoint_get_owner (touchpoint));

    case COL_SYSTEMS:
      return strv_to_cell (tps_touchpoint_get_systems (touchpoint));

    case COL_WHEN:
      return g_strdup (tps_touchpoint_get_when (touchpoint));

    case COL_WHERE:
      return g_strdup (tps_touchpoint_get_where (touchpoint));

    case COL_EMOTION_NOTE:
      return g_strdup (tps_touchpoint_get_emotion_note (touchpoint));

    case COL_FUNCTION_NOTE:
      return g_strdup (tps_touchpoint_get_function_note (touchpoint));

    case COL_EXPECTATION:
      return g_strdup (tps_touchpoint_get_expectation (touchpoint));

    case COL_GOAL:
      return g_strdup (tps_touchpoint_get_goal (touchpoint));

    case COL_ORDERS:
      return g_strdup (tps_touchpoint_get_orders (touchpoint));

    case COL_NOTES:
      return g_strdup (tps_touchpoint_get_notes (touchpoint));

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

        if (column == COL_KPI_DATE)
          return g_strdup (tps_measurement_get_date (latest));

        /* Custom metrics are known by their label, the others by their
         * word, like the enumerations in the other columns.
         */
        if (column == COL_KPI_METRIC)
          return g_strdup (tps_measurement_get_metric (latest) == TPS_METRIC_CUSTOM
                           ? tps_measurement_get_metric_name (latest)
                           : tps_enum_get_word (TPS_TYPE_METRIC,
                                                tps_measurement_get_metric (latest)));

        if (column == COL_KPI_VALUE)
          return format_decimal (tps_measurement_get_value (latest),
                                 export->options->decimal_comma);

        if (baseline == NULL)
          return NULL;
        return format_decimal (tps_measurement_get_value (baseline),
                               export->options->decimal_comma);
      }

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_exported (Column               column,
                    const TpsCsvOptions *options)
{
  return columns[column].kind != KIND_MONITORING || options->monitoring;
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
  gboolean first = TRUE;

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autofree char *value = NULL;

      if (!column_is_exported (column, export->options))
        continue;

      if (!first)
        g_string_append_c (out, export->options->separator);
      first = FALSE;

      if (touchpoint == NULL)
        g_string_append (out, columns[column].key);
      else
        {
          value = cell_value (export, column, touchpoint);
          append_cell (out, value, export->options->separator, export->options->raw_formulas);
        }

      if (column != COL_NOTES)
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

/* --- reading: text and records ----------------------------------------- */

/* The text as UTF-8 without a byte order mark. Excel writes "CSV UTF-8"
 * with a BOM, "Unicode text" as UTF-16 and plain "CSV" in the Windows code
 * page; all three are read. UTF-8 is not copied: @text then points into
 * @data and @converted is %NULL.
 *
 * Returns: whether the text could be decoded
 */
static gboolean
decode_text (const char   *data,
             gsize         length,
             const char  **text,
             gsize        *text_length,
             char        **converted,
             GPtrArray    *warnings,
             GError      **error)
{
  const char *from = NULL;
  gsize skip = 0;

  *converted = NULL;

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    from = "UTF-16BE", skip = 2;

  if (from == NULL && g_utf8_validate_len (data, length, NULL))
    {
      *text = data;
      *text_length = length;
      return TRUE;
    }

  if (from == NULL && memchr (data, '\0', length) == NULL)
    {
      from = "WINDOWS-1252";
      *converted = g_convert (data, length, "UTF-8", from, NULL, NULL, NULL);
      if (*converted != NULL)
        add_problem (warnings, 0, NULL, "%s",
                     _("The file is not UTF-8 text; it was read as Windows-1252 "
                       "(Western European)."));
    }
  else if (from != NULL)
    {
      *converted = g_convert (data + skip, length - skip, "UTF-8", from, NULL, NULL, NULL);
      if (*converted != NULL && !g_utf8_validate (*converted, -1, NULL))
        g_clear_pointer (converted, g_free);
    }

  if (*converted != NULL)
    {
      *text = *converted;
      *text_length = strlen (*converted);
      return TRUE;
    }

  g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_ENCODING,
                       _("The file is not text in a known encoding; save it as "
                         "“CSV UTF-8” and try again."));
  return FALSE;
}

typedef struct
{
  guint row;              /* as a spreadsheet program counts, the header is 1 */
  GPtrArray *cells;       /* char * */
  int unterminated_cell;  /* the cell whose quote is never closed, or -1 */
} Record;

/* The separator is the one of ',', ';' and tab that occurs most often in
 * the header row outside quotes; a header of one column gives ','.
 */
static char
detect_separator (const char *text,
                  const char *end)
{
  guint comma = 0, semicolon = 0, tab = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        comma++;
      else if (!quoted && *p == ';')
        semicolon++;
      else if (!quoted && *p == '\t')
        tab++;
    }

  if (semicolon > comma && semicolon >= tab)
    return ';';
  if (tab > comma && tab > semicolon)
    return '\t';
  return ',';
}

/* Reads the text one record at a time, so that a large file costs the
 * memory of its rows' touchpoints, not of a table of all its cells.
 */
typedef struct
{
  const char *p;
  const char *end;
  char separator;
  Record record;    /* the last record read; its cells are reused */
} Reader;

static void
reader_init (Reader     *reader,
             const char *text,
             gsize       length,
             char        separator)
{
  reader->p = text;
  reader->end = text + length;
  reader->separator = separator;
  reader->record.row = 0;
  reader->record.cells = g_ptr_array_new_with_free_func (g_free);
  reader->record.unterminated_cell = -1;
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->record.cells, g_ptr_array_unref);
}

/* RFC 4180 with the leniency of common readers: records end with CRLF, LF
 * or CR; a quote inside an unquoted cell is kept as it is; text after a
 * closing quote is appended. Line breaks inside quoted cells become LF.
 *
 * Returns: (transfer none) (nullable): the next record, valid until the
 *   next call; %NULL at the end of the text
 */
static Record *
reader_next (Reader *reader)
{
  Record *record = &reader->record;
  const char *p = reader->p;
  const char *end = reader->end;
  char separator = reader->separator;
  gboolean end_of_record = FALSE;

  if (p >= end)
    return NULL;

  record->row++;
  g_ptr_array_set_size (record->cells, 0);
  record->unterminated_cell = -1;

  while (!end_of_record)
    {
      GString *cell = g_string_new (NULL);

      if (p < end && *p == '"')
        {
          gboolean closed = FALSE;

          for (p++; p < end; p++)
            {
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  closed = TRUE;
                  p++;
                  break;
                }
              else if (*p == '\r')
                {
                  g_string_append_c (cell, '\n');
                  if (p + 1 < end && p[1] == '\n')
                    p++;
                }
              else
                g_string_append_c (cell, *p);
            }

          if (!closed)
            record->unterminated_cell = record->cells->len;
        }

      while (p < end && *p != separator && *p != '\r' && *p != '\n')
        g_string_append_c (cell, *p++);

      g_ptr_array_add (record->cells, g_string_free (cell, FALSE));

      if (p < end && *p == separator)
        p++;
      else
        {
          if (p + 1 < end && *p == '\r' && p[1] == '\n')
            p += 2;
          else if (p < end)
            p++;
          end_of_record = TRUE;
        }
    }

  reader->p = p;
  return record;
}

static gboolean
record_is_blank (Record *record)
{
  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (record->cells, i);

      for (const char *p = cell; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* "Entry point", "entry_point" and "ENTRY-POINT" all mean "entry-point". */
static char *
normalize_key (const char *header)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (header));
  char *key = g_ascii_strdown (trimmed, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';

  return key;
}

/* --- reading: values ---------------------------------------------------- */

static char *
stripped (const char *cell)
{
  return g_strstrip (g_strdup (cell));
}

static gboolean
parse_int (const char *cell,
           int         min,
           int         max,
           int        *value)
{
  g_autofree char *text = stripped (cell);
  const char *digits = text;
  gboolean negative = FALSE;
  gint64 number;

  if (*digits == '+')
    digits++;
  else if (*digits == '-')
    negative = TRUE, digits++;
  else if (g_str_has_prefix (digits, "−")) /* U+2212 MINUS SIGN */
    negative = TRUE, digits += strlen ("−");

  if (!g_ascii_isdigit (*digits)
      || !g_ascii_string_to_signed (digits, 10, 0, G_MAXINT, &number, NULL))
    return FALSE;

  if (negative)
    number = -number;
  if (number < min || number > max)
    return FALSE;

  *value = (int) number;
  return TRUE;
}

static gboolean
parse_boolean (const char *cell,
               gboolean   *value)
{
  static const char * const yes[] = { "true", "yes", "ja", "1", "wahr", "y", "j", "x" };
  static const char * const no[] = { "false", "no", "nein", "0", "falsch", "n" };
  g_autofree char *text = stripped (cell);
  g_autofree char *key = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (key, yes[i]) == 0)
      return *value = TRUE, TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (key, no[i]) == 0)
      return *value = FALSE, TRUE;

  return FALSE;
}

/* The word ("moment-of-truth"), the English label ("Moment of truth") or
 * the label in the user's language ("Moment der Wahrheit").
 */
static gboolean
parse_enum (GType       type,
            const char *cell,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *text = stripped (cell);
  g_autofree char *key = match_key (text);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *v = &klass->values[i];
      const char *candidates[] = {
        v->value_nick, v->value_name, g_dgettext (GETTEXT_PACKAGE, v->value_name),
      };

      for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          g_autofree char *candidate = match_key (candidates[j]);

          if (strcmp (key, candidate) == 0)
            {
              *value = v->value;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static char *
enum_words (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}

/* Splits "A | B||C" into "A" and "B|C": a doubled pipe is part of a name. */
static GPtrArray *
split_list (const char *cell)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  GString *item = g_string_new (NULL);

  for (const char *p = cell; ; p++)
    {
      if (*p == '|' && p[1] == '|')
        {
          g_string_append_c (item, '|');
          p++;
        }
      else if (*p == '|' || *p == '\0')
        {
          char *name = g_strstrip (g_string_free (g_steal_pointer (&item), FALSE));
          gboolean duplicate = FALSE;

          for (guint i = 0; i < items->len; i++)
            duplicate |= strcmp (g_ptr_array_index (items, i), name) == 0;

          if (*name != '\0' && !duplicate)
            g_ptr_array_add (items, name);
          else
            g_free (name);

          if (*p == '\0')
            break;
          item = g_string_new (NULL);
        }
      else
        g_string_append_c (item, *p);
    }

  return items;
}

/* --- the import preview ------------------------------------------------- */

#define COLUMN_BIT(column) (G_GUINT64_CONSTANT (1) << (column))

typedef struct
{
  guint row;
  gboolean valid;
  TpsTouchpoint *touchpoint;  /* every scalar set, no id or references yet */
  guint64 given;              /* COLUMN_BITs of the cells that are not blank */
  gboolean had_id;            /* the id cell was not blank */
  TpsTouchpoint *update;      /* the project's touchpoint this row updates, or NULL */
  char *id;
  char *stage;
  char *channel;
  int channel_kind;           /* -1 when the cell is empty */
  GPtrArray *personas;        /* names */
  GArray *ratings;            /* RowRating */
} Row;

/* A comparator cell with a rating; the column is an index into the
 * import's comparator columns.
 */
typedef struct
{
  guint comparator_column;
  int value;
} RowRating;

static void
row_free (Row *row)
{
  g_clear_object (&row->touchpoint);
  g_free (row->id);
  g_free (row->stage);
  g_free (row->channel);
  g_clear_pointer (&row->personas, g_ptr_array_unref);
  g_clear_pointer (&row->ratings, g_array_unref);
  g_free (row);
}

typedef struct
{
  TpsTouchpoint *target;  /* in the project */
  guint64 given;
} Update;

static void
update_free (Update *update)
{
  g_object_unref (update->target);
  g_free (update);
}

struct _TpsCsvImport
{
  GObject parent_instance;

  TpsProject *project;
  char separator;
  guint n_rows;
  gboolean applied;

  GListStore *touchpoints;
  GListStore *new_stages;
  GListStore *new_channels;
  GListStore *new_personas;
  GListStore *new_comparators;

  /* The comparator of each `comparator:NAME` column: its name in the
   * header, then the comparator it resolved to (the project's own or a new
   * one); and the ratings the valid rows give them, applied with the rows.
   */
  GPtrArray *comparator_columns;
  GPtrArray *comparator_targets;
  GPtrArray *new_ratings;          /* TpsComparatorRating, parallel to rating_targets */
  GPtrArray *rating_targets;       /* TpsComparator */

  /* Ids of the project's own stages, channels and personas the new
   * touchpoints refer to; apply checks they still exist.
   */
  GHashTable *existing_refs;

  /* Rows that update a touchpoint of the project rather than add one:
   * the row's touchpoint → Update. @present has the COLUMN_BITs the
   * header names; only those columns are updated.
   */
  GHashTable *updates;
  guint64 present;
  guint n_changed;

  GPtrArray *errors;
  GPtrArray *warnings;

  /* While build() runs: the project's ids, where each id prefix's search
   * for a free number goes on, and the name indexes of the lists (list →
   * NameIndex), so that a file of many rows costs no more per row than a
   * small one.
   */
  GHashTable *project_ids;
  GHashTable *next_id;
  GHashTable *name_indexes;
};

G_DEFINE_FINAL_TYPE (TpsCsvImport, tps_csv_import, G_TYPE_OBJECT)

static void
tps_csv_import_finalize (GObject *object)
{
  TpsCsvImport *self = TPS_CSV_IMPORT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->touchpoints);
  g_clear_object (&self->new_stages);
  g_clear_object (&self->new_channels);
  g_clear_object (&self->new_personas);
  g_clear_object (&self->new_comparators);
  g_clear_pointer (&self->comparator_columns, g_ptr_array_unref);
  g_clear_pointer (&self->comparator_targets, g_ptr_array_unref);
  g_clear_pointer (&self->new_ratings, g_ptr_array_unref);
  g_clear_pointer (&self->rating_targets, g_ptr_array_unref);
  g_clear_pointer (&self->existing_refs, g_hash_table_unref);
  g_clear_pointer (&self->updates, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_csv_import_parent_class)->finalize (object);
}

static void
tps_csv_import_class_init (TpsCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_csv_import_finalize;
}

static void
tps_csv_import_init (TpsCsvImport *self)
{
  self->touchpoints = g_list_store_new (TPS_TYPE_TOUCHPOINT);
  self->new_stages = g_list_store_new (TPS_TYPE_STAGE);
  self->new_channels = g_list_store_new (TPS_TYPE_CHANNEL);
  self->new_personas = g_list_store_new (TPS_TYPE_PERSONA);
  self->new_comparators = g_list_store_new (TPS_TYPE_COMPARATOR);
  self->comparator_columns = g_ptr_array_new_with_free_func (g_free);
  self->comparator_targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_ratings = g_ptr_array_new_with_free_func (g_object_unref);
  self->rating_targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->existing_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->updates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) update_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_csv_problem_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_csv_problem_free);
}

static void
set_text (TpsTouchpoint *touchpoint,
          Column         column,
          const char    *text)
{
  const char *property = columns[column].key;

  /* The text columns are named like the touchpoint's properties. */
  g_object_set (touchpoint, property, text, NULL);
}

static void
check_rating (GPtrArray     *errors,
              Row           *row,
              Column         column,
              const char    *cell,
              const char    *property)
{
  int value;
  g_autofree char *text = stripped (cell);

  if (*text == '\0')
    return;

  if (!parse_int (text, TPS_RATING_MIN, TPS_RATING_MAX, &value))
    {
      add_problem (errors, row->row, columns[column].key,
                   _("“%s” is not a rating; use a whole number from -2 to 2."), text);
      row->valid = FALSE;
      return;
    }

  g_object_set (row->touchpoint, property, value, NULL);
}

/* Returns: %TRUE when the cell holds a valid value, now in @value; an empty
 * cell keeps the default and a wrong one is reported.
 */
static gboolean
check_enum (GPtrArray  *errors,
            Row        *row,
            Column      column,
            const char *cell,
            GType       type,
            const char *message,
            int        *value)
{
  g_autofree char *text = stripped (cell);
  g_autofree char *words = NULL;

  if (*text == '\0')
    return FALSE;

  if (parse_enum (type, text, value))
    return TRUE;

  words = enum_words (type);
  add_problem (errors, row->row, columns[column].key, message, text, words);
  row->valid = FALSE;
  return FALSE;
}

static void
check_boolean (GPtrArray  *errors,
               Row        *row,
               Column      column,
               const char *cell,
               const char *property)
{
  g_autofree char *text = stripped (cell);
  gboolean value;

  if (*text == '\0')
    return;

  if (!parse_boolean (text, &value))
    {
      add_problem (errors, row->row, columns[column].key,
                   _("“%s” is neither yes nor no; use true or false."), text);
      row->valid = FALSE;
      return;
    }

  g_object_set (row->touchpoint, property, value, NULL);
}

/* Reads one record into a touchpoint that is not yet part of any project,
 * checking every cell; the row stays invalid if any cell is wrong.
 */
static Row *
read_row (Record    *record,
          const int *column_of_cell,
          GPtrArray *comparator_columns,
          GPtrArray *errors)
{
  Row *row = g_new0 (Row, 1);

  row->row = record->row;
  row->valid = TRUE;
  row->touchpoint = tps_touchpoint_new (NULL);
  row->channel_kind = -1;
  row->personas = g_ptr_array_new_with_free_func (g_free);
  row->ratings = g_array_new (FALSE, FALSE, sizeof (RowRating));

  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *cell = remove_formula_guard (g_ptr_array_index (record->cells, i));
      int value;
      Column column;

      if (column_of_cell[i] < 0)
        continue;

      /* A comparator's rating: empty where it was not rated. */
      if (column_of_cell[i] >= N_COLUMNS)
        {
          g_autofree char *text = stripped (cell);
          guint k = column_of_cell[i] - N_COLUMNS;
          g_autofree char *key = g_strconcat (COMPARATOR_PREFIX,
                                              (char *) g_ptr_array_index (comparator_columns, k),
                                              NULL);
          RowRating rating = { k, 0 };

          if (*text == '\0')
            continue;
          if (parse_int (text, TPS_RATING_MIN, TPS_RATING_MAX, &rating.value))
            g_array_append_val (row->ratings, rating);
          else
            {
              add_problem (errors, row->row, key,
                           _("“%s” is not a rating; use a whole number from -2 to 2, or "
                             "leave the cell empty where the comparator was not rated."),
                           text);
              row->valid = FALSE;
            }
          continue;
        }
      column = column_of_cell[i];
      if (cell[strspn (cell, " \t")] != '\0')
        row->given |= COLUMN_BIT (column);

      switch (column)
        {
        case COL_ID:
          row->id = stripped (cell);
          break;

        case COL_STAGE:
          row->stage = stripped (cell);
          if (*row->stage == '\0')
            {
              add_problem (errors, row->row, columns[column].key, "%s",
                           _("The stage is empty; every touchpoint belongs to a stage."));
              row->valid = FALSE;
            }
          break;

        case COL_CHANNEL:
          row->channel = stripped (cell);
          if (*row->channel == '\0')
            {
              add_problem (errors, row->row, columns[column].key, "%s",
                           _("The channel is empty; every touchpoint belongs to a channel."));
              row->valid = FALSE;
            }
          break;

        case COL_CHANNEL_KIND:
          check_enum (errors, row, column, cell, TPS_TYPE_CHANNEL_KIND,
                      _("“%s” is not a channel kind; use one of: %s."), &row->channel_kind);
          break;

        case COL_PERSONAS:
          g_ptr_array_unref (row->personas);
          row->personas = split_list (cell);
          break;

        case COL_SYSTEMS:
          {
            g_autoptr(GPtrArray) systems = split_list (cell);

            g_ptr_array_add (systems, NULL);
            tps_touchpoint_set_systems (row->touchpoint,
                                        (const char * const *) systems->pdata);
          }
          break;

        case COL_FUNCTION:
          if (check_enum (errors, row, column, cell, TPS_TYPE_FUNCTION,
                          _("“%s” is not a function; use one of: %s."), &value))
            tps_touchpoint_set_function (row->touchpoint, value);
          break;

        case COL_STATUS:
          if (check_enum (errors, row, column, cell, TPS_TYPE_TOUCHPOINT_STATUS,
                          _("“%s” is not a status; use one of: %s."), &value))
            tps_touchpoint_set_status (row->touchpoint, value);
          break;

        case COL_MOMENT:
          if (check_enum (errors, row, column, cell, TPS_TYPE_MOMENT,
                          _("“%s” is not a moment; use one of: %s."), &value))
            tps_touchpoint_set_moment (row->touchpoint, value);
          break;

        case COL_ENTRY_POINT:
          check_boolean (errors, row, column, cell, "entry-point");
          break;

        case COL_EXIT_POINT:
          check_boolean (errors, row, column, cell, "exit-point");
          break;

        case COL_CURRENT:
          check_rating (errors, row, column, cell, "current");
          break;

        case COL_TARGET:
          check_rating (errors, row, column, cell, "target");
          break;

        case COL_INTERNAL:
          check_rating (errors, row, column, cell, "internal");
          break;

        case COL_IMPORTANCE:
          {
            g_autofree char *text = stripped (cell);

            if (*text == '\0')
              break;
            if (parse_int (text, TPS_IMPORTANCE_MIN, TPS_IMPORTANCE_MAX, &value))
              tps_touchpoint_set_importance (row->touchpoint, value);
            else
              {
                add_problem (errors, row->row, columns[column].key,
                             _("“%s” is not an importance; use a whole number from 1 to 5."),
                             text);
                row->valid = FALSE;
              }
          }
          break;

        case COL_TITLE:
        case COL_DESCRIPTION:
        case COL_OWNER:
        case COL_WHEN:
        case COL_WHERE:
        case COL_EMOTION_NOTE:
        case COL_FUNCTION_NOTE:
        case COL_EXPECTATION:
        case COL_GOAL:
        case COL_ORDERS:
        case COL_NOTES:
          set_text (row->touchpoint, column, cell);
          break;

        case COL_GAP:
        case COL_PRIORITY:
        case COL_MEASURES:
        case COL_KPI_DATE:
        case COL_KPI_METRIC:
        case COL_KPI_VALUE:
        case COL_KPI_BASELINE:
          /* Derived: recomputed from the data, whatever the cell says. */
          break;

        case N_COLUMNS:
        default:
          g_assert_not_reached ();
        }
    }

  return row;
}

/* A header cell without a name, and where its warning goes among the
 * header's warnings should any row have content in it.
 */
typedef struct
{
  guint cell;
  guint warning_position;
  gboolean has_content;
} Unnamed;

static void
note_unnamed_content (GArray *unnamed,
                      Record *record)
{
  for (guint u = 0; u < unnamed->len; u++)
    {
      Unnamed *column = &g_array_index (unnamed, Unnamed, u);

      if (column->cell < record->cells->len
          && *(char *) g_ptr_array_index (record->cells, column->cell) != '\0')
        column->has_content = TRUE;
    }
}

static void
warn_unnamed (GArray    *unnamed,
              GPtrArray *warnings)
{
  /* Backwards, so that each position is still the one noted. */
  for (guint u = unnamed->len; u-- > 0;)
    {
      Unnamed *column = &g_array_index (unnamed, Unnamed, u);
      g_autoptr(GPtrArray) one = NULL;

      if (!column->has_content)
        continue;

      one = g_ptr_array_new ();
      add_problem (one, 1, NULL, _("Column %u has no name; its cells are ignored."),
                   column->cell + 1);
      g_ptr_array_insert (warnings, column->warning_position, g_ptr_array_index (one, 0));
    }
}

/* Maps each header cell to a column. Unknown columns are reported and
 * ignored, so that a sheet with an extra column of the team's own still
 * reads; a missing stage, channel or title column makes the file unusable.
 */
static int *
map_header (Record     *header,
            GArray     *unnamed,
            GPtrArray  *comparator_columns,
            GPtrArray  *warnings,
            GError    **error)
{
  g_autofree int *column_of_cell = g_new (int, header->cells->len);
  int cell_of_column[N_COLUMNS];
  static const Column required[] = { COL_STAGE, COL_CHANNEL, COL_TITLE };

  for (guint c = 0; c < N_COLUMNS; c++)
    cell_of_column[c] = -1;

  for (guint i = 0; i < header->cells->len; i++)
    {
      g_autofree char *key = normalize_key (g_ptr_array_index (header->cells, i));

      column_of_cell[i] = -1;

      /* `comparator:NAME` keeps NAME as written; the same comparator twice
       * is read once.
       */
      if (g_str_has_prefix (key, COMPARATOR_PREFIX))
        {
          g_autofree char *raw = stripped (g_ptr_array_index (header->cells, i));
          g_autofree char *name = stripped (raw + strlen (COMPARATOR_PREFIX));
          g_autofree char *name_match = match_key (name);
          gboolean seen = FALSE;

          for (guint k = 0; k < comparator_columns->len; k++)
            {
              g_autofree char *other = match_key (g_ptr_array_index (comparator_columns, k));
              seen |= strcmp (other, name_match) == 0;
            }

          if (*name == '\0' || seen)
            add_problem (warnings, 1, key, "%s",
                         *name == '\0' ? _("This comparator column names no comparator and "
                                           "is ignored.")
                                       : _("This comparator appears twice; only its first "
                                           "column is read."));
          else
            {
              column_of_cell[i] = N_COLUMNS + comparator_columns->len;
              g_ptr_array_add (comparator_columns, g_steal_pointer (&name));
            }
          continue;
        }

      for (guint c = 0; c < N_COLUMNS; c++)
        if (strcmp (key, columns[c].key) == 0)
          column_of_cell[i] = c;

      if (column_of_cell[i] >= 0)
        {
          if (cell_of_column[column_of_cell[i]] >= 0)
            {
              g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_DUPLICATE_COLUMN,
                           _("Row 1: the column “%s” appears twice."), key);
              return NULL;
            }
          cell_of_column[column_of_cell[i]] = i;
        }
      else if (*key != '\0')
        add_problem (warnings, 1, key, "%s",
                     _("This column is not known and is ignored."));
      else
        {
          /* A trailing separator makes a nameless, empty column; only one
           * with content is worth a word, which warn_unnamed() puts here
           * once the rows are read.
           */
          Unnamed column = { i, warnings->len, FALSE };

          g_array_append_val (unnamed, column);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (cell_of_column[required[i]] < 0)
        {
          g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_MISSING_COLUMN,
                       _("Row 1: the column “%s” is missing; the first row must name the "
                         "columns, at least stage, channel and title."),
                       columns[required[i]].key);
          return NULL;
        }
    }

  return g_steal_pointer (&column_of_cell);
}

static gboolean
id_is_taken (TpsCsvImport *self,
             GHashTable   *reserved,
             const char   *id)
{
  return g_hash_table_contains (self->project_ids, id) || g_hash_table_contains (reserved, id);
}

/* Like tps_project_make_id(), and also free of the ids this import has
 * already promised to other new objects. Ids only get taken while an
 * import is built, so each prefix's search goes on where it stopped.
 */
static char *
make_id (TpsCsvImport *self,
         GHashTable   *reserved,
         const char   *prefix)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->next_id, prefix));

  for (n = MAX (n, 1); ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (!id_is_taken (self, reserved, id))
        {
          g_hash_table_insert (self->next_id, (gpointer) prefix, GUINT_TO_POINTER (n + 1));
          g_hash_table_add (reserved, g_strdup (id));
          return g_steal_pointer (&id);
        }
    }
}

/* A list's objects by exact name, by match_key() of the name and by id;
 * of two with the same name, the first.
 */
typedef struct
{
  GHashTable *by_name;
  GHashTable *by_key;
  GHashTable *by_id;
} NameIndex;

static void
name_index_free (NameIndex *index)
{
  g_hash_table_unref (index->by_name);
  g_hash_table_unref (index->by_key);
  g_hash_table_unref (index->by_id);
  g_free (index);
}

static void
insert_first (GHashTable *table,
              const char *key,
              TpsObject  *object)
{
  if (key != NULL && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), g_object_ref (object));
}

static void
name_index_add (NameIndex *index,
                TpsObject *object)
{
  const char *name = tps_object_get_display_name (object);

  insert_first (index->by_name, name, object);
  if (name != NULL)
    {
      g_autofree char *key = match_key (name);
      insert_first (index->by_key, key, object);
    }
  insert_first (index->by_id, tps_object_get_id (object), object);
}

/* The index of @list, made on first use; objects this import appends to
 * its own lists are added by resolve().
 */
static NameIndex *
name_index_of (TpsCsvImport *self,
               GListModel   *list)
{
  NameIndex *index = g_hash_table_lookup (self->name_indexes, list);
  guint n;

  if (index != NULL)
    return index;

  index = g_new0 (NameIndex, 1);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);
      name_index_add (index, object);
    }

  g_hash_table_insert (self->name_indexes, list, index);
  return index;
}

/* Finds the object a cell names: by exact name, then ignoring case and
 * Unicode composition, then by id — in the project first, then among the
 * objects this import creates.
 */
static TpsObject *
find_named (TpsCsvImport *self,
            GListModel   *list,
            const char   *name,
            gboolean      by_id)
{
  NameIndex *index = name_index_of (self, list);
  g_autofree char *key = match_key (name);
  TpsObject *object;

  object = g_hash_table_lookup (index->by_name, name);
  if (object == NULL)
    object = g_hash_table_lookup (index->by_key, key);
  if (object == NULL && by_id)
    object = g_hash_table_lookup (index->by_id, name);

  return object;
}

typedef TpsObject *(*CreateFunc) (const char *id);

static TpsObject *
create_stage (const char *id)
{
  return TPS_OBJECT (tps_stage_new (id));
}

static TpsObject *
create_channel (const char *id)
{
  return TPS_OBJECT (tps_channel_new (id));
}

static TpsObject *
create_persona (const char *id)
{
  return TPS_OBJECT (tps_persona_new (id));
}

static TpsObject *
create_comparator (const char *id)
{
  return TPS_OBJECT (tps_comparator_new (id));
}

/* Returns: (transfer none): the id of the object @name refers to, creating
 * it (named @name) among the new objects when nothing matches.
 */
static const char *
resolve (TpsCsvImport *self,
         GListModel   *existing,
         GListStore   *created,
         GHashTable   *reserved,
         const char   *prefix,
         CreateFunc    create,
         const char   *name,
         gboolean     *is_new)
{
  TpsObject *object = find_named (self, existing, name, TRUE);
  g_autofree char *id = NULL;
  g_autoptr(TpsObject) new_object = NULL;

  if (object != NULL)
    {
      g_hash_table_add (self->existing_refs, g_strdup (tps_object_get_id (object)));
      *is_new = FALSE;
      return tps_object_get_id (object);
    }

  object = find_named (self, G_LIST_MODEL (created), name, FALSE);
  if (object != NULL)
    {
      *is_new = FALSE;
      return tps_object_get_id (object);
    }

  id = make_id (self, reserved, prefix);
  new_object = create (id);
  g_object_set (new_object, "name", name, NULL);
  g_list_store_append (created, new_object);
  name_index_add (name_index_of (self, G_LIST_MODEL (created)), new_object);
  *is_new = TRUE;

  return tps_object_get_id (new_object);
}

static char *
stage_title_key (const char *stage_id,
                 const char *title)
{
  g_autofree char *key = name_key (title ? title : "");

  return g_strconcat (stage_id ? stage_id : "", "\x1f", key, NULL);
}

/* The project's touchpoints by stage and title; of two with the same
 * title in one stage, the first in journey order.
 */
static GHashTable *
index_by_stage_and_title (TpsProject *project)
{
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      TpsTouchpoint *touchpoint = g_list_model_get_item (touchpoints, i);
      char *key = stage_title_key (tps_touchpoint_get_stage_id (touchpoint),
                                   tps_touchpoint_get_title (touchpoint));

      if (g_hash_table_contains (index, key))
        {
          g_free (key);
          g_object_unref (touchpoint);
        }
      else
        g_hash_table_insert (index, key, touchpoint);
    }

  return index;
}

/* Gives the valid rows their ids and references. Ids from the file are
 * kept when they are valid and free (the first row wins); everything else
 * gets a fresh id, after the kept ones are known so no two collide.
 */
static void
build (TpsCsvImport *self,
       GPtrArray    *rows)
{
  g_autoptr(GHashTable) reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TpsProject *project = self->project;

  g_autoptr(GHashTable) claimed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_title = NULL;

  self->project_ids = tps_project_index_ids (project);
  self->next_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->name_indexes = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) name_index_free);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      TpsObject *found = row->id ? g_hash_table_lookup (self->project_ids, row->id) : NULL;
      TpsTouchpoint *existing = TPS_IS_TOUCHPOINT (found) ? TPS_TOUCHPOINT (found) : NULL;

      row->had_id = row->id != NULL && *row->id != '\0';
      /* A row with the id of one of the project's touchpoints updates it;
       * should two rows name it, the first does.
       */
      if (row->valid && existing != NULL && !g_hash_table_contains (claimed, existing))
        {
          row->update = existing;
          g_hash_table_add (claimed, existing);
        }
      else if (!row->valid || !tps_id_is_valid (row->id)
               || id_is_taken (self, reserved, row->id))
        g_clear_pointer (&row->id, g_free);
      else
        g_hash_table_add (reserved, g_strdup (row->id));
    }

  /* Comparator columns name the project's comparators or new ones. */
  for (guint k = 0; k < self->comparator_columns->len; k++)
    {
      gboolean is_new;
      const char *id = resolve (self, tps_project_get_comparators (project),
                                self->new_comparators, reserved, "cmp", create_comparator,
                                g_ptr_array_index (self->comparator_columns, k), &is_new);
      TpsObject *comparator = (TpsObject *) tps_project_find_comparator (project, id);

      if (comparator == NULL)
        comparator = find_named (self, G_LIST_MODEL (self->new_comparators), id, TRUE);
      g_ptr_array_add (self->comparator_targets, g_object_ref (comparator));
    }

  by_title = index_by_stage_and_title (project);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) persona_ids = g_ptr_array_new ();
      gboolean is_new;
      const char *channel_id;

      if (!row->valid)
        continue;

      tps_touchpoint_set_stage_id (row->touchpoint,
                                   resolve (self, tps_project_get_stages (project),
                                            self->new_stages, reserved, "s", create_stage,
                                            row->stage, &is_new));

      /* Without an id, a row updates the touchpoint of the same title in
       * the same stage.
       */
      if (row->update == NULL && !row->had_id && !is_new)
        {
          g_autofree char *key = stage_title_key (tps_touchpoint_get_stage_id (row->touchpoint),
                                                  tps_touchpoint_get_title (row->touchpoint));
          TpsTouchpoint *existing = g_hash_table_lookup (by_title, key);

          if (existing != NULL && !g_hash_table_contains (claimed, existing))
            {
              row->update = existing;
              g_hash_table_add (claimed, existing);
            }
        }

      if (row->update != NULL)
        {
          Update *update = g_new0 (Update, 1);

          update->target = g_object_ref (row->update);
          update->given = row->given;
          g_hash_table_insert (self->updates, row->touchpoint, update);
          g_free (row->id);
          row->id = g_strdup (tps_object_get_id (TPS_OBJECT (row->update)));
        }
      else if (row->id == NULL)
        row->id = make_id (self, reserved, "t");
      tps_object_set_id (TPS_OBJECT (row->touchpoint), row->id);

      channel_id = resolve (self, tps_project_get_channels (project), self->new_channels,
                            reserved, "c", create_channel, row->channel, &is_new);
      tps_touchpoint_set_channel_id (row->touchpoint, channel_id);

      /* A new channel takes its kind from the first row that names it;
       * without one it is hybrid, the kind that assumes least.
       */
      if (is_new)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->new_channels));
          g_autoptr(TpsChannel) channel =
            g_list_model_get_item (G_LIST_MODEL (self->new_channels), n - 1);

          tps_channel_set_kind (channel, row->channel_kind >= 0 ? row->channel_kind
                                                                : TPS_CHANNEL_KIND_HYBRID);
        }

      for (guint p = 0; p < row->personas->len; p++)
        {
          const char *id = resolve (self, tps_project_get_personas (project),
                                    self->new_personas, reserved, "p", create_persona,
                                    g_ptr_array_index (row->personas, p), &is_new);

          if (!g_ptr_array_find_with_equal_func (persona_ids, id, g_str_equal, NULL))
            g_ptr_array_add (persona_ids, (gpointer) id);
        }
      g_ptr_array_add (persona_ids, NULL);
      tps_touchpoint_set_persona_ids (row->touchpoint,
                                      (const char * const *) persona_ids->pdata);

      for (guint r = 0; r < row->ratings->len; r++)
        {
          RowRating *rating = &g_array_index (row->ratings, RowRating, r);

          g_ptr_array_add (self->new_ratings, tps_comparator_rating_new (row->id, rating->value));
          g_ptr_array_add (self->rating_targets,
                           g_object_ref (g_ptr_array_index (self->comparator_targets,
                                                            rating->comparator_column)));
        }

      g_list_store_append (self->touchpoints, row->touchpoint);
    }

  g_clear_pointer (&self->project_ids, g_hash_table_unref);
  g_clear_pointer (&self->next_id, g_hash_table_unref);
  g_clear_pointer (&self->name_indexes, g_hash_table_unref);
}

static void
set_too_large (GError **error)
{
  g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_TOO_LARGE,
               _("The file is larger than %u MiB; this is not a touchpoint table."),
               TPS_CSV_MAX_SIZE / (1024 * 1024));
}

/**
 * tps_csv_import_parse:
 * @project: the project the rows are meant for; it is not changed
 * @data: the file's bytes
 *
 * Reads a CSV into a preview: the touchpoints it would create, the stages,
 * channels and personas that do not exist yet, and every problem with its
 * row and column. Problems with single rows are collected; only a file
 * that cannot be read as a table at all is a @error.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error set
 */
TpsCsvImport *
tps_csv_import_parse (TpsProject  *project,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(TpsCsvImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) unnamed = g_array_new (FALSE, FALSE, sizeof (Unnamed));
  g_autofree int *column_of_cell = NULL;
  g_autofree char *converted = NULL;
  const char *text;
  gsize text_length;
  Reader reader;
  Record *header, *record;
  guint n_header_cells;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (TPS_TYPE_CSV_IMPORT, NULL);
  self->project = g_object_ref (project);

  if (length > TPS_CSV_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  if (!decode_text (data, length, &text, &text_length, &converted, self->warnings, error))
    return NULL;

  self->separator = detect_separator (text, text + text_length);
  reader_init (&reader, text, text_length, self->separator);

  header = reader_next (&reader);
  if (header == NULL || record_is_blank (header))
    {
      g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_EMPTY,
                           _("The file has no header row; the first row must name the "
                             "columns, at least stage, channel and title."));
      reader_clear (&reader);
      return NULL;
    }

  column_of_cell = map_header (header, unnamed, self->comparator_columns, self->warnings,
                               error);
  if (column_of_cell == NULL)
    {
      reader_clear (&reader);
      return NULL;
    }
  n_header_cells = header->cells->len;
  for (guint i = 0; i < n_header_cells; i++)
    if (column_of_cell[i] >= 0)
      self->present |= COLUMN_BIT (column_of_cell[i]);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  while ((record = reader_next (&reader)) != NULL)
    {
      note_unnamed_content (unnamed, record);

      if (record->unterminated_cell < 0 && record_is_blank (record))
        continue;

      self->n_rows++;

      if (record->unterminated_cell >= 0)
        {
          int column = (guint) record->unterminated_cell < n_header_cells
                       ? column_of_cell[record->unterminated_cell] : -1;

          add_problem (self->errors, record->row,
                       column >= 0 && column < N_COLUMNS ? columns[column].key : NULL,
                       "%s", _("A quoted cell is not closed: its closing quotation mark "
                               "is missing, so the rest of the file was read into it."));
          continue;
        }

      if (record->cells->len != n_header_cells)
        {
          add_problem (self->errors, record->row, NULL,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "This row has %u cell, but the header names %u columns.",
                                    "This row has %u cells, but the header names %u columns.",
                                    record->cells->len),
                       record->cells->len, n_header_cells);
          continue;
        }

      g_ptr_array_add (rows, read_row (record, column_of_cell, self->comparator_columns,
                                       self->errors));
    }

  reader_clear (&reader);
  warn_unnamed (unnamed, self->warnings);

  build (self, rows);

  return g_steal_pointer (&self);
}

/* Returns: the separator found in the header row: ',', ';' or tab */
char
tps_csv_import_get_separator (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), ',');
  return self->separator;
}

/* Returns: the number of rows with content, valid or not */
guint
tps_csv_import_get_n_rows (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);
  return self->n_rows;
}

/* Returns: (transfer none): the TpsTouchpoints the valid rows create, in
 * file order; not part of any project until applied
 */
GListModel *
tps_csv_import_get_touchpoints (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->touchpoints);
}

/* Returns: (transfer none): the TpsStages that do not exist yet, in the
 * order the file first names them; they are appended after the project's
 */
GListModel *
tps_csv_import_get_new_stages (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_stages);
}

/* Returns: (transfer none): the TpsChannels to create, as for stages */
GListModel *
tps_csv_import_get_new_channels (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_channels);
}

/* Returns: (transfer none): the TpsPersonas to create, as for stages */
GListModel *
tps_csv_import_get_new_personas (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_personas);
}

/* Returns: (transfer none) (element-type TpsCsvProblem): the problems that
 * keep rows from being imported, in file order
 */
GPtrArray *
tps_csv_import_get_errors (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return self->errors;
}

/* Returns: (transfer none) (element-type TpsCsvProblem): things worth
 * knowing that do not stop the import: unknown columns, a guessed encoding
 */
GPtrArray *
tps_csv_import_get_warnings (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return self->warnings;
}

static guint
count_invalid_rows (TpsCsvImport *self)
{
  guint n = 0, last_row = 0;

  for (guint i = 0; i < self->errors->len; i++)
    {
      TpsCsvProblem *problem = g_ptr_array_index (self->errors, i);

      if (problem->row != last_row)
        n++;
      last_row = problem->row;
    }

  return n;
}

static gboolean
ids_still_free (GHashTable *ids,
                GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);

      if (g_hash_table_contains (ids, tps_object_get_id (object)))
        return FALSE;
    }

  return TRUE;
}

/* The new touchpoints' ids are still free, the updated ones still there. */
static gboolean
updates_still_fit (TpsCsvImport *self,
                   GHashTable   *ids)
{
  GListModel *touchpoints = G_LIST_MODEL (self->touchpoints);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      Update *update = g_hash_table_lookup (self->updates, touchpoint);
      TpsObject *found = g_hash_table_lookup (ids, tps_object_get_id (TPS_OBJECT (touchpoint)));

      if (update != NULL ? found != TPS_OBJECT (update->target) : found != NULL)
        return FALSE;
    }

  return TRUE;
}

/* The preview was made against the project as it was; if someone removed
 * a stage it refers to, or took one of its ids, applying it would break
 * the project. The project's ids are indexed once, so this stays linear.
 */
static gboolean
project_unchanged (TpsCsvImport *self)
{
  g_autoptr(GHashTable) ids = tps_project_index_ids (self->project);
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->existing_refs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (ids, id))
      return FALSE;

  if (!updates_still_fit (self, ids))
    return FALSE;

  return ids_still_free (ids, G_LIST_MODEL (self->new_stages))
         && ids_still_free (ids, G_LIST_MODEL (self->new_channels))
         && ids_still_free (ids, G_LIST_MODEL (self->new_personas))
         && ids_still_free (ids, G_LIST_MODEL (self->new_comparators));
}

static void
append_all (TpsHistory *history,
            GListModel *target,
            GListModel *items)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (history != NULL)
        tps_history_append (history, target, item);
      else
        g_list_store_append (G_LIST_STORE (target), item);
    }
}

/* The touchpoint property a data column sets; NULL for the id and the
 * channel's kind, which are not the touchpoint's.
 */
static const char *
column_property (Column column)
{
  switch (column)
    {
    case COL_STAGE:
      return "stage-id";
    case COL_CHANNEL:
      return "channel-id";
    case COL_PERSONAS:
      return "persona-ids";
    case COL_ID:
    case COL_CHANNEL_KIND:
      return NULL;
    default:
      return columns[column].kind == KIND_DATA ? columns[column].key : NULL;
    }
}

/* Sets what the row says on the project's touchpoint, column by column:
 * only the columns the file has, and of a rating, an enumeration or a
 * yes/no column only a cell that is not empty; text cells are taken as
 * they are, so emptying one clears it. Returns whether anything changed.
 */
static gboolean
update_touchpoint (TpsCsvImport  *self,
                   TpsHistory    *history,
                   TpsTouchpoint *source,
                   const Update  *update)
{
  gboolean changed = FALSE;

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      const char *property = column_property (column);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (property == NULL || (self->present & COLUMN_BIT (column)) == 0)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), property);
      if (pspec->value_type != G_TYPE_STRING && pspec->value_type != G_TYPE_STRV
          && (update->given & COLUMN_BIT (column)) == 0)
        continue;

      tps_compared_value_get (G_OBJECT (update->target), pspec, &old_value);
      tps_compared_value_get (G_OBJECT (source), pspec, &new_value);
      if (tps_property_values_equal (&old_value, &new_value))
        continue;

      if (history != NULL)
        tps_history_set_property (history, update->target, property, &new_value);
      else
        g_object_set_property (G_OBJECT (update->target), property, &new_value);
      changed = TRUE;
    }

  return changed;
}

static void
add_or_update (TpsCsvImport *self,
               TpsHistory   *history)
{
  GListModel *touchpoints = G_LIST_MODEL (self->touchpoints);
  GListModel *target = tps_project_get_touchpoints (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      Update *update = g_hash_table_lookup (self->updates, touchpoint);

      if (update != NULL)
        self->n_changed += update_touchpoint (self, history, touchpoint, update);
      else if (history != NULL)
        tps_history_append (history, target, touchpoint);
      else
        g_list_store_append (G_LIST_STORE (target), touchpoint);
    }
}

/**
 * tps_csv_import_is_update:
 * @touchpoint: one of tps_csv_import_get_touchpoints()
 *
 * Returns: whether the row updates a touchpoint of the project (found by
 *   its id, or without one by its title in its stage) rather than adds one
 */
gboolean
tps_csv_import_is_update (TpsCsvImport  *self,
                          TpsTouchpoint *touchpoint)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), FALSE);

  return g_hash_table_contains (self->updates, touchpoint);
}

/* Returns: how many valid rows update a touchpoint of the project */
guint
tps_csv_import_get_n_updates (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);

  return g_hash_table_size (self->updates);
}

/* Returns: after tps_csv_import_apply(), how many of the updated
 *   touchpoints really changed
 */
guint
tps_csv_import_get_n_changed (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);

  return self->n_changed;
}

/* A rating from a row: new at a touchpoint the comparator was not rated
 * at, else it replaces the value the comparator had there.
 */
static void
apply_rating (TpsHistory          *history,
              TpsComparator       *comparator,
              TpsComparatorRating *rating)
{
  GListModel *ratings = tps_comparator_get_ratings (comparator);
  TpsComparatorRating *existing =
    tps_comparator_find_rating (comparator, tps_comparator_rating_get_touchpoint_id (rating),
                                NULL);
  int value = tps_comparator_rating_get_value (rating);

  if (existing != NULL && tps_comparator_rating_get_value (existing) == value)
    return;
  if (existing != NULL && history != NULL)
    tps_history_set (history, existing, "value", value, NULL);
  else if (existing != NULL)
    tps_comparator_rating_set_value (existing, value);
  else if (history != NULL)
    tps_history_append (history, ratings, rating);
  else
    g_list_store_append (G_LIST_STORE (ratings), rating);
}

/**
 * tps_csv_import_apply:
 * @project: the project the preview was made for
 * @history: (nullable): records the import as one undoable step; %NULL
 *   changes @project without a record (for a project nobody sees yet)
 * @allow_partial: import the valid rows even though others have problems;
 *   the UI passes %TRUE only after the user agreed to leave those out
 *
 * Adds the new personas, stages and channels, then the touchpoints, and
 * updates the touchpoints that rows found by id or by title in their stage;
 * all or nothing.
 *
 * Returns: %TRUE when the rows were added; %FALSE with @error set when rows
 *   have problems and @allow_partial is %FALSE, or when the project changed
 *   since the preview so that it no longer fits
 */
gboolean
tps_csv_import_apply (TpsCsvImport  *self,
                      TpsProject    *project,
                      TpsHistory    *history,
                      gboolean       allow_partial,
                      GError       **error)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (project == self->project, FALSE);
  g_return_val_if_fail (history == NULL || TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (self->errors->len > 0 && !allow_partial)
    {
      guint n = count_invalid_rows (self);

      g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has problems; nothing was imported.",
                                "%u rows have problems; nothing was imported.", n), n);
      return FALSE;
    }

  if (!project_unchanged (self))
    {
      g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_PROJECT_CHANGED,
                           _("The project changed while the file was being checked; "
                             "nothing was imported. Import the file again."));
      return FALSE;
    }

  self->applied = TRUE;

  if (history != NULL)
    tps_history_begin_group (history, _("Import from CSV"));

  append_all (history, tps_project_get_personas (project), G_LIST_MODEL (self->new_personas));
  append_all (history, tps_project_get_stages (project), G_LIST_MODEL (self->new_stages));
  append_all (history, tps_project_get_channels (project), G_LIST_MODEL (self->new_channels));
  add_or_update (self, history);
  append_all (history, tps_project_get_comparators (project),
              G_LIST_MODEL (self->new_comparators));
  for (guint k = 0; k < self->new_ratings->len; k++)
    apply_rating (history, g_ptr_array_index (self->rating_targets, k),
                  g_ptr_array_index (self->new_ratings, k));

  if (history != NULL)
    tps_history_end_group (history);

  return TRUE;
}

/**
 * tps_csv_load_project:
 * @title: (nullable): the new project's title, usually the file's name
 * @warnings: (out) (optional) (transfer full) (element-type TpsCsvProblem):
 *   what was read with a caveat
 *
 * A new project made of a CSV's touchpoints, for `--export=OUT IN.csv`.
 * Unlike an import into an open project there is nobody to confirm a
 * partial result, so any problem in any row fails with the first one as
 * the message.
 *
 * Returns: (transfer full) (nullable): the project
 */
TpsProject *
tps_csv_load_project (const char  *data,
                      gsize        length,
                      const char  *title,
                      GPtrArray  **warnings,
                      GError     **error)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  tps_project_set_title (project, title);
  tps_project_set_created (project, timestamp);
  tps_project_set_modified (project, timestamp);

  import = tps_csv_import_parse (project, data, length, error);
  if (import == NULL)
    return NULL;

  if (import->errors->len > 0)
    {
      g_autofree char *first = tps_csv_problem_to_string (g_ptr_array_index (import->errors, 0));
      guint more = import->errors->len - 1;

      if (more == 0)
        g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS, first);
      else
        g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                  "%s (and %u more problems)", more),
                     first, more);
      return NULL;
    }

  if (!tps_csv_import_apply (import, project, NULL, FALSE, error))
    return NULL;

  if (warnings != NULL)
    *warnings = g_ptr_array_ref (import->warnings);

  return g_steal_pointer (&project);
}

/**
 * tps_csv_load_file:
 *
 * Reads a table file: only a regular file (a named pipe would hang the
 * reader), refused before reading when over %TPS_CSV_MAX_SIZE.
 */
gboolean
tps_csv_load_file (GFile   *file,
                   char   **contents,
                   gsize   *length,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (tps_file_load (file, TPS_CSV_MAX_SIZE, contents, length, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    set_too_large (error);
  else
    g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_IO,
                 _("The file could not be read: %s"), local_error->message);
  return FALSE;
}

/**
 * tps_csv_load_project_from_file:
 * @warnings: (out) (optional) (transfer full) (element-type TpsCsvProblem):
 *   what was read with a caveat
 *
 * Like tps_csv_load_project(), titled after the file's name without the
 * extension ("Kundenreise.csv" becomes "Kundenreise").
 *
 * Returns: (transfer full) (nullable): the project
 */
TpsProject *
tps_csv_load_project_from_file (GFile      *file,
                                GPtrArray **warnings,
                                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  char *dot;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!tps_csv_load_file (file, &contents, &length, error))
    return NULL;

  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return tps_csv_load_project (contents, length, basename, warnings, error);
}
