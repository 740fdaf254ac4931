/* tps-rating-selector.h — a segmented control for a value on a short scale:
 * the five-step experience rating or importance 1–5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TPS_TYPE_RATING_SELECTOR (tps_rating_selector_get_type ())
G_DECLARE_FINAL_TYPE (TpsRatingSelector, tps_rating_selector, TPS, RATING_SELECTOR, GtkWidget)

GtkWidget *tps_rating_selector_new        (int                min,
                                           int                max,
                                           gboolean           colored);
int        tps_rating_selector_get_value  (TpsRatingSelector *self);
void       tps_rating_selector_set_value  (TpsRatingSelector *self,
                                           int                value);
GtkWidget *tps_rating_selector_get_button (TpsRatingSelector *self,
                                           int                value);

G_END_DECLS
