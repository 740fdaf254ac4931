/* test-reference.c — the examples' outputs against reviewed references
 *
 * A rendering change should be a reviewed change. The two example projects
 * are exported as a PNG map, an SVG map, a PDF map and a PDF report, and
 * compared with the files in tests/data/reference/:
 *
 * - the PNG pixel by pixel, with a tolerance for antialiasing: a pixel
 *   differs when a channel is off by more than 8 of 255, and at most
 *   0.02 % of the pixels may differ (one rating colour changed by 16 in
 *   each channel moves 0.06 %; the same build renders identically);
 * - the SVG by its structure and text: each element's name, and the text
 *   it holds, in document order (no coordinates, so a font's rounding does
 *   not matter, but an element more or less does);
 * - the PDFs by their page sizes and their text (pdfinfo, pdftotext).
 *
 * build-aux/update-references writes new references after a change that
 * is meant (TPS_UPDATE_REFERENCES=1); review them with git diff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "tps-export-pdf.h"
#include "tps-export-png.h"
#include "tps-export-svg.h"
#include "tps-map-layout.h"
#include "tps-report.h"
#include "tps-test-project.h"

#define CHANNEL_TOLERANCE 8
#define MAX_DIFFERING     0.0002

typedef struct
{
  const char *example;
  const char *name;     /* of the reference files */
} Example;

static const Example examples[] = {
  { "de/stadtwerke.touchpoints", "stadtwerke" },
  { "en/car-dealership.touchpoints", "car-dealership" },
};

static gboolean
updating (void)
{
  return g_strcmp0 (g_getenv ("TPS_UPDATE_REFERENCES"), "1") == 0;
}

static char *
reference_path (const char *name,
                const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "reference", file, NULL);
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("test-reference-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

/* Compares @text with the reference file, or writes it when updating. */
static void
compare_text (const char *what,
              const char *text,
              const char *reference)
{
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (updating ())
    {
      g_assert_true (g_file_set_contents (reference, text, -1, &error));
      return;
    }

  if (!g_file_get_contents (reference, &expected, NULL, &error))
    g_error ("%s: no reference %s (%s); run build-aux/update-references", what, reference,
             error->message);

  if (g_strcmp0 (text, expected) != 0)
    {
      g_auto(GStrv) got = g_strsplit (text, "\n", -1);
      g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
      guint i;

      for (i = 0; got[i] != NULL && want[i] != NULL; i++)
        if (strcmp (got[i], want[i]) != 0)
          break;
      g_error ("%s differs from %s at line %u:\n  reference: %s\n  now:       %s\n"
               "If the change is meant, run build-aux/update-references and review the diff.",
               what, reference, i + 1, want[i] != NULL ? want[i] : "(end)",
               got[i] != NULL ? got[i] : "(end)");
    }
}

/* PNG ---------------------------------------------------------------------- */

static void
compare_png (const char *what,
             const char *path,
             const char *reference)
{
  cairo_surface_t *now, *want;
  int width, height, now_stride, want_stride;
  const guchar *now_data, *want_data;
  guint64 differing = 0;
  guint max_delta = 0;

  if (updating ())
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (reference, contents, length, NULL));
      return;
    }

  now = cairo_image_surface_create_from_png (path);
  want = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (want) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: no reference %s; run build-aux/update-references", what, reference);
  g_assert_cmpint (cairo_surface_status (now), ==, CAIRO_STATUS_SUCCESS);

  width = cairo_image_surface_get_width (want);
  height = cairo_image_surface_get_height (want);
  if (cairo_image_surface_get_width (now) != width
      || cairo_image_surface_get_height (now) != height)
    g_error ("%s is %d × %d pixels, the reference %d × %d: the layout changed. "
             "If that is meant, run build-aux/update-references.", what,
             cairo_image_surface_get_width (now), cairo_image_surface_get_height (now),
             width, height);

  now_data = cairo_image_surface_get_data (now);
  want_data = cairo_image_surface_get_data (want);
  now_stride = cairo_image_surface_get_stride (now);
  want_stride = cairo_image_surface_get_stride (want);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *a = now_data + y * now_stride + 4 * x;
        const guchar *b = want_data + y * want_stride + 4 * x;
        guint delta = 0;

        for (int c = 0; c < 4; c++)
          delta = MAX (delta, (guint) ABS ((int) a[c] - (int) b[c]));
        max_delta = MAX (max_delta, delta);
        if (delta > CHANNEL_TOLERANCE)
          differing++;
      }

  cairo_surface_destroy (now);
  cairo_surface_destroy (want);

  if (differing > MAX_DIFFERING * width * height)
    g_error ("%s: %" G_GUINT64_FORMAT " of %d pixels (%.2f %%) differ from %s by more than "
             "%d (largest difference %u). If the change is meant, run "
             "build-aux/update-references and look at the new picture.", what, differing,
             width * height, 100.0 * differing / (width * height), reference,
             CHANNEL_TOLERANCE, max_delta);
}

static void
test_png (gconstpointer data)
{
  const Example *example = data;
  g_autoptr(TpsProject) project = tps_test_load_example (example->example);
  g_autofree char *name = g_strconcat (example->name, ".png", NULL);
  g_autofree char *path = temp_path (name);
  g_autofree char *reference = reference_path (example->name, "-map.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsMapLayoutOptions options;

  /* Half the size of the 96 dpi export: every card, badge and curve, in a
   * file small enough to keep in git.
   */
  tps_map_layout_options_init_print (&options);
  g_assert_true (tps_export_png (project, &options, file, 0.5, FALSE, NULL, &error));
  g_assert_no_error (error);
  compare_png (name, path, reference);
}

/* SVG ---------------------------------------------------------------------- */

static void
describe_svg (GString *out,
              xmlNode *node,
              int      depth)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          g_string_append_printf (out, "%*s<%s>\n", depth * 2, "", child->name);
          describe_svg (out, child->children, depth + 1);
        }
      else if (child->type == XML_TEXT_NODE)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *) child->content));

          if (*text != '\0')
            g_string_append_printf (out, "%*s%s\n", depth * 2, "", text);
        }
    }
}

static void
test_svg (gconstpointer data)
{
  const Example *example = data;
  g_autoptr(TpsProject) project = tps_test_load_example (example->example);
  g_autofree char *name = g_strconcat (example->name, ".svg", NULL);
  g_autofree char *reference = reference_path (example->name, "-map.svg.txt");
  g_autoptr(GString) structure = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  TpsMapLayoutOptions options;
  xmlDocPtr doc;
  gsize length;

  tps_map_layout_options_init_print (&options);
  svg = tps_export_svg_to_data (project, &options, &length, &error);
  g_assert_no_error (error);

  doc = xmlReadMemory (svg, (int) length, name, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  describe_svg (structure, xmlDocGetRootElement (doc), 0);
  xmlFreeDoc (doc);

  compare_text (name, structure->str, reference);
}

/* PDF ---------------------------------------------------------------------- */

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The page count and sizes, then each page's text. */
static char *
describe_pdf (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *text = run_tool ("pdftotext", path);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:") || g_str_has_prefix (lines[i], "Page size:"))
      g_string_append_printf (out, "%s\n", lines[i]);

  g_string_append (out, "----\n");
  g_string_append (out, text);
  return g_string_free (out, FALSE);
}

static void
test_pdf_map (gconstpointer data)
{
  const Example *example = data;
  g_autoptr(TpsProject) project = tps_test_load_example (example->example);
  g_autofree char *name = g_strconcat (example->name, "-a3.pdf", NULL);
  g_autofree char *path = temp_path (name);
  g_autofree char *reference = reference_path (example->name, "-map-a3.pdf.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  TpsPageOptions options;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
  g_assert_true (tps_export_pdf (project, &options, file, NULL, &error));
  g_assert_no_error (error);
  description = describe_pdf (path);
  compare_text (name, description, reference);
}

static void
test_pdf_report (gconstpointer data)
{
  const Example *example = data;
  g_autoptr(TpsProject) project = tps_test_load_example (example->example);
  g_autofree char *name = g_strconcat (example->name, "-report.pdf", NULL);
  g_autofree char *path = temp_path (name);
  g_autofree char *reference = reference_path (example->name, "-report.pdf.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  TpsReportOptions options;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  tps_report_options_init (&options);
  g_assert_true (tps_report_export_pdf (project, &options, file, NULL, &error));
  g_assert_no_error (error);
  description = describe_pdf (path);
  compare_text (name, description, reference);
}

int
main (int   argc,
      char *argv[])
{
  /* The report's date and "today" in the planner: the same every day. */
  g_setenv ("SOURCE_DATE_EPOCH", "1780272000", TRUE);

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *png = g_strdup_printf ("/reference/%s/map-png", examples[i].name);
      g_autofree char *svg = g_strdup_printf ("/reference/%s/map-svg", examples[i].name);
      g_autofree char *pdf = g_strdup_printf ("/reference/%s/map-pdf-a3", examples[i].name);
      g_autofree char *report = g_strdup_printf ("/reference/%s/report-pdf", examples[i].name);

      g_test_add_data_func (png, &examples[i], test_png);
      g_test_add_data_func (svg, &examples[i], test_svg);
      g_test_add_data_func (pdf, &examples[i], test_pdf_map);
      g_test_add_data_func (report, &examples[i], test_pdf_report);
    }

  return g_test_run ();
}
