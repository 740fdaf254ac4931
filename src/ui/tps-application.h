/* tps-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TPS_TYPE_APPLICATION (tps_application_get_type ())
G_DECLARE_FINAL_TYPE (TpsApplication, tps_application, TPS, APPLICATION, AdwApplication)

TpsApplication *tps_application_new (void);

G_END_DECLS
