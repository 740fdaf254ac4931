/* tps-bind.h — editing widgets bound to a model property through the
 * undo history
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

G_END_DECLS
