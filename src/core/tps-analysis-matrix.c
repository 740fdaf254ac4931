/* tps-analysis-matrix.c — the importance/performance matrix of the analysis
 *
 * What the charts share is in tps-analysis-charts.c.
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
      g_autoptr(PangoLayout) probe = tps_chart_text_new (p, "Ag", size, PANGO_WEIGHT_NORMAL, -1, 0);

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
      const char *title = tps_chart_title_or_untitled (point->touchpoint);
      g_autoptr(PangoLayout) probe = tps_chart_text_new (p, title, size, PANGO_WEIGHT_NORMAL,
                                                         -1, 0);

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
      item.label = tps_chart_text_new (p, tps_chart_title_or_untitled (point->touchpoint), size,
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
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, text, 11.5, PANGO_WEIGHT_NORMAL, -1, 0);

      tps_chart_draw_marker (p, moment, planned, x + MATRIX_MARKER / 2, y, MATRIX_MARKER);
      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, label, x + MATRIX_MARKER + 5, y - tps_draw_text_height (label) / 2);
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
      tps_chart_set_color (p, &color, quadrant_style[q].tint * (p->dark ? 1.6 : 1.0));
      cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      cairo_fill (cr);

      /* Translators: a quadrant's name and how many touchpoints are in it */
      text = g_strdup_printf (_("%s · %u"), tps_ipa_quadrant_get_label (q), m->counts[q]);
      name = tps_chart_text_new (p, text, 13, PANGO_WEIGHT_BOLD, area.width - 20, 0);
      tps_chart_set_color (p, &color, 1.0);
      tps_chart_text_show (p, name, area.x + 10,
                           band_y + (MATRIX_BAND_H - tps_draw_text_height (name)) / 2 + 1);

      /* What the quadrant means, for readers who do not know the method,
       * where it fits whole.
       */
      {
        g_autoptr(PangoLayout) hint = tps_chart_text_new (p, _(quadrant_hints[q]), 11.5,
                                                          PANGO_WEIGHT_NORMAL, -1, 0);
        double x = area.x + 10 + tps_draw_text_width (name) + 12;

        if (x + tps_draw_text_width (hint) <= area.x + area.width - 10)
          {
            tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
            tps_chart_text_show (p, hint, x,
                                 band_y + (MATRIX_BAND_H - tps_draw_text_height (hint)) / 2 + 1);
          }
      }
    }

  /* Faint lines between the cells, strong lines between the quadrants. */
  tps_chart_set_role (p, TPS_PALETTE_GRID, 1.0);
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

  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, split_x, m->plot.y);
  cairo_line_to (cr, split_x, bottom);
  cairo_move_to (cr, m->plot.x, m->mid_band_y);
  cairo_line_to (cr, m->plot.x + m->plot.width, m->mid_band_y);
  cairo_stroke (cr);

  tps_chart_set_role (p, TPS_PALETTE_GRID, 1.0);
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
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, tps_rating_get_label (rating), 11.5,
                                                         PANGO_WEIGHT_NORMAL, cw - 6, 2);

      tps_palette_rating (rating, p->dark, &color);
      tps_chart_set_color (p, &color, 1.0);
      cairo_rectangle (cr, m->col_x[c] + 1, bottom + 3, cw - 2, 5);
      cairo_fill (cr);

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      tps_chart_set_role (p, TPS_PALETTE_TEXT, 0.85);
      tps_chart_text_show (p, label, m->col_x[c] + 3, bottom + 11);
    }

  x_title = tps_chart_text_new (p, _("Customer experience today (Ist)"), 12.5, PANGO_WEIGHT_BOLD,
                                m->plot.width, 0);
  pango_layout_set_alignment (x_title, PANGO_ALIGN_CENTER);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, x_title, m->plot.x, bottom + MATRIX_TICKS_H + 2);

  for (int importance = TPS_IMPORTANCE_MIN; importance <= TPS_IMPORTANCE_MAX; importance++)
    {
      g_autofree char *text = g_strdup_printf ("%d", importance);
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, text, 13, PANGO_WEIGHT_BOLD, -1, 0);
      double y = m->row_y[importance - TPS_IMPORTANCE_MIN]
                 + m->row_h[importance - TPS_IMPORTANCE_MIN] / 2;

      tps_chart_set_role (p, TPS_PALETTE_TEXT, 0.85);
      tps_chart_text_show (p, label, m->plot.x - 10 - tps_draw_text_width (label),
                           y - tps_draw_text_height (label) / 2);
    }

  y_title = tps_chart_text_new (p, _("Importance for customers"), 12.5, PANGO_WEIGHT_BOLD,
                                m->plot.height, 0);
  pango_layout_set_alignment (y_title, PANGO_ALIGN_CENTER);
  cairo_save (cr);
  cairo_translate (cr, MATRIX_PAD, m->plot.y + m->plot.height);
  cairo_rotate (cr, -G_PI / 2);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, y_title, 0, 0);
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
          tps_chart_set_role (p, TPS_PALETTE_ACCENT, selected ? 0.18 : 0.10);
          cairo_fill_preserve (cr);
          tps_chart_set_role (p, TPS_PALETTE_ACCENT, selected ? 1.0 : 0.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      tps_chart_draw_marker (p, item->moment, item->is_new, item->mx, item->my, MATRIX_MARKER);

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

      tps_chart_set_role (p, item->retire ? TPS_PALETTE_TEXT_MUTED : TPS_PALETTE_TEXT, 1.0);
      tps_chart_text_show (p, item->label, item->label_x, item->label_y);
    }

  for (guint i = 0; i < m->more->len; i++)
    {
      MatrixMore *more = &g_array_index (m->more, MatrixMore, i);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", more->count),
                                               more->count);
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, text, more->size, PANGO_WEIGHT_NORMAL,
                                                         more->width, 0);

      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, label, more->x, more->y);
    }
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

  tps_chart_painter_init (&p, cr, options);
  matrix_layout (&p, &m, project, width, height);

  cairo_save (cr);
  tps_chart_fill_background (&p, width, height);
  matrix_draw_frame (&p, &m);
  matrix_draw_axes (&p, &m);
  matrix_draw_legend (&p, &m);
  matrix_draw_items (&p, &m);
  if (m.points->len == 0)
    tps_chart_draw_centered_message (&p, &m.plot,
                                     _("No touchpoints yet. Add touchpoints to the journey map and "
                                       "rate them to see where to concentrate."));
  cairo_restore (cr);

  matrix_clear (&m);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, options);
  matrix_layout (&p, &m, project, width, height);
  for (guint i = 0; i < m.items->len && found == NULL; i++)
    {
      MatrixItem *item = &g_array_index (m.items, MatrixItem, i);

      if (tps_chart_rect_contains (&item->area, x, y))
        found = item->touchpoint;
    }
  matrix_clear (&m);
  tps_chart_painter_clear (&p);

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

  tps_chart_painter_init (&p, NULL, options);
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
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, NULL);
  matrix_layout (&p, &m, project, width, height);
  matrix_quadrant_area (&m, quadrant, area);
  matrix_clear (&m);
  tps_chart_painter_clear (&p);
  return TRUE;
}
