/* tps-map-layout.h — the journey map's geometry, computed from the model
 *
 * Stages are columns, channels are lanes, each touchpoint is one step
 * column inside its stage in journey order, and its card sits in its
 * channel's lane. Below the lanes, an experience band carries the Ist and
 * Soll curves. All lengths are layout units: at zoom 1 on a 96 dpi screen
 * one unit is one pixel. The geometry is cached; it changes only in
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

typedef struct
{
  /* The project's title, organisation and a legend above the map. */
  gboolean show_title;
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
  double             x;
  double             width;
  cairo_rectangle_t  header;
  guint              first_step;     /* index into the steps */
  guint              n_steps;        /* at least 1, even when empty */
  guint              n_touchpoints;
} TpsMapColumn;

/* A channel lane. */
typedef struct
{
  TpsChannel        *channel;
  double             y;
  double             height;
  cairo_rectangle_t  label;
} TpsMapLane;

/* One step of the journey: a touchpoint's column, or the single empty
 * step of a stage without touchpoints (touchpoint %NULL).
 */
typedef struct
{
  TpsTouchpoint     *touchpoint;
  guint              column;
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
  int            step;        /* -1 when outside every step */
  /* Where in the column's journey a card dropped or created here goes:
   * before the step under the point when it is in the step's left half,
   * after it otherwise.
   */
  guint          insert_position;
} TpsMapHit;

typedef enum {
  TPS_MAP_CURVE_IST,
  TPS_MAP_CURVE_SOLL,
} TpsMapCurve;

TpsMapLayout       *tps_map_layout_new              (TpsProject                *project,
                                                     const TpsMapLayoutOptions *options);
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

void                tps_map_layout_get_insert_rect  (TpsMapLayout              *self,
                                                     guint                      column,
                                                     guint                      lane,
                                                     guint                      position,
                                                     cairo_rectangle_t         *rect);
void                tps_map_layout_get_cell_rect    (TpsMapLayout              *self,
                                                     guint                      step,
                                                     guint                      lane,
                                                     cairo_rectangle_t         *rect);

void                tps_map_layout_hit_test         (TpsMapLayout              *self,
                                                     double                     x,
                                                     double                     y,
                                                     TpsMapHit                 *hit);

G_END_DECLS
