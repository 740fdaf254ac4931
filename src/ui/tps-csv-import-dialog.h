/* tps-csv-import-dialog.h — import touchpoints from a CSV table, with a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-document.h"

G_BEGIN_DECLS

#define TPS_TYPE_CSV_IMPORT_DIALOG (tps_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpsCsvImportDialog, tps_csv_import_dialog, TPS, CSV_IMPORT_DIALOG,
                      AdwWindow)

GtkWindow *tps_csv_import_dialog_new             (GtkWindow          *parent,
                                                  TpsDocument        *document,
                                                  GFile              *file);
void       tps_csv_import_dialog_choose          (GtkWindow          *parent,
                                                  TpsDocument        *document);
guint      tps_csv_import_dialog_get_n_importable (TpsCsvImportDialog *self);
guint      tps_csv_import_dialog_get_n_invalid   (TpsCsvImportDialog *self);

G_END_DECLS
