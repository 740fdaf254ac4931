/* test-project-io.c — loading, saving, hostile files, atomic save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "tps-project-io.h"

static char *
read_fixture (const char *path,
              gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Every file we write must also satisfy the RELAX NG schema. */
static void
assert_valid_against_schema (const char *path)
{
  const char *xmllint = g_getenv ("XMLLINT");
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "touchpoint-project.rng", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };

  if (xmllint == NULL)
    return;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against the schema: %s", path, err);
}

static void
assert_round_trip (const char *path)
{
  g_autoptr(TpsProject) first = NULL;
  g_autoptr(TpsProject) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *saved1 = NULL;
  g_autofree char *saved2 = NULL;
  gsize length, length1, length2;

  original = read_fixture (path, &length);
  first = tps_project_load_from_data (original, length, &error);
  g_assert_no_error (error);

  saved1 = tps_project_save_to_data (first, &length1);
  second = tps_project_load_from_data (saved1, length1, &error);
  g_assert_no_error (error);
  saved2 = tps_project_save_to_data (second, &length2);

  /* load → save → load → save is byte-identical, and the shipped files are
   * already in canonical form.
   */
  g_assert_cmpstr (saved1, ==, saved2);
  g_assert_cmpstr (saved1, ==, original);
}

static void
test_round_trip_examples (void)
{
  const char *examples[] = { "de/stadtwerke.touchpoints", "en/car-dealership.touchpoints" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                     examples[i], NULL);
      assert_round_trip (path);
    }
}

static void
test_round_trip_all_fields (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                 NULL);
  assert_round_trip (path);
}

static TpsProject *
load_all_fields (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_load_every_field (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  TpsTouchpoint *one, *two;
  TpsMeasure *child, *parent;
  g_autoptr(TpsMeasurement) baseline = NULL;
  g_autoptr(TpsMeasurement) custom = NULL;
  TpsPersona *anna;
  TpsChannel *phone;
  const char * const expected_personas[] = { "p-anna", "p-bernd", NULL };
  const char * const expected_systems[] = { "CMS", "CRM", NULL };

  g_assert_cmpstr (tps_project_get_title (project), ==,
                   "Prüfprojekt „Alle Felder“ & Sonderzeichen <ok>");
  g_assert_cmpstr (tps_project_get_organisation (project), ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (tps_project_get_description (project), ==,
                   "Erste Zeile\nZweite Zeile mit\tTab\tund \"Anführungszeichen\"");
  g_assert_cmpstr (tps_project_get_language (project), ==, "de");
  g_assert_cmpstr (tps_project_get_currency (project), ==, "EUR");
  g_assert_cmpstr (tps_project_get_created (project), ==, "2026-01-12T09:30:00Z");
  g_assert_cmpstr (tps_project_get_modified (project), ==, "2026-03-02T16:05:00Z");

  anna = tps_project_find_persona (project, "p-anna");
  g_assert_nonnull (anna);
  g_assert_cmpstr (tps_persona_get_name (anna), ==, "Anna Größe");
  g_assert_cmpstr (tps_persona_get_description (anna), ==, "Junge Familie");
  g_assert_cmpstr (tps_persona_get_goals (anna), ==, "Günstig und einfach");
  g_assert_cmpstr (tps_persona_get_expectations (anna), ==, "Schnelle Antwort");
  g_assert_cmpstr (tps_persona_get_color (anna), ==, "#3584e4");

  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 2);
  g_assert_cmpstr (tps_stage_get_description (tps_project_find_stage (project, "s-aware")), ==,
                   "Der Kunde wird aufmerksam.");
  phone = tps_project_find_channel (project, "c-phone");
  g_assert_cmpint (tps_channel_get_kind (phone), ==, TPS_CHANNEL_KIND_HYBRID);
  g_assert_cmpstr (tps_channel_get_name (phone), ==, "Telefon");

  one = tps_project_find_touchpoint (project, "t-one");
  g_assert_cmpstr (tps_touchpoint_get_title (one), ==, "Tarifrechner");
  g_assert_cmpstr (tps_touchpoint_get_description (one), ==, "Berechnet den Preis.");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (one), ==, "s-aware");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (one), ==, "c-web");
  g_assert_true (g_strv_equal (tps_touchpoint_get_persona_ids (one), expected_personas));
  g_assert_true (g_strv_equal (tps_touchpoint_get_systems (one), expected_systems));
  g_assert_cmpstr (tps_touchpoint_get_owner (one), ==, "Marketing");
  g_assert_cmpstr (tps_touchpoint_get_when (one), ==, "Vor dem Kauf");
  g_assert_cmpstr (tps_touchpoint_get_where (one), ==, "Zu Hause");
  g_assert_cmpstr (tps_touchpoint_get_emotion_note (one), ==, "Frust über versteckte Kosten");
  g_assert_cmpstr (tps_touchpoint_get_function_note (one), ==, "Preis transparent machen");
  g_assert_cmpstr (tps_touchpoint_get_expectation (one), ==, "Ein Preis in 30 Sekunden");
  g_assert_cmpstr (tps_touchpoint_get_goal (one), ==, "Erwartung plus X: Sofortangebot");
  g_assert_cmpstr (tps_touchpoint_get_orders (one), ==, "Hier gehen Aufträge verloren");
  g_assert_cmpstr (tps_touchpoint_get_notes (one), ==, "Aus Workshop 1");
  g_assert_cmpint (tps_touchpoint_get_function (one), ==, TPS_FUNCTION_INFORM);
  g_assert_cmpint (tps_touchpoint_get_status (one), ==, TPS_TOUCHPOINT_STATUS_EXISTING);
  g_assert_cmpint (tps_touchpoint_get_moment (one), ==, TPS_MOMENT_PAINPOINT);
  g_assert_true (tps_touchpoint_get_entry_point (one));
  g_assert_true (tps_touchpoint_get_exit_point (one));
  g_assert_cmpint (tps_touchpoint_get_current (one), ==, -2);
  g_assert_cmpint (tps_touchpoint_get_target (one), ==, 2);
  g_assert_cmpint (tps_touchpoint_get_importance (one), ==, 5);
  g_assert_cmpint (tps_touchpoint_get_internal (one), ==, 1);
  g_assert_cmpint (tps_touchpoint_get_gap (one), ==, 4);
  g_assert_cmpint (tps_touchpoint_get_priority (one), ==, 20);
  g_assert_cmpint (tps_touchpoint_get_perception_gap (one), ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (tps_touchpoint_get_measurements (one)), ==, 6);
  baseline = g_list_model_get_item (tps_touchpoint_get_measurements (one), 0);
  g_assert_cmpstr (tps_measurement_get_date (baseline), ==, "2026-01-20");
  g_assert_cmpint (tps_measurement_get_metric (baseline), ==, TPS_METRIC_CSAT);
  g_assert_cmpfloat (tps_measurement_get_value (baseline), ==, 2.9);
  g_assert_true (tps_measurement_get_has_target (baseline));
  g_assert_cmpfloat (tps_measurement_get_target (baseline), ==, 4);
  g_assert_cmpint (tps_measurement_get_source (baseline), ==, TPS_SOURCE_SURVEY);
  g_assert_true (tps_measurement_get_baseline (baseline));
  g_assert_cmpstr (tps_measurement_get_note (baseline), ==, "Nullmessung");
  custom = g_list_model_get_item (tps_touchpoint_get_measurements (one), 1);
  g_assert_cmpint (tps_measurement_get_metric (custom), ==, TPS_METRIC_CUSTOM);
  g_assert_cmpstr (tps_measurement_get_metric_name (custom), ==, "Abbruchquote (%)");
  g_assert_false (tps_measurement_get_baseline (custom));

  two = tps_project_find_touchpoint (project, "t-two");
  g_assert_cmpint (tps_touchpoint_get_status (two), ==, TPS_TOUCHPOINT_STATUS_NEW);
  g_assert_false (tps_touchpoint_get_entry_point (two));
  g_assert_null (tps_touchpoint_get_persona_ids (two));
  g_assert_null (tps_touchpoint_get_title (tps_project_find_touchpoint (project, "t-seven")));

  child = tps_project_find_measure (project, "x-child");
  parent = tps_project_find_measure (project, "x-parent");
  g_assert_cmpstr (tps_measure_get_parent_id (child), ==, "x-parent");
  g_assert_cmpint (tps_measure_get_kind (child), ==, TPS_MEASURE_TYPE_TRAINING);
  g_assert_cmpint (tps_measure_get_status (child), ==, TPS_MEASURE_STATUS_PLANNED);
  g_assert_cmpstr (tps_measure_get_start (child), ==, "2026-02-01");
  g_assert_cmpstr (tps_measure_get_due (child), ==, "2026-02-28");
  g_assert_cmpstr (tps_measure_get_owner (child), ==, "Vertrieb");
  g_assert_true (tps_measure_is_quick_win (child));
  g_assert_false (tps_measure_is_quick_win (parent));
  g_assert_cmpfloat (tps_measure_get_cost (parent), ==, 12500.5);
  g_assert_cmpstr (tps_measure_get_description (parent), ==, "Ablauf verbessern");
  g_assert_cmpuint (g_strv_length ((char **) tps_measure_get_touchpoint_ids (parent)), ==, 2);
  g_assert_cmpuint (tps_project_count_measures_for (project, "t-one"), ==, 1);

  g_assert_true (tps_process_step_get_done (tps_project_get_step (project, TPS_STEP_CTM_1A)));
  g_assert_cmpstr (tps_process_step_get_notes (tps_project_get_step (project, TPS_STEP_CTM_1A)),
                   ==, "Workshop am 12.01.");
  g_assert_false (tps_process_step_get_done (tps_project_get_step (project, TPS_STEP_CTM_2A)));
  g_assert_cmpstr (tps_process_step_get_notes (tps_project_get_step (project, TPS_STEP_BEST_10)),
                   ==, "Mystery Shopping geplant");
}

/* A new, empty project is still a valid file. */
static void
test_save_empty_project (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-io-XXXXXX", &error);
  g_autofree char *path = NULL;
  gsize length;

  g_assert_no_error (error);
  data = tps_project_save_to_data (project, &length);
  again = tps_project_load_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_process_steps (again)), ==, 18);

  path = g_build_filename (dir, "empty.touchpoints", NULL);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  assert_valid_against_schema (path);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *file;
  int code;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "dangling-stage", TPS_PROJECT_ERROR_INVALID,
    "Line 20: This refers to the stage “s-missing”, which does not exist in the project." },
  { "dangling-channel", TPS_PROJECT_ERROR_INVALID,
    "Line 20: This refers to the channel “c-missing”, which does not exist in the project." },
  { "dangling-persona", TPS_PROJECT_ERROR_INVALID,
    "Line 22: This refers to the persona “p-nobody”, which does not exist in the project." },
  { "dangling-touchpoint-ref", TPS_PROJECT_ERROR_INVALID,
    "Line 27: This refers to the touchpoint “t-gone”, which does not exist in the project." },
  { "missing-parent", TPS_PROJECT_ERROR_INVALID,
    "Line 25: This refers to the parent measure “x-nowhere”, which does not exist" },
  { "parent-cycle", TPS_PROJECT_ERROR_INVALID,
    "Line 25: The measure “x-a” is its own parent through its parent measures." },
  { "duplicate-id", TPS_PROJECT_ERROR_INVALID,
    "Line 23: The id “s-a” is used twice (first on line 10); every id must be unique." },
  { "unknown-enum", TPS_PROJECT_ERROR_INVALID,
    "Line 20: “sometimes” is not a known value for “moment”; use one of: none, lovepoint, "
    "painpoint, moment-of-truth." },
  { "unknown-function", TPS_PROJECT_ERROR_INVALID,
    "Line 20: “teleport” is not a known value for “function”" },
  { "out-of-range-rating", TPS_PROJECT_ERROR_INVALID,
    "Line 20: “3” is not allowed for Ist rating (“current”): use a whole number from -2 to 2." },
  { "bad-date", TPS_PROJECT_ERROR_INVALID,
    "Line 23: “2026-02-30” is not a date; write dates as YYYY-MM-DD" },
  { "due-before-start", TPS_PROJECT_ERROR_INVALID,
    "Line 25: The measure is due on 2026-04-01, before it starts on 2026-05-01." },
  { "newer-version", TPS_PROJECT_ERROR_NEWER_VERSION,
    "Line 2: This project was saved by a newer version of Touchpoint Studio (file format 7)" },
  { "invalid-utf8", TPS_PROJECT_ERROR_ENCODING,
    "Line 3: the file contains characters that are not valid UTF-8 text" },
  { "truncated", TPS_PROJECT_ERROR_TRUNCATED,
    "the file ends unexpectedly; it is incomplete or damaged." },
  { "entity-bomb", TPS_PROJECT_ERROR_DTD,
    "Line 2: the file contains a document type declaration" },
  { "external-entity", TPS_PROJECT_ERROR_DTD,
    "Line 3: the file contains a document type declaration" },
  { "not-a-project", TPS_PROJECT_ERROR_NOT_A_PROJECT,
    "Line 2: This is not a Touchpoint Studio project (it starts with <svg>)." },
  { "empty", TPS_PROJECT_ERROR_TRUNCATED, "The file is empty." },
  { "plain-text", TPS_PROJECT_ERROR_NOT_WELL_FORMED,
    "Line 1: the file is damaged or not a project file" },
  { "duplicate-attribute", TPS_PROJECT_ERROR_NOT_WELL_FORMED,
    "Line 10: the attribute “id” is given twice in the same element; the file is damaged." },
  { "undeclared-entity", TPS_PROJECT_ERROR_NOT_WELL_FORMED,
    "Line 21: “&euro;” is not a known entity; a project file uses only &amp; &lt; &gt; "
    "&quot; &apos; and numeric references such as &#228;." },
  { "deep-nesting", TPS_PROJECT_ERROR_NOT_WELL_FORMED,
    "Line 67: the elements are nested more than 64 levels deep" },
  { "cr-line-ends", TPS_PROJECT_ERROR_INVALID,
    "Line 4: <colour> does not belong inside <touchpoint-project>." },
  { "measurement-too-large", TPS_PROJECT_ERROR_INVALID,
    "Line 23: “1e308” is too large for a measured value; measured values lie between −10¹² "
    "and 10¹²." },
};

static void
test_refuses_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->file, ".touchpoints", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  project = tps_project_load_from_file (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, bad->code);

  if (!g_str_has_prefix (error->message, bad->message) && strstr (error->message, bad->message)
      == NULL)
    g_error ("%s: expected “%s”, got “%s”", bad->file, bad->message, error->message);

  /* One sentence, one line: it goes into a dialog or onto stderr as is. */
  g_assert_null (strchr (error->message, '\n'));
}

/* libxml2's own "parser error" lines never reach stderr: the messages
 * are ours alone.
 */
static void
test_bad_files_print_nothing (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        {
          g_autofree char *name = g_strconcat (bad_files[i].file, ".touchpoints", NULL);
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          g_autoptr(TpsProject) project = tps_project_load_from_file (file, NULL, &error);

          g_assert_null (project);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout ("");
}

/* 100 000 nested elements stop at our limit, with its line. */
static void
test_refuses_deep_nesting (void)
{
  g_autoptr(GString) data = g_string_new ("<?xml version=\"1.0\"?>\n<touchpoint-project "
                                          "xmlns=\"urn:touchpoint-studio:project\" "
                                          "format-version=\"1\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (data, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (data, "</a>");
  g_string_append (data, "</touchpoint-project>\n");

  project = tps_project_load_from_data (data->str, data->len, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_NOT_WELL_FORMED);
  g_assert_cmpstr (error->message, ==, "Line 3: the elements are nested more than 64 levels "
                   "deep; a project file never nests that deep, so this is not one.");
}

/* A named pipe would block the reader forever; it is refused unopened. */
static void
test_refuses_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  project = tps_project_load_from_file (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "The file could not be read: it is a named pipe (FIFO), not a file");

  g_clear_error (&error);
  g_clear_object (&file);
  file = g_file_new_for_path (dir);
  project = tps_project_load_from_file (file, NULL, &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, "The file could not be read: it is a folder, not a file");

  g_unlink (path);
  g_rmdir (dir);
}

/* A project whose measures form one chain of @n, each the parent of the
 * one before; the last one's parent is @last_parent.
 */
static GString *
measure_chain (guint       n,
               const char *last_parent)
{
  GString *data = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<touchpoint-project xmlns=\"urn:touchpoint-studio:project\" "
                                "format-version=\"1\">\n  <title>Kette</title>\n"
                                "  <measures>\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (data, "    <measure id=\"x-%u\" type=\"process\" "
                              "status=\"idea\" effort=\"1\" impact=\"1\"", i);
      if (i + 1 < n)
        g_string_append_printf (data, " parent=\"x-%u\"", i + 1);
      else if (last_parent != NULL)
        g_string_append_printf (data, " parent=\"%s\"", last_parent);
      g_string_append_printf (data, ">\n      <title>M %u</title>\n    </measure>\n", i);
    }
  g_string_append (data, "  </measures>\n</touchpoint-project>\n");
  return data;
}

/* A 20 000-long chain of sub-projects loads (each measure is walked once;
 * the benchmark measures how fast); closing it into a loop names the
 * first measure of the loop, not one that merely leads into it.
 */
static void
test_long_measure_chain (void)
{
  g_autoptr(GString) chain = measure_chain (20000, NULL);
  g_autoptr(GString) loop = measure_chain (20000, "x-5");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  project = tps_project_load_from_data (chain->str, chain->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_measures (project)), ==, 20000);
  g_clear_object (&project);

  project = tps_project_load_from_data (loop->str, loop->len, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 20: The measure “x-5” is its own parent through "
                   "its parent measures.");
}

static void
test_refuses_too_large (void)
{
  gsize length = TPS_PROJECT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  memset (data, ' ', length);
  project = tps_project_load_from_data (data, length, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_TOO_LARGE);
}

/* Cutting a valid file anywhere must fail cleanly, never crash or hang. */
static void
test_refuses_every_truncation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                 NULL);
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture (path, &length);
  for (gsize cut = 0; cut + 2 < length; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TpsProject) project = tps_project_load_from_data (data, cut, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "Line ")
                     || g_str_has_prefix (error->message, "The file is empty"));
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tps-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
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

static void
test_save_creates_backup (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "project.touchpoints", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);
  assert_valid_against_schema (path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &first, NULL, NULL);

  tps_project_set_title (project, "Zweite Fassung");
  g_assert_true (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  /* The previous version is kept beside the file. */
  g_file_get_contents (backup, &kept, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, first);
  g_file_get_contents (path, &second, NULL, NULL);
  g_assert_nonnull (strstr (second, "<title>Zweite Fassung</title>"));

  remove_dir (dir);
}

/* A write that fails half-way (here: the file size limit is hit, which
 * works even as root) leaves the previous file untouched and no temporary
 * file behind.
 */
static void
test_failed_save_keeps_old_file (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "project.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *old_contents = "<old>the team's work</old>\n";
  struct rlimit saved, limit;
  g_autoptr(GDir) d = NULL;
  guint n_files = 0;

  g_file_set_contents (path, old_contents, -1, &error);
  g_assert_no_error (error);

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved);
  limit = saved;
  limit.rlim_cur = 512;
  setrlimit (RLIMIT_FSIZE, &limit);

  g_assert_false (tps_project_save_to_file (project, file, NULL, &error));

  setrlimit (RLIMIT_FSIZE, &saved);

  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "The project could not be saved: "));

  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, old_contents);

  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  remove_dir (dir);
}

static void
test_save_into_missing_folder_fails (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-tps-dir/sub/project.touchpoints");
  g_autoptr(GError) error = NULL;

  g_assert_false (tps_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO);
}

static void
test_unreadable_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-tps-dir/project.touchpoints");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = tps_project_load_from_file (file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "The file could not be read: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/round-trip/examples", test_round_trip_examples);
  g_test_add_func ("/project-io/round-trip/all-fields", test_round_trip_all_fields);
  g_test_add_func ("/project-io/load/every-field", test_load_every_field);
  g_test_add_func ("/project-io/save/empty-project", test_save_empty_project);
  g_test_add_func ("/project-io/save/creates-backup", test_save_creates_backup);
  g_test_add_func ("/project-io/save/failure-keeps-old-file", test_failed_save_keeps_old_file);
  g_test_add_func ("/project-io/save/missing-folder", test_save_into_missing_folder_fails);
  g_test_add_func ("/project-io/load/unreadable", test_unreadable_file);
  g_test_add_func ("/project-io/load/refuses-too-large", test_refuses_too_large);
  g_test_add_func ("/project-io/load/refuses-every-truncation", test_refuses_every_truncation);
  g_test_add_func ("/project-io/load/bad-files-print-nothing", test_bad_files_print_nothing);
  g_test_add_func ("/project-io/load/refuses-deep-nesting", test_refuses_deep_nesting);
  g_test_add_func ("/project-io/load/refuses-fifo", test_refuses_fifo);
  g_test_add_func ("/project-io/load/long-measure-chain", test_long_measure_chain);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/project-io/load/refuses/%s", bad_files[i].file);
      g_test_add_data_func (name, &bad_files[i], test_refuses_bad_file);
    }

  return g_test_run ();
}
