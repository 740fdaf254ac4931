/* tps-map-pages.c
 *
 * Crop marks sit outside the content, in the band tps-page-layout keeps
 * free around each tile: a tile is trimmed along its content edge on the
 * left and top and laid over the hatched strip of its neighbour, whose
 * extent the hatched bars in the band show. Nothing is drawn over the map
 * itself, so a tile that is not trimmed still shows all of its part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tps-i18n-private.h"
#include "tps-map-pages.h"
#include "tps-map-renderer.h"
#include "tps-map-split.h"
#include "tps-palette.h"

#define MARK_GAP     3.0    /* between the content corner and its crop mark */
#define MARK_LENGTH  12.0
#define MARK_TEXT    7.0

struct _TpsMapPages
{
  GObject parent_instance;

  TpsMapLayout *map_layout;
  TpsPageLayout page_layout;
  /* A fitted map split into parts so that its titles stay legible; the
   * whole map as its only part when it fits one page.
   */
  TpsMapSplit *split;
  char *date;
};

G_DEFINE_FINAL_TYPE (TpsMapPages, tps_map_pages, G_TYPE_OBJECT)

static void
tps_map_pages_finalize (GObject *object)
{
  TpsMapPages *self = TPS_MAP_PAGES (object);

  g_clear_object (&self->map_layout);
  g_clear_pointer (&self->split, tps_map_split_free);
  g_free (self->date);

  G_OBJECT_CLASS (tps_map_pages_parent_class)->finalize (object);
}

static void
tps_map_pages_class_init (TpsMapPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_map_pages_finalize;
}

static void
tps_map_pages_init (TpsMapPages *self)
{
  g_autoptr(GDateTime) now = tps_page_now ();

  self->date = tps_page_format_date (now);
}

/**
 * tps_map_pages_new_for_layout:
 * @map_layout: the map's geometry, in the style it is to be printed in
 *
 * Returns: (transfer full) (nullable): the pages, or %NULL with @error set
 *   when @options leave no room or need too many tiles
 */
TpsMapPages *
tps_map_pages_new_for_layout (TpsMapLayout         *map_layout,
                              const TpsPageOptions *options,
                              GError              **error)
{
  g_autoptr(TpsMapPages) self = NULL;
  double width, height;

  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (map_layout), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (TPS_TYPE_MAP_PAGES, NULL);
  self->map_layout = g_object_ref (map_layout);

  tps_map_layout_get_size (map_layout, &width, &height);
  if (!tps_page_layout_compute (&self->page_layout, options, width, height, error))
    return NULL;

  if (options->mode == TPS_PAGE_MODE_FIT)
    self->split = tps_map_split_new (map_layout, self->page_layout.content.width,
                                     self->page_layout.content.height, options->min_text);

  return g_steal_pointer (&self);
}

/**
 * tps_map_pages_new:
 *
 * The map of @project in the print style, with the lanes @options asks for.
 *
 * Returns: (transfer full) (nullable): as tps_map_pages_new_for_layout()
 */
TpsMapPages *
tps_map_pages_new (TpsProject           *project,
                   const TpsPageOptions *options,
                   GError              **error)
{
  g_autoptr(TpsMapLayout) map_layout = NULL;
  TpsMapLayoutOptions map_options;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  tps_map_layout_options_init (&map_options);
  map_options.style = TPS_MAP_STYLE_PRINT;
  map_options.hide_empty_lanes = options->hide_empty_lanes;
  map_options.comparator_id = options->comparator_id;
  map_layout = tps_map_layout_new (project, &map_options);

  return tps_map_pages_new_for_layout (map_layout, options, error);
}

/* Returns: (transfer none): the map's geometry */
TpsMapLayout *
tps_map_pages_get_map_layout (TpsMapPages *self)
{
  g_return_val_if_fail (TPS_IS_MAP_PAGES (self), NULL);

  return self->map_layout;
}

/* Returns: (transfer none): where everything goes on the pages */
const TpsPageLayout *
tps_map_pages_get_page_layout (TpsMapPages *self)
{
  g_return_val_if_fail (TPS_IS_MAP_PAGES (self), NULL);

  return &self->page_layout;
}

guint
tps_map_pages_get_n_pages (TpsMapPages *self)
{
  g_return_val_if_fail (TPS_IS_MAP_PAGES (self), 0);

  if (self->split != NULL)
    return tps_map_split_get_n_parts (self->split);

  return self->page_layout.n_pages;
}

/* Returns: how high a line of a touchpoint title prints on a fitted map's
 *   pages, points; 0 for a poster, whose size the user chose
 */
double
tps_map_pages_get_text_size (TpsMapPages *self)
{
  g_return_val_if_fail (TPS_IS_MAP_PAGES (self), 0);

  return self->split != NULL ? self->split->text_size : 0;
}

/**
 * tps_map_pages_describe_fit:
 *
 * Returns: (transfer full): what a fitted map's pages are, for the Export
 *   dialog and the print dialog: how many, and how high a title prints
 */
char *
tps_map_pages_describe_fit (TpsMapPages *self)
{
  guint n;
  double size;

  g_return_val_if_fail (TPS_IS_MAP_PAGES (self), NULL);

  n = tps_map_pages_get_n_pages (self);
  size = tps_map_pages_get_text_size (self);
  if (n == 1)
    /* Translators: %.1f is the height of a line of a touchpoint title on
     * paper, in points
     */
    return g_strdup_printf (_("One page, touchpoint titles %.1f pt high."), size);

  /* Translators: a number of pages, then the height of a line of a
   * touchpoint title on paper, in points
   */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u page split at stage boundaries, "
                                       "touchpoint titles %.1f pt high.",
                                       "%u pages split at stage boundaries, "
                                       "touchpoint titles %.1f pt high.", n),
                          n, size);
}

/**
 * tps_map_pages_get_page:
 *
 * Fills @page with what page @index shows: on a split map, the part's own
 * map at the scale all parts share, at the top left of the content area.
 */
void
tps_map_pages_get_page (TpsMapPages *self,
                        guint        index,
                        TpsPage     *page)
{
  const TpsMapPart *part;
  const cairo_rectangle_t *content = &self->page_layout.content;
  double width, height;

  g_return_if_fail (TPS_IS_MAP_PAGES (self));
  g_return_if_fail (index < tps_map_pages_get_n_pages (self));
  g_return_if_fail (page != NULL);

  if (self->split == NULL || tps_map_split_get_n_parts (self->split) < 2)
    {
      tps_page_layout_get_page (&self->page_layout, index, page);
      return;
    }

  part = tps_map_split_get_part (self->split, index);
  tps_map_layout_get_size (part->layout, &width, &height);
  *page = (TpsPage) { 0, };
  page->kind = TPS_PAGE_KIND_MAP;
  page->scale = self->split->scale;
  page->source = (cairo_rectangle_t) { 0, 0, width, height };
  page->target = (cairo_rectangle_t) { content->x, content->y,
                                       width * page->scale, height * page->scale };
}

/* Returns: (transfer none): the map page @index shows */
static TpsMapLayout *
page_map (TpsMapPages *self,
          guint        index)
{
  if (self->split == NULL)
    return self->map_layout;

  return tps_map_split_get_part (self->split, index)->layout;
}

/* The date in the footers; today unless set. */
void
tps_map_pages_set_date (TpsMapPages *self,
                        GDateTime   *date)
{
  g_return_if_fail (TPS_IS_MAP_PAGES (self));
  g_return_if_fail (date != NULL);

  g_free (self->date);
  self->date = tps_page_format_date (date);
}

static void
set_source (cairo_t        *cr,
            TpsPaletteRole  role,
            double          opacity)
{
  tps_palette_set_source (cr, role, FALSE, opacity);
}

/* Draws the part of the map @page shows, at its place on the page. */
static void
draw_map (TpsMapLayout  *map,
          cairo_t       *cr,
          const TpsPage *page)
{
  TpsMapRenderOptions options;

  if (page->source.width <= 0 || page->source.height <= 0)
    return;

  tps_map_render_options_init (&options);
  options.print = TRUE;

  cairo_save (cr);
  cairo_rectangle (cr, page->target.x, page->target.y, page->target.width, page->target.height);
  cairo_clip (cr);
  cairo_translate (cr, page->target.x - page->source.x * page->scale,
                   page->target.y - page->source.y * page->scale);
  tps_map_render (cr, map, page->scale, &page->source, &options);
  cairo_restore (cr);
}

/* @text centred on (@x, @y), turned by @angle radians. */
static void
draw_label (cairo_t        *cr,
            PangoContext   *context,
            const char     *text,
            double          size,
            PangoWeight     weight,
            TpsPaletteRole  role,
            double          x,
            double          y,
            double          angle)
{
  g_autoptr(PangoLayout) layout = tps_page_text_new (context, text, size, weight, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  set_source (cr, role, 1.0);
  cairo_move_to (cr, -logical.width / (2.0 * PANGO_SCALE), -logical.height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_crop_marks (cairo_t                 *cr,
                 const cairo_rectangle_t *c)
{
  double xs[2] = { c->x, c->x + c->width };
  double ys[2] = { c->y, c->y + c->height };

  cairo_save (cr);
  set_source (cr, TPS_PALETTE_TEXT, 1.0);
  cairo_set_line_width (cr, 0.5);

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        double dx = i == 0 ? -1 : 1;
        double dy = j == 0 ? -1 : 1;

        cairo_move_to (cr, xs[i] + dx * MARK_GAP, ys[j]);
        cairo_rel_line_to (cr, dx * MARK_LENGTH, 0);
        cairo_move_to (cr, xs[i], ys[j] + dy * MARK_GAP);
        cairo_rel_line_to (cr, 0, dy * MARK_LENGTH);
      }

  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A hatched bar in the mark band beside a glue strip. */
static void
draw_glue_bar (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip_preserve (cr);
  set_source (cr, TPS_PALETTE_GRID, 0.6);
  cairo_fill_preserve (cr);

  set_source (cr, TPS_PALETTE_TEXT_MUTED, 1.0);
  cairo_set_line_width (cr, 0.4);
  for (double d = -height; d < width + height; d += 4)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);

  cairo_rectangle (cr, x, y, width, height);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_tile_marks (TpsMapPages   *self,
                 cairo_t       *cr,
                 const TpsPage *page)
{
  const TpsPageLayout *l = &self->page_layout;
  const cairo_rectangle_t *c = &l->content;
  PangoContext *context = tps_page_pango_context_new (cr);
  g_autofree char *label = tps_page_tile_label (page->row, page->column);
  double overlap = l->options.overlap;
  double band = TPS_PAGE_MARK_BAND;
  double bar = band - 2 * MARK_GAP - 4;
  double x1 = c->x + c->width;
  double y1 = c->y + c->height;

  draw_crop_marks (cr, c);

  /* The strips the right and lower neighbours are glued onto. */
  if (page->has_right && overlap > 0)
    {
      draw_glue_bar (cr, x1 - overlap, c->y - MARK_GAP - bar, overlap - MARK_GAP, bar);
      draw_glue_bar (cr, x1 - overlap, y1 + MARK_GAP, overlap - MARK_GAP, bar);
    }
  if (page->has_bottom && overlap > 0)
    {
      draw_glue_bar (cr, c->x - MARK_GAP - bar, y1 - overlap, bar, overlap - MARK_GAP);
      draw_glue_bar (cr, x1 + MARK_GAP, y1 - overlap, bar, overlap - MARK_GAP);
    }

  /* The tile's own name, and its neighbours' on the edges they share;
   * the edges to cut get scissors.
   */
  draw_label (cr, context, label, 9, PANGO_WEIGHT_BOLD, TPS_PALETTE_TEXT,
              c->x + MARK_GAP + MARK_LENGTH + 14, c->y - band / 2, 0);

  if (page->has_left)
    {
      g_autofree char *text = tps_page_tile_label (page->row, page->column - 1);
      g_autofree char *cut = g_strdup_printf ("✂  %s", text);

      draw_label (cr, context, cut, MARK_TEXT, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
                  c->x - band / 2, c->y + c->height / 2, -G_PI / 2);
    }
  if (page->has_top)
    {
      g_autofree char *text = tps_page_tile_label (page->row - 1, page->column);
      g_autofree char *cut = g_strdup_printf ("✂  %s", text);

      draw_label (cr, context, cut, MARK_TEXT, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
                  c->x + c->width / 2, c->y - band / 2, 0);
    }
  if (page->has_right)
    {
      g_autofree char *text = tps_page_tile_label (page->row, page->column + 1);

      draw_label (cr, context, text, MARK_TEXT, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
                  x1 + band / 2, c->y + c->height / 2, G_PI / 2);
    }
  if (page->has_bottom)
    {
      g_autofree char *text = tps_page_tile_label (page->row + 1, page->column);

      draw_label (cr, context, text, MARK_TEXT, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
                  c->x + c->width / 2, y1 + band / 2, 0);
    }

  g_object_unref (context);
}

/* Physical size of the assembled map, in centimetres. */
static void
poster_size_cm (const TpsPageLayout *l,
                double              *width,
                double              *height)
{
  double points = l->options.scale * TPS_PAGE_POINTS_PER_UNIT;

  *width = l->map_width * points / 72 * 2.54;
  *height = l->map_height * points / 72 * 2.54;
}

static void
draw_overview (TpsMapPages   *self,
               cairo_t       *cr,
               const TpsPage *page)
{
  const TpsPageLayout *l = &self->page_layout;
  PangoContext *context = tps_page_pango_context_new (cr);
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *first = tps_page_tile_label (0, 0);
  g_autofree char *last = tps_page_tile_label (l->rows - 1, l->columns - 1);
  g_autofree char *heading_text = NULL;
  g_autofree char *caption_text = NULL;
  g_autofree char *columns_text = NULL;
  g_autofree char *rows_text = NULL;
  double s = page->scale;
  double gx = page->target.x + l->origin_x * s;
  double gy = page->target.y + l->origin_y * s;
  double tile_w = l->content.width / (l->options.scale * TPS_PAGE_POINTS_PER_UNIT) * s;
  double tile_h = l->content.height / (l->options.scale * TPS_PAGE_POINTS_PER_UNIT) * s;
  double caption_x, caption_y, band;
  double poster_w, poster_h, size;
  double grid_w, grid_h;
  PangoRectangle logical;
  guint n_tiles = l->rows * l->columns;

  tps_page_layout_get_grid_size (l, &grid_w, &grid_h);
  poster_size_cm (l, &poster_w, &poster_h);

  /* Translators: the heading of a poster's assembly page; %u is the number of
   * pages, %s the labels of the first and last ("A1", "G2")
   */
  heading_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Poster assembly: %u page, %s to %s",
                                               "Poster assembly: %u pages, %s to %s",
                                               n_tiles),
                                  n_tiles, first, last);
  columns_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                               l->columns), l->columns);
  rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", l->rows),
                               l->rows);
  /* Translators: the first two %s are "7 columns" and "2 rows", then the
   * poster's size in centimetres, its scale in percent and the first sheet
   */
  caption_text = g_strdup_printf (_("%s × %s, map %.0f × %.0f cm at %.0f %% of its natural "
                                    "size. Print at actual size, without fitting to the page. "
                                    "Trim each page along its crop marks on the edges marked ✂ "
                                    "and glue it onto the hatched strip of its neighbour, "
                                    "starting with %s."),
                                  columns_text, rows_text, poster_w, poster_h,
                                  l->options.scale * 100, first);

  /* The caption fills the band above the grid, across the page. */
  band = l->options.crop_marks ? TPS_PAGE_MARK_BAND : 0;
  caption_x = l->content.x - band;
  caption_y = l->content.y - band;
  heading = tps_page_text_new (context, heading_text, 12, PANGO_WEIGHT_BOLD, -1);
  caption = tps_page_text_new (context, caption_text, 8, PANGO_WEIGHT_NORMAL,
                               l->content.width + 2 * band);

  set_source (cr, TPS_PALETTE_TEXT, 1.0);
  cairo_move_to (cr, caption_x, caption_y);
  pango_cairo_show_layout (cr, heading);
  set_source (cr, TPS_PALETTE_TEXT_MUTED, 1.0);
  cairo_move_to (cr, caption_x, caption_y + 18);
  pango_cairo_show_layout (cr, caption);

  draw_map (self->map_layout, cr, page);

  cairo_save (cr);

  /* The glue strips between the tiles. */
  set_source (cr, TPS_PALETTE_ACCENT, 0.16);
  for (guint c = 0; c + 1 < l->columns; c++)
    cairo_rectangle (cr, gx + (c + 1) * l->step_x * s, gy,
                     tile_w - l->step_x * s, grid_h * s);
  for (guint r = 0; r + 1 < l->rows; r++)
    cairo_rectangle (cr, gx, gy + (r + 1) * l->step_y * s,
                     grid_w * s, tile_h - l->step_y * s);
  cairo_fill (cr);

  set_source (cr, TPS_PALETTE_ACCENT, 1.0);
  cairo_set_line_width (cr, 0.75);
  for (guint r = 0; r < l->rows; r++)
    for (guint c = 0; c < l->columns; c++)
      cairo_rectangle (cr, gx + c * l->step_x * s, gy + r * l->step_y * s, tile_w, tile_h);
  cairo_stroke (cr);

  size = CLAMP (MIN (tile_w, tile_h) * 0.16, 7, 24);
  for (guint r = 0; r < l->rows; r++)
    for (guint c = 0; c < l->columns; c++)
      {
        g_autofree char *label = tps_page_tile_label (r, c);
        g_autoptr(PangoLayout) text = tps_page_text_new (context, label, size,
                                                         PANGO_WEIGHT_BOLD, -1);
        double cx = gx + c * l->step_x * s + tile_w / 2;
        double cy = gy + r * l->step_y * s + tile_h / 2;
        double w, h;

        pango_layout_get_extents (text, NULL, &logical);
        w = logical.width / (double) PANGO_SCALE;
        h = logical.height / (double) PANGO_SCALE;

        cairo_new_path (cr);
        cairo_arc (cr, cx, cy, MAX (w, h) / 2 + size * 0.35, 0, 2 * G_PI);
        set_source (cr, TPS_PALETTE_CARD, 0.92);
        cairo_fill_preserve (cr);
        set_source (cr, TPS_PALETTE_ACCENT, 1.0);
        cairo_stroke (cr);

        cairo_move_to (cr, cx - w / 2, cy - h / 2);
        pango_cairo_show_layout (cr, text);
      }

  cairo_restore (cr);
  g_object_unref (context);
}

/**
 * tps_map_pages_draw_content:
 *
 * Draws page @index without its header and footer: the fitted map, a tile
 * with its marks, or the overview with the tile grid. For callers that
 * put their own furniture around the map (the report).
 */
void
tps_map_pages_draw_content (TpsMapPages *self,
                            cairo_t     *cr,
                            guint        index)
{
  TpsPage page;

  g_return_if_fail (TPS_IS_MAP_PAGES (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < tps_map_pages_get_n_pages (self));

  tps_map_pages_get_page (self, index, &page);

  switch (page.kind)
    {
    case TPS_PAGE_KIND_MAP:
      draw_map (page_map (self, index), cr, &page);
      break;

    case TPS_PAGE_KIND_OVERVIEW:
      draw_overview (self, cr, &page);
      break;

    case TPS_PAGE_KIND_TILE:
      draw_map (self->map_layout, cr, &page);
      if (self->page_layout.options.crop_marks)
        draw_tile_marks (self, cr, &page);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * tps_map_pages_draw_page:
 * @cr: a context whose user space is the page in points, origin at the
 *   paper's top left corner
 * @index: 0-based page number
 *
 * Draws page @index with its header and footer. The PDF writer, printing
 * and the print preview all call this.
 */
void
tps_map_pages_draw_page (TpsMapPages *self,
                         cairo_t     *cr,
                         guint        index)
{
  TpsProject *project;
  g_autofree char *subtitle = NULL;
  TpsPageFurniture furniture = { NULL, };
  TpsPage page;

  g_return_if_fail (TPS_IS_MAP_PAGES (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (index < tps_map_pages_get_n_pages (self));

  tps_map_pages_draw_content (self, cr, index);

  project = tps_map_layout_get_project (self->map_layout);
  tps_map_pages_get_page (self, index, &page);

  switch (page.kind)
    {
    case TPS_PAGE_KIND_MAP:
      {
        g_autofree char *part = self->split != NULL
                                ? tps_map_split_get_label (self->split, index) : NULL;

        if (part != NULL)
          /* Translators: the header of one page of a journey map split into
           * several; %s says which stages it shows, "Stages 1–3 of 7"
           */
          subtitle = g_strdup_printf (_("Customer journey map, %s"), part);
        else
          subtitle = g_strdup (_("Customer journey map"));
      }
      break;

    case TPS_PAGE_KIND_OVERVIEW:
      subtitle = g_strdup (_("Customer journey map, poster overview"));
      break;

    case TPS_PAGE_KIND_TILE:
      {
        g_autofree char *label = tps_page_tile_label (page.row, page.column);

        /* Translators: the header of one sheet of a poster; %s is its label, "B2" */
        subtitle = g_strdup_printf (_("Customer journey map, poster sheet %s"), label);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  furniture.title = tps_project_get_title (project);
  furniture.subtitle = subtitle;
  furniture.note = tps_project_get_organisation (project);
  furniture.date = self->date;
  furniture.page = index + 1;
  furniture.n_pages = tps_map_pages_get_n_pages (self);
  tps_page_draw_furniture (cr, &self->page_layout, &furniture);
}
