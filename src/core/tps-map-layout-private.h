/* tps-map-layout-private.h — what the layout and the renderer share
 *
 * The renderer must lay text out exactly as the layout measured it, so both
 * make their pango layouts here, with the same fonts and the same metrics
 * settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-map-layout.h"
#include "tps-map-titles.h"

G_BEGIN_DECLS

/* Metrics in layout units that do not depend on the card style. */
#define TPS_MAP_MARGIN          40.0
#define TPS_MAP_TITLE_GAP       28.0
#define TPS_MAP_CARD_RADIUS     9.0
#define TPS_MAP_CARD_ACCENT     5.0
#define TPS_MAP_LEGEND_ICON     24.0
#define TPS_MAP_LEGEND_ROW      28.0
#define TPS_MAP_LEGEND_SPACING  26.0
#define TPS_MAP_POINT_RADIUS    12.0
#define TPS_MAP_CHEVRON         18.0   /* the point of a stage header */
#define TPS_MAP_STAGE_RING      26.0   /* the ring around a stage's number */
#define TPS_MAP_STAGE_LINES     2

/* What a card style (TpsMapStyle) decides: the print style keeps the
 * title's size and shrinks everything around it.
 */
typedef struct
{
  double label_width;     /* the lane label column */
  double step_width;      /* a slot */
  double card_margin_x;   /* between a card and its slot's edges */
  double lane_pad_y;      /* above and below the cards of a lane */
  double card_pad;
  double chip_height;     /* the rating chip in a card's top row */
  double card_gap;        /* between a card's rows */
  double card_foot;       /* the measures and trend row */
  int    title_lines;     /* a title longer than this is ellipsised */
  double badge;           /* a moment badge in a card's top row */
  double header_pad;
  double label_pad;
  double band_gap;
  double band_title;
  double band_row;
  double band_pad;
} TpsMapMetrics;

typedef enum {
  TPS_MAP_TEXT_TITLE,
  TPS_MAP_TEXT_SUBTITLE,
  TPS_MAP_TEXT_LEGEND,
  TPS_MAP_TEXT_STAGE,
  TPS_MAP_TEXT_STAGE_PRINT,
  TPS_MAP_TEXT_STAGE_COUNT,
  TPS_MAP_TEXT_LANE,
  TPS_MAP_TEXT_LANE_KIND,
  TPS_MAP_TEXT_CARD_TITLE,
  TPS_MAP_TEXT_CARD_META,
  TPS_MAP_TEXT_CHIP,
  TPS_MAP_TEXT_BAND_TITLE,
  TPS_MAP_TEXT_BAND_LABEL,
  TPS_MAP_N_TEXT_STYLES
} TpsMapTextStyle;

typedef enum {
  TPS_MAP_LEGEND_RATING_MIN,     /* five items, -2 … +2 */
  TPS_MAP_LEGEND_RATING_MAX = TPS_MAP_LEGEND_RATING_MIN + 4,
  TPS_MAP_LEGEND_PAINPOINT,
  TPS_MAP_LEGEND_LOVEPOINT,
  TPS_MAP_LEGEND_MOMENT_OF_TRUTH,
  TPS_MAP_LEGEND_ENTRY,
  TPS_MAP_LEGEND_EXIT,
  TPS_MAP_LEGEND_NEW,
  TPS_MAP_LEGEND_RETIRE,
  TPS_MAP_LEGEND_MEASURES,
  TPS_MAP_LEGEND_TREND,
  TPS_MAP_LEGEND_IST,
  TPS_MAP_LEGEND_SOLL,
  TPS_MAP_LEGEND_BENCHMARK,      /* only while a comparator's curve is shown */
  TPS_MAP_LEGEND_SHORTFALL,
  TPS_MAP_LEGEND_SURPLUS,
  TPS_MAP_LEGEND_ONLINE,
  TPS_MAP_LEGEND_OFFLINE,
  TPS_MAP_LEGEND_HYBRID,
  TPS_MAP_N_LEGEND_ITEMS
} TpsMapLegendItem;

typedef struct
{
  TpsMapLegendItem  item;
  cairo_rectangle_t rect;     /* icon and text */
} TpsMapLegendEntry;

PangoLayout             *tps_map_text_new            (PangoContext      *context,
                                                      TpsMapTextStyle    style,
                                                      const char        *text,
                                                      double             width,
                                                      int                max_lines);

const char              *tps_map_legend_get_label    (TpsMapLegendItem   item);
const TpsMapMetrics     *tps_map_layout_get_metrics  (TpsMapLayout      *self);
TpsMapTextStyle          tps_map_layout_get_stage_text (TpsMapLayout    *self);
double                   tps_map_layout_get_stage_name_width (TpsMapLayout *self,
                                                      const TpsMapColumn *column,
                                                      gboolean           first);
const TpsMapLegendEntry *tps_map_layout_get_legend   (TpsMapLayout      *self,
                                                      guint             *n_entries);
const char              *tps_map_layout_get_legend_label (TpsMapLayout  *self,
                                                      TpsMapLegendItem   item);
void                     tps_map_layout_get_header_rect (TpsMapLayout   *self,
                                                      cairo_rectangle_t *rect);
void                     tps_map_layout_get_lanes_rect  (TpsMapLayout   *self,
                                                      cairo_rectangle_t *rect);
double                   tps_map_layout_get_band_rows_top (TpsMapLayout *self);
double                   tps_map_layout_measure_title (TpsMapLayout     *self,
                                                       const char       *title,
                                                       TpsTitleMeasure   how);

G_END_DECLS
