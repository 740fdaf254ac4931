/* tps-map-pages.h — the journey map drawn page by page
 *
 * One object behind the PDF writer, the print dialog and its preview: it
 * lays the map out on pages (tps-page-layout.h), split into parts when one
 * page would print it too small (tps-map-split.h), and draws any page, with
 * its header, footer, crop marks and poster overview, through the one map
 * renderer onto whatever cairo context it is given. So a printed page is
 * the PDF page is the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tps-map-layout.h"
#include "tps-page-layout.h"

G_BEGIN_DECLS

#define TPS_TYPE_MAP_PAGES (tps_map_pages_get_type ())
G_DECLARE_FINAL_TYPE (TpsMapPages, tps_map_pages, TPS, MAP_PAGES, GObject)

TpsMapPages         *tps_map_pages_new             (TpsProject           *project,
                                                    const TpsPageOptions *options,
                                                    GError              **error);
TpsMapPages         *tps_map_pages_new_for_layout  (TpsMapLayout         *map_layout,
                                                    const TpsPageOptions *options,
                                                    GError              **error);

TpsMapLayout        *tps_map_pages_get_map_layout  (TpsMapPages          *self);
const TpsPageLayout *tps_map_pages_get_page_layout (TpsMapPages          *self);
guint                tps_map_pages_get_n_pages     (TpsMapPages          *self);
void                 tps_map_pages_get_page        (TpsMapPages          *self,
                                                    guint                 index,
                                                    TpsPage              *page);
double               tps_map_pages_get_text_size   (TpsMapPages          *self);
char                *tps_map_pages_describe_fit    (TpsMapPages          *self);

void                 tps_map_pages_set_date        (TpsMapPages          *self,
                                                    GDateTime            *date);

void                 tps_map_pages_draw_page       (TpsMapPages          *self,
                                                    cairo_t              *cr,
                                                    guint                 index);
void                 tps_map_pages_draw_content    (TpsMapPages          *self,
                                                    cairo_t              *cr,
                                                    guint                 index);

G_END_DECLS
