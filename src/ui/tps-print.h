/* tps-print.h — printing the journey map through the system print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-page-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_PRINT_OPERATION (tps_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TpsPrintOperation, tps_print_operation, TPS, PRINT_OPERATION,
                      GtkPrintOperation)

TpsPrintOperation *tps_print_operation_new          (TpsProject        *project,
                                                     GSettings         *settings);
void               tps_print_operation_set_layout   (TpsPrintOperation *self,
                                                     TpsPageMode        mode,
                                                     double             scale,
                                                     double             overlap,
                                                     gboolean           crop_marks);
void               tps_print_operation_get_layout   (TpsPrintOperation *self,
                                                     TpsPageMode       *mode,
                                                     double            *scale,
                                                     double            *overlap,
                                                     gboolean          *crop_marks);
void               tps_print_operation_get_page_options (TpsPrintOperation *self,
                                                     GtkPageSetup      *page_setup,
                                                     TpsPageOptions    *options);
const GError      *tps_print_operation_get_file_error (TpsPrintOperation *self);

void               tps_print_project                (GtkWindow         *parent,
                                                     TpsProject        *project,
                                                     GSettings         *settings);

G_END_DECLS
