/* tps-page-layout.h — the journey map on paper: sizes, fit and poster tiles
 *
 * Pure geometry: given a paper, margins and a mode, where the header, the
 * footer and the map go on each page, and for a poster which part of the
 * map each tile shows. Nothing here draws the map, so the tile grid can be
 * checked without rendering; TpsMapPages draws what this computes.
 *
 * Page coordinates are PostScript points (1/72 inch), origin at the top
 * left of the paper. Map coordinates are layout units (1/96 inch at
 * natural size, see tps-map-layout.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define TPS_PAGE_LAYOUT_ERROR (tps_page_layout_error_quark ())

typedef enum {
  TPS_PAGE_LAYOUT_ERROR_TOO_SMALL,       /* the margins leave no room for the map */
  TPS_PAGE_LAYOUT_ERROR_TOO_MANY_TILES,  /* more than TPS_PAGE_MAX_TILES */
} TpsPageLayoutError;

/* A poster beyond this many sheets is a typo in the scale, not a plan. */
#define TPS_PAGE_MAX_TILES 400

/* Points per layout unit at natural size (scale 1): 72 / 96. */
#define TPS_PAGE_POINTS_PER_UNIT 0.75

#define TPS_PAGE_MM(mm) ((mm) * 72.0 / 25.4)

/* The band around a poster tile's content that holds its crop and glue
 * marks, and the caption above the overview's map; points.
 */
#define TPS_PAGE_MARK_BAND       18.0
#define TPS_PAGE_OVERVIEW_CAPTION 64.0

typedef enum {
  TPS_PAPER_A4,
  TPS_PAPER_A3,
  TPS_PAPER_A2,
  TPS_PAPER_A1,
  TPS_PAPER_A0,
  TPS_PAPER_LETTER,
  TPS_PAPER_TABLOID,
  TPS_N_PAPERS
} TpsPaper;

typedef enum {
  TPS_PAGE_MODE_FIT,     /* the whole map on one page, scaled and centred */
  TPS_PAGE_MODE_POSTER,  /* the map at a chosen scale, tiled over several pages */
} TpsPageMode;

typedef struct
{
  double      paper_width;    /* points, orientation applied */
  double      paper_height;
  double      margin;         /* points on every side, kept free for the printer */
  TpsPageMode mode;
  double      scale;          /* poster: 1 prints the map at natural size (96 dpi) */
  double      overlap;        /* poster: points two neighbouring tiles both show */
  gboolean    crop_marks;     /* poster: cut and glue marks around each tile */
  gboolean    overview;       /* poster: an assembly page with the tile grid first */
  gboolean    header_footer;  /* title, date and page number on each page */
  /* Fit: the smallest height of a touchpoint title line, points; a map
   * that would print smaller is split into pages at stage boundaries.
   * 0 fits the whole map on one page whatever the size.
   */
  double      min_text;
  gboolean    hide_empty_lanes; /* leave out channels without touchpoints */
  const char *comparator_id;    /* a comparator's curve on the map; %NULL for none */
} TpsPageOptions;

typedef enum {
  TPS_PAGE_KIND_MAP,       /* the whole map, fitted */
  TPS_PAGE_KIND_OVERVIEW,  /* the whole map, fitted, with the tile grid */
  TPS_PAGE_KIND_TILE,      /* one tile of a poster */
} TpsPageKind;

/* What one page shows. */
typedef struct
{
  TpsPageKind       kind;
  guint             row;          /* tiles: 0-based */
  guint             column;
  double            scale;        /* points per layout unit */
  cairo_rectangle_t source;       /* the part of the map shown, layout units */
  cairo_rectangle_t target;       /* where @source lands on the page, points */
  /* Tiles: the edges a neighbour overlaps. The right and bottom strips of
   * width options.overlap are where the next tiles are glued on; the left
   * and top edges are cut.
   */
  gboolean          has_left;
  gboolean          has_top;
  gboolean          has_right;
  gboolean          has_bottom;
} TpsPage;

typedef struct
{
  TpsPageOptions    options;
  double            map_width;     /* layout units */
  double            map_height;
  cairo_rectangle_t header;        /* page furniture, points; empty without it */
  cairo_rectangle_t footer;
  cairo_rectangle_t content;       /* where map or tile go */
  double            fit_scale;     /* points per layout unit of the fitted map */
  /* Poster: tile (r, c) shows the map from (origin_x + c × step_x,
   * origin_y + r × step_y), content.width / scale wide. The grid is
   * centred over the map, so the origin may be negative.
   */
  guint             columns;
  guint             rows;
  double            origin_x;
  double            origin_y;
  double            step_x;
  double            step_y;
  guint             n_pages;
} TpsPageLayout;

GQuark      tps_page_layout_error_quark (void);

const char *tps_paper_get_name          (TpsPaper              paper);
const char *tps_paper_get_label         (TpsPaper              paper);
gboolean    tps_paper_parse             (const char           *name,
                                         TpsPaper             *paper);
void        tps_paper_get_size          (TpsPaper              paper,
                                         gboolean              landscape,
                                         double               *width,
                                         double               *height);

void        tps_page_options_init       (TpsPageOptions       *options,
                                         TpsPaper              paper,
                                         gboolean              landscape);
double      tps_page_scale_to_fit       (double                map_width,
                                         double                map_height,
                                         double                width,
                                         double                height);
double      tps_page_poster_scale_for_paper (double            map_width,
                                         double                map_height,
                                         TpsPaper              poster_paper,
                                         double                margin);

gboolean    tps_page_layout_compute     (TpsPageLayout        *layout,
                                         const TpsPageOptions *options,
                                         double                map_width,
                                         double                map_height,
                                         GError              **error);
guint       tps_page_layout_get_n_tiles (const TpsPageLayout  *layout);
void        tps_page_layout_get_grid_size (const TpsPageLayout *layout,
                                         double               *width,
                                         double               *height);
void        tps_page_layout_get_page    (const TpsPageLayout  *layout,
                                         guint                 index,
                                         TpsPage              *page);
gboolean    tps_page_layout_find_tile   (const TpsPageLayout  *layout,
                                         guint                 row,
                                         guint                 column,
                                         guint                *index);

char       *tps_page_tile_label         (guint                 row,
                                         guint                 column);
char       *tps_page_format_number      (guint                 page,
                                         guint                 n_pages);
char       *tps_page_format_date        (GDateTime            *date);
GDateTime  *tps_page_now                (void);

/* Text on printed pages, in points: the map's font family at 72 dpi. */
PangoContext *tps_page_pango_context_new (cairo_t           *cr);
PangoLayout  *tps_page_text_new          (PangoContext      *context,
                                          const char        *text,
                                          double             size,
                                          PangoWeight        weight,
                                          double             width);

/* What the furniture of a page says; %NULL parts are left out. */
typedef struct
{
  const char *title;        /* header, left */
  const char *subtitle;     /* header, right */
  const char *note;         /* footer, left */
  const char *date;         /* footer, middle */
  guint       page;         /* 1-based; 0 for no number */
  guint       n_pages;
} TpsPageFurniture;

void          tps_page_draw_furniture    (cairo_t                *cr,
                                          const TpsPageLayout    *layout,
                                          const TpsPageFurniture *furniture);

G_END_DECLS
