/* tps-comparator-rating.h — how a comparator does at one touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TPS_TYPE_COMPARATOR_RATING (tps_comparator_rating_get_type ())
G_DECLARE_FINAL_TYPE (TpsComparatorRating, tps_comparator_rating, TPS, COMPARATOR_RATING,
                      GObject)

TpsComparatorRating *tps_comparator_rating_new              (const char          *touchpoint_id,
                                                             int                  value);

const char          *tps_comparator_rating_get_touchpoint_id (TpsComparatorRating *self);
void                 tps_comparator_rating_set_touchpoint_id (TpsComparatorRating *self,
                                                              const char          *value);
int                  tps_comparator_rating_get_value         (TpsComparatorRating *self);
void                 tps_comparator_rating_set_value         (TpsComparatorRating *self,
                                                              int                  value);

G_END_DECLS
