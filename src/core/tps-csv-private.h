/* tps-csv-private.h — what the CSV format, export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tps-csv.h"
#include "tps-touchpoint.h"

G_BEGIN_DECLS

#define UTF8_BOM "\xEF\xBB\xBF"

/* What a column holds. The touchpoint's own attributes (see the table in
 * tps-touchpoint.c) are COL_ATTRIBUTE columns named like the attribute;
 * the others are its place, its lists, what is derived from it and what
 * monitoring says about it.
 */
typedef enum {
  COL_ID,
  COL_STAGE,
  COL_CHANNEL,
  COL_CHANNEL_KIND,
  COL_PERSONAS,
  COL_GAP,
  COL_PRIORITY,
  COL_SYSTEMS,
  COL_MEASURES,
  COL_KPI_DATE,
  COL_KPI_METRIC,
  COL_KPI_VALUE,
  COL_KPI_BASELINE,
  COL_ATTRIBUTE,
} ColumnContent;

typedef enum {
  KIND_DATA,        /* written and read back */
  KIND_DERIVED,     /* written from the row's own data, ignored on import */
  KIND_MONITORING,  /* written from measures and measurements, ignored on import */
} ColumnKind;

typedef struct
{
  const char *key;
  ColumnKind kind;
  ColumnContent content;
  const TpsTouchpointAttribute *attribute;  /* of a COL_ATTRIBUTE column */
} TpsCsvColumn;

/* A column is its index in tps_csv_get_columns(): the order of the export.
 * The header keys are the file format's names, stable across UI languages.
 */
typedef guint Column;

#define MAX_COLUMNS 64

const TpsCsvColumn *tps_csv_get_columns (guint *n_columns);

/* Comparator columns are named "comparator:NAME". */
#define COMPARATOR_PREFIX "comparator:"

typedef struct
{
  guint row;              /* as a spreadsheet program counts, the header is 1 */
  GPtrArray *cells;       /* char * */
  int unterminated_cell;  /* the cell whose quote is never closed, or -1 */
} Record;

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

void        tps_csv_add_problem (GPtrArray *problems,
                                 guint row,
                                 const char *column,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (4, 5);
gboolean    tps_csv_needs_formula_guard (const char *text);
const char *tps_csv_remove_formula_guard (const char *cell);
char *      tps_csv_match_key (const char *text);
char *      tps_csv_name_key (const char *name);
gboolean    tps_csv_decode_text (const char *data,
                                 gsize length,
                                 const char **text,
                                 gsize *text_length,
                                 char **converted,
                                 GPtrArray *warnings,
                                 GError **error);
char        tps_csv_detect_separator (const char *text,
                                      const char *end);
void        tps_csv_reader_init (Reader *reader,
                                 const char *text,
                                 gsize length,
                                 char separator);
void        tps_csv_reader_clear (Reader *reader);
Record *    tps_csv_reader_next (Reader *reader);
gboolean    tps_csv_record_is_blank (Record *record);
char *      tps_csv_normalize_key (const char *header);
char *      tps_csv_stripped (const char *cell);
gboolean    tps_csv_parse_int (const char *cell,
                               int min,
                               int max,
                               int *value);
gboolean    tps_csv_parse_boolean (const char *cell,
                                   gboolean *value);
gboolean    tps_csv_parse_enum (GType type,
                                const char *cell,
                                int *value);
char *      tps_csv_enum_words (GType type);
GPtrArray * tps_csv_split_list (const char *cell);
gboolean    tps_csv_language_is_german (const char *language);

G_END_DECLS
