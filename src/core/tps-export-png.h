/* tps-export-png.h — the journey map as a PNG image, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-map-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_EXPORT_PNG_ERROR (tps_export_png_error_quark ())

typedef enum {
  TPS_EXPORT_PNG_ERROR_TOO_LARGE,
  TPS_EXPORT_PNG_ERROR_FAILED,
} TpsExportPngError;

GQuark   tps_export_png_error_quark (void);

gboolean tps_export_png             (TpsProject    *project,
                                     const TpsMapLayoutOptions *map_options,
                                     GFile         *file,
                                     double         scale,
                                     gboolean       dark,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
