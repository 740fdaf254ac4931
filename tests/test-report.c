/* test-report.c — the CTM report PDF, read back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tps-project-io.h"
#include "tps-report.h"

typedef struct
{
  char *path;
  guint n_pages;
  char **pages;      /* pdftotext of each page */
} Report;

static void
report_free (Report *report)
{
  g_free (report->path);
  g_strfreev (report->pages);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *out = NULL;
  int status;

  g_ptr_array_add (args, program);
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static TpsProject *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* Writes the report of @project and reads every page's text back. */
static Report *
write_report (TpsProject *project,
              const char *name,
              gboolean    landscape)
{
  Report *report = g_new0 (Report, 1);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2025, 6, 2, 9, 0, 0);
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  TpsReportOptions options;
  const char *pages;

  tps_report_options_init (&options);
  options.landscape = landscape;
  options.date = date;

  report->path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (report->path);
  g_assert_true (tps_report_export_pdf (project, &options, file, NULL, &error));
  g_assert_no_error (error);

  info = run ((const char *[]) { "pdfinfo", report->path, NULL });
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  report->n_pages = (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "),
                                              NULL, 10);
  g_assert_cmpuint (report->n_pages, >, 0);

  /* pdftotext ends every page with a form feed. */
  text = run ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", report->path, "-",
                                 NULL });
  report->pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (report->pages), ==, report->n_pages + 1);

  return report;
}

/* @text with every run of white space as one space: -layout spreads
 * words by their position on the page.
 */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }

  return g_string_free (s, FALSE);
}

static gboolean
page_has_header_subtitle (const char *page,
                          const char *subtitle)
{
  g_autofree char *first_line = g_strndup (page, strcspn (page, "\n"));

  return g_str_has_suffix (g_strchomp (first_line), subtitle);
}

static void
test_chapters (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(Report) report = NULL;
  const char *chapters[] = {
    "Journey Map", "Touchpoints", "Painpoints, Lovepoints and Moments of Truth",
    "Measures Plan", "Analysis", "Benchmark", "Journey Health Check",
  };
  g_autofree char *all = NULL;

  if (!have_poppler ())
    return;
  report = write_report (project, "chapters.pdf", FALSE);
  all = g_strjoinv ("\n", report->pages);

  /* The cover: title, organisation, date, the summary and the contents. */
  g_assert_nonnull (strstr (report->pages[0], "Customer Touchpoint Management Report"));
  g_assert_nonnull (strstr (report->pages[0], "Stadtwerke Nordlicht GmbH"));
  g_assert_nonnull (strstr (report->pages[0], "June 2, 2025"));
  g_assert_nonnull (strstr (report->pages[0], "Quick wins"));
  g_assert_nonnull (strstr (all, "Contents"));

  /* Each chapter has a numbered heading on the page its header names. */
  for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
    {
      g_autofree char *heading = g_strdup_printf ("%u %s", i + 1, chapters[i]);
      gboolean found = FALSE;

      for (guint p = 1; p < report->n_pages; p++)
        {
          g_autofree char *text = squeeze (report->pages[p]);

          if (strstr (text, heading) != NULL)
            {
              g_assert_true (page_has_header_subtitle (report->pages[p], chapters[i]));
              found = TRUE;
            }
        }
      if (!found)
        g_error ("no page starts chapter “%s”", heading);
    }

  /* The measures plan has its timeline and matrix, the analysis its charts. */
  g_assert_nonnull (strstr (all, "Timeline"));
  g_assert_nonnull (strstr (all, "Impact and Effort"));
  g_assert_nonnull (strstr (all, "Importance and Performance"));
  g_assert_nonnull (strstr (all, "Perception Gap"));
  g_assert_nonnull (strstr (all, "KPI Trends"));

  /* The benchmark names both comparators and where we trail them; the
   * health check lists its findings and the channel consistency.
   */
  g_assert_nonnull (strstr (all, "Voltaro Discount-Strom"));
  g_assert_nonnull (strstr (all, "Finora Direktbank-App"));
  g_assert_nonnull (strstr (all, "Where We Trail the Best"));
  g_assert_nonnull (strstr (all, "Painpoint without a measure"));
  g_assert_nonnull (strstr (all, "Channel Consistency"));
}

static void
test_table_header_repeats (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(Report) report = NULL;
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(GString) table = g_string_new (NULL);
  guint n_table_pages = 0;

  if (!have_poppler ())
    return;
  report = write_report (project, "table.pdf", FALSE);

  for (guint p = 1; p < report->n_pages; p++)
    {
      const char *page = report->pages[p];

      if (!page_has_header_subtitle (page, "Touchpoints"))
        continue;

      n_table_pages++;
      g_string_append (table, page);
      g_assert_nonnull (strstr (page, "Stage"));
      g_assert_nonnull (strstr (page, "Channel"));
      g_assert_nonnull (strstr (page, "Importance"));
      g_assert_nonnull (strstr (page, "Priority"));
      g_assert_nonnull (strstr (page, "Moment"));
      g_assert_nonnull (strstr (page, "Owner"));
    }

  /* 35 touchpoints do not fit one page, so the header had to repeat. */
  g_assert_cmpuint (n_table_pages, >=, 2);

  /* Every title is in the table; -layout may wrap long ones, so compare
   * their first word only.
   */
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      g_auto(GStrv) words = g_strsplit (tps_touchpoint_get_title (touchpoint), " ", 2);

      g_assert_nonnull (strstr (table->str, words[0]));
    }
}

static void
test_page_numbers_and_orientation (void)
{
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autoptr(Report) report = NULL;
  g_autofree char *last = NULL;
  g_autofree char *n = NULL;
  g_autofree char *sizes = NULL;

  if (!have_poppler ())
    return;
  report = write_report (project, "numbers.pdf", FALSE);

  last = g_strdup_printf ("Page %u of %u", report->n_pages, report->n_pages);
  g_assert_nonnull (strstr (report->pages[report->n_pages - 1], last));
  g_assert_nonnull (strstr (report->pages[1], "Page 2 of"));

  /* The cover is portrait A4; the journey map's pages share one
   * orientation, whichever needs fewer of them (the English example's
   * fourteen channels fit portrait pages better).
   */
  n = g_strdup_printf ("%u", report->n_pages);
  sizes = run ((const char *[]) { "pdfinfo", "-f", "1", "-l", n, report->path, NULL });
  g_assert_nonnull (strstr (sizes, "Page    1 size:  595.276 x 841.89 pts (A4)"));
  {
    const char *orientation = NULL;
    guint map_pages = 0;

    for (guint p = 1; p < report->n_pages; p++)
      if (page_has_header_subtitle (report->pages[p], "Journey Map"))
        {
          g_autofree char *landscape = g_strdup_printf ("Page %4u size:  841.89 x 595.276 pts",
                                                        p + 1);
          const char *this = strstr (sizes, landscape) != NULL ? "landscape" : "portrait";

          g_assert_true (orientation == NULL || g_str_equal (orientation, this));
          orientation = this;
          map_pages++;
        }
    g_assert_cmpuint (map_pages, >=, 1);
  }

  g_assert_nonnull (strstr (sizes, "Subject:         Customer Touchpoint Management Report"));
}

static void
test_landscape_option (void)
{
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autoptr(Report) report = NULL;
  g_autofree char *n = NULL;
  g_autofree char *sizes = NULL;

  if (!have_poppler ())
    return;
  report = write_report (project, "landscape.pdf", TRUE);
  n = g_strdup_printf ("%u", report->n_pages);
  sizes = run ((const char *[]) { "pdfinfo", "-f", "1", "-l", n, report->path, NULL });
  g_assert_null (strstr (sizes, "595.276 x 841.89"));
  g_assert_nonnull (strstr (sizes, "Page    1 size:  841.89 x 595.276 pts"));
}

static void
test_empty_project (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(Report) report = NULL;
  g_autofree char *all = NULL;

  if (!have_poppler ())
    return;

  tps_project_set_title (project, "Leeres Projekt");
  report = write_report (project, "empty.pdf", FALSE);
  all = g_strjoinv ("\n", report->pages);

  g_assert_nonnull (strstr (all, "Leeres Projekt"));
  g_assert_nonnull (strstr (all, "The project has no touchpoints yet."));
  g_assert_nonnull (strstr (all, "No measures have been planned yet."));
  g_assert_nonnull (strstr (all, "No touchpoint is marked as a painpoint."));
  g_assert_nonnull (strstr (all, "No comparators have been rated yet."));
  g_assert_nonnull (strstr (all, "The health check found nothing to look at."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/chapters", test_chapters);
  g_test_add_func ("/report/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/report/page-numbers-and-orientation", test_page_numbers_and_orientation);
  g_test_add_func ("/report/landscape-option", test_landscape_option);
  g_test_add_func ("/report/empty-project", test_empty_project);

  return g_test_run ();
}
