/* tps-project-io.h — reading and writing .touchpoints files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-file-io.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_PROJECT_ERROR (tps_project_error_quark ())

typedef enum {
  TPS_PROJECT_ERROR_IO,
  TPS_PROJECT_ERROR_TOO_LARGE,
  TPS_PROJECT_ERROR_NOT_WELL_FORMED,
  TPS_PROJECT_ERROR_ENCODING,
  TPS_PROJECT_ERROR_TRUNCATED,
  TPS_PROJECT_ERROR_DTD,
  TPS_PROJECT_ERROR_NOT_A_PROJECT,
  TPS_PROJECT_ERROR_NEWER_VERSION,
  TPS_PROJECT_ERROR_INVALID,
  TPS_PROJECT_ERROR_READ_ONLY,
} TpsProjectError;

#define TPS_PROJECT_FORMAT_VERSION 1
#define TPS_PROJECT_NAMESPACE      "urn:touchpoint-studio:project"
#define TPS_PROJECT_MAX_SIZE       (64 * 1024 * 1024)

GQuark      tps_project_error_quark    (void);

TpsProject *tps_project_load_from_data (const char    *data,
                                        gsize          length,
                                        GError       **error);
TpsProject *tps_project_load_from_file (GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
TpsProject *tps_project_load_from_file_full (GFile         *file,
                                             GCancellable  *cancellable,
                                             char         **fingerprint,
                                             GError       **error);
char       *tps_project_save_to_data   (TpsProject    *project,
                                        gsize         *length);
gboolean    tps_project_save_to_file   (TpsProject    *project,
                                        GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean    tps_project_save_to_file_full (TpsProject          *project,
                                           GFile               *file,
                                           TpsFileReplaceFlags  flags,
                                           GCancellable        *cancellable,
                                           GError             **error);
gboolean    tps_project_write_data     (GFile               *file,
                                        const char          *contents,
                                        gsize                length,
                                        TpsFileReplaceFlags  flags,
                                        GError             **error);

G_END_DECLS
