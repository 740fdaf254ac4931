/* tps-map-paint.c — the map's drawing vocabulary
 *
 * What every part of the map is drawn with: colours from tps-palette, text
 * that stays legible when zoomed out, moment shapes, rating chips, entry
 * and exit marks, the kinds of channels, measure and trend marks, curve
 * styles and the legend's icons. tps-map-renderer.c draws the map with
 * them, tps-map-band.c the experience band.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-map-renderer-private.h"
#include "tps-palette.h"

#define MIN_SCREEN_TEXT  11.0

void
tps_map_render_options_init (TpsMapRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->moment_filter = -1;
  options->status_filter = -1;
}

/* Whether the filters in @options leave @touchpoint out. */
gboolean
tps_map_render_options_dims (const TpsMapRenderOptions *options,
                             TpsTouchpoint             *touchpoint)
{
  if (options->persona_filter != NULL && *options->persona_filter != '\0'
      && !tps_touchpoint_has_persona (touchpoint, options->persona_filter))
    return TRUE;

  if (options->moment_filter >= 0
      && (int) tps_touchpoint_get_moment (touchpoint) != options->moment_filter)
    return TRUE;

  if (options->status_filter >= 0
      && (int) tps_touchpoint_get_status (touchpoint) != options->status_filter)
    return TRUE;

  return FALSE;
}

void
tps_map_paint_set_color (Painter        *p,
                         TpsPaletteRole  role,
                         double          opacity)
{
  tps_palette_set_source (p->cr, role, p->dark, opacity);
}

gboolean
tps_map_paint_visible (Painter                 *p,
                       const cairo_rectangle_t *rect,
                       double                   bleed)
{
  return rect->x - bleed < p->clip.x + p->clip.width
         && rect->x + rect->width + bleed > p->clip.x
         && rect->y - bleed < p->clip.y + p->clip.height
         && rect->y + rect->height + bleed > p->clip.y;
}

PangoLayout *
tps_map_paint_text_new (Painter         *p,
                        TpsMapTextStyle  style,
                        const char      *text,
                        double           width,
                        int              max_lines)
{
  return tps_map_text_new (p->pango, style, text, width, max_lines);
}

/* A name that must stay legible when zoomed out: its size grows so that
 * it is never smaller than MIN_SCREEN_TEXT pixels on screen.
 */
PangoLayout *
tps_map_paint_text_new_legible (Painter         *p,
                                TpsMapTextStyle  style,
                                const char      *text,
                                double           width,
                                int              max_lines)
{
  PangoLayout *layout = tps_map_paint_text_new (p, style, text, width, max_lines);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (p->greek && size * p->zoom < MIN_SCREEN_TEXT)
    {
      PangoFontDescription *bigger = pango_font_description_copy (font);

      pango_font_description_set_absolute_size (bigger, MIN_SCREEN_TEXT / p->zoom * PANGO_SCALE);
      pango_layout_set_font_description (layout, bigger);
      pango_layout_set_height (layout, -1);
      pango_font_description_free (bigger);
    }

  return layout;
}

/* Shows @layout at the current point; an export that keeps text as text
 * (SVG) takes the layout instead of its glyphs.
 */
void
tps_map_paint_show_layout (Painter     *p,
                           PangoLayout *layout)
{
  if (p->options->show_text != NULL)
    p->options->show_text (p->cr, layout, p->options->show_text_data);
  else
    pango_cairo_show_layout (p->cr, layout);
}

/* Shows @layout, or at small zooms grey bars where its lines are. */
void
tps_map_paint_show_text (Painter     *p,
                         PangoLayout *layout,
                         double       x,
                         double       y,
                         gboolean     may_greek)
{
  if (p->greek && may_greek)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);

      do
        {
          PangoRectangle ink, logical;

          pango_layout_iter_get_line_extents (iter, &ink, &logical);
          if (ink.width > 0)
            {
              double lh = logical.height / (double) PANGO_SCALE;

              tps_draw_rounded_rect (p->cr, x + ink.x / (double) PANGO_SCALE,
                                     y + logical.y / (double) PANGO_SCALE + lh * 0.25,
                                     ink.width / (double) PANGO_SCALE, lh * 0.5, lh * 0.25);
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      cairo_save (p->cr);
      {
        cairo_pattern_t *source = cairo_get_source (p->cr);
        double r, g, b, a;

        if (cairo_pattern_get_rgba (source, &r, &g, &b, &a) == CAIRO_STATUS_SUCCESS)
          cairo_set_source_rgba (p->cr, r, g, b, a * 0.35);
      }
      cairo_fill (p->cr);
      cairo_restore (p->cr);
      return;
    }

  cairo_move_to (p->cr, x, y);
  tps_map_paint_show_layout (p, layout);
}

/* Shapes, drawn centred on (x, y) within a box of @size. Each moment has
 * its own shape so the map reads without colour.
 */

void
tps_map_paint_draw_moment_shape (Painter   *p,
                                 TpsMoment  moment,
                                 double     x,
                                 double     y,
                                 double     size,
                                 gboolean   outline)
{
  cairo_t *cr = p->cr;
  TpsColor color, page;

  tps_palette_moment (moment, p->dark, &color);
  tps_palette_get (TPS_PALETTE_CARD, p->dark, &page);
  if (moment == TPS_MOMENT_NONE)
    return;

  cairo_new_path (cr);
  tps_draw_path_moment (cr, moment, x, y, size);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (outline)
    {
      tps_color_set_source (cr, &page, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke_preserve (cr);
    }
  tps_color_set_source (cr, &color, 1.0);
  cairo_fill (cr);

  /* An exclamation mark in the painpoint, a spark in the moment of truth. */
  tps_color_set_source (cr, &page, 1.0);
  if (moment == TPS_MOMENT_PAINPOINT)
    {
      cairo_set_line_width (cr, size * 0.12);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x, y - size * 0.26);
      cairo_line_to (cr, x, y + size * 0.02);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + size * 0.17, size * 0.06, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (moment == TPS_MOMENT_OF_TRUTH)
    {
      double s = size * 0.42 / 2;

      tps_draw_path_diamond (cr, x, y, s * 0.8, s);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Entry: an arrow into a bar. Exit: an arrow out of a bar. */
void
tps_map_paint_draw_entry_exit (Painter  *p,
                               gboolean  entry,
                               double    x,
                               double    y,
                               double    size)
{
  cairo_t *cr = p->cr;
  double s = size / 2;
  double bar = entry ? x + s * 0.75 : x - s * 0.75;
  double from = entry ? x - s : x - s * 0.3;
  double to = entry ? x + s * 0.3 : x + s;

  cairo_save (cr);
  tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 0.85);
  cairo_set_line_width (cr, size * 0.13);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, bar, y - s * 0.85);
  cairo_line_to (cr, bar, y + s * 0.85);
  cairo_move_to (cr, from, y);
  cairo_line_to (cr, to, y);
  cairo_move_to (cr, to - s * 0.45, y - s * 0.45);
  cairo_line_to (cr, to, y);
  cairo_line_to (cr, to - s * 0.45, y + s * 0.45);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Online: a filled circle. Offline: a filled square. Hybrid: half of each. */
void
tps_map_paint_draw_kind_mark (Painter        *p,
                              TpsChannelKind  kind,
                              double          x,
                              double          y,
                              double          size)
{
  cairo_t *cr = p->cr;
  TpsColor color;
  double s = size / 2;

  tps_palette_channel_kind (kind, p->dark, &color);
  tps_color_set_source (cr, &color, 1.0);
  cairo_new_path (cr);

  switch (kind)
    {
    case TPS_CHANNEL_KIND_ONLINE:
      cairo_arc (cr, x, y, s, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case TPS_CHANNEL_KIND_OFFLINE:
      tps_draw_rounded_rect (cr, x - s * 0.9, y - s * 0.9, s * 1.8, s * 1.8, s * 0.25);
      cairo_fill (cr);
      break;
    case TPS_CHANNEL_KIND_HYBRID:
    default:
      cairo_arc (cr, x, y, s, G_PI / 2, 3 * G_PI / 2);
      cairo_line_to (cr, x + s * 0.9, y - s);
      cairo_line_to (cr, x + s * 0.9, y + s);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }
}

/* A measure: a small clipboard with a tick. */
void
tps_map_paint_draw_measure_icon (Painter *p,
                                 double   x,
                                 double   y,
                                 double   size)
{
  cairo_t *cr = p->cr;
  double s = size / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, size * 0.11);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  tps_draw_rounded_rect (cr, x - s * 0.75, y - s * 0.85, s * 1.5, s * 1.8, s * 0.25);
  cairo_stroke (cr);
  cairo_move_to (cr, x - s * 0.35, y + s * 0.05);
  cairo_line_to (cr, x - s * 0.05, y + s * 0.4);
  cairo_line_to (cr, x + s * 0.4, y - s * 0.3);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* An arrow up or down (the value's direction), coloured by whether that
 * is better or worse for the metric.
 */
void
tps_map_paint_draw_trend_arrow (Painter *p,
                                int      direction,
                                double   x,
                                double   y,
                                double   size)
{
  cairo_t *cr = p->cr;
  double s = size / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, size * 0.16);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (direction == 0)
    {
      cairo_move_to (cr, x - s, y);
      cairo_line_to (cr, x + s, y);
      cairo_move_to (cr, x + s * 0.4, y - s * 0.5);
      cairo_line_to (cr, x + s, y);
      cairo_line_to (cr, x + s * 0.4, y + s * 0.5);
    }
  else
    {
      double d = direction > 0 ? -1 : 1;

      cairo_move_to (cr, x, y - d * s);
      cairo_line_to (cr, x, y + d * s);
      cairo_move_to (cr, x - s * 0.55, y + d * s * 0.4);
      cairo_line_to (cr, x, y + d * s);
      cairo_line_to (cr, x + s * 0.55, y + d * s * 0.4);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A pill with the rating on it, in the rating's colour. Returns its width. */
double
tps_map_paint_draw_rating_chip (Painter  *p,
                                int       rating,
                                double    x,
                                double    y,
                                double    height,
                                gboolean  label_it)
{
  cairo_t *cr = p->cr;
  g_autofree char *text = tps_rating_format (rating);
  g_autoptr(PangoLayout) layout = tps_map_paint_text_new (p, TPS_MAP_TEXT_CHIP, text, -1, 0);
  TpsColor ink;
  double tw = tps_draw_text_width (layout);
  double th = tps_draw_text_height (layout);
  double w = MAX (tw + 16, height * 1.6);

  tps_palette_rating_text (rating, p->dark, &ink);
  tps_draw_rating_chip (cr, rating, p->dark, x, y, w, height);

  if (label_it && !p->greek)
    {
      tps_color_set_source (cr, &ink, 1.0);
      cairo_move_to (cr, x + (w - tw) / 2, y + (height - th) / 2);
      tps_map_paint_show_layout (p, layout);
    }

  return w;
}

/* Line width, dash and colour of each curve. Ist is solid and heavy, Soll
 * dashed, a comparator's curve dash-dotted in its own colour, so the three
 * differ in print without colour too. @offset is how far along the whole
 * curve the stroke starts, for the dash pattern.
 */
void
tps_map_paint_set_curve_style (Painter     *p,
                               TpsMapCurve  curve,
                               double       offset)
{
  static const double soll_dash[] = { 8, 6 };
  static const double benchmark_dash[] = { 12, 5, 2, 5 };
  cairo_t *cr = p->cr;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  switch (curve)
    {
    case TPS_MAP_CURVE_SOLL:
      cairo_set_dash (cr, soll_dash, 2, fmod (offset, soll_dash[0] + soll_dash[1]));
      cairo_set_line_width (cr, 2.5);
      tps_map_paint_set_color (p, TPS_PALETTE_CURVE_SOLL, 1.0);
      break;
    case TPS_MAP_CURVE_BENCHMARK:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, benchmark_dash, 4, fmod (offset, 24));
      cairo_set_line_width (cr, 2.5);
      tps_map_paint_set_color (p, TPS_PALETTE_CURVE_BENCHMARK, 1.0);
      break;
    case TPS_MAP_CURVE_IST:
    default:
      cairo_set_line_width (cr, 3.5);
      tps_map_paint_set_color (p, TPS_PALETTE_CURVE_IST, 1.0);
      break;
    }
}

/* A comparator's point: a hollow square, a shape neither Ist nor Soll use. */
void
tps_map_paint_draw_benchmark_mark (Painter *p,
                                   double   x,
                                   double   y,
                                   double   opacity)
{
  cairo_t *cr = p->cr;
  TpsColor page;

  tps_palette_get (TPS_PALETTE_BAND, p->dark, &page);
  cairo_new_path (cr);
  cairo_rectangle (cr, x - 4.5, y - 4.5, 9, 9);
  tps_color_set_source (cr, &page, 1.0);
  cairo_fill_preserve (cr);
  tps_map_paint_set_color (p, TPS_PALETTE_CURVE_BENCHMARK, opacity);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
}

/* Title and legend */

void
tps_map_paint_draw_legend_icon (Painter          *p,
                                TpsMapLegendItem  item,
                                double            x,
                                double            y)
{
  cairo_t *cr = p->cr;
  double cx = x + TPS_MAP_LEGEND_ICON / 2, cy = y;

  if (item >= TPS_MAP_LEGEND_RATING_MIN && item <= TPS_MAP_LEGEND_RATING_MAX)
    {
      tps_map_paint_draw_rating_chip (p, (int) item - TPS_MAP_LEGEND_RATING_MIN + TPS_RATING_MIN,
                                      x - 6, cy - 9, 18, TRUE);
      return;
    }

  switch (item)
    {
    case TPS_MAP_LEGEND_PAINPOINT:
      tps_map_paint_draw_moment_shape (p, TPS_MOMENT_PAINPOINT, cx, cy, 17, FALSE);
      break;
    case TPS_MAP_LEGEND_LOVEPOINT:
      tps_map_paint_draw_moment_shape (p, TPS_MOMENT_LOVEPOINT, cx, cy, 17, FALSE);
      break;
    case TPS_MAP_LEGEND_MOMENT_OF_TRUTH:
      tps_map_paint_draw_moment_shape (p, TPS_MOMENT_OF_TRUTH, cx, cy, 17, FALSE);
      break;
    case TPS_MAP_LEGEND_ENTRY:
      tps_map_paint_draw_entry_exit (p, TRUE, cx, cy, 16);
      break;
    case TPS_MAP_LEGEND_EXIT:
      tps_map_paint_draw_entry_exit (p, FALSE, cx, cy, 16);
      break;
    case TPS_MAP_LEGEND_NEW:
    case TPS_MAP_LEGEND_RETIRE:
      {
        static const double dash[] = { 4, 3 };

        tps_draw_rounded_rect (cr, x, cy - 8, TPS_MAP_LEGEND_ICON, 16, 4);
        tps_map_paint_set_color (p, TPS_PALETTE_CARD, item == TPS_MAP_LEGEND_RETIRE ? 0.5 : 1.0);
        cairo_fill_preserve (cr);
        cairo_save (cr);
        tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED,
                                 item == TPS_MAP_LEGEND_RETIRE ? 0.5 : 1.0);
        cairo_set_line_width (cr, 1.5);
        if (item == TPS_MAP_LEGEND_NEW)
          cairo_set_dash (cr, dash, 2, 0);
        cairo_stroke (cr);
        cairo_restore (cr);
        if (item == TPS_MAP_LEGEND_RETIRE)
          {
            tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 0.7);
            cairo_set_line_width (cr, 1.5);
            cairo_move_to (cr, x + 4, cy);
            cairo_line_to (cr, x + TPS_MAP_LEGEND_ICON - 4, cy);
            cairo_stroke (cr);
          }
      }
      break;
    case TPS_MAP_LEGEND_MEASURES:
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_map_paint_draw_measure_icon (p, cx, cy, 15);
      break;
    case TPS_MAP_LEGEND_TREND:
      tps_map_paint_set_color (p, TPS_PALETTE_TREND_BETTER, 1.0);
      tps_map_paint_draw_trend_arrow (p, 1, cx - 5, cy, 14);
      tps_map_paint_set_color (p, TPS_PALETTE_TREND_WORSE, 1.0);
      tps_map_paint_draw_trend_arrow (p, -1, cx + 5, cy, 14);
      break;
    case TPS_MAP_LEGEND_IST:
    case TPS_MAP_LEGEND_SOLL:
      {
        static const double dash[] = { 6, 4 };

        cairo_save (cr);
        tps_map_paint_set_color (p, item == TPS_MAP_LEGEND_IST ? TPS_PALETTE_CURVE_IST
                                                               : TPS_PALETTE_CURVE_SOLL, 1.0);
        cairo_set_line_width (cr, item == TPS_MAP_LEGEND_IST ? 3.0 : 2.5);
        if (item == TPS_MAP_LEGEND_SOLL)
          cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, x, cy);
        cairo_line_to (cr, x + TPS_MAP_LEGEND_ICON, cy);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;
    case TPS_MAP_LEGEND_BENCHMARK:
      cairo_save (cr);
      tps_map_paint_set_curve_style (p, TPS_MAP_CURVE_BENCHMARK, 0);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + TPS_MAP_LEGEND_ICON, cy);
      cairo_stroke (cr);
      cairo_restore (cr);
      tps_map_paint_draw_benchmark_mark (p, cx, cy, 1.0);
      break;
    case TPS_MAP_LEGEND_SHORTFALL:
    case TPS_MAP_LEGEND_SURPLUS:
      tps_draw_rounded_rect (cr, x, cy - 8, TPS_MAP_LEGEND_ICON, 16, 3);
      tps_map_paint_set_color (p, item == TPS_MAP_LEGEND_SHORTFALL ? TPS_PALETTE_GAP_SHORTFALL
                                                                   : TPS_PALETTE_GAP_SURPLUS, 1.6);
      cairo_fill (cr);
      break;
    case TPS_MAP_LEGEND_ONLINE:
      tps_map_paint_draw_kind_mark (p, TPS_CHANNEL_KIND_ONLINE, cx, cy, 13);
      break;
    case TPS_MAP_LEGEND_OFFLINE:
      tps_map_paint_draw_kind_mark (p, TPS_CHANNEL_KIND_OFFLINE, cx, cy, 13);
      break;
    case TPS_MAP_LEGEND_HYBRID:
      tps_map_paint_draw_kind_mark (p, TPS_CHANNEL_KIND_HYBRID, cx, cy, 13);
      break;
    default:
      break;
    }
}

gboolean
tps_map_paint_is_highlighted (Painter       *p,
                              TpsTouchpoint *touchpoint)
{
  return p->options->highlight_ids != NULL
         && g_strv_contains (p->options->highlight_ids,
                             tps_object_get_id (TPS_OBJECT (touchpoint)));
}
