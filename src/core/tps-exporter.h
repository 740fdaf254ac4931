/* tps-exporter.h — the one table of what a project can be written as
 *
 * Each format is an entry: its file extension and MIME type, what the
 * Export dialog calls it, which groups of TpsExportOptions it reads and
 * the function that writes it. The command line picks an entry by the
 * output's extension, the Export dialog by the format the user chose; both
 * fill one TpsExportOptions and call the entry's writer, so a format is
 * added, or its writer changed, in this one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-csv.h"
#include "tps-map-layout.h"
#include "tps-page-layout.h"
#include "tps-project.h"
#include "tps-report.h"

G_BEGIN_DECLS

/* In the order the Export dialog lists them; the project file comes last,
 * the dialog leaves it to Save As.
 */
typedef enum {
  TPS_EXPORT_FORMAT_PDF_MAP,
  TPS_EXPORT_FORMAT_PDF_REPORT,
  TPS_EXPORT_FORMAT_PNG,
  TPS_EXPORT_FORMAT_SVG,
  TPS_EXPORT_FORMAT_CSV,
  TPS_EXPORT_FORMAT_PROJECT,
  TPS_N_EXPORT_FORMATS
} TpsExportFormat;

/* The groups of options a format reads; the command line refuses an
 * option where its group does not apply, and the dialog shows a group's
 * rows only for the formats that read it.
 */
typedef enum {
  TPS_EXPORT_USES_PAGE       = 1 << 0,  /* paper and orientation */
  TPS_EXPORT_USES_POSTER     = 1 << 1,  /* the map tiled over several pages */
  TPS_EXPORT_USES_REPORT     = 1 << 2,  /* the report's own options (since, progress) */
  TPS_EXPORT_USES_LANES      = 1 << 3,  /* the map's empty lanes shown or left out */
  TPS_EXPORT_USES_COMPARATOR = 1 << 4,  /* a comparator's curve on the map */
  TPS_EXPORT_USES_ZOOM       = 1 << 5,  /* the image's scale */
  TPS_EXPORT_USES_CSV        = 1 << 6,  /* separator, decimal mark, BOM, columns */
  TPS_EXPORT_USES_LABELS     = 1 << 7,  /* labels in the language the export runs in */
} TpsExportUses;

/* Everything any writer needs; each reads only its own groups. The lanes
 * and the comparator of every map drawn are @map's: the PDF map and the
 * report take them from there, whatever @page and @report say.
 * tps_export_options_init() gives every group its defaults.
 */
typedef struct
{
  TpsPageOptions      page;    /* the PDF map: paper, fit or poster */
  TpsReportOptions    report;  /* the PDF report */
  TpsMapLayoutOptions map;     /* every map: lanes, comparator */
  double              zoom;    /* the PNG: 1 is 96 dpi, one layout unit a pixel */
  TpsCsvOptions       csv;     /* the touchpoint table */
} TpsExportOptions;

typedef gboolean (*TpsExportWriteFunc) (TpsProject              *project,
                                        const TpsExportOptions  *options,
                                        GFile                   *file,
                                        GCancellable            *cancellable,
                                        GError                 **error);

typedef struct
{
  TpsExportFormat     format;
  const char         *extension;    /* without the dot, lowercase */
  const char         *mime_type;
  const char         *name;         /* untranslated (N_()): what it is, "Journey map" */
  const char         *file_type;    /* untranslated: the kind of file, "PDF document (.pdf)" */
  const char         *description;  /* untranslated: one line on what it is good for */
  TpsExportUses       uses;
  TpsExportWriteFunc  write;
} TpsExporter;

void               tps_export_options_init      (TpsExportOptions *options,
                                                 const char       *language);

const TpsExporter *tps_exporter_get             (TpsExportFormat   format);
const TpsExporter *tps_exporter_find            (const char       *filename,
                                                 TpsExportUses     uses);
char              *tps_exporter_list_extensions (TpsExportUses     uses);

G_END_DECLS
