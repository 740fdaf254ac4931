/* tps-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "tps-draw-private.h"
#include "tps-palette.h"

/* Unhinted metrics make text widths scale linearly with the zoom, so what
 * fits at 100 % fits at 37 % and in a PDF.
 */
void
tps_draw_setup_pango_context (PangoContext *context)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

/* Returns: (transfer full): the drawing font at @size units, absolute, so
 * the resolution of the target does not change it
 */
PangoFontDescription *
tps_draw_font_new (double      size,
                   PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_from_string (TPS_DRAW_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

/* Returns: (transfer full): an empty layout for @cr in the drawing font */
PangoLayout *
tps_draw_layout_new (cairo_t  *cr,
                     double    size,
                     gboolean  bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font =
    tps_draw_font_new (size, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  pango_layout_set_font_description (layout, font);
  return layout;
}

double
tps_draw_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

double
tps_draw_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* Shows @text in @layout as one line, aligned on @x by @xalign (0 left,
 * 0.5 centre, 1 right) and vertically centred on @cy; ellipsized to @width
 * when that is positive. Returns the width in whole pixels it took.
 */
double
tps_draw_text_line (cairo_t     *cr,
                    PangoLayout *layout,
                    const char  *text,
                    double       x,
                    double       cy,
                    double       xalign,
                    double       width)
{
  int w, h;

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - xalign * w, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return w;
}

void
tps_draw_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   w,
                       double   h,
                       double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The moment-of-truth shape; each renderer picks its own proportions. */
void
tps_draw_path_diamond (cairo_t *cr,
                       double   cx,
                       double   cy,
                       double   half_width,
                       double   half_height)
{
  cairo_move_to (cr, cx, cy - half_height);
  cairo_line_to (cr, cx + half_width, cy);
  cairo_line_to (cr, cx, cy + half_height);
  cairo_line_to (cr, cx - half_width, cy);
  cairo_close_path (cr);
}

/* The painpoint shape: a triangle standing on its tip at (@cx, @bottom). */
void
tps_draw_path_triangle_down (cairo_t *cr,
                             double   cx,
                             double   top,
                             double   bottom,
                             double   half_width)
{
  cairo_move_to (cr, cx - half_width, top);
  cairo_line_to (cr, cx + half_width, top);
  cairo_line_to (cr, cx, bottom);
  cairo_close_path (cr);
}

static void
path_heart (cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  double s = size / 2;

  cairo_move_to (cr, x, y + s * 0.9);
  cairo_curve_to (cr, x - s * 0.2, y + s * 0.7, x - s, y + s * 0.15, x - s, y - s * 0.3);
  cairo_curve_to (cr, x - s, y - s * 0.85, x - s * 0.45, y - s, x - s * 0.05, y - s * 0.55);
  cairo_line_to (cr, x, y - s * 0.45);
  cairo_line_to (cr, x + s * 0.05, y - s * 0.55);
  cairo_curve_to (cr, x + s * 0.45, y - s, x + s, y - s * 0.85, x + s, y - s * 0.3);
  cairo_curve_to (cr, x + s, y + s * 0.15, x + s * 0.2, y + s * 0.7, x, y + s * 0.9);
  cairo_close_path (cr);
}

/**
 * tps_draw_path_moment:
 *
 * Adds the shape of @moment, centred on (@x, @y) within a box of @size,
 * to the current path: a painpoint is a triangle on its tip, a lovepoint a
 * heart, a moment of truth a diamond, a touchpoint with none a dot. The
 * map's badges and curve marks, the analysis charts and the report all
 * draw moments with it, so each reads the same, with or without colour.
 */
void
tps_draw_path_moment (cairo_t   *cr,
                      TpsMoment  moment,
                      double     x,
                      double     y,
                      double     size)
{
  switch (moment)
    {
    case TPS_MOMENT_PAINPOINT:
      {
        double cy = y + size * 0.04, h = size * 0.86;

        tps_draw_path_triangle_down (cr, x, cy - h / 2, cy + h / 2, size / 2);
      }
      break;

    case TPS_MOMENT_LOVEPOINT:
      path_heart (cr, x, y, size);
      break;

    case TPS_MOMENT_OF_TRUTH:
      {
        double s = size * 1.08 / 2;

        tps_draw_path_diamond (cr, x, y, s * 0.8, s);
      }
      break;

    case TPS_MOMENT_NONE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size * 0.425, 0, 2 * G_PI);
      break;
    }
}

/**
 * tps_draw_rating_chip:
 *
 * Fills the chip of a rating (−2 … +2): a pill of @width × @height at
 * (@x, @y) in the rating's colour. The label goes on top in
 * tps_palette_rating_text()'s colour, drawn by the caller (the map routes
 * its text through its own text output). The map's cards, legend and
 * lanes and the report's tables use it.
 */
void
tps_draw_rating_chip (cairo_t  *cr,
                      int       rating,
                      gboolean  dark,
                      double    x,
                      double    y,
                      double    width,
                      double    height)
{
  TpsColor fill;

  tps_palette_rating (rating, dark, &fill);
  tps_draw_rounded_rect (cr, x, y, width, height, height / 2);
  tps_color_set_source (cr, &fill, 1.0);
  cairo_fill (cr);
}
