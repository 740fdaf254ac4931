/* tps-analysis-gap.c — the perception gap chart of the analysis (see tps-analysis-charts.c)
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
  cairo_new_path (p->cr);
  tps_draw_path_moment (p->cr, TPS_MOMENT_OF_TRUTH, x, y, size);
  tps_chart_set_color (p, &color, 1.0);
  cairo_fill_preserve (p->cr);
  tps_chart_set_color (p, &outline, 0.55);
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
  tps_chart_set_color (p, &color, 1.0);
  cairo_fill_preserve (p->cr);
  tps_chart_set_color (p, &page, 1.0);
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
  g_autoptr(PangoLayout) name = tps_chart_text_new (p,
                                                    employees ? _("Employees") : _("Customers"), 13,
                                                    PANGO_WEIGHT_BOLD, g->label_w - 24, 0);
  g_autoptr(PangoLayout) number = tps_chart_text_new (p, figure, 20, PANGO_WEIGHT_BOLD, -1, 0);
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

  tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
  tps_chart_text_show (p, name, GAP_PAD + 22, cy - tps_draw_text_height (name) / 2);

  tps_draw_rounded_rect (cr, bar_x, cy - 8, MAX (bar_w, 16), 16, 4);
  tps_chart_set_role (p, TPS_PALETTE_GRID, p->dark ? 0.8 : 0.6);
  cairo_fill (cr);
  if (share > 0)
    {
      tps_draw_rounded_rect (cr, bar_x, cy - 8, MAX (bar_w * share, 8), 16, 4);
      tps_chart_set_color (p, &color, 1.0);
      cairo_fill (cr);
    }

  tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
  tps_chart_text_show (p, number, g->width - GAP_PAD - tps_draw_text_width (number),
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
      g_autoptr(PangoLayout) layout = tps_chart_text_new (p, headline, 13, PANGO_WEIGHT_NORMAL,
                                                          g->width - 2 * GAP_PAD, 2);

      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, layout, GAP_PAD, GAP_PAD + 8);
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
  caption_layout = tps_chart_text_new (p, caption, 11.5, PANGO_WEIGHT_NORMAL,
                                       g->width - GAP_PAD - GAP_FIGURE_W - g->scale_x, 0);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, caption_layout, g->scale_x, g->head_y + 2 * GAP_HEAD_BAR_H + 2);

  /* Translators: the perception gap in one sentence: how many touchpoints
   * employees rate better, worse, or the same as customers do */
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Employees rate %u of %u touchpoint better than "
                                           "customers do, %u worse and %u the same.",
                                           "Employees rate %u of %u touchpoints better than "
                                           "customers do, %u worse and %u the same.",
                                           s->n_compared),
                              s->n_overrated, s->n_compared, s->n_underrated, s->n_aligned);
  sentence_layout = tps_chart_text_new (p, sentence, 12.5, PANGO_WEIGHT_NORMAL,
                                        g->width - 2 * GAP_PAD, 1);
  tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
  tps_chart_text_show (p, sentence_layout, GAP_PAD, g->sentence_y + 3);
}

static void
gap_draw_scale_head (Painter  *p,
                     GapChart *g)
{
  double step = g->scale_w / N_RATINGS;
  g_autoptr(PangoLayout) gap_title = tps_chart_text_new (p, _("Gap"), 11.5, PANGO_WEIGHT_BOLD,
                                                         GAP_COLUMN_W, 0);
  g_autoptr(PangoLayout) legend = NULL;
  g_autofree char *legend_text = NULL;

  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, tps_rating_get_label (rating), 10.5,
                                                         PANGO_WEIGHT_NORMAL, step - 4, 2);
      TpsColor color;
      double x = gap_scale_x (g, rating);

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, label, x - (step - 4) / 2,
                           g->rows_y - 8 - tps_draw_text_height (label));

      tps_palette_rating (rating, p->dark, &color);
      tps_chart_set_color (p, &color, 1.0);
      cairo_rectangle (p->cr, x - step / 2 + 1, g->rows_y - 5, step - 2, 3);
      cairo_fill (p->cr);
    }

  pango_layout_set_alignment (gap_title, PANGO_ALIGN_CENTER);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, gap_title, g->gap_x, g->rows_y - 8 - tps_draw_text_height (gap_title));

  /* Translators: the key of the perception gap rows */
  legend_text = g_strdup (_("Touchpoint, largest gap first"));
  legend = tps_chart_text_new (p, legend_text, 11.5, PANGO_WEIGHT_BOLD, g->label_w, 0);
  tps_chart_text_show (p, legend, GAP_PAD, g->rows_y - 8 - tps_draw_text_height (legend));
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
      const char *title = tps_chart_title_or_untitled (gap->touchpoint);
      g_autoptr(PangoLayout) name = tps_chart_text_new (p, title, 12,
                                                        selected ? PANGO_WEIGHT_BOLD
                                                                 : PANGO_WEIGHT_NORMAL,
                                                        g->label_w, 0);
      g_autofree char *gap_text = gap->gap > 0 ? g_strdup_printf ("+%d", gap->gap)
                                  : gap->gap < 0 ? g_strdup_printf ("−%d", -gap->gap)
                                  : g_strdup ("0");
      g_autoptr(PangoLayout) gap_layout = tps_chart_text_new (p, gap_text, 13, PANGO_WEIGHT_BOLD,
                                                              -1, 0);

      if (selected || hovered)
        {
          tps_draw_rounded_rect (cr, GAP_PAD - 4, y + 1, g->width - 2 * GAP_PAD + 8, GAP_ROW_H - 2,
                                 5);
          tps_chart_set_role (p, TPS_PALETTE_ACCENT, selected ? 0.16 : 0.09);
          cairo_fill (cr);
        }
      else if (i % 2 == 1)
        {
          cairo_rectangle (cr, GAP_PAD - 4, y, g->width - 2 * GAP_PAD + 8, GAP_ROW_H);
          tps_chart_set_role (p, TPS_PALETTE_LANE_ALT, 1.0);
          cairo_fill (cr);
        }

      tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
      tps_chart_text_show (p, name, GAP_PAD, cy - tps_draw_text_height (name) / 2);

      /* The scale's ticks, faint. */
      tps_chart_set_role (p, TPS_PALETTE_GRID, 1.0);
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
          tps_chart_set_role (p, gap->gap > 0 ? TPS_PALETTE_TREND_WORSE : TPS_PALETTE_TREND_BETTER,
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

      tps_chart_set_role (p, gap->gap > 0 ? TPS_PALETTE_TREND_WORSE
                          : gap->gap < 0 ? TPS_PALETTE_TREND_BETTER : TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, gap_layout,
                           g->gap_x + (GAP_COLUMN_W - tps_draw_text_width (gap_layout)) / 2,
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
      g_autoptr(PangoLayout) layout = tps_chart_text_new (p, text, 11.5, PANGO_WEIGHT_NORMAL,
                                                          g->width - 2 * GAP_PAD, 0);

      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, layout, GAP_PAD,
                           g->footer_y + (GAP_ROW_H - tps_draw_text_height (layout)) / 2);
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

  tps_chart_painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, -1);
  height = g.height;
  gap_chart_clear (&g);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, cr, options);
  gap_chart_layout (&p, &g, project, width, height);

  cairo_save (cr);
  tps_chart_fill_background (&p, width, height);
  if (g.show_head)
    gap_draw_head (&p, &g);
  if (g.first < g.gaps->len)
    {
      gap_draw_scale_head (&p, &g);
      gap_draw_rows (&p, &g);
    }
  cairo_restore (cr);

  gap_chart_clear (&g);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, height);
  shown = g.shown;
  gap_chart_clear (&g);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, options);
  gap_chart_layout (&p, &g, project, width, height);
  if (x >= GAP_PAD - 4 && x < width - GAP_PAD + 4 && y >= g.rows_y)
    {
      guint row = (guint) floor ((y - g.rows_y) / GAP_ROW_H);

      if (row < g.shown)
        found = g_array_index (g.gaps, TpsPerceptionGap, g.first + row).touchpoint;
    }
  gap_chart_clear (&g);
  tps_chart_painter_clear (&p);
  return found;
}
