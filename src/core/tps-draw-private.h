/* tps-draw-private.h — cairo and pango helpers every renderer shares
 *
 * The map, the charts, the timeline, the effort matrix and the report all
 * draw text in one font family with unhinted metrics and use the same few
 * paths. They live here once so that the renderers cannot drift apart.
 * Colours do not: they come from tps-palette.
 *
 * Private to src/core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_DRAW_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

void                  tps_draw_setup_pango_context (PangoContext *context);
PangoFontDescription *tps_draw_font_new            (double        size,
                                                    PangoWeight   weight);
PangoLayout          *tps_draw_layout_new          (cairo_t      *cr,
                                                    double        size,
                                                    gboolean      bold);
double                tps_draw_text_width          (PangoLayout  *layout);
double                tps_draw_text_height         (PangoLayout  *layout);
double                tps_draw_text_line           (cairo_t      *cr,
                                                    PangoLayout  *layout,
                                                    const char   *text,
                                                    double        x,
                                                    double        cy,
                                                    double        xalign,
                                                    double        width);


void                  tps_draw_rounded_rect        (cairo_t      *cr,
                                                    double        x,
                                                    double        y,
                                                    double        width,
                                                    double        height,
                                                    double        radius);
void                  tps_draw_path_diamond        (cairo_t      *cr,
                                                    double        cx,
                                                    double        cy,
                                                    double        half_width,
                                                    double        half_height);
void                  tps_draw_path_triangle_down  (cairo_t      *cr,
                                                    double        cx,
                                                    double        top,
                                                    double        bottom,
                                                    double        half_width);
void                  tps_draw_rating_chip         (cairo_t      *cr,
                                                    int           rating,
                                                    gboolean      dark,
                                                    double        x,
                                                    double        y,
                                                    double        width,
                                                    double        height);
void                  tps_draw_path_moment         (cairo_t      *cr,
                                                    TpsMoment     moment,
                                                    double        x,
                                                    double        y,
                                                    double        size);

G_END_DECLS
