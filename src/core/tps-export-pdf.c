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
#include <glib/gi18n-lib.h>

#include "tps-export-pdf.h"
#include "tps-map-pages.h"

G_DEFINE_QUARK (tps-export-error-quark, tps_export_error)

struct _TpsPdfWriter
{
  GFileOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
  cairo_surface_t *surface;
};

static cairo_status_t
write_chunk (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  TpsPdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (writer->stream), data, length, NULL,
                                  writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
writer_free (TpsPdfWriter *writer)
{
  g_clear_pointer (&writer->surface, cairo_surface_destroy);
  g_clear_object (&writer->stream);
  g_clear_object (&writer->cancellable);
  g_clear_error (&writer->error);
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
  GFileOutputStream *stream;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* g_file_replace() writes beside the target and renames on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return NULL;

  writer = g_new0 (TpsPdfWriter, 1);
  writer->stream = stream;
  writer->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  writer->surface = cairo_pdf_surface_create_for_stream (write_chunk, writer, width, height);
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

/* Drops the temporary file: closing with a cancelled cancellable keeps the
 * previous file instead of putting an incomplete one in its place.
 */
static void
discard (TpsPdfWriter *writer)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (writer->stream), abort, NULL);
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

  if (writer->error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      if (writer->error != NULL)
        g_propagate_error (error, g_steal_pointer (&writer->error));
      else
        g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                     _("writing the PDF failed: %s"), cairo_status_to_string (status));
      discard (writer);
      writer_free (writer);
      return FALSE;
    }

  ok = g_output_stream_close (G_OUTPUT_STREAM (writer->stream), writer->cancellable, error);
  writer_free (writer);
  return ok;
}

/* Gives up: the target file is left as it was. Frees @writer. */
void
tps_pdf_writer_abort (TpsPdfWriter *writer)
{
  /* Finishing flushes into the stream, which is then thrown away. */
  cairo_surface_finish (writer->surface);
  discard (writer);
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

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                   _("drawing the map failed: %s"), cairo_status_to_string (status));
      tps_pdf_writer_abort (writer);
      return FALSE;
    }

  return tps_pdf_writer_finish (writer, error);
}
