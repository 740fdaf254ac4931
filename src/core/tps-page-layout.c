/* tps-page-layout.c
 *
 * A poster is a grid of tiles that all have the same content area. Two
 * neighbouring tiles share a strip of `overlap` points: the right (bottom)
 * strip of a tile is where the next tile, trimmed along its left (top)
 * content edge, is glued on. So the grid advances by the content size minus
 * the overlap, and it is centred over the map so that the blank paper is
 * split evenly between both ends of the poster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-page-layout.h"
#include "tps-map-split.h"
#include "tps-palette.h"

/* Furniture metrics in points. */
#define FURNITURE_TEXT    8.5
#define FURNITURE_HEIGHT  13.0   /* one line of header or footer text */
#define FURNITURE_GAP     9.0    /* between furniture and content */
#define MARK_BAND         TPS_PAGE_MARK_BAND
#define OVERVIEW_CAPTION  TPS_PAGE_OVERVIEW_CAPTION
#define MIN_CONTENT       72.0

G_DEFINE_QUARK (tps-page-layout-error-quark, tps_page_layout_error)

typedef struct
{
  const char *name;     /* the word on the command line and in GSettings */
  const char *label;
  double width;         /* portrait, points */
  double height;
} PaperInfo;

static const PaperInfo papers[TPS_N_PAPERS] = {
  [TPS_PAPER_A4] = { "A4", N_("A4 (210 × 297 mm)"), TPS_PAGE_MM (210), TPS_PAGE_MM (297) },
  [TPS_PAPER_A3] = { "A3", N_("A3 (297 × 420 mm)"), TPS_PAGE_MM (297), TPS_PAGE_MM (420) },
  [TPS_PAPER_A2] = { "A2", N_("A2 (420 × 594 mm)"), TPS_PAGE_MM (420), TPS_PAGE_MM (594) },
  [TPS_PAPER_A1] = { "A1", N_("A1 (594 × 841 mm)"), TPS_PAGE_MM (594), TPS_PAGE_MM (841) },
  [TPS_PAPER_A0] = { "A0", N_("A0 (841 × 1189 mm)"), TPS_PAGE_MM (841), TPS_PAGE_MM (1189) },
  [TPS_PAPER_LETTER] = { "letter", N_("US Letter (8.5 × 11 in)"), 612.0, 792.0 },
  [TPS_PAPER_TABLOID] = { "tabloid", N_("Tabloid (11 × 17 in)"), 792.0, 1224.0 },
};

/* Returns: the paper's word for the command line and settings ("A3", "letter") */
const char *
tps_paper_get_name (TpsPaper paper)
{
  g_return_val_if_fail (paper < TPS_N_PAPERS, NULL);

  return papers[paper].name;
}

/* Returns: the paper's name with its size, translated */
const char *
tps_paper_get_label (TpsPaper paper)
{
  g_return_val_if_fail (paper < TPS_N_PAPERS, NULL);

  return _(papers[paper].label);
}

/* Accepts the names of tps_paper_get_name() in any case ("a3", "Letter"). */
gboolean
tps_paper_parse (const char *name,
                 TpsPaper   *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < TPS_N_PAPERS; i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = i;
        return TRUE;
      }

  return FALSE;
}

/* The paper's size in points, the long side horizontal when @landscape. */
void
tps_paper_get_size (TpsPaper  paper,
                    gboolean  landscape,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (paper < TPS_N_PAPERS);

  *width = landscape ? papers[paper].height : papers[paper].width;
  *height = landscape ? papers[paper].width : papers[paper].height;
}

/**
 * tps_page_options_init:
 *
 * Fills @options with what suits most printers: a 10 mm margin that office
 * printers can all reach, the whole map on one page unless its titles would
 * print smaller than TPS_MAP_MIN_PRINT_TEXT, only the lanes in use, and for
 * posters the natural size with a 10 mm glue strip, crop marks and an
 * overview page.
 */
void
tps_page_options_init (TpsPageOptions *options,
                       TpsPaper        paper,
                       gboolean        landscape)
{
  g_return_if_fail (options != NULL);

  tps_paper_get_size (paper, landscape, &options->paper_width, &options->paper_height);
  options->margin = TPS_PAGE_MM (10);
  options->mode = TPS_PAGE_MODE_FIT;
  options->scale = 1.0;
  options->overlap = TPS_PAGE_MM (10);
  options->crop_marks = TRUE;
  options->overview = TRUE;
  options->header_footer = TRUE;
  options->min_text = TPS_MAP_MIN_PRINT_TEXT;
  options->hide_empty_lanes = TRUE;
  options->comparator_id = NULL;
}

/* Returns: points per layout unit at which a map fills @width × @height */
double
tps_page_scale_to_fit (double map_width,
                       double map_height,
                       double width,
                       double height)
{
  if (map_width <= 0 || map_height <= 0)
    return 1.0;

  return MIN (width / map_width, height / map_height);
}

/**
 * tps_page_poster_scale_for_paper:
 * @margin: the margin the poster keeps free on its own edges, points
 *
 * The poster scale (1 = natural size) at which the map fills a sheet of
 * @poster_paper, turned whichever way suits the map: "print it A0-sized on
 * A4 sheets".
 */
double
tps_page_poster_scale_for_paper (double   map_width,
                                 double   map_height,
                                 TpsPaper poster_paper,
                                 double   margin)
{
  double width, height;

  tps_paper_get_size (poster_paper, map_width > map_height, &width, &height);

  return tps_page_scale_to_fit (map_width, map_height,
                                MAX (width - 2 * margin, 1), MAX (height - 2 * margin, 1))
         / TPS_PAGE_POINTS_PER_UNIT;
}

static guint
tiles_needed (double length,
              double content,
              double overlap)
{
  /* A hair of tolerance: a map that fits exactly must not get a second,
   * empty tile from rounding.
   */
  if (length <= content + 1e-6)
    return 1;

  return (guint) ceil ((length - overlap) / (content - overlap) - 1e-9);
}

/**
 * tps_page_layout_compute:
 * @map_width: the map's size in layout units
 *
 * Works out where everything goes on the pages of @options.
 *
 * Returns: %FALSE with @error set when the paper leaves no room or the
 *   poster would need more than %TPS_PAGE_MAX_TILES sheets
 */
gboolean
tps_page_layout_compute (TpsPageLayout        *layout,
                         const TpsPageOptions *options,
                         double                map_width,
                         double                map_height,
                         GError              **error)
{
  const TpsPageOptions *o = options;
  cairo_rectangle_t area;
  double inset;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->mode == TPS_PAGE_MODE_FIT || options->scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *layout = (TpsPageLayout) { 0, };
  layout->options = *options;
  layout->map_width = MAX (map_width, 1);
  layout->map_height = MAX (map_height, 1);

  area.x = o->margin;
  area.y = o->margin;
  area.width = o->paper_width - 2 * o->margin;
  area.height = o->paper_height - 2 * o->margin;

  if (o->header_footer)
    {
      layout->header = (cairo_rectangle_t) { area.x, area.y, area.width, FURNITURE_HEIGHT };
      layout->footer = (cairo_rectangle_t) { area.x, area.y + area.height - FURNITURE_HEIGHT,
                                             area.width, FURNITURE_HEIGHT };
      area.y += FURNITURE_HEIGHT + FURNITURE_GAP;
      area.height -= 2 * (FURNITURE_HEIGHT + FURNITURE_GAP);
    }

  /* Poster tiles keep a band around the content for the marks. */
  inset = o->mode == TPS_PAGE_MODE_POSTER && o->crop_marks ? MARK_BAND : 0;
  area.x += inset;
  area.y += inset;
  area.width -= 2 * inset;
  area.height -= 2 * inset;
  layout->content = area;

  if (area.width < MIN_CONTENT || area.height < MIN_CONTENT)
    {
      g_set_error (error, TPS_PAGE_LAYOUT_ERROR, TPS_PAGE_LAYOUT_ERROR_TOO_SMALL,
                   _("The margins leave too little room on a page of %.0f × %.0f mm."),
                   o->paper_width * 25.4 / 72, o->paper_height * 25.4 / 72);
      return FALSE;
    }

  layout->fit_scale = tps_page_scale_to_fit (layout->map_width, layout->map_height,
                                             area.width, area.height);

  if (o->mode == TPS_PAGE_MODE_FIT)
    {
      layout->columns = layout->rows = 1;
      layout->n_pages = 1;
      return TRUE;
    }

  {
    double scale = o->scale * TPS_PAGE_POINTS_PER_UNIT;
    double overlap = CLAMP (o->overlap, 0, MIN (area.width, area.height) / 2);
    double tile_width = area.width / scale;
    double tile_height = area.height / scale;
    guint64 n_tiles;

    layout->options.overlap = overlap;
    layout->columns = tiles_needed (layout->map_width * scale, area.width, overlap);
    layout->rows = tiles_needed (layout->map_height * scale, area.height, overlap);
    n_tiles = (guint64) layout->columns * layout->rows;

    if (n_tiles > TPS_PAGE_MAX_TILES)
      {
        /* The count goes in as text: a G_GUINT64_FORMAT inside _() would
         * cut the message short for translators.
         */
        g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, n_tiles);

        g_set_error (error, TPS_PAGE_LAYOUT_ERROR, TPS_PAGE_LAYOUT_ERROR_TOO_MANY_TILES,
                     _("At %.0f %% the poster would need %s pages, more than %u; choose a "
                       "smaller scale or larger paper."),
                     o->scale * 100, count, TPS_PAGE_MAX_TILES);
        return FALSE;
      }

    layout->step_x = (area.width - overlap) / scale;
    layout->step_y = (area.height - overlap) / scale;
    layout->origin_x = (layout->map_width
                        - ((layout->columns - 1) * layout->step_x + tile_width)) / 2;
    layout->origin_y = (layout->map_height
                        - ((layout->rows - 1) * layout->step_y + tile_height)) / 2;
    layout->n_pages = (guint) n_tiles + (o->overview ? 1 : 0);
  }

  return TRUE;
}

/* Returns: the number of poster tiles, 0 when the map is fitted */
guint
tps_page_layout_get_n_tiles (const TpsPageLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (layout->options.mode != TPS_PAGE_MODE_POSTER)
    return 0;

  return layout->columns * layout->rows;
}

/* The poster grid's extent in layout units, from (origin_x, origin_y). */
void
tps_page_layout_get_grid_size (const TpsPageLayout *layout,
                               double              *width,
                               double              *height)
{
  double scale;

  g_return_if_fail (layout != NULL);

  if (layout->options.mode != TPS_PAGE_MODE_POSTER)
    {
      *width = layout->map_width;
      *height = layout->map_height;
      return;
    }

  scale = layout->options.scale * TPS_PAGE_POINTS_PER_UNIT;
  *width = (layout->columns - 1) * layout->step_x + layout->content.width / scale;
  *height = (layout->rows - 1) * layout->step_y + layout->content.height / scale;
}

/* Centres the whole map in @area at the largest scale that fits. */
static void
fit_page (const TpsPageLayout     *layout,
          const cairo_rectangle_t *area,
          TpsPage                 *page)
{
  double scale = tps_page_scale_to_fit (layout->map_width, layout->map_height,
                                        area->width, area->height);

  page->scale = scale;
  page->source = (cairo_rectangle_t) { 0, 0, layout->map_width, layout->map_height };
  page->target.width = layout->map_width * scale;
  page->target.height = layout->map_height * scale;
  page->target.x = area->x + (area->width - page->target.width) / 2;
  page->target.y = area->y + (area->height - page->target.height) / 2;
}

/**
 * tps_page_layout_get_page:
 * @index: 0-based; on a poster the overview comes first, then the tiles
 *   row by row
 *
 * Fills @page with what page @index shows. A tile's source is clipped to
 * the map, so tiles at the poster's edges show blank paper, not an empty
 * strip of map background.
 */
void
tps_page_layout_get_page (const TpsPageLayout *layout,
                          guint                index,
                          TpsPage             *page)
{
  const TpsPageOptions *o;
  guint tile;
  double scale, x0, y0, x1, y1;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (index < layout->n_pages);
  g_return_if_fail (page != NULL);

  o = &layout->options;
  *page = (TpsPage) { 0, };

  if (o->mode == TPS_PAGE_MODE_FIT)
    {
      page->kind = TPS_PAGE_KIND_MAP;
      fit_page (layout, &layout->content, page);
      return;
    }

  if (o->overview && index == 0)
    {
      cairo_rectangle_t area = layout->content;

      /* The overview has no marks; it uses their band, minus a caption. */
      if (o->crop_marks)
        {
          area.x -= MARK_BAND;
          area.y -= MARK_BAND;
          area.width += 2 * MARK_BAND;
          area.height += 2 * MARK_BAND;
        }
      area.y += OVERVIEW_CAPTION;
      area.height -= OVERVIEW_CAPTION;

      /* The tile grid is a little larger than the map; fit the grid, so
       * that all of it is on the page, and place the map inside it.
       */
      page->kind = TPS_PAGE_KIND_OVERVIEW;
      page->source = (cairo_rectangle_t) { 0, 0, layout->map_width, layout->map_height };
      tps_page_layout_get_grid_size (layout, &x1, &y1);
      page->scale = tps_page_scale_to_fit (x1, y1, area.width, area.height);
      /* Centred across, at the top: the caption reads right above it. */
      x0 = area.x + (area.width - x1 * page->scale) / 2;
      y0 = area.y;
      page->target.x = x0 - layout->origin_x * page->scale;
      page->target.y = y0 - layout->origin_y * page->scale;
      page->target.width = layout->map_width * page->scale;
      page->target.height = layout->map_height * page->scale;
      return;
    }

  tile = index - (o->overview ? 1 : 0);
  scale = o->scale * TPS_PAGE_POINTS_PER_UNIT;

  page->kind = TPS_PAGE_KIND_TILE;
  page->row = tile / layout->columns;
  page->column = tile % layout->columns;
  page->scale = scale;
  page->has_left = page->column > 0;
  page->has_top = page->row > 0;
  page->has_right = page->column + 1 < layout->columns;
  page->has_bottom = page->row + 1 < layout->rows;

  x0 = layout->origin_x + page->column * layout->step_x;
  y0 = layout->origin_y + page->row * layout->step_y;
  x1 = x0 + layout->content.width / scale;
  y1 = y0 + layout->content.height / scale;

  page->source.x = MAX (x0, 0);
  page->source.y = MAX (y0, 0);
  page->source.width = MAX (MIN (x1, layout->map_width) - page->source.x, 0);
  page->source.height = MAX (MIN (y1, layout->map_height) - page->source.y, 0);

  page->target.x = layout->content.x + (page->source.x - x0) * scale;
  page->target.y = layout->content.y + (page->source.y - y0) * scale;
  page->target.width = page->source.width * scale;
  page->target.height = page->source.height * scale;
}

/* Returns: whether a tile (@row, @column) exists, and its page @index */
gboolean
tps_page_layout_find_tile (const TpsPageLayout *layout,
                           guint                row,
                           guint                column,
                           guint               *index)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->options.mode != TPS_PAGE_MODE_POSTER
      || row >= layout->rows || column >= layout->columns)
    return FALSE;

  if (index != NULL)
    *index = row * layout->columns + column + (layout->options.overview ? 1 : 0);

  return TRUE;
}

/**
 * tps_page_tile_label:
 *
 * Names a tile as a spreadsheet names a cell: its column as letters (A … Z,
 * AA …) and its row as a number from 1, so "B2" is the second tile of the
 * second row.
 *
 * Returns: (transfer full): the label
 */
char *
tps_page_tile_label (guint row,
                     guint column)
{
  char letters[16];
  int i = G_N_ELEMENTS (letters) - 1;
  guint n = column + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      n--;
      letters[--i] = 'A' + n % 26;
      n /= 26;
    }

  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

/* Returns: (transfer full): "Page 3 of 12" */
char *
tps_page_format_number (guint page,
                        guint n_pages)
{
  /* Translators: the page number in the footer of printed pages */
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

static const char * const month_names[] = {
  NC_("month name", "January"),
  NC_("month name", "February"),
  NC_("month name", "March"),
  NC_("month name", "April"),
  NC_("month name", "May"),
  NC_("month name", "June"),
  NC_("month name", "July"),
  NC_("month name", "August"),
  NC_("month name", "September"),
  NC_("month name", "October"),
  NC_("month name", "November"),
  NC_("month name", "December"),
};

/**
 * tps_page_format_date:
 *
 * The date as the language of the messages writes it. The month names come
 * from our own catalogue rather than the C library's LC_TIME, because
 * `--language=de` changes the messages only; a German report must not say
 * "14. March".
 *
 * Returns: (transfer full): the date, e.g. "March 14, 2025"
 */
char *
tps_page_format_date (GDateTime *date)
{
  /* Translators: how printed pages and the report cover write a date, as a
   * g_date_time_format() format; %B stands for the month's name (translated
   * separately), %-d for the day without a leading zero. German: "%-d. %B %Y".
   */
  const char *format = _("%B %-d, %Y");
  g_autoptr(GString) expanded = g_string_new (NULL);
  const char *month;

  g_return_val_if_fail (date != NULL, NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "month name",
                        month_names[g_date_time_get_month (date) - 1]);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        {
          for (const char *m = month; *m != '\0'; m++)
            {
              if (*m == '%')
                g_string_append_c (expanded, '%');
              g_string_append_c (expanded, *m);
            }
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append (expanded, "%%");
          p++;
        }
      else
        g_string_append_c (expanded, *p);
    }

  return g_date_time_format (date, expanded->str);
}

/* Returns: (transfer full): now, or SOURCE_DATE_EPOCH when set, so that
 * builds and tests that print pages get the same date every time
 */
GDateTime *
tps_page_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0')
        return g_date_time_new_from_unix_utc (seconds);
    }

  return g_date_time_new_now_local ();
}

/**
 * tps_page_pango_context_new:
 *
 * A context for text on a printed page: 72 dpi, so that a size in points is
 * a size in user units on a PDF surface, and the map's unhinted metrics, so
 * that text measured while counting pages wraps the same when drawn.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
tps_page_pango_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  pango_cairo_context_set_resolution (context, 72.0);
  tps_draw_setup_pango_context (context);

  return context;
}

/**
 * tps_page_text_new:
 * @size: the font size in points
 * @width: the wrap width in points, or <= 0 for one line
 *
 * Returns: (transfer full): a layout of @text in the page font
 */
PangoLayout *
tps_page_text_new (PangoContext *context,
                   const char   *text,
                   double        size,
                   PangoWeight   weight,
                   double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = tps_draw_font_new (size, weight);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static void
set_source (cairo_t        *cr,
            TpsPaletteRole  role)
{
  tps_palette_set_source (cr, role, FALSE, 1.0);
}

/* One line of furniture text, ellipsised to @width and aligned in @box
 * (0 left, 0.5 centre, 1 right).
 */
static void
draw_line (cairo_t                 *cr,
           PangoContext            *context,
           const char              *text,
           PangoWeight              weight,
           TpsPaletteRole           role,
           const cairo_rectangle_t *box,
           double                   width,
           double                   align)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return;

  layout = tps_page_text_new (context, text, FURNITURE_TEXT, weight, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (layout, NULL, &logical);

  set_source (cr, role);
  cairo_move_to (cr,
                 box->x + (box->width - logical.width / (double) PANGO_SCALE) * align,
                 box->y + (box->height - logical.height / (double) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * tps_page_draw_furniture:
 *
 * Draws the header (title left, subtitle right) and the footer (note left,
 * date centred, page number right) of a page laid out by @layout, each
 * set off from the content by a hairline.
 */
void
tps_page_draw_furniture (cairo_t                *cr,
                         const TpsPageLayout    *layout,
                         const TpsPageFurniture *furniture)
{
  PangoContext *context;
  g_autofree char *number = NULL;
  const cairo_rectangle_t *header = &layout->header;
  const cairo_rectangle_t *footer = &layout->footer;
  double third, subtitle_width;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (furniture != NULL);

  if (!layout->options.header_footer)
    return;

  context = tps_page_pango_context_new (cr);
  third = header->width / 3;

  /* The subtitle takes what it needs, up to half the line; the title the
   * rest.
   */
  subtitle_width = 0;
  if (furniture->subtitle != NULL && *furniture->subtitle != '\0')
    {
      g_autoptr(PangoLayout) probe = tps_page_text_new (context, furniture->subtitle,
                                                        FURNITURE_TEXT, PANGO_WEIGHT_NORMAL, -1);
      PangoRectangle logical;

      pango_layout_get_extents (probe, NULL, &logical);
      subtitle_width = MIN (logical.width / (double) PANGO_SCALE + 1, header->width / 2);
    }

  cairo_save (cr);

  draw_line (cr, context, furniture->title, PANGO_WEIGHT_BOLD, TPS_PALETTE_TEXT,
             header, header->width - subtitle_width - (subtitle_width > 0 ? 18 : 0), 0);
  draw_line (cr, context, furniture->subtitle, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
             header, subtitle_width, 1);

  draw_line (cr, context, furniture->note, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
             footer, third - 12, 0);
  draw_line (cr, context, furniture->date, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
             footer, third - 12, 0.5);
  if (furniture->page > 0)
    {
      number = tps_page_format_number (furniture->page, furniture->n_pages);
      draw_line (cr, context, number, PANGO_WEIGHT_NORMAL, TPS_PALETTE_TEXT_MUTED,
                 footer, third - 12, 1);
    }

  set_source (cr, TPS_PALETTE_GRID);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, header->x, header->y + header->height + 3);
  cairo_rel_line_to (cr, header->width, 0);
  cairo_move_to (cr, footer->x, footer->y - 3);
  cairo_rel_line_to (cr, footer->width, 0);
  cairo_stroke (cr);

  cairo_restore (cr);
  g_object_unref (context);
}
