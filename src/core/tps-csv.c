/* tps-csv.c — the CSV format: columns, cells, records, values
 *
 * What the export (tps-csv-export.c) and the import (tps-csv-import.c,
 * TpsCsvImport) share: the columns and their keys, the options, the
 * problems, the formula guard, decoding and reading records and parsing
 * values.
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
#include "tps-csv-private.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"

/* The columns that are not the touchpoint's attributes, and where each goes
 * among them: at the start (@after NULL), after the attribute @after, or at
 * the end (@after "").
 */
static const struct
{
  ColumnContent content;
  const char *key;
  ColumnKind kind;
  const char *after;
} other_columns[] = {
  { COL_ID, "id", KIND_DATA, NULL },
  { COL_STAGE, "stage", KIND_DATA, NULL },
  { COL_CHANNEL, "channel", KIND_DATA, NULL },
  { COL_CHANNEL_KIND, "channel-kind", KIND_DATA, NULL },
  { COL_PERSONAS, "personas", KIND_DATA, "description" },
  { COL_GAP, "gap", KIND_DERIVED, "target" },
  { COL_PRIORITY, "priority", KIND_DERIVED, "importance" },
  { COL_SYSTEMS, "systems", KIND_DATA, "owner" },
  { COL_MEASURES, "measures", KIND_MONITORING, "" },
  { COL_KPI_DATE, "kpi-date", KIND_MONITORING, "" },
  { COL_KPI_METRIC, "kpi-metric", KIND_MONITORING, "" },
  { COL_KPI_VALUE, "kpi-value", KIND_MONITORING, "" },
  { COL_KPI_BASELINE, "kpi-baseline", KIND_MONITORING, "" },
};

static void
add_other_columns (GArray     *columns,
                   const char *after)
{
  for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
    {
      TpsCsvColumn column = {
        other_columns[i].key, other_columns[i].kind, other_columns[i].content, NULL
      };

      if (g_strcmp0 (other_columns[i].after, after) == 0)
        g_array_append_val (columns, column);
    }
}

/**
 * tps_csv_get_columns:
 * @n_columns: (out): how many there are
 *
 * The columns of the export, in its order: the touchpoint's attributes in
 * the order of their table, with its place, lists and derived values among
 * them and the monitoring at the end.
 *
 * Returns: (array length=n_columns) (transfer none): the columns
 */
const TpsCsvColumn *
tps_csv_get_columns (guint *n_columns)
{
  static GArray *columns;

  if (g_once_init_enter (&columns))
    {
      GArray *built = g_array_new (FALSE, FALSE, sizeof (TpsCsvColumn));
      const TpsTouchpointAttribute *attribute;

      add_other_columns (built, NULL);
      for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)) != NULL; i++)
        {
          TpsCsvColumn column = { attribute->name, KIND_DATA, COL_ATTRIBUTE, attribute };

          g_array_append_val (built, column);
          add_other_columns (built, attribute->name);
        }
      add_other_columns (built, "");

      /* Columns are bits in a guint64 (see tps-csv-import.c). */
      g_assert (built->len <= MAX_COLUMNS);
      g_once_init_leave (&columns, built);
    }

  *n_columns = columns->len;
  return (const TpsCsvColumn *) columns->data;
}

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

void G_GNUC_PRINTF (4, 5)
tps_csv_add_problem (GPtrArray  *problems,
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
gboolean
tps_csv_language_is_german (const char *language)
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
  return tps_csv_language_is_german (language) ? ';' : ',';
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
  options->decimal_comma = tps_csv_language_is_german (language);
  options->monitoring = TRUE;
  options->raw_formulas = FALSE;
}

/* --- formula guard and keys ------------------------------------------------ */

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
gboolean
tps_csv_needs_formula_guard (const char *text)
{
  if (*text == '\'')
    return tps_csv_needs_formula_guard (text + 1);

  return strchr ("=+-@\t\r", *text) != NULL && *text != '\0' && !is_plain_number (text);
}

/* Returns: (transfer none): @cell without the "'" export put before it */
const char *
tps_csv_remove_formula_guard (const char *cell)
{
  return cell[0] == '\'' && tps_csv_needs_formula_guard (cell + 1) ? cell + 1 : cell;
}

/* For matching names and labels: case, and composed or decomposed umlauts
 * (macOS writes the latter), do not matter.
 */
char *
tps_csv_match_key (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normalized ? normalized : text, -1);
}

char *
tps_csv_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  return tps_csv_match_key (trimmed);
}

/* --- reading: text and records ----------------------------------------- */

/* The text as UTF-8 without a byte order mark. Excel writes "CSV UTF-8"
 * with a BOM, "Unicode text" as UTF-16 and plain "CSV" in the Windows code
 * page; all three are read. UTF-8 is not copied: @text then points into
 * @data and @converted is %NULL.
 *
 * Returns: whether the text could be decoded
 */
gboolean
tps_csv_decode_text (const char   *data,
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
        tps_csv_add_problem (warnings, 0, NULL, "%s",
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


/* The separator is the one of ',', ';' and tab that occurs most often in
 * the header row outside quotes; a header of one column gives ','.
 */
char
tps_csv_detect_separator (const char *text,
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


void
tps_csv_reader_init (Reader     *reader,
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

void
tps_csv_reader_clear (Reader *reader)
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
Record *
tps_csv_reader_next (Reader *reader)
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

gboolean
tps_csv_record_is_blank (Record *record)
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
char *
tps_csv_normalize_key (const char *header)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (header));
  char *key = g_ascii_strdown (trimmed, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';

  return key;
}

/* --- reading: values ---------------------------------------------------- */

char *
tps_csv_stripped (const char *cell)
{
  return g_strstrip (g_strdup (cell));
}

gboolean
tps_csv_parse_int (const char *cell,
                   int         min,
                   int         max,
                   int        *value)
{
  g_autofree char *text = tps_csv_stripped (cell);
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

gboolean
tps_csv_parse_boolean (const char *cell,
                       gboolean   *value)
{
  static const char * const yes[] = { "true", "yes", "ja", "1", "wahr", "y", "j", "x" };
  static const char * const no[] = { "false", "no", "nein", "0", "falsch", "n" };
  g_autofree char *text = tps_csv_stripped (cell);
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
gboolean
tps_csv_parse_enum (GType       type,
                    const char *cell,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *text = tps_csv_stripped (cell);
  g_autofree char *key = tps_csv_match_key (text);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *v = &klass->values[i];
      const char *candidates[] = {
        v->value_nick, v->value_name, g_dgettext (GETTEXT_PACKAGE, v->value_name),
      };

      for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          g_autofree char *candidate = tps_csv_match_key (candidates[j]);

          if (strcmp (key, candidate) == 0)
            {
              *value = v->value;
              return TRUE;
            }
        }
    }

  return FALSE;
}

char *
tps_csv_enum_words (GType type)
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
GPtrArray *
tps_csv_split_list (const char *cell)
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
