/* bench-ui.c — what build-aux/bench measures in the window
 *
 *   bench-ui open FILE        wall-clock and CPU ms from this process's start
 *                             until the window has painted FILE's project,
 *                             opened as the app opens it (in a thread)
 *   bench-ui keystroke FILE   CPU ms of one character typed into the
 *                             inspector's title field, until the window
 *                             has painted it and every idle update ran
 *                             (median of several keystrokes)
 *   bench-ui frame FILE       CPU ms of one frame of the journey map
 *                             scrolled to the experience curves, in the
 *                             middle of the journey (median of several)
 *   bench-ui select FILE      CPU ms of selecting one measure in the
 *                             planner's list, until the window has painted
 *                             it and every idle update ran (median)
 *
 * Not a test: build-aux/bench runs it under Xvfb and prints ratios.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "tps-journey-canvas.h"
#include "tps-measures-view.h"
#include "tps-project.h"
#include "tps-touchpoint-inspector.h"
#include "tps-window.h"

#define N_RUNS 9

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Runs the main loop until the window painted a frame and nothing is left
 * to do (idle updates included).
 */
static void
settle (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
keystroke (TpsWindow *window)
{
  TpsProject *project = tps_document_get_project (tps_window_get_document (window));
  g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (tps_project_get_touchpoints (project), 0);
  GtkWidget *inspector = find_by_type (GTK_WIDGET (window), TPS_TYPE_TOUCHPOINT_INSPECTOR);
  GtkWidget *focus;
  GtkEditable *field;
  double times[N_RUNS];

  tps_touchpoint_inspector_set_touchpoint (TPS_TOUCHPOINT_INSPECTOR (inspector), tp);
  tps_touchpoint_inspector_focus_title (TPS_TOUCHPOINT_INSPECTOR (inspector));
  settle (GTK_WIDGET (window));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  field = GTK_EDITABLE (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = cpu_ms ();
      int position = -1;

      gtk_editable_insert_text (field, "x", 1, &position);
      settle (GTK_WIDGET (window));
      times[i] = cpu_ms () - start;
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

static double
frame (TpsWindow *window)
{
  GtkWidget *canvas = find_by_type (GTK_WIDGET (window), TPS_TYPE_JOURNEY_CANVAS);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double times[N_RUNS];

  gtk_adjustment_set_value (h, (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)) / 2);
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
  settle (GTK_WIDGET (window));

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = cpu_ms ();

      gtk_widget_queue_draw (canvas);
      settle (GTK_WIDGET (window));
      times[i] = cpu_ms () - start;
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

/* Not inlined, so that a profiler can collect just this. */
static G_GNUC_NO_INLINE double
select_measure (TpsWindow *window)
{
  TpsProject *project = tps_document_get_project (tps_window_get_document (window));
  GListModel *measures = tps_project_get_measures (project);
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), TPS_TYPE_WINDOW,
                                                    "view_stack");
  GtkWidget *view;
  double times[N_RUNS];

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "measures");
  settle (GTK_WIDGET (window));
  view = find_by_type (GTK_WIDGET (window), TPS_TYPE_MEASURES_VIEW);

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(TpsMeasure) measure =
        g_list_model_get_item (measures, i % MAX (1, g_list_model_get_n_items (measures)));
      double start = cpu_ms ();

      tps_measures_view_set_selected_measure (TPS_MEASURES_VIEW (view), measure);
      settle (GTK_WIDGET (window));
      times[i] = cpu_ms () - start;
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GFile) file = NULL;
  TpsWindow *window;
  GdkFrameClock *clock;

  if (argc != 3 || (g_strcmp0 (argv[1], "open") != 0 && g_strcmp0 (argv[1], "keystroke") != 0
                    && g_strcmp0 (argv[1], "frame") != 0 && g_strcmp0 (argv[1], "select") != 0))
    {
      g_printerr ("Usage: %s open|keystroke|frame|select FILE\n", argv[0]);
      return 2;
    }

  adw_init ();
  file = g_file_new_for_commandline_arg (argv[2]);
  window = tps_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  tps_window_open_file_async (window, file);
  while (tps_window_is_opening (window))
    g_main_context_iteration (NULL, TRUE);
  if (tps_window_get_document (window) == NULL)
    return 1;
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  if (g_strcmp0 (argv[1], "open") == 0)
    g_print ("%.1f %.1f\n", (g_get_monotonic_time () - start) / 1000.0, cpu_ms ());
  else if (g_strcmp0 (argv[1], "keystroke") == 0)
    g_print ("%.2f\n", keystroke (window));
  else if (g_strcmp0 (argv[1], "select") == 0)
    g_print ("%.2f\n", select_measure (window));
  else
    g_print ("%.2f\n", frame (window));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
