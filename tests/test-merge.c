/* test-merge.c — three-way merge by object id, conflicts in the file, git's merge driver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "tps-compare.h"
#include "tps-conflict.h"
#include "tps-merge.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-test-project.h"
#include "tps-test-util.h"

static void remove_tree (const char *dir);

static TpsProject *
load_example (void)
{
  return tps_test_load_example ("de/stadtwerke.touchpoints");
}

static TpsTouchpoint *
touchpoint (TpsProject *project,
            const char *id)
{
  TpsTouchpoint *found = tps_project_find_touchpoint (project, id);

  g_assert_nonnull (found);
  return found;
}

/* The merged project saved and read back: valid, canonical, and (when
 * xmllint is there) valid against the schema.
 */
static TpsProject *
check_valid (TpsProject *project)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = tps_project_save_to_data (project, &length);
  g_autoptr(TpsProject) again = tps_project_load_from_data (data, length, &error);
  g_autofree char *data_again = NULL;
  const char *xmllint = g_getenv ("XMLLINT");

  g_assert_no_error (error);
  data_again = tps_project_save_to_data (again, NULL);
  g_assert_cmpstr (data_again, ==, data);

  if (xmllint != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("tps-merge-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "merged.touchpoints", NULL);
      g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                       "touchpoint-project.rng", NULL);
      const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };
      int status;

      g_file_set_contents (path, data, length, &error);
      g_assert_no_error (error);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                    NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_unlink (path);
      g_rmdir (dir);
    }

  return g_steal_pointer (&again);
}

static guint
n_conflicts (TpsProject *project)
{
  return g_list_model_get_n_items (tps_project_get_conflicts (project));
}

static void
test_different_objects_and_properties (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsProject) reloaded = NULL;

  /* Sales and service edit their own touchpoints, and two properties of
   * one touchpoint each.
   */
  tps_touchpoint_set_current (touchpoint (ours, "t-online-order"), 1);
  tps_touchpoint_set_owner (touchpoint (ours, "t-move-in"), "Vertrieb");
  tps_touchpoint_set_target (touchpoint (theirs, "t-hotline-service"), 2);
  tps_touchpoint_set_importance (touchpoint (theirs, "t-move-in"), 3);
  tps_measure_set_status (tps_project_find_measure (theirs, "x-hotline-training"),
                          TPS_MEASURE_STATUS_DONE);

  merged = tps_project_merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-online-order")), ==, 1);
  g_assert_cmpstr (tps_touchpoint_get_owner (touchpoint (merged, "t-move-in")), ==, "Vertrieb");
  g_assert_cmpint (tps_touchpoint_get_target (touchpoint (merged, "t-hotline-service")), ==, 2);
  g_assert_cmpint (tps_touchpoint_get_importance (touchpoint (merged, "t-move-in")), ==, 3);
  g_assert_cmpint (tps_measure_get_status (tps_project_find_measure (merged,
                                                                     "x-hotline-training")),
                   ==, TPS_MEASURE_STATUS_DONE);
  reloaded = check_valid (merged);
}

static void
test_same_property_conflicts (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsProject) reloaded = NULL;
  g_autoptr(TpsConflict) conflict = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *other = NULL;

  tps_touchpoint_set_current (touchpoint (ours, "t-move-in"), 0);
  tps_touchpoint_set_current (touchpoint (theirs, "t-move-in"), 1);
  /* The same change on both sides is no conflict. */
  tps_touchpoint_set_goal (touchpoint (ours, "t-chat"), "Antwort in 2 Minuten");
  tps_touchpoint_set_goal (touchpoint (theirs, "t-chat"), "Antwort in 2 Minuten");

  merged = tps_project_merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-move-in")), ==, 0);
  g_assert_cmpstr (tps_touchpoint_get_goal (touchpoint (merged, "t-chat")), ==,
                   "Antwort in 2 Minuten");

  /* The conflict survives the file. */
  reloaded = check_valid (merged);
  conflict = g_list_model_get_item (tps_project_get_conflicts (reloaded), 0);
  g_assert_cmpstr (tps_conflict_get_ref (conflict), ==, "t-move-in");
  g_assert_cmpstr (tps_conflict_get_property_name (conflict), ==, "current");
  title = tps_conflict_get_title (conflict, reloaded);
  kept = tps_conflict_get_kept_text (conflict, reloaded);
  other = tps_conflict_get_other_text (conflict, reloaded);
  g_assert_cmpstr (title, ==, "Ist rating of “Einzugsmeldung für neue Mieter”");
  g_assert_cmpstr (kept, ==, "0");
  g_assert_cmpstr (other, ==, "+1");
}

/* Both add a touchpoint under the same new id: both are kept, theirs
 * under a new id, and theirs' measure that links it follows.
 */
static void
test_both_add_same_id (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsProject) reloaded = NULL;
  g_autoptr(TpsTouchpoint) mine = tps_touchpoint_new ("t-new");
  g_autoptr(TpsTouchpoint) other = tps_touchpoint_new ("t-new");
  g_autoptr(TpsMeasure) measure = tps_measure_new ("x-new");
  const char * const links[] = { "t-new", NULL };
  TpsMeasure *merged_measure;

  tps_touchpoint_set_title (mine, "Chatbot");
  tps_touchpoint_set_stage_id (mine, "s-service");
  tps_touchpoint_set_channel_id (mine, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (ours)), mine);
  tps_touchpoint_set_title (other, "Rückrufservice");
  tps_touchpoint_set_stage_id (other, "s-service");
  tps_touchpoint_set_channel_id (other, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (theirs)), other);
  tps_measure_set_title (measure, "Rückruf in 24 h");
  tps_measure_set_touchpoint_ids (measure, links);
  g_list_store_append (G_LIST_STORE (tps_project_get_measures (theirs)), measure);

  merged = tps_project_merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint (merged, "t-new")), ==, "Chatbot");
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint (merged, "t-new-2")), ==,
                   "Rückrufservice");
  merged_measure = tps_project_find_measure (merged, "x-new");
  g_assert_nonnull (merged_measure);
  g_assert_cmpstr (tps_measure_get_touchpoint_ids (merged_measure)[0], ==, "t-new-2");
  reloaded = check_valid (merged);
}

static void
test_delete_against_change (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsProject) reloaded = NULL;
  g_autoptr(TpsConflict) conflict = NULL;

  /* Theirs deletes two touchpoints; ours changed one of them. */
  tps_project_delete_touchpoint (theirs, history, touchpoint (theirs, "t-chat"));
  tps_project_delete_touchpoint (theirs, history, touchpoint (theirs, "t-local-presence"));
  tps_touchpoint_set_notes (touchpoint (ours, "t-chat"), "Seit März rund um die Uhr");

  merged = tps_project_merge (base, ours, theirs);
  g_assert_null (tps_project_find_touchpoint (merged, "t-local-presence"));
  g_assert_nonnull (tps_project_find_touchpoint (merged, "t-chat"));
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  conflict = g_list_model_get_item (tps_project_get_conflicts (merged), 0);
  g_assert_true (tps_conflict_get_deleted (conflict));
  g_assert_cmpstr (tps_conflict_get_ref (conflict), ==, "t-chat");
  reloaded = check_valid (merged);
}

/* Theirs moved a stage; ours added a touchpoint: theirs' order, ours'
 * touchpoint, and theirs' new measurement in place.
 */
static void
test_order_and_measurements (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsProject) reloaded = NULL;
  GListStore *stages = G_LIST_STORE (tps_project_get_stages (theirs));
  g_autoptr(TpsStage) first = g_list_model_get_item (G_LIST_MODEL (stages), 0);
  g_autoptr(TpsStage) merged_first = NULL;
  g_autoptr(TpsTouchpoint) added = tps_touchpoint_new ("t-whatsapp");
  g_autoptr(TpsMeasurement) reading = tps_measurement_new ("m-new");
  GListModel *measurements;
  guint n_measurements;

  g_list_store_remove (stages, 0);
  g_list_store_append (stages, first);
  tps_touchpoint_set_title (added, "WhatsApp");
  tps_touchpoint_set_stage_id (added, "s-service");
  tps_touchpoint_set_channel_id (added, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (ours)), added);
  measurements = tps_touchpoint_get_measurements (touchpoint (theirs, "t-first-bill"));
  n_measurements = g_list_model_get_n_items (measurements);
  tps_measurement_set_date (reading, "2026-05-01");
  tps_measurement_set_value (reading, 4.1);
  g_list_store_append (G_LIST_STORE (measurements), reading);

  merged = tps_project_merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
  merged_first = g_list_model_get_item (tps_project_get_stages (merged), 0);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (merged_first)), ==, "s-research");
  g_assert_nonnull (tps_project_find_touchpoint (merged, "t-whatsapp"));
  g_assert_cmpuint (g_list_model_get_n_items (
                      tps_touchpoint_get_measurements (touchpoint (merged, "t-first-bill"))),
                    ==, n_measurements + 1);
  reloaded = check_valid (merged);
}

/* Each conflict is settled in one undo step. */
static void
test_resolve_is_one_undo_step (void)
{
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsConflict) first = NULL;
  g_autoptr(TpsConflict) second = NULL;

  tps_touchpoint_set_current (touchpoint (ours, "t-move-in"), 0);
  tps_touchpoint_set_current (touchpoint (theirs, "t-move-in"), 1);
  tps_touchpoint_set_title (touchpoint (ours, "t-chat"), "Live-Chat");
  tps_touchpoint_set_title (touchpoint (theirs, "t-chat"), "Chat & Messenger");
  merged = tps_project_merge (base, ours, theirs);
  g_assert_cmpuint (n_conflicts (merged), ==, 2);

  first = g_list_model_get_item (tps_project_get_conflicts (merged), 0);
  tps_conflict_resolve (first, merged, history, TRUE);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-move-in")), ==, 1);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);

  second = g_list_model_get_item (tps_project_get_conflicts (merged), 0);
  tps_conflict_resolve (second, merged, history, FALSE);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint (merged, "t-chat")), ==, "Live-Chat");
  g_assert_cmpuint (n_conflicts (merged), ==, 0);

  g_assert_true (tps_history_undo (history));
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  g_assert_true (tps_history_undo (history));
  g_assert_cmpuint (n_conflicts (merged), ==, 2);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-move-in")), ==, 0);
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_loader_checks_conflicts (void)
{
  const char *templates[] = {
    "<conflict ref=\"t-nowhere\" property=\"current\"><value>1</value></conflict>",
    "<conflict ref=\"t-1\" property=\"current\"><value>7</value></conflict>",
    "<conflict ref=\"t-1\" property=\"colour\"><value>1</value></conflict>",
    "<conflict ref=\"t-1\" property=\"stage-id\"><value>s-gone</value></conflict>",
    "<conflict property=\"title\"><value>A</value><value>B</value></conflict>",
  };
  const char *messages[] = {
    "Line 10: The conflict refers to “t-nowhere”, which does not exist in the project.",
    "Line 10: The conflict's value is not a valid “current”.",
    "Line 10: The conflict names the property “colour”, which “t-1” does not have.",
    "Line 10: The conflict's value is not a valid “stage-id”.",
    "Line 10: The conflict's value is not a valid “title”.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<touchpoint-project xmlns=\"urn:touchpoint-studio:project\" format-version=\"1\">\n"
        "  <title>T</title>\n"
        "  <personas/>\n"
        "  <stages><stage id=\"s-1\"><name>S</name></stage></stages>\n"
        "  <channels><channel id=\"c-1\" kind=\"online\"><name>C</name></channel></channels>\n"
        "  <touchpoints><touchpoint id=\"t-1\" stage=\"s-1\" channel=\"c-1\" function=\"inform\" "
        "status=\"existing\" moment=\"none\" current=\"0\" target=\"0\" importance=\"3\" "
        "internal=\"0\"><title>X</title></touchpoint></touchpoints>\n"
        "  <measures/>\n"
        "  <conflicts>\n"
        "    %s\n"
        "  </conflicts>\n"
        "</touchpoint-project>\n", templates[i]);
      g_autoptr(TpsProject) project = tps_project_load_from_data (data, strlen (data), &error);

      g_assert_null (project);
      g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, messages[i]);
    }
}

/* The driver's own report: one stderr line a conflict, exit 1, the result
 * over OURS; without conflicts silent and 0.
 */
static void
test_cli_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-cli-merge-XXXXXX", &error);
  g_autofree char *base_path = g_build_filename (dir, "base", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "ours", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs", NULL);
  g_autoptr(TpsProject) base = load_example ();
  g_autoptr(TpsProject) ours = load_example ();
  g_autoptr(TpsProject) theirs = load_example ();
  g_autofree char *data = NULL;
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) again = { 0, };
  g_auto(TpsTestRun) usage = { 0, };

  tps_touchpoint_set_current (touchpoint (ours, "t-move-in"), 0);
  tps_touchpoint_set_current (touchpoint (theirs, "t-move-in"), 1);
  tps_touchpoint_set_owner (touchpoint (theirs, "t-chat"), "Kundenservice Nord");
  /* git's temporary files have no extension. */
  g_file_set_contents (base_path, (data = tps_project_save_to_data (base, NULL)), -1, NULL);
  g_clear_pointer (&data, g_free);
  g_file_set_contents (ours_path, (data = tps_project_save_to_data (ours, NULL)), -1, NULL);
  g_clear_pointer (&data, g_free);
  g_file_set_contents (theirs_path, (data = tps_project_save_to_data (theirs, NULL)), -1, NULL);
  g_clear_pointer (&data, g_free);

  tps_test_run_cli (&run, "--merge", base_path, ours_path, theirs_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "touchpoint-studio: conflict: Ist rating of “Einzugsmeldung für "
                                "neue Mieter”: kept 0, the other version has +1\n");

  /* Merging theirs again into the result: nothing new, but the conflict
   * is still open.
   */
  tps_test_run_cli (&again, "--merge", base_path, ours_path, theirs_path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_file_get_contents (ours_path, &data, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "Kundenservice Nord"));
  g_assert_nonnull (strstr (data, "<conflicts>"));
  g_assert_true (strstr (data, "<conflict ") == g_strrstr (data, "<conflict "));

  tps_test_run_cli (&usage, "--merge", base_path, ours_path, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  g_clear_pointer (&data, g_free);
  data = g_strconcat (ours_path, "~", NULL);
  g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* git ------------------------------------------------------------------- */

static char *
git (const char *dir,
     int        *exit_status,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  char *out = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = WEXITSTATUS (status);
  else if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", first, err);
  return out;
}

static void
write_project (TpsProject *project,
               const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "journey.touchpoints", NULL);
  g_autofree char *data = tps_project_save_to_data (project, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

static TpsProject *
read_project (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "journey.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
}

/* A repository set up as the README says, the example committed on main. */
static char *
make_repository (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tps-git-merge-XXXXXX", &error);
  g_autofree char *attributes = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *driver = g_strdup_printf ("%s --merge %%O %%A %%B", g_getenv ("TPS_BINARY"));
  g_autoptr(TpsProject) project = load_example ();

  g_free (git (dir, NULL, "init", "-q", "-b", "main", NULL));
  g_free (git (dir, NULL, "config", "user.email", "team@example.org", NULL));
  g_free (git (dir, NULL, "config", "user.name", "CTM Team", NULL));
  g_free (git (dir, NULL, "config", "merge.touchpoints.name", "Touchpoint Studio", NULL));
  g_free (git (dir, NULL, "config", "merge.touchpoints.driver", driver, NULL));
  g_file_set_contents (attributes, "*.touchpoints merge=touchpoints\n", -1, &error);
  g_assert_no_error (error);
  write_project (project, dir);
  g_free (git (dir, NULL, "add", ".", NULL));
  g_free (git (dir, NULL, "commit", "-q", "-m", "Workshop", NULL));

  return dir;
}

typedef void (*EditFunc) (TpsProject *project);

static void
commit_on_branch (const char *dir,
                  const char *branch,
                  EditFunc    edit)
{
  g_autoptr(TpsProject) project = NULL;

  g_free (git (dir, NULL, "checkout", "-q", "-B", branch, "main", NULL));
  project = read_project (dir);
  edit (project);
  write_project (project, dir);
  g_free (git (dir, NULL, "commit", "-q", "-am", branch, NULL));
}

static void
edit_sales (TpsProject *project)
{
  tps_touchpoint_set_current (touchpoint (project, "t-online-order"), 1);
  tps_touchpoint_set_owner (touchpoint (project, "t-move-in"), "Vertrieb");
}

static void
edit_service (TpsProject *project)
{
  tps_touchpoint_set_target (touchpoint (project, "t-hotline-service"), 2);
  tps_touchpoint_set_importance (touchpoint (project, "t-move-in"), 3);
}

static void
edit_rating_up (TpsProject *project)
{
  tps_touchpoint_set_current (touchpoint (project, "t-move-in"), 1);
}

static void
edit_rating_down (TpsProject *project)
{
  tps_touchpoint_set_current (touchpoint (project, "t-move-in"), -1);
}

/* Two branches edit different touchpoints and different properties of
 * one: git merges them through the driver without a conflict, and the
 * result holds both edits and passes --check.
 */
static void
test_git_merge_driver (void)
{
  g_autofree char *dir = make_repository ();
  g_autofree char *path = g_build_filename (dir, "journey.touchpoints", NULL);
  g_autoptr(TpsProject) merged = NULL;
  g_auto(TpsTestRun) check = { 0, };
  int status;

  commit_on_branch (dir, "sales", edit_sales);
  commit_on_branch (dir, "service", edit_service);
  g_free (git (dir, NULL, "checkout", "-q", "sales", NULL));
  g_free (git (dir, &status, "merge", "-q", "--no-edit", "service", NULL));
  g_assert_cmpint (status, ==, 0);

  merged = read_project (dir);
  g_assert_cmpuint (n_conflicts (merged), ==, 0);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-online-order")), ==, 1);
  g_assert_cmpstr (tps_touchpoint_get_owner (touchpoint (merged, "t-move-in")), ==, "Vertrieb");
  g_assert_cmpint (tps_touchpoint_get_target (touchpoint (merged, "t-hotline-service")), ==, 2);
  g_assert_cmpint (tps_touchpoint_get_importance (touchpoint (merged, "t-move-in")), ==, 3);
  g_object_unref (check_valid (merged));

  tps_test_run_cli (&check, "--check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  remove_tree (dir);
}

/* The same property edited two ways: the driver exits 1, git stops with a
 * conflict, and the file it leaves is a valid project that records it.
 */
static void
test_git_merge_conflict (void)
{
  g_autofree char *dir = make_repository ();
  g_autoptr(TpsProject) merged = NULL;
  g_autoptr(TpsConflict) conflict = NULL;
  g_autofree char *status_text = NULL;
  int status;

  commit_on_branch (dir, "up", edit_rating_up);
  commit_on_branch (dir, "down", edit_rating_down);
  g_free (git (dir, NULL, "checkout", "-q", "up", NULL));
  g_free (git (dir, &status, "merge", "-q", "--no-edit", "down", NULL));
  g_assert_cmpint (status, !=, 0);

  status_text = git (dir, NULL, "status", "--porcelain", NULL);
  g_assert_cmpstr (status_text, ==, "UU journey.touchpoints\n");

  merged = read_project (dir);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint (merged, "t-move-in")), ==, 1);
  g_assert_cmpuint (n_conflicts (merged), ==, 1);
  conflict = g_list_model_get_item (tps_project_get_conflicts (merged), 0);
  g_assert_cmpstr (tps_conflict_get_values (conflict)[0], ==, "-1");
  g_object_unref (check_valid (merged));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/different-objects-and-properties",
                   test_different_objects_and_properties);
  g_test_add_func ("/merge/same-property-conflicts", test_same_property_conflicts);
  g_test_add_func ("/merge/both-add-same-id", test_both_add_same_id);
  g_test_add_func ("/merge/delete-against-change", test_delete_against_change);
  g_test_add_func ("/merge/order-and-measurements", test_order_and_measurements);
  g_test_add_func ("/merge/resolve-is-one-undo-step", test_resolve_is_one_undo_step);
  g_test_add_func ("/merge/loader-checks-conflicts", test_loader_checks_conflicts);
  g_test_add_func ("/merge/cli/conflicts-on-stderr", test_cli_merge);
  g_test_add_func ("/merge/git/driver-merges-both-edits", test_git_merge_driver);
  g_test_add_func ("/merge/git/driver-records-conflict", test_git_merge_conflict);

  return g_test_run ();
}
