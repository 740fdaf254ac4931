/* tps-conflicts-dialog.h — settling what a merge could not decide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-document.h"

G_BEGIN_DECLS

#define TPS_TYPE_CONFLICTS_DIALOG (tps_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpsConflictsDialog, tps_conflicts_dialog, TPS, CONFLICTS_DIALOG, AdwWindow)

GtkWindow *tps_conflicts_dialog_new (GtkWindow   *parent,
                                     TpsDocument *document);

G_END_DECLS
