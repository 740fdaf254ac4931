/* tps-matrix-view.h — the measures on an impact/effort matrix as a widget:
 * draws a TpsEffortMatrix, drags a measure to another cell through the
 * history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-effort-matrix.h"
#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_MATRIX_VIEW (tps_matrix_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsMatrixView, tps_matrix_view, TPS, MATRIX_VIEW, GtkWidget)

GtkWidget       *tps_matrix_view_new                  (void);

TpsProject      *tps_matrix_view_get_project          (TpsMatrixView *self);
void             tps_matrix_view_set_project          (TpsMatrixView *self,
                                                       TpsProject    *project);
TpsHistory      *tps_matrix_view_get_history          (TpsMatrixView *self);
void             tps_matrix_view_set_history          (TpsMatrixView *self,
                                                       TpsHistory    *history);
TpsMeasure      *tps_matrix_view_get_selected_measure (TpsMatrixView *self);
void             tps_matrix_view_set_selected_measure (TpsMatrixView *self,
                                                       TpsMeasure    *measure);

void             tps_matrix_view_refresh              (TpsMatrixView *self);
TpsEffortMatrix *tps_matrix_view_get_matrix           (TpsMatrixView *self);

G_END_DECLS
