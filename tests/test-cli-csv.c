/* test-cli-csv.c — the headless command line with CSV files, as scripts use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tps-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tps-cli-csv-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
csv_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
export_option (Fixture    *fixture,
               const char *name,
               char      **path)
{
  *path = g_build_filename (fixture->dir, name, NULL);
  return g_strconcat ("--export=", *path, NULL);
}

/* --language=de picks ';' and the decimal comma; the BOM is on. */
static void
test_export_german (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *in = tps_test_example_path ("de/stadtwerke.touchpoints");
  g_autofree char *out = NULL;
  g_autofree char *option = export_option (fixture, "map.csv", &out);
  g_autofree char *csv = NULL;
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, option, "--language=de", in, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");

  csv = read_file (out);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFid;stage;channel;channel-kind;title;"));
  g_assert_nonnull (strstr (csv, "\r\nt-compare-portal;Aufmerksamkeit;Vergleichsportale;online;"
                                 "Listung im Vergleichsportal;"));
  g_assert_nonnull (strstr (csv, ";Google-Bewertung Kundenzentrum (Sterne);3,9;3,1\r\n"));
}

static void
test_export_separator_option (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *in = tps_test_example_path ("de/stadtwerke.touchpoints");
  g_autofree char *out = NULL;
  g_autofree char *option = export_option (fixture, "map.csv", &out);
  g_autofree char *csv = NULL;
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, option, "--language=de", "--separator=,", in, NULL);
  g_assert_cmpint (run.status, ==, 0);

  csv = read_file (out);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFid,stage,channel,"));
  /* The German decimal comma is quoted in a comma-separated file. */
  g_assert_nonnull (strstr (csv, ",Google-Bewertung Kundenzentrum (Sterne),\"3,9\",\"3,1\"\r\n"));
}

static void
test_export_bad_separator (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *in = tps_test_example_path ("en/car-dealership.touchpoints");
  g_autofree char *out = NULL;
  g_autofree char *option = export_option (fixture, "map.csv", &out);
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, option, "--separator=|", in, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "touchpoint-studio: unknown separator “|”; use , or ;\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Formula cells get their "'" unless --raw-formulas says otherwise. */
static void
test_export_raw_formulas (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *in = csv_fixture ("formulas.csv");
  g_autofree char *guarded_out = NULL;
  g_autofree char *raw_out = NULL;
  g_autofree char *guarded_option = export_option (fixture, "guarded.csv", &guarded_out);
  g_autofree char *raw_option = export_option (fixture, "raw.csv", &raw_out);
  g_autofree char *guarded = NULL;
  g_autofree char *raw = NULL;
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) raw_run = { 0, };

  tps_test_run_cli (&run, guarded_option, "--language=en", in, NULL);
  g_assert_cmpint (run.status, ==, 0);
  guarded = read_file (guarded_out);
  g_assert_nonnull (strstr (guarded, "\r\nt-1,'=2+5,Telefon,"));

  tps_test_run_cli (&raw_run, raw_option, "--language=en", "--raw-formulas", in, NULL);
  g_assert_cmpint (raw_run.status, ==, 0);
  raw = read_file (raw_out);
  g_assert_nonnull (strstr (raw, "\r\nt-1,=2+5,Telefon,"));
}

/* .touchpoints → .csv → .touchpoints → .csv: from the first project made
 * of a CSV on, the CSV stays the same.
 */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *in = tps_test_example_path ("en/car-dealership.touchpoints");
  g_autofree char *first_csv = NULL, *project = NULL, *second_csv = NULL;
  g_autofree char *project_again = NULL, *third_csv = NULL;
  g_autofree char *to_first_csv = export_option (fixture, "first.csv", &first_csv);
  g_autofree char *to_project = export_option (fixture, "journey.touchpoints", &project);
  g_autofree char *to_second_csv = export_option (fixture, "second.csv", &second_csv);
  g_autofree char *to_project_again = export_option (fixture, "again.touchpoints",
                                                     &project_again);
  g_autofree char *to_third_csv = export_option (fixture, "third.csv", &third_csv);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_auto(TpsTestRun) export_first = { 0, };
  g_auto(TpsTestRun) to_xml = { 0, };
  g_auto(TpsTestRun) export_second = { 0, };
  g_auto(TpsTestRun) to_xml_again = { 0, };
  g_auto(TpsTestRun) export_third = { 0, };
  g_auto(TpsTestRun) check = { 0, };

  tps_test_run_cli (&export_first, to_first_csv, "--language=en", in, NULL);
  g_assert_cmpint (export_first.status, ==, 0);
  tps_test_run_cli (&to_xml, to_project, first_csv, NULL);
  g_assert_cmpint (to_xml.status, ==, 0);
  g_assert_cmpstr (to_xml.err, ==, "");
  tps_test_run_cli (&export_second, to_second_csv, "--language=en", project, NULL);
  g_assert_cmpint (export_second.status, ==, 0);
  tps_test_run_cli (&to_xml_again, to_project_again, second_csv, NULL);
  g_assert_cmpint (to_xml_again.status, ==, 0);
  tps_test_run_cli (&export_third, to_third_csv, "--language=en", project_again, NULL);
  g_assert_cmpint (export_third.status, ==, 0);

  second = read_file (second_csv);
  third = read_file (third_csv);
  g_assert_cmpstr (third, ==, second);

  /* The project made of the CSV is titled after the file. */
  tps_test_run_cli (&check, "--check", project, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, ": valid project “first”\n"));
  g_assert_nonnull (strstr (check.out, "  35 touchpoints\n"));
}

static void
test_check_csv (void)
{
  g_autofree char *path = csv_fixture ("creates.csv");
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, ": valid project “creates”\n"));
  g_assert_nonnull (strstr (run.out, "  3 stages\n"));
  g_assert_nonnull (strstr (run.out, "  4 touchpoints\n"));
}

/* Exactly one line, naming the file, the row, the column and the problem. */
static void
test_check_bad_csv (void)
{
  g_autofree char *path = csv_fixture ("bad.csv");
  g_autofree char *expected = NULL;
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  expected = g_strdup_printf ("touchpoint-studio: %s: Row 3, column “current”: “3” is not "
                              "allowed for Ist rating: use a whole number from -2 to 2. (and 6 "
                              "more problems)\n", path);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_export_from_bad_csv (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *in = csv_fixture ("bad.csv");
  g_autofree char *out = NULL;
  g_autofree char *option = export_option (fixture, "bad.touchpoints", &out);
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, option, in, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_suffix (run.err, "(and 6 more problems)\n"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* An unknown column does not fail the file, but is said. */
static void
test_check_warns_unknown_column (void)
{
  g_autofree char *path = csv_fixture ("labels.csv");
  g_autofree char *expected = NULL;
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("touchpoint-studio: %s: warning: Row 1, column “colour”: This "
                              "column is not known and is ignored.\n", path);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_help_mentions_separator (void)
{
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--separator=SEP"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-csv/export/german", Fixture, NULL,
              fixture_set_up, test_export_german, fixture_tear_down);
  g_test_add ("/cli-csv/export/separator-option", Fixture, NULL,
              fixture_set_up, test_export_separator_option, fixture_tear_down);
  g_test_add ("/cli-csv/export/bad-separator", Fixture, NULL,
              fixture_set_up, test_export_bad_separator, fixture_tear_down);
  g_test_add ("/cli-csv/export/from-bad-csv", Fixture, NULL,
              fixture_set_up, test_export_from_bad_csv, fixture_tear_down);
  g_test_add ("/cli-csv/export/raw-formulas", Fixture, NULL,
              fixture_set_up, test_export_raw_formulas, fixture_tear_down);
  g_test_add ("/cli-csv/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add_func ("/cli-csv/check/summary", test_check_csv);
  g_test_add_func ("/cli-csv/check/bad-csv", test_check_bad_csv);
  g_test_add_func ("/cli-csv/check/warns-unknown-column", test_check_warns_unknown_column);
  g_test_add_func ("/cli-csv/help-mentions-separator", test_help_mentions_separator);

  return g_test_run ();
}
