/* tps-comparator.h — a company the journey is measured against
 *
 * A comparator is a competitor or a best-practice provider from another
 * industry (seed 001: "Vergleich mit Mitbewerbern sowie Best Practice
 * Anbietern aus analogen Märkten"; seed 003: liquid expectations). It rates
 * touchpoints on the same −2…+2 scale as the Ist, one rating per touchpoint
 * at most; a touchpoint it was not rated at has no rating.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-comparator-rating.h"
#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_COMPARATOR (tps_comparator_get_type ())
G_DECLARE_FINAL_TYPE (TpsComparator, tps_comparator, TPS, COMPARATOR, TpsObject)

TpsComparator       *tps_comparator_new          (const char        *id);

const char          *tps_comparator_get_name     (TpsComparator     *self);
void                 tps_comparator_set_name     (TpsComparator     *self,
                                                  const char        *value);
TpsComparatorKind    tps_comparator_get_kind     (TpsComparator     *self);
void                 tps_comparator_set_kind     (TpsComparator     *self,
                                                  TpsComparatorKind  value);
const char          *tps_comparator_get_source   (TpsComparator     *self);
void                 tps_comparator_set_source   (TpsComparator     *self,
                                                  const char        *value);
const char          *tps_comparator_get_date     (TpsComparator     *self);
void                 tps_comparator_set_date     (TpsComparator     *self,
                                                  const char        *value);
const char          *tps_comparator_get_note     (TpsComparator     *self);
void                 tps_comparator_set_note     (TpsComparator     *self,
                                                  const char        *value);

GListModel          *tps_comparator_get_ratings  (TpsComparator     *self);
TpsComparatorRating *tps_comparator_find_rating  (TpsComparator     *self,
                                                  const char        *touchpoint_id,
                                                  guint             *position);
gboolean             tps_comparator_get_rating   (TpsComparator     *self,
                                                  const char        *touchpoint_id,
                                                  int               *value);

G_END_DECLS
