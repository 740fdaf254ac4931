/* tps-map-band.c — the map's experience band: Ist and Soll curves, the gap
 * between them, comparators' marks and the rating scale
 *
 * Drawn by tps_map_render() through tps_map_paint_draw_band(); curves are
 * stroked only where they cross the clip (on screen and on every poster
 * tile), with the dash phase kept so tiles match the whole map.
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

static void
fill_gap_segment (Painter           *p,
                  const TpsMapPoint *a_ist,
                  const TpsMapPoint *a_soll,
                  const TpsMapPoint *b_ist,
                  const TpsMapPoint *b_soll,
                  cairo_path_t     **shortfall_paths,
                  guint             *n_shortfall)
{
  cairo_t *cr = p->cr;
  /* Positive where the Soll lies above the Ist (y grows downwards). */
  double d0 = a_ist->y - a_soll->y;
  double d1 = b_ist->y - b_soll->y;

  if (d0 == 0 && d1 == 0)
    return;

  if ((d0 >= 0 && d1 >= 0) || (d0 <= 0 && d1 <= 0))
    {
      gboolean shortfall = d0 > 0 || d1 > 0;

      cairo_move_to (cr, a_ist->x, a_ist->y);
      cairo_line_to (cr, b_ist->x, b_ist->y);
      cairo_line_to (cr, b_soll->x, b_soll->y);
      cairo_line_to (cr, a_soll->x, a_soll->y);
      cairo_close_path (cr);
      tps_map_paint_set_color (p, shortfall ? TPS_PALETTE_GAP_SHORTFALL : TPS_PALETTE_GAP_SURPLUS,
                               1.0);
      if (shortfall && *n_shortfall < 2)
        shortfall_paths[(*n_shortfall)++] = cairo_copy_path (cr);
      cairo_fill (cr);
    }
  else
    {
      /* The curves cross: two triangles meeting at the crossing. */
      double t = d0 / (d0 - d1);
      double cx = a_ist->x + t * (b_ist->x - a_ist->x);
      double cy = a_ist->y + t * (b_ist->y - a_ist->y);
      TpsMapPoint cross = { cx, cy };

      fill_gap_segment (p, a_ist, a_soll, &cross, &cross, shortfall_paths, n_shortfall);
      fill_gap_segment (p, &cross, &cross, b_ist, b_soll, shortfall_paths, n_shortfall);
    }
}

/* Diagonal hatching over the still-to-close gap, so that it shows in a
 * greyscale print too.
 */
static void
hatch (Painter      *p,
       cairo_path_t *path)
{
  cairo_t *cr = p->cr;
  double x1, y1, x2, y2;
  TpsColor color;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  cairo_clip (cr);
  tps_palette_get (TPS_PALETTE_GAP_SHORTFALL, p->dark, &color);
  tps_color_set_source (cr, &color, 1.8);
  cairo_set_line_width (cr, 1.0);
  for (double x = floor ((x1 - (y2 - y1)) / 9) * 9; x < x2; x += 9)
    {
      cairo_move_to (cr, x, y2);
      cairo_line_to (cr, x + (y2 - y1), y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The first of the curve's points (sorted by x) at or right of @x. */
static guint
first_point_from (const TpsMapPoint *points,
                  guint              n,
                  double             x)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].x < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Strokes only the segments that cross the clip, so that a frame or a
 * poster tile with the curves in view costs what it shows, not the whole
 * journey. A dashed curve starts its pattern where the whole curve's would
 * be there, so the dashes do not move as the view scrolls or from tile to
 * tile.
 */
static void
draw_curve (Painter           *p,
            const TpsMapPoint *points,
            guint              n,
            TpsMapCurve        curve)
{
  cairo_t *cr = p->cr;
  double bleed = 4;  /* half the widest line, with its round caps */
  guint first, end;

  if (n == 0)
    return;

  first = first_point_from (points, n, p->clip.x - bleed);
  end = first_point_from (points, n, p->clip.x + p->clip.width + bleed);
  /* One point beyond the clip on either side, for the segments crossing it. */
  first = first > 0 ? first - 1 : 0;
  end = MIN (end + 1, n);

  cairo_save (cr);
  if (curve != TPS_MAP_CURVE_IST)
    {
      double offset = 0;

      for (guint i = 0; i < first; i++)
        offset += hypot (points[i + 1].x - points[i].x, points[i + 1].y - points[i].y);
      tps_map_paint_set_curve_style (p, curve, offset);
    }
  else
    tps_map_paint_set_curve_style (p, curve, 0);

  cairo_move_to (cr, points[first].x, points[first].y);
  for (guint i = first + 1; i < end; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
tps_map_paint_draw_band (Painter *p)
{
  cairo_t *cr = p->cr;
  cairo_rectangle_t band;
  double rows_top, left, right;
  guint n_steps = tps_map_layout_get_n_steps (p->layout);
  const TpsMapPoint *ist, *soll;
  guint n_ist, n_soll;

  tps_map_layout_get_band_rect (p->layout, &band);
  if (!tps_map_paint_visible (p, &band, 24))
    return;

  rows_top = tps_map_layout_get_band_rows_top (p->layout);
  left = band.x + p->m->label_width;
  right = band.x + band.width;

  tps_draw_rounded_rect (cr, band.x, band.y, band.width, band.height, 10);
  tps_map_paint_set_color (p, TPS_PALETTE_BAND, 1.0);
  cairo_fill_preserve (cr);
  tps_map_paint_set_color (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* Title row: what the band shows and how to read the two lines. */
  {
    double title_width = p->m->label_width - 2 * p->m->label_pad;
    g_autoptr(PangoLayout) title = tps_map_paint_text_new_legible (p, TPS_MAP_TEXT_BAND_TITLE,
                                                                   _("Customer experience"),
                                                                   title_width, 1);

    tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 1.0);
    tps_map_paint_show_text (p, title, band.x + p->m->label_pad,
                             band.y + (p->m->band_title + p->m->band_pad
                                       - tps_draw_text_height (title)) / 2,
                             FALSE);
  }

  /* How to read the band, repeated here because a poster's legend is far
   * away from its bottom edge.
   */
  {
    static const TpsMapLegendItem items[] = {
      TPS_MAP_LEGEND_IST, TPS_MAP_LEGEND_SOLL, TPS_MAP_LEGEND_BENCHMARK,
      TPS_MAP_LEGEND_SHORTFALL, TPS_MAP_LEGEND_SURPLUS,
    };
    double x = left + 8;
    double cy = band.y + (p->m->band_title + p->m->band_pad) / 2;

    for (guint i = 0; i < G_N_ELEMENTS (items) && !p->greek; i++)
      {
        g_autoptr(PangoLayout) label = NULL;

        if (items[i] == TPS_MAP_LEGEND_BENCHMARK
            && tps_map_layout_get_comparator (p->layout) == NULL)
          continue;

        label = tps_map_paint_text_new (p, TPS_MAP_TEXT_LEGEND,
                                        tps_map_layout_get_legend_label (p->layout, items[i]),
                                        -1, 0);

        tps_map_paint_draw_legend_icon (p, items[i], x, cy);
        tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 0.85);
        x += TPS_MAP_LEGEND_ICON + 8;
        tps_map_paint_show_text (p, label, x, cy - tps_draw_text_height (label) / 2, TRUE);
        x += tps_draw_text_width (label) + TPS_MAP_LEGEND_SPACING;
      }
  }

  /* Rating rows, tinted from disappointment to delight, and labelled. */
  for (int rating = TPS_RATING_MAX; rating >= TPS_RATING_MIN; rating--)
    {
      double y = tps_map_layout_rating_to_y (p->layout, rating) - p->m->band_row / 2;
      cairo_rectangle_t row = { band.x, y, band.width, p->m->band_row };
      g_autoptr(PangoLayout) label = NULL;
      TpsColor tint;
      double chip_w;

      if (!tps_map_paint_visible (p, &row, 0))
        continue;

      tps_palette_rating (rating, p->dark, &tint);
      tps_color_set_source (cr, &tint, rating == 0 ? 0.05 : 0.09);
      cairo_rectangle (cr, left, y, right - left - 1, p->m->band_row);
      cairo_fill (cr);

      tps_map_paint_set_color (p, TPS_PALETTE_GRID, rating == 0 ? 1.0 : 0.6);
      cairo_set_line_width (cr, rating == 0 ? 1.5 : 1.0);
      cairo_move_to (cr, left, y + p->m->band_row / 2);
      cairo_line_to (cr, right - 1, y + p->m->band_row / 2);
      cairo_stroke (cr);

      chip_w = 34;
      tps_map_paint_draw_rating_chip (p, rating, left - p->m->label_pad - chip_w,
                                      y + (p->m->band_row - 20) / 2, 20, TRUE);
      label = tps_map_paint_text_new (p, TPS_MAP_TEXT_BAND_LABEL, tps_rating_get_label (rating),
                                      p->m->label_width - 2 * p->m->label_pad - chip_w - 10, 1);
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 0.9);
      tps_map_paint_show_text (p, label,
                               left - p->m->label_pad - chip_w - 10 - tps_draw_text_width (label),
                               y + (p->m->band_row - tps_draw_text_height (label)) / 2, TRUE);
    }

  /* A faint guide under every step, so a point is easy to match to its card. */
  cairo_save (cr);
  {
    static const double dots[] = { 1, 4 };

    cairo_set_dash (cr, dots, 2, 0);
    cairo_set_line_width (cr, 1.0);
    tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 0.5);
    for (guint i = 0; i < n_steps; i++)
      {
        const TpsMapStep *step = tps_map_layout_get_step (p->layout, i);

        if (step->touchpoint == NULL
            || step->ist.x < p->clip.x || step->ist.x > p->clip.x + p->clip.width)
          continue;
        cairo_move_to (cr, step->ist.x + 0.5, rows_top);
        cairo_line_to (cr, step->ist.x + 0.5, rows_top + 5 * p->m->band_row);
      }
    cairo_stroke (cr);
  }
  cairo_restore (cr);

  /* The selected step's column, so the eye finds its point. */
  if (!p->options->print && p->options->selected != NULL)
    {
      int index = tps_map_layout_find_step (p->layout, p->options->selected);

      if (index >= 0)
        {
          const TpsMapStep *step = tps_map_layout_get_step (p->layout, index);

          cairo_rectangle (cr, step->x + 4, rows_top - 6, step->width - 8,
                           5 * p->m->band_row + 12);
          tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 0.10);
          cairo_fill (cr);
        }
    }

  ist = tps_map_layout_get_curve (p->layout, TPS_MAP_CURVE_IST, &n_ist);
  soll = tps_map_layout_get_curve (p->layout, TPS_MAP_CURVE_SOLL, &n_soll);

  /* The gap between the curves, segment by segment. */
  cairo_save (cr);
  cairo_rectangle (cr, p->clip.x, p->clip.y, p->clip.width, p->clip.height);
  cairo_clip (cr);
  for (guint i = 0; i + 1 < n_ist; i++)
    {
      cairo_path_t *shortfall[2] = { NULL, NULL };
      guint n_shortfall = 0;

      if (ist[i + 1].x < p->clip.x || ist[i].x > p->clip.x + p->clip.width)
        continue;

      fill_gap_segment (p, &ist[i], &soll[i], &ist[i + 1], &soll[i + 1],
                        shortfall, &n_shortfall);
      for (guint j = 0; j < n_shortfall; j++)
        {
          hatch (p, shortfall[j]);
          cairo_path_destroy (shortfall[j]);
        }
    }
  cairo_restore (cr);

  draw_curve (p, soll, n_soll, TPS_MAP_CURVE_SOLL);

  /* The comparator under Ist: ours is what the map is about. */
  {
    guint n_benchmark;
    const TpsMapPoint *benchmark = tps_map_layout_get_curve (p->layout,
                                                             TPS_MAP_CURVE_BENCHMARK,
                                                             &n_benchmark);

    draw_curve (p, benchmark, n_benchmark, TPS_MAP_CURVE_BENCHMARK);
    for (guint i = 0; i < n_benchmark; i++)
      if (benchmark[i].x >= p->clip.x - 8 && benchmark[i].x <= p->clip.x + p->clip.width + 8)
        tps_map_paint_draw_benchmark_mark (p, benchmark[i].x, benchmark[i].y, 1.0);
  }

  draw_curve (p, ist, n_ist, TPS_MAP_CURVE_IST);

  /* Points: hollow on the Soll curve; on the Ist curve filled in the
   * rating's colour, or the moment's shape.
   */
  for (guint i = 0; i < n_steps; i++)
    {
      const TpsMapStep *step = tps_map_layout_get_step (p->layout, i);
      TpsMoment moment;
      TpsColor fill, page;
      double opacity = 1.0;

      if (step->touchpoint == NULL
          || step->x + step->width < p->clip.x || step->x > p->clip.x + p->clip.width)
        continue;

      if (tps_map_render_options_dims (p->options, step->touchpoint))
        opacity = 0.3;

      tps_palette_get (TPS_PALETTE_BAND, p->dark, &page);

      cairo_arc (cr, step->soll.x, step->soll.y, 4.5, 0, 2 * G_PI);
      tps_color_set_source (cr, &page, 1.0);
      cairo_fill_preserve (cr);
      tps_map_paint_set_color (p, TPS_PALETTE_CURVE_SOLL, opacity);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);

      if (tps_map_paint_is_highlighted (p, step->touchpoint))
        {
          cairo_arc (cr, step->ist.x, step->ist.y, 15, 0, 2 * G_PI);
          tps_map_paint_set_color (p, TPS_PALETTE_HIGHLIGHT, 0.8);
          cairo_fill (cr);
        }

      moment = tps_touchpoint_get_moment (step->touchpoint);
      if (moment != TPS_MOMENT_NONE)
        {
          if (opacity < 1.0)
            cairo_push_group (cr);
          tps_map_paint_draw_moment_shape (p, moment, step->ist.x, step->ist.y, 22, TRUE);
          if (opacity < 1.0)
            {
              cairo_pop_group_to_source (cr);
              cairo_paint_with_alpha (cr, opacity);
            }
        }
      else
        {
          tps_palette_rating (tps_touchpoint_get_current (step->touchpoint), p->dark, &fill);
          cairo_arc (cr, step->ist.x, step->ist.y, 7, 0, 2 * G_PI);
          tps_color_set_source (cr, &page, 1.0);
          cairo_fill_preserve (cr);
          cairo_new_path (cr);
          cairo_arc (cr, step->ist.x, step->ist.y, 5.5, 0, 2 * G_PI);
          tps_color_set_source (cr, &fill, opacity);
          cairo_fill (cr);
        }

      if (!p->options->print && step->touchpoint == p->options->selected)
        {
          cairo_arc (cr, step->ist.x, step->ist.y, 15, 0, 2 * G_PI);
          tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 1.0);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
    }
}
