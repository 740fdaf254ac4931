/* tps-file-io.h — opening only regular files, replacing files atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int      tps_file_open_regular (GFile         *file,
                                goffset       *size,
                                GError       **error);
gboolean tps_file_load         (GFile         *file,
                                gsize          max_size,
                                char         **contents,
                                gsize         *length,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
