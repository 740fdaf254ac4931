/* tps-map-layout.h — the journey map's geometry, computed from the model
 *
 * Stages are columns, channels are lanes. Inside a stage the touchpoints
 * share step columns ("slots") across the lanes: in journey order, a
 * touchpoint joins the current slot unless its lane is already taken there,
 * so a stage is only as wide as it needs to be and the map reads at a
 * glance. Below the lanes, an experience band carries the Ist and Soll
 * curves with one point per touchpoint, in journey order, strictly left to
 * right: the points of one slot are spread across its width.
 *
 * All lengths are layout units: at zoom 1 on a 96 dpi screen one unit is
 * one pixel. The geometry is cached; it changes only in
 * tps_map_layout_rebuild().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_MAP_LAYOUT (tps_map_layout_get_type ())
G_DECLARE_FINAL_TYPE (TpsMapLayout, tps_map_layout, TPS, MAP_LAYOUT, GObject)

typedef enum {
  TPS_MAP_STYLE_SCREEN,  /* roomy cards to read and edit on screen */
  TPS_MAP_STYLE_PRINT,   /* dense cards for paper and exports: the title is what matters */
} TpsMapStyle;

typedef struct
{
  /* The project's title, organisation and a legend above the map. */
  gboolean    show_title;
  TpsMapStyle style;
  /* Leave out the lanes of channels without a touchpoint on this map. */
  gboolean    hide_empty_lanes;
  /* A part of the journey: the slots [first_slot, first_slot + n_slots)
   * of the whole map, counted over all stages. 0 slots for all of it.
   */
  guint       first_slot;
  guint       n_slots;
  /* The title block may be wider than the map: a narrow part of a map on
   * a wide page flows its legend across the page. 0 for the map's width.
   */
  double      title_width;
  /* A comparator whose ratings the band shows as a third curve (seed 001:
   * benchmarking); %NULL or an id the project does not have shows none.
   * The layout keeps its own copy.
   */
  const char *comparator_id;
} TpsMapLayoutOptions;

typedef struct
{
  double x;
  double y;
} TpsMapPoint;

/* A stage column. */
typedef struct
{
  TpsStage          *stage;
  guint              stage_index;    /* in the project's stages, for its number */
  double             x;
  double             width;
  cairo_rectangle_t  header;
  guint              first_step;     /* index into the steps */
  guint              n_steps;        /* at least 1, even when empty */
  guint              n_touchpoints;  /* on this map; the whole stage's on a full map */
  guint              first_slot;     /* index into the slots */
  guint              n_slots;        /* at least 1, even when empty */
  /* On a part of the journey: the stage goes on before or after it. */
  gboolean           continued_before;
  gboolean           continued_after;
} TpsMapColumn;

/* A step column of a stage: at most one card per lane. */
typedef struct
{
  guint              column;
  guint              index;          /* over the whole journey, for parts */
  double             x;
  double             width;
  guint              first_step;     /* its cards' steps, in journey order */
  guint              n_steps;
} TpsMapSlot;

/* A channel lane. */
typedef struct
{
  TpsChannel        *channel;
  double             y;
  double             height;
  cairo_rectangle_t  label;
} TpsMapLane;

/* One step of the journey: a touchpoint, or the single empty step of a
 * stage without touchpoints (touchpoint %NULL). Steps are sorted by x:
 * [x, x + width) is the touchpoint's share of its slot, where its curve
 * points are.
 */
typedef struct
{
  TpsTouchpoint     *touchpoint;
  guint              column;
  guint              slot;
  guint              lane;           /* G_MAXUINT for an empty step */
  guint              position;       /* index within its stage */
  double             x;
  double             width;
  cairo_rectangle_t  card;
  TpsMapPoint        ist;            /* where the curves pass this step */
  TpsMapPoint        soll;
} TpsMapStep;

typedef enum {
  TPS_MAP_HIT_NONE,
  TPS_MAP_HIT_CARD,
  TPS_MAP_HIT_CELL,           /* a lane inside a stage, off any card */
  TPS_MAP_HIT_STAGE_HEADER,
  TPS_MAP_HIT_LANE_LABEL,
  TPS_MAP_HIT_CURVE_POINT,    /* a step's point on the Ist or Soll curve */
  TPS_MAP_HIT_BAND,
} TpsMapHitKind;

typedef struct
{
  TpsMapHitKind  kind;
  TpsTouchpoint *touchpoint;  /* CARD and CURVE_POINT */
  int            column;      /* -1 when outside every column */
  int            lane;        /* -1 when outside every lane */
  int            slot;        /* -1 when outside every slot */
  int            step;        /* the card's, or the step under x; -1 for none */
  /* Where in the column's journey a card dropped or created here goes:
   * over a card, before it in the card's left half and after it in the
   * right half; in an empty cell, at the end of that slot, so that the
   * card lands in the cell.
   */
  guint          insert_position;
} TpsMapHit;

typedef enum {
  TPS_MAP_CURVE_IST,
  TPS_MAP_CURVE_SOLL,
  TPS_MAP_CURVE_BENCHMARK,    /* one point per touchpoint the comparator was rated at */
} TpsMapCurve;

void                tps_map_layout_options_init     (TpsMapLayoutOptions       *options);
void                tps_map_layout_options_init_print (TpsMapLayoutOptions     *options);

TpsMapLayout       *tps_map_layout_new              (TpsProject                *project,
                                                     const TpsMapLayoutOptions *options);
TpsMapLayout       *tps_map_layout_new_for_export   (TpsProject                *project,
                                                     const TpsMapLayoutOptions *options);
TpsMapLayout       *tps_map_layout_new_part         (TpsMapLayout              *whole,
                                                     guint                      first_slot,
                                                     guint                      n_slots,
                                                     double                     title_width);
const TpsMapLayoutOptions *
                    tps_map_layout_get_options      (TpsMapLayout              *self);
void                tps_map_layout_rebuild          (TpsMapLayout              *self);
TpsProject         *tps_map_layout_get_project      (TpsMapLayout              *self);
PangoContext       *tps_map_layout_get_pango_context (TpsMapLayout             *self);

void                tps_map_layout_get_size         (TpsMapLayout              *self,
                                                     double                    *width,
                                                     double                    *height);
void                tps_map_layout_get_map_rect     (TpsMapLayout              *self,
                                                     cairo_rectangle_t         *rect);
void                tps_map_layout_get_title_rect   (TpsMapLayout              *self,
                                                     cairo_rectangle_t         *rect);

guint               tps_map_layout_get_n_columns    (TpsMapLayout              *self);
const TpsMapColumn *tps_map_layout_get_column       (TpsMapLayout              *self,
                                                     guint                      index);
guint               tps_map_layout_get_n_lanes      (TpsMapLayout              *self);
const TpsMapLane   *tps_map_layout_get_lane         (TpsMapLayout              *self,
                                                     guint                      index);
guint               tps_map_layout_get_n_slots      (TpsMapLayout              *self);
const TpsMapSlot   *tps_map_layout_get_slot         (TpsMapLayout              *self,
                                                     guint                      index);
guint               tps_map_layout_get_n_steps      (TpsMapLayout              *self);
const TpsMapStep   *tps_map_layout_get_step         (TpsMapLayout              *self,
                                                     guint                      index);
int                 tps_map_layout_find_step        (TpsMapLayout              *self,
                                                     TpsTouchpoint             *touchpoint);
gboolean            tps_map_layout_get_card_rect    (TpsMapLayout              *self,
                                                     TpsTouchpoint             *touchpoint,
                                                     cairo_rectangle_t         *rect);
int                 tps_map_layout_find_column      (TpsMapLayout              *self,
                                                     const char                *stage_id);
int                 tps_map_layout_find_lane        (TpsMapLayout              *self,
                                                     const char                *channel_id);

void                tps_map_layout_get_band_rect    (TpsMapLayout              *self,
                                                     cairo_rectangle_t         *rect);
double              tps_map_layout_rating_to_y      (TpsMapLayout              *self,
                                                     int                        rating);
const TpsMapPoint  *tps_map_layout_get_curve        (TpsMapLayout              *self,
                                                     TpsMapCurve                curve,
                                                     guint                     *n_points);
void                tps_map_layout_set_comparator_id (TpsMapLayout             *self,
                                                     const char                *comparator_id);
TpsComparator      *tps_map_layout_get_comparator   (TpsMapLayout              *self);

void                tps_map_layout_get_insert_rect  (TpsMapLayout              *self,
                                                     guint                      column,
                                                     guint                      lane,
                                                     guint                      position,
                                                     cairo_rectangle_t         *rect);
void                tps_map_layout_get_cell_rect    (TpsMapLayout              *self,
                                                     guint                      slot,
                                                     guint                      lane,
                                                     cairo_rectangle_t         *rect);
double              tps_map_layout_get_title_line_height (TpsMapLayout         *self);
double              tps_map_layout_get_title_font_size (TpsMapLayout           *self);

void                tps_map_layout_hit_test         (TpsMapLayout              *self,
                                                     double                     x,
                                                     double                     y,
                                                     TpsMapHit                 *hit);

G_END_DECLS
