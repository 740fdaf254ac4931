/* tps-map-titles.h — how tall a card's title is, quickly and exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _TpsMapTitles TpsMapTitles;

typedef enum
{
  TPS_TITLE_BY_EITHER,
  TPS_TITLE_BY_BOUNDS,
  TPS_TITLE_BY_PANGO,
} TpsTitleMeasure;

TpsMapTitles *tps_map_titles_new     (PangoLayout     *wrapped,
                                      PangoLayout     *alone,
                                      double           width,
                                      int              max_lines);
double        tps_map_titles_measure (TpsMapTitles    *self,
                                      const char      *title,
                                      TpsTitleMeasure  how);
void          tps_map_titles_free    (TpsMapTitles    *self);

G_END_DECLS
