/* tps-csv.h — touchpoints as CSV, for the teams that live in spreadsheets
 *
 * One touchpoint a row, in journey order, under a header of stable English
 * column keys ("id", "stage", "channel", "title", …) so that a file written
 * in one UI language reads back in any other. Enumerations are written as
 * their file-format words ("painpoint"); the reader also accepts the English
 * and the translated labels ("Moment of truth", "Painpoint").
 *
 * Lists (personas, systems) are joined with " | ": the pipe is neither of the
 * two cell separators, so a list never needs quoting because of its joiner.
 * A pipe inside a name is doubled ("A||B" is the one name "A|B").
 *
 * Columns that are derived — gap, priority, the number of linked measures and
 * the latest KPI — are written for reading only and ignored on import. The
 * latter two depend on measures and measurements, which the CSV does not
 * carry, so export → import → export reproduces the file byte for byte only
 * where the project imported into has the same measures; without the
 * monitoring columns it always does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_CSV_ERROR (tps_csv_error_quark ())

typedef enum {
  TPS_CSV_ERROR_IO,               /* the file could not be read */
  TPS_CSV_ERROR_TOO_LARGE,        /* larger than TPS_CSV_MAX_SIZE */
  TPS_CSV_ERROR_ENCODING,         /* neither UTF-8, UTF-16 nor Windows-1252 text */
  TPS_CSV_ERROR_EMPTY,            /* no header row */
  TPS_CSV_ERROR_MISSING_COLUMN,   /* a required column (stage, channel, title) is missing */
  TPS_CSV_ERROR_DUPLICATE_COLUMN, /* the header names a column twice */
  TPS_CSV_ERROR_INVALID_ROWS,     /* rows have problems and partial import was not allowed */
  TPS_CSV_ERROR_PROJECT_CHANGED,  /* the project changed between parse and apply */
} TpsCsvError;

#define TPS_CSV_MAX_SIZE (64 * 1024 * 1024)

/* The list joiner of the personas and systems cells. */
#define TPS_CSV_LIST_SEPARATOR " | "

typedef struct
{
  char     separator;      /* ',' or ';' */
  gboolean bom;            /* start with a UTF-8 byte order mark, for spreadsheet programs */
  gboolean decimal_comma;  /* write decimals as 3,5 rather than 3.5 */
  gboolean monitoring;     /* add the measures count and the latest KPI columns */
  gboolean raw_formulas;   /* write cells that look like formulas as they are (trusted
                            * pipelines only); by default they get a leading “'” */
} TpsCsvOptions;

/* One problem found while reading: @row counts like a spreadsheet program
 * (the header is row 1, a cell with line breaks stays one row); 0 means the
 * file as a whole. @column is the header key, or %NULL for the whole row.
 */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} TpsCsvProblem;

GQuark         tps_csv_error_quark          (void);

char           tps_csv_default_separator    (const char           *language);
void           tps_csv_options_init         (TpsCsvOptions        *options,
                                             const char           *language);

char          *tps_csv_export               (TpsProject           *project,
                                             const TpsCsvOptions  *options,
                                             gsize                *length);
gboolean       tps_csv_export_to_file       (TpsProject           *project,
                                             const TpsCsvOptions  *options,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GError              **error);

void           tps_csv_problem_free         (TpsCsvProblem        *problem);
char          *tps_csv_problem_to_string    (const TpsCsvProblem  *problem);

#define TPS_TYPE_CSV_IMPORT (tps_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (TpsCsvImport, tps_csv_import, TPS, CSV_IMPORT, GObject)

TpsCsvImport  *tps_csv_import_parse         (TpsProject           *project,
                                             const char           *data,
                                             gsize                 length,
                                             GError              **error);

char           tps_csv_import_get_separator (TpsCsvImport         *self);
guint          tps_csv_import_get_n_rows    (TpsCsvImport         *self);
GListModel    *tps_csv_import_get_touchpoints (TpsCsvImport       *self);
GListModel    *tps_csv_import_get_new_stages (TpsCsvImport        *self);
GListModel    *tps_csv_import_get_new_channels (TpsCsvImport      *self);
GListModel    *tps_csv_import_get_new_personas (TpsCsvImport      *self);
GPtrArray     *tps_csv_import_get_errors    (TpsCsvImport         *self);
GPtrArray     *tps_csv_import_get_warnings  (TpsCsvImport         *self);
gboolean       tps_csv_import_is_update     (TpsCsvImport         *self,
                                             TpsTouchpoint        *touchpoint);
guint          tps_csv_import_get_n_updates (TpsCsvImport         *self);
guint          tps_csv_import_get_n_changed (TpsCsvImport         *self);

gboolean       tps_csv_import_apply         (TpsCsvImport         *self,
                                             TpsProject           *project,
                                             TpsHistory           *history,
                                             gboolean              allow_partial,
                                             GError              **error);

gboolean       tps_csv_load_file            (GFile                *file,
                                             char                **contents,
                                             gsize                *length,
                                             GError              **error);
TpsProject    *tps_csv_load_project         (const char           *data,
                                             gsize                 length,
                                             const char           *title,
                                             GPtrArray           **warnings,
                                             GError              **error);
TpsProject    *tps_csv_load_project_from_file (GFile              *file,
                                             GPtrArray           **warnings,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsCsvProblem, tps_csv_problem_free)

G_END_DECLS
