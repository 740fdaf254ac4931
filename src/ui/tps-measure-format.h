/* tps-measure-format.h — how the planner shows dates, money and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-project.h"

G_BEGIN_DECLS

char       *tps_format_date          (const char       *iso_date);
char       *tps_parse_date_input     (const char       *text);
char       *tps_format_cost          (double            cost,
                                      const char       *currency);
const char *tps_currency_symbol      (const char       *currency);
char       *tps_format_touchpoint_context (TpsProject    *project,
                                          TpsTouchpoint *touchpoint);
GtkWidget  *tps_touchpoint_label_new (void);
void        tps_touchpoint_label_set (GtkWidget        *label,
                                      TpsProject       *project,
                                      TpsTouchpoint    *touchpoint);
GtkWidget  *tps_status_dot_new       (void);
void        tps_status_dot_set       (GtkWidget        *dot,
                                      TpsMeasureStatus  status);

gboolean    tps_measure_is_overdue_today (TpsMeasure    *measure);
char       *tps_format_measure_tooltip   (TpsMeasure    *measure);

G_END_DECLS
