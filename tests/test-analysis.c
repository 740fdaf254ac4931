/* test-analysis.c — importance/performance, perception gap, KPI trends and
 * process progress, and the charts that draw them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include <cairo-pdf.h>

#include "tps-analysis-charts.h"
#include "tps-project-io.h"

/* @relative: a path below tests/ */
static TpsProject *
load (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static TpsProject *
load_all_fields (void)
{
  return load ("data/all-fields.touchpoints");
}

static TpsProject *
load_example (void)
{
  return load ("../data/examples/de/stadtwerke.touchpoints");
}

static const char *
id_of (gpointer object)
{
  return tps_object_get_id (TPS_OBJECT (object));
}

/* Journey order ----------------------------------------------------------- */

static void
test_journey_order (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(GPtrArray) journey = tps_analysis_get_journey (project);
  const char *expected[] = { "t-one", "t-four", "t-two", "t-three", "t-five", "t-six", "t-seven" };

  g_assert_cmpuint (journey->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < journey->len; i++)
    g_assert_cmpstr (id_of (g_ptr_array_index (journey, i)), ==, expected[i]);
}

/* Importance/performance ------------------------------------------------ */

static void
test_ipa_quadrant_rule (void)
{
  g_assert_cmpint (tps_ipa_quadrant_for (5, -2), ==, TPS_IPA_CONCENTRATE_HERE);
  /* "Okay" is not yet performing: expectation plus X. */
  g_assert_cmpint (tps_ipa_quadrant_for (4, 0), ==, TPS_IPA_CONCENTRATE_HERE);
  g_assert_cmpint (tps_ipa_quadrant_for (4, 1), ==, TPS_IPA_KEEP_UP);
  g_assert_cmpint (tps_ipa_quadrant_for (3, 0), ==, TPS_IPA_LOW_PRIORITY);
  g_assert_cmpint (tps_ipa_quadrant_for (1, -2), ==, TPS_IPA_LOW_PRIORITY);
  g_assert_cmpint (tps_ipa_quadrant_for (3, 1), ==, TPS_IPA_POSSIBLE_OVERKILL);
  g_assert_cmpint (tps_ipa_quadrant_for (1, 2), ==, TPS_IPA_POSSIBLE_OVERKILL);

  for (TpsIpaQuadrant q = 0; q < TPS_IPA_N_QUADRANTS; q++)
    {
      g_assert_cmpstr (tps_ipa_quadrant_get_label (q), !=, "");
      g_assert_cmpstr (tps_ipa_quadrant_get_description (q), !=, "");
    }
}

static void
test_ipa_points_all_fields (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(GArray) points = tps_analysis_get_ipa_points (project);
  struct { const char *id; int importance, performance; TpsIpaQuadrant quadrant; } expected[] = {
    { "t-one", 5, -2, TPS_IPA_CONCENTRATE_HERE },
    { "t-four", 2, -1, TPS_IPA_LOW_PRIORITY },
    { "t-two", 3, 1, TPS_IPA_POSSIBLE_OVERKILL },
    { "t-three", 1, 0, TPS_IPA_LOW_PRIORITY },
    { "t-five", 4, 0, TPS_IPA_CONCENTRATE_HERE },
    { "t-six", 3, 2, TPS_IPA_POSSIBLE_OVERKILL },
    { "t-seven", 3, 0, TPS_IPA_LOW_PRIORITY },
  };

  g_assert_cmpuint (points->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < points->len; i++)
    {
      TpsIpaPoint *p = &g_array_index (points, TpsIpaPoint, i);

      g_assert_cmpstr (id_of (p->touchpoint), ==, expected[i].id);
      g_assert_cmpint (p->importance, ==, expected[i].importance);
      g_assert_cmpint (p->performance, ==, expected[i].performance);
      g_assert_cmpint (p->quadrant, ==, expected[i].quadrant);
    }
}

static void
test_ipa_counts_example (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(GArray) points = tps_analysis_get_ipa_points (project);

  g_assert_cmpuint (points->len, ==, 35);
  g_assert_cmpuint (tps_analysis_count_quadrant (project, TPS_IPA_CONCENTRATE_HERE), ==, 16);
  g_assert_cmpuint (tps_analysis_count_quadrant (project, TPS_IPA_KEEP_UP), ==, 3);
  g_assert_cmpuint (tps_analysis_count_quadrant (project, TPS_IPA_LOW_PRIORITY), ==, 12);
  g_assert_cmpuint (tps_analysis_count_quadrant (project, TPS_IPA_POSSIBLE_OVERKILL), ==, 4);

  for (guint i = 0; i < points->len; i++)
    {
      TpsIpaPoint *p = &g_array_index (points, TpsIpaPoint, i);

      if (g_str_equal (id_of (p->touchpoint), "t-hotline-service"))
        g_assert_cmpint (p->quadrant, ==, TPS_IPA_CONCENTRATE_HERE);
      else if (g_str_equal (id_of (p->touchpoint), "t-customer-center"))
        g_assert_cmpint (p->quadrant, ==, TPS_IPA_KEEP_UP);
      else if (g_str_equal (id_of (p->touchpoint), "t-energy-advice"))
        g_assert_cmpint (p->quadrant, ==, TPS_IPA_POSSIBLE_OVERKILL);
      else if (g_str_equal (id_of (p->touchpoint), "t-survey"))
        g_assert_cmpint (p->quadrant, ==, TPS_IPA_LOW_PRIORITY);
    }
}

/* Perception gap ---------------------------------------------------------- */

static void
test_perception_gaps_all_fields (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(GArray) gaps = tps_analysis_get_perception_gaps (project);
  /* t-two is planned as new and has no experience to compare yet. Largest
   * gaps first; employees overrating before underrating; ties in journey
   * order.
   */
  struct { const char *id; int customer, internal, gap; } expected[] = {
    { "t-one", -2, 1, 3 },
    { "t-five", 0, -2, -2 },
    { "t-four", -1, 0, 1 },
    { "t-three", 0, -1, -1 },
    { "t-six", 2, 2, 0 },
    { "t-seven", 0, 0, 0 },
  };

  g_assert_cmpuint (gaps->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < gaps->len; i++)
    {
      TpsPerceptionGap *g = &g_array_index (gaps, TpsPerceptionGap, i);

      g_assert_cmpstr (id_of (g->touchpoint), ==, expected[i].id);
      g_assert_cmpint (g->customer, ==, expected[i].customer);
      g_assert_cmpint (g->internal, ==, expected[i].internal);
      g_assert_cmpint (g->gap, ==, expected[i].gap);
    }
}

static void
test_perception_summary_all_fields (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  TpsPerceptionSummary summary;
  g_autofree char *headline = NULL;

  tps_analysis_get_perception_summary (project, &summary);
  g_assert_cmpuint (summary.n_compared, ==, 6);
  g_assert_cmpuint (summary.n_internal_delightful, ==, 2);
  g_assert_cmpuint (summary.n_customer_delightful, ==, 1);
  g_assert_cmpuint (summary.n_overrated, ==, 2);
  g_assert_cmpuint (summary.n_underrated, ==, 2);
  g_assert_cmpuint (summary.n_aligned, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary.mean_gap, 1.0 / 6.0, 1e-9);

  headline = tps_perception_summary_to_headline (&summary);
  g_assert_cmpstr (headline, ==, "Employees: 33 % delightful — customers: 17 %");
}

/* The example reproduces seed 003's finding at its own scale: employees
 * rate three quarters of today's touchpoints delightful, customers a
 * quarter.
 */
static void
test_perception_summary_example (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(GArray) gaps = tps_analysis_get_perception_gaps (project);
  TpsPerceptionSummary summary;
  g_autofree char *headline = NULL;

  tps_analysis_get_perception_summary (project, &summary);
  g_assert_cmpuint (summary.n_compared, ==, 28);
  g_assert_cmpuint (summary.n_internal_delightful, ==, 21);
  g_assert_cmpuint (summary.n_customer_delightful, ==, 7);
  g_assert_cmpint (tps_perception_summary_percent (summary.internal_share), ==, 75);
  g_assert_cmpint (tps_perception_summary_percent (summary.customer_share), ==, 25);

  headline = tps_perception_summary_to_headline (&summary);
  g_assert_cmpstr (headline, ==, "Employees: 75 % delightful — customers: 25 %");

  g_assert_cmpuint (gaps->len, ==, 28);
  g_assert_cmpstr (id_of (g_array_index (gaps, TpsPerceptionGap, 0).touchpoint), ==,
                   "t-hotline-service");
  g_assert_cmpint (g_array_index (gaps, TpsPerceptionGap, 0).gap, ==, 3);
  /* Among the gaps of 2, the most important touchpoint first. */
  g_assert_cmpstr (id_of (g_array_index (gaps, TpsPerceptionGap, 1).touchpoint), ==,
                   "t-tariff-calc");
  for (guint i = 1; i < gaps->len; i++)
    g_assert_cmpint (ABS (g_array_index (gaps, TpsPerceptionGap, i - 1).gap), >=,
                     ABS (g_array_index (gaps, TpsPerceptionGap, i).gap));
}

static void
test_perception_summary_empty (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  TpsPerceptionSummary summary;
  g_autofree char *headline = NULL;

  tps_analysis_get_perception_summary (project, &summary);
  g_assert_cmpuint (summary.n_compared, ==, 0);
  g_assert_cmpfloat (summary.internal_share, ==, 0.0);
  headline = tps_perception_summary_to_headline (&summary);
  g_assert_cmpstr (headline, ==, "No existing touchpoints to compare yet");
}

/* KPI series -------------------------------------------------------------- */

static TpsKpiSeries *
find_series (GPtrArray  *all,
             const char *touchpoint_id,
             TpsMetric   metric,
             const char *label)
{
  for (guint i = 0; i < all->len; i++)
    {
      TpsKpiSeries *s = g_ptr_array_index (all, i);

      if (g_str_equal (id_of (s->touchpoint), touchpoint_id) && s->metric == metric
          && g_strcmp0 (s->label, label) == 0)
        return s;
    }

  g_assert_not_reached ();
}

static void
test_kpi_direction (void)
{
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CSAT, NULL));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_NPS, NULL));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CONVERSION, NULL));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CES, NULL));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_COMPLAINTS, NULL));

  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, NULL));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Mystery-Call-Score (%)"));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM,
                                           "Google-Bewertung Kundenzentrum (Sterne)"));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "First contact resolution"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Ø Wartezeit (Minuten)"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Abbruchquote (%)"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM,
                                            "Rangplatz im Portal (Standardsortierung)"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM,
                                            "Bearbeitungsdauer Einzugsmeldung (Werktage)"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "KÜNDIGUNGSQUOTE"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Average wait time"));
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Churn rate"));
  /* An arrow in the name decides outright. */
  g_assert_false (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Open tickets ↓"));
  g_assert_true (tps_kpi_higher_is_better (TPS_METRIC_CUSTOM, "Time saved per order ↑"));
}

static void
test_kpi_example_csat_and_complaints (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(GPtrArray) all = tps_analysis_get_kpi_series (project);
  TpsKpiSeries *csat = find_series (all, "t-first-bill", TPS_METRIC_CSAT, NULL);
  TpsKpiSeries *complaints = find_series (all, "t-first-bill", TPS_METRIC_COMPLAINTS, NULL);
  TpsKpiSeries *wait = find_series (all, "t-hotline-service", TPS_METRIC_CUSTOM,
                                    "Ø Wartezeit (Minuten)");
  TpsKpiSeries *ces, *nps;

  g_assert_cmpuint (all->len, ==, 27);

  /* CSAT rises from 2.6 to 3.5: higher is better, so it improved. */
  g_assert_cmpuint (csat->measurements->len, ==, 2);
  g_assert_cmpstr (id_of (csat->baseline), ==, "m-bill-1");
  g_assert_cmpstr (id_of (csat->latest), ==, "m-bill-6");
  g_assert_cmpfloat_with_epsilon (csat->change, 0.9, 1e-9);
  g_assert_true (csat->higher_is_better);
  g_assert_cmpint (csat->verdict, ==, TPS_KPI_IMPROVED);
  g_assert_true (csat->has_target);
  g_assert_cmpfloat (csat->target, ==, 4.0);

  /* Complaints fall from 38 to 21: lower is better, so they improved too. */
  g_assert_cmpuint (complaints->measurements->len, ==, 4);
  g_assert_cmpstr (id_of (complaints->baseline), ==, "m-bill-2");
  g_assert_cmpstr (id_of (complaints->latest), ==, "m-bill-7");
  g_assert_cmpfloat_with_epsilon (complaints->change, -17.0, 1e-9);
  g_assert_false (complaints->higher_is_better);
  g_assert_cmpint (complaints->verdict, ==, TPS_KPI_IMPROVED);
  g_assert_cmpfloat (complaints->min_value, ==, 15.0);
  g_assert_cmpfloat (complaints->max_value, ==, 38.0);

  g_assert_false (wait->higher_is_better);
  /* The target says which way: this team asks CES as "it was easy", 1..7,
   * and wants it to rise from 3.2 to 5.5.
   */
  ces = find_series (all, "t-move-in", TPS_METRIC_CES, NULL);
  g_assert_true (ces->higher_is_better);
  g_assert_cmpint (ces->verdict, ==, TPS_KPI_IMPROVED);

  /* A baseline that already beats its target (NPS 62, target 60) does not
   * turn NPS around: rising to 67 is still an improvement.
   */
  nps = find_series (all, "t-energy-advice", TPS_METRIC_NPS, NULL);
  g_assert_true (nps->higher_is_better);
  g_assert_cmpint (nps->verdict, ==, TPS_KPI_IMPROVED);

  g_assert_cmpfloat_with_epsilon (wait->change, 4.2 - 11.5, 1e-9);
  g_assert_cmpint (wait->verdict, ==, TPS_KPI_IMPROVED);
  g_assert_cmpstr (tps_kpi_series_get_name (wait), ==, "Ø Wartezeit (Minuten)");
}

static TpsMeasurement *
add_reading (TpsTouchpoint *touchpoint,
             const char    *id,
             const char    *date,
             TpsMetric      metric,
             double         value,
             gboolean       baseline)
{
  g_autoptr(TpsMeasurement) m = tps_measurement_new (id);

  tps_measurement_set_date (m, date);
  tps_measurement_set_metric (m, metric);
  tps_measurement_set_value (m, value);
  tps_measurement_set_baseline (m, baseline);
  g_list_store_append (G_LIST_STORE (tps_touchpoint_get_measurements (touchpoint)), m);
  return m;
}

/* Readings are sorted by date whatever their order in the file; the
 * flagged baseline wins over an earlier reading; the verdict follows the
 * metric's direction.
 */
static void
test_kpi_order_baseline_and_worsening (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-x");
  g_autoptr(GPtrArray) all = NULL;
  TpsKpiSeries *complaints, *csat, *ces;

  add_reading (touchpoint, "c-3", "2026-03-01", TPS_METRIC_COMPLAINTS, 30, FALSE);
  add_reading (touchpoint, "c-1", "2025-12-01", TPS_METRIC_COMPLAINTS, 5, FALSE);
  add_reading (touchpoint, "c-2", "2026-01-01", TPS_METRIC_COMPLAINTS, 12, TRUE);
  add_reading (touchpoint, "s-2", "2026-02-01", TPS_METRIC_CSAT, 3.0, FALSE);
  add_reading (touchpoint, "s-1", "2026-01-01", TPS_METRIC_CSAT, 4.0, FALSE);
  add_reading (touchpoint, "e-1", "2026-01-01", TPS_METRIC_CES, 4.0, TRUE);
  add_reading (touchpoint, "e-2", "2026-02-01", TPS_METRIC_CES, 4.5, FALSE);

  all = tps_analysis_get_kpi_series_for (touchpoint);
  g_assert_cmpuint (all->len, ==, 3);

  complaints = g_ptr_array_index (all, 0);
  g_assert_cmpint (complaints->metric, ==, TPS_METRIC_COMPLAINTS);
  g_assert_cmpstr (id_of (g_ptr_array_index (complaints->measurements, 0)), ==, "c-1");
  g_assert_cmpstr (id_of (g_ptr_array_index (complaints->measurements, 1)), ==, "c-2");
  g_assert_cmpstr (id_of (g_ptr_array_index (complaints->measurements, 2)), ==, "c-3");
  g_assert_cmpstr (id_of (complaints->baseline), ==, "c-2");
  g_assert_cmpstr (id_of (complaints->latest), ==, "c-3");
  g_assert_cmpfloat (complaints->change, ==, 18.0);
  g_assert_cmpint (complaints->verdict, ==, TPS_KPI_WORSENED);
  g_assert_false (complaints->has_target);

  /* No flag: the first reading is the baseline. */
  csat = g_ptr_array_index (all, 1);
  g_assert_cmpstr (id_of (csat->baseline), ==, "s-1");
  g_assert_cmpstr (id_of (csat->latest), ==, "s-2");
  g_assert_cmpint (csat->verdict, ==, TPS_KPI_WORSENED);

  /* Without a target, more customer effort is worse. */
  ces = g_ptr_array_index (all, 2);
  g_assert_false (ces->higher_is_better);
  g_assert_cmpint (ces->verdict, ==, TPS_KPI_WORSENED);
}

/* A second baseline flag starts the comparison afresh. */
static void
test_kpi_rebaseline (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-x");
  g_autoptr(GPtrArray) all = NULL;
  TpsKpiSeries *nps;

  add_reading (touchpoint, "n-1", "2025-01-01", TPS_METRIC_NPS, 10, TRUE);
  add_reading (touchpoint, "n-2", "2025-06-01", TPS_METRIC_NPS, 30, TRUE);
  add_reading (touchpoint, "n-3", "2026-01-01", TPS_METRIC_NPS, 25, FALSE);
  all = tps_analysis_get_kpi_series_for (touchpoint);
  nps = g_ptr_array_index (all, 0);
  g_assert_cmpstr (id_of (nps->baseline), ==, "n-2");
  g_assert_cmpfloat (nps->change, ==, -5.0);
  g_assert_cmpint (nps->verdict, ==, TPS_KPI_WORSENED);
}

static void
test_kpi_single_reading (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(GPtrArray) all = tps_analysis_get_kpi_series (project);
  TpsKpiSeries *csat;

  /* t-one measures six metrics once each; a custom metric is its own series. */
  g_assert_cmpuint (all->len, ==, 6);
  csat = find_series (all, "t-one", TPS_METRIC_CSAT, NULL);
  g_assert_true (csat->baseline == csat->latest);
  g_assert_cmpint (csat->verdict, ==, TPS_KPI_NO_COMPARISON);
  g_assert_cmpfloat (csat->change, ==, 0.0);
  find_series (all, "t-one", TPS_METRIC_CUSTOM, "Abbruchquote (%)");
}

static void
test_kpi_unchanged (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-x");
  g_autoptr(GPtrArray) all = NULL;

  add_reading (touchpoint, "n-1", "2026-01-01", TPS_METRIC_NPS, 20, TRUE);
  add_reading (touchpoint, "n-2", "2026-02-01", TPS_METRIC_NPS, 20, FALSE);
  all = tps_analysis_get_kpi_series_for (touchpoint);
  g_assert_cmpint (((TpsKpiSeries *) g_ptr_array_index (all, 0))->verdict, ==,
                   TPS_KPI_UNCHANGED);
}

static void
test_kpi_format (void)
{
  g_autofree char *a = tps_kpi_format_value (TPS_METRIC_CSAT, 3.5);
  g_autofree char *b = tps_kpi_format_value (TPS_METRIC_CONVERSION, 14);
  g_autofree char *c = tps_kpi_format_value (TPS_METRIC_CUSTOM, 0.125);
  g_autofree char *d = tps_kpi_format_change (TPS_METRIC_COMPLAINTS, -17);
  g_autofree char *e = tps_kpi_format_change (TPS_METRIC_CSAT, 0.9000000001);
  g_autofree char *f = tps_kpi_format_change (TPS_METRIC_CONVERSION, 5);
  g_autofree char *g = tps_kpi_format_change (TPS_METRIC_NPS, 0);
  g_autofree char *h = tps_kpi_format_value (TPS_METRIC_NPS, -12);
  g_autofree char *i = tps_kpi_format_value (TPS_METRIC_NPS, -0.001);

  g_assert_cmpstr (a, ==, "3.5");
  g_assert_cmpstr (b, ==, "14 %");
  g_assert_cmpstr (c, ==, "0.13");
  g_assert_cmpstr (d, ==, "−17");
  g_assert_cmpstr (e, ==, "+0.9");
  g_assert_cmpstr (f, ==, "+5 pp");
  g_assert_cmpstr (g, ==, "±0");
  g_assert_cmpstr (h, ==, "−12");
  g_assert_cmpstr (i, ==, "0");
}

/* Process progress -------------------------------------------------------- */

static void
test_process_progress (void)
{
  g_autoptr(TpsProject) fields = load_all_fields ();
  g_autoptr(TpsProject) example = load_example ();
  TpsProcessProgress p;
  g_autofree char *ctm = NULL;
  g_autofree char *best = NULL;

  tps_analysis_get_process_progress (fields, &p);
  g_assert_cmpuint (p.ctm_done, ==, 2);
  g_assert_cmpuint (p.ctm_total, ==, 8);
  g_assert_cmpuint (p.best_done, ==, 1);
  g_assert_cmpuint (p.best_total, ==, 10);
  g_assert_cmpuint (p.ctm_phase_done[0], ==, 2);
  g_assert_cmpuint (p.ctm_phase_done[1], ==, 0);

  tps_analysis_get_process_progress (example, &p);
  g_assert_cmpuint (p.ctm_done, ==, 6);
  g_assert_cmpuint (p.best_done, ==, 7);
  g_assert_cmpuint (p.ctm_phase_done[2], ==, 1);
  g_assert_cmpuint (p.ctm_phase_total[2], ==, 2);
  g_assert_cmpuint (p.best_phase_total[0], ==, 2);
  g_assert_cmpuint (p.best_phase_total[3], ==, 4);
  g_assert_cmpuint (p.best_phase_done[3], ==, 1);

  ctm = tps_process_progress_format_ctm (&p);
  best = tps_process_progress_format_best (&p);
  g_assert_cmpstr (ctm, ==, "6 of 8 CTM steps done");
  g_assert_cmpstr (best, ==, "7 of 10 BEST IMPACT steps done");

  g_assert_cmpuint (tps_analysis_get_step_phase (TPS_STEP_CTM_4B), ==, 3);
  g_assert_cmpuint (tps_analysis_get_step_phase (TPS_STEP_BEST_6), ==, 2);
}

/* Charts ------------------------------------------------------------------ */

typedef void (*RenderFunc) (cairo_t                       *cr,
                            TpsProject                    *project,
                            double                         width,
                            double                         height,
                            const TpsAnalysisChartOptions *options);

static cairo_surface_t *
render_to_image (RenderFunc                     render,
                 TpsProject                    *project,
                 int                            width,
                 int                            height,
                 const TpsAnalysisChartOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  render (cr, project, width, height, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          int             *r,
          int             *g,
          int             *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *) (data + (int) y * stride + (int) x * 4);

  /* Opaque, so premultiplication changes nothing. */
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

/* Every chart draws light and dark, with data and without, at a roomy and
 * at a cramped size, into an image and a PDF (whose pango resolution is
 * 72), without a cairo error.
 */
static void
test_charts_draw_everywhere (void)
{
  g_autoptr(TpsProject) example = load_example ();
  g_autoptr(TpsProject) empty = tps_project_new ();
  TpsProject *projects[] = { example, empty };
  RenderFunc renders[] = {
    tps_analysis_render_matrix, tps_analysis_render_perception_gap,
    tps_analysis_render_kpi_trends,
  };
  const int sizes[][2] = { { 1000, 700 }, { 200, 120 } };

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    for (guint r = 0; r < G_N_ELEMENTS (renders); r++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (int dark = 0; dark <= 1; dark++)
          {
            TpsAnalysisChartOptions options;
            cairo_surface_t *surface;

            tps_analysis_chart_options_init (&options);
            options.dark = dark;
            surface = render_to_image (renders[r], projects[p], sizes[z][0], sizes[z][1],
                                       &options);
            cairo_surface_destroy (surface);
          }

  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "tps-analysis-test.pdf", NULL);
    cairo_surface_t *pdf = cairo_pdf_surface_create (path, 842, 595);
    cairo_t *cr = cairo_create (pdf);

    for (guint r = 0; r < G_N_ELEMENTS (renders); r++)
      {
        renders[r] (cr, example, 842, 595, NULL);
        cairo_show_page (cr);
      }
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_finish (pdf);
    g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (pdf);
    g_remove (path);
  }
}

/* "Concentrate here" is the upper left quadrant, tinted warm; "Keep up the
 * good work" the upper right, tinted teal.
 */
static void
test_matrix_quadrant_backgrounds (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  cairo_rectangle_t concentrate, keep_up, low;
  cairo_surface_t *surface;
  int r, g, b;

  tps_analysis_matrix_get_quadrant_area (project, 900, 600, TPS_IPA_CONCENTRATE_HERE,
                                         &concentrate);
  tps_analysis_matrix_get_quadrant_area (project, 900, 600, TPS_IPA_KEEP_UP, &keep_up);
  tps_analysis_matrix_get_quadrant_area (project, 900, 600, TPS_IPA_LOW_PRIORITY, &low);

  g_assert_cmpfloat (concentrate.x, <, keep_up.x);
  g_assert_cmpfloat (concentrate.y, ==, keep_up.y);
  g_assert_cmpfloat (concentrate.y, <, low.y);
  /* Three rating columns (up to "okay") against two. */
  g_assert_cmpfloat (fabs (concentrate.width / keep_up.width - 1.5), <, 0.01);

  surface = render_to_image (tps_analysis_render_matrix, project, 900, 600, NULL);

  /* The top right corner of each quadrant is empty: names sit on the left. */
  pixel_at (surface, concentrate.x + concentrate.width - 6, concentrate.y + 6, &r, &g, &b);
  g_assert_cmpint (r, >, b + 12);
  g_assert_cmpint (r, >, g);
  pixel_at (surface, keep_up.x + keep_up.width - 6, keep_up.y + 6, &r, &g, &b);
  g_assert_cmpint (g, >, r + 6);
  pixel_at (surface, low.x + low.width - 6, low.y + 6, &r, &g, &b);
  g_assert_cmpint (ABS (r - b), <, 12);

  cairo_surface_destroy (surface);
}

static void
test_matrix_hit_test (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(GArray) points = tps_analysis_get_ipa_points (project);
  cairo_rectangle_t keep_up;

  /* Every touchpoint of the example is shown and found where it is drawn,
   * inside the quadrant it belongs to.
   */
  for (guint i = 0; i < points->len; i++)
    {
      TpsIpaPoint *point = &g_array_index (points, TpsIpaPoint, i);
      cairo_rectangle_t area;
      double x, y;

      g_assert_true (tps_analysis_matrix_get_marker (project, 1000, 700, NULL,
                                                     point->touchpoint, &x, &y));
      g_assert_true (tps_analysis_matrix_hit_test (project, 1000, 700, NULL, x, y)
                     == point->touchpoint);
      /* The label to its right belongs to it too. */
      g_assert_true (tps_analysis_matrix_hit_test (project, 1000, 700, NULL, x + 20, y)
                     == point->touchpoint);

      tps_analysis_matrix_get_quadrant_area (project, 1000, 700, point->quadrant, &area);
      g_assert_cmpfloat (x, >, area.x);
      g_assert_cmpfloat (x, <, area.x + area.width);
      g_assert_cmpfloat (y, >, area.y);
      g_assert_cmpfloat (y, <, area.y + area.height);
    }

  /* The empty "very delightful, importance 5" corner hits nothing. */
  tps_analysis_matrix_get_quadrant_area (project, 1000, 700, TPS_IPA_KEEP_UP, &keep_up);
  g_assert_null (tps_analysis_matrix_hit_test (project, 1000, 700, NULL,
                                               keep_up.x + keep_up.width - 10,
                                               keep_up.y + 40));
  g_assert_null (tps_analysis_matrix_hit_test (project, 1000, 700, NULL, 2, 2));
}

/* At the height the matrix asks for, every touchpoint is named; squeezed
 * onto a small report page, the ones shown still do not cover each other.
 */
static void
test_matrix_natural_and_cramped (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(GArray) points = tps_analysis_get_ipa_points (project);
  double height = tps_analysis_matrix_get_height (project, 1000, NULL);
  guint cramped_shown = 0;

  g_assert_cmpfloat (height, >=, TPS_ANALYSIS_MATRIX_MIN_HEIGHT);
  /* The busiest cell holds five touchpoints: that fits on a screen (a
   * miscount once asked for a thousand units).
   */
  g_assert_cmpfloat (height, <, 720);
  for (guint i = 0; i < points->len; i++)
    {
      TpsTouchpoint *touchpoint = g_array_index (points, TpsIpaPoint, i).touchpoint;
      double x, y;

      g_assert_true (tps_analysis_matrix_get_marker (project, 1000, height, NULL, touchpoint,
                                                     &x, &y));
      if (tps_analysis_matrix_get_marker (project, 770, 360, NULL, touchpoint, &x, &y))
        {
          cramped_shown++;
          g_assert_true (tps_analysis_matrix_hit_test (project, 770, 360, NULL, x, y)
                         == touchpoint);
        }
    }

  g_assert_cmpuint (cramped_shown, >, 0);
  g_assert_cmpuint (cramped_shown, <, points->len);
}

static void
test_perception_gap_chart_rows (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsProject) example = load_example ();
  TpsAnalysisChartOptions options;
  double height = tps_analysis_perception_gap_get_height (project, 800, NULL);
  TpsTouchpoint *first = NULL, *last = NULL;

  /* Scanning down the chart finds the rows, largest gap first. */
  for (double y = 0; y < height; y += 2)
    {
      TpsTouchpoint *hit = tps_analysis_perception_gap_hit_test (project, 800, height, NULL,
                                                                 400, y);
      if (hit != NULL && first == NULL)
        first = hit;
      if (hit != NULL)
        last = hit;
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (id_of (first), ==, "t-one");
  g_assert_cmpstr (id_of (last), ==, "t-seven");

  /* Every row at its natural height; fewer in less. */
  g_assert_cmpuint (tps_analysis_perception_gap_count_rows (example, 800,
    tps_analysis_perception_gap_get_height (example, 800, NULL), NULL), ==, 28);
  g_assert_cmpuint (tps_analysis_perception_gap_count_rows (example, 800, 500, NULL), <, 28);

  /* Paginated, the rows that fit are shown and no line is kept for a
   * count of the rest.
   */
  tps_analysis_chart_options_init (&options);
  options.paginated = TRUE;
  g_assert_cmpuint (tps_analysis_perception_gap_count_rows (example, 800, 500, &options), ==,
                    tps_analysis_perception_gap_count_rows (example, 800, 500, NULL) + 1);

  /* A continuation page starts where the first left off. */
  tps_analysis_chart_options_init (&options);
  options.first_row = 26;
  g_assert_cmpuint (tps_analysis_perception_gap_count_rows (example, 800, 500, &options), ==, 2);
  g_assert_cmpfloat (tps_analysis_perception_gap_get_height (example, 800, &options), <, 200);
}

static void
test_kpi_chart_cells (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsProject) empty = tps_project_new ();
  TpsAnalysisChartOptions options;
  double wide = tps_analysis_kpi_trends_get_height (project, 1200, NULL);
  double narrow = tps_analysis_kpi_trends_get_height (project, 600, NULL);
  TpsTouchpoint *hit;

  /* Fewer columns, taller. */
  g_assert_cmpfloat (narrow, >, wide);
  g_assert_cmpuint (tps_analysis_kpi_trends_count_series (project, 1200, wide, NULL), ==, 27);
  g_assert_cmpuint (tps_analysis_kpi_trends_count_series (project, 1200, 500, NULL), <, 27);
  g_assert_cmpfloat (tps_analysis_kpi_trends_get_height (empty, 800, NULL), >, 0);

  /* The first chart is the first measured touchpoint of the journey. */
  hit = tps_analysis_kpi_trends_hit_test (project, 1200, wide, NULL, 60, 120);
  g_assert_nonnull (hit);
  g_assert_cmpstr (id_of (hit), ==, "t-compare-portal");

  tps_analysis_chart_options_init (&options);
  options.first_series = 25;
  g_assert_cmpuint (tps_analysis_kpi_trends_count_series (project, 1200, 2000, &options), ==, 2);
  hit = tps_analysis_kpi_trends_hit_test (project, 1200, 2000, &options, 60, 120);
  g_assert_cmpstr (id_of (hit), ==, "t-cancellation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/journey-order", test_journey_order);
  g_test_add_func ("/analysis/ipa/quadrant-rule", test_ipa_quadrant_rule);
  g_test_add_func ("/analysis/ipa/points-all-fields", test_ipa_points_all_fields);
  g_test_add_func ("/analysis/ipa/counts-example", test_ipa_counts_example);
  g_test_add_func ("/analysis/perception/gaps-sorted-new-excluded",
                   test_perception_gaps_all_fields);
  g_test_add_func ("/analysis/perception/summary-all-fields", test_perception_summary_all_fields);
  g_test_add_func ("/analysis/perception/summary-example-75-25", test_perception_summary_example);
  g_test_add_func ("/analysis/perception/summary-empty", test_perception_summary_empty);
  g_test_add_func ("/analysis/kpi/direction", test_kpi_direction);
  g_test_add_func ("/analysis/kpi/example-csat-and-complaints",
                   test_kpi_example_csat_and_complaints);
  g_test_add_func ("/analysis/kpi/date-order-baseline-direction",
                   test_kpi_order_baseline_and_worsening);
  g_test_add_func ("/analysis/kpi/rebaseline", test_kpi_rebaseline);
  g_test_add_func ("/analysis/kpi/single-reading-no-comparison", test_kpi_single_reading);
  g_test_add_func ("/analysis/kpi/unchanged", test_kpi_unchanged);
  g_test_add_func ("/analysis/kpi/format", test_kpi_format);
  g_test_add_func ("/analysis/process/progress", test_process_progress);
  g_test_add_func ("/analysis/charts/draw-everywhere", test_charts_draw_everywhere);
  g_test_add_func ("/analysis/charts/matrix-quadrant-backgrounds",
                   test_matrix_quadrant_backgrounds);
  g_test_add_func ("/analysis/charts/matrix-hit-test", test_matrix_hit_test);
  g_test_add_func ("/analysis/charts/matrix-natural-and-cramped",
                   test_matrix_natural_and_cramped);
  g_test_add_func ("/analysis/charts/perception-gap-rows", test_perception_gap_chart_rows);
  g_test_add_func ("/analysis/charts/kpi-cells", test_kpi_chart_cells);

  return g_test_run ();
}
