/* tps-analysis-charts.c
 *
 * The charts' common painting; each chart is in a file of its own
 * (tps-analysis-matrix.c, tps-analysis-gap.c, tps-analysis-kpi.c).
 *
 * Each chart is computed in two passes: a layout pass that measures text
 * and places every item, and a drawing pass over that layout. Hit testing
 * runs the same layout pass without drawing, so a click always finds what
 * was drawn under it. Text is measured with unhinted metrics in a pango
 * context of our own, never the target's, so a chart laid out for the
 * screen lays out identically in a PDF.
 *
 * Importance and ratings are whole numbers, so many touchpoints share a
 * point of the matrix. Instead of scattering markers that would hide each
 * other, each cell of the matrix lists its touchpoints as rows of marker
 * and label: nothing overlaps, and every touchpoint is named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "tps-analysis-charts-private.h"
#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-palette.h"


/* Painting ------------------------------------------------------------------ */


static const TpsAnalysisChartOptions default_options = { 0 };

void
tps_analysis_chart_options_init (TpsAnalysisChartOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = default_options;
}

void
tps_chart_painter_init (Painter                       *p,
                        cairo_t                       *cr,
                        const TpsAnalysisChartOptions *options)
{
  p->cr = cr;
  p->options = options != NULL ? options : &default_options;
  p->dark = p->options->dark;
  p->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  /* Unhinted metrics: text is as wide in a PDF as on the screen. */
  tps_draw_setup_pango_context (p->context);
}

void
tps_chart_painter_clear (Painter *p)
{
  g_clear_object (&p->context);
}

void
tps_chart_set_role (Painter        *p,
                    TpsPaletteRole  role,
                    double          opacity)
{
  tps_palette_set_source (p->cr, role, p->dark, opacity);
}

void
tps_chart_set_color (Painter        *p,
                     const TpsColor *color,
                     double          opacity)
{
  tps_color_set_source (p->cr, color, opacity);
}

/* A layout of @text at @size units; @width > 0 wraps at that width and
 * ellipsises after @max_lines lines (0: one line, ellipsised).
 */
PangoLayout *
tps_chart_text_new (Painter     *p,
                    const char  *text,
                    double       size,
                    PangoWeight  weight,
                    double       width,
                    int          max_lines)
{
  PangoLayout *layout = pango_layout_new (p->context);
  PangoFontDescription *font = tps_draw_font_new (size, weight);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }

  return layout;
}

void
tps_chart_text_show (Painter     *p,
                     PangoLayout *layout,
                     double       x,
                     double       y)
{
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
}

void
tps_chart_fill_background (Painter *p,
                           double   width,
                           double   height)
{
  if (p->options->transparent)
    return;

  tps_chart_set_role (p, TPS_PALETTE_PAGE, 1.0);
  cairo_rectangle (p->cr, 0, 0, width, height);
  cairo_fill (p->cr);
}

gboolean
tps_chart_rect_contains (const cairo_rectangle_t *r,
                         double                   x,
                         double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* A filled shape in the moment's colour; a touchpoint planned as new is
 * drawn hollow: it does not exist yet.
 */
void
tps_chart_draw_marker (Painter   *p,
                       TpsMoment  moment,
                       gboolean   hollow,
                       double     x,
                       double     y,
                       double     size)
{
  cairo_t *cr = p->cr;
  TpsColor color;

  tps_palette_moment (moment, p->dark, &color);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  tps_draw_path_moment (cr, moment, x, y, size);
  if (hollow)
    {
      tps_chart_set_role (p, TPS_PALETTE_PAGE, 1.0);
      cairo_fill_preserve (cr);
      tps_chart_set_color (p, &color, 1.0);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
    }
  else
    {
      tps_chart_set_color (p, &color, 1.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

const char *
tps_chart_title_or_untitled (TpsTouchpoint *touchpoint)
{
  const char *title = tps_touchpoint_get_title (touchpoint);

  return title != NULL && *title != '\0' ? title : _("Untitled touchpoint");
}

void
tps_chart_draw_centered_message (Painter                 *p,
                                 const cairo_rectangle_t *area,
                                 const char              *message)
{
  g_autoptr(PangoLayout) layout = tps_chart_text_new (p, message, 13, PANGO_WEIGHT_NORMAL,
                                                      MIN (area->width - 40, 420), 4);
  double w = tps_draw_text_width (layout), h = tps_draw_text_height (layout);
  double bx = area->x + (area->width - w) / 2 - 16, by = area->y + (area->height - h) / 2 - 10;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  tps_draw_rounded_rect (p->cr, bx, by, w + 32, h + 20, 8);
  tps_chart_set_role (p, TPS_PALETTE_CARD, 0.92);
  cairo_fill_preserve (p->cr);
  tps_chart_set_role (p, TPS_PALETTE_CARD_BORDER, 1.0);
  cairo_set_line_width (p->cr, 1.0);
  cairo_stroke (p->cr);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, layout, bx + 16, by + 10);
}
