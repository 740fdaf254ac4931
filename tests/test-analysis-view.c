/* test-analysis-view.c — the Analysis view under Xvfb: the checklist edits
 * through the history, a click on a chart asks to show the touchpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>

#include "tps-analysis-charts.h"
#include "tps-analysis-view-private.h"
#include "tps-health.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  GtkWindow *window;
  TpsAnalysisView *view;
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *relative = data != NULL ? data : "data/all-fields.touchpoints";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->project = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->history = tps_history_new ();

  f->view = TPS_ANALYSIS_VIEW (tps_analysis_view_new ());
  g_object_set (f->view, "project", f->project, "history", f->history, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 900);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  flush_events ();
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

static GtkWidget *
find_child (GtkWidget  *root,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;

      found = find_child (child, id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
label_text (Fixture    *f,
            GtkWidget  *root,
            const char *id)
{
  GtkWidget *label = find_child (root, id);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Ticking a step off marks it done in the model, in one undo step; the
 * progress follows, and one undo restores both.
 */
static void
test_checklist_toggle_and_undo (Fixture       *f,
                                gconstpointer  data)
{
  TpsProcessChecklist *checklist = tps_analysis_view_get_checklist (f->view);
  GtkCheckButton *check = tps_process_checklist_get_check (checklist, TPS_STEP_CTM_2A);
  TpsProcessStep *step = tps_project_get_step (f->project, TPS_STEP_CTM_2A);

  g_assert_nonnull (check);
  g_assert_false (tps_process_step_get_done (step));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (label_text (f, GTK_WIDGET (checklist), "ctm_progress_label"), ==,
                   "2 of 8 CTM steps done");

  gtk_check_button_set_active (check, TRUE);
  flush_events ();
  g_assert_true (tps_process_step_get_done (step));
  g_assert_true (tps_history_get_can_undo (f->history));
  g_assert_cmpstr (label_text (f, GTK_WIDGET (checklist), "ctm_progress_label"), ==,
                   "3 of 8 CTM steps done");

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_false (tps_process_step_get_done (step));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpstr (label_text (f, GTK_WIDGET (checklist), "ctm_progress_label"), ==,
                   "2 of 8 CTM steps done");

  /* Redo ticks the box again: the view follows the model. */
  g_assert_true (tps_history_redo (f->history));
  flush_events ();
  g_assert_true (gtk_check_button_get_active (check));
}

static void
test_checklist_notes_through_history (Fixture       *f,
                                      gconstpointer  data)
{
  TpsProcessChecklist *checklist = tps_analysis_view_get_checklist (f->view);
  GtkEditable *notes = tps_process_checklist_get_notes (checklist, TPS_STEP_BEST_10);
  TpsProcessStep *step = tps_project_get_step (f->project, TPS_STEP_BEST_10);

  g_assert_cmpstr (gtk_editable_get_text (notes), ==, "Mystery Shopping geplant");

  gtk_editable_set_text (notes, "Mystery Shopping im Mai");
  g_assert_cmpstr (tps_process_step_get_notes (step), ==, "Mystery Shopping im Mai");

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_process_step_get_notes (step), ==, "Mystery Shopping geplant");
  g_assert_cmpstr (gtk_editable_get_text (notes), ==, "Mystery Shopping geplant");
}

/* A click on a matrix point asks the window to show that touchpoint and
 * selects it in every chart; a click on empty space does nothing.
 */
static void
test_matrix_click_activates (Fixture       *f,
                             gconstpointer  data)
{
  TpsAnalysisChart *matrix = tps_analysis_view_get_chart (f->view, TPS_ANALYSIS_CHART_MATRIX);
  TpsAnalysisChart *gap = tps_analysis_view_get_chart (f->view,
                                                       TPS_ANALYSIS_CHART_PERCEPTION_GAP);
  TpsTouchpoint *t_five = tps_project_find_touchpoint (f->project, "t-five");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsTouchpoint) activated = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (matrix));
  int height = gtk_widget_get_height (GTK_WIDGET (matrix));
  double x, y;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_true (tps_analysis_matrix_get_marker (f->project, width, height, NULL, t_five,
                                                 &x, &y));

  gt_signal_logger_connect (logger, f->view, "touchpoint-activated");

  g_assert_false (tps_analysis_chart_activate_at (matrix, 1, 1));
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (tps_analysis_chart_activate_at (matrix, x, y));
  gt_signal_logger_assert_emission_pop (logger, f->view, "touchpoint-activated", &activated);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (activated == t_five);

  g_assert_true (tps_analysis_view_get_selected_touchpoint (f->view) == t_five);
  g_assert_true (tps_analysis_chart_get_selected (gap) == t_five);
  /* Activating shows, it does not edit. */
  g_assert_false (tps_history_get_can_undo (f->history));
}

static void
test_gap_and_kpi_click_activate (Fixture       *f,
                                 gconstpointer  data)
{
  TpsAnalysisChart *gap = tps_analysis_view_get_chart (f->view,
                                                       TPS_ANALYSIS_CHART_PERCEPTION_GAP);
  TpsAnalysisChart *kpi = tps_analysis_view_get_chart (f->view, TPS_ANALYSIS_CHART_KPI_TRENDS);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  int gap_height = gtk_widget_get_height (GTK_WIDGET (gap));
  TpsTouchpoint *found = NULL;

  gt_signal_logger_connect (logger, f->view, "touchpoint-activated");

  /* The chart asked for the height that shows every row. */
  g_assert_cmpfloat (gap_height, >=,
                     floor (tps_analysis_perception_gap_get_height (
                       f->project, gtk_widget_get_width (GTK_WIDGET (gap)), NULL)));

  for (double y = 0; y < gap_height && found == NULL; y += 4)
    found = tps_analysis_chart_hit_test (gap, gtk_widget_get_width (GTK_WIDGET (gap)) / 2, y);
  g_assert_nonnull (found);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (found)), ==, "t-one");

  g_assert_true (tps_analysis_chart_activate_at (kpi, 60, 100));
  {
    g_autoptr(TpsTouchpoint) activated = NULL;

    gt_signal_logger_assert_emission_pop (logger, f->view, "touchpoint-activated",
                                          &activated);
    g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (activated)), ==, "t-one");
  }
}

/* The arrow keys walk the perception gap rows, largest gap first, and the
 * selection shows in every chart; Enter asks to show the touchpoint.
 */
static void
test_keyboard_selection (Fixture       *f,
                         gconstpointer  data)
{
  TpsAnalysisChart *gap = tps_analysis_view_get_chart (f->view,
                                                       TPS_ANALYSIS_CHART_PERCEPTION_GAP);
  TpsAnalysisChart *matrix = tps_analysis_view_get_chart (f->view, TPS_ANALYSIS_CHART_MATRIX);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsTouchpoint) activated = NULL;

  gt_signal_logger_connect (logger, f->view, "touchpoint-activated");
  g_assert_false (tps_analysis_chart_activate_selected (gap));

  g_assert_true (tps_analysis_chart_move_selection (gap, 1));
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (tps_analysis_chart_get_selected (gap))), ==,
                   "t-one");
  g_assert_true (tps_analysis_chart_move_selection (gap, 1));
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (tps_analysis_chart_get_selected (gap))), ==,
                   "t-five");
  g_assert_true (tps_analysis_chart_get_selected (matrix)
                 == tps_analysis_chart_get_selected (gap));
  g_assert_true (tps_analysis_view_get_selected_touchpoint (f->view)
                 == tps_analysis_chart_get_selected (gap));

  g_assert_true (tps_analysis_chart_move_selection (gap, -1));
  g_assert_false (tps_analysis_chart_move_selection (gap, -1));   /* the first row */
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (tps_analysis_chart_activate_selected (gap));
  gt_signal_logger_assert_emission_pop (logger, f->view, "touchpoint-activated", &activated);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (activated)), ==, "t-one");
}

/* A change made elsewhere through the history shows at once. */
static void
test_redraws_on_history_change (Fixture       *f,
                                gconstpointer  data)
{
  TpsTouchpoint *t_six = tps_project_find_touchpoint (f->project, "t-six");
  TpsAnalysisChart *gap = tps_analysis_view_get_chart (f->view,
                                                       TPS_ANALYSIS_CHART_PERCEPTION_GAP);
  TpsTouchpoint *t_two = tps_project_find_touchpoint (f->project, "t-two");
  int width = gtk_widget_get_width (GTK_WIDGET (gap));
  int before, after;

  g_assert_cmpstr (label_text (f, GTK_WIDGET (f->view), "matrix_summary"), ==,
                   "2 of 7 touchpoints matter to customers but are not yet delightful: "
                   "concentrate there first.");

  /* t-six becomes important and disappointing: a third to concentrate on. */
  tps_history_begin_group (f->history, "test");
  tps_history_set (f->history, t_six, "importance", 5, "current", -1, NULL);
  tps_history_end_group (f->history);
  flush_events ();
  g_assert_cmpstr (label_text (f, GTK_WIDGET (f->view), "matrix_summary"), ==,
                   "3 of 7 touchpoints matter to customers but are not yet delightful: "
                   "concentrate there first.");

  /* t-two is no longer planned: it joins the perception gap, one row more,
   * and the chart asks for more room.
   */
  gtk_widget_measure (GTK_WIDGET (gap), GTK_ORIENTATION_VERTICAL, width, &before, NULL, NULL,
                      NULL);
  tps_history_set (f->history, t_two, "status", TPS_TOUCHPOINT_STATUS_EXISTING, NULL);
  flush_events ();
  gtk_widget_measure (GTK_WIDGET (gap), GTK_ORIENTATION_VERTICAL, width, &after, NULL, NULL,
                      NULL);
  g_assert_cmpint (after, >, before);
}

/* Changes made while another view is shown appear when the page is shown
 * again; a deleted touchpoint does not stay selected.
 */
static void
test_changes_while_hidden (Fixture       *f,
                           gconstpointer  data)
{
  TpsTouchpoint *t_five = tps_project_find_touchpoint (f->project, "t-five");
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint position;

  tps_analysis_view_set_selected_touchpoint (f->view, t_five);
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  flush_events ();

  g_assert_true (tps_list_find (touchpoints, t_five, &position));
  tps_history_remove (f->history, touchpoints, position);
  flush_events ();

  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  flush_events ();
  g_assert_cmpstr (label_text (f, GTK_WIDGET (f->view), "matrix_summary"), ==,
                   "1 of 6 touchpoints matters to customers but is not yet delightful: "
                   "concentrate there first.");
  g_assert_null (tps_analysis_view_get_selected_touchpoint (f->view));
}

static void
test_replacing_the_project (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TpsProject) empty = tps_project_new ();
  TpsProcessChecklist *checklist = tps_analysis_view_get_checklist (f->view);
  TpsAnalysisChart *matrix = tps_analysis_view_get_chart (f->view, TPS_ANALYSIS_CHART_MATRIX);

  tps_analysis_view_set_project (f->view, empty);
  flush_events ();
  g_assert_true (tps_analysis_chart_get_project (matrix) == empty);
  g_assert_null (tps_analysis_chart_hit_test (matrix, 200, 200));
  g_assert_false (gtk_check_button_get_active (tps_process_checklist_get_check (checklist,
                                                                              TPS_STEP_CTM_1A)));
  g_assert_cmpstr (label_text (f, GTK_WIDGET (checklist), "ctm_progress_label"), ==,
                   "0 of 8 CTM steps done");
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static void
on_object_shown (GObject  *view,
                 GObject  *object,
                 GObject **out)
{
  g_set_object (out, object);
}

/* The health panel lists exactly the core's findings; a click on one goes
 * to the touchpoint, the measure or the first touchpoint of the stage it is
 * about, and a change to the model updates the list.
 */
static void
test_health_panel (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = tps_analysis_view_get_list (f->view, TPS_ANALYSIS_LIST_HEALTH);
  g_autoptr(GPtrArray) findings = tps_health_check (f->project, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GObject) touchpoint = NULL;
  g_autoptr(GObject) measure = NULL;
  gboolean saw_touchpoint = FALSE, saw_measure = FALSE, saw_stage = FALSE;

  g_signal_connect (f->view, "touchpoint-activated", G_CALLBACK (on_object_shown), &touchpoint);
  g_signal_connect (f->view, "show-measure", G_CALLBACK (on_object_shown), &measure);

  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (n_rows (list), ==, findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_clear_object (&touchpoint);
      g_clear_object (&measure);
      g_signal_emit_by_name (list, "row-activated", row);

      if (TPS_IS_TOUCHPOINT (finding->target))
        {
          g_assert_true (touchpoint == G_OBJECT (finding->target));
          saw_touchpoint = TRUE;
        }
      else if (TPS_IS_MEASURE (finding->target))
        {
          g_assert_true (measure == G_OBJECT (finding->target));
          saw_measure = TRUE;
        }
      else
        {
          g_assert_true (TPS_IS_STAGE (finding->target));
          g_assert_nonnull (touchpoint);
          g_assert_cmpstr (tps_touchpoint_get_stage_id (TPS_TOUCHPOINT (touchpoint)), ==,
                           tps_object_get_id (finding->target));
          saw_stage = TRUE;
        }
    }
  g_assert_true (saw_touchpoint && saw_measure && saw_stage);

  /* Giving the dropped measure back a plan addresses the painpoint. */
  tps_history_set (f->history, tps_project_find_measure (f->project, "x-dropped"), "status",
                   TPS_MEASURE_STATUS_PLANNED, NULL);
  flush_events ();
  after = tps_health_check (f->project, NULL);
  g_assert_cmpuint (after->len, ==, findings->len - 1);
  g_assert_cmpuint (n_rows (list), ==, after->len);
}

/* Where we trail the best: every comparator, or the one chosen. */
static void
test_benchmark_list (Fixture       *f,
                     gconstpointer  data)
{
  GtkListBox *list = tps_analysis_view_get_list (f->view, TPS_ANALYSIS_LIST_BENCHMARK);
  GtkDropDown *filter = tps_analysis_view_get_comparator_filter (f->view);
  g_autoptr(GObject) touchpoint = NULL;

  g_signal_connect (f->view, "touchpoint-activated", G_CALLBACK (on_object_shown), &touchpoint);

  g_assert_cmpuint (n_rows (list), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filter)), ==, 3);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (touchpoint)), ==, "t-calc");

  gtk_drop_down_set_selected (filter, 1);   /* cmp-a */
  flush_events ();
  g_assert_cmpuint (n_rows (list), ==, 2);

  /* A rating changed in the model shows at once, the choice kept. */
  tps_project_set_comparator_rating (f->history,
                                     tps_project_find_comparator (f->project, "cmp-a"),
                                     "t-mail", TRUE, 2);
  flush_events ();
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 1);
  g_assert_cmpuint (n_rows (list), ==, 3);
}

static void
test_consistency_list (Fixture       *f,
                       gconstpointer  data)
{
  GtkListBox *list = tps_analysis_view_get_list (f->view, TPS_ANALYSIS_LIST_CONSISTENCY);

  /* one row per stage; only the inconsistent one goes anywhere */
  g_assert_cmpuint (n_rows (list), ==, 3);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 1)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/analysis-view/checklist/toggle-and-undo", test_checklist_toggle_and_undo, NULL);
  ADD ("/analysis-view/checklist/notes-through-history", test_checklist_notes_through_history,
       NULL);
  ADD ("/analysis-view/matrix/click-activates-touchpoint", test_matrix_click_activates, NULL);
  ADD ("/analysis-view/gap-and-kpi/click-activates-touchpoint",
       test_gap_and_kpi_click_activate, NULL);
  ADD ("/analysis-view/keyboard-selection", test_keyboard_selection, NULL);
  ADD ("/analysis-view/redraws-on-history-change", test_redraws_on_history_change, NULL);
  ADD ("/analysis-view/changes-while-hidden", test_changes_while_hidden, NULL);
  ADD ("/analysis-view/replacing-the-project", test_replacing_the_project, NULL);
  ADD ("/analysis-view/health/lists-and-jumps", test_health_panel, "data/health.touchpoints");
  ADD ("/analysis-view/benchmark/per-comparator", test_benchmark_list, "data/health.touchpoints");
  ADD ("/analysis-view/consistency/per-stage", test_consistency_list, "data/health.touchpoints");

#undef ADD

  return g_test_run ();
}
