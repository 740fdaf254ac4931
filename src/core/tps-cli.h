/* tps-cli.h — the headless command line, run before any display is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tps_cli_is_headless (int    argc,
                              char **argv);
int      tps_cli_run         (int    argc,
                              char **argv);

G_END_DECLS
