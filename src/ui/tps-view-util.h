/* tps-view-util.h — small pieces of behaviour the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

gboolean tps_view_follow_history     (TpsHistory    **history_slot,
                                      gulong         *changed_id,
                                      TpsHistory     *history,
                                      GCallback       on_changed,
                                      gpointer        data,
                                      GConnectFlags   flags);
gboolean tps_view_contains_folded    (const char     *haystack,
                                      const char     *folded_needle);

void     tps_view_place_compact      (GtkWidget      *widget,
                                     GtkWidget      *toolbar,
                                     GtkWidget      *after,
                                     GtkWidget      *overflow,
                                     GtkWidget      *overflow_button,
                                     gboolean        compact);

typedef struct _TpsViewUpdate TpsViewUpdate;

TpsViewUpdate *tps_view_update_new   (GtkWidget      *view,
                                      GCallback       update);
void           tps_view_update_queue (TpsViewUpdate  *self);
gboolean       tps_view_update_flush (TpsViewUpdate  *self);
void           tps_view_update_free  (TpsViewUpdate  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsViewUpdate, tps_view_update_free)

void     tps_accessible_set_name      (GtkWidget      *widget,
                                      const char     *name);
void     tps_accessible_name_controls (GtkWidget      *root);

void     tps_combo_row_show_whole_value (gpointer      combo_row);

void     tps_view_get_accent_color    (GtkWidget      *widget,
                                      GdkRGBA        *color);

const char *tps_view_name_or          (TpsObject      *object,
                                       const char     *fallback);
gboolean    tps_view_signature_changed (char         **signature,
                                        const char    *value);
void        tps_view_clear_list_box   (GtkListBox     *list);
GtkWidget  *tps_view_badge_new        (const char     *text,
                                       const char     *style_class,
                                       const char     *tooltip);

AdwMessageDialog *tps_confirm_destructive         (GtkWindow  *parent,
                                                   const char *heading,
                                                   const char *body,
                                                   const char *response,
                                                   const char *label);
AdwMessageDialog *tps_confirm_delete_used         (GtkWindow  *parent,
                                                   TpsProject *project,
                                                   TpsObject  *object);
AdwMessageDialog *tps_confirm_overwrite_protected (GtkWindow  *parent,
                                                   const char *name);

G_END_DECLS
