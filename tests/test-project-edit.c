/* test-project-edit.c — editing operations that span several objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "tps-project-edit.h"
#include "tps-project-io.h"

static TpsProject *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "de",
                                                 "stadtwerke.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static gboolean
links (TpsMeasure *measure,
       const char *touchpoint_id)
{
  const char * const *ids = tps_measure_get_touchpoint_ids (measure);

  return ids != NULL && g_strv_contains (ids, touchpoint_id);
}

static guint
count_linking (TpsProject *project,
               const char *touchpoint_id)
{
  GListModel *measures = tps_project_get_measures (project);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);

      if (links (measure, touchpoint_id))
        count++;
    }

  return count;
}

static TpsMeasure *
add_measure (TpsProject *project,
             TpsHistory *history,
             const char *id,
             const char *parent_id)
{
  g_autoptr(TpsMeasure) measure = tps_measure_new (id);

  tps_measure_set_title (measure, id);
  tps_measure_set_parent_id (measure, parent_id);
  tps_project_add_measure (project, history, measure);
  return measure;
}

/* Deleting a touchpoint removes every measure's link to it, and one undo
 * brings back both the touchpoint and the links.
 */
static void
test_delete_touchpoint_links (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsTouchpoint *touchpoint = tps_project_find_touchpoint (project, "t-hotline-service");
  TpsMeasure *callback = tps_project_find_measure (project, "x-hotline-callback");
  guint n_touchpoints = g_list_model_get_n_items (tps_project_get_touchpoints (project));
  guint linked = count_linking (project, "t-hotline-service");

  g_assert_cmpuint (linked, ==, 5);
  g_object_ref (touchpoint);

  gt_signal_logger_connect (logger, history, "changed");
  tps_project_delete_touchpoint (project, history, touchpoint);
  gt_signal_logger_assert_emission_pop (logger, history, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_null (tps_project_find_touchpoint (project, "t-hotline-service"));
  g_assert_cmpuint (count_linking (project, "t-hotline-service"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==,
                    n_touchpoints - 1);
  /* The callback measure linked only this touchpoint: it keeps no links. */
  g_assert_null (tps_measure_get_touchpoint_ids (callback));
  /* Other links of the same measure survive. */
  g_assert_true (links (tps_project_find_measure (project, "x-hotline"), "t-hotline-presales"));

  g_assert_true (tps_history_undo (history));
  g_assert_false (tps_history_get_can_undo (history));
  g_assert_true (tps_project_find_touchpoint (project, "t-hotline-service") == touchpoint);
  g_assert_cmpuint (count_linking (project, "t-hotline-service"), ==, linked);

  g_assert_true (tps_history_redo (history));
  g_assert_cmpuint (count_linking (project, "t-hotline-service"), ==, 0);
  g_object_unref (touchpoint);
}

static void
test_delete_touchpoint_label (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();

  tps_project_delete_touchpoint (project, history,
                                 tps_project_find_touchpoint (project, "t-dunning"));
  g_assert_cmpstr (tps_history_get_undo_label (history), ==,
                   "Touchpoint “Zahlungserinnerung und Mahnung” deleted");
}

/* Sub-projects of a deleted measure move up to its parent in the same step. */
static void
test_delete_measure_reparents (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  TpsMeasure *b = add_measure (project, history, "b", "a");
  TpsMeasure *c1 = add_measure (project, history, "c1", "b");
  TpsMeasure *c2 = add_measure (project, history, "c2", "b");

  g_object_ref (b);
  tps_project_delete_measure (project, history, b);
  g_assert_null (tps_project_find_measure (project, "b"));
  g_assert_cmpstr (tps_measure_get_parent_id (c1), ==, "a");
  g_assert_cmpstr (tps_measure_get_parent_id (c2), ==, "a");

  /* Deleting a top-level measure makes its sub-projects top-level. */
  tps_project_delete_measure (project, history, a);
  g_assert_null (tps_measure_get_parent_id (c1));
  g_assert_null (tps_measure_get_parent_id (c2));

  g_assert_true (tps_history_undo (history));
  g_assert_true (tps_history_undo (history));
  g_assert_true (tps_project_find_measure (project, "b") == b);
  g_assert_cmpstr (tps_measure_get_parent_id (c1), ==, "b");
  g_assert_cmpstr (tps_measure_get_parent_id (c2), ==, "b");
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_measures (project)), ==, 4);
  g_object_unref (b);
}

static void
test_add_measure_assigns_id (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsMeasure) measure = tps_measure_new (NULL);
  guint n = g_list_model_get_n_items (tps_project_get_measures (project));

  tps_measure_set_title (measure, "Neue Maßnahme");
  tps_project_add_measure (project, history, measure);
  g_assert_nonnull (tps_object_get_id (TPS_OBJECT (measure)));
  g_assert_true (tps_project_find_measure (project, tps_object_get_id (TPS_OBJECT (measure)))
                 == measure);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_measures (project)), ==, n + 1);

  g_assert_true (tps_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_measures (project)), ==, n);
}

static void
test_parent_refuses_self (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  g_autoptr(GError) error = NULL;

  tps_history_clear (history);
  g_assert_false (tps_project_set_measure_parent (project, history, a, "a", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE);
  g_assert_null (tps_measure_get_parent_id (a));
  g_assert_false (tps_history_get_can_undo (history));
}

/* a ← b: a cannot become a sub-project of its own sub-project b. */
static void
test_parent_refuses_direct_cycle (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  g_autoptr(GError) error = NULL;

  add_measure (project, history, "b", "a");
  tps_history_clear (history);

  g_assert_false (tps_project_set_measure_parent (project, history, a, "b", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "sub-project"));
  g_assert_null (tps_measure_get_parent_id (a));
  g_assert_false (tps_history_get_can_undo (history));
}

/* a ← b ← c: a cannot go under c either. */
static void
test_parent_refuses_indirect_cycle (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  TpsMeasure *b = add_measure (project, history, "b", "a");
  g_autoptr(GError) error = NULL;

  add_measure (project, history, "c", "b");

  g_assert_false (tps_project_set_measure_parent (project, history, a, "c", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE);
  g_clear_error (&error);
  g_assert_false (tps_project_set_measure_parent (project, history, b, "c", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE);
  g_assert_null (tps_measure_get_parent_id (a));
  g_assert_cmpstr (tps_measure_get_parent_id (b), ==, "a");
}

static void
test_parent_refuses_missing (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tps_project_set_measure_parent (project, history, a, "nowhere", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND);
}

/* Moving a sub-tree elsewhere (and back to the top level) is allowed and undoable. */
static void
test_parent_accepts_and_undoes (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *b;
  g_autoptr(GError) error = NULL;

  add_measure (project, history, "a", NULL);
  b = add_measure (project, history, "b", "a");
  add_measure (project, history, "c", NULL);

  g_assert_true (tps_project_set_measure_parent (project, history, b, "c", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tps_measure_get_parent_id (b), ==, "c");
  g_assert_true (tps_project_set_measure_parent (project, history, b, NULL, &error));
  g_assert_null (tps_measure_get_parent_id (b));

  g_assert_true (tps_history_undo (history));
  g_assert_cmpstr (tps_measure_get_parent_id (b), ==, "c");
  g_assert_true (tps_history_undo (history));
  g_assert_cmpstr (tps_measure_get_parent_id (b), ==, "a");
}

static void
test_dates_refuse_invalid (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  const char *bad[] = { "2026-02-30", "2026-13-01", "31.12.2026", "soon" };

  tps_history_clear (history);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tps_project_set_measure_dates (project, history, a, bad[i], NULL, &error));
      g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_INVALID_DATE);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);

      g_assert_false (tps_project_set_measure_dates (project, history, a, NULL, bad[i], &error));
      g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_INVALID_DATE);
    }

  g_assert_null (tps_measure_get_start (a));
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_dates_refuse_due_before_start (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tps_project_set_measure_dates (project, history, a, "2026-05-02", "2026-05-01",
                                                 &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_DUE_BEFORE_START);
  g_assert_null (tps_measure_get_start (a));
  g_assert_null (tps_measure_get_due (a));
}

/* Both dates change in one step; a one-day measure and open ends are fine. */
static void
test_dates_one_step (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *a = add_measure (project, history, "a", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tps_project_set_measure_dates (project, history, a, "2026-05-01", "2026-06-30",
                                                &error));
  g_assert_true (tps_project_set_measure_dates (project, history, a, "2026-07-01", "2026-07-01",
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tps_measure_get_start (a), ==, "2026-07-01");

  g_assert_true (tps_history_undo (history));
  g_assert_cmpstr (tps_measure_get_start (a), ==, "2026-05-01");
  g_assert_cmpstr (tps_measure_get_due (a), ==, "2026-06-30");

  g_assert_true (tps_project_set_measure_dates (project, history, a, "2026-05-01", NULL, &error));
  g_assert_null (tps_measure_get_due (a));
  g_assert_true (tps_project_set_measure_dates (project, history, a, NULL, NULL, &error));
  g_assert_null (tps_measure_get_start (a));
}

static void
test_link_refuses_missing (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *measure = tps_project_find_measure (project, "x-calc");
  g_autoptr(GError) error = NULL;

  g_assert_false (tps_project_link_touchpoint (project, history, measure, "t-nowhere", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND);
  /* A measure id is not a touchpoint either. */
  g_clear_error (&error);
  g_assert_false (tps_project_link_touchpoint (project, history, measure, "x-hotline", &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND);
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_link_and_unlink (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasure *measure = tps_project_find_measure (project, "x-calc");
  g_autoptr(GError) error = NULL;

  g_assert_false (links (measure, "t-dunning"));
  g_assert_true (tps_project_link_touchpoint (project, history, measure, "t-dunning", &error));
  g_assert_no_error (error);
  g_assert_true (links (measure, "t-dunning"));
  g_assert_cmpuint (g_strv_length ((char **) tps_measure_get_touchpoint_ids (measure)), ==, 4);

  /* Linking again records nothing. */
  g_assert_true (tps_project_link_touchpoint (project, history, measure, "t-dunning", &error));
  g_assert_true (tps_history_undo (history));
  g_assert_false (links (measure, "t-dunning"));
  g_assert_false (tps_history_get_can_undo (history));

  g_assert_true (tps_project_unlink_touchpoint (project, history, measure, "t-tariff-calc",
                                                &error));
  g_assert_false (links (measure, "t-tariff-calc"));
  g_assert_true (links (measure, "t-online-order"));
  g_assert_true (tps_history_undo (history));
  g_assert_true (links (measure, "t-tariff-calc"));

  g_assert_false (tps_project_unlink_touchpoint (project, history, measure, "t-nowhere",
                                                 &error));
  g_assert_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND);
}

/* Planner summary of the German example: 18 measures, statuses as planned
 * by the Stadtwerke team, committed budget of planned/in-progress/pilot
 * measures, and three quick wins not yet done.
 */
static void
test_summary_german_example (void)
{
  g_autoptr(TpsProject) project = load_example ();
  TpsMeasureSummary summary;

  tps_project_measure_summary (project, &summary);
  g_assert_cmpuint (summary.n_measures, ==, 18);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_IDEA], ==, 1);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_PLANNED], ==, 2);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_IN_PROGRESS], ==, 3);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_PILOT], ==, 3);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_ROLLED_OUT], ==, 3);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_DONE], ==, 5);
  g_assert_cmpuint (summary.by_status[TPS_MEASURE_STATUS_DROPPED], ==, 1);
  g_assert_cmpuint (summary.n_planned, ==, 8);
  g_assert_cmpfloat_with_epsilon (summary.planned_cost, 245000.0, 0.001);
  g_assert_cmpuint (summary.open_quick_wins, ==, 3);
}

/* Finishing a quick win takes it off the open count. */
static void
test_summary_open_quick_wins (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsMeasureSummary summary;

  tps_history_set (history, tps_project_find_measure (project, "x-winback"),
                   "status", TPS_MEASURE_STATUS_DONE, NULL);
  tps_project_measure_summary (project, &summary);
  g_assert_cmpuint (summary.open_quick_wins, ==, 2);
  g_assert_cmpuint (summary.n_planned, ==, 7);
}

static gboolean
contains_id (GPtrArray  *touchpoints,
             const char *id)
{
  for (guint i = 0; i < touchpoints->len; i++)
    if (g_strcmp0 (tps_object_get_id (g_ptr_array_index (touchpoints, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_painpoints_without_measure (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GPtrArray) open = tps_project_get_painpoints_without_measure (project);
  g_autoptr(GPtrArray) after_link = NULL;
  g_autoptr(GPtrArray) after_drop = NULL;

  g_assert_cmpuint (open->len, ==, 2);
  g_assert_true (contains_id (open, "t-dunning"));
  g_assert_true (contains_id (open, "t-move-out"));

  g_assert_true (tps_project_link_touchpoint (project, history,
                                              tps_project_find_measure (project, "x-winback"),
                                              "t-move-out", NULL));
  after_link = tps_project_get_painpoints_without_measure (project);
  g_assert_cmpuint (after_link->len, ==, 1);
  g_assert_true (contains_id (after_link, "t-dunning"));

  /* A dropped measure fixes nothing: its painpoints are open again. */
  tps_history_set (history, tps_project_find_measure (project, "x-regional-tariff"),
                   "status", TPS_MEASURE_STATUS_DROPPED, NULL);
  after_drop = tps_project_get_painpoints_without_measure (project);
  g_assert_true (contains_id (after_drop, "t-compare-portal"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-edit/delete-touchpoint/removes-links-in-one-step",
                   test_delete_touchpoint_links);
  g_test_add_func ("/project-edit/delete-touchpoint/undo-label", test_delete_touchpoint_label);
  g_test_add_func ("/project-edit/delete-measure/reparents-sub-projects",
                   test_delete_measure_reparents);
  g_test_add_func ("/project-edit/add-measure/assigns-id", test_add_measure_assigns_id);
  g_test_add_func ("/project-edit/parent/refuses-self", test_parent_refuses_self);
  g_test_add_func ("/project-edit/parent/refuses-direct-cycle", test_parent_refuses_direct_cycle);
  g_test_add_func ("/project-edit/parent/refuses-indirect-cycle",
                   test_parent_refuses_indirect_cycle);
  g_test_add_func ("/project-edit/parent/refuses-missing", test_parent_refuses_missing);
  g_test_add_func ("/project-edit/parent/accepts-and-undoes", test_parent_accepts_and_undoes);
  g_test_add_func ("/project-edit/dates/refuse-invalid", test_dates_refuse_invalid);
  g_test_add_func ("/project-edit/dates/refuse-due-before-start",
                   test_dates_refuse_due_before_start);
  g_test_add_func ("/project-edit/dates/one-step", test_dates_one_step);
  g_test_add_func ("/project-edit/link/refuses-missing-touchpoint", test_link_refuses_missing);
  g_test_add_func ("/project-edit/link/link-and-unlink", test_link_and_unlink);
  g_test_add_func ("/project-edit/summary/german-example", test_summary_german_example);
  g_test_add_func ("/project-edit/summary/open-quick-wins", test_summary_open_quick_wins);
  g_test_add_func ("/project-edit/painpoints-without-measure", test_painpoints_without_measure);

  return g_test_run ();
}
