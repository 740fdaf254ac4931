/* tps-analysis-lists.h — the analysis view's lists: health findings, where
 * we trail the best, channel consistency
 *
 * Each function replaces the rows of a GtkListBox (styled as a boxed list)
 * with one row per item. An activatable row carries the model object it
 * stands for as "tps-target"; tps_analysis_list_row_get_target() reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-benchmark.h"
#include "tps-health.h"

G_BEGIN_DECLS

void       tps_health_list_fill              (GtkListBox    *list,
                                              GPtrArray     *findings);
void       tps_benchmark_list_fill           (GtkListBox    *list,
                                              TpsProject    *project,
                                              GArray        *gaps);
void       tps_consistency_list_fill         (GtkListBox    *list,
                                              GPtrArray     *stages);
TpsObject *tps_analysis_list_row_get_target  (GtkListBoxRow *row);

G_END_DECLS
