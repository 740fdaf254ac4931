/* test-compare-view.c — "Compare With…" and the conflicts a merge left, in the window
 *
 * With TPS_SCREENSHOT_DIR set, the tests also save what they show there as
 * PNG files (how the screenshots of the comparison view are made).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tps-compare-view.h"
#include "tps-conflict.h"
#include "tps-conflicts-dialog.h"
#include "tps-journey-canvas.h"
#include "tps-merge.h"
#include "tps-project-io.h"
#include "tps-window.h"

static void
flush_events (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Saving writes the file in a thread; waits until it is written. */
static void
wait_for_saves (TpsWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (tps_window_is_saving (window) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (tps_window_is_saving (window));
  flush_events ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("TPS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* What a person would see: after the window has been drawn. */
  for (guint i = 0; i < 50 && !gtk_widget_get_mapped (widget); i++)
    {
      g_usleep (20000);
      flush_events ();
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn yet, no screenshot", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static char *
temp_copy_of_example (char **dir_out)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "de",
                                                   "stadtwerke.touchpoints", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tps-compare-view-XXXXXX", &error);
  char *path = g_build_filename (dir, "stadtwerke.touchpoints", NULL);

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  *dir_out = dir;
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static TpsWindow *
open_window_on (const char *path)
{
  TpsWindow *window = tps_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tps_window_open_file (window, file));
  flush_events ();
  return window;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        {
          GtkWidget *button = gtk_widget_get_ancestor (child, GTK_TYPE_BUTTON);

          if (button != NULL)
            return button;
        }
      found = find_button_with_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static TpsJourneyCanvas *
find_canvas (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TpsJourneyCanvas *found;

      if (TPS_IS_JOURNEY_CANVAS (child))
        return TPS_JOURNEY_CANVAS (child);
      found = find_canvas (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A canvas in a window other than @main. */
static TpsJourneyCanvas *
find_other_canvas (TpsWindow *main)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      TpsJourneyCanvas *canvas;

      if (window == GTK_WIDGET (main) || !gtk_widget_get_visible (window))
        continue;
      canvas = find_canvas (window);
      if (canvas != NULL)
        return canvas;
    }

  return NULL;
}

/* Edits since the last save, then the previous version: the view lists
 * them grouped, the map outlines the cards, an edit made while comparing
 * shows up, and closing the view takes the outlines away.
 */
static void
test_compare_with_previous_version (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  TpsHistory *history = tps_document_get_history (document);
  TpsJourneyCanvas *canvas = find_canvas (GTK_WIDGET (window));
  g_autoptr(TpsTouchpoint) added = tps_touchpoint_new ("t-whatsapp");
  TpsCompareView *view;
  TpsComparison *comparison;
  TpsChangeKind kind;
  GtkWidget *row;

  g_assert_nonnull (canvas);

  /* Saving once keeps the file as it was as NAME~. */
  tps_history_set (history, tps_project_find_touchpoint (project, "t-compare-portal"), "current",
                   0, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  g_assert_false (tps_document_get_modified (document));

  tps_history_set (history, tps_project_find_measure (project, "x-hotline-training"), "status",
                   TPS_MEASURE_STATUS_ROLLED_OUT, NULL);
  tps_touchpoint_set_title (added, "WhatsApp-Service");
  tps_touchpoint_set_stage_id (added, "s-research");
  tps_touchpoint_set_channel_id (added, "c-web");
  tps_touchpoint_set_current (added, 1);
  tps_history_append (history, tps_project_get_touchpoints (project), added);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-previous", NULL);
  flush_events ();
  view = TPS_COMPARE_VIEW (find_toplevel (TPS_TYPE_COMPARE_VIEW));
  g_assert_nonnull (view);
  comparison = tps_compare_view_get_comparison (view);

  /* Against the version the save replaced: the saved rating, the
   * unsaved measure status and the new touchpoint; nothing else.
   */
  g_assert_true (tps_comparison_lookup (comparison, "t-whatsapp", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_ADDED);
  g_assert_true (tps_comparison_lookup (comparison, "x-hotline-training", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_CHANGED);
  g_assert_true (tps_comparison_lookup (comparison, "t-compare-portal", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_CHANGED);
  g_assert_cmpuint (tps_comparison_get_n_changes (comparison), ==, 3);
  g_assert_true (tps_journey_canvas_get_comparison (canvas) == comparison);
  g_assert_nonnull (find_row (GTK_WIDGET (view), "WhatsApp-Service"));
  row = find_row (GTK_WIDGET (view), "Status");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Pilot → Rolled out");

  /* An edit while comparing is in the list at once. */
  tps_history_set (history, tps_project_find_touchpoint (project, "t-tariff-calc"), "importance",
                   3, NULL);
  flush_events ();
  comparison = tps_compare_view_get_comparison (view);
  g_assert_true (tps_comparison_lookup (comparison, "t-tariff-calc", &kind));
  g_assert_true (tps_journey_canvas_get_comparison (canvas) == comparison);
  g_assert_nonnull (find_row (GTK_WIDGET (view), "Importance"));

  save_screenshot (GTK_WIDGET (window), "map-with-changes.png");
  save_screenshot (GTK_WIDGET (view), "changes-list.png");

  gtk_window_close (GTK_WINDOW (view));
  flush_events ();
  g_assert_null (tps_journey_canvas_get_comparison (canvas));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  remove_tree (dir);
}

/* Against another file: the removed touchpoint is listed as only there. */
static void
test_compare_with_other_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autofree char *other_path = g_build_filename (dir, "kollegin.touchpoints", NULL);
  TpsWindow *window = open_window_on (path);
  TpsProject *project = tps_document_get_project (tps_window_get_document (window));
  g_autofree char *data = tps_project_save_to_data (project, NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(TpsTouchpoint) extra = tps_touchpoint_new ("t-fax");
  g_autoptr(TpsProject) other_project = NULL;
  g_autoptr(GError) error = NULL;
  TpsJourneyCanvas *other_canvas;
  TpsChangeKind kind;
  GtkWindow *view;

  other_project = tps_project_load_from_data (data, strlen (data), &error);
  g_assert_no_error (error);
  tps_touchpoint_set_title (extra, "Faxabruf");
  tps_touchpoint_set_stage_id (extra, "s-awareness");
  tps_touchpoint_set_channel_id (extra, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (other_project)), extra);
  g_clear_pointer (&data, g_free);
  data = tps_project_save_to_data (other_project, NULL);
  g_file_set_contents (other_path, data, -1, &error);
  g_assert_no_error (error);

  g_assert_true (tps_window_compare_with (window, other));
  flush_events ();
  view = find_toplevel (TPS_TYPE_COMPARE_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (gtk_window_get_title (view), ==, "Changes Since “kollegin.touchpoints”");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     find_row (GTK_WIDGET (view), "Faxabruf"))), ==, "Only in the other version");

  /* The removed card can be seen on the other version's map. */
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.show-other-map", NULL);
  flush_events ();
  other_canvas = find_other_canvas (window);
  g_assert_nonnull (other_canvas);
  g_assert_nonnull (tps_project_find_touchpoint (tps_journey_canvas_get_project (other_canvas),
                                                 "t-fax"));
  g_assert_true (tps_comparison_lookup (tps_journey_canvas_get_comparison (other_canvas),
                                        "t-fax", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_REMOVED);
  save_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (other_canvas), GTK_TYPE_WINDOW),
                   "other-version-map.png");

  /* It goes with the comparison. */
  gtk_window_destroy (view);
  flush_events ();
  g_assert_null (find_other_canvas (window));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  remove_tree (dir);
}

/* A file git merged with a conflict: opening it offers the conflict; the
 * other version's value is one click and one undo step.
 */
static void
test_conflicts_offered_on_opening (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) base = tps_project_load_from_file (file, NULL, &error);
  g_autoptr(TpsProject) ours = tps_project_load_from_file (file, NULL, &error);
  g_autoptr(TpsProject) theirs = tps_project_load_from_file (file, NULL, &error);
  g_autoptr(TpsProject) merged = NULL;
  g_autofree char *data = NULL;
  TpsWindow *window;
  TpsProject *project;
  GtkWindow *dialog;
  GtkWidget *button;

  g_assert_no_error (error);
  tps_touchpoint_set_current (tps_project_find_touchpoint (ours, "t-move-in"), 0);
  tps_touchpoint_set_current (tps_project_find_touchpoint (theirs, "t-move-in"), 1);
  tps_touchpoint_set_title (tps_project_find_touchpoint (ours, "t-chat"), "Live-Chat");
  tps_touchpoint_set_title (tps_project_find_touchpoint (theirs, "t-chat"), "Chat & Messenger");
  merged = tps_project_merge (base, ours, theirs);
  data = tps_project_save_to_data (merged, NULL);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);

  window = open_window_on (path);
  project = tps_document_get_project (tps_window_get_document (window));
  dialog = find_toplevel (TPS_TYPE_CONFLICTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_row (GTK_WIDGET (dialog),
                              "Ist rating of “Einzugsmeldung für neue Mieter”"));
  save_screenshot (GTK_WIDGET (dialog), "merge-conflicts.png");

  button = find_button_with_label (GTK_WIDGET (dialog), "+1");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_cmpint (tps_touchpoint_get_current (tps_project_find_touchpoint (project,
                                                                            "t-move-in")),
                   ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_conflicts (project)), ==, 1);
  g_assert_null (find_row (GTK_WIDGET (dialog), "Ist rating of “Einzugsmeldung für neue Mieter”"));

  /* The choice is one step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpint (tps_touchpoint_get_current (tps_project_find_touchpoint (project,
                                                                            "t-move-in")),
                   ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_conflicts (project)), ==, 2);

  /* Closed without a choice, the dialog is in the main menu until all are settled. */
  gtk_window_close (dialog);
  flush_events ();
  g_assert_null (find_toplevel (TPS_TYPE_CONFLICTS_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL);
  flush_events ();
  dialog = find_toplevel (TPS_TYPE_CONFLICTS_DIALOG);
  g_assert_nonnull (dialog);

  /* Keeping both leaves nothing to ask, and the dialog goes. */
  button = find_button_with_label (GTK_WIDGET (dialog), "0");
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  button = find_button_with_label (GTK_WIDGET (dialog), "“Live-Chat”");
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_conflicts (project)), ==, 0);
  g_assert_null (find_toplevel (TPS_TYPE_CONFLICTS_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL);
  flush_events ();
  g_assert_null (find_toplevel (TPS_TYPE_CONFLICTS_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/compare-view/previous-version", test_compare_with_previous_version);
  g_test_add_func ("/compare-view/other-file", test_compare_with_other_file);
  g_test_add_func ("/conflicts-dialog/offered-on-opening", test_conflicts_offered_on_opening);

  return g_test_run ();
}
