/* tps-export-pdf.c
 *
 * cairo's PDF surface keeps everything the renderer draws as vectors and
 * embeds the fonts as subsets; pango hands it the text with each glyph run,
 * so the PDF stays searchable and copyable (pdftotext finds every title).
 * Each page is drawn by TpsMapPages, the same code the print dialog uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "tps-export-pdf.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-map-pages.h"

G_DEFINE_QUARK (tps-export-error-quark, tps_export_error)

struct _TpsPdfWriter
{
  TpsFileWriter *file;
  cairo_surface_t *surface;
  GCancellable *cancellable;
};

static void
writer_free (TpsPdfWriter *writer)
{
  g_clear_pointer (&writer->surface, cairo_surface_destroy);
  g_clear_pointer (&writer->file, tps_file_writer_abort);
  g_clear_object (&writer->cancellable);
  g_free (writer);
}

/**
 * tps_pdf_writer_new:
 * @width: the first page's size in points; tps_pdf_writer_get_surface()
 *   and cairo_pdf_surface_set_size() change it for later pages
 *
 * Opens @file for replacing: the old file stays in place until
 * tps_pdf_writer_finish() succeeds.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
TpsPdfWriter *
tps_pdf_writer_new (GFile         *file,
                    double         width,
                    double         height,
                    GCancellable  *cancellable,
                    GError       **error)
{
  TpsPdfWriter *writer;
  TpsFileWriter *file_writer;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  file_writer = tps_file_writer_new (file, TPS_FILE_REPLACE_NONE, error);
  if (file_writer == NULL)
    return NULL;

  writer = g_new0 (TpsPdfWriter, 1);
  writer->file = file_writer;
  if (cancellable != NULL)
    writer->cancellable = g_object_ref (cancellable);
  writer->surface = cairo_pdf_surface_create_for_stream (tps_file_writer_cairo_write,
                                                         file_writer, width, height);
  cairo_pdf_surface_restrict_to_version (writer->surface, CAIRO_PDF_VERSION_1_5);

  return writer;
}

/* Returns: (transfer none): the PDF surface to draw on */
cairo_surface_t *
tps_pdf_writer_get_surface (TpsPdfWriter *writer)
{
  return writer->surface;
}

/* The document properties a PDF viewer shows: the project's title, its
 * organisation as the author, and what the document is.
 */
void
tps_pdf_writer_set_metadata (TpsPdfWriter *writer,
                             TpsProject   *project,
                             const char   *subject)
{
  g_autoptr(GDateTime) now = tps_page_now ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  const char *title = tps_project_get_title (project);
  const char *organisation = tps_project_get_organisation (project);

  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (organisation != NULL && *organisation != '\0')
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_AUTHOR, organisation);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint Studio " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/**
 * tps_pdf_writer_finish:
 *
 * Completes the document and puts it in place. Frees @writer.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tps_pdf_writer_finish (TpsPdfWriter  *writer,
                       GError       **error)
{
  cairo_status_t status;
  gboolean ok;

  cairo_surface_finish (writer->surface);
  status = cairo_surface_status (writer->surface);

  /* A cancelled export leaves the target as it was, even when the last
   * page was drawn already.
   */
  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    {
      writer_free (writer);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* A failed write says why itself ("No space left on device"). */
      if (!tps_file_writer_take_error (writer->file, error))
        g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                     _("writing the PDF failed: %s"), cairo_status_to_string (status));
      writer_free (writer);
      return FALSE;
    }

  ok = tps_file_writer_commit (g_steal_pointer (&writer->file), error);
  writer_free (writer);
  return ok;
}

/* Gives up: the target file is left as it was. Frees @writer. */
void
tps_pdf_writer_abort (TpsPdfWriter *writer)
{
  writer_free (writer);
}

/**
 * tps_export_pdf:
 * @options: paper, margins, fit or poster; see tps_page_options_init()
 *
 * Writes the journey map of @project to @file as a vector PDF: one page
 * with the whole map, or a poster's overview page and its tiles. The file
 * is replaced only when the whole document was written.
 */
gboolean
tps_export_pdf (TpsProject           *project,
                const TpsPageOptions *options,
                GFile                *file,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(TpsMapPages) pages = NULL;
  const TpsPageLayout *layout;
  TpsPdfWriter *writer;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pages = tps_map_pages_new (project, options, error);
  if (pages == NULL)
    return FALSE;
  layout = tps_map_pages_get_page_layout (pages);

  writer = tps_pdf_writer_new (file, options->paper_width, options->paper_height,
                               cancellable, error);
  if (writer == NULL)
    return FALSE;

  tps_pdf_writer_set_metadata (writer, project, _("Customer journey map"));
  cr = cairo_create (tps_pdf_writer_get_surface (writer));

  for (guint i = 0; i < tps_map_pages_get_n_pages (pages); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          tps_pdf_writer_abort (writer);
          return FALSE;
        }

      tps_map_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }

  /* A poster's bookmarks name each sheet, so a print shop can find "C2". */
  if (layout->options.mode == TPS_PAGE_MODE_POSTER)
    for (guint i = 0; i < layout->n_pages; i++)
      {
        g_autofree char *link = g_strdup_printf ("page=%u", i + 1);
        g_autofree char *name = NULL;
        TpsPage page;

        tps_page_layout_get_page (layout, i, &page);
        if (page.kind == TPS_PAGE_KIND_OVERVIEW)
          name = g_strdup (_("Assembly overview"));
        else
          {
            g_autofree char *label = tps_page_tile_label (page.row, page.column);

            /* Translators: a bookmark in a poster PDF; %s is the sheet's label, "B2" */
            name = g_strdup_printf (_("Sheet %s"), label);
          }
        cairo_pdf_surface_add_outline (tps_pdf_writer_get_surface (writer),
                                       CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
      }

  status = cairo_status (cr);
  cairo_destroy (cr);

  /* A failed write is reported by tps_pdf_writer_finish(), with its reason. */
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                   _("drawing the map failed: %s"), cairo_status_to_string (status));
      tps_pdf_writer_abort (writer);
      return FALSE;
    }

  return tps_pdf_writer_finish (writer, error);
}
