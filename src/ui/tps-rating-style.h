/* tps-rating-style.h — the rating, moment and trend colours of the core
 * palette as CSS classes for widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tps-types.h"

G_BEGIN_DECLS

void        tps_rating_style_init       (void);
const char *tps_rating_style_class      (int        rating);
const char *tps_moment_style_class      (TpsMoment  moment);

G_END_DECLS
