/* tps-measurement-series.c
 *
 * The core analysis decides what a KPI series is, which reading is its
 * baseline and whether a change is an improvement; this file only words
 * the result for the inspector and the table, so that both say the same
 * as the analysis view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tps-measurement-series.h"

/**
 * tps_kpi_series_describe_value:
 *
 * Returns: (transfer full): "3.8 — baseline 2.9 (+0.9), target 4"
 */
char *
tps_kpi_series_describe_value (const TpsKpiSeries *series)
{
  g_autofree char *value = tps_kpi_format_value (series->metric,
                                                 tps_measurement_get_value (series->latest));
  g_autofree char *target = series->has_target ? tps_kpi_format_value (series->metric,
                                                                       series->target)
                                               : NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *change = NULL;

  if (series->verdict == TPS_KPI_NO_COMPARISON)
    {
      if (target != NULL)
        /* Translators: the value of a baseline measurement (Nullmessung), then the target */
        return g_strdup_printf (_("%s (baseline), target %s"), value, target);
      /* Translators: the value of a baseline measurement (Nullmessung) */
      return g_strdup_printf (_("%s (baseline)"), value);
    }

  baseline = tps_kpi_format_value (series->metric, tps_measurement_get_value (series->baseline));
  change = tps_kpi_format_change (series->metric, series->change);

  if (target != NULL)
    /* Translators: latest value, baseline value, change since the baseline, target */
    return g_strdup_printf (_("%s — baseline %s (%s), target %s"), value, baseline, change,
                            target);
  /* Translators: latest value, baseline value, change since the baseline */
  return g_strdup_printf (_("%s — baseline %s (%s)"), value, baseline, change);
}

/* Returns: (transfer full): "CSAT 3.8 — baseline 2.9 (+0.9), target 4" */
char *
tps_kpi_series_describe (const TpsKpiSeries *series)
{
  g_autofree char *value = tps_kpi_series_describe_value (series);

  /* Translators: a KPI's name, then its value against baseline and target */
  return g_strdup_printf (C_("kpi", "%s %s"), tps_kpi_series_get_name (series), value);
}

/* Returns: (transfer full): the short form for a table cell, "CSAT 3.8 (+0.9)" */
char *
tps_kpi_series_summarize (const TpsKpiSeries *series)
{
  g_autofree char *value = tps_kpi_format_value (series->metric,
                                                 tps_measurement_get_value (series->latest));
  g_autofree char *change = NULL;

  if (series->verdict == TPS_KPI_NO_COMPARISON)
    return g_strdup_printf (C_("kpi", "%s %s"), tps_kpi_series_get_name (series), value);

  change = tps_kpi_format_change (series->metric, series->change);
  /* Translators: a KPI's name, its latest value, the change since the baseline */
  return g_strdup_printf (_("%s %s (%s)"), tps_kpi_series_get_name (series), value, change);
}

/* The relative improvement on the baseline (0.25 = a quarter better), so
 * that KPIs on different scales can be sorted against each other; NAN when
 * there is nothing to compare yet.
 */
double
tps_kpi_series_get_score (const TpsKpiSeries *series)
{
  double base;

  if (series->verdict == TPS_KPI_NO_COMPARISON)
    return NAN;

  base = fabs (tps_measurement_get_value (series->baseline));
  return (series->higher_is_better ? 1 : -1) * series->change / (base > 1e-9 ? base : 1.0);
}

/* Returns: (transfer none) (nullable): the series measured most recently;
 * of several measured on the same day, the first.
 */
TpsKpiSeries *
tps_kpi_series_pick_latest (GPtrArray *all_series)
{
  TpsKpiSeries *best = NULL;

  for (guint i = 0; i < all_series->len; i++)
    {
      TpsKpiSeries *series = g_ptr_array_index (all_series, i);

      if (best == NULL || g_strcmp0 (tps_measurement_get_date (series->latest),
                                     tps_measurement_get_date (best->latest)) > 0)
        best = series;
    }

  return best;
}

/* The CSS class that colours a change: better, worse or neither. */
const char *
tps_kpi_verdict_style_class (TpsKpiVerdict verdict)
{
  switch (verdict)
    {
    case TPS_KPI_IMPROVED:
      return "tps-trend-better";
    case TPS_KPI_WORSENED:
      return "tps-trend-worse";
    case TPS_KPI_NO_COMPARISON:
    case TPS_KPI_UNCHANGED:
    default:
      return "tps-trend-neutral";
    }
}

/* Reads a number typed with either decimal separator ("3,8" or "3.8") and
 * the typographic minus this app shows.
 */
gboolean
tps_parse_kpi_value (const char *text,
                     double     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) number = g_string_new (stripped);
  char *end = NULL;
  double parsed;

  g_string_replace (number, "−", "-", 0);

  /* Both separators at once would be a thousands separator, which a KPI
   * does not need and which would be ambiguous.
   */
  if (number->len == 0 || (strchr (number->str, ',') != NULL && strchr (number->str, '.') != NULL))
    return FALSE;
  g_strdelimit (number->str, ",", '.');
  if (strspn (number->str, "0123456789.+-eE") != number->len)
    return FALSE;

  parsed = g_ascii_strtod (number->str, &end);
  if (end == number->str || *end != '\0' || !isfinite (parsed))
    return FALSE;

  *value = parsed;
  return TRUE;
}
