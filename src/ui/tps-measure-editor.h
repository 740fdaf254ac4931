/* tps-measure-editor.h — the form that edits one measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_MEASURE_EDITOR (tps_measure_editor_get_type ())
G_DECLARE_FINAL_TYPE (TpsMeasureEditor, tps_measure_editor, TPS, MEASURE_EDITOR, GtkWidget)

GtkWidget  *tps_measure_editor_new         (TpsProject       *project,
                                            TpsHistory       *history,
                                            TpsMeasure       *measure);
TpsMeasure *tps_measure_editor_get_measure (TpsMeasureEditor *self);
void        tps_measure_editor_set_measure (TpsMeasureEditor *self,
                                            TpsMeasure       *measure);
void        tps_measure_editor_focus_title (TpsMeasureEditor *self);

G_END_DECLS
