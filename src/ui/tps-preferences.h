/* tps-preferences.h — the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TPS_TYPE_PREFERENCES (tps_preferences_get_type ())
G_DECLARE_FINAL_TYPE (TpsPreferences, tps_preferences, TPS, PREFERENCES, AdwPreferencesWindow)

GtkWindow *tps_preferences_new (GtkWindow *parent);

G_END_DECLS
