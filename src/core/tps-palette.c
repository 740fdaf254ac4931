/* tps-palette.c
 *
 * Colours chosen so that a printed map reads for people with the common
 * colour-vision deficiencies: the rating ramp runs from a warm, dark
 * vermillion through amber and grey to teal and a dark blue, so the two
 * ends differ in lightness as well as hue, and every moment badge has its
 * own shape on top of its colour. Dark variants keep the hues but lift the
 * lightness so they stand out on a dark page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

/* [role][dark] */
static const TpsColor roles[TPS_PALETTE_N_ROLES][2] = {
  [TPS_PALETTE_PAGE]          = { RGB (0xfbfaf8), RGB (0x1d1d20) },
  [TPS_PALETTE_LANE_ALT]      = { RGB (0xf2f0ec), RGB (0x242428) },
  [TPS_PALETTE_HEADER]        = { RGB (0x36323e), RGB (0x3b3a44) },
  [TPS_PALETTE_HEADER_ALT]    = { RGB (0x4a4553), RGB (0x474652) },
  [TPS_PALETTE_HEADER_TEXT]   = { RGB (0xffffff), RGB (0xf6f5f4) },
  [TPS_PALETTE_GRID]          = { RGB (0xd6d3cc), RGB (0x3c3c43) },
  [TPS_PALETTE_CARD]          = { RGB (0xffffff), RGB (0x323238) },
  [TPS_PALETTE_CARD_BORDER]   = { RGB (0xcfcbc3), RGB (0x4a4a52) },
  [TPS_PALETTE_SHADOW]        = { RGBA (0x3d3226, 0.10), RGBA (0x000000, 0.35) },
  [TPS_PALETTE_TEXT]          = { RGB (0x1f1e24), RGB (0xf1f0ee) },
  [TPS_PALETTE_TEXT_MUTED]    = { RGB (0x66636b), RGB (0xa9a7ae) },
  [TPS_PALETTE_ACCENT]        = { RGB (0x1c71d8), RGB (0x78aeed) },
  [TPS_PALETTE_HIGHLIGHT]     = { RGB (0xe5a50a), RGB (0xf6d32d) },
  [TPS_PALETTE_BAND]          = { RGB (0xffffff), RGB (0x26262b) },
  [TPS_PALETTE_CURVE_IST]     = { RGB (0x26242c), RGB (0xf1f0ee) },
  [TPS_PALETTE_CURVE_SOLL]    = { RGB (0x6d6a75), RGB (0xb9b6c0) },
  [TPS_PALETTE_CURVE_BENCHMARK] = { RGB (0x813d9c), RGB (0xdc8add) },
  [TPS_PALETTE_GAP_SHORTFALL] = { RGBA (0xd9622b, 0.22), RGBA (0xf08a4b, 0.28) },
  [TPS_PALETTE_GAP_SURPLUS]   = { RGBA (0x2e9c8f, 0.22), RGBA (0x3ab3a3, 0.28) },
  [TPS_PALETTE_TREND_BETTER]  = { RGB (0x1f7f73), RGB (0x4cc3b2) },
  [TPS_PALETTE_TREND_WORSE]   = { RGB (0xbf3f1c), RGB (0xf07a52) },
  [TPS_PALETTE_TREND_NEUTRAL] = { RGB (0x66636b), RGB (0xa9a7ae) },
  [TPS_PALETTE_CHANGE_ADDED]  = { RGB (0x2ec27e), RGB (0x57e389) },
  [TPS_PALETTE_CHANGE_REMOVED] = { RGB (0xc01c28), RGB (0xf66151) },
  [TPS_PALETTE_CHANGE_CHANGED] = { RGB (0x9141ac), RGB (0xc061cb) },
  [TPS_PALETTE_OVERDUE]       = { RGB (0xc01c28), RGB (0xff7b63) },
  [TPS_PALETTE_PLAN_HEADER]   = { RGB (0xe6e3dd), RGB (0x2e2e33) },
  [TPS_PALETTE_PLAN_GROUP]    = { RGB (0xebe8e2), RGB (0x2a2a2f) },
  [TPS_PALETTE_GRID_STRONG]   = { RGB (0xb9b4aa), RGB (0x55555e) },
  [TPS_PALETTE_DIVIDER]       = { RGB (0x8f8a80), RGB (0x77767b) },
  [TPS_PALETTE_MARKER_TEXT]   = { RGB (0x1f1e24), RGB (0x121214) },
};

/* Status colours of measures, [status][dark]. Neighbouring stages of a
 * measure's life (planned → in progress, rolled out → done) share a hue
 * family but differ in lightness; ideas and dropped measures are grey
 * (cool and warm) so that the plan's real work stands out. Every one keeps
 * 3:1 against the page and the matrix's quadrants (tests/test-palette.c).
 */
static const TpsColor measure_statuses[TPS_MEASURE_STATUS_DROPPED + 1][2] = {
  [TPS_MEASURE_STATUS_IDEA]        = { RGB (0x77767b), RGB (0x9a9aa0) },
  [TPS_MEASURE_STATUS_PLANNED]     = { RGB (0x3a7bd5), RGB (0x5f95d6) },
  [TPS_MEASURE_STATUS_IN_PROGRESS] = { RGB (0x1a4f9c), RGB (0x8cbcf2) },
  [TPS_MEASURE_STATUS_PILOT]       = { RGB (0x8a3fb0), RGB (0xb97fd6) },
  [TPS_MEASURE_STATUS_ROLLED_OUT]  = { RGB (0x1f8576), RGB (0x3ab3a3) },
  [TPS_MEASURE_STATUS_DONE]        = { RGB (0x3f6f2f), RGB (0x7fb069) },
  [TPS_MEASURE_STATUS_DROPPED]     = { RGB (0x857a72), RGB (0x9c928b) },
};

/* The effort matrix's quadrants (quick wins, major projects, fill-ins,
 * time sinks), [quadrant][dark]: their names, the quick-win ring and,
 * translucent, their tint.
 */
static const TpsColor quadrants[4][2] = {
  { RGB (0x1f7a45), RGB (0x57e389) },
  { RGB (0x1a5fb4), RGB (0x78aeed) },
  { RGB (0x5e5c64), RGB (0xa9a7ae) },
  { RGB (0xa33a00), RGB (0xffa348) },
};

/* [rating + 2][dark] */
static const TpsColor ratings[5][2] = {
  { RGB (0xbf3f1c), RGB (0xe9673f) },  /* very disappointing: vermillion */
  { RGB (0xe8a23a), RGB (0xf0b553) },  /* disappointing: amber */
  { RGB (0xbdbfc4), RGB (0x80848c) },  /* okay: neutral grey */
  { RGB (0x1e8072), RGB (0x3ab3a3) },  /* delightful: teal */
  { RGB (0x1d4f86), RGB (0x5d9bdc) },  /* very delightful: deep blue */
};

static const TpsColor rating_texts[5][2] = {
  { RGB (0xffffff), RGB (0x161418) },
  { RGB (0x3a2400), RGB (0x161418) },
  { RGB (0x25262b), RGB (0x0f0f12) },
  { RGB (0xffffff), RGB (0x0f1716) },
  { RGB (0xffffff), RGB (0x0c1420) },
};

/* [moment][dark] */
static const TpsColor moments[4][2] = {
  [TPS_MOMENT_NONE]      = { RGB (0x66636b), RGB (0xa9a7ae) },
  [TPS_MOMENT_LOVEPOINT] = { RGB (0xb8407f), RGB (0xec7cb8) },  /* reddish purple */
  [TPS_MOMENT_PAINPOINT] = { RGB (0xc8461c), RGB (0xf07a52) },  /* vermillion */
  [TPS_MOMENT_OF_TRUTH]  = { RGB (0x5b3fa6), RGB (0xa68ae8) },  /* violet */
};

/* [kind][dark] */
static const TpsColor channel_kinds[3][2] = {
  [TPS_CHANNEL_KIND_ONLINE]  = { RGB (0x3a74c4), RGB (0x6fa3e8) },
  [TPS_CHANNEL_KIND_OFFLINE] = { RGB (0x9a6a38), RGB (0xd09a60) },
  [TPS_CHANNEL_KIND_HYBRID]  = { RGB (0x5f8a3e), RGB (0x8fc06a) },
};

void
tps_palette_get (TpsPaletteRole  role,
                 gboolean        dark,
                 TpsColor       *color)
{
  g_return_if_fail (role < TPS_PALETTE_N_ROLES);
  g_return_if_fail (color != NULL);

  *color = roles[role][!!dark];
}

/* Ratings outside -2..+2 are clamped: a chip always has a colour. */
void
tps_palette_rating (int       rating,
                    gboolean  dark,
                    TpsColor *color)
{
  g_return_if_fail (color != NULL);

  *color = ratings[CLAMP (rating, TPS_RATING_MIN, TPS_RATING_MAX) - TPS_RATING_MIN][!!dark];
}

/* The colour of text drawn on a rating fill; at least 4.5:1 against it. */
void
tps_palette_rating_text (int       rating,
                         gboolean  dark,
                         TpsColor *color)
{
  g_return_if_fail (color != NULL);

  *color = rating_texts[CLAMP (rating, TPS_RATING_MIN, TPS_RATING_MAX) - TPS_RATING_MIN][!!dark];
}

void
tps_palette_moment (TpsMoment  moment,
                    gboolean   dark,
                    TpsColor  *color)
{
  g_return_if_fail (color != NULL);

  if ((guint) moment >= G_N_ELEMENTS (moments))
    moment = TPS_MOMENT_NONE;
  *color = moments[moment][!!dark];
}

void
tps_palette_channel_kind (TpsChannelKind  kind,
                          gboolean        dark,
                          TpsColor       *color)
{
  g_return_if_fail (color != NULL);

  if ((guint) kind >= G_N_ELEMENTS (channel_kinds))
    kind = TPS_CHANNEL_KIND_HYBRID;
  *color = channel_kinds[kind][!!dark];
}

void
tps_palette_measure_status (TpsMeasureStatus  status,
                            gboolean          dark,
                            TpsColor         *color)
{
  g_return_if_fail (color != NULL);

  if ((guint) status >= G_N_ELEMENTS (measure_statuses))
    status = TPS_MEASURE_STATUS_IDEA;
  *color = measure_statuses[status][!!dark];
}

void
tps_palette_quadrant (guint     quadrant,
                      gboolean  dark,
                      TpsColor *color)
{
  g_return_if_fail (quadrant < G_N_ELEMENTS (quadrants));
  g_return_if_fail (color != NULL);

  *color = quadrants[quadrant][!!dark];
}

/**
 * tps_palette_persona_color:
 *
 * Returns: (transfer none): the colour, as "#rrggbb", that the @index-th
 *   new persona gets (GNOME's palette: blue, orange, green, purple...)
 */
const char *
tps_palette_persona_color (guint index)
{
  static const char * const colors[] = {
    "#3584e4", "#e66100", "#26a269", "#9141ac", "#c64600", "#1c71d8",
  };

  return colors[index % G_N_ELEMENTS (colors)];
}

/* Sets @role's colour, in the light or @dark scheme, as @cr's source. */
void
tps_palette_set_source (cairo_t        *cr,
                        TpsPaletteRole  role,
                        gboolean        dark,
                        double          opacity)
{
  TpsColor color;

  tps_palette_get (role, dark, &color);
  tps_color_set_source (cr, &color, opacity);
}

void
tps_color_set_source (cairo_t        *cr,
                      const TpsColor *color,
                      double          opacity)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * opacity);
}

/* "#rrggbb" or "rgba(r,g,b,a)", for CSS and SVG. */
char *
tps_color_to_string (const TpsColor *color)
{
  int r = (int) (color->red * 255 + 0.5);
  int g = (int) (color->green * 255 + 0.5);
  int b = (int) (color->blue * 255 + 0.5);
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];

  if (color->alpha >= 1.0)
    return g_strdup_printf ("#%02x%02x%02x", r, g, b);

  /* CSS wants a dot whatever the locale says. */
  g_ascii_formatd (alpha, sizeof alpha, "%.3g", color->alpha);
  return g_strdup_printf ("rgba(%d,%d,%d,%s)", r, g, b, alpha);
}
