/* tps-history.h — undo and redo: every change to the model is a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TPS_TYPE_HISTORY (tps_history_get_type ())
G_DECLARE_FINAL_TYPE (TpsHistory, tps_history, TPS, HISTORY, GObject)

/**
 * TpsHistoryChange:
 * @structure: items were added to, removed from or moved in a list
 * @object: (nullable): the one object whose properties changed; %NULL when
 *   the structure or properties of several objects changed
 * @property: (nullable): the one property of @object that changed; %NULL
 *   when several did
 *
 * What one emission of #TpsHistory::changed is about, so that a view can
 * update the one row or field it shows instead of everything.
 */
typedef struct
{
  gboolean    structure;
  GObject    *object;
  const char *property;
} TpsHistoryChange;

TpsHistory *tps_history_new            (void);

void        tps_history_set_property   (TpsHistory   *self,
                                        gpointer      object,
                                        const char   *property,
                                        const GValue *value);
void        tps_history_set            (TpsHistory   *self,
                                        gpointer      object,
                                        const char   *first_property,
                                        ...) G_GNUC_NULL_TERMINATED;
void        tps_history_set_merged     (TpsHistory   *self,
                                        gpointer      object,
                                        const char   *property,
                                        const GValue *value);
void        tps_history_break_merge    (TpsHistory   *self);

void        tps_history_insert         (TpsHistory   *self,
                                        GListModel   *list,
                                        guint         position,
                                        gpointer      item);
void        tps_history_append         (TpsHistory   *self,
                                        GListModel   *list,
                                        gpointer      item);
void        tps_history_remove         (TpsHistory   *self,
                                        GListModel   *list,
                                        guint         position);
void        tps_history_move           (TpsHistory   *self,
                                        GListModel   *list,
                                        guint         from,
                                        guint         to);

void        tps_history_begin_group    (TpsHistory   *self,
                                        const char   *label);
void        tps_history_end_group      (TpsHistory   *self);

const TpsHistoryChange *
            tps_history_get_change     (TpsHistory   *self);

gboolean    tps_history_undo           (TpsHistory   *self);
gboolean    tps_history_redo           (TpsHistory   *self);
gboolean    tps_history_get_can_undo   (TpsHistory   *self);
gboolean    tps_history_get_can_redo   (TpsHistory   *self);
const char *tps_history_get_undo_label (TpsHistory   *self);
const char *tps_history_get_redo_label (TpsHistory   *self);

gboolean    tps_history_get_modified   (TpsHistory   *self);
void        tps_history_mark_clean     (TpsHistory   *self);
guint64     tps_history_get_serial     (TpsHistory   *self);
void        tps_history_mark_unsaved   (TpsHistory   *self);
void        tps_history_clear          (TpsHistory   *self);

const char *tps_property_get_label     (GType         owner_type,
                                        const char   *property);

G_END_DECLS
