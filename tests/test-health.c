/* test-health.c — the journey health check, where we trail the best,
 * channel consistency, and editing comparators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "tps-benchmark.h"
#include "tps-compare.h"
#include "tps-conflict.h"
#include "tps-merge.h"
#include "tps-health.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-project-structure.h"
#include "tps-test-project.h"

/* The fixture's dates are compared with this day. */
#define TODAY "2026-06-01"

static TpsProject *
load (const char *relative)
{
  return tps_test_load_fixture (relative);
}

static const char *
id_of (gpointer object)
{
  return tps_object_get_id (TPS_OBJECT (object));
}

/* health.touchpoints is built so that each check fires exactly where its
 * comment in the file says, and nowhere else.
 */
static void
test_findings_known (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(GPtrArray) findings = tps_health_check (project, TODAY);
  const struct {
    TpsHealthCheck check;
    TpsHealthSeverity severity;
    const char *target;
  } expected[] = {
    { TPS_HEALTH_PAINPOINT_WITHOUT_MEASURE, TPS_HEALTH_CRITICAL, "t-calc" },
    { TPS_HEALTH_MOMENT_OF_TRUTH_BELOW_OKAY, TPS_HEALTH_CRITICAL, "t-hotline" },
    { TPS_HEALTH_TARGET_BELOW_CURRENT, TPS_HEALTH_WARNING, "t-shop" },
    { TPS_HEALTH_INCONSISTENT_CHANNELS, TPS_HEALTH_WARNING, "s-mid" },
    { TPS_HEALTH_RETIRING_WITH_ACTIVE_MEASURE, TPS_HEALTH_WARNING, "t-old" },
    { TPS_HEALTH_PAST_DATE, TPS_HEALTH_WARNING, "x-late" },
    { TPS_HEALTH_MEASURE_WITHOUT_KPI, TPS_HEALTH_WARNING, "x-unproven" },
    { TPS_HEALTH_NO_IST_RATING, TPS_HEALTH_HINT, "t-old" },
    { TPS_HEALTH_NO_ENTRY_POINT, TPS_HEALTH_HINT, "s-first" },
  };
  guint counts[TPS_HEALTH_N_SEVERITIES];

  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);
      g_test_message ("%u: %s", i, finding->message);
    }

  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpint (finding->check, ==, expected[i].check);
      g_assert_cmpint (finding->severity, ==, expected[i].severity);
      g_assert_cmpstr (id_of (finding->target), ==, expected[i].target);
      g_assert_nonnull (finding->message);
    }

  tps_health_count (findings, counts);
  g_assert_cmpuint (counts[TPS_HEALTH_CRITICAL], ==, 2);
  g_assert_cmpuint (counts[TPS_HEALTH_WARNING], ==, 5);
  g_assert_cmpuint (counts[TPS_HEALTH_HINT], ==, 2);
}

static void
test_messages_name_objects (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(GPtrArray) findings = tps_health_check (project, TODAY);
  TpsHealthFinding *inconsistent = g_ptr_array_index (findings, 3);
  TpsHealthFinding *late = g_ptr_array_index (findings, 5);

  g_assert_nonnull (strstr (((TpsHealthFinding *) g_ptr_array_index (findings, 0))->message,
                            "Tarifrechner"));
  g_assert_nonnull (strstr (inconsistent->message, "Mitte"));
  g_assert_nonnull (strstr (inconsistent->message, "Website"));
  g_assert_nonnull (strstr (inconsistent->message, "Filiale"));
  g_assert_null (strstr (inconsistent->message, "Telefon"));
  g_assert_nonnull (strstr (late->message, "2026-03-31"));
}

/* Dates only count once they are past: on the day before the measure was
 * due nothing is late.
 */
static void
test_dates_follow_today (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(GPtrArray) findings = tps_health_check (project, "2026-03-30");

  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpint (finding->check, !=, TPS_HEALTH_PAST_DATE);
      /* x-unproven starts on 2026-04-01: not under way yet, nothing to prove */
      g_assert_cmpint (finding->check, !=, TPS_HEALTH_MEASURE_WITHOUT_KPI);
    }
}

/* A measurement after the start proves the measure; fixing the painpoint
 * with a measure removes its finding.
 */
static void
test_fixing_removes_findings (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GPtrArray) findings = NULL;
  TpsTouchpoint *shop = tps_project_find_touchpoint (project, "t-shop");
  TpsMeasure *dropped = tps_project_find_measure (project, "x-dropped");
  g_autoptr(TpsMeasurement) reading = tps_measurement_new ("m-after");

  tps_measurement_set_date (reading, "2026-05-02");
  tps_history_append (history, tps_touchpoint_get_measurements (shop), reading);
  tps_history_set (history, dropped, "status", TPS_MEASURE_STATUS_PLANNED, NULL);

  findings = tps_health_check (project, TODAY);
  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpint (finding->check, !=, TPS_HEALTH_MEASURE_WITHOUT_KPI);
      g_assert_cmpint (finding->check, !=, TPS_HEALTH_PAINPOINT_WITHOUT_MEASURE);
    }
}

static void
test_entry_and_exit (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n_entry = 0, n_exit = 0;

  tps_history_set (history, tps_project_find_touchpoint (project, "t-calc"),
                   "entry-point", TRUE, NULL);
  tps_history_set (history, tps_project_find_touchpoint (project, "t-old"),
                   "exit-point", FALSE, NULL);
  after = tps_health_check (project, TODAY);
  for (guint i = 0; i < after->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (after, i);

      n_entry += finding->check == TPS_HEALTH_NO_ENTRY_POINT;
      if (finding->check == TPS_HEALTH_NO_EXIT_POINT)
        {
          n_exit++;
          g_assert_cmpstr (id_of (finding->target), ==, "s-last");
        }
    }
  g_assert_cmpuint (n_entry, ==, 0);
  g_assert_cmpuint (n_exit, ==, 1);
}

/* The two shipped examples are healthy enough to load and honest enough to
 * have findings: the health panel and --check have something to show.
 */
static void
test_examples_have_findings (void)
{
  const char *examples[] = {
    "../data/examples/de/stadtwerke.touchpoints",
    "../data/examples/en/car-dealership.touchpoints",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(TpsProject) project = load (examples[i]);
      g_autoptr(GPtrArray) findings = tps_health_check (project, TODAY);

      g_assert_cmpuint (findings->len, >, 0);
    }
}

static void
test_empty_project (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GPtrArray) findings = tps_health_check (project, NULL);
  g_autoptr(GPtrArray) consistency = tps_benchmark_get_consistency (project);
  g_autoptr(GArray) gaps = tps_benchmark_get_gaps (project, NULL);

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (consistency->len, ==, 0);
  g_assert_cmpuint (gaps->len, ==, 0);
}

/* Where we trail the best ------------------------------------------------- */

static void
test_gaps_all_comparators (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(GArray) gaps = tps_benchmark_get_gaps (project, NULL);
  TpsBenchmarkGap *gap;

  /* t-new has a rating but does not exist today; t-shop beats both */
  g_assert_cmpuint (gaps->len, ==, 3);

  gap = &g_array_index (gaps, TpsBenchmarkGap, 0);
  g_assert_cmpstr (id_of (gap->touchpoint), ==, "t-calc");
  g_assert_cmpstr (id_of (gap->best), ==, "cmp-b");
  g_assert_cmpint (gap->best_rating, ==, 2);
  g_assert_cmpint (gap->current, ==, -1);
  g_assert_cmpint (gap->gap, ==, 3);
  g_assert_cmpint (gap->weighted, ==, 15);

  gap = &g_array_index (gaps, TpsBenchmarkGap, 1);
  g_assert_cmpstr (id_of (gap->touchpoint), ==, "t-hotline");
  g_assert_cmpint (gap->weighted, ==, 8);

  gap = &g_array_index (gaps, TpsBenchmarkGap, 2);
  g_assert_cmpstr (id_of (gap->touchpoint), ==, "t-mail");
  g_assert_cmpint (gap->weighted, ==, 6);
}

static void
test_gaps_one_comparator (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  TpsComparator *a = tps_project_find_comparator (project, "cmp-a");
  g_autoptr(GArray) gaps = tps_benchmark_get_gaps (project, a);
  TpsComparatorSummary summary;

  g_assert_cmpuint (gaps->len, ==, 2);
  g_assert_cmpstr (id_of (g_array_index (gaps, TpsBenchmarkGap, 0).touchpoint), ==, "t-calc");
  g_assert_cmpint (g_array_index (gaps, TpsBenchmarkGap, 0).weighted, ==, 10);
  g_assert_cmpstr (id_of (g_array_index (gaps, TpsBenchmarkGap, 1).touchpoint), ==,
                   "t-hotline");

  tps_benchmark_summarize (project, a, &summary);
  g_assert_cmpuint (summary.n_rated, ==, 3);
  g_assert_cmpuint (summary.n_behind, ==, 2);
  g_assert_cmpuint (summary.n_ahead, ==, 1);
  g_assert_cmpuint (summary.n_level, ==, 0);
  g_assert_cmpfloat_with_epsilon (summary.mean_difference, 1.0, 1e-9);
}

/* Channel consistency ----------------------------------------------------- */

static void
test_consistency (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(GPtrArray) stages = tps_benchmark_get_consistency (project);
  TpsStageConsistency *first, *mid, *last;
  g_autofree char *text = NULL;

  g_assert_cmpuint (stages->len, ==, 3);
  first = g_ptr_array_index (stages, 0);
  mid = g_ptr_array_index (stages, 1);
  last = g_ptr_array_index (stages, 2);

  g_assert_cmpuint (first->channels->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (first->spread, 1.0, 1e-9);
  g_assert_false (tps_stage_consistency_is_inconsistent (first));

  g_assert_cmpuint (mid->channels->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (mid->spread, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mid->mean, 0.5, 1e-9);
  g_assert_true (tps_stage_consistency_is_inconsistent (mid));
  g_assert_true (g_array_index (mid->channels, TpsChannelRating, 0).outlier);
  g_assert_true (g_array_index (mid->channels, TpsChannelRating, 1).outlier);
  text = tps_stage_consistency_describe (mid);
  g_assert_nonnull (strstr (text, "Website (−1.0)"));
  g_assert_nonnull (strstr (text, "Filiale (+2.0)"));

  /* the new portal does not count; the retiring fax still exists */
  g_assert_cmpuint (last->channels->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (last->spread, 0.0, 1e-9);
}

/* Editing comparators ----------------------------------------------------- */

static void
test_set_rating_undoable (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsComparator *a = tps_project_find_comparator (project, "cmp-a");
  int value = 99;

  gt_signal_logger_connect (logger, tps_comparator_get_ratings (a), "items-changed");

  /* a new rating is appended … */
  tps_project_set_comparator_rating (history, a, "t-mail", TRUE, 2);
  g_assert_true (tps_comparator_get_rating (a, "t-mail", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 1);
  g_assert_true (gt_signal_logger_pop_emission (logger, NULL, NULL, NULL, NULL));

  /* … changed in place, setting the same value is no step at all … */
  tps_project_set_comparator_rating (history, a, "t-mail", TRUE, -1);
  g_assert_true (tps_comparator_get_rating (a, "t-mail", &value));
  g_assert_cmpint (value, ==, -1);
  tps_project_set_comparator_rating (history, a, "t-mail", TRUE, -1);
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 0);

  /* … and removed */
  tps_project_set_comparator_rating (history, a, "t-mail", FALSE, 0);
  g_assert_false (tps_comparator_get_rating (a, "t-mail", NULL));
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 1);

  g_assert_true (tps_history_undo (history));
  g_assert_true (tps_comparator_get_rating (a, "t-mail", &value));
  g_assert_cmpint (value, ==, -1);
  g_assert_true (tps_history_undo (history));
  g_assert_cmpint ((tps_comparator_get_rating (a, "t-mail", &value), value), ==, 2);
  g_assert_true (tps_history_undo (history));
  g_assert_false (tps_comparator_get_rating (a, "t-mail", NULL));
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_delete_touchpoint_drops_ratings (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsComparator *a = tps_project_find_comparator (project, "cmp-a");
  TpsComparator *b = tps_project_find_comparator (project, "cmp-b");

  tps_project_delete_touchpoint (project, history,
                                 tps_project_find_touchpoint (project, "t-calc"));
  g_assert_false (tps_comparator_get_rating (a, "t-calc", NULL));
  g_assert_false (tps_comparator_get_rating (b, "t-calc", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (a)), ==, 2);

  /* one undo brings the touchpoint and its ratings back, where they were */
  g_assert_true (tps_history_undo (history));
  g_assert_nonnull (tps_project_find_touchpoint (project, "t-calc"));
  g_assert_true (tps_comparator_get_rating (a, "t-calc", NULL));
  g_assert_true (tps_comparator_get_rating (b, "t-calc", NULL));
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_add_and_delete_comparator (void)
{
  g_autoptr(TpsProject) project = load ("data/health.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  GListModel *comparators = tps_project_get_comparators (project);
  TpsComparator *added;

  added = tps_project_add_comparator (project, history, "Online-Händler",
                                      TPS_COMPARATOR_KIND_BEST_PRACTICE);
  g_assert_cmpuint (g_list_model_get_n_items (comparators), ==, 3);
  g_assert_cmpstr (id_of (added), ==, "cmp-1");
  g_assert_true (tps_project_lookup (project, "cmp-1") == TPS_OBJECT (added));

  tps_project_delete_comparator (project, history, tps_project_find_comparator (project,
                                                                                 "cmp-a"));
  g_assert_cmpuint (g_list_model_get_n_items (comparators), ==, 2);
  g_assert_true (tps_history_undo (history));
  g_assert_nonnull (tps_project_find_comparator (project, "cmp-a"));
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (
                      tps_project_find_comparator (project, "cmp-a"))), ==, 3);
}

/* Loading ----------------------------------------------------------------- */

static void
test_load_refuses_bad_ratings (void)
{
  const char *bad[] = {
    /* a rating twice */
    "<rating touchpoint=\"t\" value=\"1\"/><rating touchpoint=\"t\" value=\"2\"/>",
    /* out of range */
    "<rating touchpoint=\"t\" value=\"3\"/>",
    /* dangling */
    "<rating touchpoint=\"nope\" value=\"1\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<?xml version=\"1.0\"?>\n"
        "<touchpoint-project xmlns=\"urn:touchpoint-studio:project\" format-version=\"1\">"
        "<title>x</title><personas/><stages><stage id=\"s\"><name>S</name></stage></stages>"
        "<channels><channel id=\"c\" kind=\"online\"><name>C</name></channel></channels>"
        "<touchpoints><touchpoint id=\"t\" stage=\"s\" channel=\"c\" function=\"inform\" "
        "status=\"existing\" moment=\"none\" current=\"0\" target=\"0\" importance=\"3\" "
        "internal=\"0\"><title>T</title></touchpoint></touchpoints><measures/>"
        "<comparators><comparator id=\"k\" kind=\"competitor\"><name>K</name>%s"
        "</comparator></comparators></touchpoint-project>\n", bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpsProject) project = tps_project_load_from_data (xml, strlen (xml), &error);

      g_assert_null (project);
      g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Line "));
    }
}

static void
test_load_comparators (void)
{
  g_autoptr(TpsProject) project = load ("data/all-fields.touchpoints");
  TpsComparator *rival = tps_project_find_comparator (project, "cmp-rival");
  int value;

  g_assert_nonnull (rival);
  g_assert_cmpstr (tps_comparator_get_name (rival), ==, "Strom & Gas Direkt");
  g_assert_cmpint (tps_comparator_get_kind (rival), ==, TPS_COMPARATOR_KIND_COMPETITOR);
  g_assert_cmpstr (tps_comparator_get_date (rival), ==, "2026-02-15");
  g_assert_cmpstr (tps_comparator_get_source (rival), ==, "Mystery Shopping Februar");
  g_assert_cmpstr (tps_comparator_get_note (rival), ==, "Discounter\nnur online");
  g_assert_true (tps_comparator_get_rating (rival, "t-four", &value));
  g_assert_cmpint (value, ==, -2);
  g_assert_false (tps_comparator_get_rating (rival, "t-two", NULL));
  g_assert_cmpint (tps_comparator_get_kind (tps_project_find_comparator (project, "cmp-bank")),
                   ==, TPS_COMPARATOR_KIND_BEST_PRACTICE);
}

/* Comparators in a semantic diff and a three-way merge ------------------- */

static TpsProject *
copy_project (TpsProject *project)
{
  gsize length;
  g_autofree char *data = tps_project_save_to_data (project, &length);
  g_autoptr(GError) error = NULL;
  TpsProject *copy = tps_project_load_from_data (data, length, &error);

  g_assert_no_error (error);
  return copy;
}

static void
test_compare_and_merge (void)
{
  g_autoptr(TpsProject) base = load ("data/health.touchpoints");
  g_autoptr(TpsProject) ours = copy_project (base);
  g_autoptr(TpsProject) theirs = copy_project (base);
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsComparison) comparison = NULL;
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsComparator *a, *added;
  const TpsObjectChange *change;
  gboolean saw_rating = FALSE;
  int value;

  /* ours: cmp-a rates t-mail; theirs: cmp-a's name, its t-calc rating
   * changed, its t-hotline rating removed, and a new comparator
   */
  tps_project_set_comparator_rating (history, tps_project_find_comparator (ours, "cmp-a"),
                                     "t-mail", TRUE, 1);
  a = tps_project_find_comparator (theirs, "cmp-a");
  tps_comparator_set_name (a, "Mitbewerber A (neu)");
  tps_project_set_comparator_rating (history, a, "t-calc", TRUE, 2);
  tps_project_set_comparator_rating (history, a, "t-hotline", FALSE, 0);
  added = tps_project_add_comparator (theirs, history, "Neu",
                                      TPS_COMPARATOR_KIND_BEST_PRACTICE);
  tps_project_set_comparator_rating (history, added, "t-shop", TRUE, 2);

  comparison = tps_comparison_new (base, theirs);
  g_assert_cmpuint (tps_comparison_get_n_changes (comparison), ==, 2);
  change = tps_comparison_get_change (comparison, 0);
  g_assert_cmpstr (change->id, ==, "cmp-a");
  for (guint i = 0; i < change->properties->len; i++)
    saw_rating |= g_strcmp0 (((TpsPropertyChange *) g_ptr_array_index (change->properties,
                                                                        i))->property,
                             "ratings") == 0;
  g_assert_true (saw_rating);
  g_assert_cmpint (tps_comparison_get_change (comparison, 1)->kind, ==, TPS_CHANGE_ADDED);

  merged = tps_project_merge (base, ours, theirs);
  a = tps_project_find_comparator (merged, "cmp-a");
  g_assert_cmpstr (tps_comparator_get_name (a), ==, "Mitbewerber A (neu)");
  g_assert_true (tps_comparator_get_rating (a, "t-calc", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_false (tps_comparator_get_rating (a, "t-hotline", NULL));
  g_assert_true (tps_comparator_get_rating (a, "t-mail", &value));
  g_assert_cmpint (value, ==, 1);
  added = tps_project_find_comparator (merged, tps_object_get_id (TPS_OBJECT (added)));
  g_assert_nonnull (added);
  g_assert_true (tps_comparator_get_rating (added, "t-shop", &value));
  g_assert_cmpint (value, ==, 2);
}

/* Theirs deleted a comparator ours changed: it stays, a conflict says so,
 * and taking theirs deletes it with its ratings.
 */
static void
test_merge_deleted_comparator (void)
{
  g_autoptr(TpsProject) base = load ("data/health.touchpoints");
  g_autoptr(TpsProject) ours = copy_project (base);
  g_autoptr(TpsProject) theirs = copy_project (base);
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsConflict) conflict = NULL;
  GListModel *conflicts;

  tps_comparator_set_name (tps_project_find_comparator (ours, "cmp-b"), "Best Practice B2");
  tps_project_delete_comparator (theirs, history, tps_project_find_comparator (theirs, "cmp-b"));

  merged = tps_project_merge (base, ours, theirs);
  g_assert_nonnull (tps_project_find_comparator (merged, "cmp-b"));
  conflicts = tps_project_get_conflicts (merged);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_true (tps_conflict_get_deleted (conflict));
  g_assert_cmpstr (tps_conflict_get_ref (conflict), ==, "cmp-b");

  tps_conflict_resolve (conflict, merged, history, TRUE);
  g_assert_null (tps_project_find_comparator (merged, "cmp-b"));
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health/findings/known", test_findings_known);
  g_test_add_func ("/health/findings/messages-name-objects", test_messages_name_objects);
  g_test_add_func ("/health/findings/dates-follow-today", test_dates_follow_today);
  g_test_add_func ("/health/findings/fixing-removes-findings", test_fixing_removes_findings);
  g_test_add_func ("/health/findings/entry-and-exit", test_entry_and_exit);
  g_test_add_func ("/health/findings/examples", test_examples_have_findings);
  g_test_add_func ("/health/findings/empty-project", test_empty_project);
  g_test_add_func ("/health/benchmark/gaps-all-comparators", test_gaps_all_comparators);
  g_test_add_func ("/health/benchmark/gaps-one-comparator", test_gaps_one_comparator);
  g_test_add_func ("/health/consistency/per-stage", test_consistency);
  g_test_add_func ("/health/comparators/set-rating-undoable", test_set_rating_undoable);
  g_test_add_func ("/health/comparators/delete-touchpoint-drops-ratings",
                   test_delete_touchpoint_drops_ratings);
  g_test_add_func ("/health/comparators/add-and-delete", test_add_and_delete_comparator);
  g_test_add_func ("/health/comparators/load", test_load_comparators);
  g_test_add_func ("/health/comparators/load-refuses-bad-ratings",
                   test_load_refuses_bad_ratings);
  g_test_add_func ("/health/comparators/compare-and-merge", test_compare_and_merge);
  g_test_add_func ("/health/comparators/merge-deleted", test_merge_deleted_comparator);

  return g_test_run ();
}
