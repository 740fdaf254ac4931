/* tps-analysis.c
 *
 * Everything here is derived from the model on demand and never stored,
 * like the quick-win rule of a measure: a project with a few dozen
 * touchpoints and a few hundred measurements is analysed in well under a
 * millisecond, so caching would only add ways to show stale numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tps-analysis.h"
#include "tps-i18n-private.h"

/* Journey order ----------------------------------------------------------- */

/**
 * tps_analysis_get_journey:
 *
 * The project's touchpoints in journey order: stages in their order, the
 * touchpoints of a stage in document order, touchpoints whose stage is
 * unknown last. Every analysis lists touchpoints in this order unless it
 * sorts them by something more telling.
 *
 * Returns: (transfer container) (element-type TpsTouchpoint): the touchpoints
 */
GPtrArray *
tps_analysis_get_journey (TpsProject *project)
{
  GListModel *stages, *touchpoints;
  guint n_stages, n_touchpoints;
  GPtrArray *journey;
  g_autoptr(GHashTable) position_of = NULL;
  g_autofree guint *first = NULL;
  g_autofree guint *stage_of = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  stages = tps_project_get_stages (project);
  touchpoints = tps_project_get_touchpoints (project);
  n_stages = g_list_model_get_n_items (stages);
  n_touchpoints = g_list_model_get_n_items (touchpoints);
  journey = g_ptr_array_new_full (n_touchpoints, g_object_unref);

  /* A stable bucket sort, linear in stages and touchpoints: each
   * touchpoint's bucket is its stage's position (the first stage with its
   * id), unknown stages last.
   */
  position_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = n_stages; s-- > 0;)
    {
      g_autoptr(TpsStage) stage = g_list_model_get_item (stages, s);
      const char *id = tps_object_get_id (TPS_OBJECT (stage));

      if (id != NULL)
        g_hash_table_insert (position_of, (gpointer) id, GUINT_TO_POINTER (s + 1));
    }

  first = g_new0 (guint, n_stages + 2);
  stage_of = g_new (guint, n_touchpoints);
  for (guint t = 0; t < n_touchpoints; t++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, t);
      const char *stage_id = tps_touchpoint_get_stage_id (touchpoint);
      guint position = stage_id ? GPOINTER_TO_UINT (g_hash_table_lookup (position_of, stage_id))
                                : 0;

      stage_of[t] = position > 0 ? position - 1 : n_stages;
      first[stage_of[t] + 1]++;
    }
  for (guint s = 1; s <= n_stages + 1; s++)
    first[s] += first[s - 1];

  g_ptr_array_set_size (journey, n_touchpoints);
  for (guint t = 0; t < n_touchpoints; t++)
    g_ptr_array_index (journey, first[stage_of[t]]++) = g_list_model_get_item (touchpoints, t);

  return journey;
}

/* Importance/performance ------------------------------------------------ */

TpsIpaQuadrant
tps_ipa_quadrant_for (int importance,
                      int performance)
{
  gboolean important = importance >= TPS_IPA_HIGH_IMPORTANCE;
  gboolean performing = performance >= TPS_IPA_HIGH_PERFORMANCE;

  if (important)
    return performing ? TPS_IPA_KEEP_UP : TPS_IPA_CONCENTRATE_HERE;
  return performing ? TPS_IPA_POSSIBLE_OVERKILL : TPS_IPA_LOW_PRIORITY;
}

/* The names Martilla and James gave the quadrants in 1977, which marketing
 * teams still use.
 */
const char *
tps_ipa_quadrant_get_label (TpsIpaQuadrant quadrant)
{
  switch (quadrant)
    {
    case TPS_IPA_CONCENTRATE_HERE:
      /* Translators: importance-performance analysis, high importance and
       * low performance; German "Hier konzentrieren" */
      return _("Concentrate here");
    case TPS_IPA_KEEP_UP:
      /* Translators: high importance, high performance; German "Weiter so" */
      return _("Keep up the good work");
    case TPS_IPA_LOW_PRIORITY:
      /* Translators: low importance, low performance; German "Geringe Priorität" */
      return _("Low priority");
    case TPS_IPA_POSSIBLE_OVERKILL:
      /* Translators: low importance, high performance; German "Möglicher Overkill" */
      return _("Possible overkill");
    case TPS_IPA_N_QUADRANTS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
tps_ipa_quadrant_get_description (TpsIpaQuadrant quadrant)
{
  switch (quadrant)
    {
    case TPS_IPA_CONCENTRATE_HERE:
      return _("Important to customers, not yet delightful: improve these first");
    case TPS_IPA_KEEP_UP:
      return _("Important and delightful: protect what works");
    case TPS_IPA_LOW_PRIORITY:
      return _("Less important and not delightful: watch, but do not invest first");
    case TPS_IPA_POSSIBLE_OVERKILL:
      return _("Delightful but less important: effort may be better spent elsewhere");
    case TPS_IPA_N_QUADRANTS:
    default:
      g_return_val_if_reached ("");
    }
}

static void
ipa_point_clear (gpointer data)
{
  TpsIpaPoint *point = data;

  g_clear_object (&point->touchpoint);
}

/**
 * tps_analysis_get_ipa_points:
 *
 * Every touchpoint with its importance, today's rating and its quadrant, in
 * journey order. Touchpoints planned as new are included: a missing
 * touchpoint that customers find important belongs where the team should
 * concentrate (seed 003: find the missing, highly relevant touchpoints).
 *
 * Returns: (transfer full) (element-type TpsIpaPoint): the points
 */
GArray *
tps_analysis_get_ipa_points (TpsProject *project)
{
  g_autoptr(GPtrArray) journey = NULL;
  GArray *points;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  journey = tps_analysis_get_journey (project);
  points = g_array_sized_new (FALSE, TRUE, sizeof (TpsIpaPoint), journey->len);
  g_array_set_clear_func (points, ipa_point_clear);

  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);
      TpsIpaPoint point;

      point.touchpoint = g_object_ref (touchpoint);
      point.importance = tps_touchpoint_get_importance (touchpoint);
      point.performance = tps_touchpoint_get_current (touchpoint);
      point.quadrant = tps_ipa_quadrant_for (point.importance, point.performance);
      g_array_append_val (points, point);
    }

  return points;
}

guint
tps_analysis_count_quadrant (TpsProject     *project,
                             TpsIpaQuadrant  quadrant)
{
  GListModel *touchpoints;
  guint n, count = 0;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  touchpoints = tps_project_get_touchpoints (project);
  n = g_list_model_get_n_items (touchpoints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      if (tps_ipa_quadrant_for (tps_touchpoint_get_importance (touchpoint),
                                tps_touchpoint_get_current (touchpoint)) == quadrant)
        count++;
    }

  return count;
}

/* Perception gap ---------------------------------------------------------- */

/* A touchpoint planned as new exists for neither side yet, so there is no
 * experience to compare.
 */
static gboolean
is_compared (TpsTouchpoint *touchpoint)
{
  return tps_touchpoint_get_status (touchpoint) != TPS_TOUCHPOINT_STATUS_NEW;
}

static void
perception_gap_clear (gpointer data)
{
  TpsPerceptionGap *gap = data;

  g_clear_object (&gap->touchpoint);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const TpsPerceptionGap *ga = a, *gb = b;
  int importance_a, importance_b;

  if (ABS (ga->gap) != ABS (gb->gap))
    return ABS (gb->gap) - ABS (ga->gap);
  if (ga->gap != gb->gap)
    return gb->gap - ga->gap;

  importance_a = tps_touchpoint_get_importance (ga->touchpoint);
  importance_b = tps_touchpoint_get_importance (gb->touchpoint);
  return importance_b - importance_a;
}

/**
 * tps_analysis_get_perception_gaps:
 *
 * How employees and customers rate each touchpoint that exists today,
 * largest gaps first. Between equal gaps, employees overrating comes
 * before underrating (that is the blind spot), then the more important
 * touchpoint, then journey order.
 *
 * Returns: (transfer full) (element-type TpsPerceptionGap): the gaps
 */
GArray *
tps_analysis_get_perception_gaps (TpsProject *project)
{
  g_autoptr(GPtrArray) journey = NULL;
  GArray *gaps;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  journey = tps_analysis_get_journey (project);
  gaps = g_array_sized_new (FALSE, TRUE, sizeof (TpsPerceptionGap), journey->len);
  g_array_set_clear_func (gaps, perception_gap_clear);

  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);
      TpsPerceptionGap gap;

      if (!is_compared (touchpoint))
        continue;

      gap.touchpoint = g_object_ref (touchpoint);
      gap.customer = tps_touchpoint_get_current (touchpoint);
      gap.internal = tps_touchpoint_get_internal (touchpoint);
      gap.gap = tps_touchpoint_get_perception_gap (touchpoint);
      g_array_append_val (gaps, gap);
    }

  /* Stable since GLib 2.32, so equal gaps keep journey order. */
  g_array_sort (gaps, compare_gaps);
  return gaps;
}

/**
 * tps_analysis_get_perception_summary:
 *
 * The headline of seed 003 for this project: the share of touchpoints
 * existing today that employees rate "delightful" or better, against the
 * share customers rate so.
 */
void
tps_analysis_get_perception_summary (TpsProject           *project,
                                     TpsPerceptionSummary *summary)
{
  GListModel *touchpoints;
  guint n;
  int gap_sum = 0;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  touchpoints = tps_project_get_touchpoints (project);
  n = g_list_model_get_n_items (touchpoints);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      int gap;

      if (!is_compared (touchpoint))
        continue;

      summary->n_compared++;
      if (tps_touchpoint_get_internal (touchpoint) >= TPS_IPA_HIGH_PERFORMANCE)
        summary->n_internal_delightful++;
      if (tps_touchpoint_get_current (touchpoint) >= TPS_IPA_HIGH_PERFORMANCE)
        summary->n_customer_delightful++;

      gap = tps_touchpoint_get_perception_gap (touchpoint);
      gap_sum += gap;
      if (gap > 0)
        summary->n_overrated++;
      else if (gap < 0)
        summary->n_underrated++;
      else
        summary->n_aligned++;
    }

  if (summary->n_compared > 0)
    {
      summary->internal_share = summary->n_internal_delightful / (double) summary->n_compared;
      summary->customer_share = summary->n_customer_delightful / (double) summary->n_compared;
      summary->mean_gap = gap_sum / (double) summary->n_compared;
    }
}

/* Whole percent, rounded half up, as people write them on a slide. */
int
tps_perception_summary_percent (double share)
{
  return (int) floor (CLAMP (share, 0.0, 1.0) * 100.0 + 0.5);
}

/**
 * tps_perception_summary_to_headline:
 *
 * Returns: (transfer full): "Employees: 75 % delightful — customers: 25 %",
 *   or a sentence saying there is nothing to compare
 */
char *
tps_perception_summary_to_headline (const TpsPerceptionSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n_compared == 0)
    return g_strdup (_("No existing touchpoints to compare yet"));

  /* Translators: the perception gap headline: the share of today's
   * touchpoints that employees and customers rate "delightful" or better.
   * German: "Mitarbeitende: 75 % begeisternd – Kunden: 25 %" */
  return g_strdup_printf (_("Employees: %d %% delightful — customers: %d %%"),
                          tps_perception_summary_percent (summary->internal_share),
                          tps_perception_summary_percent (summary->customer_share));
}

/* KPI series -------------------------------------------------------------- */

/* Words in a custom metric's name that say "less is better": times and
 * durations, ranks, rates of losing something, costs and complaints. A word
 * matches when it begins or ends with one of these, so German compounds
 * ("Wartezeit", "Abbruchquote", "Bearbeitungsdauer") match too.
 */
static const char * const lower_is_better_stems[] = {
  /* English */
  "time", "wait", "duration", "delay", "latency", "rank", "churn", "complaint",
  "abandon", "cancel", "bounce", "error", "defect", "cost", "effort", "backlog",
  "escalation", "days", "hours", "minutes", "seconds",
  /* German */
  "zeit", "dauer", "warte", "verzögerung", "rang", "abbruch", "kündigung", "wechselquote",
  "abwanderung", "beschwerde", "reklamation", "fehler", "kosten", "aufwand", "storno",
  "mahnung", "rückstau", "werktag", "stunden", "minuten", "sekunden",
};

static gboolean
word_says_lower (const char *word)
{
  gsize len = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (lower_is_better_stems); i++)
    {
      const char *stem = lower_is_better_stems[i];
      gsize stem_len = strlen (stem);

      if (len >= stem_len
          && (strncmp (word, stem, stem_len) == 0
              || strcmp (word + len - stem_len, stem) == 0))
        return TRUE;
    }

  return FALSE;
}

static gboolean
label_says_lower (const char *label)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  /* An explicit arrow in the name settles it either way. */
  if (strstr (label, "↓") != NULL)
    return TRUE;
  if (strstr (label, "↑") != NULL)
    return FALSE;

  normal = g_utf8_normalize (label, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return FALSE;
  folded = g_utf8_casefold (normal, -1);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && word_says_lower (word->str))
        return TRUE;
      g_string_truncate (word, 0);

      if (c == 0)
        return FALSE;
    }
}

/**
 * tps_kpi_higher_is_better:
 * @label: (nullable): a custom metric's name
 *
 * Whether a rising value is good news, by the metric's convention (a
 * series' target can decide for CES and custom KPIs, see
 * series_higher_is_better()). CSAT, NPS and conversion are better when
 * higher; customer effort (CES) and complaints when lower. A custom
 * metric counts as higher-is-better unless its name says otherwise: a word
 * of time, rank, loss, cost or complaint ("Wait time (minutes)",
 * "Abbruchquote", "Rangplatz im Portal") makes it lower-is-better, and an
 * arrow ↓ or ↑ in the name decides outright.
 */
gboolean
tps_kpi_higher_is_better (TpsMetric   metric,
                          const char *label)
{
  switch (metric)
    {
    case TPS_METRIC_CSAT:
    case TPS_METRIC_NPS:
    case TPS_METRIC_CONVERSION:
      return TRUE;
    case TPS_METRIC_CES:
    case TPS_METRIC_COMPLAINTS:
      return FALSE;
    case TPS_METRIC_CUSTOM:
    default:
      return label == NULL || !label_says_lower (label);
    }
}

void
tps_kpi_series_free (TpsKpiSeries *series)
{
  if (series == NULL)
    return;

  g_clear_object (&series->touchpoint);
  g_clear_pointer (&series->label, g_free);
  g_clear_pointer (&series->measurements, g_ptr_array_unref);
  g_free (series);
}

static gboolean
series_matches (TpsKpiSeries   *series,
                TpsMeasurement *measurement)
{
  if (tps_measurement_get_metric (measurement) != series->metric)
    return FALSE;

  return series->metric != TPS_METRIC_CUSTOM
         || g_strcmp0 (tps_measurement_get_label (measurement), series->label) == 0;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  TpsMeasurement *ma = *(TpsMeasurement **) a;
  TpsMeasurement *mb = *(TpsMeasurement **) b;
  const char *da = tps_measurement_get_date (ma);
  const char *db = tps_measurement_get_date (mb);

  /* ISO dates sort as strings. */
  return g_strcmp0 (da ? da : "", db ? db : "");
}

/* CSAT, NPS, conversion and complaints have one accepted direction. The
 * customer effort score comes in two (CES 1.0 asks for the effort, lower
 * is better; CES 2.0 asks whether it was easy, higher is better), and a
 * custom KPI may go either way: for those, a target on the other side of
 * the baseline says which way the team wants to go. A target alone does
 * not overrule a known direction, because a baseline that already beats
 * its target ("NPS at least 60", measured 62) would turn it around.
 */
static gboolean
series_higher_is_better (TpsKpiSeries *series)
{
  double base = tps_measurement_get_value (series->baseline);
  gboolean target_says = series->has_target && fabs (series->target - base) > 1e-9;

  switch (series->metric)
    {
    case TPS_METRIC_CES:
      return target_says ? series->target > base : FALSE;
    case TPS_METRIC_CUSTOM:
      if (series->label != NULL
          && (strstr (series->label, "↓") != NULL || strstr (series->label, "↑") != NULL))
        return tps_kpi_higher_is_better (series->metric, series->label);
      if (!tps_kpi_higher_is_better (series->metric, series->label))
        return FALSE;
      return target_says ? series->target > base : TRUE;
    case TPS_METRIC_CSAT:
    case TPS_METRIC_NPS:
    case TPS_METRIC_CONVERSION:
    case TPS_METRIC_COMPLAINTS:
    default:
      return tps_kpi_higher_is_better (series->metric, series->label);
    }
}

static void
series_finish (TpsKpiSeries *series)
{
  GPtrArray *ms = series->measurements;

  /* Stable since GLib 2.32: readings of one day keep document order. */
  g_ptr_array_sort (ms, compare_dates);

  /* A team that measures again from scratch after a big change flags a
   * new baseline; later readings compare with that one.
   */
  series->latest = g_ptr_array_index (ms, ms->len - 1);
  series->baseline = g_ptr_array_index (ms, 0);
  for (guint i = ms->len; i > 0; i--)
    if (tps_measurement_get_baseline (g_ptr_array_index (ms, i - 1)))
      {
        series->baseline = g_ptr_array_index (ms, i - 1);
        break;
      }

  series->min_value = G_MAXDOUBLE;
  series->max_value = -G_MAXDOUBLE;
  for (guint i = 0; i < ms->len; i++)
    {
      double value = tps_measurement_get_value (g_ptr_array_index (ms, i));

      series->min_value = MIN (series->min_value, value);
      series->max_value = MAX (series->max_value, value);
    }

  /* The target that counts is the most recent one given. */
  for (guint i = ms->len; i > 0; i--)
    {
      TpsMeasurement *m = g_ptr_array_index (ms, i - 1);

      if (tps_measurement_get_has_target (m))
        {
          series->has_target = TRUE;
          series->target = tps_measurement_get_target (m);
          series->min_value = MIN (series->min_value, series->target);
          series->max_value = MAX (series->max_value, series->target);
          break;
        }
    }

  series->higher_is_better = series_higher_is_better (series);

  if (series->baseline == series->latest)
    {
      series->verdict = TPS_KPI_NO_COMPARISON;
      series->change = 0;
      return;
    }

  series->change = tps_measurement_get_value (series->latest)
                   - tps_measurement_get_value (series->baseline);
  if (fabs (series->change) < 1e-9)
    series->verdict = TPS_KPI_UNCHANGED;
  else if ((series->change > 0) == series->higher_is_better)
    series->verdict = TPS_KPI_IMPROVED;
  else
    series->verdict = TPS_KPI_WORSENED;
}

static void
add_series_for (GPtrArray     *result,
                TpsTouchpoint *touchpoint)
{
  GListModel *measurements = tps_touchpoint_get_measurements (touchpoint);
  guint n = g_list_model_get_n_items (measurements);
  guint first = result->len;

  /* Series in the order their metric first appears at the touchpoint. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);
      TpsKpiSeries *series = NULL;

      for (guint s = first; s < result->len && series == NULL; s++)
        if (series_matches (g_ptr_array_index (result, s), m))
          series = g_ptr_array_index (result, s);

      if (series == NULL)
        {
          series = g_new0 (TpsKpiSeries, 1);
          series->touchpoint = g_object_ref (touchpoint);
          series->metric = tps_measurement_get_metric (m);
          if (series->metric == TPS_METRIC_CUSTOM)
            series->label = g_strdup (tps_measurement_get_label (m));
          series->measurements = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (result, series);
        }

      g_ptr_array_add (series->measurements, g_object_ref (m));
    }

  for (guint s = first; s < result->len; s++)
    series_finish (g_ptr_array_index (result, s));
}

/**
 * tps_analysis_get_kpi_series_for:
 *
 * One series per metric measured at @touchpoint (a custom metric per
 * name), each with its readings in date order, its baseline — the most
 * recent reading flagged as baseline ("Nullmessung"), else the first —,
 * the latest reading, and whether the change between them is an
 * improvement (see series_higher_is_better()).
 *
 * Returns: (transfer full) (element-type TpsKpiSeries): the series
 */
GPtrArray *
tps_analysis_get_kpi_series_for (TpsTouchpoint *touchpoint)
{
  GPtrArray *result;

  g_return_val_if_fail (TPS_IS_TOUCHPOINT (touchpoint), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_kpi_series_free);
  add_series_for (result, touchpoint);
  return result;
}

/**
 * tps_analysis_get_kpi_series:
 *
 * The KPI series of every touchpoint, touchpoints in journey order.
 *
 * Returns: (transfer full) (element-type TpsKpiSeries): the series
 */
GPtrArray *
tps_analysis_get_kpi_series (TpsProject *project)
{
  g_autoptr(GPtrArray) journey = NULL;
  GPtrArray *result;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  journey = tps_analysis_get_journey (project);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_kpi_series_free);
  for (guint i = 0; i < journey->len; i++)
    add_series_for (result, g_ptr_array_index (journey, i));

  return result;
}

/* Returns: (transfer none): the metric's short name ("CSAT") or the custom
 * metric's own name
 */
const char *
tps_kpi_series_get_name (const TpsKpiSeries *series)
{
  g_return_val_if_fail (series != NULL, "");

  switch (series->metric)
    {
    case TPS_METRIC_CSAT:
      return C_("metric", "CSAT");
    case TPS_METRIC_NPS:
      return C_("metric", "NPS");
    case TPS_METRIC_CES:
      return C_("metric", "Customer effort (CES)");
    case TPS_METRIC_CONVERSION:
      return C_("metric", "Conversion rate");
    case TPS_METRIC_COMPLAINTS:
      return C_("metric", "Complaints");
    case TPS_METRIC_CUSTOM:
    default:
      return series->label != NULL && *series->label != '\0'
             ? series->label : C_("metric", "Custom metric");
    }
}

/* A number as people write it: no trailing zeros, at most two decimals,
 * the locale's decimal separator.
 */
static char *
format_number (double value)
{
  double rounded = round (value * 100.0) / 100.0;

  if (fabs (rounded - round (rounded)) < 1e-9)
    return g_strdup_printf ("%.0f", rounded == 0 ? 0.0 : rounded);
  if (fabs (rounded * 10.0 - round (rounded * 10.0)) < 1e-9)
    return g_strdup_printf ("%.1f", rounded);
  return g_strdup_printf ("%.2f", rounded);
}

/* Returns: (transfer full): @value for display, "14 %" for a conversion
 * rate, a negative NPS with a true minus sign ("−12")
 */
char *
tps_kpi_format_value (TpsMetric metric,
                      double    value)
{
  g_autofree char *magnitude = format_number (fabs (value));
  g_autofree char *number = value < 0 && g_strcmp0 (magnitude, "0") != 0
                            ? g_strconcat ("−", magnitude, NULL) : g_strdup (magnitude);

  if (metric == TPS_METRIC_CONVERSION)
    /* Translators: a percentage; German puts a space before the sign too */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}

/* Returns: (transfer full): @change with its sign ("+0.8", "−3"), a
 * conversion rate's in percentage points
 */
char *
tps_kpi_format_change (TpsMetric metric,
                       double    change)
{
  g_autofree char *number = format_number (fabs (change));
  g_autofree char *signed_number = NULL;

  if (g_strcmp0 (number, "0") == 0)
    signed_number = g_strdup ("±0");
  else
    signed_number = g_strconcat (change > 0 ? "+" : "−", number, NULL);

  if (metric == TPS_METRIC_CONVERSION)
    /* Translators: percentage points, the change of a rate;
     * German "%s Pp." */
    return g_strdup_printf (_("%s pp"), signed_number);

  return g_steal_pointer (&signed_number);
}

/* Process progress -------------------------------------------------------- */

/* The phase (0..3) a step belongs to: its CTM stage or its BEST IMPACT
 * phase, as tps_step_get_phase_label() names them.
 */
guint
tps_analysis_get_step_phase (TpsStep step)
{
  static const guint best_phase[TPS_BEST_N_STEPS] = { 0, 0, 1, 1, 2, 2, 3, 3, 3, 3 };

  g_return_val_if_fail (step < TPS_N_STEPS, 0);

  if (tps_step_is_ctm (step))
    return (step - TPS_STEP_CTM_1A) / 2;
  return best_phase[step - TPS_STEP_BEST_1];
}

void
tps_analysis_get_process_progress (TpsProject         *project,
                                   TpsProcessProgress *progress)
{
  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);

  for (TpsStep step = 0; step < TPS_N_STEPS; step++)
    {
      TpsProcessStep *item = tps_project_get_step (project, step);
      gboolean done = item != NULL && tps_process_step_get_done (item);
      guint phase = tps_analysis_get_step_phase (step);

      if (tps_step_is_ctm (step))
        {
          progress->ctm_total++;
          progress->ctm_phase_total[phase]++;
          progress->ctm_done += done;
          progress->ctm_phase_done[phase] += done;
        }
      else
        {
          progress->best_total++;
          progress->best_phase_total[phase]++;
          progress->best_done += done;
          progress->best_phase_done[phase] += done;
        }
    }
}

/* Returns: (transfer full): "5 of 8 CTM steps done" */
char *
tps_process_progress_format_ctm (const TpsProcessProgress *progress)
{
  g_return_val_if_fail (progress != NULL, NULL);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u CTM step done",
                                       "%u of %u CTM steps done",
                                       progress->ctm_total),
                          progress->ctm_done, progress->ctm_total);
}

/* Returns: (transfer full): "7 of 10 BEST IMPACT steps done" */
char *
tps_process_progress_format_best (const TpsProcessProgress *progress)
{
  g_return_val_if_fail (progress != NULL, NULL);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u BEST IMPACT step done",
                                       "%u of %u BEST IMPACT steps done",
                                       progress->best_total),
                          progress->best_done, progress->best_total);
}
