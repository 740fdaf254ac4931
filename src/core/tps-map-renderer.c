/* tps-map-renderer.c
 *
 * Draws the geometry of a TpsMapLayout: stage chevrons, channel lanes,
 * touchpoint cards and the experience band with the Ist and Soll curves.
 * It never walks the model to find where things go, only to read what a
 * card says, and it skips everything outside the clip so the canvas can
 * redraw a small viewport of a huge map cheaply.
 *
 * Works on any cairo surface: text uses absolute sizes in layout units, so
 * the pango resolution a PDF caller sets does not change the result. The
 * marks, chips and text it draws with are tps-map-paint.c's; the band is
 * tps-map-band.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-map-layout-private.h"
#include "tps-analysis.h"
#include "tps-map-renderer.h"
#include "tps-map-renderer-private.h"
#include "tps-palette.h"

/* Below this zoom, card text would be a few pixels high: it is drawn as
 * grey lines instead, and stage and lane names grow to stay legible.
 */
#define GREEK_ZOOM       0.55

/**
 * tps_map_get_trend:
 *
 * The trend of the metric measured most recently at @touchpoint: its
 * latest value against its baseline (Nullmessung), judged by the same rule
 * as the analysis view and the inspector (tps_analysis_get_kpi_series_for()),
 * so a card's arrow never disagrees with them.
 *
 * Returns: %FALSE when there is nothing to compare
 */
gboolean
tps_map_get_trend (TpsTouchpoint *touchpoint,
                   TpsMapTrend   *trend)
{
  g_autoptr(GPtrArray) all_series = NULL;
  TpsKpiSeries *newest = NULL;

  g_return_val_if_fail (TPS_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (trend != NULL, FALSE);

  memset (trend, 0, sizeof *trend);
  all_series = tps_analysis_get_kpi_series_for (touchpoint);

  for (guint i = 0; i < all_series->len; i++)
    {
      TpsKpiSeries *series = g_ptr_array_index (all_series, i);

      if (newest == NULL
          || g_strcmp0 (tps_measurement_get_date (series->latest),
                        tps_measurement_get_date (newest->latest)) >= 0)
        newest = series;
    }

  if (newest == NULL || newest->verdict == TPS_KPI_NO_COMPARISON)
    return FALSE;

  /* The measurements belong to the touchpoint and outlive the series. */
  trend->baseline = newest->baseline;
  trend->latest = newest->latest;
  trend->change = newest->change;
  trend->verdict = newest->verdict == TPS_KPI_IMPROVED ? 1
                   : newest->verdict == TPS_KPI_WORSENED ? -1 : 0;

  return TRUE;
}

static void
draw_title (Painter *p)
{
  cairo_rectangle_t rect;
  const TpsMapLegendEntry *legend;
  guint n_legend;
  const char *organisation;
  double y;

  tps_map_layout_get_title_rect (p->layout, &rect);
  if (rect.height <= 0 || !tps_map_paint_visible (p, &rect, 0))
    return;

  {
    g_autoptr(PangoLayout) title = tps_map_paint_text_new (p, TPS_MAP_TEXT_TITLE,
                                                           tps_project_get_title (p->project),
                                                           rect.width, 2);
    tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 1.0);
    tps_map_paint_show_text (p, title, rect.x, rect.y, FALSE);
    y = rect.y + tps_draw_text_height (title);
  }

  organisation = tps_project_get_organisation (p->project);
  if (organisation != NULL)
    {
      g_autoptr(PangoLayout) sub = tps_map_paint_text_new (p, TPS_MAP_TEXT_SUBTITLE, organisation,
                                                           rect.width, 1);
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_map_paint_show_text (p, sub, rect.x, y + 4, TRUE);
    }

  legend = tps_map_layout_get_legend (p->layout, &n_legend);
  for (guint i = 0; i < n_legend; i++)
    {
      const TpsMapLegendEntry *entry = &legend[i];
      g_autoptr(PangoLayout) label = NULL;
      double cy = entry->rect.y + entry->rect.height / 2;

      if (!tps_map_paint_visible (p, &entry->rect, 4))
        continue;

      tps_map_paint_draw_legend_icon (p, entry->item, entry->rect.x, cy);
      label = tps_map_paint_text_new (p, TPS_MAP_TEXT_LEGEND,
                                      tps_map_layout_get_legend_label (p->layout, entry->item),
                                      -1, 0);
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 0.85);
      tps_map_paint_show_text (p, label, entry->rect.x + TPS_MAP_LEGEND_ICON + 8,
                               cy - tps_draw_text_height (label) / 2, TRUE);
    }
}

/* Stage headers: chevrons pointing along the journey. */
static void
path_chevron (cairo_t                 *cr,
              const cairo_rectangle_t *r,
              gboolean                 first)
{
  double gap = first ? 0 : 3;
  double mid = r->y + r->height / 2;

  cairo_move_to (cr, r->x + gap, r->y);
  cairo_line_to (cr, r->x + r->width, r->y);
  cairo_line_to (cr, r->x + r->width + TPS_MAP_CHEVRON, mid);
  cairo_line_to (cr, r->x + r->width, r->y + r->height);
  cairo_line_to (cr, r->x + gap, r->y + r->height);
  if (!first)
    cairo_line_to (cr, r->x + gap + TPS_MAP_CHEVRON, mid);
  cairo_close_path (cr);
}

static void
draw_stage_headers (Painter *p)
{
  cairo_t *cr = p->cr;
  guint n = tps_map_layout_get_n_columns (p->layout);
  cairo_rectangle_t header;

  tps_map_layout_get_header_rect (p->layout, &header);

  /* The corner above the lane labels says what the axes are. */
  {
    cairo_rectangle_t corner = { header.x - p->m->label_width, header.y,
                                 p->m->label_width, header.height };

    if (tps_map_paint_visible (p, &corner, 0) && !p->greek)
      {
        g_autoptr(PangoLayout) stages = tps_map_paint_text_new (p, TPS_MAP_TEXT_STAGE_COUNT,
                                                                _("Stages →"),
                                                                -1, 0);
        g_autoptr(PangoLayout) channels = tps_map_paint_text_new (p, TPS_MAP_TEXT_STAGE_COUNT,
                                                                  _("Channels ↓"), -1, 0);

        tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
        cairo_move_to (cr, corner.x + corner.width - p->m->label_pad
                           - tps_draw_text_width (stages), corner.y + p->m->header_pad);
        tps_map_paint_show_layout (p, stages);
        cairo_move_to (cr, corner.x + p->m->label_pad,
                       corner.y + corner.height - p->m->header_pad
                       - tps_draw_text_height (channels));
        tps_map_paint_show_layout (p, channels);
      }
  }

  for (guint i = 0; i < n; i++)
    {
      const TpsMapColumn *column = tps_map_layout_get_column (p->layout, i);
      const cairo_rectangle_t *r = &column->header;
      gboolean print = tps_map_layout_get_options (p->layout)->style == TPS_MAP_STYLE_PRINT;
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) count = NULL;
      g_autofree char *count_text = NULL;
      g_autofree char *name_text = NULL;
      double x, text_width;

      if (!tps_map_paint_visible (p, r, TPS_MAP_CHEVRON))
        continue;

      path_chevron (cr, r, i == 0);
      tps_map_paint_set_color (p, column->stage_index % 2 ? TPS_PALETTE_HEADER_ALT
                                                          : TPS_PALETTE_HEADER, 1.0);
      cairo_fill (cr);

      x = r->x + (i == 0 ? p->m->header_pad : TPS_MAP_CHEVRON + p->m->header_pad);
      text_width = tps_map_layout_get_stage_name_width (p->layout, column, i == 0);

      /* The stage number in a ring; on paper beside the count instead. */
      if (!print)
        {
          g_autofree char *number_text = g_strdup_printf ("%u", column->stage_index + 1);
          g_autoptr(PangoLayout) number = tps_map_paint_text_new (p, TPS_MAP_TEXT_CHIP,
                                                                  number_text, -1, 0);
          double circle = TPS_MAP_STAGE_RING;

          tps_map_paint_set_color (p, TPS_PALETTE_HEADER_TEXT, 0.9);
          cairo_set_line_width (cr, 1.5);
          cairo_arc (cr, x + circle / 2, r->y + p->m->header_pad + circle / 2 - 2,
                     circle / 2, 0, 2 * G_PI);
          cairo_stroke (cr);
          if (!p->greek)
            {
              cairo_move_to (cr, x + (circle - tps_draw_text_width (number)) / 2,
                             r->y + p->m->header_pad - 2
                             + (circle - tps_draw_text_height (number)) / 2);
              tps_map_paint_show_layout (p, number);
            }
          x += circle + 10;
        }

      if (column->continued_before)
        /* Translators: the header of a stage that a page of the printed
         * map shows from its middle; %s is the stage's name
         */
        name_text = g_strdup_printf (_("%s (continued)"), tps_stage_get_name (column->stage));
      else
        name_text = g_strdup (tps_stage_get_name (column->stage));
      name = tps_map_paint_text_new_legible (p, tps_map_layout_get_stage_text (p->layout),
                                             name_text,
                                             text_width, TPS_MAP_STAGE_LINES);
      tps_map_paint_set_color (p, TPS_PALETTE_HEADER_TEXT, 1.0);
      tps_map_paint_show_text (p, name, x, r->y + p->m->header_pad, FALSE);

      count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                 "%u touchpoints", column->n_touchpoints),
                                    column->n_touchpoints);
      if (print)
        {
          g_autofree char *numbered = g_strdup_printf ("%u · %s", column->stage_index + 1,
                                                       count_text);

          g_free (count_text);
          count_text = g_steal_pointer (&numbered);
        }
      count = tps_map_paint_text_new (p, TPS_MAP_TEXT_STAGE_COUNT, count_text, text_width, 1);
      tps_map_paint_set_color (p, TPS_PALETTE_HEADER_TEXT, 0.72);
      tps_map_paint_show_text (p, count, x,
                               r->y + r->height - p->m->header_pad
                               - tps_draw_text_height (count), TRUE);
    }
}

static void
draw_lanes (Painter *p)
{
  cairo_t *cr = p->cr;
  guint n = tps_map_layout_get_n_lanes (p->layout);
  cairo_rectangle_t lanes;

  tps_map_layout_get_lanes_rect (p->layout, &lanes);

  for (guint i = 0; i < n; i++)
    {
      const TpsMapLane *lane = tps_map_layout_get_lane (p->layout, i);
      cairo_rectangle_t row = { lanes.x, lane->y, lanes.width, lane->height };
      TpsChannelKind kind = tps_channel_get_kind (lane->channel);
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) kind_label = NULL;
      double x, y, name_height;

      if (!tps_map_paint_visible (p, &row, 0))
        continue;

      if (i % 2 == 1)
        {
          cairo_rectangle (cr, row.x, row.y, row.width, row.height);
          tps_map_paint_set_color (p, TPS_PALETTE_LANE_ALT, 1.0);
          cairo_fill (cr);
        }

      /* The label cell. */
      if (!tps_map_paint_visible (p, &lane->label, 0))
        continue;

      cairo_rectangle (cr, lane->label.x, lane->label.y, lane->label.width, lane->label.height);
      tps_map_paint_set_color (p, TPS_PALETTE_GRID, 0.35);
      cairo_fill (cr);

      x = lane->label.x + p->m->label_pad;
      name = tps_map_paint_text_new_legible (p, TPS_MAP_TEXT_LANE,
                                             tps_channel_get_name (lane->channel),
                                             lane->label.width - 2 * p->m->label_pad - 20, 3);
      kind_label = tps_map_paint_text_new (p, TPS_MAP_TEXT_LANE_KIND,
                                           tps_enum_get_label (TPS_TYPE_CHANNEL_KIND, kind), -1, 0);
      name_height = tps_draw_text_height (name);
      y = lane->y + (lane->height - name_height - 4 - tps_draw_text_height (kind_label)) / 2;
      if (p->greek)
        y = lane->y + (lane->height - name_height) / 2;

      tps_map_paint_draw_kind_mark (p, kind, x + 6, y + 10, 12);
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 1.0);
      tps_map_paint_show_text (p, name, x + 20, y, FALSE);
      if (!p->greek)
        {
          TpsColor color;

          tps_palette_channel_kind (kind, p->dark, &color);
          tps_color_set_source (cr, &color, 1.0);
          tps_map_paint_show_text (p, kind_label, x + 20, y + name_height + 4, TRUE);
        }
    }

  /* Lines between lanes and at the label column's edge. */
  tps_map_paint_set_color (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i <= n; i++)
    {
      double y = i < n ? tps_map_layout_get_lane (p->layout, i)->y
                       : lanes.y + lanes.height;

      if (y < p->clip.y - 1 || y > p->clip.y + p->clip.height + 1)
        continue;
      cairo_move_to (cr, lanes.x, y + 0.5);
      cairo_line_to (cr, lanes.x + lanes.width, y + 0.5);
    }
  cairo_move_to (cr, lanes.x + p->m->label_width - 0.5, lanes.y);
  cairo_line_to (cr, lanes.x + p->m->label_width - 0.5, lanes.y + lanes.height);
  cairo_stroke (cr);
}

/* Vertical lines between stages, through the lanes and the band. */
static void
draw_stage_separators (Painter *p)
{
  cairo_t *cr = p->cr;
  guint n = tps_map_layout_get_n_columns (p->layout);
  cairo_rectangle_t lanes, band;

  tps_map_layout_get_lanes_rect (p->layout, &lanes);
  tps_map_layout_get_band_rect (p->layout, &band);

  cairo_save (cr);
  tps_map_paint_set_color (p, TPS_PALETTE_GRID, 1.0);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 1; i <= n; i++)
    {
      double x = i < n ? tps_map_layout_get_column (p->layout, i)->x
                       : lanes.x + lanes.width;

      if (x < p->clip.x - 1 || x > p->clip.x + p->clip.width + 1)
        continue;
      cairo_move_to (cr, x - 0.5, lanes.y);
      cairo_line_to (cr, x - 0.5, lanes.y + lanes.height);
      if (i < n)
        {
          cairo_move_to (cr, x - 0.5, band.y + p->m->band_title);
          cairo_line_to (cr, x - 0.5, band.y + band.height - 6);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
format_change (double change)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double magnitude = fabs (change);

  /* Whole numbers stay whole; others get one decimal. */
  if (fabs (magnitude - round (magnitude)) < 0.05)
    g_snprintf (number, sizeof number, "%.0f", magnitude);
  else
    g_snprintf (number, sizeof number, "%.1f", magnitude);

  return g_strdup_printf ("%s%s", change < 0 ? "\u2212" : change > 0 ? "+" : "±", number);
}

static const char *
metric_short_name (TpsMeasurement *measurement)
{
  switch (tps_measurement_get_metric (measurement))
    {
    case TPS_METRIC_CSAT:
      return "CSAT";
    case TPS_METRIC_NPS:
      return "NPS";
    case TPS_METRIC_CES:
      return "CES";
    case TPS_METRIC_CONVERSION:
      return C_("short metric name", "Conversion");
    case TPS_METRIC_COMPLAINTS:
      return C_("short metric name", "Complaints");
    case TPS_METRIC_CUSTOM:
    default:
      return tps_measurement_get_metric_name (measurement);
    }
}

static void
draw_card_body (Painter                 *p,
                TpsTouchpoint           *touchpoint,
                const cairo_rectangle_t *card)
{
  cairo_t *cr = p->cr;
  TpsChannel *channel = tps_project_find_channel (p->project,
                                                  tps_touchpoint_get_channel_id (touchpoint));
  TpsTouchpointStatus status = tps_touchpoint_get_status (touchpoint);
  TpsMoment moment = tps_touchpoint_get_moment (touchpoint);
  TpsColor accent;
  double x = card->x, y = card->y, w = card->width, h = card->height;
  double inner_x = x + TPS_MAP_CARD_ACCENT + p->m->card_pad;
  double inner_w = w - TPS_MAP_CARD_ACCENT - 2 * p->m->card_pad;
  double chip_w, badge_x, foot_y;
  guint n_measures;
  TpsMapTrend trend;

  /* Shadow, body, the channel kind's accent stripe, the outline. */
  tps_draw_rounded_rect (cr, x, y + 2, w, h, TPS_MAP_CARD_RADIUS);
  tps_map_paint_set_color (p, TPS_PALETTE_SHADOW, 1.0);
  cairo_fill (cr);

  tps_draw_rounded_rect (cr, x, y, w, h, TPS_MAP_CARD_RADIUS);
  tps_map_paint_set_color (p, TPS_PALETTE_CARD, 1.0);
  cairo_fill_preserve (cr);

  cairo_save (cr);
  cairo_clip (cr);
  tps_palette_channel_kind (channel ? tps_channel_get_kind (channel) : TPS_CHANNEL_KIND_HYBRID,
                            p->dark, &accent);
  tps_color_set_source (cr, &accent, 1.0);
  cairo_rectangle (cr, x, y, TPS_MAP_CARD_ACCENT, h);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_save (cr);
  tps_draw_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, TPS_MAP_CARD_RADIUS - 0.5);
  if (status == TPS_TOUCHPOINT_STATUS_NEW)
    {
      static const double dash[] = { 6, 4 };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.0);
      tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
    }
  else
    {
      cairo_set_line_width (cr, 1.0);
      tps_map_paint_set_color (p, p->options->hovered == touchpoint && !p->options->print
                                  ? TPS_PALETTE_TEXT_MUTED : TPS_PALETTE_CARD_BORDER, 1.0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Top row: Ist chip, Soll beside it, badges on the right. */
  chip_w = tps_map_paint_draw_rating_chip (p, tps_touchpoint_get_current (touchpoint),
                                           inner_x, y + p->m->card_pad, p->m->chip_height, TRUE);
  if (!p->greek)
    {
      g_autofree char *soll = tps_rating_format (tps_touchpoint_get_target (touchpoint));
      g_autofree char *text = g_strdup_printf ("→ %s", soll);
      g_autoptr(PangoLayout) layout = tps_map_paint_text_new (p, TPS_MAP_TEXT_CARD_META, text, -1,
                                                              0);

      tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      cairo_move_to (cr, inner_x + chip_w + 6,
                     y + p->m->card_pad
                     + (p->m->chip_height - tps_draw_text_height (layout)) / 2);
      tps_map_paint_show_layout (p, layout);
    }

  badge_x = inner_x + inner_w - p->m->badge / 2;
  if (tps_touchpoint_get_exit_point (touchpoint))
    {
      tps_map_paint_draw_entry_exit (p, FALSE, badge_x, y + p->m->card_pad + p->m->chip_height / 2,
                       p->m->badge * 0.85);
      badge_x -= p->m->badge * 1.2;
    }
  if (tps_touchpoint_get_entry_point (touchpoint))
    {
      tps_map_paint_draw_entry_exit (p, TRUE, badge_x, y + p->m->card_pad + p->m->chip_height / 2,
                       p->m->badge * 0.85);
      badge_x -= p->m->badge * 1.2;
    }
  if (moment != TPS_MOMENT_NONE)
    tps_map_paint_draw_moment_shape (p, moment, badge_x, y + p->m->card_pad + p->m->chip_height / 2,
                                     p->m->badge, FALSE);

  /* The title, struck through when the touchpoint is to be retired. */
  {
    g_autoptr(PangoLayout) title = tps_map_paint_text_new (p, TPS_MAP_TEXT_CARD_TITLE,
                                                           tps_touchpoint_get_title (touchpoint),
                                                           inner_w, p->m->title_lines);

    if (status == TPS_TOUCHPOINT_STATUS_RETIRE)
      {
        PangoAttrList *attrs = pango_attr_list_new ();

        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
        pango_layout_set_attributes (title, attrs);
        pango_attr_list_unref (attrs);
      }

    tps_map_paint_set_color (p, TPS_PALETTE_TEXT, 1.0);
    tps_map_paint_show_text (p, title, inner_x,
                             y + p->m->card_pad + p->m->chip_height + p->m->card_gap,
                             TRUE);
  }

  /* Footer: linked measures on the left, the KPI trend on the right. */
  foot_y = y + h - p->m->card_pad - p->m->card_foot / 2;
  if (p->measure_counts == NULL)
    p->measure_counts = tps_project_count_measures_by_touchpoint (p->project);
  n_measures = GPOINTER_TO_UINT (g_hash_table_lookup (p->measure_counts,
                                   tps_object_get_id (TPS_OBJECT (touchpoint)) ?: ""));
  if (n_measures > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", n_measures);
      g_autoptr(PangoLayout) layout = tps_map_paint_text_new (p, TPS_MAP_TEXT_CARD_META, text, -1,
                                                              0);

      tps_map_paint_set_color (p, TPS_PALETTE_TEXT_MUTED, 1.0);
      tps_map_paint_draw_measure_icon (p, inner_x + 6, foot_y, 14);
      if (!p->greek)
        {
          cairo_move_to (cr, inner_x + 16, foot_y - tps_draw_text_height (layout) / 2);
          tps_map_paint_show_layout (p, layout);
        }
    }

  if (tps_map_get_trend (touchpoint, &trend))
    {
      g_autofree char *change = format_change (trend.change);
      /* The change first: a long custom metric name is what gets cut. */
      g_autofree char *text = g_strdup_printf ("%s %s", change, metric_short_name (trend.latest));
      g_autoptr(PangoLayout) layout = tps_map_paint_text_new (p, TPS_MAP_TEXT_CARD_META, text,
                                                              inner_w - 60, 1);
      double tw = MIN (tps_draw_text_width (layout), inner_w - 60);
      int direction = trend.change > 0 ? 1 : trend.change < 0 ? -1 : 0;

      tps_map_paint_set_color (p, trend.verdict > 0 ? TPS_PALETTE_TREND_BETTER
                                  : trend.verdict < 0 ? TPS_PALETTE_TREND_WORSE
                                  : TPS_PALETTE_TREND_NEUTRAL, 1.0);
      tps_map_paint_draw_trend_arrow (p, direction, inner_x + inner_w - tw - 9, foot_y, 12);
      if (!p->greek)
        {
          cairo_move_to (cr, inner_x + inner_w - tw, foot_y - tps_draw_text_height (layout) / 2);
          tps_map_paint_show_layout (p, layout);
        }
    }
}


/* New cards green, changed ones purple, removed ones (on the map of the
 * version that still has them) red and dashed: colours the ratings and the
 * selection do not use.
 */
static void
draw_change_mark (Painter                 *p,
                  TpsTouchpoint           *touchpoint,
                  const cairo_rectangle_t *card)
{
  static const double dash[] = { 6, 4 };
  cairo_t *cr = p->cr;
  TpsChangeKind kind;

  if (p->options->comparison == NULL
      || !tps_comparison_lookup (p->options->comparison,
                                 tps_object_get_id (TPS_OBJECT (touchpoint)), &kind))
    return;

  cairo_save (cr);
  tps_draw_rounded_rect (cr, card->x - 4.5, card->y - 4.5, card->width + 9, card->height + 9,
                         TPS_MAP_CARD_RADIUS + 4);
  tps_map_paint_set_color (p, kind == TPS_CHANGE_ADDED ? TPS_PALETTE_CHANGE_ADDED
                              : kind == TPS_CHANGE_REMOVED ? TPS_PALETTE_CHANGE_REMOVED
                              : TPS_PALETTE_CHANGE_CHANGED, 1.0);
  cairo_set_line_width (cr, 3.0);
  if (kind == TPS_CHANGE_REMOVED)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_card (Painter                 *p,
           TpsTouchpoint           *touchpoint,
           const cairo_rectangle_t *card,
           double                   opacity)
{
  cairo_t *cr = p->cr;
  gboolean interactive = !p->options->print;

  if (tps_map_render_options_dims (p->options, touchpoint))
    opacity *= 0.28;
  if (tps_touchpoint_get_status (touchpoint) == TPS_TOUCHPOINT_STATUS_RETIRE)
    opacity *= 0.6;

  if (tps_map_paint_is_highlighted (p, touchpoint))
    {
      tps_draw_rounded_rect (cr, card->x - 5, card->y - 5, card->width + 10, card->height + 10,
                             TPS_MAP_CARD_RADIUS + 5);
      tps_map_paint_set_color (p, TPS_PALETTE_HIGHLIGHT, 0.9);
      cairo_fill (cr);
    }

  draw_change_mark (p, touchpoint, card);

  if (opacity < 1.0)
    cairo_push_group (cr);

  draw_card_body (p, touchpoint, card);

  if (opacity < 1.0)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, opacity);
    }

  if (interactive && p->options->selected == touchpoint)
    {
      cairo_save (cr);
      tps_draw_rounded_rect (cr, card->x - 3.5, card->y - 3.5, card->width + 7, card->height + 7,
                             TPS_MAP_CARD_RADIUS + 3);
      tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
      if (p->options->focused)
        {
          static const double dash[] = { 2, 3 };

          tps_draw_rounded_rect (cr, card->x - 8, card->y - 8, card->width + 16, card->height + 16,
                                 TPS_MAP_CARD_RADIUS + 7);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }
}

static void
draw_cards (Painter *p)
{
  guint n = tps_map_layout_get_n_steps (p->layout);

  for (guint i = 0; i < n; i++)
    {
      const TpsMapStep *step = tps_map_layout_get_step (p->layout, i);

      if (step->touchpoint == NULL || !tps_map_paint_visible (p, &step->card, 10))
        continue;

      draw_card (p, step->touchpoint, &step->card,
                 step->touchpoint == p->options->dragged && !p->options->print ? 0.35 : 1.0);
    }
}

/* The experience band */

/* Drop indicator, add button and the dragged card's ghost. */
static void
draw_feedback (Painter *p)
{
  cairo_t *cr = p->cr;
  const TpsMapRenderOptions *o = p->options;

  if (o->print)
    return;

  if (o->show_drop && o->drop.width > 3 * o->drop.height / 4)
    {
      /* An empty cell the card will take: its outline. */
      static const double dash[] = { 7, 5 };
      double inset = p->m->card_margin_x;

      cairo_save (cr);
      tps_draw_rounded_rect (cr, o->drop.x + inset, o->drop.y + p->m->lane_pad_y,
                             o->drop.width - 2 * inset, o->drop.height - 2 * p->m->lane_pad_y,
                             TPS_MAP_CARD_RADIUS);
      tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2.5);
      tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else if (o->show_drop)
    {
      /* A new slot opens here. */
      tps_draw_rounded_rect (cr, o->drop.x, o->drop.y, o->drop.width, o->drop.height,
                             o->drop.width / 2);
      tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_fill (cr);
    }

  if (o->show_add)
    {
      double r = 15;

      cairo_arc (cr, o->add.x, o->add.y, r, 0, 2 * G_PI);
      tps_map_paint_set_color (p, TPS_PALETTE_ACCENT, 1.0);
      cairo_fill (cr);
      tps_map_paint_set_color (p, TPS_PALETTE_CARD, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, o->add.x - r * 0.45, o->add.y);
      cairo_line_to (cr, o->add.x + r * 0.45, o->add.y);
      cairo_move_to (cr, o->add.x, o->add.y - r * 0.45);
      cairo_line_to (cr, o->add.x, o->add.y + r * 0.45);
      cairo_stroke (cr);
    }

  if (o->dragged != NULL)
    {
      cairo_rectangle_t card;

      if (tps_map_layout_get_card_rect (p->layout, o->dragged, &card))
        {
          card.x = o->drag_origin.x;
          card.y = o->drag_origin.y;

          /* A deeper shadow: the card is lifted off the map. */
          tps_draw_rounded_rect (cr, card.x + 3, card.y + 7, card.width, card.height,
                                 TPS_MAP_CARD_RADIUS);
          tps_map_paint_set_color (p, TPS_PALETTE_SHADOW, 2.5);
          cairo_fill (cr);

          cairo_push_group (cr);
          draw_card_body (p, o->dragged, &card);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.85);
        }
    }
}

/**
 * tps_map_render:
 * @cr: any cairo context; the map is drawn in its current user space
 * @zoom: layout units to user units; also decides how much detail shows
 * @clip: (nullable): the part of the map to draw, in layout units; %NULL
 *   for all of it
 * @options: (nullable): selection, filters, style; %NULL for a plain
 *   light print
 *
 * Draws the journey map of @layout. The canvas, printing and every export
 * call this one function.
 */
void
tps_map_render (cairo_t                   *cr,
                TpsMapLayout              *layout,
                double                     zoom,
                const cairo_rectangle_t   *clip,
                const TpsMapRenderOptions *options)
{
  TpsMapRenderOptions defaults;
  Painter painter = { NULL, };
  Painter *p = &painter;
  double width, height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPS_IS_MAP_LAYOUT (layout));
  g_return_if_fail (zoom > 0);

  if (options == NULL)
    {
      tps_map_render_options_init (&defaults);
      defaults.print = TRUE;
      options = &defaults;
    }

  tps_map_layout_get_size (layout, &width, &height);

  p->cr = cr;
  p->layout = layout;
  p->m = tps_map_layout_get_metrics (layout);
  p->project = tps_map_layout_get_project (layout);
  p->options = options;
  p->zoom = zoom;
  p->dark = options->dark;
  p->greek = !options->print && zoom < GREEK_ZOOM;
  if (clip != NULL)
    p->clip = *clip;
  else
    p->clip = (cairo_rectangle_t) { 0, 0, width, height };

  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_rectangle (cr, p->clip.x, p->clip.y, p->clip.width, p->clip.height);
  cairo_clip (cr);

  p->pango = pango_cairo_create_context (cr);
  tps_draw_setup_pango_context (p->pango);

  tps_map_paint_set_color (p, TPS_PALETTE_PAGE, 1.0);
  cairo_paint (cr);

  draw_title (p);
  draw_lanes (p);
  draw_stage_separators (p);
  draw_stage_headers (p);
  tps_map_paint_draw_band (p);
  draw_cards (p);
  draw_feedback (p);

  g_clear_pointer (&p->measure_counts, g_hash_table_unref);
  g_object_unref (p->pango);
  cairo_restore (cr);
}
