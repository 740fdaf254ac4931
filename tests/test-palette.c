/* test-palette.c — every colour reads, in light and in dark style
 *
 * WCAG 2.1 AA contrast over the colours the map, the timeline and the
 * impact/effort matrix draw with: 4.5:1 for text, 3:1 for marks (badges,
 * curves, bars, markers) against what they are drawn on. Translucent
 * backgrounds are composed over the page first, as cairo does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tps-effort-matrix.h"
#include "tps-palette.h"
#include "tps-timeline.h"

#define TEXT_CONTRAST 4.5
#define MARK_CONTRAST 3.0

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const TpsColor *c)
{
  return 0.2126 * channel_luminance (c->red) + 0.7152 * channel_luminance (c->green)
         + 0.0722 * channel_luminance (c->blue);
}

static double
contrast (const TpsColor *a,
          const TpsColor *b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @top at @opacity (times its own alpha) over an opaque @bottom. */
static TpsColor
over (const TpsColor *top,
      double          opacity,
      const TpsColor *bottom)
{
  double a = top->alpha * opacity;

  return (TpsColor) { top->red * a + bottom->red * (1 - a),
                      top->green * a + bottom->green * (1 - a),
                      top->blue * a + bottom->blue * (1 - a), 1 };
}

static TpsColor
role (TpsPaletteRole r,
      gboolean       dark)
{
  TpsColor c;

  tps_palette_get (r, dark, &c);
  return c;
}

static TpsColor
status_color (TpsMeasureStatus status,
              gboolean         dark)
{
  TpsColor c;

  tps_palette_measure_status (status, dark, &c);
  return c;
}

static void
check (GPtrArray      *problems,
       const char     *what,
       gboolean        dark,
       const TpsColor *fg,
       const TpsColor *bg,
       double          needed)
{
  double ratio = contrast (fg, bg);
  g_autofree char *f = tps_color_to_string (fg);
  g_autofree char *b = tps_color_to_string (bg);

  if (ratio + 1e-6 < needed)
    g_ptr_array_add (problems, g_strdup_printf ("%s (%s): %s on %s is %.2f:1, needs %.1f:1",
                                                what, dark ? "dark" : "light", f, b, ratio,
                                                needed));
}

static void
check_map (GPtrArray *problems,
           gboolean   dark)
{
  TpsPaletteRole grounds[] = { TPS_PALETTE_PAGE, TPS_PALETTE_LANE_ALT, TPS_PALETTE_CARD };
  TpsColor band = role (TPS_PALETTE_BAND, dark);

  for (guint i = 0; i < G_N_ELEMENTS (grounds); i++)
    {
      TpsColor bg = role (grounds[i], dark);
      TpsColor text = role (TPS_PALETTE_TEXT, dark);
      TpsColor muted = role (TPS_PALETTE_TEXT_MUTED, dark);
      TpsColor accent = role (TPS_PALETTE_ACCENT, dark);

      check (problems, "text", dark, &text, &bg, TEXT_CONTRAST);
      check (problems, "muted text", dark, &muted, &bg, TEXT_CONTRAST);
      check (problems, "selection and focus", dark, &accent, &bg, MARK_CONTRAST);
    }

  for (TpsPaletteRole header = TPS_PALETTE_HEADER; header <= TPS_PALETTE_HEADER_ALT; header++)
    {
      TpsColor bg = role (header, dark);
      TpsColor text = role (TPS_PALETTE_HEADER_TEXT, dark);

      check (problems, "stage name", dark, &text, &bg, TEXT_CONTRAST);
    }

  for (int rating = -2; rating <= 2; rating++)
    {
      TpsColor fill, text;

      tps_palette_rating (rating, dark, &fill);
      tps_palette_rating_text (rating, dark, &text);
      check (problems, "rating label", dark, &text, &fill, TEXT_CONTRAST);
    }

  for (TpsMoment moment = TPS_MOMENT_LOVEPOINT; moment <= TPS_MOMENT_OF_TRUTH; moment++)
    {
      TpsColor badge, card = role (TPS_PALETTE_CARD, dark);

      tps_palette_moment (moment, dark, &badge);
      check (problems, "moment badge", dark, &badge, &card, MARK_CONTRAST);
    }

  for (TpsChannelKind kind = 0; kind <= TPS_CHANNEL_KIND_HYBRID; kind++)
    {
      TpsColor mark, page = role (TPS_PALETTE_PAGE, dark);

      tps_palette_channel_kind (kind, dark, &mark);
      check (problems, "channel kind", dark, &mark, &page, MARK_CONTRAST);
    }

  for (TpsPaletteRole r = TPS_PALETTE_CURVE_IST; r <= TPS_PALETTE_CURVE_SOLL; r++)
    {
      TpsColor curve = role (r, dark);

      check (problems, "experience curve", dark, &curve, &band, MARK_CONTRAST);
    }

  for (TpsPaletteRole r = TPS_PALETTE_TREND_BETTER; r <= TPS_PALETTE_TREND_NEUTRAL; r++)
    {
      TpsColor arrow = role (r, dark), card = role (TPS_PALETTE_CARD, dark);

      check (problems, "KPI trend arrow", dark, &arrow, &card, MARK_CONTRAST);
    }
}

/* Markers in the impact/effort matrix sit on their quadrant's tint, done
 * and dropped ones too: none may vanish.
 */
static void
check_matrix (GPtrArray *problems,
              gboolean   dark)
{
  TpsColor page = role (TPS_PALETTE_PAGE, dark);

  for (TpsQuadrant q = 0; q < TPS_N_QUADRANTS; q++)
    {
      TpsColor name, tint, ground;

      tps_quadrant_get_color (q, dark, &name);
      tps_quadrant_get_tint (q, dark, &tint);
      ground = over (&tint, 1, &page);
      check (problems, tps_quadrant_get_label (q), dark, &name, &page, TEXT_CONTRAST);

      for (TpsMeasureStatus s = TPS_MEASURE_STATUS_IDEA; s <= TPS_MEASURE_STATUS_DROPPED; s++)
        {
          TpsColor drawn = status_color (s, dark);
          g_autofree char *what = g_strdup_printf ("matrix marker (status %d) in %s", s,
                                                   tps_quadrant_get_label (q));

          check (problems, what, dark, &drawn, &ground, MARK_CONTRAST);
        }
    }
}

static void
check_timeline (GPtrArray *problems,
                gboolean   dark)
{
  TpsColor page = role (TPS_PALETTE_PAGE, dark);

  for (TpsMeasureStatus s = TPS_MEASURE_STATUS_IDEA; s <= TPS_MEASURE_STATUS_DROPPED; s++)
    {
      TpsColor bar = status_color (s, dark);
      g_autofree char *what = g_strdup_printf ("timeline bar (status %d)", s);

      check (problems, what, dark, &bar, &page, MARK_CONTRAST);
    }
}

static void
test_contrast (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  check_map (problems, dark);
  check_matrix (problems, dark);
  check_timeline (problems, dark);

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      g_autofree char *list = g_strjoinv ("\n  ", (char **) problems->pdata);
      g_error ("Colours below WCAG AA:\n  %s", list);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/palette/contrast/light", GINT_TO_POINTER (FALSE), test_contrast);
  g_test_add_data_func ("/palette/contrast/dark", GINT_TO_POINTER (TRUE), test_contrast);

  return g_test_run ();
}
