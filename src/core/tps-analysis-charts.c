/* tps-analysis-charts.c
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

#include "tps-analysis-charts.h"
#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-palette.h"

#define N_RATINGS    (TPS_RATING_MAX - TPS_RATING_MIN + 1)
#define N_IMPORTANCE (TPS_IMPORTANCE_MAX - TPS_IMPORTANCE_MIN + 1)

/* Painting ------------------------------------------------------------------ */

typedef struct
{
  cairo_t *cr;              /* NULL while only measuring */
  PangoContext *context;
  gboolean dark;
  const TpsAnalysisChartOptions *options;
} Painter;

static const TpsAnalysisChartOptions default_options = { 0 };

void
tps_analysis_chart_options_init (TpsAnalysisChartOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = default_options;
}

static void
painter_init (Painter                       *p,
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

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->context);
}

static void
set_role (Painter        *p,
          TpsPaletteRole  role,
          double          opacity)
{
  TpsColor color;

  tps_palette_get (role, p->dark, &color);
  tps_color_set_source (p->cr, &color, opacity);
}

static void
set_color (Painter        *p,
           const TpsColor *color,
           double          opacity)
{
  tps_color_set_source (p->cr, color, opacity);
}

/* A layout of @text at @size units; @width > 0 wraps at that width and
 * ellipsises after @max_lines lines (0: one line, ellipsised).
 */
static PangoLayout *
text_new (Painter     *p,
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

static void
text_show (Painter     *p,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
}

static void
fill_background (Painter *p,
                 double   width,
                 double   height)
{
  if (p->options->transparent)
    return;

  set_role (p, TPS_PALETTE_PAGE, 1.0);
  cairo_rectangle (p->cr, 0, 0, width, height);
  cairo_fill (p->cr);
}

static gboolean
rect_contains (const cairo_rectangle_t *r,
               double                   x,
               double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* Moment shapes: the same vocabulary as the journey map's badges, so a
 * painpoint is a downward triangle wherever it appears and the charts
 * read without colour.
 */
static void
path_moment (cairo_t   *cr,
             TpsMoment  moment,
             double     x,
             double     y,
             double     size)
{
  cairo_new_path (cr);
  tps_draw_path_moment (cr, moment, x, y, size);
}

/* A filled shape in the moment's colour; a touchpoint planned as new is
 * drawn hollow: it does not exist yet.
 */
static void
draw_marker (Painter   *p,
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
  path_moment (cr, moment, x, y, size);
  if (hollow)
    {
      set_role (p, TPS_PALETTE_PAGE, 1.0);
      cairo_fill_preserve (cr);
      set_color (p, &color, 1.0);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
    }
  else
    {
      set_color (p, &color, 1.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Importance/performance matrix ------------------------------------------- */

#define MATRIX_PAD          10.0
#define MATRIX_LEGEND_H     24.0
#define MATRIX_AXIS_LEFT    56.0   /* axis title and importance numbers */
#define MATRIX_TICKS_H      42.0   /* rating names below the plot, two lines */
#define MATRIX_AXIS_TITLE_H 20.0
#define MATRIX_BAND_H       28.0   /* the strip a quadrant's name sits in */
#define MATRIX_MARKER       12.0
#define MATRIX_CELL_PAD      6.0

typedef struct
{
  TpsTouchpoint *touchpoint;  /* owned by the points array */
  TpsIpaQuadrant quadrant;
  TpsMoment moment;
  gboolean is_new;
  gboolean retire;
  cairo_rectangle_t area;     /* marker and label: what a click hits */
  double mx;                  /* marker centre */
  double my;
  double label_x;
  double label_y;
  PangoLayout *label;
} MatrixItem;

typedef struct
{
  double x;
  double y;
  double width;
  guint count;
  double size;
} MatrixMore;

typedef struct
{
  double width;
  double height;
  cairo_rectangle_t plot;
  double col_x[N_RATINGS + 1];      /* column edges, "very disappointing" first */
  double row_y[N_IMPORTANCE];       /* top of each importance row, by importance − 1 */
  double row_h[N_IMPORTANCE];
  double top_band_y;
  double mid_band_y;
  guint counts[TPS_IPA_N_QUADRANTS];
  GArray *points;                   /* TpsIpaPoint */
  GArray *items;                    /* MatrixItem */
  GArray *more;                     /* MatrixMore: "+3 more" in a full cell */
} Matrix;

static void
matrix_item_clear (gpointer data)
{
  MatrixItem *item = data;

  g_clear_object (&item->label);
}

static void
matrix_clear (Matrix *m)
{
  g_clear_pointer (&m->items, g_array_unref);
  g_clear_pointer (&m->more, g_array_unref);
  g_clear_pointer (&m->points, g_array_unref);
}

static void
matrix_quadrant_area (const Matrix      *m,
                      TpsIpaQuadrant     quadrant,
                      cairo_rectangle_t *area)
{
  /* Columns −2..0 are "not yet delightful", the first column of
   * TPS_IPA_HIGH_PERFORMANCE and beyond "performing".
   */
  double split_x = m->col_x[TPS_IPA_HIGH_PERFORMANCE - TPS_RATING_MIN];
  gboolean top = quadrant == TPS_IPA_CONCENTRATE_HERE || quadrant == TPS_IPA_KEEP_UP;
  gboolean left = quadrant == TPS_IPA_CONCENTRATE_HERE || quadrant == TPS_IPA_LOW_PRIORITY;

  area->x = left ? m->plot.x : split_x;
  area->width = left ? split_x - m->plot.x : m->plot.x + m->plot.width - split_x;
  area->y = top ? m->plot.y : m->mid_band_y;
  area->height = top ? m->mid_band_y - m->plot.y : m->plot.y + m->plot.height - m->mid_band_y;
}

static const char *
title_or_untitled (TpsTouchpoint *touchpoint)
{
  const char *title = tps_touchpoint_get_title (touchpoint);

  return title != NULL && *title != '\0' ? title : _("Untitled touchpoint");
}

/* Places the touchpoints of one cell as rows of marker and label, centred
 * in the cell. Every label gets one line; lines left over go, in journey
 * order, to labels too long for one. When not even one line each fits at
 * a smaller size, the last row says how many more there are.
 */
static void
matrix_layout_cell (Painter   *p,
                    Matrix    *m,
                    GPtrArray *cell_points,
                    double     x,
                    double     y,
                    double     w,
                    double     h)
{
  double row_gap = 3;
  double size = 12.0, line_h, block_h, row_y, label_w = w - MATRIX_MARKER - 6;
  guint n = cell_points->len, shown, budget;
  g_autofree guint *lines = NULL;

  if (n == 0)
    return;

  /* Smaller type before leaving anyone out. */
  for (;;)
    {
      g_autoptr(PangoLayout) probe = text_new (p, "Ag", size, PANGO_WEIGHT_NORMAL, -1, 0);

      line_h = tps_draw_text_height (probe);
      row_gap = size >= 12.0 ? 3 : 2;
      if (size <= 10.0 || n * (line_h + row_gap) <= h + row_gap)
        break;
      size -= 1.0;
    }

  shown = MIN (n, (guint) MAX (1.0, floor ((h + row_gap) / (line_h + row_gap))));
  if (shown < n && shown > 1)
    shown--;   /* the last row says "+N more" */

  /* Second lines for long names, as far as the cell has room. */
  lines = g_new0 (guint, shown);
  {
    guint rows = shown + (shown < n ? 1 : 0);
    double spare = h - rows * line_h - (rows - 1) * row_gap;

    budget = spare > 0 ? (guint) floor (spare / line_h) : 0;
  }
  for (guint i = 0; i < shown; i++)
    {
      TpsIpaPoint *point = g_ptr_array_index (cell_points, i);
      g_autoptr(PangoLayout) probe = text_new (p, title_or_untitled (point->touchpoint), size,
                                               PANGO_WEIGHT_NORMAL, -1, 0);

      lines[i] = 1;
      if (budget > 0 && tps_draw_text_width (probe) > label_w)
        {
          lines[i] = 2;
          budget--;
        }
    }

  block_h = (shown < n ? line_h : 0) - row_gap;
  for (guint i = 0; i < shown; i++)
    block_h += lines[i] * line_h + row_gap;
  row_y = y + MAX (0, (h - block_h) / 2);

  for (guint i = 0; i < shown; i++)
    {
      TpsIpaPoint *point = g_ptr_array_index (cell_points, i);
      TpsTouchpointStatus status = tps_touchpoint_get_status (point->touchpoint);
      MatrixItem item = { 0 };

      item.touchpoint = point->touchpoint;
      item.quadrant = point->quadrant;
      item.moment = tps_touchpoint_get_moment (point->touchpoint);
      item.is_new = status == TPS_TOUCHPOINT_STATUS_NEW;
      item.retire = status == TPS_TOUCHPOINT_STATUS_RETIRE;
      item.label = text_new (p, title_or_untitled (point->touchpoint), size,
                             PANGO_WEIGHT_NORMAL, label_w, lines[i]);

      item.mx = x + MATRIX_MARKER / 2;
      item.my = row_y + line_h / 2 + 0.5;
      item.label_x = x + MATRIX_MARKER + 6;
      item.label_y = row_y;
      item.area.x = x - 3;
      item.area.y = row_y - 1;
      item.area.width = MATRIX_MARKER + 6 + MIN (tps_draw_text_width (item.label), label_w) + 6;
      item.area.height = MAX (lines[i] * line_h, MATRIX_MARKER) + 2;
      g_array_append_val (m->items, item);

      row_y += lines[i] * line_h + row_gap;
    }

  if (shown < n)
    {
      MatrixMore more = { x + MATRIX_MARKER + 6, row_y, label_w, n - shown, size };

      g_array_append_val (m->more, more);
    }
}

/* The most touchpoints in one cell of each importance row, by
 * importance − 1.
 */
static void
matrix_busiest_cells (GArray *points,
                      guint   busiest[N_IMPORTANCE])
{
  guint counts[N_IMPORTANCE][N_RATINGS] = { { 0 } };

  memset (busiest, 0, N_IMPORTANCE * sizeof (guint));
  for (guint i = 0; i < points->len; i++)
    {
      TpsIpaPoint *point = &g_array_index (points, TpsIpaPoint, i);
      int row = CLAMP (point->importance, TPS_IMPORTANCE_MIN, TPS_IMPORTANCE_MAX)
                - TPS_IMPORTANCE_MIN;
      int column = CLAMP (point->performance, TPS_RATING_MIN, TPS_RATING_MAX) - TPS_RATING_MIN;

      counts[row][column]++;
      busiest[row] = MAX (busiest[row], counts[row][column]);
    }
}

/* The height of a row whose busiest cell lists @n touchpoints on a line
 * each at the full type size.
 */
static double
matrix_row_need (guint n)
{
  return MAX (n, 1) * 18.0 + 8;
}

#define MATRIX_FIXED_H (2 * MATRIX_PAD + MATRIX_LEGEND_H + 8 + 2 * MATRIX_BAND_H \
                        + MATRIX_TICKS_H + MATRIX_AXIS_TITLE_H)

/* Top to bottom: the band naming the upper quadrants, importance 5 and 4,
 * the band naming the lower quadrants, importance 3, 2 and 1. The rows are
 * equally high when that fits every cell; when it does not (a report page),
 * busy rows get more of the height than sparse ones, so touchpoints are
 * named rather than counted as "+2 more".
 */
static void
matrix_layout_rows (Matrix *m)
{
  double available = m->plot.height - 2 * MATRIX_BAND_H;
  guint busiest[N_IMPORTANCE], most = 0;
  double weights[N_IMPORTANCE], total_weight = 0;

  matrix_busiest_cells (m->points, busiest);
  for (int r = 0; r < N_IMPORTANCE; r++)
    most = MAX (most, busiest[r]);

  for (int r = 0; r < N_IMPORTANCE; r++)
    {
      weights[r] = available / N_IMPORTANCE >= matrix_row_need (most) ? 1.0
                   : busiest[r] + 1.0;
      total_weight += weights[r];
    }
  for (int r = 0; r < N_IMPORTANCE; r++)
    m->row_h[r] = available * weights[r] / total_weight;

  m->top_band_y = m->plot.y;
  {
    double y = m->plot.y + MATRIX_BAND_H;

    for (int importance = TPS_IMPORTANCE_MAX; importance >= TPS_IMPORTANCE_MIN; importance--)
      {
        int r = importance - TPS_IMPORTANCE_MIN;

        if (importance == TPS_IPA_HIGH_IMPORTANCE - 1)
          {
            m->mid_band_y = y;
            y += MATRIX_BAND_H;
          }
        m->row_y[r] = y;
        y += m->row_h[r];
      }
  }
}

static void
matrix_layout (Painter    *p,
               Matrix     *m,
               TpsProject *project,
               double      width,
               double      height)
{
  double plot_bottom;
  g_autoptr(GPtrArray) cell = g_ptr_array_new ();

  m->width = width;
  m->height = height;
  m->points = tps_analysis_get_ipa_points (project);
  m->items = g_array_new (FALSE, TRUE, sizeof (MatrixItem));
  g_array_set_clear_func (m->items, matrix_item_clear);
  m->more = g_array_new (FALSE, TRUE, sizeof (MatrixMore));

  m->plot.x = MATRIX_PAD + MATRIX_AXIS_LEFT;
  m->plot.y = MATRIX_PAD + MATRIX_LEGEND_H + 8;
  m->plot.width = MAX (N_RATINGS * 20.0, width - m->plot.x - MATRIX_PAD - 6);
  plot_bottom = height - MATRIX_PAD - MATRIX_AXIS_TITLE_H - MATRIX_TICKS_H;
  m->plot.height = MAX (2 * MATRIX_BAND_H + N_IMPORTANCE * 20.0, plot_bottom - m->plot.y);

  for (int c = 0; c <= N_RATINGS; c++)
    m->col_x[c] = m->plot.x + m->plot.width * c / N_RATINGS;

  for (guint i = 0; i < m->points->len; i++)
    {
      TpsIpaPoint *point = &g_array_index (m->points, TpsIpaPoint, i);
      m->counts[point->quadrant]++;
    }

  matrix_layout_rows (m);

  for (int importance = TPS_IMPORTANCE_MIN; importance <= TPS_IMPORTANCE_MAX; importance++)
    for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
      {
        int c = rating - TPS_RATING_MIN;

        g_ptr_array_set_size (cell, 0);
        for (guint i = 0; i < m->points->len; i++)
          {
            TpsIpaPoint *point = &g_array_index (m->points, TpsIpaPoint, i);

            if (CLAMP (point->importance, TPS_IMPORTANCE_MIN, TPS_IMPORTANCE_MAX) == importance
                && CLAMP (point->performance, TPS_RATING_MIN, TPS_RATING_MAX) == rating)
              g_ptr_array_add (cell, point);
          }

        matrix_layout_cell (p, m, cell,
                            m->col_x[c] + MATRIX_CELL_PAD,
                            m->row_y[importance - TPS_IMPORTANCE_MIN] + 3,
                            m->col_x[c + 1] - m->col_x[c] - 2 * MATRIX_CELL_PAD,
                            m->row_h[importance - TPS_IMPORTANCE_MIN] - 6);
      }
}

/* [quadrant]: the role its name and tint take their colour from, and how
 * strong the tint is. "Concentrate here" is the one to see first.
 */
static const struct
{
  TpsPaletteRole role;
  double tint;
} quadrant_style[TPS_IPA_N_QUADRANTS] = {
  [TPS_IPA_CONCENTRATE_HERE]  = { TPS_PALETTE_TREND_WORSE, 0.13 },
  [TPS_IPA_KEEP_UP]           = { TPS_PALETTE_TREND_BETTER, 0.11 },
  [TPS_IPA_LOW_PRIORITY]      = { TPS_PALETTE_TEXT_MUTED, 0.06 },
  [TPS_IPA_POSSIBLE_OVERKILL] = { TPS_PALETTE_ACCENT, 0.08 },
};

static const char * const quadrant_hints[TPS_IPA_N_QUADRANTS] = {
  [TPS_IPA_CONCENTRATE_HERE]  = N_("important, not yet delightful"),
  [TPS_IPA_KEEP_UP]           = N_("important and delightful"),
  [TPS_IPA_LOW_PRIORITY]      = N_("less important, not delightful"),
  [TPS_IPA_POSSIBLE_OVERKILL] = N_("delightful, but less important"),
};

static void
matrix_draw_legend (Painter *p,
                    Matrix  *m)
{
  static const TpsMoment moments[] = {
    TPS_MOMENT_PAINPOINT, TPS_MOMENT_LOVEPOINT, TPS_MOMENT_OF_TRUTH, TPS_MOMENT_NONE,
  };
  double x = m->plot.x, y = MATRIX_PAD + MATRIX_LEGEND_H / 2;

  for (guint i = 0; i <= G_N_ELEMENTS (moments); i++)
    {
      gboolean planned = i == G_N_ELEMENTS (moments);
      TpsMoment moment = planned ? TPS_MOMENT_NONE : moments[i];
      const char *text = planned ? _("Planned (new)")
                         : moment == TPS_MOMENT_NONE ? _("Other touchpoint")
                         : tps_enum_get_label (TPS_TYPE_MOMENT, moment);
      g_autoptr(PangoLayout) label = text_new (p, text, 11.5, PANGO_WEIGHT_NORMAL, -1, 0);

      draw_marker (p, moment, planned, x + MATRIX_MARKER / 2, y, MATRIX_MARKER);
      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, label, x + MATRIX_MARKER + 5, y - tps_draw_text_height (label) / 2);
      x += MATRIX_MARKER + 5 + tps_draw_text_width (label) + 18;
    }
}

static void
matrix_draw_frame (Painter *p,
                   Matrix  *m)
{
  cairo_t *cr = p->cr;
  double split_x = m->col_x[TPS_IPA_HIGH_PERFORMANCE - TPS_RATING_MIN];
  double bottom = m->plot.y + m->plot.height;

  for (TpsIpaQuadrant q = 0; q < TPS_IPA_N_QUADRANTS; q++)
    {
      cairo_rectangle_t area;
      TpsColor color;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) name = NULL;
      double band_y = (q == TPS_IPA_CONCENTRATE_HERE || q == TPS_IPA_KEEP_UP)
                      ? m->top_band_y : m->mid_band_y;

      matrix_quadrant_area (m, q, &area);
      tps_palette_get (quadrant_style[q].role, p->dark, &color);
      set_color (p, &color, quadrant_style[q].tint * (p->dark ? 1.6 : 1.0));
      cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      cairo_fill (cr);

      /* Translators: a quadrant's name and how many touchpoints are in it */
      text = g_strdup_printf (_("%s · %u"), tps_ipa_quadrant_get_label (q), m->counts[q]);
      name = text_new (p, text, 13, PANGO_WEIGHT_BOLD, area.width - 20, 0);
      set_color (p, &color, 1.0);
      text_show (p, name, area.x + 10,
                 band_y + (MATRIX_BAND_H - tps_draw_text_height (name)) / 2 + 1);

      /* What the quadrant means, for readers who do not know the method,
       * where it fits whole.
       */
      {
        g_autoptr(PangoLayout) hint = text_new (p, _(quadrant_hints[q]), 11.5,
                                                PANGO_WEIGHT_NORMAL, -1, 0);
        double x = area.x + 10 + tps_draw_text_width (name) + 12;

        if (x + tps_draw_text_width (hint) <= area.x + area.width - 10)
          {
            set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
            text_show (p, hint, x, band_y + (MATRIX_BAND_H - tps_draw_text_height (hint)) / 2 + 1);
          }
      }
    }

  /* Faint lines between the cells, strong lines between the quadrants. */
  set_role (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (cr, 1.0);
  for (int c = 1; c < N_RATINGS; c++)
    {
      if (fabs (m->col_x[c] - split_x) < 0.5)
        continue;
      cairo_move_to (cr, round (m->col_x[c]) + 0.5, m->plot.y + MATRIX_BAND_H);
      cairo_line_to (cr, round (m->col_x[c]) + 0.5, m->mid_band_y);
      cairo_move_to (cr, round (m->col_x[c]) + 0.5, m->mid_band_y + MATRIX_BAND_H);
      cairo_line_to (cr, round (m->col_x[c]) + 0.5, bottom);
    }
  for (int importance = TPS_IMPORTANCE_MIN; importance < TPS_IMPORTANCE_MAX; importance++)
    {
      double y = m->row_y[importance - TPS_IMPORTANCE_MIN];

      if (importance == TPS_IPA_HIGH_IMPORTANCE - 1)
        continue;
      cairo_move_to (cr, m->plot.x, round (y) + 0.5);
      cairo_line_to (cr, m->plot.x + m->plot.width, round (y) + 0.5);
    }
  cairo_stroke (cr);

  set_role (p, TPS_PALETTE_TEXT_MUTED, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, split_x, m->plot.y);
  cairo_line_to (cr, split_x, bottom);
  cairo_move_to (cr, m->plot.x, m->mid_band_y);
  cairo_line_to (cr, m->plot.x + m->plot.width, m->mid_band_y);
  cairo_stroke (cr);

  set_role (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, m->plot.x + 0.5, m->plot.y + 0.5, m->plot.width - 1, m->plot.height - 1);
  cairo_stroke (cr);
}

static void
matrix_draw_axes (Painter *p,
                  Matrix  *m)
{
  cairo_t *cr = p->cr;
  double bottom = m->plot.y + m->plot.height;
  g_autoptr(PangoLayout) x_title = NULL;
  g_autoptr(PangoLayout) y_title = NULL;

  /* The rating scale under the plot, in the map's rating colours. */
  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      int c = rating - TPS_RATING_MIN;
      double cw = m->col_x[c + 1] - m->col_x[c];
      TpsColor color;
      g_autoptr(PangoLayout) label = text_new (p, tps_rating_get_label (rating), 11.5,
                                               PANGO_WEIGHT_NORMAL, cw - 6, 2);

      tps_palette_rating (rating, p->dark, &color);
      set_color (p, &color, 1.0);
      cairo_rectangle (cr, m->col_x[c] + 1, bottom + 3, cw - 2, 5);
      cairo_fill (cr);

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      set_role (p, TPS_PALETTE_TEXT, 0.85);
      text_show (p, label, m->col_x[c] + 3, bottom + 11);
    }

  x_title = text_new (p, _("Customer experience today (Ist)"), 12.5, PANGO_WEIGHT_BOLD,
                      m->plot.width, 0);
  pango_layout_set_alignment (x_title, PANGO_ALIGN_CENTER);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, x_title, m->plot.x, bottom + MATRIX_TICKS_H + 2);

  for (int importance = TPS_IMPORTANCE_MIN; importance <= TPS_IMPORTANCE_MAX; importance++)
    {
      g_autofree char *text = g_strdup_printf ("%d", importance);
      g_autoptr(PangoLayout) label = text_new (p, text, 13, PANGO_WEIGHT_BOLD, -1, 0);
      double y = m->row_y[importance - TPS_IMPORTANCE_MIN]
                 + m->row_h[importance - TPS_IMPORTANCE_MIN] / 2;

      set_role (p, TPS_PALETTE_TEXT, 0.85);
      text_show (p, label, m->plot.x - 10 - tps_draw_text_width (label),
                 y - tps_draw_text_height (label) / 2);
    }

  y_title = text_new (p, _("Importance for customers"), 12.5, PANGO_WEIGHT_BOLD,
                      m->plot.height, 0);
  pango_layout_set_alignment (y_title, PANGO_ALIGN_CENTER);
  cairo_save (cr);
  cairo_translate (cr, MATRIX_PAD, m->plot.y + m->plot.height);
  cairo_rotate (cr, -G_PI / 2);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, y_title, 0, 0);
  cairo_restore (cr);
}

static void
matrix_draw_items (Painter *p,
                   Matrix  *m)
{
  cairo_t *cr = p->cr;
  const TpsAnalysisChartOptions *o = p->options;

  for (guint i = 0; i < m->items->len; i++)
    {
      MatrixItem *item = &g_array_index (m->items, MatrixItem, i);
      gboolean selected = !o->print && o->selected != NULL && o->selected == item->touchpoint;
      gboolean hovered = !o->print && o->hovered != NULL && o->hovered == item->touchpoint;

      if (selected || hovered)
        {
          tps_draw_rounded_rect (cr, item->area.x, item->area.y, item->area.width,
                                 item->area.height, 5);
          set_role (p, TPS_PALETTE_ACCENT, selected ? 0.18 : 0.10);
          cairo_fill_preserve (cr);
          set_role (p, TPS_PALETTE_ACCENT, selected ? 1.0 : 0.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      draw_marker (p, item->moment, item->is_new, item->mx, item->my, MATRIX_MARKER);

      if (item->retire)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          pango_layout_set_attributes (item->label, attrs);
          pango_attr_list_unref (attrs);
        }
      if (selected)
        {
          PangoFontDescription *font =
            pango_font_description_copy (pango_layout_get_font_description (item->label));

          pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          pango_layout_set_font_description (item->label, font);
          pango_font_description_free (font);
        }

      set_role (p, item->retire ? TPS_PALETTE_TEXT_MUTED : TPS_PALETTE_TEXT, 1.0);
      text_show (p, item->label, item->label_x, item->label_y);
    }

  for (guint i = 0; i < m->more->len; i++)
    {
      MatrixMore *more = &g_array_index (m->more, MatrixMore, i);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", more->count),
                                               more->count);
      g_autoptr(PangoLayout) label = text_new (p, text, more->size, PANGO_WEIGHT_NORMAL,
                                               more->width, 0);

      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, label, more->x, more->y);
    }
}

static void
draw_centered_message (Painter                 *p,
                       const cairo_rectangle_t *area,
                       const char              *message)
{
  g_autoptr(PangoLayout) layout = text_new (p, message, 13, PANGO_WEIGHT_NORMAL,
                                            MIN (area->width - 40, 420), 4);
  double w = tps_draw_text_width (layout), h = tps_draw_text_height (layout);
  double bx = area->x + (area->width - w) / 2 - 16, by = area->y + (area->height - h) / 2 - 10;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  tps_draw_rounded_rect (p->cr, bx, by, w + 32, h + 20, 8);
  set_role (p, TPS_PALETTE_CARD, 0.92);
  cairo_fill_preserve (p->cr);
  set_role (p, TPS_PALETTE_CARD_BORDER, 1.0);
  cairo_set_line_width (p->cr, 1.0);
  cairo_stroke (p->cr);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, layout, bx + 16, by + 10);
}

/**
 * tps_analysis_render_matrix:
 *
 * Draws the importance/performance matrix filling @width × @height.
 * Importance runs up, today's experience (Ist) to the right; the quadrant
 * lines are those of tps_ipa_quadrant_for(), so every touchpoint appears
 * in the quadrant tps_analysis_get_ipa_points() assigns it.
 */
void
tps_analysis_render_matrix (cairo_t                       *cr,
                            TpsProject                    *project,
                            double                         width,
                            double                         height,
                            const TpsAnalysisChartOptions *options)
{
  Painter p;
  Matrix m = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPS_IS_PROJECT (project));

  painter_init (&p, cr, options);
  matrix_layout (&p, &m, project, width, height);

  cairo_save (cr);
  fill_background (&p, width, height);
  matrix_draw_frame (&p, &m);
  matrix_draw_axes (&p, &m);
  matrix_draw_legend (&p, &m);
  matrix_draw_items (&p, &m);
  if (m.points->len == 0)
    draw_centered_message (&p, &m.plot,
                           _("No touchpoints yet. Add touchpoints to the journey map and "
                             "rate them to see where to concentrate."));
  cairo_restore (cr);

  matrix_clear (&m);
  painter_clear (&p);
}

/**
 * tps_analysis_matrix_get_height:
 *
 * The height at which the matrix names every touchpoint of its busiest
 * cell at the full type size, and is not squat: what the view asks for and
 * what a report page should offer it. Given less, the matrix gives busy
 * rows more room and then uses smaller type.
 */
double
tps_analysis_matrix_get_height (TpsProject                    *project,
                                double                         width,
                                const TpsAnalysisChartOptions *options)
{
  g_autoptr(GArray) points = NULL;
  guint busiest[N_IMPORTANCE], most = 0;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  points = tps_analysis_get_ipa_points (project);
  matrix_busiest_cells (points, busiest);
  for (int r = 0; r < N_IMPORTANCE; r++)
    most = MAX (most, busiest[r]);

  return ceil (MAX (CLAMP (width * 0.55, TPS_ANALYSIS_MATRIX_MIN_HEIGHT, 640),
                    MATRIX_FIXED_H + N_IMPORTANCE * matrix_row_need (most)));
}

/**
 * tps_analysis_matrix_hit_test:
 *
 * Returns: (transfer none) (nullable): the touchpoint whose marker or label
 *   is at (@x, @y) in a matrix drawn at @width × @height
 */
TpsTouchpoint *
tps_analysis_matrix_hit_test (TpsProject                    *project,
                              double                         width,
                              double                         height,
                              const TpsAnalysisChartOptions *options,
                              double                         x,
                              double                         y)
{
  Painter p;
  Matrix m = { 0 };
  TpsTouchpoint *found = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  painter_init (&p, NULL, options);
  matrix_layout (&p, &m, project, width, height);
  for (guint i = 0; i < m.items->len && found == NULL; i++)
    {
      MatrixItem *item = &g_array_index (m.items, MatrixItem, i);

      if (rect_contains (&item->area, x, y))
        found = item->touchpoint;
    }
  matrix_clear (&m);
  painter_clear (&p);

  /* The project holds the touchpoint; the layout's reference is gone. */
  return found;
}

/**
 * tps_analysis_matrix_get_marker:
 *
 * Where @touchpoint's marker is drawn, for tests and for keyboard focus.
 *
 * Returns: %FALSE when the touchpoint is not shown (a full cell)
 */
gboolean
tps_analysis_matrix_get_marker (TpsProject                    *project,
                                double                         width,
                                double                         height,
                                const TpsAnalysisChartOptions *options,
                                TpsTouchpoint                 *touchpoint,
                                double                        *x,
                                double                        *y)
{
  Painter p;
  Matrix m = { 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (touchpoint), FALSE);

  painter_init (&p, NULL, options);
  matrix_layout (&p, &m, project, width, height);
  for (guint i = 0; i < m.items->len && !found; i++)
    {
      MatrixItem *item = &g_array_index (m.items, MatrixItem, i);

      if (item->touchpoint == touchpoint)
        {
          found = TRUE;
          if (x != NULL)
            *x = item->mx;
          if (y != NULL)
            *y = item->my;
        }
    }
  matrix_clear (&m);
  painter_clear (&p);
  return found;
}

/* The tinted area of @quadrant, name band included. */
gboolean
tps_analysis_matrix_get_quadrant_area (TpsProject        *project,
                                       double             width,
                                       double             height,
                                       TpsIpaQuadrant     quadrant,
                                       cairo_rectangle_t *area)
{
  Painter p;
  Matrix m = { 0 };

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (quadrant < TPS_IPA_N_QUADRANTS, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  painter_init (&p, NULL, NULL);
  matrix_layout (&p, &m, project, width, height);
  matrix_quadrant_area (&m, quadrant, area);
  matrix_clear (&m);
  painter_clear (&p);
  return TRUE;
}

/* Perception gap -------------------------------------------------------------- */

#define GAP_PAD         10.0
#define GAP_HEAD_BAR_H  30.0
#define GAP_ROW_H       26.0
#define GAP_SCALE_HEAD  40.0
#define GAP_COLUMN_W    56.0
#define GAP_FIGURE_W    78.0

typedef struct
{
  double width;
  double height;
  TpsPerceptionSummary summary;
  GArray *gaps;               /* TpsPerceptionGap, largest first */
  guint first;                /* the first row drawn */
  guint shown;                /* rows drawn */
  gboolean show_head;         /* the shares; not on a continuation page */
  gboolean show_more;         /* the line counting the rows left out */
  double label_w;             /* the touchpoint names' column */
  double head_y;              /* the two share bars */
  double sentence_y;
  double scale_head_y;        /* rating names over the rows */
  double rows_y;
  double scale_x;             /* the −2..+2 scale of the rows */
  double scale_w;
  double gap_x;               /* the gap column */
  double footer_y;
} GapChart;

static void
gap_chart_clear (GapChart *g)
{
  g_clear_pointer (&g->gaps, g_array_unref);
}

static double
gap_scale_x (GapChart *g,
             int       rating)
{
  double step = g->scale_w / N_RATINGS;

  return g->scale_x + (rating - TPS_RATING_MIN + 0.5) * step;
}

static double
gap_head_height (void)
{
  /* Two share bars, their caption, and the sentence under them. */
  return GAP_PAD + 2 * GAP_HEAD_BAR_H + 22 + 26;
}

/* Lays out the chart for @width; with @height > 0, shows only the rows that
 * fit and leaves a line for how many were left out.
 */
static void
gap_chart_layout (Painter    *p,
                  GapChart   *g,
                  TpsProject *project,
                  double      width,
                  double      height)
{
  guint max_rows = p->options->max_rows;
  guint n, rest;

  g->width = width;
  if (p->options->perception != NULL)
    g->summary = *p->options->perception;
  else
    tps_analysis_get_perception_summary (project, &g->summary);
  g->gaps = p->options->gaps != NULL ? g_array_ref (p->options->gaps)
                                     : tps_analysis_get_perception_gaps (project);
  n = g->gaps->len;
  g->first = MIN (p->options->first_row, n);
  g->show_head = g->first == 0;
  rest = n - g->first;

  g->label_w = CLAMP (width * 0.32, 120, 340);
  g->head_y = GAP_PAD;
  g->sentence_y = GAP_PAD + 2 * GAP_HEAD_BAR_H + 22;
  g->scale_head_y = g->show_head ? gap_head_height () + 6 : GAP_PAD;
  g->rows_y = g->scale_head_y + GAP_SCALE_HEAD;
  g->scale_x = GAP_PAD + g->label_w + 12;
  g->gap_x = width - GAP_PAD - GAP_COLUMN_W;
  g->scale_w = MAX (N_RATINGS * 16.0, g->gap_x - 8 - g->scale_x);

  g->shown = max_rows > 0 ? MIN (rest, max_rows) : rest;
  if (height > 0)
    {
      double room = height - g->rows_y - GAP_PAD;
      guint fit = room > 0 ? (guint) floor (room / GAP_ROW_H) : 0;

      if (fit < g->shown)
        g->shown = fit > 0 && !p->options->paginated ? fit - 1 : fit;   /* "and N more" */
    }

  g->footer_y = g->rows_y + g->shown * GAP_ROW_H;
  g->show_more = g->shown < rest && !p->options->paginated;
  g->height = n == 0 ? gap_head_height () + GAP_PAD
              : g->footer_y + (g->show_more ? GAP_ROW_H : 0) + GAP_PAD;
}

/* Employees in amber, customers in blue: a pair that stays apart for every
 * common colour-vision deficiency, and neither is a rating colour.
 */
static void
gap_employee_color (Painter  *p,
                    TpsColor *color)
{
  tps_palette_get (TPS_PALETTE_HIGHLIGHT, p->dark, color);
}

static void
gap_customer_color (Painter  *p,
                    TpsColor *color)
{
  tps_palette_get (TPS_PALETTE_ACCENT, p->dark, color);
}

static void
draw_employee_marker (Painter *p,
                      double   x,
                      double   y,
                      double   size)
{
  TpsColor color, outline;

  gap_employee_color (p, &color);
  tps_palette_get (TPS_PALETTE_TEXT, p->dark, &outline);
  path_moment (p->cr, TPS_MOMENT_OF_TRUTH, x, y, size);
  set_color (p, &color, 1.0);
  cairo_fill_preserve (p->cr);
  set_color (p, &outline, 0.55);
  cairo_set_line_width (p->cr, 1.0);
  cairo_stroke (p->cr);
}

static void
draw_customer_marker (Painter *p,
                      double   x,
                      double   y,
                      double   size)
{
  TpsColor color, page;

  gap_customer_color (p, &color);
  tps_palette_get (TPS_PALETTE_PAGE, p->dark, &page);
  cairo_new_path (p->cr);
  cairo_arc (p->cr, x, y, size / 2, 0, 2 * G_PI);
  set_color (p, &color, 1.0);
  cairo_fill_preserve (p->cr);
  set_color (p, &page, 1.0);
  cairo_set_line_width (p->cr, 1.2);
  cairo_stroke (p->cr);
}

static void
gap_draw_share_bar (Painter    *p,
                    GapChart   *g,
                    double      y,
                    gboolean    employees)
{
  cairo_t *cr = p->cr;
  double share = employees ? g->summary.internal_share : g->summary.customer_share;
  double bar_x = g->scale_x, bar_w = g->width - GAP_PAD - GAP_FIGURE_W - bar_x;
  double cy = y + GAP_HEAD_BAR_H / 2;
  g_autofree char *figure = g_strdup_printf (_("%d %%"), tps_perception_summary_percent (share));
  g_autoptr(PangoLayout) name = text_new (p, employees ? _("Employees") : _("Customers"), 13,
                                          PANGO_WEIGHT_BOLD, g->label_w - 24, 0);
  g_autoptr(PangoLayout) number = text_new (p, figure, 20, PANGO_WEIGHT_BOLD, -1, 0);
  TpsColor color;

  if (employees)
    {
      gap_employee_color (p, &color);
      draw_employee_marker (p, GAP_PAD + 7, cy, 14);
    }
  else
    {
      gap_customer_color (p, &color);
      draw_customer_marker (p, GAP_PAD + 7, cy, 13);
    }

  set_role (p, TPS_PALETTE_TEXT, 1.0);
  text_show (p, name, GAP_PAD + 22, cy - tps_draw_text_height (name) / 2);

  tps_draw_rounded_rect (cr, bar_x, cy - 8, MAX (bar_w, 16), 16, 4);
  set_role (p, TPS_PALETTE_GRID, p->dark ? 0.8 : 0.6);
  cairo_fill (cr);
  if (share > 0)
    {
      tps_draw_rounded_rect (cr, bar_x, cy - 8, MAX (bar_w * share, 8), 16, 4);
      set_color (p, &color, 1.0);
      cairo_fill (cr);
    }

  set_role (p, TPS_PALETTE_TEXT, 1.0);
  text_show (p, number, g->width - GAP_PAD - tps_draw_text_width (number),
             cy - tps_draw_text_height (number) / 2);
}

static void
gap_draw_head (Painter  *p,
               GapChart *g)
{
  g_autofree char *caption = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(PangoLayout) caption_layout = NULL;
  g_autoptr(PangoLayout) sentence_layout = NULL;
  const TpsPerceptionSummary *s = &g->summary;

  if (s->n_compared == 0)
    {
      g_autofree char *headline = tps_perception_summary_to_headline (s);
      g_autoptr(PangoLayout) layout = text_new (p, headline, 13, PANGO_WEIGHT_NORMAL,
                                                g->width - 2 * GAP_PAD, 2);

      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, layout, GAP_PAD, GAP_PAD + 8);
      return;
    }

  gap_draw_share_bar (p, g, g->head_y, TRUE);
  gap_draw_share_bar (p, g, g->head_y + GAP_HEAD_BAR_H, FALSE);

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "share of the %u touchpoint in use today rated "
                                          "“delightful” or better",
                                          "share of the %u touchpoints in use today rated "
                                          "“delightful” or better",
                                          s->n_compared),
                             s->n_compared);
  caption_layout = text_new (p, caption, 11.5, PANGO_WEIGHT_NORMAL,
                             g->width - GAP_PAD - GAP_FIGURE_W - g->scale_x, 0);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, caption_layout, g->scale_x, g->head_y + 2 * GAP_HEAD_BAR_H + 2);

  /* Translators: the perception gap in one sentence: how many touchpoints
   * employees rate better, worse, or the same as customers do */
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Employees rate %u of %u touchpoint better than "
                                           "customers do, %u worse and %u the same.",
                                           "Employees rate %u of %u touchpoints better than "
                                           "customers do, %u worse and %u the same.",
                                           s->n_compared),
                              s->n_overrated, s->n_compared, s->n_underrated, s->n_aligned);
  sentence_layout = text_new (p, sentence, 12.5, PANGO_WEIGHT_NORMAL,
                              g->width - 2 * GAP_PAD, 1);
  set_role (p, TPS_PALETTE_TEXT, 1.0);
  text_show (p, sentence_layout, GAP_PAD, g->sentence_y + 3);
}

static void
gap_draw_scale_head (Painter  *p,
                     GapChart *g)
{
  double step = g->scale_w / N_RATINGS;
  g_autoptr(PangoLayout) gap_title = text_new (p, _("Gap"), 11.5, PANGO_WEIGHT_BOLD,
                                               GAP_COLUMN_W, 0);
  g_autoptr(PangoLayout) legend = NULL;
  g_autofree char *legend_text = NULL;

  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      g_autoptr(PangoLayout) label = text_new (p, tps_rating_get_label (rating), 10.5,
                                               PANGO_WEIGHT_NORMAL, step - 4, 2);
      TpsColor color;
      double x = gap_scale_x (g, rating);

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, label, x - (step - 4) / 2,
                 g->rows_y - 8 - tps_draw_text_height (label));

      tps_palette_rating (rating, p->dark, &color);
      set_color (p, &color, 1.0);
      cairo_rectangle (p->cr, x - step / 2 + 1, g->rows_y - 5, step - 2, 3);
      cairo_fill (p->cr);
    }

  pango_layout_set_alignment (gap_title, PANGO_ALIGN_CENTER);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, gap_title, g->gap_x, g->rows_y - 8 - tps_draw_text_height (gap_title));

  /* Translators: the key of the perception gap rows */
  legend_text = g_strdup (_("Touchpoint, largest gap first"));
  legend = text_new (p, legend_text, 11.5, PANGO_WEIGHT_BOLD, g->label_w, 0);
  text_show (p, legend, GAP_PAD, g->rows_y - 8 - tps_draw_text_height (legend));
}

static void
gap_draw_rows (Painter  *p,
               GapChart *g)
{
  cairo_t *cr = p->cr;
  const TpsAnalysisChartOptions *o = p->options;

  for (guint i = 0; i < g->shown; i++)
    {
      TpsPerceptionGap *gap = &g_array_index (g->gaps, TpsPerceptionGap, g->first + i);
      double y = g->rows_y + i * GAP_ROW_H, cy = y + GAP_ROW_H / 2;
      double cx = gap_scale_x (g, gap->customer), ix = gap_scale_x (g, gap->internal);
      gboolean selected = !o->print && o->selected == gap->touchpoint && o->selected != NULL;
      gboolean hovered = !o->print && o->hovered == gap->touchpoint && o->hovered != NULL;
      g_autoptr(PangoLayout) name = text_new (p, title_or_untitled (gap->touchpoint),
                                              12, selected ? PANGO_WEIGHT_BOLD
                                                           : PANGO_WEIGHT_NORMAL,
                                              g->label_w, 0);
      g_autofree char *gap_text = gap->gap > 0 ? g_strdup_printf ("+%d", gap->gap)
                                  : gap->gap < 0 ? g_strdup_printf ("−%d", -gap->gap)
                                  : g_strdup ("0");
      g_autoptr(PangoLayout) gap_layout = text_new (p, gap_text, 13, PANGO_WEIGHT_BOLD, -1, 0);

      if (selected || hovered)
        {
          tps_draw_rounded_rect (cr, GAP_PAD - 4, y + 1, g->width - 2 * GAP_PAD + 8, GAP_ROW_H - 2,
                                 5);
          set_role (p, TPS_PALETTE_ACCENT, selected ? 0.16 : 0.09);
          cairo_fill (cr);
        }
      else if (i % 2 == 1)
        {
          cairo_rectangle (cr, GAP_PAD - 4, y, g->width - 2 * GAP_PAD + 8, GAP_ROW_H);
          set_role (p, TPS_PALETTE_LANE_ALT, 1.0);
          cairo_fill (cr);
        }

      set_role (p, TPS_PALETTE_TEXT, 1.0);
      text_show (p, name, GAP_PAD, cy - tps_draw_text_height (name) / 2);

      /* The scale's ticks, faint. */
      set_role (p, TPS_PALETTE_GRID, 1.0);
      cairo_set_line_width (cr, 1.0);
      for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
        {
          double x = round (gap_scale_x (g, rating)) + 0.5;

          cairo_move_to (cr, x, y + 4);
          cairo_line_to (cr, x, y + GAP_ROW_H - 4);
        }
      cairo_stroke (cr);

      /* The gap itself: a bar from the customers' rating to the employees'. */
      if (gap->gap != 0)
        {
          set_role (p, gap->gap > 0 ? TPS_PALETTE_TREND_WORSE : TPS_PALETTE_TREND_BETTER,
                    p->dark ? 0.55 : 0.40);
          tps_draw_rounded_rect (cr, MIN (cx, ix), cy - 3.5, fabs (ix - cx), 7, 3.5);
          cairo_fill (cr);
        }

      /* Where both agree, the customers' dot sits inside the employees'
       * diamond.
       */
      if (gap->gap == 0)
        {
          draw_employee_marker (p, ix, cy, 19);
          draw_customer_marker (p, cx, cy, 9);
        }
      else
        {
          draw_customer_marker (p, cx, cy, 13);
          draw_employee_marker (p, ix, cy, 15);
        }

      set_role (p, gap->gap > 0 ? TPS_PALETTE_TREND_WORSE
                   : gap->gap < 0 ? TPS_PALETTE_TREND_BETTER : TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, gap_layout, g->gap_x + (GAP_COLUMN_W - tps_draw_text_width (gap_layout)) / 2,
                 cy - tps_draw_text_height (gap_layout) / 2);
    }

  if (g->show_more)
    {
      guint rest = g->gaps->len - g->first - g->shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more touchpoint with a "
                                                            "smaller gap",
                                                            "… and %u more touchpoints with "
                                                            "smaller gaps",
                                                            rest),
                                               rest);
      g_autoptr(PangoLayout) layout = text_new (p, text, 11.5, PANGO_WEIGHT_NORMAL,
                                                g->width - 2 * GAP_PAD, 0);

      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, layout, GAP_PAD, g->footer_y + (GAP_ROW_H - tps_draw_text_height (layout)) / 2);
    }
}

/* The height that shows every row (or max_rows of them) at @width. */
double
tps_analysis_perception_gap_get_height (TpsProject                    *project,
                                        double                         width,
                                        const TpsAnalysisChartOptions *options)
{
  Painter p;
  GapChart g = { 0 };
  double height;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, -1);
  height = g.height;
  gap_chart_clear (&g);
  painter_clear (&p);
  return height;
}

/**
 * tps_analysis_render_perception_gap:
 *
 * Draws the headline shares and, below, one row per touchpoint in use
 * today: the customers' rating (a blue dot), the employees' (an amber
 * diamond) and the gap between them, largest gaps first. Rows that do not
 * fit in @height are counted in a last line.
 */
void
tps_analysis_render_perception_gap (cairo_t                       *cr,
                                    TpsProject                    *project,
                                    double                         width,
                                    double                         height,
                                    const TpsAnalysisChartOptions *options)
{
  Painter p;
  GapChart g = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPS_IS_PROJECT (project));

  painter_init (&p, cr, options);
  gap_chart_layout (&p, &g, project, width, height);

  cairo_save (cr);
  fill_background (&p, width, height);
  if (g.show_head)
    gap_draw_head (&p, &g);
  if (g.first < g.gaps->len)
    {
      gap_draw_scale_head (&p, &g);
      gap_draw_rows (&p, &g);
    }
  cairo_restore (cr);

  gap_chart_clear (&g);
  painter_clear (&p);
}

/**
 * tps_analysis_perception_gap_count_rows:
 *
 * How many touchpoint rows a chart of @width × @height shows, starting at
 * @options' first_row: for spreading the chart over pages.
 */
guint
tps_analysis_perception_gap_count_rows (TpsProject                    *project,
                                        double                         width,
                                        double                         height,
                                        const TpsAnalysisChartOptions *options)
{
  Painter p;
  GapChart g = { 0 };
  guint shown;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, height);
  shown = g.shown;
  gap_chart_clear (&g);
  painter_clear (&p);
  return shown;
}

/**
 * tps_analysis_perception_gap_hit_test:
 *
 * Returns: (transfer none) (nullable): the touchpoint of the row at (@x, @y)
 */
TpsTouchpoint *
tps_analysis_perception_gap_hit_test (TpsProject                    *project,
                                      double                         width,
                                      double                         height,
                                      const TpsAnalysisChartOptions *options,
                                      double                         x,
                                      double                         y)
{
  Painter p;
  GapChart g = { 0 };
  TpsTouchpoint *found = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, height);
  if (x >= GAP_PAD - 4 && x < width - GAP_PAD + 4 && y >= g.rows_y)
    {
      guint row = (guint) floor ((y - g.rows_y) / GAP_ROW_H);

      if (row < g.shown)
        found = g_array_index (g.gaps, TpsPerceptionGap, g.first + row).touchpoint;
    }
  gap_chart_clear (&g);
  painter_clear (&p);
  return found;
}

/* KPI trends ------------------------------------------------------------------ */

#define KPI_PAD         10.0
#define KPI_LEGEND_H    28.0
#define KPI_CELL_MIN_W  250.0
#define KPI_CELL_H      194.0
#define KPI_GAP         14.0
#define KPI_INNER       12.0
#define KPI_HEAD_H      54.0
#define KPI_DATES_H     18.0
#define KPI_EMPTY_H     90.0

typedef struct
{
  double width;
  double height;
  GPtrArray *series;      /* TpsKpiSeries, journey order */
  guint first;
  guint shown;
  gboolean show_more;
  guint columns;
  double cell_w;
  double cells_y;
} KpiChart;

static void
kpi_chart_clear (KpiChart *k)
{
  g_clear_pointer (&k->series, g_ptr_array_unref);
}

static void
kpi_chart_layout (Painter    *p,
                  KpiChart   *k,
                  TpsProject *project,
                  double      width,
                  double      height)
{
  guint max = p->options->max_series;
  guint rows, rest;

  k->width = width;
  k->series = p->options->kpi_series != NULL ? g_ptr_array_ref (p->options->kpi_series)
                                             : tps_analysis_get_kpi_series (project);
  k->columns = MAX (1, (guint) floor ((width - 2 * KPI_PAD + KPI_GAP)
                                      / (KPI_CELL_MIN_W + KPI_GAP)));
  k->cell_w = (width - 2 * KPI_PAD - (k->columns - 1) * KPI_GAP) / k->columns;
  k->cells_y = KPI_PAD + KPI_LEGEND_H;
  k->first = MIN (p->options->first_series, k->series->len);
  rest = k->series->len - k->first;
  k->shown = max > 0 ? MIN (max, rest) : rest;

  if (height > 0)
    {
      double room = height - k->cells_y - KPI_PAD + KPI_GAP;
      guint fit_rows = room > 0 ? (guint) floor (room / (KPI_CELL_H + KPI_GAP)) : 0;

      k->shown = MIN (k->shown, fit_rows * k->columns);
    }

  rows = (k->shown + k->columns - 1) / k->columns;
  k->show_more = k->shown < rest && !p->options->paginated;
  if (k->series->len == 0)
    k->height = KPI_EMPTY_H;
  else
    k->height = k->cells_y + rows * (KPI_CELL_H + KPI_GAP) - KPI_GAP + KPI_PAD
                + (k->show_more ? 24 : 0);
}

static void
kpi_cell_rect (KpiChart          *k,
               guint              index,
               cairo_rectangle_t *rect)
{
  guint row = index / k->columns, column = index % k->columns;

  rect->x = KPI_PAD + column * (k->cell_w + KPI_GAP);
  rect->y = k->cells_y + row * (KPI_CELL_H + KPI_GAP);
  rect->width = k->cell_w;
  rect->height = KPI_CELL_H;
}

static TpsPaletteRole
verdict_role (TpsKpiVerdict verdict)
{
  switch (verdict)
    {
    case TPS_KPI_IMPROVED:
      return TPS_PALETTE_TREND_BETTER;
    case TPS_KPI_WORSENED:
      return TPS_PALETTE_TREND_WORSE;
    case TPS_KPI_NO_COMPARISON:
    case TPS_KPI_UNCHANGED:
    default:
      return TPS_PALETTE_TREND_NEUTRAL;
    }
}

/* Days since an epoch, for placing readings on a time axis. */
static gboolean
parse_julian (const char *iso,
              double     *julian)
{
  unsigned y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

/* "Mar 2025", in the locale's words. */
static char *
format_month (const char *iso)
{
  unsigned y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return g_strdup (iso != NULL ? iso : "");

  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* Translators: a month on a KPI chart's time axis; see strftime(3) */
  return g_date_time_format (dt, C_("kpi date", "%b %Y"));
}

static void
kpi_draw_legend (Painter  *p,
                 KpiChart *k)
{
  cairo_t *cr = p->cr;
  double x = KPI_PAD, y = KPI_PAD + KPI_LEGEND_H / 2 - 4;
  const char *texts[] = {
    _("Baseline (Nullmessung)"), _("Target"), _("Better than the baseline"),
    _("Worse than the baseline"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) label = text_new (p, texts[i], 11.5, PANGO_WEIGHT_NORMAL, -1, 0);

      cairo_save (cr);
      if (i == 0 || i == 1)
        {
          static const double dash[] = { 5, 3 };
          static const double dot[] = { 1.5, 3 };

          set_role (p, i == 0 ? TPS_PALETTE_TEXT_MUTED : TPS_PALETTE_ACCENT, 1.0);
          cairo_set_line_width (cr, i == 0 ? 1.5 : 2.0);
          cairo_set_line_cap (cr, i == 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, i == 0 ? dash : dot, 2, 0);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + 24, y);
          cairo_stroke (cr);
          x += 30;
        }
      else
        {
          set_role (p, i == 2 ? TPS_PALETTE_TREND_BETTER : TPS_PALETTE_TREND_WORSE, 1.0);
          cairo_new_path (cr);
          cairo_arc (cr, x + 5, y, 5, 0, 2 * G_PI);
          cairo_fill (cr);
          x += 14;
        }
      cairo_restore (cr);

      set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      text_show (p, label, x, y - tps_draw_text_height (label) / 2);
      x += tps_draw_text_width (label) + 20;
    }
}

/* Where a series' readings go inside a cell: time to the right, values up,
 * with room around every value, the baseline and the target.
 */
typedef struct
{
  double x0;
  double x1;
  double top;
  double bottom;
  double lo;
  double hi;
  double first_day;
  double last_day;
} KpiScale;

static void
kpi_scale_init (KpiScale     *sc,
                TpsKpiSeries *s,
                double        x0,
                double        x1,
                double        top,
                double        bottom)
{
  double pad;

  sc->x0 = x0;
  sc->x1 = x1;
  sc->top = top;
  sc->bottom = bottom;
  sc->lo = s->min_value;
  sc->hi = s->max_value;
  pad = sc->hi - sc->lo > 1e-9 ? (sc->hi - sc->lo) * 0.12
        : fabs (sc->hi) > 1e-9 ? fabs (sc->hi) * 0.1 : 1.0;
  sc->lo -= pad;
  sc->hi += pad;

  sc->first_day = sc->last_day = 0;
  parse_julian (tps_measurement_get_date (g_ptr_array_index (s->measurements, 0)),
                &sc->first_day);
  parse_julian (tps_measurement_get_date (s->latest), &sc->last_day);
}

static double
kpi_scale_x (const KpiScale *sc,
             TpsMeasurement *m)
{
  double julian = sc->first_day;

  if (sc->last_day <= sc->first_day)
    return (sc->x0 + sc->x1) / 2;

  parse_julian (tps_measurement_get_date (m), &julian);
  return sc->x0 + 6 + (sc->x1 - sc->x0 - 12) * (julian - sc->first_day)
                      / (sc->last_day - sc->first_day);
}

static double
kpi_scale_y (const KpiScale *sc,
             double          value)
{
  return sc->bottom - (sc->bottom - sc->top) * (value - sc->lo) / (sc->hi - sc->lo);
}

/* Head: touchpoint and metric on the left, the latest value and its change
 * since the baseline on the right.
 */
static void
kpi_draw_cell_head (Painter                 *p,
                    TpsKpiSeries            *s,
                    const cairo_rectangle_t *r,
                    const TpsColor          *verdict)
{
  double x0 = r->x + KPI_INNER, x1 = r->x + r->width - KPI_INNER;
  g_autofree char *value = tps_kpi_format_value (s->metric,
                                                 tps_measurement_get_value (s->latest));
  g_autofree char *change = NULL;
  g_autoptr(PangoLayout) value_layout = text_new (p, value, 19, PANGO_WEIGHT_BOLD, -1, 0);
  g_autoptr(PangoLayout) change_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) metric_layout = NULL;
  double head_w;

  if (s->verdict == TPS_KPI_NO_COMPARISON)
    change = g_strdup (_("baseline only"));
  else
    {
      g_autofree char *delta = tps_kpi_format_change (s->metric, s->change);

      /* Translators: a KPI's change since the baseline ("+0.9 vs baseline") */
      change = g_strdup_printf (_("%s vs baseline"), delta);
    }
  change_layout = text_new (p, change, 11, PANGO_WEIGHT_BOLD, -1, 0);
  head_w = x1 - x0 - MAX (tps_draw_text_width (value_layout),
                          tps_draw_text_width (change_layout)) - 10;

  title_layout = text_new (p, title_or_untitled (s->touchpoint), 12.5, PANGO_WEIGHT_BOLD,
                           head_w, 2);
  metric_layout = text_new (p, tps_kpi_series_get_name (s), 11.5, PANGO_WEIGHT_NORMAL,
                            head_w, 0);

  set_role (p, TPS_PALETTE_TEXT, 1.0);
  text_show (p, title_layout, x0, r->y + 10);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, metric_layout, x0, r->y + 12 + tps_draw_text_height (title_layout));

  set_role (p, TPS_PALETTE_TEXT, 1.0);
  text_show (p, value_layout, x1 - tps_draw_text_width (value_layout), r->y + 6);
  set_color (p, verdict, 1.0);
  text_show (p, change_layout, x1 - tps_draw_text_width (change_layout),
             r->y + 8 + tps_draw_text_height (value_layout));
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether a label at @rect would cover the curve of @s or one of its dots. */
static gboolean
kpi_label_hits_curve (const cairo_rectangle_t *rect,
                      TpsKpiSeries            *s,
                      const KpiScale          *sc)
{
  const double margin = 3;
  double left = rect->x - margin, right = rect->x + rect->width + margin;
  double top = rect->y - margin, bottom = rect->y + rect->height + margin;
  double px = 0, py = 0;

  for (guint i = 0; i < s->measurements->len; i++)
    {
      TpsMeasurement *m = g_ptr_array_index (s->measurements, i);
      double x = kpi_scale_x (sc, m), y = kpi_scale_y (sc, tps_measurement_get_value (m));

      if (x >= left - 4 && x <= right + 4 && y >= top - 4 && y <= bottom + 4)
        return TRUE;

      if (i > 0)
        {
          double lo = MAX (MIN (px, x), left), hi = MIN (MAX (px, x), right);

          if (lo <= hi)
            {
              gboolean vertical = fabs (x - px) < 1e-9;
              double y_lo = vertical ? MIN (py, y) : py + (y - py) * (lo - px) / (x - px);
              double y_hi = vertical ? MAX (py, y) : py + (y - py) * (hi - px) / (x - px);

              if (MAX (y_lo, y_hi) >= top && MIN (y_lo, y_hi) <= bottom)
                return TRUE;
            }
        }

      px = x;
      py = y;
    }

  return FALSE;
}

/* Places a reference line's label at the first of four spots (either end of
 * the line, either side of it) where it covers neither the curve nor
 * @avoid; the first spot when none is free.
 */
static void
kpi_place_label (PangoLayout             *label,
                 TpsKpiSeries            *s,
                 const KpiScale          *sc,
                 double                   line_y,
                 gboolean                 prefer_right,
                 gboolean                 prefer_above,
                 const cairo_rectangle_t *avoid,
                 cairo_rectangle_t       *rect)
{
  double w = tps_draw_text_width (label), h = tps_draw_text_height (label);

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      gboolean right = attempt < 2 ? prefer_right : !prefer_right;
      gboolean above = attempt % 2 == 0 ? prefer_above : !prefer_above;
      cairo_rectangle_t candidate = {
        right ? sc->x1 - w : sc->x0, above ? line_y - h - 1 : line_y + 1, w, h
      };

      if (attempt == 0)
        *rect = candidate;
      if (!kpi_label_hits_curve (&candidate, s, sc)
          && (avoid == NULL || !rects_overlap (&candidate, avoid)))
        {
          *rect = candidate;
          return;
        }
    }
}

/* The baseline (dashed) and the target (dotted), each labelled with its
 * value where the label covers nothing: the target preferably at the left
 * end, where the curve has not arrived yet, the baseline at the right end,
 * which the curve has left.
 */
static void
kpi_draw_reference_lines (Painter        *p,
                          TpsKpiSeries   *s,
                          const KpiScale *sc)
{
  static const double dash[] = { 5, 3 };
  static const double dot[] = { 1.5, 3.5 };
  cairo_t *cr = p->cr;
  double base_value = tps_measurement_get_value (s->baseline);
  double base_y = kpi_scale_y (sc, base_value);
  double label_w = (sc->x1 - sc->x0) / 2 - 4;
  g_autofree char *base_number = tps_kpi_format_value (s->metric, base_value);
  /* Translators: the baseline's value on a KPI chart */
  g_autofree char *base_text = g_strdup_printf (_("Baseline %s"), base_number);
  g_autoptr(PangoLayout) base_label = text_new (p, base_text, 10.5, PANGO_WEIGHT_NORMAL,
                                                label_w, 0);
  cairo_rectangle_t target_rect = { 0 }, base_rect;
  gboolean target_above = FALSE;

  cairo_save (cr);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 0.9);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, sc->x0, base_y);
  cairo_line_to (cr, sc->x1, base_y);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (s->has_target)
    {
      double target_y = kpi_scale_y (sc, s->target);
      g_autofree char *target_number = tps_kpi_format_value (s->metric, s->target);
      /* Translators: the target's value on a KPI chart */
      g_autofree char *target_text = g_strdup_printf (_("Target %s"), target_number);
      g_autoptr(PangoLayout) target_label = text_new (p, target_text, 10.5, PANGO_WEIGHT_BOLD,
                                                      label_w, 0);

      target_above = target_y <= base_y;

      cairo_save (cr);
      set_role (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dot, 2, 0);
      cairo_move_to (cr, sc->x0, target_y);
      cairo_line_to (cr, sc->x1, target_y);
      cairo_stroke (cr);
      cairo_restore (cr);

      kpi_place_label (target_label, s, sc, target_y, FALSE, target_above, NULL, &target_rect);
      set_role (p, TPS_PALETTE_ACCENT, 1.0);
      text_show (p, target_label, target_rect.x, target_rect.y);
    }

  kpi_place_label (base_label, s, sc, base_y, TRUE, s->has_target && !target_above,
                   s->has_target ? &target_rect : NULL, &base_rect);
  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  text_show (p, base_label, base_rect.x, base_rect.y);
}

static void
kpi_draw_readings (Painter        *p,
                   TpsKpiSeries   *s,
                   const KpiScale *sc,
                   const TpsColor *verdict)
{
  cairo_t *cr = p->cr;
  guint n = s->measurements->len;

  cairo_save (cr);
  set_role (p, TPS_PALETTE_CURVE_IST, 0.9);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      TpsMeasurement *m = g_ptr_array_index (s->measurements, i);

      cairo_line_to (cr, kpi_scale_x (sc, m), kpi_scale_y (sc, tps_measurement_get_value (m)));
    }
  cairo_stroke (cr);

  /* Every reading a dot; the baseline a ring, the latest a larger dot in
   * the colour of its verdict.
   */
  for (guint i = 0; i < n; i++)
    {
      TpsMeasurement *m = g_ptr_array_index (s->measurements, i);
      double x = kpi_scale_x (sc, m), y = kpi_scale_y (sc, tps_measurement_get_value (m));

      cairo_new_path (cr);
      if (m == s->latest)
        {
          cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
          set_color (p, verdict, 1.0);
          cairo_fill_preserve (cr);
          set_role (p, TPS_PALETTE_CARD, 1.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else if (m == s->baseline)
        {
          cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
          set_role (p, TPS_PALETTE_CARD, 1.0);
          cairo_fill_preserve (cr);
          set_role (p, TPS_PALETTE_CURVE_IST, 1.0);
          cairo_set_line_width (cr, 1.8);
          cairo_stroke (cr);
        }
      else
        {
          cairo_arc (cr, x, y, 2.6, 0, 2 * G_PI);
          set_role (p, TPS_PALETTE_CURVE_IST, 1.0);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* The time axis: the months of the first and the last reading. */
static void
kpi_draw_dates (Painter                 *p,
                TpsKpiSeries            *s,
                const cairo_rectangle_t *r,
                const KpiScale          *sc)
{
  TpsMeasurement *first_m = g_ptr_array_index (s->measurements, 0);
  g_autofree char *first = format_month (tps_measurement_get_date (first_m));
  g_autofree char *last = format_month (tps_measurement_get_date (s->latest));
  g_autoptr(PangoLayout) first_layout = text_new (p, first, 10.5, PANGO_WEIGHT_NORMAL, -1, 0);
  double y = r->y + r->height - KPI_DATES_H - 2;

  set_role (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (p->cr, 1.0);
  cairo_move_to (p->cr, sc->x0, round (y - 3) + 0.5);
  cairo_line_to (p->cr, sc->x1, round (y - 3) + 0.5);
  cairo_stroke (p->cr);

  set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  if (s->measurements->len == 1 || g_strcmp0 (first, last) == 0)
    {
      text_show (p, first_layout, (sc->x0 + sc->x1 - tps_draw_text_width (first_layout)) / 2, y);
    }
  else
    {
      g_autoptr(PangoLayout) last_layout = text_new (p, last, 10.5, PANGO_WEIGHT_NORMAL, -1, 0);

      text_show (p, first_layout, sc->x0, y);
      text_show (p, last_layout, sc->x1 - tps_draw_text_width (last_layout), y);
    }
}

static void
kpi_draw_cell (Painter                 *p,
               TpsKpiSeries            *s,
               const cairo_rectangle_t *r)
{
  cairo_t *cr = p->cr;
  const TpsAnalysisChartOptions *o = p->options;
  gboolean selected = !o->print && o->selected != NULL && o->selected == s->touchpoint;
  gboolean hovered = !o->print && o->hovered != NULL && o->hovered == s->touchpoint;
  KpiScale sc;
  TpsColor verdict;

  tps_palette_get (verdict_role (s->verdict), p->dark, &verdict);

  tps_draw_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, 8);
  set_role (p, TPS_PALETTE_CARD, 1.0);
  cairo_fill_preserve (cr);
  if (selected || hovered)
    {
      set_role (p, TPS_PALETTE_ACCENT, selected ? 1.0 : 0.6);
      cairo_set_line_width (cr, selected ? 2.0 : 1.5);
    }
  else
    {
      set_role (p, TPS_PALETTE_CARD_BORDER, 1.0);
      cairo_set_line_width (cr, 1.0);
    }
  cairo_stroke (cr);

  /* Room above and below the plot for the labels of reference lines at
   * its edges.
   */
  kpi_scale_init (&sc, s, r->x + KPI_INNER, r->x + r->width - KPI_INNER,
                  r->y + KPI_HEAD_H + 18, r->y + r->height - KPI_DATES_H - 22);

  kpi_draw_cell_head (p, s, r, &verdict);
  kpi_draw_dates (p, s, r, &sc);
  kpi_draw_reference_lines (p, s, &sc);
  kpi_draw_readings (p, s, &sc, &verdict);
}

double
tps_analysis_kpi_trends_get_height (TpsProject                    *project,
                                    double                         width,
                                    const TpsAnalysisChartOptions *options)
{
  Painter p;
  KpiChart k = { 0 };
  double height;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, -1);
  height = k.height;
  kpi_chart_clear (&k);
  painter_clear (&p);
  return height;
}

/**
 * tps_analysis_render_kpi_trends:
 *
 * Draws one small chart per touchpoint and metric, touchpoints in journey
 * order: the readings over time, the baseline (dashed) and the target
 * (dotted), the latest value and its change since the baseline, green when
 * it moved the right way and red when it did not.
 */
void
tps_analysis_render_kpi_trends (cairo_t                       *cr,
                                TpsProject                    *project,
                                double                         width,
                                double                         height,
                                const TpsAnalysisChartOptions *options)
{
  Painter p;
  KpiChart k = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPS_IS_PROJECT (project));

  painter_init (&p, cr, options);
  kpi_chart_layout (&p, &k, project, width, height);

  cairo_save (cr);
  fill_background (&p, width, height);

  if (k.series->len == 0)
    {
      cairo_rectangle_t area = { 0, 0, width, MIN (height, KPI_EMPTY_H) };

      draw_centered_message (&p, &area,
                             _("No measurements yet. Record KPIs per touchpoint, the first "
                               "as the baseline, to follow them here."));
    }
  else
    {
      kpi_draw_legend (&p, &k);
      for (guint i = 0; i < k.shown; i++)
        {
          cairo_rectangle_t rect;

          kpi_cell_rect (&k, i, &rect);
          kpi_draw_cell (&p, g_ptr_array_index (k.series, k.first + i), &rect);
        }

      if (k.show_more)
        {
          guint rest = k.series->len - k.first - k.shown;
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "… and %u more KPI",
                                                                "… and %u more KPIs", rest),
                                                   rest);
          g_autoptr(PangoLayout) layout = text_new (&p, text, 11.5, PANGO_WEIGHT_NORMAL,
                                                    width - 2 * KPI_PAD, 0);
          guint rows = (k.shown + k.columns - 1) / k.columns;

          set_role (&p, TPS_PALETTE_TEXT_MUTED, 1.0);
          text_show (&p, layout, KPI_PAD, k.cells_y + rows * (KPI_CELL_H + KPI_GAP));
        }
    }
  cairo_restore (cr);

  kpi_chart_clear (&k);
  painter_clear (&p);
}

/**
 * tps_analysis_kpi_trends_count_series:
 *
 * How many KPI charts a drawing of @width × @height shows, starting at
 * @options' first_series: for spreading the charts over pages.
 */
guint
tps_analysis_kpi_trends_count_series (TpsProject                    *project,
                                      double                         width,
                                      double                         height,
                                      const TpsAnalysisChartOptions *options)
{
  Painter p;
  KpiChart k = { 0 };
  guint shown;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);

  painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, height);
  shown = k.shown;
  kpi_chart_clear (&k);
  painter_clear (&p);
  return shown;
}

/**
 * tps_analysis_kpi_trends_hit_test:
 *
 * Returns: (transfer none) (nullable): the touchpoint of the KPI chart at
 *   (@x, @y)
 */
TpsTouchpoint *
tps_analysis_kpi_trends_hit_test (TpsProject                    *project,
                                  double                         width,
                                  double                         height,
                                  const TpsAnalysisChartOptions *options,
                                  double                         x,
                                  double                         y)
{
  Painter p;
  KpiChart k = { 0 };
  TpsTouchpoint *found = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, height);
  for (guint i = 0; i < k.shown && found == NULL; i++)
    {
      cairo_rectangle_t rect;

      kpi_cell_rect (&k, i, &rect);
      if (rect_contains (&rect, x, y))
        found = ((TpsKpiSeries *) g_ptr_array_index (k.series, k.first + i))->touchpoint;
    }
  kpi_chart_clear (&k);
  painter_clear (&p);
  return found;
}
