/* tps-map-split.h — a journey map split into parts that fit a page legibly
 *
 * On paper a touchpoint title must stay readable. When the whole map on
 * one page would print its titles smaller than a minimum, it is split into
 * parts at stage boundaries (inside a stage only when one stage alone is
 * too wide), each a map of its own with the lane labels, its stages'
 * headers and its part of the experience curve. The PDF writer, the print
 * dialog, the Export dialog's summary and the report share this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-map-layout.h"

G_BEGIN_DECLS

/* The smallest line height of a touchpoint title on paper, in points: a
 * little over 6 pt, so that the words' own height (which PDF tools report
 * from the font's bounding box) is never below 6 pt.
 */
#define TPS_MAP_MIN_PRINT_TEXT 6.25

typedef struct
{
  TpsMapLayout *layout;        /* the part's own map */
  guint         first_stage;   /* 0-based, in the project's stages */
  guint         last_stage;
  /* When one stage is spread over several parts: which (1-based) and how
   * many; 0 otherwise.
   */
  guint         stage_part;
  guint         n_stage_parts;
} TpsMapPart;

typedef struct
{
  GPtrArray *parts;            /* TpsMapPart; the whole map alone when it fits */
  guint      n_stages;         /* in the project */
  double     scale;            /* points per layout unit, the same on every part */
  double     text_size;        /* a title line's height at @scale, points */
} TpsMapSplit;

TpsMapSplit *tps_map_split_new        (TpsMapLayout      *whole,
                                       double             width,
                                       double             height,
                                       double             min_text);
void         tps_map_split_free       (TpsMapSplit       *split);
guint        tps_map_split_get_n_parts (const TpsMapSplit *split);
const TpsMapPart *tps_map_split_get_part (const TpsMapSplit *split,
                                       guint              index);
char        *tps_map_split_get_label  (const TpsMapSplit *split,
                                       guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsMapSplit, tps_map_split_free)

G_END_DECLS
