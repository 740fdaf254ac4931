/* tps-i18n.h — the language of what a thread writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void tps_i18n_set_thread_language (const char *language);

G_END_DECLS
