/* tps-project-settings.h — title, language, stages, channels, personas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-document.h"

G_BEGIN_DECLS

#define TPS_TYPE_PROJECT_SETTINGS (tps_project_settings_get_type ())
G_DECLARE_FINAL_TYPE (TpsProjectSettings, tps_project_settings, TPS, PROJECT_SETTINGS,
                      AdwPreferencesWindow)

GtkWindow *tps_project_settings_new (GtkWindow   *parent,
                                     TpsDocument *document);
void       tps_project_settings_delete (TpsProjectSettings *self,
                                        TpsObject          *object);

G_END_DECLS
