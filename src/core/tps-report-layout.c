/* tps-report-layout.c — the report's text, pages, rating chips and tables
 *
 * The chapters are in tps-report.c; tps-report-private.h is what both share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tps-analysis-charts.h"
#include "tps-benchmark.h"
#include "tps-compare.h"
#include "tps-draw-private.h"
#include "tps-effort-matrix.h"
#include "tps-export-pdf.h"
#include "tps-health.h"
#include "tps-i18n-private.h"
#include "tps-map-layout.h"
#include "tps-map-split.h"
#include "tps-map-renderer.h"
#include "tps-palette.h"
#include "tps-project-edit.h"
#include "tps-report-private.h"
#include "tps-timeline.h"

/* Type sizes in points. */

/* Text ------------------------------------------------------------------- */

PangoLayout *
tps_report_text_new (TpsReport   *report,
                     const char  *text,
                     double       size,
                     PangoWeight  weight,
                     double       width)
{
  return tps_page_text_new (report->pango, text, size, weight, width);
}

void
tps_report_set_color (TpsReport      *report,
                      TpsPaletteRole  role,
                      double          opacity)
{
  tps_palette_set_source (report->cr, role, FALSE, opacity);
}

void
tps_report_show (TpsReport      *report,
                 PangoLayout    *layout,
                 double          x,
                 double          y,
                 TpsPaletteRole  role)
{
  tps_report_set_color (report, role, 1.0);
  cairo_move_to (report->cr, x, y);
  pango_cairo_show_layout (report->cr, layout);
}

/* A number with one decimal, signed, with the decimal mark and the minus
 * sign of the report's language rather than of the C library's locale.
 */
char *
tps_report_format_signed_decimal (double value)
{
  /* Translators: the decimal mark in numbers of the report */
  const char *mark = C_("decimal mark", ".");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *plain = NULL;
  GString *text = g_string_new (NULL);

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", fabs (value));
  plain = g_strdup (buffer);

  g_string_append (text, value > 0.05 ? "+" : value < -0.05 ? "−" : "");
  for (const char *p = plain; *p != '\0'; p++)
    {
      if (*p == '.')
        g_string_append (text, mark);
      else
        g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* Pages ------------------------------------------------------------------ */

double
tps_report_body_left (TpsReport *report)
{
  return report->page_layout->content.x;
}

double
tps_report_body_width (TpsReport *report)
{
  return report->page_layout->content.width;
}

double
tps_report_body_top (TpsReport *report)
{
  return report->page_layout->content.y;
}

static double
body_bottom (TpsReport *report)
{
  return report->page_layout->content.y + report->page_layout->content.height;
}

const char *
tps_report_chapter_title (TpsReport *report)
{
  const char *title = tps_report_chapters[report->chapter].title;

  return title != NULL ? _(title) : NULL;
}

/* Every chapter but the changes (the last), which need an earlier version. */
gboolean
tps_report_chapter_is_included (TpsReport *report,
                                guint      chapter)
{
  return chapter != N_CHAPTERS - 1 || report->options.since != NULL;
}

/* Once the export is cancelled, the surface is finished: everything drawn
 * after that is a no-op, so the chapters run out quickly.
 */
void
tps_report_end_page (TpsReport *report)
{
  if (report->page > 0)
    cairo_show_page (report->cr);

  if (g_cancellable_is_cancelled (report->cancellable))
    {
      if (cairo_surface_status (report->surface) == CAIRO_STATUS_SUCCESS)
        cairo_surface_finish (report->surface);
    }
  else if (report->options.progress != NULL)
    {
      /* Counting the pages is about half the work, writing them the rest. */
      double fraction = report->counting
                        ? 0.5 * report->chapter / N_CHAPTERS
                        : 0.5 + 0.5 * report->page / MAX (report->n_pages, 1);

      report->options.progress (MIN (fraction, 1.0), report->options.progress_data);
    }
}

/* Starts a new page; @furniture draws its header and footer. */
void
tps_report_begin_page (TpsReport *report,
                       gboolean   landscape,
                       gboolean   furniture)
{
  tps_report_end_page (report);
  report->page++;

  report->page_is_landscape = landscape || report->options.landscape;
  report->page_layout = report->page_is_landscape ? &report->landscape : &report->portrait;
  cairo_pdf_surface_set_size (report->surface, report->page_layout->options.paper_width,
                              report->page_layout->options.paper_height);
  report->y = tps_report_body_top (report);

  if (furniture)
    {
      TpsPageFurniture f = { NULL, };

      f.title = tps_project_get_title (report->project);
      f.subtitle = tps_report_chapter_title (report);
      f.note = tps_project_get_organisation (report->project);
      f.date = report->date;
      f.page = report->page;
      f.n_pages = MAX (report->n_pages, report->page);
      tps_page_draw_furniture (report->cr, report->page_layout, &f);
    }
}

/* Continues the current chapter on a new page of the same orientation. */
void
tps_report_continue_page (TpsReport *report)
{
  tps_report_begin_page (report, report->page_is_landscape, TRUE);
}

double
tps_report_room_left (TpsReport *report)
{
  return body_bottom (report) - report->y;
}

/* Makes sure @height fits below the cursor, turning the page if not. */
void
tps_report_ensure_room (TpsReport *report,
                        double     height)
{
  if (report->y + height > body_bottom (report) && report->y > tps_report_body_top (report))
    tps_report_continue_page (report);
}

/* Opens chapter @index on a new page with its numbered heading, and
 * bookmarks it in the PDF.
 */
void
tps_report_begin_chapter (TpsReport *report,
                          gboolean   landscape)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autofree char *number_text = g_strdup_printf ("%u", report->chapter);
  double x = tps_report_body_left (report);
  double height;

  tps_report_begin_page (report, landscape, TRUE);
  x = tps_report_body_left (report);
  report->chapter_pages[report->chapter] = report->page;

  if (!report->counting)
    {
      g_autofree char *name = g_strdup_printf ("%u  %s", report->chapter,
                                               tps_report_chapter_title (report));
      g_autofree char *link = g_strdup_printf ("page=%u", report->page);

      cairo_pdf_surface_add_outline (report->surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
    }

  number = tps_report_text_new (report, number_text, H1_SIZE, PANGO_WEIGHT_BOLD, -1);
  title = tps_report_text_new (report, tps_report_chapter_title (report), H1_SIZE,
                               PANGO_WEIGHT_BOLD,
                               tps_report_body_width (report) - 40);
  tps_report_show (report, number, x, report->y, TPS_PALETTE_ACCENT);
  tps_report_show (report, title, x + 34, report->y, TPS_PALETTE_TEXT);
  height = tps_draw_text_height (title);

  tps_report_set_color (report, TPS_PALETTE_ACCENT, 1.0);
  cairo_rectangle (report->cr, x, report->y + height + 6, 28, 2.5);
  cairo_fill (report->cr);

  report->y += height + 20;
}

/* A section heading, kept with at least @keep points of what follows. */
void
tps_report_subheading (TpsReport  *report,
                       const char *text,
                       double      keep)
{
  g_autoptr(PangoLayout) layout = tps_report_text_new (report, text, H2_SIZE, PANGO_WEIGHT_BOLD,
                                                       tps_report_body_width (report));
  double height = tps_draw_text_height (layout);

  if (report->y > tps_report_body_top (report))
    report->y += 8;
  tps_report_ensure_room (report, height + 6 + keep);
  tps_report_show (report, layout, tps_report_body_left (report), report->y, TPS_PALETTE_TEXT);
  report->y += height + 6;
}

void
tps_report_paragraph (TpsReport      *report,
                      const char     *text,
                      double          size,
                      TpsPaletteRole  role)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL || *text == '\0')
    return;

  layout = tps_report_text_new (report, text, size, PANGO_WEIGHT_NORMAL,
                                tps_report_body_width (report));
  height = tps_draw_text_height (layout);
  tps_report_ensure_room (report, height);
  tps_report_show (report, layout, tps_report_body_left (report), report->y, role);
  report->y += height + PARAGRAPH_GAP;
}

/* Rating chips and moment marks ------------------------------------------ */

double
tps_report_rating_chip_width (TpsReport *report,
                              double     size)
{
  return size * 3.0;
}

/* A rating (−2 … +2) as the map shows it: a chip in the rating colour. */
void
tps_report_draw_rating_chip (TpsReport *report,
                             int        rating,
                             double     x,
                             double     y,
                             double     size)
{
  g_autofree char *label = tps_rating_format (rating);
  g_autoptr(PangoLayout) layout = tps_report_text_new (report, label, size, PANGO_WEIGHT_BOLD, -1);
  double width = tps_report_rating_chip_width (report, size);
  double height = size * 1.55;
  TpsColor ink;

  tps_palette_rating_text (rating, FALSE, &ink);
  tps_draw_rating_chip (report->cr, rating, FALSE, x, y, width, height);

  tps_color_set_source (report->cr, &ink, 1.0);
  cairo_move_to (report->cr, x + (width - tps_draw_text_width (layout)) / 2,
                 y + (height - tps_draw_text_height (layout)) / 2);
  pango_cairo_show_layout (report->cr, layout);
}

static void
draw_moment_dot (TpsReport *report,
                 TpsMoment  moment,
                 double     x,
                 double     cy,
                 double     radius)
{
  TpsColor color;

  tps_palette_moment (moment, FALSE, &color);
  tps_color_set_source (report->cr, &color, 1.0);
  cairo_new_path (report->cr);
  tps_draw_path_moment (report->cr, moment, x, cy, radius * 2);
  cairo_fill (report->cr);
}

/* Tables ----------------------------------------------------------------- */

/* The widest word of a column's heading: a narrow column must not break
 * "Aufwand" into "Aufwa-nd".
 */
static double
heading_word_width (TpsReport    *report,
                    const Column *column)
{
  g_auto(GStrv) words = g_strsplit (_(column->title), " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = tps_report_text_new (report, words[i], TABLE_SIZE,
                                                           PANGO_WEIGHT_BOLD,
                                                           -1);

      widest = MAX (widest, tps_draw_text_width (layout));
    }

  return widest + 2 * CELL_PAD + 1;
}

/* Shares the width by the columns' weights, then widens the columns whose
 * heading would not fit at the expense of the text columns.
 */
static void
column_widths (TpsReport    *report,
               const Column *columns,
               guint         n_columns,
               double       *widths)
{
  double minimum[n_columns];
  double total = 0, missing = 0, spare = 0;

  for (guint i = 0; i < n_columns; i++)
    total += columns[i].weight;
  for (guint i = 0; i < n_columns; i++)
    {
      widths[i] = tps_report_body_width (report) * columns[i].weight / total;
      minimum[i] = heading_word_width (report, &columns[i]);
      if (widths[i] < minimum[i])
        {
          missing += minimum[i] - widths[i];
          widths[i] = minimum[i];
        }
    }

  for (guint i = 0; i < n_columns; i++)
    if (columns[i].kind == CELL_TEXT && widths[i] > minimum[i])
      spare += widths[i] - minimum[i];

  if (missing > 0 && spare > 0)
    for (guint i = 0; i < n_columns; i++)
      if (columns[i].kind == CELL_TEXT && widths[i] > minimum[i])
        widths[i] -= (widths[i] - minimum[i]) * MIN (1.0, missing / spare);
}

/* The header row, dark like the map's stage headers; repeated on every
 * page the table continues on.
 */
static void
table_header (TpsReport    *report,
              const Column *columns,
              guint         n_columns,
              const double *widths)
{
  PangoLayout *layouts[n_columns];
  double height = 0, x = tps_report_body_left (report);

  for (guint i = 0; i < n_columns; i++)
    {
      layouts[i] = tps_report_text_new (report, _(columns[i].title), TABLE_SIZE, PANGO_WEIGHT_BOLD,
                                        widths[i] - 2 * CELL_PAD);
      if (columns[i].kind != CELL_TEXT && columns[i].kind != CELL_MOMENT)
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
      height = MAX (height, tps_draw_text_height (layouts[i]));
    }
  height += 2 * CELL_PAD;

  tps_report_ensure_room (report, height + 24);

  tps_report_set_color (report, TPS_PALETTE_HEADER, 1.0);
  cairo_rectangle (report->cr, x, report->y, tps_report_body_width (report), height);
  cairo_fill (report->cr);

  for (guint i = 0; i < n_columns; i++)
    {
      tps_report_show (report, layouts[i], x + CELL_PAD, report->y + CELL_PAD,
                       TPS_PALETTE_HEADER_TEXT);
      x += widths[i];
      g_object_unref (layouts[i]);
    }

  report->y += height;
}

/* Draws @items as rows, turning pages as needed with the header repeated;
 * a row is never split.
 */
void
tps_report_table (TpsReport    *report,
                  const Column *columns,
                  guint         n_columns,
                  GPtrArray    *items,
                  FillRow       fill)
{
  double widths[n_columns];

  column_widths (report, columns, n_columns, widths);
  table_header (report, columns, n_columns, widths);

  for (guint r = 0; r < items->len; r++)
    {
      Cell cells[n_columns];
      PangoLayout *layouts[n_columns];
      double height = TABLE_SIZE * 1.55;
      double x;

      memset (cells, 0, sizeof cells);
      fill (report, g_ptr_array_index (items, r), r, cells);

      for (guint i = 0; i < n_columns; i++)
        {
          double inset = columns[i].kind == CELL_MOMENT ? 10 : 0;

          layouts[i] = tps_report_text_new (report, cells[i].text, TABLE_SIZE, PANGO_WEIGHT_NORMAL,
                                            widths[i] - 2 * CELL_PAD - inset);
          if (columns[i].kind == CELL_NUMBER)
            pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
          if (columns[i].kind != CELL_RATING)
            height = MAX (height, tps_draw_text_height (layouts[i]));
        }
      height += 2 * CELL_PAD;

      if (report->y + height > body_bottom (report))
        {
          tps_report_continue_page (report);
          table_header (report, columns, n_columns, widths);
        }

      if (r % 2 == 1)
        {
          tps_report_set_color (report, TPS_PALETTE_LANE_ALT, 1.0);
          cairo_rectangle (report->cr, tps_report_body_left (report), report->y,
                           tps_report_body_width (report),
                           height);
          cairo_fill (report->cr);
        }

      x = tps_report_body_left (report);
      for (guint i = 0; i < n_columns; i++)
        {
          switch (columns[i].kind)
            {
            case CELL_RATING:
              {
                double chip_w = tps_report_rating_chip_width (report, TABLE_SIZE);

                tps_report_draw_rating_chip (report, cells[i].value,
                                             x + (widths[i] - chip_w) / 2,
                                             report->y + CELL_PAD, TABLE_SIZE);
              }
              break;

            case CELL_MOMENT:
              if (cells[i].value != TPS_MOMENT_NONE)
                draw_moment_dot (report, cells[i].value, x + CELL_PAD + 3,
                                 report->y + CELL_PAD + TABLE_SIZE * 0.65, 3);
              tps_report_show (report, layouts[i], x + CELL_PAD + 10, report->y + CELL_PAD,
                               TPS_PALETTE_TEXT);
              break;

            case CELL_TEXT:
            case CELL_NUMBER:
            default:
              tps_report_show (report, layouts[i], x + CELL_PAD, report->y + CELL_PAD,
                               TPS_PALETTE_TEXT);
              break;
            }

          x += widths[i];
          g_object_unref (layouts[i]);
          g_free (cells[i].text);
        }

      report->y += height;
      tps_report_set_color (report, TPS_PALETTE_GRID, 1.0);
      cairo_rectangle (report->cr, tps_report_body_left (report), report->y - 0.4,
                       tps_report_body_width (report), 0.4);
      cairo_fill (report->cr);
    }

  report->y += PARAGRAPH_GAP * 2;
}
