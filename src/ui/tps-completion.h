/* tps-completion.h — suggestions under an entry while the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns: (transfer full): every string worth suggesting right now */
typedef GStrv (*TpsCompletionCandidates) (gpointer    user_data);

/* Takes a chosen suggestion; when NULL, the suggestion replaces the text. */
typedef void  (*TpsCompletionAccept)     (GtkWidget  *editable,
                                          const char *choice,
                                          gpointer    user_data);

void      tps_completion_attach       (GtkWidget               *editable,
                                       TpsCompletionCandidates  candidates,
                                       TpsCompletionAccept      accept,
                                       gpointer                 user_data);
GtkWidget *tps_completion_get_popover (GtkWidget               *editable);
gboolean  tps_completion_accept_first (GtkWidget               *editable);

G_END_DECLS
