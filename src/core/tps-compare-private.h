/* tps-compare-private.h — what the comparison shares with the merge and the CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-compare.h"

G_BEGIN_DECLS

void        tps_compared_value_get (GObject    *object,
                                    GParamSpec *pspec,
                                    GValue     *value);
GHashTable *tps_index_by_id        (GListModel *list);

G_END_DECLS
