/* tps-bind.h — editing widgets bound to a model property through the
 * undo history
 *
 * Binding a widget again replaces its earlier binding, so one set of fields
 * can show one object after another. Before refilling a combo row's model
 * for tps_bind_combo_strings(), call tps_bind_clear() so that the change of
 * selection the new model causes is not written to the old object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"

G_BEGIN_DECLS

void tps_bind_editable   (GtkEditable *editable,
                          TpsHistory  *history,
                          gpointer     object,
                          const char  *property);
void tps_bind_text_view  (GtkTextView *text_view,
                          TpsHistory  *history,
                          gpointer     object,
                          const char  *property);
void tps_bind_combo_enum (AdwComboRow *row,
                          TpsHistory  *history,
                          gpointer     object,
                          const char  *property);
void tps_bind_combo_strings (AdwComboRow        *row,
                             TpsHistory         *history,
                             gpointer            object,
                             const char         *property,
                             const char * const *values);
void tps_bind_property   (GtkWidget   *widget,
                          const char  *widget_property,
                          TpsHistory  *history,
                          gpointer     object,
                          const char  *property);
void tps_bind_clear      (GtkWidget   *widget);

G_END_DECLS
