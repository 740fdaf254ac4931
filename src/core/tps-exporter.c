/* tps-exporter.c — the one table of what a project can be written as
 *
 * The writers here only adapt the table's one signature to the functions
 * that do the work (tps-export-pdf, tps-report, tps-export-png,
 * tps-export-svg, tps-csv-export, tps-project-io).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-exporter.h"
#include "tps-export-pdf.h"
#include "tps-export-png.h"
#include "tps-export-svg.h"
#include "tps-i18n-private.h"
#include "tps-project-io.h"

/* The lanes and the comparator are @map's for every map (see the header),
 * so that the two callers set them once, not per format.
 */
static gboolean
write_pdf_map (TpsProject              *project,
               const TpsExportOptions  *options,
               GFile                   *file,
               GCancellable            *cancellable,
               GError                 **error)
{
  TpsPageOptions page = options->page;

  page.hide_empty_lanes = options->map.hide_empty_lanes;
  page.comparator_id = options->map.comparator_id;
  return tps_export_pdf (project, &page, file, cancellable, error);
}

static gboolean
write_pdf_report (TpsProject              *project,
                  const TpsExportOptions  *options,
                  GFile                   *file,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  TpsReportOptions report = options->report;

  report.hide_empty_lanes = options->map.hide_empty_lanes;
  return tps_report_export_pdf (project, &report, file, cancellable, error);
}

static gboolean
write_png (TpsProject              *project,
           const TpsExportOptions  *options,
           GFile                   *file,
           GCancellable            *cancellable,
           GError                 **error)
{
  return tps_export_png (project, &options->map, file, options->zoom, FALSE, cancellable,
                         error);
}

static gboolean
write_svg (TpsProject              *project,
           const TpsExportOptions  *options,
           GFile                   *file,
           GCancellable            *cancellable,
           GError                 **error)
{
  return tps_export_svg (project, &options->map, file, cancellable, error);
}

static gboolean
write_csv (TpsProject              *project,
           const TpsExportOptions  *options,
           GFile                   *file,
           GCancellable            *cancellable,
           GError                 **error)
{
  return tps_csv_export_to_file (project, &options->csv, file, cancellable, error);
}

static gboolean
write_project (TpsProject              *project,
               const TpsExportOptions  *options,
               GFile                   *file,
               GCancellable            *cancellable,
               GError                 **error)
{
  return tps_project_save_to_file (project, file, cancellable, error);
}

#define USES_MAP (TPS_EXPORT_USES_LANES | TPS_EXPORT_USES_COMPARATOR | TPS_EXPORT_USES_LABELS)

/* Two entries share .pdf: the extension finds the map, --report (the
 * report's group) the report.
 */
static const TpsExporter exporters[TPS_N_EXPORT_FORMATS] = {
  [TPS_EXPORT_FORMAT_PDF_MAP] = {
    TPS_EXPORT_FORMAT_PDF_MAP, "pdf", "application/pdf",
    N_("Journey map"), N_("PDF document (.pdf)"),
    N_("Vector, sharp at any size: one page, or a poster over several"),
    TPS_EXPORT_USES_PAGE | TPS_EXPORT_USES_POSTER | USES_MAP,
    write_pdf_map,
  },
  [TPS_EXPORT_FORMAT_PDF_REPORT] = {
    TPS_EXPORT_FORMAT_PDF_REPORT, "pdf", "application/pdf",
    N_("CTM report"), N_("PDF document (.pdf)"),
    N_("Cover, map, touchpoints, moments, measures plan and analysis, for management"),
    TPS_EXPORT_USES_PAGE | TPS_EXPORT_USES_REPORT | TPS_EXPORT_USES_LANES
    | TPS_EXPORT_USES_LABELS,
    write_pdf_report,
  },
  [TPS_EXPORT_FORMAT_PNG] = {
    TPS_EXPORT_FORMAT_PNG, "png", "image/png",
    N_("Journey map image"), N_("PNG picture (.png)"),
    N_("A picture of the map for slides and documents"),
    TPS_EXPORT_USES_ZOOM | USES_MAP,
    write_png,
  },
  [TPS_EXPORT_FORMAT_SVG] = {
    TPS_EXPORT_FORMAT_SVG, "svg", "image/svg+xml",
    N_("Journey map drawing"), N_("SVG drawing (.svg)"),
    N_("An editable drawing of the map whose text stays text"),
    USES_MAP,
    write_svg,
  },
  [TPS_EXPORT_FORMAT_CSV] = {
    TPS_EXPORT_FORMAT_CSV, "csv", "text/csv",
    N_("Touchpoint table"), N_("CSV table for spreadsheets (.csv)"),
    N_("One touchpoint a row, for spreadsheet programs; it imports back"),
    TPS_EXPORT_USES_CSV,
    write_csv,
  },
  [TPS_EXPORT_FORMAT_PROJECT] = {
    TPS_EXPORT_FORMAT_PROJECT, "touchpoints", "application/x-touchpoints+xml",
    N_("Project"), N_("Touchpoint Studio project (.touchpoints)"),
    N_("The whole project, for Touchpoint Studio and for keeping in git"),
    0,
    write_project,
  },
};

/**
 * tps_export_options_init:
 * @language: (nullable): the language whose conventions the CSV follows
 *
 * Gives every group of @options its defaults: the map on one A4 page in
 * portrait, the report on A4, the lanes in use only, no comparator, an
 * image at 96 dpi and the table as spreadsheet programs in @language
 * expect it.
 */
void
tps_export_options_init (TpsExportOptions *options,
                         const char       *language)
{
  g_return_if_fail (options != NULL);

  tps_page_options_init (&options->page, TPS_PAPER_A4, FALSE);
  tps_report_options_init (&options->report);
  tps_map_layout_options_init_print (&options->map);
  options->zoom = 1.0;
  tps_csv_options_init (&options->csv, language);
}

/**
 * tps_exporter_get:
 *
 * Returns: (transfer none): the table's entry for @format
 */
const TpsExporter *
tps_exporter_get (TpsExportFormat format)
{
  g_return_val_if_fail (format < TPS_N_EXPORT_FORMATS, NULL);

  return &exporters[format];
}

static gboolean
has_extension (const char *filename,
               const char *extension)
{
  gsize length = strlen (filename);
  gsize extension_length = strlen (extension);

  return length > extension_length
         && filename[length - extension_length - 1] == '.'
         && g_ascii_strcasecmp (filename + length - extension_length, extension) == 0;
}

/**
 * tps_exporter_find:
 * @filename: a file name or path
 * @uses: groups of options the exporter must read; 0 for any
 *
 * Finds the first entry whose extension ends @filename, in any case
 * ("map.PDF" too), among those that read all of @uses: the PDF map for
 * "map.pdf", the report for "map.pdf" with %TPS_EXPORT_USES_REPORT.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL
 */
const TpsExporter *
tps_exporter_find (const char    *filename,
                   TpsExportUses  uses)
{
  g_return_val_if_fail (filename != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if ((exporters[i].uses & uses) == uses && has_extension (filename, exporters[i].extension))
      return &exporters[i];

  return NULL;
}

static int
compare_names (const char **a,
               const char **b)
{
  return strcmp (*a, *b);
}

/**
 * tps_exporter_list_extensions:
 * @uses: groups of options the exporters must read; 0 for all of them
 *
 * Returns: (transfer full): the extensions of the entries that read all of
 *   @uses, each once, in alphabetical order and in words for a message:
 *   ".pdf, .png and .svg"
 */
char *
tps_exporter_list_extensions (TpsExportUses uses)
{
  g_autoptr(GPtrArray) extensions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) head = NULL;
  const char *last;

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      char *extension = g_strconcat (".", exporters[i].extension, NULL);

      if ((exporters[i].uses & uses) == uses
          && !g_ptr_array_find_with_equal_func (extensions, extension, g_str_equal, NULL))
        g_ptr_array_add (extensions, extension);
      else
        g_free (extension);
    }

  if (extensions->len == 0)
    return g_strdup ("");

  g_ptr_array_sort (extensions, (GCompareFunc) compare_names);
  last = g_ptr_array_index (extensions, extensions->len - 1);
  if (extensions->len == 1)
    return g_strdup (last);

  head = g_string_new (g_ptr_array_index (extensions, 0));
  for (guint i = 1; i + 1 < extensions->len; i++)
    g_string_append_printf (head, ", %s", (const char *) g_ptr_array_index (extensions, i));

  /* Translators: the last two items of a list, ".pdf, .png and .svg" */
  return g_strdup_printf (_("%s and %s"), head->str, last);
}
