/* test-csv.c — touchpoints as CSV: export, import, round trip, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tps-compare.h"
#include "tps-csv.h"
#include "tps-project-io.h"

static TpsProject *
load_project (const char *first_part,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TpsProject *project;
  va_list args;

  va_start (args, first_part);
  for (const char *part = first_part; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  file = g_file_new_for_path (path);
  project = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return project;
}

static TpsProject *
load_example (const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);

  return load_project (dir, name, NULL);
}

static TpsProject *
load_all_fields (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                 NULL);

  return load_project (path, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

static TpsCsvImport *
parse_fixture (TpsProject *project,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  TpsCsvImport *import;
  gsize length;

  data = read_fixture (name, &length);
  import = tps_csv_import_parse (project, data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static TpsCsvImport *
parse_string (TpsProject *project,
              const char *csv)
{
  g_autoptr(GError) error = NULL;
  TpsCsvImport *import = tps_csv_import_parse (project, csv, strlen (csv), &error);

  g_assert_no_error (error);
  return import;
}

/* The problems as the CLI prints them, one a line. */
static char *
problems_text (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = tps_csv_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (out, FALSE);
}

static TpsTouchpoint *
nth_touchpoint (GListModel *list,
                guint       position)
{
  g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (list, position);

  g_assert_nonnull (touchpoint);
  return touchpoint;
}

static TpsComparator *
nth_comparator (GListModel *list,
                guint       position)
{
  g_autoptr(TpsComparator) comparator = g_list_model_get_item (list, position);

  g_assert_nonnull (comparator);
  return comparator;
}

static const char *
nth_name (GListModel *list,
          guint       position)
{
  g_autoptr(TpsObject) object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  return tps_object_get_display_name (object);
}

static const char *
nth_id (GListModel *list,
        guint       position)
{
  g_autoptr(TpsObject) object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  return tps_object_get_id (object);
}

static TpsCsvOptions
options_for (const char *language,
             gboolean    monitoring)
{
  TpsCsvOptions options;

  tps_csv_options_init (&options, language);
  options.monitoring = monitoring;
  return options;
}

/* --- round trip ---------------------------------------------------------- */

/* Export, import into a new empty project, export again: the same bytes.
 * The monitoring columns are left out here because they count measures and
 * measurements, which a CSV does not carry into the new project.
 */
static void
assert_round_trip (const char *example,
                   const char *language)
{
  g_autoptr(TpsProject) original = load_example (example);
  g_autoptr(TpsProject) copy = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TpsCsvOptions options = options_for (language, FALSE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;

  first = tps_csv_export (original, &options, &first_length);
  import = tps_csv_import_parse (copy, first, first_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_cmpuint (tps_csv_import_get_warnings (import)->len, ==, 0);
  g_assert_cmpint (tps_csv_import_get_separator (import), ==, options.separator);
  g_assert_true (tps_csv_import_apply (import, copy, NULL, FALSE, &error));
  g_assert_no_error (error);

  second = tps_csv_export (copy, &options, &second_length);
  g_assert_cmpuint (second_length, ==, first_length);
  g_assert_cmpstr (second, ==, first);

  /* The comparators came back with every rating. */
  g_assert_nonnull (strstr (first, "comparator:"));
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_comparators (copy)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TpsComparator) a = g_list_model_get_item (tps_project_get_comparators (original),
                                                          i);
      g_autoptr(TpsComparator) b = g_list_model_get_item (tps_project_get_comparators (copy), i);

      g_assert_cmpstr (tps_comparator_get_name (a), ==, tps_comparator_get_name (b));
      g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (a)), ==,
                        g_list_model_get_n_items (tps_comparator_get_ratings (b)));
    }

  /* Ids came back, and so did every touchpoint. */
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (copy)), ==,
                    g_list_model_get_n_items (tps_project_get_touchpoints (original)));
  for (guint i = 0; i < g_list_model_get_n_items (tps_project_get_touchpoints (copy)); i++)
    {
      TpsTouchpoint *touchpoint = nth_touchpoint (tps_project_get_touchpoints (copy), i);
      g_assert_nonnull (tps_project_find_touchpoint (
        original, tps_object_get_id (TPS_OBJECT (touchpoint))));
    }
}

/* Ratings for a comparator the project has are added to it, as one undo
 * step with the rows; a new name makes a new comparator; a bad rating is a
 * problem of its row and column.
 */
static void
test_import_comparator_columns (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(TpsCsvImport) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  TpsComparator *rival = tps_project_find_comparator (project, "cmp-rival");
  TpsComparator *created;
  GListModel *comparators = tps_project_get_comparators (project);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  int value;

  import = parse_string (project,
                         "stage,channel,title,comparator:strom & gas direkt,comparator:Neu\n"
                         "Kauf,Website,Retoure,-1,\n"
                         "Kauf,Website,Umtausch,,2\n");
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_true (tps_csv_import_apply (import, project, history, FALSE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (comparators), ==, 3);
  created = nth_comparator (comparators, 2);
  g_assert_cmpstr (tps_comparator_get_name (created), ==, "Neu");
  g_assert_true (tps_comparator_get_rating (rival,
                                            tps_object_get_id (TPS_OBJECT (nth_touchpoint (
                                              touchpoints, 7))), &value));
  g_assert_cmpint (value, ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (rival)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (created)), ==, 1);

  g_assert_true (tps_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (comparators), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tps_comparator_get_ratings (rival)), ==, 3);

  bad = parse_string (project, "stage,channel,title,comparator:Neu\nKauf,Website,X,3\n");
  problems = problems_text (tps_csv_import_get_errors (bad));
  g_assert_cmpstr (problems, ==,
                   "Row 2, column “comparator:Neu”: “3” is not a rating; use a whole number "
                   "from -2 to 2, or leave the cell empty where the comparator was not "
                   "rated.\n");
}

static void
test_round_trip_german_example (void)
{
  assert_round_trip ("de/stadtwerke.touchpoints", "de");
}

static void
test_round_trip_english_example (void)
{
  assert_round_trip ("en/car-dealership.touchpoints", "en");
}

/* With the monitoring columns a second round changes nothing more: they are
 * read as derived and ignored, without a warning.
 */
static void
test_round_trip_monitoring_columns_ignored (void)
{
  g_autoptr(TpsProject) original = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsProject) copy = tps_project_new ();
  g_autoptr(TpsProject) second_copy = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(TpsCsvImport) second_import = NULL;
  TpsCsvOptions with = options_for ("de", TRUE);
  TpsCsvOptions without = options_for ("de", FALSE);
  g_autofree char *csv = tps_csv_export (original, &with, NULL);
  g_autofree char *data_only = tps_csv_export (original, &without, NULL);
  g_autofree char *copy_csv = NULL;
  g_autofree char *copy_data_only = NULL;
  g_autofree char *second_csv = NULL;

  g_assert_nonnull (strstr (csv, ";measures;kpi-date;kpi-metric;kpi-value;kpi-baseline\r\n"));

  import = parse_string (copy, csv);
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_cmpuint (tps_csv_import_get_warnings (import)->len, ==, 0);
  g_assert_true (tps_csv_import_apply (import, copy, NULL, FALSE, NULL));

  copy_data_only = tps_csv_export (copy, &without, NULL);
  g_assert_cmpstr (copy_data_only, ==, data_only);

  copy_csv = tps_csv_export (copy, &with, NULL);
  second_import = parse_string (second_copy, copy_csv);
  g_assert_true (tps_csv_import_apply (second_import, second_copy, NULL, FALSE, NULL));
  second_csv = tps_csv_export (second_copy, &with, NULL);
  g_assert_cmpstr (second_csv, ==, copy_csv);
}

/* --- export -------------------------------------------------------------- */

static void
test_export_header_keys (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  TpsCsvOptions options = options_for ("en", TRUE);
  g_autofree char *csv = NULL;

  /* The columns files have had, in their order. A touchpoint attribute
   * added to the model joins them, among its kind before the monitoring;
   * none of these moves.
   */
  static const char * const known[] = {
    "id", "stage", "channel", "channel-kind", "title", "description", "personas", "function",
    "status", "moment", "entry-point", "exit-point", "current", "target", "gap", "importance",
    "priority", "internal", "owner", "systems", "when", "where", "emotion-note",
    "function-note", "expectation", "goal", "orders", "notes", "measures", "kpi-date",
    "kpi-metric", "kpi-value", "kpi-baseline", NULL
  };
  g_auto(GStrv) header = NULL;
  guint next = 0;

  options.bom = FALSE;
  csv = tps_csv_export (project, &options, NULL);
  g_assert_true (g_str_has_suffix (csv, "kpi-baseline\r\n"));
  csv[strlen (csv) - 2] = '\0';
  header = g_strsplit (csv, ",", -1);

  for (guint i = 0; header[i] != NULL; i++)
    {
      if (known[next] != NULL && strcmp (header[i], known[next]) == 0)
        next++;
      else
        g_assert_nonnull (tps_touchpoint_find_attribute (header[i]));
    }
  g_assert_null (known[next]);
}

/* Stages in their order, then document order within each stage. */
static void
test_export_journey_order (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsProject) copy = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  TpsCsvOptions options = options_for ("de", TRUE);
  g_autofree char *csv = tps_csv_export (project, &options, NULL);
  const char * const expected[] = {
    "t-one", "t-four", "t-two", "t-three", "t-five", "t-six", "t-seven",
  };
  GListModel *touchpoints;

  import = parse_string (copy, csv);
  touchpoints = tps_csv_import_get_touchpoints (import);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (nth_touchpoint (touchpoints, i))), ==,
                     expected[i]);
}

/* Every field of a touchpoint, as the file format words. */
static void
test_export_all_fields (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  TpsCsvOptions options = options_for ("de", TRUE);
  g_autofree char *csv = NULL;

  options.bom = FALSE;
  csv = tps_csv_export (project, &options, NULL);
  g_assert_nonnull (strstr (csv,
    "\r\nt-one;Aufmerksamkeit;Website;online;Tarifrechner;Berechnet den Preis.;"
    "Anna Größe | Bernd;inform;existing;painpoint;true;true;-2;2;4;5;20;1;Marketing;"
    "CMS | CRM;Vor dem Kauf;Zu Hause;Frust über versteckte Kosten;Preis transparent machen;"
    "Ein Preis in 30 Sekunden;Erwartung plus X: Sofortangebot;Hier gehen Aufträge verloren;"
    "Aus Workshop 1;1;2;1;2026-06-15;complaints;17;\r\n"));
  g_assert_nonnull (strstr (csv,
    "\r\nt-three;Kauf;Telefon;hybrid;Hotline;;;support;retire;moment-of-truth;false;false;"
    "0;1;1;1;1;-1;;;;;;;;;;;;;1;;;;\r\n"));
  /* one column per comparator after the notes, quoted like any cell */
  g_assert_nonnull (strstr (csv, ";notes;comparator:Strom & Gas Direkt;comparator:Direktbank-App;"
                                 "measures;"));
  /* An empty title stays an empty cell. */
  g_assert_nonnull (strstr (csv, "\r\nt-seven;Kauf;Website;online;;;;other;existing;"));
}

static TpsProject *
make_quoting_project (void)
{
  TpsProject *project = tps_project_new ();
  g_autoptr(TpsStage) stage = tps_stage_new ("s-1");
  g_autoptr(TpsChannel) channel = tps_channel_new ("c-1");
  g_autoptr(TpsPersona) pipe = tps_persona_new ("p-1");
  g_autoptr(TpsPersona) umlaut = tps_persona_new ("p-2");
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  const char * const personas[] = { "p-1", "p-2", NULL };
  const char * const systems[] = { "SAP; CRM", "Excel, lokal", NULL };

  tps_stage_set_name (stage, "Phase, eins");
  tps_channel_set_name (channel, "Tele\"fon");
  tps_persona_set_name (pipe, "A|B");
  tps_persona_set_name (umlaut, "Ölkunde Jürgen");
  g_list_store_append (G_LIST_STORE (tps_project_get_stages (project)), stage);
  g_list_store_append (G_LIST_STORE (tps_project_get_channels (project)), channel);
  g_list_store_append (G_LIST_STORE (tps_project_get_personas (project)), pipe);
  g_list_store_append (G_LIST_STORE (tps_project_get_personas (project)), umlaut);

  tps_touchpoint_set_stage_id (touchpoint, "s-1");
  tps_touchpoint_set_channel_id (touchpoint, "c-1");
  tps_touchpoint_set_persona_ids (touchpoint, personas);
  tps_touchpoint_set_systems (touchpoint, systems);
  tps_touchpoint_set_title (touchpoint, "Sag \"Hallo\"; bitte, gern");
  tps_touchpoint_set_description (touchpoint, "Zeile 1\nZeile 2\n\nZeile 4");
  tps_touchpoint_set_owner (touchpoint, " Führung ");
  tps_touchpoint_set_notes (touchpoint, "Größe: ½ € – „gut“");
  g_list_store_append (G_LIST_STORE (tps_project_get_touchpoints (project)), touchpoint);

  return project;
}

static void
assert_quoting (char        separator,
                const char *expected_row)
{
  g_autoptr(TpsProject) project = make_quoting_project ();
  g_autoptr(TpsProject) copy = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  TpsCsvOptions options = options_for ("en", FALSE);
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  TpsTouchpoint *touchpoint;
  const char * const *systems;

  options.separator = separator;
  csv = tps_csv_export (project, &options, NULL);
  g_assert_nonnull (strstr (csv, expected_row));

  import = parse_string (copy, csv);
  g_assert_cmpint (tps_csv_import_get_separator (import), ==, separator);
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_true (tps_csv_import_apply (import, copy, NULL, FALSE, NULL));

  touchpoint = nth_touchpoint (tps_project_get_touchpoints (copy), 0);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Sag \"Hallo\"; bitte, gern");
  g_assert_cmpstr (tps_touchpoint_get_description (touchpoint), ==, "Zeile 1\nZeile 2\n\nZeile 4");
  g_assert_cmpstr (tps_touchpoint_get_owner (touchpoint), ==, " Führung ");
  g_assert_cmpstr (tps_touchpoint_get_notes (touchpoint), ==, "Größe: ½ € – „gut“");
  g_assert_cmpstr (nth_name (tps_project_get_stages (copy), 0), ==, "Phase, eins");
  g_assert_cmpstr (nth_name (tps_project_get_channels (copy), 0), ==, "Tele\"fon");
  g_assert_cmpstr (nth_name (tps_project_get_personas (copy), 0), ==, "A|B");
  g_assert_cmpstr (nth_name (tps_project_get_personas (copy), 1), ==, "Ölkunde Jürgen");
  systems = tps_touchpoint_get_systems (touchpoint);
  g_assert_cmpuint (g_strv_length ((char **) systems), ==, 2);
  g_assert_cmpstr (systems[0], ==, "SAP; CRM");
  g_assert_cmpstr (systems[1], ==, "Excel, lokal");

  again = tps_csv_export (copy, &options, NULL);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_export_quoting_comma (void)
{
  assert_quoting (',', "\r\nt-1,\"Phase, eins\",\"Tele\"\"fon\",online,"
                       "\"Sag \"\"Hallo\"\"; bitte, gern\","
                       "\"Zeile 1\nZeile 2\n\nZeile 4\",A||B | Ölkunde Jürgen,other,existing,"
                       "none,false,false,0,0,0,3,0,0,\" Führung \",\"SAP; CRM | Excel, lokal\","
                       ",,,,,,,Größe: ½ € – „gut“\r\n");
}

static void
test_export_quoting_semicolon (void)
{
  assert_quoting (';', "\r\nt-1;Phase, eins;\"Tele\"\"fon\";online;"
                       "\"Sag \"\"Hallo\"\"; bitte, gern\";"
                       "\"Zeile 1\nZeile 2\n\nZeile 4\";A||B | Ölkunde Jürgen;other;existing;"
                       "none;false;false;0;0;0;3;0;0;\" Führung \";\"SAP; CRM | Excel, lokal\";"
                       ";;;;;;;Größe: ½ € – „gut“\r\n");
}

/* Two stages whose names differ only in case would be one stage to the
 * reader, so both are named by id; that still reads back the same.
 */
static void
test_export_ambiguous_names_by_id (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsProject) copy = tps_project_new ();
  g_autoptr(TpsStage) twin = tps_stage_new ("s-twin");
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(TpsCsvImport) back = NULL;
  TpsCsvOptions options = options_for ("de", FALSE);
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;

  tps_stage_set_name (twin, " kauf");
  g_list_store_append (G_LIST_STORE (tps_project_get_stages (project)), twin);
  tps_touchpoint_set_stage_id (tps_project_find_touchpoint (project, "t-six"), "s-twin");

  csv = tps_csv_export (project, &options, NULL);
  g_assert_nonnull (strstr (csv, "\r\nt-two;s-buy;Filiale;"));
  g_assert_nonnull (strstr (csv, "\r\nt-six;s-twin;Website;"));
  g_assert_nonnull (strstr (csv, "\r\nt-one;Aufmerksamkeit;Website;"));

  /* Into the same project: the ids find the right stages. */
  back = parse_string (project, csv);
  g_assert_cmpuint (g_list_model_get_n_items (tps_csv_import_get_new_stages (back)), ==, 0);
  g_assert_cmpstr (tps_touchpoint_get_stage_id (
                     nth_touchpoint (tps_csv_import_get_touchpoints (back), 6)), ==, "s-twin");

  /* Into a new project: the same CSV again. */
  import = parse_string (copy, csv);
  g_assert_true (tps_csv_import_apply (import, copy, NULL, FALSE, NULL));
  again = tps_csv_export (copy, &options, NULL);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_export_bom (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  TpsCsvOptions options = options_for ("en", TRUE);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;

  g_assert_true (options.bom);
  with = tps_csv_export (project, &options, NULL);
  g_assert_true (g_str_has_prefix (with, "\xEF\xBB\xBFid,stage,"));

  options.bom = FALSE;
  without = tps_csv_export (project, &options, NULL);
  g_assert_true (g_str_has_prefix (without, "id,stage,"));
  g_assert_cmpstr (with + 3, ==, without);
}

static void
test_export_default_separator (void)
{
  TpsCsvOptions options;

  g_assert_cmpint (tps_csv_default_separator ("de"), ==, ';');
  g_assert_cmpint (tps_csv_default_separator ("de_AT.UTF-8"), ==, ';');
  g_assert_cmpint (tps_csv_default_separator ("en"), ==, ',');
  g_assert_cmpint (tps_csv_default_separator ("en_GB"), ==, ',');
  g_assert_cmpint (tps_csv_default_separator ("dee"), ==, ',');
  /* The test environment runs with LANGUAGE=C. */
  g_assert_cmpint (tps_csv_default_separator (NULL), ==, ',');

  tps_csv_options_init (&options, "de");
  g_assert_true (options.decimal_comma);
  g_assert_true (options.bom);
  g_assert_true (options.monitoring);
  tps_csv_options_init (&options, "en");
  g_assert_false (options.decimal_comma);
}

static void
add_measurement (TpsTouchpoint *touchpoint,
                 const char    *id,
                 const char    *date,
                 TpsMetric      metric,
                 double         value,
                 gboolean       baseline)
{
  g_autoptr(TpsMeasurement) measurement = tps_measurement_new (id);

  tps_measurement_set_date (measurement, date);
  tps_measurement_set_metric (measurement, metric);
  tps_measurement_set_value (measurement, value);
  tps_measurement_set_baseline (measurement, baseline);
  g_list_store_append (G_LIST_STORE (tps_touchpoint_get_measurements (touchpoint)), measurement);
}

/* The latest KPI against the baseline of the same metric, with the decimal
 * mark of the language.
 */
static void
test_export_decimal_comma (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  TpsTouchpoint *touchpoint = tps_project_find_touchpoint (project, "t-two");
  TpsCsvOptions german = options_for ("de", TRUE);
  TpsCsvOptions english = options_for ("en", TRUE);
  g_autofree char *csv_de = NULL;
  g_autofree char *csv_en = NULL;
  g_autofree char *csv_comma_de = NULL;

  add_measurement (touchpoint, "m-a", "2026-01-10", TPS_METRIC_CSAT, 2.9, TRUE);
  add_measurement (touchpoint, "m-b", "2026-04-01", TPS_METRIC_CSAT, 3.75, FALSE);
  add_measurement (touchpoint, "m-c", "2026-02-01", TPS_METRIC_NPS, -12.5, TRUE);

  csv_de = tps_csv_export (project, &german, NULL);
  g_assert_nonnull (strstr (csv_de, ";1;2026-04-01;csat;3,75;2,9\r\n"));

  csv_en = tps_csv_export (project, &english, NULL);
  g_assert_nonnull (strstr (csv_en, ",1,2026-04-01,csat,3.75,2.9\r\n"));

  /* A German decimal in a comma-separated file is quoted. */
  german.separator = ',';
  csv_comma_de = tps_csv_export (project, &german, NULL);
  g_assert_nonnull (strstr (csv_comma_de, ",1,2026-04-01,csat,\"3,75\",\"2,9\"\r\n"));
}

/* --- import -------------------------------------------------------------- */

static void
test_import_detects_comma (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "comma.csv");
  GListModel *touchpoints = tps_csv_import_get_touchpoints (import);
  TpsTouchpoint *hotline;

  g_assert_cmpint (tps_csv_import_get_separator (import), ==, ',');
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_cmpuint (tps_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 2);

  hotline = nth_touchpoint (touchpoints, 0);
  g_assert_cmpstr (tps_touchpoint_get_title (hotline), ==, "Hotline, 24/7");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (hotline), ==, "s-buy");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (hotline), ==, "c-phone");
  g_assert_cmpint (tps_touchpoint_get_current (hotline), ==, -1);
  g_assert_cmpint (tps_touchpoint_get_target (hotline), ==, 1);
  g_assert_cmpint (tps_touchpoint_get_moment (hotline), ==, TPS_MOMENT_PAINPOINT);
  g_assert_cmpstr (tps_touchpoint_get_persona_ids (hotline)[0], ==, "p-bernd");

  /* "E-Mail" is not a channel of the project yet. */
  g_assert_cmpuint (g_list_model_get_n_items (tps_csv_import_get_new_channels (import)), ==, 1);
  g_assert_cmpstr (nth_name (tps_csv_import_get_new_channels (import), 0), ==, "E-Mail");
  /* Empty cells keep the defaults of a new touchpoint. */
  g_assert_cmpint (tps_touchpoint_get_moment (nth_touchpoint (touchpoints, 1)), ==,
                   TPS_MOMENT_NONE);
  g_assert_cmpint (tps_touchpoint_get_importance (nth_touchpoint (touchpoints, 1)), ==, 3);
}

static void
test_import_detects_semicolon_and_strips_bom (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "semicolon.csv");
  GListModel *touchpoints = tps_csv_import_get_touchpoints (import);
  TpsTouchpoint *first;

  g_assert_cmpint (tps_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  /* The BOM is not part of the first column's name. */
  g_assert_cmpuint (tps_csv_import_get_warnings (import)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 2);

  first = nth_touchpoint (touchpoints, 0);
  g_assert_cmpstr (tps_touchpoint_get_title (first), ==, "Beratung; mit Termin");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (first), ==, "s-buy");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (first), ==, "c-shop");
  g_assert_cmpint (tps_touchpoint_get_importance (first), ==, 5);
  g_assert_true (tps_touchpoint_get_entry_point (first));
  g_assert_false (tps_touchpoint_get_entry_point (nth_touchpoint (touchpoints, 1)));
  /* CRLF record ends leave nothing behind in the last cell. */
  g_assert_cmpint (tps_touchpoint_get_importance (nth_touchpoint (touchpoints, 1)), ==, 2);
}

static void
test_import_quoted_cells (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "quoted.csv");
  TpsTouchpoint *touchpoint;

  g_assert_cmpint (tps_csv_import_get_separator (import), ==, ',');
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  touchpoint = nth_touchpoint (tps_csv_import_get_touchpoints (import), 0);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Sag \"Hallo\"; bitte, gern");
  /* Line breaks inside a cell become LF, whichever the file used. */
  g_assert_cmpstr (tps_touchpoint_get_description (touchpoint), ==, "Zeile 1\nZeile 2\nZeile 3");
  g_assert_cmpstr (tps_touchpoint_get_owner (touchpoint), ==, " Führung ");
}

static void
test_import_labels_and_booleans (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "labels.csv");
  g_autofree char *warnings = NULL;
  TpsTouchpoint *touchpoint;

  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  touchpoint = nth_touchpoint (tps_csv_import_get_touchpoints (import), 0);
  g_assert_cmpint (tps_touchpoint_get_function (touchpoint), ==, TPS_FUNCTION_SELL);
  g_assert_cmpint (tps_touchpoint_get_status (touchpoint), ==, TPS_TOUCHPOINT_STATUS_RETIRE);
  g_assert_cmpint (tps_touchpoint_get_moment (touchpoint), ==, TPS_MOMENT_OF_TRUTH);
  g_assert_true (tps_touchpoint_get_entry_point (touchpoint));
  g_assert_true (tps_touchpoint_get_exit_point (touchpoint));
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, 1);
  g_assert_cmpint (tps_touchpoint_get_target (touchpoint), ==, -1);
  g_assert_cmpint (tps_touchpoint_get_internal (touchpoint), ==, -2);

  /* Gap, priority and measures are derived and silently recomputed; only
   * the column nobody knows is worth a warning.
   */
  warnings = problems_text (tps_csv_import_get_warnings (import));
  g_assert_cmpstr (warnings, ==,
                   "Row 1, column “colour”: This column is not known and is ignored.\n");
}

static void
test_import_errors_with_rows (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "bad.csv");
  g_autofree char *errors = problems_text (tps_csv_import_get_errors (import));

  /* Rows count as a spreadsheet program shows them: the header is row 1, a
   * cell with a line break stays one row, a blank line is a row too.
   */
  g_assert_cmpstr (errors, ==,
    "Row 3, column “current”: “3” is not allowed for Ist rating: use a whole number from -2 "
    "to 2.\n"
    "Row 4, column “moment”: “great” is not allowed for Moment: use one of: none, lovepoint, "
    "painpoint, moment-of-truth.\n"
    "Row 5: This row has 6 cells, but the header names 9 columns.\n"
    "Row 6, column “importance”: “9” is not allowed for Importance: use a whole number from 1 "
    "to 5.\n"
    "Row 6, column “entry-point”: “vielleicht” is neither yes nor no; use true or false.\n"
    "Row 7, column “channel”: The channel is empty; every touchpoint belongs to a channel.\n"
    "Row 9, column “title”: A quoted cell is not closed: its closing quotation mark is "
    "missing, so the rest of the file was read into it.\n");

  g_assert_cmpuint (tps_csv_import_get_n_rows (import), ==, 7);
  /* Only the good row would be imported, and "Neue Phase", named only by a
   * bad row, would not be created.
   */
  g_assert_cmpuint (g_list_model_get_n_items (tps_csv_import_get_touchpoints (import)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tps_csv_import_get_new_stages (import)), ==, 0);
}

static void
test_import_missing_column (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GError) error = NULL;
  const char *csv = "title;channel\nHotline;Telefon\n";
  TpsCsvImport *import = tps_csv_import_parse (project, csv, strlen (csv), &error);

  g_assert_null (import);
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_MISSING_COLUMN);
  g_assert_cmpstr (error->message, ==,
                   "Row 1: the column “stage” is missing; the first row must name the "
                   "columns, at least stage, channel and title.");
}

static void
test_import_duplicate_column (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GError) error = NULL;
  const char *csv = "stage,channel,title,Title\nKauf,Web,A,B\n";
  TpsCsvImport *import = tps_csv_import_parse (project, csv, strlen (csv), &error);

  g_assert_null (import);
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_DUPLICATE_COLUMN);
}

static void
test_import_empty_file (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (tps_csv_import_parse (project, "\xEF\xBB\xBF", 3, &error));
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_EMPTY);
}

static void
test_import_windows_1252 (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "windows-1252.csv");
  g_autofree char *warnings = problems_text (tps_csv_import_get_warnings (import));
  TpsTouchpoint *touchpoint;

  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  touchpoint = nth_touchpoint (tps_csv_import_get_touchpoints (import), 0);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Rückruf");
  g_assert_cmpstr (tps_touchpoint_get_notes (touchpoint), ==, "Kosten 5 € – günstig");
  g_assert_cmpstr (warnings, ==, "The file is not UTF-8 text; it was read as Windows-1252 "
                                 "(Western European).\n");
}

static void
test_import_utf16 (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsCsvImport) import = NULL;
  const char *text = "stage\tchannel\ttitle\r\nKauf\tTelefon\tRückruf\r\n";
  g_autofree char *utf16 = NULL;
  g_autofree char *data = NULL;
  gsize length;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  data = g_malloc (length + 2);
  memcpy (data, "\xFF\xFE", 2);
  memcpy (data + 2, utf16, length);

  import = tps_csv_import_parse (project, data, length + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tps_csv_import_get_separator (import), ==, '\t');
  g_assert_cmpstr (tps_touchpoint_get_title (
                     nth_touchpoint (tps_csv_import_get_touchpoints (import), 0)), ==, "Rückruf");
}

/* New stages, channels and personas in the order the file first names them,
 * matched to existing ones regardless of case and of composed or decomposed
 * umlauts.
 */
static void
test_import_creates_missing_in_first_seen_order (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "creates.csv");
  GListModel *stages = tps_csv_import_get_new_stages (import);
  GListModel *channels = tps_csv_import_get_new_channels (import);
  GListModel *personas = tps_csv_import_get_new_personas (import);
  GListModel *touchpoints = tps_csv_import_get_touchpoints (import);
  g_autoptr(TpsChannel) chat = NULL;
  g_autoptr(TpsChannel) letter = NULL;
  const char * const *persona_ids;

  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 2);
  g_assert_cmpstr (nth_name (stages, 0), ==, "Service");
  g_assert_cmpstr (nth_name (stages, 1), ==, "Nachkauf");

  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 2);
  chat = g_list_model_get_item (channels, 0);
  letter = g_list_model_get_item (channels, 1);
  g_assert_cmpstr (tps_channel_get_name (chat), ==, "Chat");
  g_assert_cmpint (tps_channel_get_kind (chat), ==, TPS_CHANNEL_KIND_ONLINE);
  g_assert_cmpstr (tps_channel_get_name (letter), ==, "Brief");
  g_assert_cmpint (tps_channel_get_kind (letter), ==, TPS_CHANNEL_KIND_HYBRID);

  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  g_assert_cmpstr (nth_name (personas, 0), ==, "Carla");
  g_assert_cmpstr (nth_name (personas, 1), ==, "Dieter");

  persona_ids = tps_touchpoint_get_persona_ids (nth_touchpoint (touchpoints, 0));
  g_assert_cmpstr (persona_ids[0], ==, "p-anna");
  g_assert_cmpstr (persona_ids[1], ==, nth_id (personas, 0));

  /* "kauf" is the existing "Kauf"; "chat" the new "Chat", whose kind the
   * first row decided.
   */
  g_assert_cmpstr (tps_touchpoint_get_stage_id (nth_touchpoint (touchpoints, 1)), ==, "s-buy");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (nth_touchpoint (touchpoints, 2)), ==,
                   tps_object_get_id (TPS_OBJECT (chat)));
  g_assert_cmpstr (tps_touchpoint_get_channel_id (nth_touchpoint (touchpoints, 3)), ==,
                   "c-phone");
}

/* A preview changes nothing; applying it is one undo step that takes back
 * the touchpoints together with the stages, channels and personas it made.
 */
static void
test_import_apply_is_one_undo_step (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tps_project_save_to_data (project, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  gt_signal_logger_connect (logger, tps_project_get_touchpoints (project), "items-changed");
  gt_signal_logger_connect (logger, tps_project_get_stages (project), "items-changed");
  gt_signal_logger_connect (logger, tps_project_get_channels (project), "items-changed");
  gt_signal_logger_connect (logger, tps_project_get_personas (project), "items-changed");

  import = parse_fixture (project, "creates.csv");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (tps_csv_import_apply (import, project, history, FALSE, &error));
  g_assert_no_error (error);
  /* 2 personas, 2 stages, 2 channels, 4 touchpoints, each one insertion. */
  g_assert_cmpuint (gt_signal_logger_get_n_emissions (logger), ==, 10);
  while (gt_signal_logger_pop_emission (logger, NULL, NULL, NULL, NULL))
    ;

  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_channels (project)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_personas (project)), ==, 4);
  g_assert_cmpstr (nth_name (tps_project_get_stages (project), 2), ==, "Service");
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "Import from CSV");
  after = tps_project_save_to_data (project, NULL);

  g_assert_true (tps_history_undo (history));
  g_assert_false (tps_history_get_can_undo (history));
  undone = tps_project_save_to_data (project, NULL);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (tps_history_redo (history));
  redone = tps_project_save_to_data (project, NULL);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_import_refuses_with_errors (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "bad.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tps_project_save_to_data (project, NULL);
  g_autofree char *unchanged = NULL;

  g_assert_false (tps_csv_import_apply (import, project, history, FALSE, &error));
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS);
  g_assert_cmpstr (error->message, ==, "6 rows have problems; nothing was imported.");
  unchanged = tps_project_save_to_data (project, NULL);
  g_assert_cmpstr (unchanged, ==, before);
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_import_partial_when_allowed (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "bad.csv");
  g_autoptr(GError) error = NULL;
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  TpsTouchpoint *fine;

  g_assert_true (tps_csv_import_apply (import, project, history, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 8);
  fine = nth_touchpoint (touchpoints, 7);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (fine)), ==, "t-ok");
  g_assert_cmpstr (tps_touchpoint_get_title (fine), ==, "Fine");
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 2);

  g_assert_true (tps_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 7);
}

/* Ids from the file are kept when valid and free; the id of one of the
 * project's touchpoints updates that touchpoint; the rest get new ones
 * that collide with nothing, not even ids later rows keep.
 */
static void
test_import_ids (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_string (project,
    "id,stage,channel,title\n"
    ",Kauf,Website,No id\n"
    "t-one,Kauf,Website,Taken in the project\n"
    "not valid!,Kauf,Website,Invalid\n"
    "t-1,Kauf,Website,Kept\n"
    "t-1,Kauf,Website,Twice in the file\n"
    "s-1,Neu,Website,Kept though stage-like\n");
  GListModel *touchpoints = tps_csv_import_get_touchpoints (import);
  const char * const expected[] = { "t-2", "t-one", "t-3", "t-1", "t-4", "s-1" };

  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (touchpoint)), ==, expected[i]);
      g_assert_cmpint (tps_csv_import_is_update (import, touchpoint), ==, i == 1);
    }
  g_assert_cmpuint (tps_csv_import_get_n_updates (import), ==, 1);

  /* The new stage "Neu" gets an id the touchpoint did not keep. */
  g_assert_cmpstr (nth_id (tps_csv_import_get_new_stages (import), 0), ==, "s-2");
}

static void
test_import_project_changed (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsCsvImport) import = parse_fixture (project, "comma.csv");
  g_autoptr(GError) error = NULL;
  GListModel *stages = tps_project_get_stages (project);
  guint position;

  /* "Kauf" is removed while the preview is open. */
  g_assert_true (tps_list_find (stages, tps_project_find_stage (project, "s-buy"), &position));
  g_list_store_remove (G_LIST_STORE (stages), position);

  g_assert_false (tps_csv_import_apply (import, project, NULL, FALSE, &error));
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_PROJECT_CHANGED);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 7);
}

static void
test_load_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(TpsProject) project = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture ("creates.csv", &length);
  project = tps_csv_load_project (data, length, "creates", &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tps_project_get_title (project), ==, "creates");
  g_assert_true (tps_timestamp_is_valid (tps_project_get_created (project)));
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_stages (project)), ==, 3);
  g_assert_cmpstr (nth_name (tps_project_get_stages (project), 0), ==, "Service");
  g_assert_cmpstr (nth_name (tps_project_get_stages (project), 1), ==, "kauf");
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_personas (project)), ==, 4);
}

static void
test_load_project_reports_first_problem (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture ("bad.csv", &length);
  g_assert_null (tps_csv_load_project (data, length, "bad", NULL, &error));
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS);
  g_assert_cmpstr (error->message, ==,
                   "Row 3, column “current”: “3” is not allowed for Ist rating: use a whole "
                   "number from -2 to 2. (and 6 more problems)");
}

/* CSV export → ratings edited in the spreadsheet → import into the same
 * project: exactly those ratings change, no touchpoint is added, and one
 * undo takes it all back.
 */
static void
test_import_updates_by_id (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsProject) original = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsProject) edited = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(TpsComparison) comparison = NULL;
  g_autoptr(TpsComparison) after_undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *unedited = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *expected = NULL;
  guint n_touchpoints = g_list_model_get_n_items (tps_project_get_touchpoints (project));
  TpsCsvOptions options;

  /* The sheet as it comes back: two ratings edited, everything else as
   * exported, the monitoring columns too.
   */
  tps_csv_options_init (&options, "de");
  options.monitoring = TRUE;
  tps_touchpoint_set_current (tps_project_find_touchpoint (edited, "t-move-in"), 1);
  tps_touchpoint_set_target (tps_project_find_touchpoint (edited, "t-first-bill"), 2);
  csv = tps_csv_export (edited, &options, NULL);
  unedited = tps_csv_export (project, &options, NULL);
  g_assert_cmpstr (csv, !=, unedited);

  import = parse_string (project, csv);
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_cmpuint (tps_csv_import_get_n_updates (import), ==, n_touchpoints);
  g_assert_true (tps_csv_import_apply (import, project, history, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tps_csv_import_get_n_changed (import), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==,
                    n_touchpoints);
  comparison = tps_comparison_new (original, project);
  changes = tps_comparison_to_text (comparison);
  expected = g_strdup_printf ("Ist rating of “%s”: −2 → +1\n"
                              "Soll rating of “%s”: +1 → +2\n",
                              tps_touchpoint_get_title (tps_project_find_touchpoint (project,
                                                                                     "t-move-in")),
                              tps_touchpoint_get_title (tps_project_find_touchpoint (project,
                                                                                 "t-first-bill")));
  g_assert_cmpstr (changes, ==, expected);

  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "Import from CSV");
  g_assert_true (tps_history_undo (history));
  g_assert_false (tps_history_get_can_undo (history));
  after_undo = tps_comparison_new (original, project);
  g_assert_true (tps_comparison_is_empty (after_undo));
}

/* Without ids, a row updates the touchpoint with its title in its stage;
 * only the columns the file has change, and an empty rating keeps the
 * rating.
 */
static void
test_import_updates_by_title_in_stage (void)
{
  g_autoptr(TpsProject) project = load_all_fields ();
  g_autoptr(TpsProject) original = load_all_fields ();
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(TpsComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsTouchpoint) first = g_list_model_get_item (tps_project_get_touchpoints (project),
                                                         0);
  const char *stage = tps_object_get_display_name (
    tps_project_lookup (project, tps_touchpoint_get_stage_id (first)));
  const char *channel = tps_object_get_display_name (
    tps_project_lookup (project, tps_touchpoint_get_channel_id (first)));
  g_autofree char *title_key = g_utf8_strup (tps_touchpoint_get_title (first), -1);
  g_autofree char *csv = NULL;
  guint n_touchpoints = g_list_model_get_n_items (tps_project_get_touchpoints (project));
  GListModel *rows;
  g_autoptr(TpsTouchpoint) row0 = NULL;
  g_autoptr(TpsTouchpoint) row1 = NULL;
  const TpsObjectChange *change;

  csv = g_strdup_printf ("stage,channel,title,importance,current\n"
                         "%s,%s,%s,1,\n"
                         "%s,%s,A touchpoint of its own,2,1\n",
                         stage, channel, title_key, stage, channel);
  import = parse_string (project, csv);
  rows = tps_csv_import_get_touchpoints (import);
  row0 = g_list_model_get_item (rows, 0);
  row1 = g_list_model_get_item (rows, 1);
  g_assert_true (tps_csv_import_is_update (import, row0));
  g_assert_false (tps_csv_import_is_update (import, row1));

  g_assert_true (tps_csv_import_apply (import, project, history, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tps_csv_import_get_n_changed (import), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==,
                    n_touchpoints + 1);

  /* The title as the file writes it, the importance; not the rating. */
  comparison = tps_comparison_new (original, project);
  g_assert_cmpuint (tps_comparison_get_n_changes (comparison), ==, 2);
  change = tps_comparison_get_change (comparison, 0);
  g_assert_cmpstr (change->id, ==, tps_object_get_id (TPS_OBJECT (first)));
  g_assert_cmpuint (change->properties->len, ==, 2);
  g_assert_cmpstr (((TpsPropertyChange *) g_ptr_array_index (change->properties, 0))->property,
                   ==, "title");
  g_assert_cmpstr (((TpsPropertyChange *) g_ptr_array_index (change->properties, 1))->property,
                   ==, "importance");
  change = tps_comparison_get_change (comparison, 1);
  g_assert_cmpint (change->kind, ==, TPS_CHANGE_ADDED);
}

/* A column without a name is only worth a warning when a row has content
 * in it (found while the rows are read one at a time); its warning stays
 * in header order.
 */
static void
test_import_unnamed_column (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsCsvImport) import = parse_string (project,
                                                 "title,stage,,channel,,extra,\n"
                                                 "A,Kauf,,Web,,,\n"
                                                 "\n"
                                                 "B,Kauf,,Web,x,,\n");
  g_autofree char *warnings = problems_text (tps_csv_import_get_warnings (import));

  g_assert_cmpstr (warnings, ==,
                   "Row 1: Column 5 has no name; its cells are ignored.\n"
                   "Row 1, column “extra”: This column is not known and is ignored.\n");
  g_assert_cmpuint (g_list_model_get_n_items (tps_csv_import_get_touchpoints (import)), ==, 2);
}

/* --- formulas (OWASP "CSV injection") ------------------------------------ */

static void
assert_formula_cells (TpsProject *project)
{
  TpsTouchpoint *first = tps_project_find_touchpoint (project, "t-1");
  TpsTouchpoint *second = tps_project_find_touchpoint (project, "t-2");

  g_assert_cmpstr (tps_stage_get_name (tps_project_find_stage (
                     project, tps_touchpoint_get_stage_id (first))), ==, "=2+5");
  g_assert_cmpstr (tps_touchpoint_get_title (first), ==,
                   "=HYPERLINK(\"http://example.com\",\"klick\")");
  g_assert_cmpstr (tps_touchpoint_get_description (first), ==, "+49 30 1234");
  g_assert_cmpstr (tps_touchpoint_get_owner (first), ==, "@Kampagne");
  g_assert_cmpstr (tps_touchpoint_get_notes (first), ==, "'-Rabatt");
  g_assert_cmpint (tps_touchpoint_get_current (first), ==, -2);
  g_assert_cmpstr (tps_touchpoint_get_title (second), ==, "'Ohne Formel");
  g_assert_cmpstr (tps_touchpoint_get_description (second), ==, "'-5");
  g_assert_cmpstr (tps_touchpoint_get_owner (second), ==, "-3");
  g_assert_cmpstr (tps_touchpoint_get_notes (second), ==, "\tTab");
}

static TpsProject *
import_into_new_project (const char *csv,
                         gsize       length)
{
  TpsProject *project = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = tps_csv_import_parse (project, csv, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tps_csv_import_get_errors (import)->len, ==, 0);
  g_assert_true (tps_csv_import_apply (import, project, NULL, FALSE, &error));
  g_assert_no_error (error);
  return project;
}

/* Cells a spreadsheet would run as formulas are written with a leading
 * "'", which the import removes again: exactly that one, so text that
 * starts with an apostrophe of its own comes back too. Plain numbers, even
 * negative ones, are no formulas and stay as they are.
 */
static void
test_formulas_neutralised_and_round_trip (void)
{
  g_autofree char *fixture = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(TpsProject) again = NULL;
  TpsCsvOptions options = options_for ("en", FALSE);
  gsize length;

  fixture = read_fixture ("formulas.csv", &length);
  project = import_into_new_project (fixture, length);
  assert_formula_cells (project);

  csv = tps_csv_export (project, &options, &length);
  g_assert_nonnull (strstr (csv, "\r\nt-1,'=2+5,Telefon,"));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"klick\"\")\","));
  g_assert_nonnull (strstr (csv, ",'+49 30 1234,"));
  g_assert_nonnull (strstr (csv, ",'@Kampagne,"));
  g_assert_nonnull (strstr (csv, ",''-Rabatt\r\n"));
  g_assert_nonnull (strstr (csv, ",-2,"));
  g_assert_nonnull (strstr (csv, ",'Ohne Formel,"));
  g_assert_nonnull (strstr (csv, ",'-5,"));
  g_assert_nonnull (strstr (csv, ",-3,"));
  g_assert_nonnull (strstr (csv, ",'\tTab\r\n"));

  again = import_into_new_project (csv, length);
  assert_formula_cells (again);
}

/* For trusted pipelines, the cells can be written as they are. */
static void
test_formulas_raw_when_asked (void)
{
  g_autofree char *fixture = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(TpsProject) project = NULL;
  TpsCsvOptions options = options_for ("en", FALSE);
  gsize length;

  fixture = read_fixture ("formulas.csv", &length);
  project = import_into_new_project (fixture, length);
  options.raw_formulas = TRUE;
  csv = tps_csv_export (project, &options, NULL);
  g_assert_nonnull (strstr (csv, "\r\nt-1,=2+5,Telefon,"));
  g_assert_nonnull (strstr (csv, ",+49 30 1234,"));
  g_assert_nonnull (strstr (csv, ",@Kampagne,"));
}

/* A named pipe would block the reader forever; it is refused unopened. */
static void
test_load_refuses_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tps-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  project = tps_csv_load_project_from_file (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "The file could not be read: it is a named pipe (FIFO), not a file");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/round-trip/german-example", test_round_trip_german_example);
  g_test_add_func ("/csv/round-trip/english-example", test_round_trip_english_example);
  g_test_add_func ("/csv/round-trip/monitoring-columns-ignored",
                   test_round_trip_monitoring_columns_ignored);
  g_test_add_func ("/csv/export/header-keys", test_export_header_keys);
  g_test_add_func ("/csv/export/journey-order", test_export_journey_order);
  g_test_add_func ("/csv/export/all-fields", test_export_all_fields);
  g_test_add_func ("/csv/import/comparator-columns", test_import_comparator_columns);
  g_test_add_func ("/csv/export/quoting-comma", test_export_quoting_comma);
  g_test_add_func ("/csv/export/quoting-semicolon", test_export_quoting_semicolon);
  g_test_add_func ("/csv/export/ambiguous-names-by-id", test_export_ambiguous_names_by_id);
  g_test_add_func ("/csv/export/bom", test_export_bom);
  g_test_add_func ("/csv/export/default-separator", test_export_default_separator);
  g_test_add_func ("/csv/export/decimal-comma", test_export_decimal_comma);
  g_test_add_func ("/csv/import/detects-comma", test_import_detects_comma);
  g_test_add_func ("/csv/import/detects-semicolon-strips-bom",
                   test_import_detects_semicolon_and_strips_bom);
  g_test_add_func ("/csv/import/quoted-cells", test_import_quoted_cells);
  g_test_add_func ("/csv/import/labels-and-booleans", test_import_labels_and_booleans);
  g_test_add_func ("/csv/import/errors-with-rows", test_import_errors_with_rows);
  g_test_add_func ("/csv/import/missing-column", test_import_missing_column);
  g_test_add_func ("/csv/import/duplicate-column", test_import_duplicate_column);
  g_test_add_func ("/csv/import/empty-file", test_import_empty_file);
  g_test_add_func ("/csv/import/windows-1252", test_import_windows_1252);
  g_test_add_func ("/csv/import/utf-16", test_import_utf16);
  g_test_add_func ("/csv/import/creates-missing-in-first-seen-order",
                   test_import_creates_missing_in_first_seen_order);
  g_test_add_func ("/csv/import/apply-is-one-undo-step", test_import_apply_is_one_undo_step);
  g_test_add_func ("/csv/import/refuses-with-errors", test_import_refuses_with_errors);
  g_test_add_func ("/csv/import/partial-when-allowed", test_import_partial_when_allowed);
  g_test_add_func ("/csv/import/ids", test_import_ids);
  g_test_add_func ("/csv/import/updates-by-id", test_import_updates_by_id);
  g_test_add_func ("/csv/import/updates-by-title-in-stage",
                   test_import_updates_by_title_in_stage);
  g_test_add_func ("/csv/import/project-changed", test_import_project_changed);
  g_test_add_func ("/csv/load-project/creates-project", test_load_project);
  g_test_add_func ("/csv/load-project/refuses-fifo", test_load_refuses_fifo);
  g_test_add_func ("/csv/import/unnamed-column", test_import_unnamed_column);
  g_test_add_func ("/csv/formulas/neutralised-and-round-trip",
                   test_formulas_neutralised_and_round_trip);
  g_test_add_func ("/csv/formulas/raw-when-asked", test_formulas_raw_when_asked);
  g_test_add_func ("/csv/load-project/reports-first-problem",
                   test_load_project_reports_first_problem);

  return g_test_run ();
}
