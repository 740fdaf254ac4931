/* tps-report-private.h — what the report's page machinery and its chapters share
 *
 * tps-report-layout.c: text, pages, rating chips and moment marks, tables.
 * tps-report.c: the chapters and writing the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "tps-page-layout.h"
#include "tps-palette.h"
#include "tps-report.h"

G_BEGIN_DECLS

#define TITLE_SIZE    30.0
#define H1_SIZE       20.0
#define H2_SIZE       12.5
#define BODY_SIZE     9.5
#define SMALL_SIZE    8.0
#define TABLE_SIZE    7.5

#define REPORT_MARGIN TPS_PAGE_MM (15)
#define CELL_PAD      4.0
#define CHART_ZOOM    0.75
#define PARAGRAPH_GAP 7.0
#define CONTENTS_GAP  5.0   /* between the lines of the contents */

typedef struct _TpsReport TpsReport;

typedef struct
{
  const char *title;                   /* N_(); NULL for the cover */
  void      (*write) (TpsReport *report);
} Chapter;

#define N_CHAPTERS 9

/* The changes since an earlier version are the last chapter. */
extern const Chapter tps_report_chapters[N_CHAPTERS];

typedef enum {
  CELL_TEXT,
  CELL_NUMBER,      /* centred */
  CELL_RATING,      /* a rating chip from value */
  CELL_MOMENT,      /* a moment mark from value, then the text */
} CellKind;

typedef struct
{
  const char *title;   /* N_() */
  double      weight;  /* share of the table's width */
  CellKind    kind;
} Column;

typedef struct
{
  char *text;
  int   value;
} Cell;

typedef void (*FillRow) (TpsReport *report,
                         gpointer   item,
                         guint      index,
                         Cell      *cells);


struct _TpsReport
{
  TpsProject *project;
  TpsReportOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *pango;
  GCancellable *cancellable;
  GHashTable *measure_counts;   /* touchpoint id → linked measures, once per report */
  gboolean counting;

  TpsPageLayout portrait;
  TpsPageLayout landscape;
  const TpsPageLayout *page_layout;   /* the current page's */
  gboolean page_is_landscape;

  guint page;                         /* the current page, from 1; 0 before the first */
  guint n_pages;                      /* known in the second pass */
  guint chapter;                      /* index into chapters[] */
  guint chapter_pages[N_CHAPTERS];    /* first page of each chapter */
  char *date;
  double y;                           /* where the next block goes */
};

PangoLayout * tps_report_text_new (TpsReport *report,
                                   const char *text,
                                   double size,
                                   PangoWeight weight,
                                   double width);
void          tps_report_set_color (TpsReport *report,
                                    TpsPaletteRole role,
                                    double opacity);
void          tps_report_show (TpsReport *report,
                               PangoLayout *layout,
                               double x,
                               double y,
                               TpsPaletteRole role);
char *        tps_report_format_signed_decimal (double value);
double        tps_report_body_left (TpsReport *report);
double        tps_report_body_width (TpsReport *report);
double        tps_report_body_top (TpsReport *report);
const char *  tps_report_chapter_title (TpsReport *report);
gboolean      tps_report_chapter_is_included (TpsReport *report,
                                              guint chapter);
void          tps_report_end_page (TpsReport *report);
void          tps_report_begin_page (TpsReport *report,
                                     gboolean landscape,
                                     gboolean furniture);
void          tps_report_continue_page (TpsReport *report);
double        tps_report_room_left (TpsReport *report);
void          tps_report_ensure_room (TpsReport *report,
                                      double height);
void          tps_report_begin_chapter (TpsReport *report,
                                        gboolean landscape);
void          tps_report_subheading (TpsReport *report,
                                     const char *text,
                                     double keep);
void          tps_report_paragraph (TpsReport *report,
                                    const char *text,
                                    double size,
                                    TpsPaletteRole role);
double        tps_report_rating_chip_width (TpsReport *report,
                                            double size);
void          tps_report_draw_rating_chip (TpsReport *report,
                                           int rating,
                                           double x,
                                           double y,
                                           double size);
void          tps_report_table (TpsReport *report,
                                const Column *columns,
                                guint n_columns,
                                GPtrArray *items,
                                FillRow fill);

G_END_DECLS
