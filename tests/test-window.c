/* test-window.c — the window and the document lifecycle, driven through
 * the window's actions and real dialogs under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tps-export-dialog.h"
#include "tps-health.h"
#include "tps-journey-canvas.h"
#include "tps-measure-format.h"
#include "tps-file-io.h"
#include "tps-project-io.h"
#include "tps-project-settings.h"
#include "tps-project-structure.h"
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

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* A fresh copy of a fixture in a temporary folder, so tests can save. */
static char *
copy_fixture (const char *name,
              char      **dir_out)
{
  g_autofree char *source = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tps-window-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "project.touchpoints", NULL);
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

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* What clicking a dialog button does: report the response, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  flush_events ();
}

static TpsWindow *
open_window_on (const char *path)
{
  TpsWindow *window = tps_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tps_window_open_file (window, file));
  flush_events ();
  return window;
}

/* An action's state, as the user sees it on the header bar button. */
static gboolean
button_enabled (TpsWindow  *window,
                const char *id)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window), TPS_TYPE_WINDOW, id);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (GTK_WIDGET (button));
}

static TpsTouchpoint *
first_touchpoint (TpsWindow *window)
{
  TpsProject *project = tps_document_get_project (tps_window_get_document (window));

  return tps_project_find_touchpoint (project, "t-one");
}

static void
test_open_shows_project (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);

  g_assert_nonnull (document);
  g_assert_false (tps_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "Prüfprojekt „Alle Felder“"));
  g_assert_false (button_enabled (window, "undo_button"));
  g_assert_true (button_enabled (window, "save_button"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* A big project loads in a thread: the window says so and keeps running
 * its main loop, then shows the project; a broken one shows the loader's
 * message; Stop goes back to where the window was.
 */
static void
test_open_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.touchpoints", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                "dangling-stage.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint-project xmlns=\"urn:touchpoint-studio:project\" format-version=\"1\">\n"
    "  <title>Big</title>\n  <stages>\n    <stage id=\"s\">\n      <name>S</name>\n"
    "    </stage>\n  </stages>\n  <channels>\n    <channel id=\"c\" kind=\"online\">\n"
    "      <name>C</name>\n    </channel>\n  </channels>\n  <touchpoints>\n");
  TpsWindow *window = tps_window_new (NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              TPS_TYPE_WINDOW, "main_stack"));
  AdwMessageDialog *dialog;
  guint ticks = 0, timeout;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (xml, "    <touchpoint id=\"t-%u\" stage=\"s\" channel=\"c\" "
                                 "function=\"inform\" status=\"existing\" moment=\"painpoint\" "
                                 "current=\"1\" target=\"2\" importance=\"3\" internal=\"1\">\n"
                                 "      <title>Touchpoint %u</title>\n"
                                 "      <description>Description %u</description>\n"
                                 "    </touchpoint>\n", i, i, i);
  g_string_append (xml, "  </touchpoints>\n</touchpoint-project>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  timeout = g_timeout_add (1, count_tick, &ticks);
  tps_window_open_file_async (window, file);
  g_assert_true (tps_window_is_opening (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  while (tps_window_is_opening (window))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_cmpuint (ticks, >=, 3);
  g_assert_nonnull (tps_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (
                      tps_document_get_project (tps_window_get_document (window)))), ==, 20000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "project");

  /* The loading thread took the file's checksum, for telling another
   * program's change from ours, from the bytes it read.
   */
  {
    g_autofree char *fingerprint = tps_file_fingerprint (xml->str, xml->len);

    g_assert_cmpstr (tps_document_get_disk_checksum (tps_window_get_document (window)), ==,
                     fingerprint);
  }

  tps_window_open_file_async (window, bad_file);
  while (tps_window_is_opening (window))
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "project");
  gtk_window_close (GTK_WINDOW (dialog));
  flush_events ();

  /* A touchpoint table opens as a new, unsaved project. */
  {
    g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "comma.csv", NULL);
    g_autoptr(GFile) csv_file = g_file_new_for_path (csv);

    tps_window_open_file_async (window, csv_file);
    while (tps_window_is_opening (window))
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (tps_window_get_document (window));
    g_assert_null (tps_document_get_file (tps_window_get_document (window)));
    g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (
                        tps_document_get_project (tps_window_get_document (window)))), >, 0);
  }

  tps_window_open_file_async (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-opening", NULL));
  g_assert_false (tps_window_is_opening (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "project");
  flush_events ();

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_broken_file_shows_error (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                 "dangling-stage.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpsWindow *window = tps_window_new (NULL);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (tps_window_open_file (window, file));
  flush_events ();

  /* The loader's own sentence reaches the user, and nothing is loaded. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "“dangling-stage.touchpoints” could not be opened");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Line 20: This refers to the stage “s-missing”, which does not exist in "
                   "the project.");
  g_assert_null (tps_window_get_document (window));

  respond (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_redo_and_modified_marker (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsTouchpoint *touchpoint = first_touchpoint (window);

  tps_history_set (tps_document_get_history (document), touchpoint, "current", 1, NULL);
  flush_events ();
  g_assert_true (tps_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (button_enabled (window, "undo_button"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, -2);
  g_assert_false (tps_document_get_modified (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (button_enabled (window, "redo_button"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  flush_events ();
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, 1);
  g_assert_true (tps_document_get_modified (document));

  /* Answer the question the close raises: discard. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  respond (find_message_dialog (), "discard");
}

/* Saving writes the file in a thread: the window goes on at once, an edit
 * made while the file is written is not in it and keeps the document
 * modified, and a save that fails says so and keeps the changes.
 */
static void
test_save_in_thread (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsHistory *history = tps_document_get_history (document);
  g_autoptr(TpsProject) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpsTouchpoint) first = NULL;
  AdwMessageDialog *dialog;

  tps_history_set (history, first_touchpoint (window), "title", "Im Hintergrund", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);

  /* The action returned before the save finished: it ends in the main
   * loop, which is free for this edit meanwhile.
   */
  g_assert_true (tps_window_is_saving (window));
  tps_history_set (history, first_touchpoint (window), "owner", "Während des Speicherns", NULL);
  wait_for_saves (window);

  saved = tps_project_load_from_file (file, NULL, NULL);
  g_assert_nonnull (saved);
  first = g_list_model_get_item (tps_project_get_touchpoints (saved), 0);
  g_assert_cmpstr (tps_touchpoint_get_title (first), ==, "Im Hintergrund");
  g_assert_true (tps_document_get_modified (document));

  /* The saving thread took the checksum of what it wrote. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *fingerprint = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    fingerprint = tps_file_fingerprint (contents, length);
    g_assert_cmpstr (tps_document_get_disk_checksum (document), ==, fingerprint);
  }

  /* The file became a folder: the save fails, says why, keeps the
   * changes, and the folder is untouched.
   */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The project could not be saved");
  respond (dialog, "close");
  g_assert_true (tps_document_get_modified (document));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  g_rmdir (path);
  tps_history_clear (history);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_and_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  g_autoptr(TpsProject) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "title", "Tarifrechner 2.0", "target", 1, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);

  g_assert_false (tps_document_get_modified (document));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  reopened = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tps_touchpoint_get_title (tps_project_find_touchpoint (reopened, "t-one")),
                   ==, "Tarifrechner 2.0");
  g_assert_cmpint (tps_touchpoint_get_target (tps_project_find_touchpoint (reopened, "t-one")),
                   ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* Saving over a write-protected project asks first: Cancel keeps the file
 * and the changes unsaved; Overwrite saves and keeps the protection.
 */
static void
test_save_read_only_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  GStatBuf st;

  g_chmod (path, 0444);
  g_file_get_contents (path, &before, NULL, NULL);
  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "title", "Schreibgeschützt", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==,
                   "Overwrite the Write-Protected File?");
  respond (find_message_dialog (), "cancel");
  g_assert_true (tps_document_get_modified (document));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  respond (find_message_dialog (), "overwrite");
  wait_for_saves (window);
  g_assert_false (tps_document_get_modified (document));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_nonnull (strstr (after, "Schreibgeschützt"));
  g_stat (path, &st);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* A .csv given to the window (as on the command line) is imported into a
 * new project titled after it, never read as XML; saving asks where.
 */
static void
test_open_csv_imports (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "comma.csv", NULL);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  g_autofree char *title = tps_document_dup_title (document);

  g_assert_null (find_message_dialog ());
  g_assert_null (tps_document_get_file (document));
  g_assert_cmpstr (tps_project_get_title (project), ==, "comma");
  g_assert_cmpstr (title, ==, "comma");
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Close with unsaved changes asks; each answer does what it says. */
static void
test_unsaved_changes_dialog (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  AdwMessageDialog *dialog;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpsProject) saved = NULL;

  g_file_get_contents (path, &original, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "importance", 2, NULL);

  /* Cancel keeps the window and the change. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "cancel");
  g_assert_nonnull (window);
  g_assert_true (tps_document_get_modified (document));

  /* Save writes the change and closes. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  respond (find_message_dialog (), "save");
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (window != NULL && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  g_assert_null (window);

  saved = tps_project_load_from_file (file, NULL, NULL);
  g_assert_cmpint (tps_touchpoint_get_importance (tps_project_find_touchpoint (saved, "t-one")),
                   ==, 2);

  /* Discard closes without writing. */
  window = open_window_on (path);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_file_get_contents (path, &original, NULL, NULL);
  document = tps_window_get_document (window);
  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "importance", 4, NULL);
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  respond (find_message_dialog (), "discard");
  g_assert_null (window);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, original);

  remove_tree (dir);
}

/* Autosave writes a recovery copy; restoring it gives back the edit; a
 * clean save removes it.
 */
static void
test_autosave_and_recovery (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  g_autoptr(GPtrArray) recoveries = NULL;
  g_autoptr(GPtrArray) after_save = NULL;
  g_autoptr(TpsDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *restored_path = NULL;

  g_assert_false (tps_window_autosave (window));

  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "notes", "Nach dem Absturz noch da", NULL);
  g_assert_true (tps_window_autosave (window));
  wait_for_saves (window);

  recoveries = tps_document_list_recoveries ();
  g_assert_cmpuint (recoveries->len, ==, 1);

  restored = tps_document_restore (g_ptr_array_index (recoveries, 0), &error);
  g_assert_no_error (error);
  g_assert_true (tps_document_get_modified (restored));
  restored_path = g_file_get_path (tps_document_get_file (restored));
  g_assert_cmpstr (restored_path, ==, path);
  g_assert_cmpstr (tps_touchpoint_get_notes (tps_project_find_touchpoint (
                     tps_document_get_project (restored), "t-one")), ==,
                   "Nach dem Absturz noch da");

  /* The restored document autosaves over the same copy, not beside it. */
  g_assert_true (tps_document_write_recovery (restored, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = tps_document_list_recoveries ();
    g_assert_cmpuint (again->len, ==, 1);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  after_save = tps_document_list_recoveries ();
  g_assert_cmpuint (after_save->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
test_new_project_from_template (void)
{
  TpsWindow *window = tps_window_new (NULL);
  TpsDocument *document;
  TpsProject *project;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (tps_window_get_document (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
  flush_events ();

  document = tps_window_get_document (window);
  g_assert_nonnull (document);
  project = tps_document_get_project (document);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_channels (project)), ==, 6);
  g_assert_null (tps_document_get_file (document));
  g_assert_false (tps_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_example (void)
{
  TpsWindow *window = tps_window_new (NULL);
  TpsProject *project;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "de");
  flush_events ();

  project = tps_document_get_project (tps_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), >=, 30);
  g_assert_cmpstr (tps_project_get_language (project), ==, "de");

  /* The shipped file is never overwritten: the example opens untitled. */
  g_assert_null (tps_document_get_file (tps_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_project_settings_edit_and_undo (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  GtkWindow *settings = tps_project_settings_new (GTK_WINDOW (window), document);
  TpsStage *stage;

  gtk_window_present (settings);
  flush_events ();

  gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-stage", NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 3);

  /* A new channel takes the kind of the channel above it (the fixture's
   * last one is the hybrid phone line), and its name is focused and
   * selected, so typing names it at once.
   */
  {
    GListModel *channels = tps_project_get_channels (project);
    g_autoptr(TpsChannel) added = NULL;
    guint n = g_list_model_get_n_items (channels);
    GtkWidget *focus;
    int start, end;

    gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-channel", NULL);
    flush_events ();
    g_assert_cmpuint (g_list_model_get_n_items (channels), ==, n + 1);
    added = g_list_model_get_item (channels, n);
    g_assert_cmpint (tps_channel_get_kind (added), ==, TPS_CHANNEL_KIND_HYBRID);

    focus = gtk_root_get_focus (GTK_ROOT (settings));
    g_assert_nonnull (focus);
    focus = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "New channel");
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, (int) strlen ("New channel"));

    /* Typing replaces the selected placeholder name: one undo step. */
    gtk_editable_delete_selection (GTK_EDITABLE (focus));
    gtk_editable_insert_text (GTK_EDITABLE (focus), "Chat", -1, &start);
    flush_events ();
    g_assert_cmpstr (tps_channel_get_name (added), ==, "Chat");
  }

  /* Deleting a stage with touchpoints asks, says how many, and is one
   * undo step that brings the touchpoints back.
   */
  stage = tps_project_find_stage (project, "s-buy");
  g_assert_nonnull (stage);
  tps_project_settings_delete (TPS_PROJECT_SETTINGS (settings), TPS_OBJECT (stage));
  flush_events ();
  g_assert_cmpstr (adw_message_dialog_get_body (find_message_dialog ()), ==,
                   "5 touchpoints are placed here and will be deleted with it, together with "
                   "their links to measures. You can undo this.");
  respond (find_message_dialog (), "delete");
  g_assert_null (tps_project_find_stage (project, "s-buy"));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (tps_project_find_stage (project, "s-buy"));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 7);

  gtk_window_destroy (settings);
  tps_history_clear (tps_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Comparators are added and deleted in the project settings; deleting one
 * takes its ratings along, and one undo brings both back.
 */
static void
test_project_settings_comparators (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  GListModel *comparators = tps_project_get_comparators (project);
  GtkWindow *settings = tps_project_settings_new (GTK_WINDOW (window), document);
  TpsComparator *rival;

  gtk_window_present (settings);
  flush_events ();

  gtk_widget_activate_action (GTK_WIDGET (settings), "settings.add-comparator", NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (comparators), ==, 3);

  rival = tps_project_find_comparator (project, "cmp-rival");
  tps_project_settings_delete (TPS_PROJECT_SETTINGS (settings), TPS_OBJECT (rival));
  flush_events ();
  g_assert_null (tps_project_find_comparator (project, "cmp-rival"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  rival = tps_project_find_comparator (project, "cmp-rival");
  g_assert_nonnull (rival);
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (rival)), ==, 3);

  gtk_window_destroy (settings);
  tps_history_clear (tps_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

static TpsJourneyCanvas *
canvas_of (TpsWindow *window)
{
  GObject *scroller = gtk_widget_get_template_child (GTK_WIDGET (window), TPS_TYPE_WINDOW,
                                                     "map_scroller");

  return TPS_JOURNEY_CANVAS (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)));
}

/* The toolbar's filters, zoom and inspector toggle act on the map. */
static void
test_map_toolbar (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsJourneyCanvas *canvas = canvas_of (window);
  GtkDropDown *moment = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      TPS_TYPE_WINDOW,
                                                                      "moment_filter"));
  GtkDropDown *persona = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       TPS_TYPE_WINDOW,
                                                                       "persona_filter"));
  double zoom;

  g_assert_nonnull (canvas);
  g_assert_true (tps_journey_canvas_get_project (canvas) ==
                 tps_document_get_project (tps_window_get_document (window)));

  /* "All personas", then the project's two personas. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (persona)), ==, 3);
  gtk_drop_down_set_selected (persona, 1);
  g_assert_cmpstr (tps_journey_canvas_get_persona_filter (canvas), ==, "p-anna");
  gtk_drop_down_set_selected (moment, 1 + TPS_MOMENT_PAINPOINT);
  g_assert_cmpint (tps_journey_canvas_get_moment_filter (canvas), ==, TPS_MOMENT_PAINPOINT);
  gtk_drop_down_set_selected (moment, 0);
  g_assert_cmpint (tps_journey_canvas_get_moment_filter (canvas), ==, -1);

  zoom = tps_journey_canvas_get_zoom (canvas);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (canvas), >, zoom);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (canvas), ==, 1.0);

  g_object_set (window, "inspector-visible", TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL);
  {
    gboolean visible;
    g_object_get (window, "inspector-visible", &visible, NULL);
    g_assert_false (visible);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another program (or a git pull) changes the file: reload shows its
 * version; unsaved changes are asked about first.
 */
static void
test_reload_after_external_change (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpsProject) theirs = tps_project_load_from_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  tps_project_set_title (theirs, "Von Kollegin geändert");
  g_assert_true (tps_project_save_to_file (theirs, file, NULL, &error));
  g_assert_no_error (error);

  /* With an unsaved change of our own, reloading asks; Cancel keeps it. */
  tps_history_set (tps_document_get_history (document), first_touchpoint (window),
                   "importance", 1, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  flush_events ();
  respond (find_message_dialog (), "cancel");
  g_assert_cmpint (tps_touchpoint_get_importance (first_touchpoint (window)), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  flush_events ();
  respond (find_message_dialog (), "discard");
  flush_events ();

  g_assert_cmpstr (tps_project_get_title (tps_document_get_project (document)), ==,
                   "Von Kollegin geändert");
  g_assert_cmpint (tps_touchpoint_get_importance (first_touchpoint (window)), ==, 5);
  g_assert_false (tps_document_get_modified (document));
  g_assert_false (tps_history_get_can_undo (tps_document_get_history (document)));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
has_toplevel_of_type (GType type)
{
  return find_toplevel_of_type (type) != NULL;
}

/* The first widget under @root showing @text, or acting on @action. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *text,
             const char *action)
{
  if (text != NULL && GTK_IS_LABEL (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  if (action != NULL && GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, text, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Export is reachable from the window, only with a project, and says
 * when it is done, offering to open the file or show its folder.
 */
static void
test_export_action (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  g_autoptr(GFile) written = g_file_new_for_path ("/tmp/Journey map.pdf");
  g_autofree char *uri = g_file_get_uri (written);
  TpsWindow *empty = tps_window_new (NULL);
  TpsWindow *window;
  GtkWindow *dialog;
  GtkWidget *folder_button;
  GVariant *target;

  gtk_window_present (GTK_WINDOW (empty));
  gtk_widget_activate_action (GTK_WIDGET (empty), "win.export", NULL);
  flush_events ();
  g_assert_false (has_toplevel_of_type (TPS_TYPE_EXPORT_DIALOG));
  gtk_window_destroy (GTK_WINDOW (empty));

  window = open_window_on (path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  flush_events ();
  dialog = find_toplevel_of_type (TPS_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  g_assert_null (find_widget (GTK_WIDGET (window), "Exported “Journey map.pdf”", NULL));
  g_signal_emit_by_name (dialog, "exported", written);
  gtk_window_destroy (dialog);
  flush_events ();
  g_assert_nonnull (find_widget (GTK_WIDGET (window), "Exported “Journey map.pdf”", NULL));
  folder_button = find_widget (GTK_WIDGET (window), NULL, "win.show-in-folder");
  g_assert_nonnull (folder_button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (folder_button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), NULL, "win.open-uri"));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* English puts the currency symbol first: "£183,500", not "183,500 £". */
static void
test_english_money (void)
{
  g_autofree char *pounds = tps_format_cost (183500, "GBP");
  g_autofree char *euros = tps_format_cost (1234567, "EUR");
  g_autofree char *other = tps_format_cost (950, "CHF");

  g_assert_cmpstr (pounds, ==, "£183,500");
  g_assert_cmpstr (euros, ==, "€1,234,567");
  g_assert_cmpstr (other, ==, "CHF 950");
}

/* The header bar counts the health check's findings and follows the
 * model; its button leads to the Analysis view.
 */
static void
test_health_count (void)
{
  g_autofree char *path = fixture_path ("health.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  GtkWidget *button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   TPS_TYPE_WINDOW,
                                                                   "health_button");
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              TPS_TYPE_WINDOW, "health_label"));
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       TPS_TYPE_WINDOW,
                                                                       "view_stack"));
  g_autoptr(GPtrArray) findings = tps_health_check (project, NULL);
  g_autofree char *count = g_strdup_printf ("%u", findings->len);
  g_autofree char *fewer = g_strdup_printf ("%u", findings->len - 1);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_label_get_label (label), ==, count);

  tps_history_set (tps_document_get_history (document),
                   tps_project_find_measure (project, "x-dropped"), "status",
                   TPS_MEASURE_STATUS_PLANNED, NULL);
  /* The check runs again once editing pauses. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_strcmp0 (gtk_label_get_label (label), fewer) != 0 && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_label (label), ==, fewer);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-health", NULL);
  flush_events ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "analysis");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The map toolbar's benchmark menu lists the comparators; choosing one
 * shows its curve, and deleting it takes the curve away.
 */
static void
test_benchmark_menu (void)
{
  g_autofree char *path = fixture_path ("all-fields.touchpoints");
  TpsWindow *window = open_window_on (path);
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  GtkWidget *button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   TPS_TYPE_WINDOW,
                                                                   "benchmark_button");
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                TPS_TYPE_WINDOW,
                                                                "benchmark_box");
  TpsJourneyCanvas *canvas = canvas_of (window);
  GtkWidget *none, *bank;

  g_assert_true (gtk_widget_get_visible (button));
  none = gtk_widget_get_first_child (box);
  bank = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (none));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (none)));
  g_assert_null (tps_journey_canvas_get_comparator_id (canvas));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (bank), TRUE);
  flush_events ();
  g_assert_cmpstr (tps_journey_canvas_get_comparator_id (canvas), ==, "cmp-bank");

  tps_project_delete_comparator (project, tps_document_get_history (document),
                                 tps_project_find_comparator (project, "cmp-bank"));
  flush_events ();
  g_assert_null (tps_journey_canvas_get_comparator_id (canvas));

  tps_history_clear (tps_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting a card says so, with Undo right there. */
static void
test_delete_toast_undo (void)
{
  g_autoptr(GFile) example = tps_window_get_example_file ("en");
  TpsWindow *window = tps_window_new (NULL);
  TpsProject *project;
  TpsJourneyCanvas *canvas;
  TpsTouchpoint *doomed = NULL;
  GListModel *touchpoints;
  GtkWidget *undo;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tps_window_open_file (window, example));
  flush_events ();
  project = tps_document_get_project (tps_window_get_document (window));
  touchpoints = tps_project_get_touchpoints (project);
  n = g_list_model_get_n_items (touchpoints);
  for (guint i = 0; i < n && doomed == NULL; i++)
    {
      g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      if (tps_project_count_measures_for (project, tps_object_get_id (TPS_OBJECT (tp))) == 0)
        doomed = tp;
    }
  g_assert_nonnull (doomed);

  canvas = canvas_of (window);
  tps_journey_canvas_set_selected (canvas, doomed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n - 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), "Touchpoint deleted", NULL));

  undo = find_widget (GTK_WIDGET (window), "Undo", NULL);
  g_assert_nonnull (undo);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* Waits up to five seconds for a label with @text in @window. */
static gboolean
wait_for_label (TpsWindow  *window,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (find_widget (GTK_WIDGET (window), text, NULL) != NULL)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }

  return FALSE;
}

/* Our own save is not another program's change; a colleague's is, and
 * says so. The checksums come from the threads that read and wrote.
 */
static void
test_file_changed_by_another_program (void)
{
  static const char notice[] = "The project file was changed by another program";
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("all-fields.touchpoints", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpsWindow *window = tps_window_new (NULL);
  g_autoptr(TpsProject) theirs = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  tps_window_open_file_async (window, file);
  while (tps_window_is_opening (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (tps_document_get_disk_checksum (tps_window_get_document (window)));

  tps_history_set (tps_document_get_history (tps_window_get_document (window)),
                   first_touchpoint (window), "owner", "Wir selbst", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_saves (window);
  g_assert_false (wait_for_label (window, notice));

  theirs = tps_project_load_from_file (file, NULL, NULL);
  tps_project_set_title (theirs, "Von Kollegin geändert");
  g_assert_true (tps_project_save_to_file (theirs, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_label (window, notice));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/open/shows-project", test_open_shows_project);
  g_test_add_func ("/window/open/broken-file-shows-error", test_open_broken_file_shows_error);
  g_test_add_func ("/window/undo-redo-and-modified-marker", test_undo_redo_and_modified_marker);
  g_test_add_func ("/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/window/save/in-a-thread", test_save_in_thread);
  g_test_add_func ("/window/save-read-only-asks", test_save_read_only_asks);
  g_test_add_func ("/window/open-csv-imports", test_open_csv_imports);
  g_test_add_func ("/window/unsaved-changes-dialog", test_unsaved_changes_dialog);
  g_test_add_func ("/window/autosave-and-recovery", test_autosave_and_recovery);
  g_test_add_func ("/window/new-project-from-template", test_new_project_from_template);
  g_test_add_func ("/window/open-example", test_open_example);
  g_test_add_func ("/window/project-settings/edit-and-undo", test_project_settings_edit_and_undo);
  g_test_add_func ("/window/map-toolbar", test_map_toolbar);
  g_test_add_func ("/window/export-action", test_export_action);
  g_test_add_func ("/window/english-money", test_english_money);
  g_test_add_func ("/window/delete-toast-undo", test_delete_toast_undo);
  g_test_add_func ("/window/reload-after-external-change", test_reload_after_external_change);
  g_test_add_func ("/window/file-changed-by-another-program",
                   test_file_changed_by_another_program);
  g_test_add_func ("/window/health-count", test_health_count);
  g_test_add_func ("/window/open-async", test_open_async);
  g_test_add_func ("/window/benchmark-menu", test_benchmark_menu);
  g_test_add_func ("/window/project-settings/comparators", test_project_settings_comparators);

  return g_test_run ();
}
