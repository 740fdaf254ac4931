/* test-plan-views.c — the planner's timeline and impact/effort matrix as
 * widgets of their own, each in a scrolled window on the example project,
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>
#include <math.h>

#include "tps-matrix-view.h"
#include "tps-project-io.h"
#include "tps-timeline-view.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  GtkWindow *window;
  GtkWidget *plan;              /* a TpsTimelineView or a TpsMatrixView */
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* @data: the widget's type, a GType */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "de",
                                                 "stadtwerke.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->project = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->history = tps_history_new ();

  f->plan = g_object_new (*(const GType *) data, "project", f->project, "history", f->history,
                          "hexpand", TRUE, "vexpand", TRUE, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->plan);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  gtk_window_set_child (f->window, scrolled);
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

static GtkGestureDrag *
drag_gesture_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE_DRAG (controller);
    }

  g_assert_not_reached ();
}

/* The drag gesture's signals stand in for a pointer: Xvfb has none to move. */
static void
drag (GtkWidget *widget,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
  GtkGestureDrag *gesture = drag_gesture_of (widget);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  flush_events ();
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Pops every logged emission, all of them notify on @object, and returns
 * the properties' names in alphabetical order ("effort impact"): what
 * changed, whatever order the notifications came in.
 */
static char *
pop_notified (GtSignalLogger *logger,
              gpointer        object)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  while (gt_signal_logger_get_n_emissions (logger) > 0)
    {
      gpointer emitter = NULL;
      g_autofree char *type_name = NULL;
      g_autofree char *signal_name = NULL;
      g_autoptr(GtSignalLoggerEmission) emission = NULL;
      GParamSpec *pspec = NULL;

      g_assert_true (gt_signal_logger_pop_emission (logger, &emitter, &type_name, &signal_name,
                                                    &emission));
      g_assert_true (emitter == object);
      g_assert_true (g_str_has_prefix (signal_name, "notify"));
      gt_signal_logger_emission_get_params (emission, &pspec);
      g_ptr_array_add (names, g_strdup (g_param_spec_get_name (pspec)));
      g_param_spec_unref (pspec);
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static double
timeline_month_width (TpsTimeline *timeline)
{
  g_autoptr(GDate) feb1 = g_date_new_dmy (1, 2, 2027);
  g_autoptr(GDate) mar1 = g_date_new_dmy (1, 3, 2027);

  return tps_timeline_x_for_date (timeline, mar1) - tps_timeline_x_for_date (timeline, feb1);
}

/* The widget asks for the whole plan; the scrolled window shows a part. */
static void
test_timeline_size (Fixture       *f,
                    gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  TpsTimeline *timeline = tps_timeline_view_get_timeline (view);
  double months_width;
  int minimum, natural;

  gtk_widget_measure (f->plan, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, (int) ceil (tps_timeline_get_width (timeline)));
  g_assert_cmpint (gtk_widget_get_width (f->plan), >=, minimum);
  gtk_widget_measure (f->plan, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, (int) ceil (tps_timeline_get_height (timeline)));

  tps_timeline_view_set_scale (view, TPS_TIMELINE_SCALE_MONTH);
  timeline = tps_timeline_view_get_timeline (view);
  g_assert_cmpint (tps_timeline_get_effective_scale (timeline), ==, TPS_TIMELINE_SCALE_MONTH);
  months_width = tps_timeline_get_width (timeline);

  /* Quarters make the same plan narrower. */
  tps_timeline_view_set_scale (view, TPS_TIMELINE_SCALE_QUARTER);
  timeline = tps_timeline_view_get_timeline (view);
  g_assert_cmpint (tps_timeline_get_effective_scale (timeline), ==, TPS_TIMELINE_SCALE_QUARTER);
  g_assert_cmpfloat (tps_timeline_get_width (timeline), <, months_width);
  gtk_widget_measure (f->plan, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, (int) ceil (tps_timeline_get_width (timeline)));
}

/* Dragging the due end one month on changes the due date alone, as one
 * undo step, and selects the measure on the press.
 */
static void
test_timeline_drag_due (Fixture       *f,
                        gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsTimeline *timeline = tps_timeline_view_get_timeline (view);
  const TpsTimelineRow *row = tps_timeline_find_row (timeline, measure);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  double month = timeline_month_width (timeline);

  g_assert_nonnull (row);
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  gt_signal_logger_connect (logger, view, "notify::selected-measure");
  gt_signal_logger_connect (logger, view, "edit-refused");
  gt_signal_logger_connect (logger, measure, "notify");

  /* Due 2027-01-31: the bar ends at 1 February. */
  drag (f->plan, row->bar_x1 - 1, row->y + row->height / 2, month, 0);

  g_assert_true (tps_timeline_view_get_selected_measure (view) == measure);
  gt_signal_logger_assert_notify_emission_pop (logger, view, "selected-measure");
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "due");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tps_measure_get_start (measure), ==, "2026-06-01");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-02-28");
  g_assert_cmpstr (tps_history_get_undo_label (f->history), ==,
                   "Dates of “Tarifrechner mobil optimieren” changed");

  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "due");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
}

/* Dragging the bar moves both dates by the same days; a press that does
 * not move records nothing.
 */
static void
test_timeline_drag_bar (Fixture       *f,
                        gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsTimeline *timeline = tps_timeline_view_get_timeline (view);
  const TpsTimelineRow *row = tps_timeline_find_row (timeline, measure);
  double month = timeline_month_width (timeline);
  double x = (row->bar_x0 + row->bar_x1) / 2, y = row->y + row->height / 2;
  g_autoptr(GDate) old_start = g_date_new_dmy (1, 6, 2026);
  g_autoptr(GDate) start = g_date_new ();
  g_autoptr(GDate) due = g_date_new ();

  drag (f->plan, x, y, 1, 0);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measure);
  g_assert_false (tps_history_get_can_undo (f->history));

  drag (f->plan, x, y, -month, 0);
  g_date_set_parse (start, tps_measure_get_start (measure));
  g_date_set_parse (due, tps_measure_get_due (measure));
  g_assert_cmpint (g_date_days_between (start, old_start), >=, 25);
  g_assert_cmpint (g_date_days_between (start, old_start), <=, 35);
  g_assert_cmpint (g_date_days_between (start, due), ==, 244);

  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpstr (tps_measure_get_start (measure), ==, "2026-06-01");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
}

/* The pixels @widget draws now: its own snapshot, rendered by the
 * window's renderer (waiting for a frame would make the test depend on
 * the frame clock).
 */
static GBytes *
render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *data;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  return g_bytes_new_take (data, (gsize) width * height * 4);
}

/* While a bar is dragged its new dates are drawn over the plan, and only
 * the release changes the model; after it the preview is gone.
 */
static void
test_timeline_preview (Fixture       *f,
                       gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsTimeline *timeline = tps_timeline_view_get_timeline (view);
  const TpsTimelineRow *row = tps_timeline_find_row (timeline, measure);
  GtkGestureDrag *gesture = drag_gesture_of (f->plan);
  double month = timeline_month_width (timeline);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) during = NULL;
  g_autoptr(GBytes) after = NULL;

  /* Selected (and so scrolled to) first: the press would select it. */
  tps_timeline_view_set_selected_measure (view, measure);
  flush_events ();
  before = render (f->plan);

  g_signal_emit_by_name (gesture, "drag-begin", row->bar_x1 - 1, row->y + row->height / 2);
  g_signal_emit_by_name (gesture, "drag-update", month, 0.0);
  flush_events ();
  during = render (f->plan);
  g_assert_false (g_bytes_equal (before, during));
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  g_assert_false (tps_history_get_can_undo (f->history));

  g_signal_emit_by_name (gesture, "drag-end", month, 0.0);
  flush_events ();
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-02-28");
  /* Nobody refreshed the layout: without the preview it is as before. */
  after = render (f->plan);
  g_assert_true (g_bytes_equal (before, after));
}

/* Without a history the plan is shown and a press still selects, but
 * nothing can be dragged.
 */
static void
test_timeline_read_only (Fixture       *f,
                         gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsTimeline *timeline = tps_timeline_view_get_timeline (view);
  const TpsTimelineRow *row = tps_timeline_find_row (timeline, measure);
  double month = timeline_month_width (timeline);

  tps_timeline_view_set_history (view, NULL);
  drag (f->plan, row->bar_x1 - 1, row->y + row->height / 2, month, 0);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measure);
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* Another project clears the selection. */
static void
test_timeline_project_change (Fixture       *f,
                              gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  g_autoptr(TpsProject) other = tps_project_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  tps_timeline_view_set_selected_measure (view, tps_project_find_measure (f->project, "x-calc"));
  gt_signal_logger_connect (logger, view, "notify");

  tps_timeline_view_set_project (view, other);
  g_assert_null (tps_timeline_view_get_selected_measure (view));
  gt_signal_logger_assert_notify_emission_pop (logger, view, "selected-measure");
  gt_signal_logger_assert_notify_emission_pop (logger, view, "project");
  gt_signal_logger_assert_no_emissions (logger);

  tps_timeline_view_set_project (view, other);
  gt_signal_logger_assert_no_emissions (logger);
  flush_events ();
}

/* Dragging a marker to another cell sets effort and impact in one step. */
static void
test_matrix_drag (Fixture       *f,
                  gconstpointer  data)
{
  TpsMatrixView *view = TPS_MATRIX_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsEffortMatrix *matrix = tps_matrix_view_get_matrix (view);
  const TpsMatrixMarker *marker = tps_effort_matrix_find_marker (matrix, measure);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *notified = NULL;
  cairo_rectangle_t cell;

  g_assert_nonnull (marker);
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 3);
  g_assert_cmpint (tps_measure_get_impact (measure), ==, 5);
  tps_effort_matrix_get_cell (matrix, 2, 4, &cell);
  gt_signal_logger_connect (logger, view, "notify::selected-measure");
  gt_signal_logger_connect (logger, measure, "notify");

  drag (f->plan, marker->x, marker->y, cell.x + cell.width / 2 - marker->x,
        cell.y + cell.height / 2 - marker->y);

  g_assert_true (tps_matrix_view_get_selected_measure (view) == measure);
  gt_signal_logger_assert_notify_emission_pop (logger, view, "selected-measure");
  notified = pop_notified (logger, measure);
  g_assert_cmpstr (notified, ==, "effort impact quick-win");
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 2);
  g_assert_cmpint (tps_measure_get_impact (measure), ==, 4);
  g_assert_cmpstr (tps_history_get_undo_label (f->history), ==,
                   "Effort and impact of “Tarifrechner mobil optimieren” changed");

  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_clear_pointer (&notified, g_free);
  notified = pop_notified (logger, measure);
  g_assert_cmpstr (notified, ==, "effort impact quick-win");
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 3);
  g_assert_cmpint (tps_measure_get_impact (measure), ==, 5);
}

/* While a marker is dragged the cell it would land in is drawn; only the
 * release changes the scores.
 */
static void
test_matrix_preview (Fixture       *f,
                     gconstpointer  data)
{
  TpsMatrixView *view = TPS_MATRIX_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsEffortMatrix *matrix = tps_matrix_view_get_matrix (view);
  const TpsMatrixMarker *marker = tps_effort_matrix_find_marker (matrix, measure);
  GtkGestureDrag *gesture = drag_gesture_of (f->plan);
  double x = marker->x, y = marker->y, dx, dy;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) during = NULL;
  g_autoptr(GBytes) after = NULL;
  cairo_rectangle_t cell;

  tps_effort_matrix_get_cell (matrix, 2, 4, &cell);
  dx = cell.x + cell.width / 2 - x;
  dy = cell.y + cell.height / 2 - y;
  tps_matrix_view_set_selected_measure (view, measure);
  flush_events ();
  before = render (f->plan);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  flush_events ();
  during = render (f->plan);
  g_assert_false (g_bytes_equal (before, during));
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 3);
  g_assert_false (tps_history_get_can_undo (f->history));

  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  flush_events ();
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 2);
  /* Nobody refreshed the layout: without the preview it is as before. */
  after = render (f->plan);
  g_assert_true (g_bytes_equal (before, after));
}

/* A press without moving selects; a drag within the same cell records
 * nothing; a press on empty space selects nothing.
 */
static void
test_matrix_press (Fixture       *f,
                   gconstpointer  data)
{
  TpsMatrixView *view = TPS_MATRIX_VIEW (f->plan);
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  TpsEffortMatrix *matrix = tps_matrix_view_get_matrix (view);
  const TpsMatrixMarker *marker = tps_effort_matrix_find_marker (matrix, measure);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  cairo_rectangle_t plot;

  gt_signal_logger_connect (logger, view, "notify::selected-measure");
  gt_signal_logger_connect (logger, measure, "notify");

  drag (f->plan, marker->x, marker->y, 0, 0);
  g_assert_true (tps_matrix_view_get_selected_measure (view) == measure);
  gt_signal_logger_assert_notify_emission_pop (logger, view, "selected-measure");
  gt_signal_logger_assert_no_emissions (logger);

  drag (f->plan, marker->x, marker->y, 4, 0);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tps_history_get_can_undo (f->history));

  /* Outside the plot there is no marker. */
  tps_effort_matrix_get_plot_area (matrix, &plot);
  drag (f->plan, plot.x + plot.width + 1, 1, 40, 40);
  g_assert_true (tps_matrix_view_get_selected_measure (view) == measure);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* The measures in the timeline's order, group headings left out. */
static GPtrArray *
timeline_measures (TpsTimeline *timeline)
{
  GPtrArray *measures = g_ptr_array_new ();

  for (guint i = 0; i < tps_timeline_get_n_rows (timeline); i++)
    {
      const TpsTimelineRow *row = tps_timeline_get_row (timeline, i);

      if (row->kind == TPS_TIMELINE_ROW_MEASURE)
        g_ptr_array_add (measures, row->measure);
    }

  return measures;
}

static void
move (GtkWidget  *widget,
      const char *action,
      int         step)
{
  g_assert_true (gtk_widget_activate_action (widget, action, "i", step));
  flush_events ();
}

/* Up and Down walk the timeline's measures in order, Home and End jump to
 * the ends; the keyboard selects as a press does.
 */
static void
test_timeline_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  TpsTimelineView *view = TPS_TIMELINE_VIEW (f->plan);
  g_autoptr(GPtrArray) measures = timeline_measures (tps_timeline_view_get_timeline (view));
  const char *action = "timeline.move-selection";

  g_assert_cmpuint (measures->len, >, 3);
  g_assert_null (tps_timeline_view_get_selected_measure (view));

  move (f->plan, action, 1);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measures->pdata[0]);
  move (f->plan, action, 1);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measures->pdata[1]);
  move (f->plan, action, -1);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measures->pdata[0]);
  move (f->plan, action, -1);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measures->pdata[0]);
  move (f->plan, action, G_MAXINT);
  g_assert_true (tps_timeline_view_get_selected_measure (view)
                 == measures->pdata[measures->len - 1]);
  move (f->plan, action, 1);
  g_assert_true (tps_timeline_view_get_selected_measure (view)
                 == measures->pdata[measures->len - 1]);
  move (f->plan, action, G_MININT);
  g_assert_true (tps_timeline_view_get_selected_measure (view) == measures->pdata[0]);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* Up and Down walk the matrix's measures in the order of its key. */
static void
test_matrix_keyboard (Fixture       *f,
                      gconstpointer  data)
{
  TpsMatrixView *view = TPS_MATRIX_VIEW (f->plan);
  TpsEffortMatrix *matrix = tps_matrix_view_get_matrix (view);
  guint n = tps_effort_matrix_get_n_markers (matrix);
  const char *action = "matrix.move-selection";

  g_assert_cmpuint (n, >, 3);
  move (f->plan, action, 1);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, 0)->measure);
  move (f->plan, action, 1);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, 1)->measure);
  move (f->plan, action, G_MAXINT);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, n - 1)->measure);
  move (f->plan, action, 1);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, n - 1)->measure);
  move (f->plan, action, -1);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, n - 2)->measure);
  move (f->plan, action, G_MININT);
  g_assert_true (tps_matrix_view_get_selected_measure (view)
                 == tps_effort_matrix_get_marker (matrix, 0)->measure);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* The matrix fills the width it is given and asks for the height of its
 * layout, key included.
 */
static void
test_matrix_size (Fixture       *f,
                  gconstpointer  data)
{
  TpsEffortMatrix *matrix = tps_matrix_view_get_matrix (TPS_MATRIX_VIEW (f->plan));
  int minimum, natural;

  g_assert_cmpfloat (fabs (tps_effort_matrix_get_width (matrix) - gtk_widget_get_width (f->plan)),
                     <, 1);
  gtk_widget_measure (f->plan, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, (int) ceil (tps_effort_matrix_get_height (matrix)));
  g_assert_cmpint (gtk_widget_get_height (f->plan), >=, minimum);
}

int
main (int   argc,
      char *argv[])
{
  static GType timeline_type, matrix_type;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  timeline_type = TPS_TYPE_TIMELINE_VIEW;
  matrix_type = TPS_TYPE_MATRIX_VIEW;

#define ADD(path, type, func) \
  g_test_add (path, Fixture, &type, fixture_set_up, func, fixture_tear_down)

  ADD ("/timeline-view/size/whole-plan", timeline_type, test_timeline_size);
  ADD ("/timeline-view/drag/due-end-one-undo-step", timeline_type, test_timeline_drag_due);
  ADD ("/timeline-view/drag/bar-moves-both-dates", timeline_type, test_timeline_drag_bar);
  ADD ("/timeline-view/drag/previews-until-release", timeline_type, test_timeline_preview);
  ADD ("/timeline-view/drag/needs-history", timeline_type, test_timeline_read_only);
  ADD ("/timeline-view/project/change-clears-selection", timeline_type,
       test_timeline_project_change);
  ADD ("/matrix-view/drag/effort-and-impact-one-undo-step", matrix_type, test_matrix_drag);
  ADD ("/matrix-view/drag/previews-until-release", matrix_type, test_matrix_preview);
  ADD ("/matrix-view/press/selects-records-nothing", matrix_type, test_matrix_press);
  ADD ("/matrix-view/size/fills-width", matrix_type, test_matrix_size);
  ADD ("/timeline-view/keyboard/walks-measures", timeline_type, test_timeline_keyboard);
  ADD ("/matrix-view/keyboard/walks-measures", matrix_type, test_matrix_keyboard);

  return g_test_run ();
}
