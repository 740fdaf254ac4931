/* tps-measurement-dialog.h — adds or edits one KPI measurement of a
 * touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_MEASUREMENT_DIALOG (tps_measurement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpsMeasurementDialog, tps_measurement_dialog, TPS, MEASUREMENT_DIALOG,
                      AdwWindow)

TpsMeasurementDialog *tps_measurement_dialog_new         (TpsProject           *project,
                                                          TpsHistory           *history,
                                                          TpsTouchpoint        *touchpoint,
                                                          TpsMeasurement       *measurement);
TpsMeasurement       *tps_measurement_dialog_get_measurement (TpsMeasurementDialog *self);
gboolean              tps_measurement_dialog_is_valid    (TpsMeasurementDialog *self);
gboolean              tps_measurement_dialog_apply       (TpsMeasurementDialog *self);

G_END_DECLS
