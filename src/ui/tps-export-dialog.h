/* tps-export-dialog.h — export the project: map PDF, report, PNG, SVG, CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-document.h"
#include "tps-exporter.h"

G_BEGIN_DECLS

#define TPS_TYPE_EXPORT_DIALOG (tps_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpsExportDialog, tps_export_dialog, TPS, EXPORT_DIALOG, AdwWindow)

GtkWindow       *tps_export_dialog_new            (GtkWindow        *parent,
                                                   TpsDocument      *document);
void             tps_export_dialog_set_format     (TpsExportDialog  *self,
                                                   TpsExportFormat   format);
TpsExportFormat  tps_export_dialog_get_format     (TpsExportDialog  *self);
char            *tps_export_dialog_suggest_name   (TpsExportDialog  *self);
gboolean         tps_export_dialog_export_to_file (TpsExportDialog  *self,
                                                   GFile            *file,
                                                   GError          **error);
void             tps_export_dialog_export_async   (TpsExportDialog     *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         tps_export_dialog_export_finish  (TpsExportDialog  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);
void             tps_export_dialog_cancel         (TpsExportDialog  *self);

void             tps_export_dialog_export_file    (TpsExportDialog     *self,
                                                  GFile               *file);

G_END_DECLS
