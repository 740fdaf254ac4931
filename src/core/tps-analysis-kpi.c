/* tps-analysis-kpi.c — the KPI trends chart of the analysis (see tps-analysis-charts.c)
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
      g_autoptr(PangoLayout) label = tps_chart_text_new (p, texts[i], 11.5, PANGO_WEIGHT_NORMAL,
                                                         -1, 0);

      cairo_save (cr);
      if (i == 0 || i == 1)
        {
          static const double dash[] = { 5, 3 };
          static const double dot[] = { 1.5, 3 };

          tps_chart_set_role (p, i == 0 ? TPS_PALETTE_TEXT_MUTED : TPS_PALETTE_ACCENT, 1.0);
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
          tps_chart_set_role (p, i == 2 ? TPS_PALETTE_TREND_BETTER : TPS_PALETTE_TREND_WORSE, 1.0);
          cairo_new_path (cr);
          cairo_arc (cr, x + 5, y, 5, 0, 2 * G_PI);
          cairo_fill (cr);
          x += 14;
        }
      cairo_restore (cr);

      tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_chart_text_show (p, label, x, y - tps_draw_text_height (label) / 2);
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
  g_autoptr(PangoLayout) value_layout = tps_chart_text_new (p, value, 19, PANGO_WEIGHT_BOLD, -1, 0);
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
  change_layout = tps_chart_text_new (p, change, 11, PANGO_WEIGHT_BOLD, -1, 0);
  head_w = x1 - x0 - MAX (tps_draw_text_width (value_layout),
                          tps_draw_text_width (change_layout)) - 10;

  title_layout = tps_chart_text_new (p, tps_chart_title_or_untitled (s->touchpoint), 12.5,
                                     PANGO_WEIGHT_BOLD,
                                     head_w, 2);
  metric_layout = tps_chart_text_new (p, tps_kpi_series_get_name (s), 11.5, PANGO_WEIGHT_NORMAL,
                                      head_w, 0);

  tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
  tps_chart_text_show (p, title_layout, x0, r->y + 10);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, metric_layout, x0, r->y + 12 + tps_draw_text_height (title_layout));

  tps_chart_set_role (p, TPS_PALETTE_TEXT, 1.0);
  tps_chart_text_show (p, value_layout, x1 - tps_draw_text_width (value_layout), r->y + 6);
  tps_chart_set_color (p, verdict, 1.0);
  tps_chart_text_show (p, change_layout, x1 - tps_draw_text_width (change_layout),
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
  g_autoptr(PangoLayout) base_label = tps_chart_text_new (p, base_text, 10.5, PANGO_WEIGHT_NORMAL,
                                                          label_w, 0);
  cairo_rectangle_t target_rect = { 0 }, base_rect;
  gboolean target_above = FALSE;

  cairo_save (cr);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 0.9);
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
      g_autoptr(PangoLayout) target_label = tps_chart_text_new (p, target_text, 10.5,
                                                                PANGO_WEIGHT_BOLD,
                                                                label_w, 0);

      target_above = target_y <= base_y;

      cairo_save (cr);
      tps_chart_set_role (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dot, 2, 0);
      cairo_move_to (cr, sc->x0, target_y);
      cairo_line_to (cr, sc->x1, target_y);
      cairo_stroke (cr);
      cairo_restore (cr);

      kpi_place_label (target_label, s, sc, target_y, FALSE, target_above, NULL, &target_rect);
      tps_chart_set_role (p, TPS_PALETTE_ACCENT, 1.0);
      tps_chart_text_show (p, target_label, target_rect.x, target_rect.y);
    }

  kpi_place_label (base_label, s, sc, base_y, TRUE, s->has_target && !target_above,
                   s->has_target ? &target_rect : NULL, &base_rect);
  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  tps_chart_text_show (p, base_label, base_rect.x, base_rect.y);
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
  tps_chart_set_role (p, TPS_PALETTE_CURVE_IST, 0.9);
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
          tps_chart_set_color (p, verdict, 1.0);
          cairo_fill_preserve (cr);
          tps_chart_set_role (p, TPS_PALETTE_CARD, 1.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else if (m == s->baseline)
        {
          cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
          tps_chart_set_role (p, TPS_PALETTE_CARD, 1.0);
          cairo_fill_preserve (cr);
          tps_chart_set_role (p, TPS_PALETTE_CURVE_IST, 1.0);
          cairo_set_line_width (cr, 1.8);
          cairo_stroke (cr);
        }
      else
        {
          cairo_arc (cr, x, y, 2.6, 0, 2 * G_PI);
          tps_chart_set_role (p, TPS_PALETTE_CURVE_IST, 1.0);
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
  g_autoptr(PangoLayout) first_layout = tps_chart_text_new (p, first, 10.5, PANGO_WEIGHT_NORMAL,
                                                            -1, 0);
  double y = r->y + r->height - KPI_DATES_H - 2;

  tps_chart_set_role (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (p->cr, 1.0);
  cairo_move_to (p->cr, sc->x0, round (y - 3) + 0.5);
  cairo_line_to (p->cr, sc->x1, round (y - 3) + 0.5);
  cairo_stroke (p->cr);

  tps_chart_set_role (p, TPS_PALETTE_TEXT_MUTED, 1.0);
  if (s->measurements->len == 1 || g_strcmp0 (first, last) == 0)
    {
      tps_chart_text_show (p, first_layout,
                           (sc->x0 + sc->x1 - tps_draw_text_width (first_layout)) / 2, y);
    }
  else
    {
      g_autoptr(PangoLayout) last_layout = tps_chart_text_new (p, last, 10.5, PANGO_WEIGHT_NORMAL,
                                                               -1, 0);

      tps_chart_text_show (p, first_layout, sc->x0, y);
      tps_chart_text_show (p, last_layout, sc->x1 - tps_draw_text_width (last_layout), y);
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
  tps_chart_set_role (p, TPS_PALETTE_CARD, 1.0);
  cairo_fill_preserve (cr);
  if (selected || hovered)
    {
      tps_chart_set_role (p, TPS_PALETTE_ACCENT, selected ? 1.0 : 0.6);
      cairo_set_line_width (cr, selected ? 2.0 : 1.5);
    }
  else
    {
      tps_chart_set_role (p, TPS_PALETTE_CARD_BORDER, 1.0);
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

  tps_chart_painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, -1);
  height = k.height;
  kpi_chart_clear (&k);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, cr, options);
  kpi_chart_layout (&p, &k, project, width, height);

  cairo_save (cr);
  tps_chart_fill_background (&p, width, height);

  if (k.series->len == 0)
    {
      cairo_rectangle_t area = { 0, 0, width, MIN (height, KPI_EMPTY_H) };

      tps_chart_draw_centered_message (&p, &area,
                                       _("No measurements yet. Record KPIs per touchpoint, the "
                                         "first as the baseline, to follow them here."));
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
          g_autoptr(PangoLayout) layout = tps_chart_text_new (&p, text, 11.5, PANGO_WEIGHT_NORMAL,
                                                              width - 2 * KPI_PAD, 0);
          guint rows = (k.shown + k.columns - 1) / k.columns;

          tps_chart_set_role (&p, TPS_PALETTE_TEXT_MUTED, 1.0);
          tps_chart_text_show (&p, layout, KPI_PAD, k.cells_y + rows * (KPI_CELL_H + KPI_GAP));
        }
    }
  cairo_restore (cr);

  kpi_chart_clear (&k);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, height);
  shown = k.shown;
  kpi_chart_clear (&k);
  tps_chart_painter_clear (&p);
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

  tps_chart_painter_init (&p, NULL, options);
  kpi_chart_layout (&p, &k, project, width, height);
  for (guint i = 0; i < k.shown && found == NULL; i++)
    {
      cairo_rectangle_t rect;

      kpi_cell_rect (&k, i, &rect);
      if (tps_chart_rect_contains (&rect, x, y))
        found = ((TpsKpiSeries *) g_ptr_array_index (k.series, k.first + i))->touchpoint;
    }
  kpi_chart_clear (&k);
  tps_chart_painter_clear (&p);
  return found;
}
