/* tps-measurement-series.h — KPI series (from the core analysis) in words:
 * the latest value against the baseline and the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-analysis.h"

G_BEGIN_DECLS

char         *tps_kpi_series_describe_value (const TpsKpiSeries *series);
char         *tps_kpi_series_describe       (const TpsKpiSeries *series);
char         *tps_kpi_series_summarize      (const TpsKpiSeries *series);
double        tps_kpi_series_get_score      (const TpsKpiSeries *series);
TpsKpiSeries *tps_kpi_series_pick_latest    (GPtrArray          *all_series);
const char   *tps_kpi_verdict_style_class   (TpsKpiVerdict       verdict);

gboolean      tps_parse_kpi_value           (const char         *text,
                                             double             *value);

G_END_DECLS
