/* tps-palette.h — every colour the map uses, in light and dark
 *
 * The only place in C where colours live. The rating scale is a diverging,
 * colour-blind-safe ramp (vermillion → amber → grey → teal → deep blue), so
 * "disappointing" and "delightful" differ in hue and lightness alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tps-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} TpsColor;

typedef enum {
  TPS_PALETTE_PAGE,            /* the paper behind everything */
  TPS_PALETTE_LANE_ALT,        /* every second lane */
  TPS_PALETTE_HEADER,          /* stage header cells */
  TPS_PALETTE_HEADER_ALT,      /* every second stage header */
  TPS_PALETTE_HEADER_TEXT,
  TPS_PALETTE_GRID,            /* separators */
  TPS_PALETTE_CARD,
  TPS_PALETTE_CARD_BORDER,
  TPS_PALETTE_SHADOW,
  TPS_PALETTE_TEXT,
  TPS_PALETTE_TEXT_MUTED,
  TPS_PALETTE_ACCENT,          /* selection, focus, drop indicator */
  TPS_PALETTE_HIGHLIGHT,       /* touchpoints of a selected measure */
  TPS_PALETTE_BAND,            /* experience band background */
  TPS_PALETTE_CURVE_IST,
  TPS_PALETTE_CURVE_SOLL,
  TPS_PALETTE_CURVE_BENCHMARK, /* a comparator's ratings */
  TPS_PALETTE_GAP_SHORTFALL,   /* Soll above Ist: still to do */
  TPS_PALETTE_GAP_SURPLUS,     /* Ist above Soll: better than planned */
  TPS_PALETTE_TREND_BETTER,
  TPS_PALETTE_TREND_WORSE,
  TPS_PALETTE_TREND_NEUTRAL,
  TPS_PALETTE_CHANGE_ADDED,    /* outlines of a comparison with another version */
  TPS_PALETTE_CHANGE_REMOVED,
  TPS_PALETTE_CHANGE_CHANGED,
  TPS_PALETTE_OVERDUE,         /* the planner's overdue bars and today line */
  TPS_PALETTE_PLAN_HEADER,     /* the timeline's month header */
  TPS_PALETTE_PLAN_GROUP,      /* the timeline's group rows */
  TPS_PALETTE_GRID_STRONG,     /* year lines, axes */
  TPS_PALETTE_DIVIDER,         /* the matrix's quadrant dividers */
  TPS_PALETTE_MARKER_TEXT,     /* dark digits on a light marker */
  TPS_PALETTE_N_ROLES
} TpsPaletteRole;

void     tps_palette_get           (TpsPaletteRole  role,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_rating        (int             rating,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_rating_text   (int             rating,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_moment        (TpsMoment       moment,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_channel_kind  (TpsChannelKind  kind,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_measure_status (TpsMeasureStatus status,
                                    gboolean        dark,
                                    TpsColor       *color);
void     tps_palette_quadrant      (guint           quadrant,
                                    gboolean        dark,
                                    TpsColor       *color);

const char *tps_palette_persona_color (guint       index);

/* A persona without a colour of its own is drawn in the first. */
#define TPS_PERSONA_DEFAULT_COLOR (tps_palette_persona_color (0))

void     tps_palette_set_source    (cairo_t        *cr,
                                    TpsPaletteRole  role,
                                    gboolean        dark,
                                    double          opacity);
void     tps_color_set_source      (cairo_t        *cr,
                                    const TpsColor *color,
                                    double          opacity);
char    *tps_color_to_string       (const TpsColor *color);

G_END_DECLS
