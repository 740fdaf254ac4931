/* test-export.c — the map on paper: page layout, poster tiles, PDF and SVG
 *
 * The PDF checks read the written files back with poppler's tools
 * (pdftotext, pdffonts, pdfinfo, pdfimages), as a person or a print shop
 * would see them, rather than comparing bytes that change with cairo's
 * version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "tps-export-pdf.h"
#include "tps-export-svg.h"
#include "tps-map-layout.h"
#include "tps-page-layout.h"
#include "tps-project-io.h"
#include "tps-test-project.h"
#include "tps-report.h"

/* Helpers --------------------------------------------------------------- */

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static TpsProject *
load_example (const char *name)
{
  return tps_test_load_example (name);
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("test-export-XXXXXX", &error);
      g_assert_no_error (error);
    }

  return g_build_filename (dir, name, NULL);
}

/* Runs a tool and returns what it printed, or %NULL (and skips the test)
 * when the tool is not installed.
 */
static char *
run_tool (const char *tool,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  int status;
  va_list args;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", tool);
      g_test_skip (message);
      return NULL;
    }

  g_ptr_array_add (argv, program);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);

  return out;
}

/* @text without white space and without the hyphens (U+2010) that line
 * breaking inserted, so that a title wrapped over lines still matches.
 */
static char *
without_space (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x2010)
        g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  const char *pages;

  if (info == NULL)
    return 0;

  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "),
                                   NULL, 10);
}

static void
export_pdf (TpsProject           *project,
            const TpsPageOptions *options,
            const char           *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  tps_export_pdf (project, options, file, NULL, &error);
  g_assert_no_error (error);
}


/* Legible print ------------------------------------------------------------- */

/* Words of touchpoint titles that no other text on a map page shares
 * (stage and channel names, the legend, the channel kinds, metric names).
 */
static GHashTable *
title_words (TpsProject *project)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) others = g_string_new ("Online Offline Hybrid Conversion Complaints "
                                            "Beschwerden Konversion");
  GListModel *lists[] = { tps_project_get_stages (project), tps_project_get_channels (project) };
  GListModel *touchpoints = tps_project_get_touchpoints (project);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
        g_autofree char *name = NULL;

        g_object_get (item, "name", &name, NULL);
        g_string_append_printf (others, " %s", name);
      }

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      g_auto(GStrv) parts = g_strsplit_set (tps_touchpoint_get_title (touchpoint),
                                            " ,.:;()„“”\"/", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (g_utf8_strlen (parts[j], -1) >= 5 && strstr (others->str, parts[j]) == NULL)
          g_hash_table_add (words, g_strdup (parts[j]));
    }

  return words;
}

/* The smallest height pdftotext -bbox gives a title word on each page of
 * @path (0 for a page without one).
 */
static GArray *
title_word_heights (const char *path,
                    GHashTable *words)
{
  g_autofree char *xml = run_tool ("pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL);
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" "
                                        "xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]*)</word>",
                                        0, 0, NULL);
  GArray *heights = g_array_new (FALSE, TRUE, sizeof (double));
  g_auto(GStrv) pages = NULL;

  if (xml == NULL)
    return heights;

  pages = g_strsplit (xml, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      double smallest = 0;

      g_regex_match (word, pages[p], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *y0 = g_match_info_fetch (match, 1);
          g_autofree char *y1 = g_match_info_fetch (match, 2);
          g_autofree char *text = g_match_info_fetch (match, 3);
          double height = g_ascii_strtod (y1, NULL) - g_ascii_strtod (y0, NULL);

          g_strstrip (g_strdelimit (text, ",.:;()\"", ' '));
          if (g_hash_table_contains (words, text) && (smallest == 0 || height < smallest))
            smallest = height;
          g_match_info_next (match, NULL);
        }
      g_array_append_val (heights, smallest);
    }

  return heights;
}

/* Every title is in the text of @path, whole (wrapped lines rejoined). */
static void
assert_titles_present (TpsProject *project,
                       const char *path)
{
  g_autofree char *text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  g_autofree char *flat = NULL;
  GListModel *touchpoints = tps_project_get_touchpoints (project);

  if (text == NULL)
    return;
  g_assert_null (strstr (text, "…"));
  flat = without_space (text);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      g_autofree char *wanted = without_space (tps_touchpoint_get_title (touchpoint));

      if (strstr (flat, wanted) == NULL)
        g_error ("“%s” is not in %s", tps_touchpoint_get_title (touchpoint), path);
    }
}

/* Every page with cards prints their titles at least 6 pt high. */
static guint
assert_legible (TpsProject *project,
                const char *path)
{
  g_autoptr(GHashTable) words = title_words (project);
  g_autoptr(GArray) heights = title_word_heights (path, words);
  guint with_titles = 0;

  g_assert_cmpuint (g_hash_table_size (words), >, 20);
  for (guint p = 0; p < heights->len; p++)
    {
      double height = g_array_index (heights, double, p);

      if (height == 0)
        continue;
      if (height < 6.0)
        g_error ("%s: page %u prints titles %.2f pt high", path, p + 1, height);
      with_titles++;
    }

  return with_titles;
}

static void
test_pdf_legible_examples (void)
{
  static const char * const names[] = {
    "de/stadtwerke.touchpoints", "en/car-dealership.touchpoints",
  };

  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    {
      g_autoptr(TpsProject) project = load_example (names[e]);
      g_autofree char *a3 = temp_path ("legible-a3.pdf");
      g_autofree char *a4 = temp_path ("legible-a4.pdf");
      g_autofree char *corner = NULL;
      TpsPageOptions options;
      guint n;

      /* A3 landscape: the whole map on one page. */
      tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
      export_pdf (project, &options, a3);
      if (pdf_page_count (a3) == 0)
        return;
      g_assert_cmpuint (pdf_page_count (a3), ==, 1);
      g_assert_cmpuint (assert_legible (project, a3), ==, 1);
      assert_titles_present (project, a3);

      /* A4 landscape: split at stages, at most three pages, each with the
       * lane labels' corner and its stages named in the header.
       */
      tps_page_options_init (&options, TPS_PAPER_A4, TRUE);
      export_pdf (project, &options, a4);
      n = pdf_page_count (a4);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, 3);
      g_assert_cmpuint (assert_legible (project, a4), ==, n);
      assert_titles_present (project, a4);
      for (guint p = 1; p <= n; p++)
        {
          g_autofree char *page = g_strdup_printf ("%u", p);
          g_autofree char *text = run_tool ("pdftotext", "-f", page, "-l", page, "-enc", "UTF-8",
                                            a4, "-", NULL);
          g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n);

          g_assert_nonnull (strstr (text, "Channels ↓"));
          g_assert_nonnull (strstr (text, "Stage"));
          g_assert_nonnull (strstr (text, number));
          g_assert_nonnull (strstr (text, "Customer experience"));
        }
      corner = run_tool ("pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", a4, "-", NULL);
      g_assert_nonnull (strstr (corner, "Customer journey map, Stages 1–"));
    }
}

/* The report's map chapter prints no title below 6 pt either. */
static void
test_report_map_legible (void)
{
  static const char * const names[] = {
    "de/stadtwerke.touchpoints", "en/car-dealership.touchpoints",
  };

  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    {
      g_autoptr(TpsProject) project = load_example (names[e]);
      g_autofree char *path = temp_path ("legible-report.pdf");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      TpsReportOptions options;

      tps_report_options_init (&options);
      g_assert_true (tps_report_export_pdf (project, &options, file, NULL, &error));
      g_assert_no_error (error);
      if (pdf_page_count (path) == 0)
        return;
      g_assert_cmpuint (assert_legible (project, path), >, 3);
    }
}

/* 500 touchpoints (the German example's, cloned) on A3: every title on a
 * page, at least 6 pt high.
 */
static void
test_pdf_legible_500 (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  guint n = g_list_model_get_n_items (touchpoints);
  g_autofree char *path = temp_path ("legible-500.pdf");
  TpsPageOptions options;

  for (guint i = n; i < 500; i++)
    {
      g_autoptr(TpsTouchpoint) model = g_list_model_get_item (touchpoints, i % n);
      g_autofree char *id = g_strdup_printf ("t-clone-%u", i);
      g_autofree char *title = g_strdup_printf ("%s %u", tps_touchpoint_get_title (model), i);
      g_autoptr(TpsTouchpoint) clone = tps_touchpoint_new (id);

      tps_touchpoint_set_title (clone, title);
      tps_touchpoint_set_stage_id (clone, tps_touchpoint_get_stage_id (model));
      tps_touchpoint_set_channel_id (clone, tps_touchpoint_get_channel_id (model));
      tps_touchpoint_set_current (clone, tps_touchpoint_get_current (model));
      tps_touchpoint_set_target (clone, tps_touchpoint_get_target (model));
      tps_touchpoint_set_moment (clone, tps_touchpoint_get_moment (model));
      g_list_store_append (G_LIST_STORE (touchpoints), clone);
    }
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 500);

  tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
  export_pdf (project, &options, path);
  if (pdf_page_count (path) == 0)
    return;
  g_assert_cmpuint (assert_legible (project, path), ==, pdf_page_count (path));
  assert_titles_present (project, path);
}

/* The PNG at 96 dpi fits a slide: at most 3 400 pixels wide, 8 megapixels. */
static void
test_png_compact (void)
{
  static const char * const names[] = {
    "de/stadtwerke.touchpoints", "en/car-dealership.touchpoints",
  };

  for (guint e = 0; e < G_N_ELEMENTS (names); e++)
    {
      g_autoptr(TpsProject) project = load_example (names[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new_for_export (project, NULL);
      double width, height;

      tps_map_layout_get_size (layout, &width, &height);
      g_assert_cmpfloat (ceil (width), <=, 3400);
      g_assert_cmpfloat (ceil (width) * ceil (height), <=, 8e6);
    }
}

/* Paper ----------------------------------------------------------------- */

static void
test_paper_iso_sizes (void)
{
  double w, h, w0, h0;

  tps_paper_get_size (TPS_PAPER_A4, FALSE, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);

  /* A0 is a square metre: sixteen A4 sheets. */
  tps_paper_get_size (TPS_PAPER_A0, FALSE, &w0, &h0);
  g_assert_cmpfloat_with_epsilon (w0 * h0 / (w * h), 16.0, 0.05);

  tps_paper_get_size (TPS_PAPER_A3, TRUE, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);

  tps_paper_get_size (TPS_PAPER_LETTER, FALSE, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
  tps_paper_get_size (TPS_PAPER_TABLOID, TRUE, &w, &h);
  g_assert_cmpfloat (w, ==, 1224);
  g_assert_cmpfloat (h, ==, 792);
}

static void
test_paper_names (void)
{
  TpsPaper paper;

  g_assert_true (tps_paper_parse ("a3", &paper));
  g_assert_cmpint (paper, ==, TPS_PAPER_A3);
  g_assert_true (tps_paper_parse ("Letter", &paper));
  g_assert_cmpint (paper, ==, TPS_PAPER_LETTER);
  g_assert_true (tps_paper_parse ("TABLOID", &paper));
  g_assert_cmpint (paper, ==, TPS_PAPER_TABLOID);
  g_assert_false (tps_paper_parse ("A5", &paper));
  g_assert_false (tps_paper_parse (NULL, &paper));

  for (guint i = 0; i < TPS_N_PAPERS; i++)
    {
      g_assert_true (tps_paper_parse (tps_paper_get_name (i), &paper));
      g_assert_cmpint (paper, ==, i);
      g_assert_nonnull (strstr (tps_paper_get_label (i), " × "));
    }
}

/* Fit ------------------------------------------------------------------- */

static void
test_fit_centred (void)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;
  TpsPage page;
  const cairo_rectangle_t *c;

  tps_page_options_init (&options, TPS_PAPER_A4, TRUE);
  g_assert_true (tps_page_layout_compute (&layout, &options, 3000, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (layout.n_pages, ==, 1);
  g_assert_cmpuint (tps_page_layout_get_n_tiles (&layout), ==, 0);

  tps_page_layout_get_page (&layout, 0, &page);
  c = &layout.content;
  g_assert_cmpint (page.kind, ==, TPS_PAGE_KIND_MAP);

  /* A wide map fills the width and is centred vertically. */
  g_assert_cmpfloat_with_epsilon (page.target.x, c->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (page.target.width, c->width, 1e-6);
  g_assert_cmpfloat_with_epsilon (page.target.y - c->y,
                                  c->y + c->height - page.target.y - page.target.height, 1e-6);
  g_assert_cmpfloat_with_epsilon (page.scale, c->width / 3000, 1e-9);
  g_assert_cmpfloat_with_epsilon (page.source.width, 3000, 1e-9);

  /* The content keeps the margins and the header and footer free. */
  g_assert_cmpfloat (c->x, >=, options.margin);
  g_assert_cmpfloat (c->y, >, layout.header.y + layout.header.height);
  g_assert_cmpfloat (c->y + c->height, <, layout.footer.y);
  g_assert_cmpfloat (layout.footer.y + layout.footer.height, <=,
                     options.paper_height - options.margin + 1e-9);
}

static void
test_fit_without_furniture (void)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;

  tps_page_options_init (&options, TPS_PAPER_A3, FALSE);
  options.header_footer = FALSE;
  g_assert_true (tps_page_layout_compute (&layout, &options, 100, 100, &error));
  g_assert_cmpfloat_with_epsilon (layout.content.y, options.margin, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.content.height,
                                  options.paper_height - 2 * options.margin, 1e-9);
}

/* Poster ---------------------------------------------------------------- */

/* A poster layout whose map, at natural size, is exactly @columns ×
 * @rows tiles, plus @extra points in each direction.
 */
static void
poster_for_grid (TpsPageLayout *layout,
                 guint          columns,
                 guint          rows,
                 double         extra)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout probe;
  double width, height;

  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = 1.0;

  /* The content size does not depend on the map. */
  g_assert_true (tps_page_layout_compute (&probe, &options, 1, 1, &error));
  width = columns * probe.content.width - (columns - 1) * options.overlap + extra;
  height = rows * probe.content.height - (rows - 1) * options.overlap + extra;

  g_assert_true (tps_page_layout_compute (layout, &options,
                                          width / TPS_PAGE_POINTS_PER_UNIT,
                                          height / TPS_PAGE_POINTS_PER_UNIT, &error));
  g_assert_no_error (error);
}

static void
test_poster_tile_count (void)
{
  TpsPageLayout layout;

  poster_for_grid (&layout, 3, 2, 0);
  g_assert_cmpuint (layout.columns, ==, 3);
  g_assert_cmpuint (layout.rows, ==, 2);
  g_assert_cmpuint (tps_page_layout_get_n_tiles (&layout), ==, 6);
  g_assert_cmpuint (layout.n_pages, ==, 7);    /* with the overview */

  /* A point more needs another column and row. */
  poster_for_grid (&layout, 3, 2, 1);
  g_assert_cmpuint (layout.columns, ==, 4);
  g_assert_cmpuint (layout.rows, ==, 3);
  g_assert_cmpuint (layout.n_pages, ==, 13);

  poster_for_grid (&layout, 1, 1, 0);
  g_assert_cmpuint (tps_page_layout_get_n_tiles (&layout), ==, 1);
}

static void
test_poster_scale_halves_tiles (void)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout full, half;

  tps_page_options_init (&options, TPS_PAPER_A4, TRUE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.overlap = 0;
  options.overview = FALSE;

  g_assert_true (tps_page_layout_compute (&full, &options, 8000, 2000, &error));
  options.scale = 0.5;
  g_assert_true (tps_page_layout_compute (&half, &options, 8000, 2000, &error));

  g_assert_cmpuint (full.n_pages, ==, full.columns * full.rows);
  g_assert_cmpuint (half.columns, ==, (full.columns + 1) / 2);
  g_assert_cmpuint (half.rows, ==, (full.rows + 1) / 2);
}

static void
test_poster_neighbours_overlap (void)
{
  TpsPageLayout layout;
  double overlap;

  poster_for_grid (&layout, 4, 3, 100);
  overlap = layout.options.overlap / TPS_PAGE_POINTS_PER_UNIT;

  for (guint r = 0; r < layout.rows; r++)
    for (guint c = 0; c < layout.columns; c++)
      {
        guint index, next;
        TpsPage page, right, below;

        g_assert_true (tps_page_layout_find_tile (&layout, r, c, &index));
        tps_page_layout_get_page (&layout, index, &page);
        g_assert_cmpint (page.kind, ==, TPS_PAGE_KIND_TILE);
        g_assert_cmpuint (page.row, ==, r);
        g_assert_cmpuint (page.column, ==, c);
        g_assert_true (page.has_left == (c > 0));
        g_assert_true (page.has_top == (r > 0));

        if (tps_page_layout_find_tile (&layout, r, c + 1, &next))
          {
            tps_page_layout_get_page (&layout, next, &right);
            g_assert_cmpfloat_with_epsilon (page.source.x + page.source.width - right.source.x,
                                            overlap, 1e-6);
            g_assert_true (page.has_right);
          }
        else
          g_assert_false (page.has_right);

        if (tps_page_layout_find_tile (&layout, r + 1, c, &next))
          {
            tps_page_layout_get_page (&layout, next, &below);
            g_assert_cmpfloat_with_epsilon (page.source.y + page.source.height - below.source.y,
                                            overlap, 1e-6);
          }

        /* What a tile shows lands at its natural size. */
        g_assert_cmpfloat_with_epsilon (page.target.width,
                                        page.source.width * TPS_PAGE_POINTS_PER_UNIT, 1e-6);
      }
}

static void
test_poster_covers_map_centred (void)
{
  TpsPageLayout layout;
  TpsPage first, last;
  guint index;
  double left_blank, right_blank;

  poster_for_grid (&layout, 3, 2, 200);

  g_assert_true (tps_page_layout_find_tile (&layout, 0, 0, &index));
  tps_page_layout_get_page (&layout, index, &first);
  g_assert_true (tps_page_layout_find_tile (&layout, layout.rows - 1, layout.columns - 1,
                                            &index));
  tps_page_layout_get_page (&layout, index, &last);

  g_assert_cmpfloat (first.source.x, ==, 0);
  g_assert_cmpfloat (first.source.y, ==, 0);
  g_assert_cmpfloat_with_epsilon (last.source.x + last.source.width, layout.map_width, 1e-6);
  g_assert_cmpfloat_with_epsilon (last.source.y + last.source.height, layout.map_height, 1e-6);

  /* The paper left over is split between both ends of the poster. */
  left_blank = first.target.x - layout.content.x;
  right_blank = layout.content.x + layout.content.width
                - (last.target.x + last.target.width);
  g_assert_cmpfloat (left_blank, >, 0);
  g_assert_cmpfloat_with_epsilon (left_blank, right_blank, 1e-6);
}

static void
test_poster_overview_first (void)
{
  TpsPageLayout layout;
  TpsPage overview;
  double grid_width, grid_height;

  poster_for_grid (&layout, 3, 2, 50);
  tps_page_layout_get_page (&layout, 0, &overview);
  g_assert_cmpint (overview.kind, ==, TPS_PAGE_KIND_OVERVIEW);
  g_assert_cmpfloat (overview.source.width, ==, layout.map_width);

  /* The whole tile grid fits on the overview page. */
  tps_page_layout_get_grid_size (&layout, &grid_width, &grid_height);
  g_assert_cmpfloat (overview.target.x + layout.origin_x * overview.scale, >=, 0);
  g_assert_cmpfloat ((layout.origin_x + grid_width) * overview.scale + overview.target.x, <=,
                     layout.options.paper_width);
  g_assert_cmpfloat ((layout.origin_y + grid_height) * overview.scale + overview.target.y, <=,
                     layout.options.paper_height);
}

static void
test_poster_too_many_tiles (void)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;

  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = 40;
  g_assert_false (tps_page_layout_compute (&layout, &options, 8000, 3000, &error));
  g_assert_error (error, TPS_PAGE_LAYOUT_ERROR, TPS_PAGE_LAYOUT_ERROR_TOO_MANY_TILES);
}

static void
test_margins_too_large (void)
{
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;

  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.margin = 280;
  g_assert_false (tps_page_layout_compute (&layout, &options, 800, 300, &error));
  g_assert_error (error, TPS_PAGE_LAYOUT_ERROR, TPS_PAGE_LAYOUT_ERROR_TOO_SMALL);
}

static void
test_poster_scale_for_paper (void)
{
  double scale = tps_page_poster_scale_for_paper (4000, 1000, TPS_PAPER_A0, 0);
  double width, height;

  /* A wide map on A0 is as wide as A0 in landscape. */
  tps_paper_get_size (TPS_PAPER_A0, TRUE, &width, &height);
  g_assert_cmpfloat_with_epsilon (4000 * scale * TPS_PAGE_POINTS_PER_UNIT, width, 1e-6);
}

static void
test_tile_labels (void)
{
  struct { guint row, column; const char *label; } cases[] = {
    { 0, 0, "A1" },
    { 1, 1, "B2" },
    { 0, 25, "Z1" },
    { 2, 26, "AA3" },
    { 9, 27, "AB10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = tps_page_tile_label (cases[i].row, cases[i].column);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_page_number_and_date (void)
{
  g_autofree char *number = tps_page_format_number (3, 12);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2025, 3, 4, 12, 0, 0);
  g_autofree char *text = tps_page_format_date (date);

  g_assert_cmpstr (number, ==, "Page 3 of 12");
  g_assert_cmpstr (text, ==, "March 4, 2025");
}

/* PDF ------------------------------------------------------------------- */

static void
test_pdf_titles_as_text (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autofree char *path = temp_path ("titles.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  gboolean saw_umlaut = FALSE;
  TpsPageOptions options;

  tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
  export_pdf (project, &options, path);

  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  flat = without_space (text);

  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), >, 30);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      const char *title = tps_touchpoint_get_title (touchpoint);
      g_autofree char *wanted = without_space (title);

      if (strstr (flat, wanted) == NULL)
        g_error ("“%s” is not in the PDF's text", title);
      saw_umlaut |= strstr (title, "ä") || strstr (title, "ö") || strstr (title, "ü")
                    || strstr (title, "ß");
    }
  g_assert_true (saw_umlaut);

  g_assert_nonnull (strstr (text, tps_project_get_title (project)));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
test_pdf_fonts_embedded (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autofree char *path = temp_path ("fonts.pdf");
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  TpsPageOptions options;

  tps_page_options_init (&options, TPS_PAPER_A4, TRUE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = 0.4;
  export_pdf (project, &options, path);

  fonts = run_tool ("pdffonts", path, NULL);
  if (fonts == NULL)
    return;

  /* name, type, encoding, then "emb sub uni" as yes/no; the type may
   * contain spaces, so read the three flags from the right.
   */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_ptr_array_add (kept, words[j]);
        n = kept->len;
        g_assert_cmpuint (n, >=, 7);
        if (g_strcmp0 (g_ptr_array_index (kept, n - 5), "yes") != 0)
          g_error ("font not embedded: %s", lines[i]);
        g_assert_cmpstr (g_ptr_array_index (kept, n - 4), ==, "yes");   /* subset */
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_pdf_a3_landscape_size (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autofree char *path = temp_path ("a3.pdf");
  g_autofree char *info = NULL;
  TpsPageOptions options;

  tps_page_options_init (&options, TPS_PAPER_A3, TRUE);
  export_pdf (project, &options, path);

  info = run_tool ("pdfinfo", path, NULL);
  if (info == NULL)
    return;
  g_assert_nonnull (strstr (info, "Page size:       1190.55 x 841.89 pts (A3)"));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "Title:           Stadtwerke Nordlicht"));
  g_assert_nonnull (strstr (info, "Author:          Stadtwerke Nordlicht GmbH"));
}

static void
test_pdf_is_vector (void)
{
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autofree char *path = temp_path ("vector.pdf");
  g_autofree char *images = NULL;
  g_auto(GStrv) lines = NULL;
  TpsPageOptions options;

  tps_page_options_init (&options, TPS_PAPER_A2, TRUE);
  export_pdf (project, &options, path);

  /* pdfimages lists a two-line header and then one line per image. */
  images = run_tool ("pdfimages", "-list", path, NULL);
  if (images == NULL)
    return;
  lines = g_strsplit (g_strchomp (images), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
}

static void
test_pdf_poster_pages (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsMapLayout) map = tps_map_layout_new_for_export (project, NULL);
  g_autofree char *path = temp_path ("poster.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *footer = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;
  double width, height;
  guint n_tiles;

  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = 1.0;
  export_pdf (project, &options, path);

  tps_map_layout_get_size (map, &width, &height);
  g_assert_true (tps_page_layout_compute (&layout, &options, width, height, &error));
  n_tiles = tps_page_layout_get_n_tiles (&layout);

  /* The printed map at natural size is wider and taller than two A4 sheets. */
  g_assert_cmpuint (layout.columns, >=, 2);
  g_assert_cmpuint (layout.rows, >=, 2);
  if (pdf_page_count (path) == 0)
    return;
  g_assert_cmpuint (pdf_page_count (path), ==, n_tiles + 1);

  first = run_tool ("pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (first, "Poster assembly"));
  second = run_tool ("pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (second, "poster sheet A1"));
  footer = g_strdup_printf ("Page 2 of %u", n_tiles + 1);
  g_assert_nonnull (strstr (second, footer));
}

static void
test_pdf_failure_keeps_file (void)
{
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autofree char *path = temp_path ("kept.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  TpsPageOptions options;

  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));

  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = 60;
  g_assert_false (tps_export_pdf (project, &options, file, NULL, &error));
  g_assert_error (error, TPS_PAGE_LAYOUT_ERROR, TPS_PAGE_LAYOUT_ERROR_TOO_MANY_TILES);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
}

/* SVG ------------------------------------------------------------------- */

static void
test_svg_parses (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autofree char *path = temp_path ("map.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (tps_export_svg (project, NULL, file, NULL, &error));
  g_assert_no_error (error);

  /* run_tool() fails the test when xmllint finds the file malformed. */
  out = run_tool ("xmllint", "--noout", path, NULL);
  if (out != NULL)
    g_assert_cmpstr (out, ==, "");
}

static void
test_svg_titles_as_text (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsMapLayout) map = tps_map_layout_new_for_export (project, NULL);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *data = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *width = NULL;
  g_autoptr(GError) error = NULL;
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr texts;
  xmlDocPtr doc;
  double map_width, map_height;
  gsize length;

  data = tps_export_svg_to_data (project, NULL, &length, &error);
  g_assert_no_error (error);

  doc = xmlReadMemory (data, (int) length, "map.svg", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  texts = xmlXPathEvalExpression (BAD_CAST "//svg:text", xpath);
  g_assert_nonnull (texts);
  g_assert_nonnull (texts->nodesetval);
  g_assert_cmpint (texts->nodesetval->nodeNr, >, 100);

  for (int i = 0; i < texts->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (texts->nodesetval->nodeTab[i]);

      g_string_append (all, (const char *) content);
      g_string_append_c (all, '\n');
      xmlFree (content);
    }
  flat = without_space (all->str);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      g_autofree char *wanted = without_space (tps_touchpoint_get_title (touchpoint));

      if (strstr (flat, wanted) == NULL)
        g_error ("“%s” is not a text of the SVG", tps_touchpoint_get_title (touchpoint));
    }
  g_assert_nonnull (strstr (all->str, "Stadtwerke Nordlicht"));

  /* A title elided on the map keeps its full wording as the text's title. */
  {
    xmlXPathObjectPtr titles = xmlXPathEvalExpression (BAD_CAST "//svg:text/svg:title", xpath);

    g_assert_nonnull (titles->nodesetval);
    g_assert_cmpint (titles->nodesetval->nodeNr, >, 0);
    for (int i = 0; i < titles->nodesetval->nodeNr; i++)
      {
        xmlChar *shown = xmlNodeGetContent (titles->nodesetval->nodeTab[i]->parent);

        g_assert_nonnull (strstr ((const char *) shown, "…"));
        xmlFree (shown);
      }
    xmlXPathFreeObject (titles);
  }

  /* No text is drawn as glyph outlines. */
  g_assert_null (strstr (data, "id=\"glyph"));

  /* One SVG pixel is one layout unit: the map at its natural size. */
  tps_map_layout_get_size (map, &map_width, &map_height);
  width = (char *) xmlGetProp (xmlDocGetRootElement (doc), BAD_CAST "width");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (width, NULL), ceil (map_width), 0.5);

  xmlXPathFreeObject (texts);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* Command line ------------------------------------------------------------ */

/* Runs the app headless; returns its exit status, and what it wrote to
 * stderr in @err.
 */
static int
run_cli (char **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TPS_BINARY"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_pdf_a3_landscape (void)
{
  g_autofree char *in = example_path ("de/stadtwerke.touchpoints");
  g_autofree char *out = temp_path ("cli-a3.pdf");
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;

  g_assert_cmpint (run_cli (&err, option, "--paper=A3", "--landscape", in, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  info = run_tool ("pdfinfo", out, NULL);
  if (info != NULL)
    g_assert_nonnull (strstr (info, "Page size:       1190.55 x 841.89 pts (A3)"));
}

static void
test_cli_poster_a0_on_a4 (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsMapLayout) map = tps_map_layout_new_for_export (project, NULL);
  g_autofree char *in = example_path ("de/stadtwerke.touchpoints");
  g_autofree char *out = temp_path ("cli-poster.pdf");
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;
  double width, height;

  /* "A0-sized on A4 sheets": the scale at which the map fills A0. */
  g_assert_cmpint (run_cli (&err, option, "--poster=A0", in, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  tps_map_layout_get_size (map, &width, &height);
  tps_page_options_init (&options, TPS_PAPER_A4, FALSE);
  options.mode = TPS_PAGE_MODE_POSTER;
  options.scale = tps_page_poster_scale_for_paper (width, height, TPS_PAPER_A0, options.margin);
  g_assert_true (tps_page_layout_compute (&layout, &options, width, height, &error));
  g_assert_cmpuint (tps_page_layout_get_n_tiles (&layout), >, 4);

  if (pdf_page_count (out) > 0)
    g_assert_cmpuint (pdf_page_count (out), ==, tps_page_layout_get_n_tiles (&layout) + 1);
}

static void
test_cli_bare_poster_keeps_input (void)
{
  g_autofree char *in = example_path ("en/car-dealership.touchpoints");
  g_autofree char *out = temp_path ("cli-natural.pdf");
  g_autofree char *option = g_strdup_printf ("--export=%s", out);
  g_autofree char *err = NULL;

  /* The input after a bare --poster is a file, not the scale. */
  g_assert_cmpint (run_cli (&err, option, "--poster", in, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_cli_report_and_svg (void)
{
  g_autofree char *in = example_path ("en/car-dealership.touchpoints");
  g_autofree char *pdf = temp_path ("cli-report.pdf");
  g_autofree char *svg = temp_path ("cli-map.svg");
  g_autofree char *pdf_option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *svg_option = g_strdup_printf ("--export=%s", svg);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_cli (&err, pdf_option, "--report", "--paper=letter", in, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = run_tool ("pdftotext", "-f", "1", "-l", "2", "-enc", "UTF-8", pdf, "-", NULL);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Customer Touchpoint Management Report"));
      g_assert_nonnull (strstr (text, "Contents"));
    }

  g_assert_cmpint (run_cli (&err2, svg_option, in, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<text"));
}

static void
test_cli_refuses_bad_options (void)
{
  g_autofree char *in = example_path ("en/car-dealership.touchpoints");
  g_autofree char *pdf = temp_path ("cli-bad.pdf");
  g_autofree char *png = temp_path ("cli-bad.png");
  g_autofree char *pdf_option = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *png_option = g_strdup_printf ("--export=%s", png);
  const char *cases[][3] = {
    { pdf_option, "--paper=A5", "unknown paper" },
    { pdf_option, "--poster=huge", "unknown poster scale" },
    { pdf_option, "--dpi=300", "apply to .png exports only" },
    { png_option, "--landscape", "apply to .pdf exports only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (&err, cases[i][0], cases[i][1], in, NULL), ==, 2);
      g_assert_nonnull (strstr (err, cases[i][2]));
      g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));   /* one line */
    }

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (&err, pdf_option, "--poster", "--report", in, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--report"));
  }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-layout/paper/iso-sizes", test_paper_iso_sizes);
  g_test_add_func ("/page-layout/paper/names", test_paper_names);
  g_test_add_func ("/page-layout/fit/centred", test_fit_centred);
  g_test_add_func ("/page-layout/fit/without-furniture", test_fit_without_furniture);
  g_test_add_func ("/page-layout/poster/tile-count", test_poster_tile_count);
  g_test_add_func ("/page-layout/poster/scale-halves-tiles", test_poster_scale_halves_tiles);
  g_test_add_func ("/page-layout/poster/neighbours-overlap", test_poster_neighbours_overlap);
  g_test_add_func ("/page-layout/poster/covers-map-centred", test_poster_covers_map_centred);
  g_test_add_func ("/page-layout/poster/overview-first", test_poster_overview_first);
  g_test_add_func ("/page-layout/poster/too-many-tiles", test_poster_too_many_tiles);
  g_test_add_func ("/page-layout/poster/scale-for-paper", test_poster_scale_for_paper);
  g_test_add_func ("/page-layout/margins-too-large", test_margins_too_large);
  g_test_add_func ("/page-layout/tile-labels", test_tile_labels);
  g_test_add_func ("/page-layout/page-number-and-date", test_page_number_and_date);

  g_test_add_func ("/export-pdf/titles-as-text", test_pdf_titles_as_text);
  g_test_add_func ("/export-pdf/legible/examples-a3-a4", test_pdf_legible_examples);
  g_test_add_func ("/export-pdf/legible/report-map", test_report_map_legible);
  g_test_add_func ("/export-pdf/legible/500-touchpoints-a3", test_pdf_legible_500);
  g_test_add_func ("/export-png/compact-at-96-dpi", test_png_compact);
  g_test_add_func ("/export-pdf/fonts-embedded", test_pdf_fonts_embedded);
  g_test_add_func ("/export-pdf/a3-landscape-size", test_pdf_a3_landscape_size);
  g_test_add_func ("/export-pdf/vector", test_pdf_is_vector);
  g_test_add_func ("/export-pdf/poster-pages", test_pdf_poster_pages);
  g_test_add_func ("/export-pdf/failure-keeps-file", test_pdf_failure_keeps_file);

  g_test_add_func ("/export-svg/parses", test_svg_parses);
  g_test_add_func ("/export-svg/titles-as-text", test_svg_titles_as_text);

  g_test_add_func ("/cli-export/pdf-a3-landscape", test_cli_pdf_a3_landscape);
  g_test_add_func ("/cli-export/poster-a0-on-a4", test_cli_poster_a0_on_a4);
  g_test_add_func ("/cli-export/bare-poster-keeps-input", test_cli_bare_poster_keeps_input);
  g_test_add_func ("/cli-export/report-and-svg", test_cli_report_and_svg);
  g_test_add_func ("/cli-export/refuses-bad-options", test_cli_refuses_bad_options);

  return g_test_run ();
}
