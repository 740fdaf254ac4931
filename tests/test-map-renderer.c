/* test-map-renderer.c — drawing the map, and the PNG export through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/wait.h>

#include "tps-map-layout-private.h"
#include "tps-map-renderer.h"
#include "tps-palette.h"
#include "tps-project-io.h"
#include "tps-test-project.h"

static const char * const examples[] = {
  "de/stadtwerke.touchpoints",
  "en/car-dealership.touchpoints",
};

static TpsProject *
load_example (const char *name)
{
  return tps_test_load_example (name);
}

static void
render_to_image (TpsMapLayout              *layout,
                 double                     zoom,
                 const TpsMapRenderOptions *options)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  tps_map_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * zoom),
                                        (int) ceil (height * zoom));
  cr = cairo_create (surface);
  tps_map_render (cr, layout, zoom, NULL, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Light and dark, print and screen (where small zooms simplify text),
 * with selection, filters and editing feedback.
 */
static void
test_render_examples (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      g_autoptr(TpsTouchpoint) first = g_list_model_get_item (
        tps_project_get_touchpoints (project), 0);
      const char *highlight[] = { tps_object_get_id (TPS_OBJECT (first)), NULL };
      TpsMapRenderOptions options;

      render_to_image (layout, 0.25, NULL);

      tps_map_render_options_init (&options);
      options.dark = TRUE;
      options.selected = first;
      options.hovered = first;
      options.focused = TRUE;
      options.highlight_ids = highlight;
      options.moment_filter = TPS_MOMENT_PAINPOINT;
      options.show_drop = TRUE;
      options.drop = (cairo_rectangle_t) { 300, 300, 6, 80 };
      options.show_add = TRUE;
      options.add = (TpsMapPoint) { 400, 400 };
      options.dragged = first;
      options.drag_origin = (TpsMapPoint) { 500, 500 };
      render_to_image (layout, 0.3, &options);
      render_to_image (layout, 0.5, &options);
    }
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  return *(guint32 *) (gpointer) (data + y * stride + x * 4);
}

static void
assert_pixel_is (guint32         pixel,
                 const TpsColor *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  g_assert_cmpint (abs (r - (int) round (color->red * 255)), <=, 2);
  g_assert_cmpint (abs (g - (int) round (color->green * 255)), <=, 2);
  g_assert_cmpint (abs (b - (int) round (color->blue * 255)), <=, 2);
}

/* The Ist chip of a painpoint carries the palette's colour for its rating. */
static void
test_painpoint_chip_colour (void)
{
  g_autoptr(TpsProject) project = load_example (examples[1]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(TpsTouchpoint) painpoint = NULL;
  cairo_rectangle_t card;
  cairo_surface_t *surface;
  cairo_t *cr;
  TpsColor expected;
  double width, height, x, y;

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints) && painpoint == NULL; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      if (tps_touchpoint_get_moment (touchpoint) == TPS_MOMENT_PAINPOINT)
        painpoint = g_steal_pointer (&touchpoint);
    }
  g_assert_nonnull (painpoint);
  g_assert_true (tps_map_layout_get_card_rect (layout, painpoint, &card));

  tps_map_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  tps_map_render (cr, layout, 1.0, NULL, NULL);
  cairo_destroy (cr);

  /* Inside the pill, left of its number. */
  x = card.x + TPS_MAP_CARD_ACCENT + tps_map_layout_get_metrics (layout)->card_pad + 5;
  y = card.y + tps_map_layout_get_metrics (layout)->card_pad
      + tps_map_layout_get_metrics (layout)->chip_height / 2;
  tps_palette_rating (tps_touchpoint_get_current (painpoint), FALSE, &expected);
  assert_pixel_is (pixel_at (surface, (int) x, (int) y), &expected);

  cairo_surface_destroy (surface);
}

/* The curves are drawn only where they cross the clip, and a piece drawn
 * on its own (a frame scrolled there, a poster tile) looks exactly like
 * the same piece of the whole map: the dashes of the Soll curve included.
 */
static void
test_clip_curves_match_whole (void)
{
  g_autoptr(TpsProject) project = load_example (examples[0]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  cairo_rectangle_t band, clip;
  double width, height;
  cairo_surface_t *whole, *piece;
  cairo_t *cr;
  guint differ = 0;

  tps_map_layout_get_size (layout, &width, &height);
  tps_map_layout_get_band_rect (layout, &band);
  /* Whole pixels, in the middle of the band, away from its first points. */
  clip = (cairo_rectangle_t) { floor (band.x + band.width * 0.55), floor (band.y),
                               200, ceil (band.height) };

  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                      (int) ceil (height));
  cr = cairo_create (whole);
  tps_map_render (cr, layout, 1.0, NULL, NULL);
  cairo_destroy (cr);

  piece = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                      (int) ceil (height));
  cr = cairo_create (piece);
  tps_map_render (cr, layout, 1.0, &clip, NULL);
  cairo_destroy (cr);

  for (int y = (int) clip.y + 1; y < (int) (clip.y + clip.height) - 1; y++)
    for (int x = (int) clip.x + 1; x < (int) (clip.x + clip.width) - 1; x++)
      {
        guint32 a = pixel_at (whole, x, y), b = pixel_at (piece, x, y);

        /* Antialiasing may differ by a shade; a dash out of step differs
         * by the curve's whole colour.
         */
        for (int shift = 0; shift < 32; shift += 8)
          if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 24)
            {
              differ++;
              break;
            }
      }

  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (piece);
}

/* Nothing is drawn outside the clip. */
static void
test_clip_limits_drawing (void)
{
  g_autoptr(TpsProject) project = load_example (examples[0]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  cairo_rectangle_t clip = { 300, 400, 200, 150 };
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  tps_map_layout_get_size (layout, &width, &height);
  w = (int) width / 2;
  h = (int) height / 2;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  tps_map_render (cr, layout, 0.5, &clip, NULL);
  cairo_destroy (cr);

  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3)
      {
        gboolean inside = x >= 150 && x < 250 && y >= 200 && y < 275;
        guint32 alpha = pixel_at (surface, x, y) >> 24;

        if (inside)
          g_assert_cmpuint (alpha, ==, 0xff);
        else if (x < 149 || x > 251 || y < 199 || y > 276)
          g_assert_cmpuint (alpha, ==, 0);
      }

  cairo_surface_destroy (surface);
}

static TpsMeasurement *
measurement (const char *id,
             const char *date,
             TpsMetric   metric,
             double      value,
             gboolean    baseline)
{
  TpsMeasurement *m = tps_measurement_new (id);

  tps_measurement_set_date (m, date);
  tps_measurement_set_metric (m, metric);
  tps_measurement_set_value (m, value);
  tps_measurement_set_baseline (m, baseline);
  return m;
}

/* Higher NPS is better, more complaints are worse, and a custom metric is
 * judged like everywhere else (tps_kpi_higher_is_better(): higher is better
 * unless its name or target says otherwise). The latest reading is compared
 * with the baseline.
 */
static void
test_trend_direction (void)
{
  struct {
    TpsMetric metric;
    double baseline, latest;
    int verdict;
  } cases[] = {
    { TPS_METRIC_NPS, 10, 25, 1 },
    { TPS_METRIC_CSAT, 4.2, 3.9, -1 },
    { TPS_METRIC_CONVERSION, 1.6, 2.6, 1 },
    { TPS_METRIC_CES, 5, 3, 1 },
    { TPS_METRIC_COMPLAINTS, 40, 55, -1 },
    { TPS_METRIC_CUSTOM, 1, 2, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
      GListStore *store = G_LIST_STORE (tps_touchpoint_get_measurements (touchpoint));
      g_autoptr(TpsMeasurement) later = measurement ("m-3", "2026-01-01", cases[i].metric,
                                                     cases[i].latest, FALSE);
      g_autoptr(TpsMeasurement) base = measurement ("m-2", "2025-06-01", cases[i].metric,
                                                    cases[i].baseline, TRUE);
      g_autoptr(TpsMeasurement) early = measurement ("m-1", "2025-01-01", cases[i].metric,
                                                     -100, FALSE);
      TpsMapTrend trend;

      g_assert_false (tps_map_get_trend (touchpoint, &trend));

      g_list_store_append (store, later);
      g_list_store_append (store, base);
      g_list_store_append (store, early);

      g_assert_true (tps_map_get_trend (touchpoint, &trend));
      g_assert_true (trend.latest == later);
      g_assert_true (trend.baseline == base);
      g_assert_cmpfloat_with_epsilon (trend.change, cases[i].latest - cases[i].baseline, 1e-9);
      g_assert_cmpint (trend.verdict, ==, cases[i].verdict);
    }
}

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TPS_BINARY"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp,
                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

/* At 96 dpi one layout unit is one pixel; 192 dpi doubles both sides. */
static void
test_png_size_follows_dpi (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "all-fields.touchpoints",
                                                  NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(TpsProject) project = tps_project_load_from_file (file, NULL, NULL);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new_for_export (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-map-renderer-XXXXXX", &error);
  g_autofree char *at96 = NULL, *at192 = NULL, *zoomed = NULL;
  g_autofree char *out96 = NULL, *out192 = NULL, *out_zoom = NULL;
  double width, height;
  int w1, h1, w2, h2, w3, h3;

  g_assert_nonnull (project);
  g_assert_no_error (error);
  at96 = g_build_filename (dir, "map-96.png", NULL);
  at192 = g_build_filename (dir, "map-192.png", NULL);
  zoomed = g_build_filename (dir, "map-zoom.png", NULL);
  out96 = g_strconcat ("--export=", at96, NULL);
  out192 = g_strconcat ("--export=", at192, NULL);
  out_zoom = g_strconcat ("--export=", zoomed, NULL);

  g_assert_cmpint (run_cli (out96, "--dpi=96", input, NULL), ==, 0);
  g_assert_cmpint (run_cli (out192, "--dpi=192", input, NULL), ==, 0);
  g_assert_cmpint (run_cli (out_zoom, "--zoom=0.5", input, NULL), ==, 0);

  png_size (at96, &w1, &h1);
  png_size (at192, &w2, &h2);
  png_size (zoomed, &w3, &h3);
  tps_map_layout_get_size (layout, &width, &height);

  g_assert_cmpint (w1, ==, (int) ceil (width));
  g_assert_cmpint (h1, ==, (int) ceil (height));
  g_assert_cmpint (abs (w2 - 2 * w1), <=, 1);
  g_assert_cmpint (abs (h2 - 2 * h1), <=, 1);
  g_assert_cmpint (abs (2 * w3 - w1), <=, 1);

  /* Both at once is a usage error, and nothing is written. */
  g_assert_cmpint (run_cli ("--export=/nonexistent/never.png", "--dpi=96", "--zoom=2",
                            input, NULL), ==, 2);

  g_unlink (at96);
  g_unlink (at192);
  g_unlink (zoomed);
  g_rmdir (dir);
}

/* Pixels of the benchmark colour in the experience band of @layout. */
static guint
count_benchmark_pixels (TpsMapLayout *layout)
{
  cairo_surface_t *surface;
  cairo_rectangle_t band;
  cairo_t *cr;
  TpsColor c;
  double width, height;
  guint count = 0;

  tps_palette_get (TPS_PALETTE_CURVE_BENCHMARK, FALSE, &c);
  tps_map_layout_get_size (layout, &width, &height);
  tps_map_layout_get_band_rect (layout, &band);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  tps_map_render (cr, layout, 1.0, NULL, NULL);
  cairo_destroy (cr);

  for (int y = (int) band.y; y < (int) (band.y + band.height); y++)
    for (int x = (int) band.x; x < (int) (band.x + band.width); x++)
      {
        guint32 pixel = pixel_at (surface, x, y);

        count += abs ((int) ((pixel >> 16) & 0xff) - (int) round (c.red * 255)) <= 8
                 && abs ((int) ((pixel >> 8) & 0xff) - (int) round (c.green * 255)) <= 8
                 && abs ((int) (pixel & 0xff) - (int) round (c.blue * 255)) <= 8;
      }

  cairo_surface_destroy (surface);
  return count;
}

/* The comparator's curve is drawn in the band, in its own colour: lines
 * and squares of it appear only when a comparator is chosen.
 */
static void
test_benchmark_curve_drawn (void)
{
  g_autoptr(TpsProject) project = load_example (examples[1]);
  TpsMapLayoutOptions layout_options;
  g_autoptr(TpsMapLayout) plain = tps_map_layout_new (project, NULL);
  g_autoptr(TpsMapLayout) layout = NULL;
  guint n, without, with;

  tps_map_layout_options_init (&layout_options);
  layout_options.comparator_id = "cmp-online-retailer";
  layout = tps_map_layout_new (project, &layout_options);
  tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &n);
  g_assert_cmpuint (n, >, 0);

  without = count_benchmark_pixels (plain);
  with = count_benchmark_pixels (layout);
  /* at least a few pixels of line per point */
  g_assert_cmpuint (with, >, without + 20 * n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-renderer/benchmark-curve-drawn", test_benchmark_curve_drawn);
  g_test_add_func ("/map-renderer/examples/render-without-errors", test_render_examples);
  g_test_add_func ("/map-renderer/cards/painpoint-chip-colour", test_painpoint_chip_colour);
  g_test_add_func ("/map-renderer/clip/limits-drawing", test_clip_limits_drawing);
  g_test_add_func ("/map-renderer/clip/curves-match-whole", test_clip_curves_match_whole);
  g_test_add_func ("/map-renderer/trend/direction-per-metric", test_trend_direction);
  g_test_add_func ("/map-renderer/export/png-size-follows-dpi", test_png_size_follows_dpi);

  return g_test_run ();
}
