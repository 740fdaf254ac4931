/* test-cli.c — the headless command line, as scripts and CI use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tps-test-util.h"

static void
test_check_example (void)
{
  g_autofree char *path = tps_test_example_path ("de/stadtwerke.touchpoints");
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, ": valid project “Stadtwerke Nordlicht"));
  g_assert_nonnull (strstr (run.out, "  35 touchpoints\n"));
  g_assert_nonnull (strstr (run.out, "  7 stages\n"));
  g_assert_nonnull (strstr (run.out, "  10 painpoints\n"));
  g_assert_nonnull (strstr (run.out, "  18 measures\n"));
  g_assert_nonnull (strstr (run.out, "  2 comparators\n"));
  g_assert_nonnull (strstr (run.out, " health findings\n"));
}

/* The health findings are printed as warnings: the check still passes,
 * unless --strict asks for a clean bill of health.
 */
static void
test_check_health (void)
{
  const char *examples[] = { "de/stadtwerke.touchpoints", "en/car-dealership.touchpoints" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = tps_test_example_path (examples[i]);
      g_autofree char *critical = g_strdup_printf ("\n%s: warning: Critical: ", path);
      g_autofree char *painpoint = NULL;
      g_auto(TpsTestRun) run = { 0, };
      g_auto(TpsTestRun) strict = { 0, };

      tps_test_run_cli (&run, "--check", path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, critical));
      g_assert_nonnull (strstr (run.out, "is a painpoint, and no measure addresses it.\n"));
      g_assert_nonnull (strstr (run.out, "× Critical\n"));

      tps_test_run_cli (&strict, "--check", "--strict", path, NULL);
      g_assert_cmpint (strict.status, ==, 3);
      g_assert_cmpstr (strict.out, ==, run.out);
    }
}

static void
test_check_strict_healthy (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "healthy.touchpoints",
                                                 NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                   "dangling-stage.touchpoints", NULL);
  g_auto(TpsTestRun) run = { 0, };
  g_auto(TpsTestRun) mixed = { 0, };
  g_autofree char *example = tps_test_example_path ("de/stadtwerke.touchpoints");

  tps_test_run_cli (&run, "--check", "--strict", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "  0 health findings\n"));
  g_assert_null (strstr (run.out, "warning:"));

  /* a file that cannot be read outweighs the findings of another */
  tps_test_run_cli (&mixed, "--check", "--strict", example, broken, NULL);
  g_assert_cmpint (mixed.status, ==, 1);
}

static void
test_check_broken_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                 "dangling-stage.touchpoints", NULL);
  g_auto(TpsTestRun) run = { 0, };
  g_autofree char *expected = NULL;

  tps_test_run_cli (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  /* Exactly one line, naming the file, the line and the problem. */
  expected = g_strdup_printf ("touchpoint-studio: %s: Line 20: This refers to the stage "
                              "“s-missing”, which does not exist in the project.\n", path);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_check_missing_file (void)
{
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--check", "/nonexistent/project.touchpoints", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "touchpoint-studio: /nonexistent/project.touchpoints: "
                                            "The file could not be read"));
  g_assert_cmpint (strchr (run.err, '\n') - run.err + 1, ==, strlen (run.err));
}

static void
test_export_canonical (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-cli-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "out.touchpoints", NULL);
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, option, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_file_get_contents (path, &original, NULL, NULL);
  g_file_get_contents (out, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, original);

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_export_unknown_format (void)
{
  g_autofree char *path = tps_test_example_path ("en/car-dealership.touchpoints");
  g_auto(TpsTestRun) run = { 0, };

  tps_test_run_cli (&run, "--export=/tmp/map.docx", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "cannot export to “.docx” files"));
}

/* The exporter is the table's for the output's extension, in any case,
 * and an option is refused where the table says it does not apply,
 * naming the extensions it applies to; nothing is written then.
 */
static void
test_export_options_from_table (void)
{
  g_autofree char *path = tps_test_example_path ("en/car-dealership.touchpoints");
  g_autofree char *dir = g_dir_make_tmp ("tps-cli-XXXXXX", NULL);
  g_autofree char *upper = g_build_filename (dir, "MAP.PDF", NULL);
  g_autofree char *csv = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *export_upper = g_strconcat ("--export=", upper, NULL);
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_autofree char *contents = NULL;
  g_auto(TpsTestRun) pdf = { 0, };
  g_auto(TpsTestRun) unknown = { 0, };
  g_auto(TpsTestRun) zoom = { 0, };
  g_auto(TpsTestRun) lanes = { 0, };

  tps_test_run_cli (&pdf, export_upper, path, NULL);
  g_assert_cmpint (pdf.status, ==, 0);
  g_assert_cmpstr (pdf.err, ==, "");
  g_assert_true (g_file_get_contents (upper, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  tps_test_run_cli (&unknown, "--export=/tmp/map.docx", path, NULL);
  g_assert_nonnull (strstr (unknown.err, "supported: .csv, .pdf, .png, .svg and .touchpoints\n"));

  tps_test_run_cli (&zoom, export_csv, "--zoom=2", path, NULL);
  g_assert_cmpint (zoom.status, ==, 2);
  g_assert_cmpstr (zoom.err, ==,
                   "touchpoint-studio: --zoom and --dpi apply to .png exports only\n");

  tps_test_run_cli (&lanes, export_csv, "--all-lanes", path, NULL);
  g_assert_cmpint (lanes.status, ==, 2);
  g_assert_cmpstr (lanes.err, ==, "touchpoint-studio: --all-lanes and --hide-empty-lanes apply "
                                  "to the map in .pdf, .png and .svg exports only\n");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_unlink (upper);
  g_rmdir (dir);
}

static void
test_usage_errors (void)
{
  g_auto(TpsTestRun) no_input = { 0, };
  g_auto(TpsTestRun) bad_option = { 0, };
  g_auto(TpsTestRun) bad_language = { 0, };

  tps_test_run_cli (&no_input, "--check", NULL);
  g_assert_cmpint (no_input.status, ==, 2);
  g_assert_cmpstr (no_input.err, ==, "touchpoint-studio: no input file given; try --help\n");

  tps_test_run_cli (&bad_option, "--check", "--frobnicate", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);

  tps_test_run_cli (&bad_language, "--check", "--language=fr", "x.touchpoints", NULL);
  g_assert_cmpint (bad_language.status, ==, 2);
}

/* Sizes of a PNG are checked before anything is read or written. */
static void
test_bad_numbers (void)
{
  static const struct
  {
    const char *option;
    const char *message;
  } cases[] = {
    { "--dpi=0", "touchpoint-studio: --dpi must be a whole number from 1 to 3072, not “0”\n" },
    { "--dpi=3073", "touchpoint-studio: --dpi must be a whole number from 1 to 3072, "
                    "not “3073”\n" },
    { "--zoom=nan", "touchpoint-studio: --zoom must be a number above 0 and at most 32, "
                    "not “nan”\n" },
    { "--zoom=inf", "touchpoint-studio: --zoom must be a number above 0 and at most 32, "
                    "not “inf”\n" },
    { "--zoom=0", "touchpoint-studio: --zoom must be a number above 0 and at most 32, "
                  "not “0”\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TpsTestRun) run = { 0, };

      tps_test_run_cli (&run, "--export=/nonexistent/map.png", cases[i].option,
                        "x.touchpoints", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, ==, cases[i].message);
    }
}

static void
test_version_and_help (void)
{
  g_auto(TpsTestRun) version = { 0, };
  g_auto(TpsTestRun) help = { 0, };

  tps_test_run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "touchpoint-studio " PACKAGE_VERSION));

  tps_test_run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check"));
  g_assert_nonnull (strstr (help.out, "--export=OUT"));
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-q", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* --language=de makes the whole report German: labels, the rating scale,
 * page numbers; none of the English ones remain.
 */
static void
test_report_language (void)
{
  g_autofree char *path = tps_test_example_path ("de/stadtwerke.touchpoints");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tps-cli-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "bericht.pdf", NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *text = NULL;
  g_auto(TpsTestRun) run = { 0, };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *german[] = { "Auf einen Blick", "Inhalt", "Maßnahmenplan", "Sehr enttäuschend",
                           "Seite 2 von " };
  const char *english[] = { "At a Glance", "Contents", "Measures Plan", "Very disappointing",
                            "Page 2 of ", "Delightful" };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  tps_test_run_cli (&run, option, "--report", "--language=de", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out);

  for (guint i = 0; i < G_N_ELEMENTS (german); i++)
    if (strstr (text, german[i]) == NULL)
      g_error ("the German report lacks “%s”", german[i]);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    if (strstr (text, english[i]) != NULL)
      g_error ("the German report still says “%s”", english[i]);

  g_unlink (out);
  g_rmdir (dir);
}

/* --comparator draws that comparator's curve on an exported map; an id the
 * project does not have fails with one line, and it is refused where there
 * is no map.
 */
static void
test_export_comparator (void)
{
  g_autofree char *path = tps_test_example_path ("en/car-dealership.touchpoints");
  g_autofree char *dir = g_dir_make_tmp ("tps-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *export_png = g_strconcat ("--export=", png, NULL);
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_auto(TpsTestRun) ok = { 0, };
  g_auto(TpsTestRun) unknown = { 0, };
  g_auto(TpsTestRun) no_map = { 0, };

  tps_test_run_cli (&ok, export_png, "--comparator=cmp-online-retailer", path, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  tps_test_run_cli (&unknown, export_png, "--comparator=nobody", path, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "no comparator with the id “nobody”"));

  tps_test_run_cli (&no_map, export_csv, "--comparator=cmp-online-retailer", path, NULL);
  g_assert_cmpint (no_map.status, ==, 2);

  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/example", test_check_example);
  g_test_add_func ("/cli/check/health", test_check_health);
  g_test_add_func ("/cli/export/comparator", test_export_comparator);
  g_test_add_func ("/cli/check/strict-healthy", test_check_strict_healthy);
  g_test_add_func ("/cli/check/broken-file", test_check_broken_file);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/export/canonical", test_export_canonical);
  g_test_add_func ("/cli/export/unknown-format", test_export_unknown_format);
  g_test_add_func ("/cli/export/options-from-table", test_export_options_from_table);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/bad-numbers", test_bad_numbers);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/export/report-in-german", test_report_language);

  return g_test_run ();
}
