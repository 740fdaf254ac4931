/* tps-document.h — a project as a document: file, history, saving, recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-file-io.h"
#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_DOCUMENT (tps_document_get_type ())
G_DECLARE_FINAL_TYPE (TpsDocument, tps_document, TPS, DOCUMENT, GObject)

TpsDocument *tps_document_new              (TpsProject    *project);
TpsDocument *tps_document_new_from_template (const char   *language);
TpsDocument *tps_document_load             (GFile         *file,
                                            GError       **error);
void         tps_document_load_async       (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
TpsDocument *tps_document_load_finish      (GAsyncResult        *result,
                                            GError             **error);
TpsDocument *tps_document_new_from_csv     (GFile         *file,
                                            GError       **error);

TpsProject  *tps_document_get_project      (TpsDocument   *self);
TpsHistory  *tps_document_get_history      (TpsDocument   *self);
GFile       *tps_document_get_file         (TpsDocument   *self);
const char  *tps_document_get_disk_checksum (TpsDocument  *self);
gboolean     tps_document_get_modified     (TpsDocument   *self);
char        *tps_document_dup_title        (TpsDocument   *self);

gboolean     tps_document_save             (TpsDocument   *self,
                                            GError       **error);
gboolean     tps_document_save_as          (TpsDocument   *self,
                                            GFile         *file,
                                            GError       **error);
gboolean     tps_document_save_as_full     (TpsDocument          *self,
                                            GFile                *file,
                                            TpsFileReplaceFlags   flags,
                                            GError              **error);
void         tps_document_save_async       (TpsDocument          *self,
                                            GFile                *file,
                                            TpsFileReplaceFlags   flags,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean     tps_document_save_finish      (TpsDocument          *self,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean     tps_document_reload           (TpsDocument   *self,
                                            GError       **error);

char        *tps_document_get_recovery_dir (void);
gboolean     tps_document_write_recovery   (TpsDocument   *self,
                                            GError       **error);
void         tps_document_write_recovery_async  (TpsDocument         *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean     tps_document_write_recovery_finish (TpsDocument         *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void         tps_document_discard_recovery (TpsDocument   *self);
void         tps_document_delete_recovery  (const char    *recovery_path);
GPtrArray   *tps_document_list_recoveries  (void);
TpsDocument *tps_document_restore          (const char    *recovery_path,
                                            GError       **error);

G_END_DECLS
