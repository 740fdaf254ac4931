/* tps-export-svg.h — the journey map as SVG with real text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-map-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

char     *tps_export_svg_to_data (TpsProject    *project,
                                  const TpsMapLayoutOptions *map_options,
                                  gsize         *length,
                                  GError       **error);
gboolean  tps_export_svg         (TpsProject    *project,
                                  const TpsMapLayoutOptions *map_options,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
