/* tps-export-png.c
 *
 * Renders the whole map through the same renderer as the canvas onto an
 * image surface. @scale is image pixels per layout unit: 1 at 96 dpi, so
 * a caller wanting N dpi passes N / 96.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tps-export-png.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-map-layout.h"
#include "tps-map-renderer.h"

/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_SIDE 32767

G_DEFINE_QUARK (tps-export-png-error-quark, tps_export_png_error)

/**
 * tps_export_png:
 * @scale: pixels per layout unit (dpi / 96)
 * @dark: draw in the dark style
 *
 * Writes the journey map of @project to @file as a PNG. The file is
 * replaced only when the whole image was written.
 */
gboolean
tps_export_png (TpsProject    *project,
                const TpsMapLayoutOptions *map_options,
                GFile         *file,
                double         scale,
                gboolean       dark,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(TpsMapLayout) layout = NULL;
  g_autoptr(TpsFileWriter) writer = NULL;
  TpsMapRenderOptions options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = tps_map_layout_new_for_export (project, map_options);
  tps_map_layout_get_size (layout, &width, &height);
  pixel_width = (int) ceil (width * scale);
  pixel_height = (int) ceil (height * scale);

  if (pixel_width > MAX_SIDE || pixel_height > MAX_SIDE)
    {
      g_set_error (error, TPS_EXPORT_PNG_ERROR, TPS_EXPORT_PNG_ERROR_TOO_LARGE,
                   _("the image would be %d × %d pixels, more than %d a side; "
                     "use a lower resolution (at most %d dpi)"),
                   pixel_width, pixel_height, MAX_SIDE,
                   (int) floor (96.0 * MAX_SIDE / MAX (width, height)));
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPS_EXPORT_PNG_ERROR, TPS_EXPORT_PNG_ERROR_FAILED,
                   _("cannot create an image of %d × %d pixels: %s"),
                   pixel_width, pixel_height,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  tps_map_render_options_init (&options);
  options.print = TRUE;
  options.dark = dark;
  tps_map_render (cr, layout, scale, NULL, &options);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPS_EXPORT_PNG_ERROR, TPS_EXPORT_PNG_ERROR_FAILED,
                   _("drawing the map failed: %s"), cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  writer = tps_file_writer_new (file, TPS_FILE_REPLACE_NONE, error);
  if (writer == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  status = cairo_surface_write_to_png_stream (surface, tps_file_writer_cairo_write, writer);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (!tps_file_writer_take_error (writer, error))
        g_set_error (error, TPS_EXPORT_PNG_ERROR, TPS_EXPORT_PNG_ERROR_FAILED,
                     _("writing the image failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return tps_file_writer_commit (g_steal_pointer (&writer), error);
}
