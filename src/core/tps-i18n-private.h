/* tps-i18n-private.h — translations in a language chosen per thread
 *
 * The core's sources include this instead of <glib/gi18n-lib.h>: _(), C_(),
 * g_dgettext() and g_dngettext() then look up the language an export asked
 * for with tps_i18n_set_thread_language(), and the process's language
 * everywhere else. An export in another language than the window's never
 * changes the process environment, so the window, other threads and later
 * exports are not affected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

G_BEGIN_DECLS

const char *tps_gettext  (const char *msgid) G_GNUC_FORMAT (1);
const char *tps_ngettext (const char *msgid,
                          const char *msgid_plural,
                          gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char *tps_pgettext (const char *msgctxtid,
                          gsize       msgidoffset) G_GNUC_FORMAT (1);

#undef _
#undef C_
#define _(String) ((char *) tps_gettext (String))
#define C_(Context, String) ((char *) tps_pgettext (Context "\004" String, strlen (Context) + 1))
#define g_dgettext(Domain, String) tps_gettext (String)
#define g_dngettext(Domain, Single, Plural, N) tps_ngettext (Single, Plural, N)

G_END_DECLS
