/* test-compare.c — comparing two versions of a project by object id, and --diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tps-compare.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-project-structure.h"
#include "tps-test-project.h"
#include "tps-test-util.h"

static TpsProject *
load_example (void)
{
  return tps_test_load_example ("de/stadtwerke.touchpoints");
}

static char *
write_project (TpsProject *project,
               const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  tps_project_save_to_file (project, file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static const char *
title_of (TpsProject *project,
          const char *id)
{
  return tps_touchpoint_get_title (tps_project_find_touchpoint (project, id));
}

static void
test_identical (void)
{
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  g_autoptr(TpsComparison) comparison = tps_comparison_new (a, b);
  g_autofree char *text = tps_comparison_to_text (comparison);

  g_assert_true (tps_comparison_is_empty (comparison));
  g_assert_cmpuint (tps_comparison_get_n_changes (comparison), ==, 0);
  g_assert_cmpstr (text, ==, "");
}

/* A touchpoint that moved in the file but kept its id is the same one. */
static void
test_matches_by_id (void)
{
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  GListModel *touchpoints = tps_project_get_touchpoints (b);
  g_autoptr(TpsTouchpoint) first = g_list_model_get_item (touchpoints, 0);
  g_autoptr(TpsComparison) comparison = NULL;

  g_list_store_remove (G_LIST_STORE (touchpoints), 0);
  g_list_store_append (G_LIST_STORE (touchpoints), first);
  comparison = tps_comparison_new (a, b);

  g_assert_true (tps_comparison_is_empty (comparison));
}

static void
test_property_changes (void)
{
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  TpsTouchpoint *move_in = tps_project_find_touchpoint (b, "t-move-in");
  const TpsObjectChange *change;
  const TpsPropertyChange *property;
  g_autoptr(TpsComparison) comparison = NULL;
  g_autofree char *line = NULL;
  const char * const systems[] = { "CRM", "Portal", NULL };
  TpsChangeKind kind;

  tps_touchpoint_set_current (move_in, 0);
  tps_touchpoint_set_stage_id (move_in, "s-billing");
  tps_touchpoint_set_systems (move_in, systems);
  comparison = tps_comparison_new (a, b);

  g_assert_cmpuint (tps_comparison_get_n_changes (comparison), ==, 1);
  change = tps_comparison_get_change (comparison, 0);
  g_assert_cmpint (change->kind, ==, TPS_CHANGE_CHANGED);
  g_assert_true (change->type == TPS_TYPE_TOUCHPOINT);
  g_assert_cmpstr (change->id, ==, "t-move-in");
  g_assert_cmpuint (change->properties->len, ==, 3);

  /* In the model's order: stage, systems, then the rating. */
  property = g_ptr_array_index (change->properties, 0);
  g_assert_cmpstr (property->property, ==, "stage-id");
  g_assert_cmpstr (property->old_text, ==, "Einzug & Lieferbeginn");
  g_assert_cmpstr (property->new_text, ==, "Abschlag & Jahresrechnung");
  property = g_ptr_array_index (change->properties, 1);
  g_assert_cmpstr (property->new_text, ==, "CRM, Portal");
  property = g_ptr_array_index (change->properties, 2);
  g_assert_cmpstr (property->property, ==, "current");
  line = tps_property_change_to_string (property);
  g_assert_cmpstr (line, ==, "Ist rating: −2 → 0");

  g_assert_true (tps_comparison_lookup (comparison, "t-move-in", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_CHANGED);
  g_assert_false (tps_comparison_lookup (comparison, "t-chat", &kind));
}

static void
test_added_removed (void)
{
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) chat = tps_touchpoint_new ("t-whatsapp");
  g_autoptr(TpsComparison) comparison = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint added, removed, changed;
  TpsChangeKind kind;

  tps_touchpoint_set_title (chat, "WhatsApp-Service");
  tps_touchpoint_set_stage_id (chat, "s-service");
  tps_touchpoint_set_channel_id (chat, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (b)), chat);
  tps_project_delete_touchpoint (b, history, tps_project_find_touchpoint (b, "t-local-presence"));

  comparison = tps_comparison_new (a, b);
  tps_comparison_count (comparison, &added, &removed, &changed);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (tps_comparison_lookup (comparison, "t-whatsapp", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_ADDED);
  g_assert_true (tps_comparison_lookup (comparison, "t-local-presence", &kind));
  g_assert_cmpint (kind, ==, TPS_CHANGE_REMOVED);

  text = tps_comparison_to_text (comparison);
  expected = g_strdup_printf ("New touchpoint “WhatsApp-Service”\n"
                              "Removed touchpoint “%s”\n", title_of (a, "t-local-presence"));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_measurements_and_order (void)
{
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  TpsTouchpoint *bill = tps_project_find_touchpoint (b, "t-first-bill");
  g_autoptr(TpsMeasurement) reading = tps_measurement_new ("m-test-1");
  GListModel *stages = tps_project_get_stages (b);
  g_autoptr(TpsStage) first = g_list_model_get_item (stages, 0);
  g_autoptr(TpsComparison) comparison = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *rest = "Vertragsabschluss, Einzug & Lieferbeginn, Abschlag & Jahresrechnung, "
                     "Service & Reklamation, Bindung, Kündigung & Rückgewinnung";

  tps_measurement_set_date (reading, "2026-04-01");
  tps_measurement_set_metric (reading, TPS_METRIC_CSAT);
  tps_measurement_set_value (reading, 3.5);
  g_list_store_append (G_LIST_STORE (tps_touchpoint_get_measurements (bill)), reading);
  g_list_store_remove (G_LIST_STORE (stages), 0);
  g_list_store_insert (G_LIST_STORE (stages), 1, first);

  comparison = tps_comparison_new (a, b);
  text = tps_comparison_to_text (comparison);
  expected = g_strdup_printf ("Order of stages: Aufmerksamkeit, Information & Tarifwahl, %s"
                              " → Information & Tarifwahl, Aufmerksamkeit, %s\n"
                              "New measurement of “%s”: Customer satisfaction (CSAT) 2026-04-01: 3.5\n",
                              rest, rest, title_of (b, "t-first-bill"));
  g_assert_cmpstr (text, ==, expected);
}

/* The example against a copy with edits made through the model: --diff
 * lists exactly those edits and exits 1; against itself it is silent
 * and exits 0.
 */
static void
test_cli_diff_lists_exactly_the_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-compare-XXXXXX", &error);
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  g_autoptr(TpsTouchpoint) added = tps_touchpoint_new ("t-whatsapp");
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *expected = NULL;
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) same = { 0, };

  tps_touchpoint_set_current (tps_project_find_touchpoint (b, "t-move-in"), 0);
  tps_measure_set_status (tps_project_find_measure (b, "x-hotline-training"),
                          TPS_MEASURE_STATUS_ROLLED_OUT);
  tps_measure_set_due (tps_project_find_measure (b, "x-hotline-training"), "2027-01-31");
  tps_touchpoint_set_title (added, "WhatsApp-Service");
  tps_touchpoint_set_stage_id (added, "s-service");
  tps_touchpoint_set_channel_id (added, "c-web");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (b)), added);
  tps_process_step_set_done (tps_project_get_step (b, TPS_STEP_BEST_10), TRUE);

  old_path = write_project (a, dir, "old.touchpoints");
  new_path = write_project (b, dir, "new.touchpoints");

  tps_test_run_cli (&run, "--diff", old_path, new_path, NULL);
  expected = g_strdup_printf ("Ist rating of “%s”: −2 → 0\n"
                              "New touchpoint “WhatsApp-Service”\n"
                              "Status of “%s”: Pilot → Rolled out\n"
                              "Due date of “%s”: 2026-12-15 → 2027-01-31\n"
                              "Done of “%s”: No → Yes\n",
                              title_of (a, "t-move-in"),
                              tps_measure_get_title (tps_project_find_measure (a,
                                                       "x-hotline-training")),
                              tps_measure_get_title (tps_project_find_measure (a,
                                                       "x-hotline-training")),
                              tps_object_get_display_name (TPS_OBJECT (
                                tps_project_get_step (a, TPS_STEP_BEST_10))));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (run.status, ==, 1);

  tps_test_run_cli (&same, "--diff", old_path, old_path, NULL);
  g_assert_cmpstr (same.out, ==, "");
  g_assert_cmpint (same.status, ==, 0);

  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (dir);
}

static void
test_cli_diff_usage (void)
{
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) missing = { 0, };
  g_autofree char *path = tps_test_example_path ("en/car-dealership.touchpoints");

  tps_test_run_cli (&run, "--diff", path, path, path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--diff takes two files"));

  tps_test_run_cli (&missing, "--diff", path, "/nonexistent/x.touchpoints", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/x.touchpoints"));
}

/* With one file, the project as text: one property a line under each object. */
static void
test_cli_textconv (void)
{
  g_auto(TpsTestRun) run = { 0, };
  g_autofree char *path = tps_test_example_path ("de/stadtwerke.touchpoints");

  tps_test_run_cli (&run, "--diff", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Touchpoint “Einzugsmeldung für neue Mieter” "
                                     "[t-move-in]\n"));
  g_assert_nonnull (strstr (run.out, "\n  Ist rating: −2\n"));
  g_assert_nonnull (strstr (run.out, "\n  Stage: Einzug & Lieferbeginn\n"));
}

/* --report --since=OLD adds the chapter of changes, listed in the
 * contents; without --since the report has no such chapter.
 */
static void
test_cli_report_since (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-report-since-XXXXXX", &error);
  g_autoptr(TpsProject) a = load_example ();
  g_autoptr(TpsProject) b = load_example ();
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *plain_pdf = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *option = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *plain_option = g_strconcat ("--export=", plain_pdf, NULL);
  g_autofree char *since = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) plain = { 0, };
  g_auto(TpsTestRun) misuse = { 0, };
  const char *chapter;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  tps_touchpoint_set_current (tps_project_find_touchpoint (b, "t-move-in"), 0);
  tps_measure_set_status (tps_project_find_measure (b, "x-hotline-training"),
                          TPS_MEASURE_STATUS_ROLLED_OUT);
  old_path = write_project (a, dir, "workshop-1.touchpoints");
  new_path = write_project (b, dir, "workshop-2.touchpoints");
  since = g_strconcat ("--since=", old_path, NULL);

  tps_test_run_cli (&run, option, "--report", since, new_path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdftotext, pdf, "-", NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);

  /* In the contents, and as the last chapter with the edits made. */
  g_assert_nonnull (strstr (text, "Changes Since the Earlier Version"));
  chapter = strstr (text, "Compared with “workshop-1.touchpoints”: 0 new, 0 removed, 2 changed.");
  g_assert_nonnull (chapter);
  g_assert_nonnull (strstr (chapter, "Ist rating"));
  g_assert_nonnull (strstr (chapter, "Rolled out"));

  tps_test_run_cli (&plain, plain_option, "--report", new_path, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdftotext, plain_pdf, "-", NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, &plain_text, NULL, NULL, &error));
  g_assert_null (strstr (plain_text, "Changes Since"));

  tps_test_run_cli (&misuse, plain_option, since, new_path, NULL);
  g_assert_cmpint (misuse.status, ==, 2);
  g_assert_nonnull (strstr (misuse.err, "--since adds a chapter to the --report"));

  g_unlink (pdf);
  g_unlink (plain_pdf);
  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (dir);
}

static gboolean
run_in (const char  *dir,
        char       **out,
        const char  *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL), NULL, NULL, out,
                NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* A real repository set up as the README says: `git diff` prints the
 * semantic summary through the diff driver, `git log -p` the property
 * lines through textconv.
 */
static void
test_git_diff_driver (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-git-XXXXXX", &error);
  g_autoptr(TpsProject) project = load_example ();
  g_autofree char *path = NULL;
  g_autofree char *attributes = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *diff_command = g_strdup_printf ("%s --diff", g_getenv ("TPS_BINARY"));
  g_autofree char *out = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (run_in (dir, NULL, "git", "init", "-q", NULL));
  g_assert_true (run_in (dir, NULL, "git", "config", "user.email", "team@example.org", NULL));
  g_assert_true (run_in (dir, NULL, "git", "config", "user.name", "CTM Team", NULL));
  g_assert_true (run_in (dir, NULL, "git", "config", "diff.touchpoints.command", diff_command,
                         NULL));
  g_assert_true (run_in (dir, NULL, "git", "config", "diff.touchpoints.textconv", diff_command,
                         NULL));
  g_file_set_contents (attributes, "*.touchpoints diff=touchpoints\n", -1, &error);
  g_assert_no_error (error);

  path = write_project (project, dir, "journey.touchpoints");
  g_assert_true (run_in (dir, NULL, "git", "add", ".", NULL));
  g_assert_true (run_in (dir, NULL, "git", "commit", "-q", "-m", "Workshop 1", NULL));

  tps_touchpoint_set_current (tps_project_find_touchpoint (project, "t-first-bill"), 1);
  g_free (write_project (project, dir, "journey.touchpoints"));

  g_assert_true (run_in (dir, &out, "git", "diff", NULL));
  expected = g_strdup_printf ("journey.touchpoints\nIst rating of “%s”: −1 → +1\n",
                              title_of (project, "t-first-bill"));
  g_assert_cmpstr (out, ==, expected);

  g_assert_true (run_in (dir, NULL, "git", "commit", "-q", "-am", "Workshop 2", NULL));
  g_assert_true (run_in (dir, &log, "git", "log", "-p", "-1", "--format=", NULL));
  g_assert_nonnull (strstr (log, "\n-  Ist rating: −1\n+  Ist rating: +1\n"));

  g_assert_true (run_in (NULL, NULL, "rm", "-rf", dir, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/identical-is-empty", test_identical);
  g_test_add_func ("/compare/matches-by-id-not-position", test_matches_by_id);
  g_test_add_func ("/compare/property-changes", test_property_changes);
  g_test_add_func ("/compare/added-and-removed", test_added_removed);
  g_test_add_func ("/compare/measurements-and-stage-order", test_measurements_and_order);
  g_test_add_func ("/compare/cli/diff-lists-exactly-the-edits",
                   test_cli_diff_lists_exactly_the_edits);
  g_test_add_func ("/compare/cli/diff-usage", test_cli_diff_usage);
  g_test_add_func ("/compare/cli/textconv", test_cli_textconv);
  g_test_add_func ("/compare/cli/report-since", test_cli_report_since);
  g_test_add_func ("/compare/git/diff-driver-and-textconv", test_git_diff_driver);

  return g_test_run ();
}
