/* tps-report.c
 *
 * The report is written twice: a first pass into a PDF surface that
 * discards its output counts the pages and notes where each chapter
 * starts; the second pass writes the real file and can print "Page 3 of
 * 12" and a table of contents with page numbers. Both passes measure text
 * with the same unhinted metrics, so they break pages at the same places.
 *
 * Each chapter is one function in the chapters[] table; a new chapter is
 * one more function and one more row.
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

static void chapter_cover       (TpsReport *report);
static void chapter_map         (TpsReport *report);
static void chapter_touchpoints (TpsReport *report);
static void chapter_moments     (TpsReport *report);
static void chapter_measures    (TpsReport *report);
static void chapter_analysis    (TpsReport *report);
static void chapter_benchmark   (TpsReport *report);
static void chapter_health      (TpsReport *report);
static void chapter_changes     (TpsReport *report);

const Chapter tps_report_chapters[N_CHAPTERS] = {
  { NULL, chapter_cover },
  { N_("Journey Map"), chapter_map },
  { N_("Touchpoints"), chapter_touchpoints },
  { N_("Painpoints, Lovepoints and Moments of Truth"), chapter_moments },
  { N_("Measures Plan"), chapter_measures },
  { N_("Analysis"), chapter_analysis },
  { N_("Benchmark"), chapter_benchmark },
  { N_("Journey Health Check"), chapter_health },
  { N_("Changes Since the Earlier Version"), chapter_changes },
};

/* The model in journey order ------------------------------------------------ */

/* Returns: (transfer container): the touchpoints stage by stage, in their
 * order within the stage; those of unknown stages last
 */
static GPtrArray *
touchpoints_in_journey_order (TpsProject *project,
                              TpsMoment   only_moment,
                              gboolean    filter)
{
  GListModel *stages = tps_project_get_stages (project);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (touchpoints);
  g_autofree gboolean *taken = g_new0 (gboolean, n);

  for (guint s = 0; s <= g_list_model_get_n_items (stages); s++)
    {
      g_autoptr(TpsStage) stage = s < g_list_model_get_n_items (stages)
                                  ? g_list_model_get_item (stages, s) : NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
          const char *stage_id = tps_touchpoint_get_stage_id (touchpoint);

          if (taken[i])
            continue;
          if (stage != NULL && g_strcmp0 (stage_id, tps_object_get_id (TPS_OBJECT (stage))) != 0)
            continue;
          taken[i] = TRUE;
          if (filter && tps_touchpoint_get_moment (touchpoint) != only_moment)
            continue;
          g_ptr_array_add (result, g_steal_pointer (&touchpoint));
        }
    }

  return result;
}

static const char *
stage_name (TpsProject    *project,
            TpsTouchpoint *touchpoint)
{
  TpsStage *stage = tps_project_find_stage (project, tps_touchpoint_get_stage_id (touchpoint));

  return stage != NULL ? tps_stage_get_name (stage) : "";
}

static const char *
channel_name (TpsProject    *project,
              TpsTouchpoint *touchpoint)
{
  TpsChannel *channel = tps_project_find_channel (project,
                                                  tps_touchpoint_get_channel_id (touchpoint));

  return channel != NULL ? tps_channel_get_name (channel) : "";
}

static char *
signed_int (int value)
{
  return value > 0 ? g_strdup_printf ("+%d", value)
         : value < 0 ? g_strdup_printf ("−%d", -value) : g_strdup ("0");
}

/* The cover ---------------------------------------------------------------- */

typedef struct
{
  guint          value;
  const char    *label;
  TpsPaletteRole role;
  int            moment;     /* a moment's colour, or -1 for role */
} Figure;

static void
draw_figure (TpsReport    *report,
             const Figure *figure,
             double        x,
             double        y,
             double        width,
             double        height)
{
  g_autofree char *number_text = g_strdup_printf ("%u", figure->value);
  g_autoptr(PangoLayout) number = tps_report_text_new (report, number_text, 24, PANGO_WEIGHT_BOLD,
                                                       -1);
  g_autoptr(PangoLayout) label = tps_report_text_new (report, figure->label, 9, PANGO_WEIGHT_NORMAL,
                                                      width - 20);
  TpsColor color;

  tps_report_set_color (report, TPS_PALETTE_LANE_ALT, 1.0);
  cairo_rectangle (report->cr, x, y, width, height);
  cairo_fill (report->cr);

  if (figure->moment >= 0)
    tps_palette_moment (figure->moment, FALSE, &color);
  else
    tps_palette_get (figure->role, FALSE, &color);
  tps_color_set_source (report->cr, &color, 1.0);
  cairo_rectangle (report->cr, x, y, 4, height);
  cairo_fill (report->cr);

  tps_report_show (report, number, x + 14, y + 8, TPS_PALETTE_TEXT);
  tps_report_show (report, label, x + 14, y + 10 + tps_draw_text_height (number),
                   TPS_PALETTE_TEXT_MUTED);
}

static void
contents_line (TpsReport *report,
               guint      chapter)
{
  g_autofree char *number_text = g_strdup_printf ("%u", chapter);
  g_autofree char *page_text = g_strdup_printf ("%u", report->chapter_pages[chapter]);
  g_autofree char *link = g_strdup_printf ("page=%u", report->chapter_pages[chapter]);
  g_autoptr(PangoLayout) number = tps_report_text_new (report, number_text, 11, PANGO_WEIGHT_BOLD,
                                                       -1);
  g_autoptr(PangoLayout) title = tps_report_text_new (report,
                                                      _(tps_report_chapters[chapter].title), 11,
                                                      PANGO_WEIGHT_NORMAL, -1);
  g_autoptr(PangoLayout) page = tps_report_text_new (report, page_text, 11, PANGO_WEIGHT_NORMAL,
                                                     -1);
  double x = tps_report_body_left (report);
  double right = x + tps_report_body_width (report);
  double baseline = report->y + tps_draw_text_height (title) * 0.8;

  if (!report->counting)
    cairo_tag_begin (report->cr, CAIRO_TAG_LINK, link);

  tps_report_show (report, number, x, report->y, TPS_PALETTE_ACCENT);
  tps_report_show (report, title, x + 24, report->y, TPS_PALETTE_TEXT);
  tps_report_show (report, page, right - tps_draw_text_width (page), report->y, TPS_PALETTE_TEXT);

  /* A dotted leader from the title to the page number. */
  tps_report_set_color (report, TPS_PALETTE_TEXT_MUTED, 1.0);
  for (double dx = x + 24 + tps_draw_text_width (title) + 6;
       dx < right - tps_draw_text_width (page) - 6; dx += 4)
    {
      cairo_arc (report->cr, dx, baseline, 0.5, 0, 2 * G_PI);
      cairo_fill (report->cr);
    }

  if (!report->counting)
    cairo_tag_end (report->cr, CAIRO_TAG_LINK);

  report->y += tps_draw_text_height (title) + CONTENTS_GAP;
}

/* Title, organisation and date; the project at a glance; the contents. */
static void
chapter_cover (TpsReport *report)
{
  TpsProject *project = report->project;
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GListModel *measures = tps_project_get_measures (project);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);
  guint n_measures = g_list_model_get_n_items (measures);
  guint n_quick_wins, n_below = 0;
  double sum_current = 0, sum_target = 0;
  TpsMeasureSummary summary;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) organisation = NULL;
  g_autoptr(PangoLayout) date = NULL;
  const char *title_text = tps_project_get_title (project);
  const char *organisation_text = tps_project_get_organisation (project);
  Figure figures[6];
  double x, width, tile_w, tile_h = 56, gap = 10;

  tps_report_begin_page (report, FALSE, FALSE);
  x = tps_report_body_left (report);
  width = tps_report_body_width (report);

  tps_project_measure_summary (project, &summary);
  n_quick_wins = summary.n_quick_wins;
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      sum_current += tps_touchpoint_get_current (touchpoint);
      sum_target += tps_touchpoint_get_target (touchpoint);
      n_below += tps_touchpoint_get_gap (touchpoint) > 0;
    }

  /* A dark band like the map's stage headers carries what this is. */
  tps_report_set_color (report, TPS_PALETTE_HEADER, 1.0);
  cairo_rectangle (report->cr, x, report->y, width, 34);
  cairo_fill (report->cr);
  kicker = tps_report_text_new (report, _("Customer Touchpoint Management Report"), 10,
                                PANGO_WEIGHT_BOLD,
                                width - 28);
  tps_report_show (report, kicker, x + 14, report->y + (34 - tps_draw_text_height (kicker)) / 2,
                   TPS_PALETTE_HEADER_TEXT);
  report->y += 34 + 36;

  title = tps_report_text_new (report, title_text != NULL && *title_text != '\0' ? title_text
                               : _("Untitled Project"), TITLE_SIZE, PANGO_WEIGHT_BOLD, width);
  tps_report_show (report, title, x, report->y, TPS_PALETTE_TEXT);
  report->y += tps_draw_text_height (title) + 10;

  if (organisation_text != NULL && *organisation_text != '\0')
    {
      organisation = tps_report_text_new (report, organisation_text, 15, PANGO_WEIGHT_NORMAL,
                                          width);
      tps_report_show (report, organisation, x, report->y, TPS_PALETTE_TEXT);
      report->y += tps_draw_text_height (organisation) + 4;
    }

  date = tps_report_text_new (report, report->date, 11, PANGO_WEIGHT_NORMAL, width);
  tps_report_show (report, date, x, report->y, TPS_PALETTE_TEXT_MUTED);
  report->y += tps_draw_text_height (date) + 14;

  tps_report_set_color (report, TPS_PALETTE_ACCENT, 1.0);
  cairo_rectangle (report->cr, x, report->y, 40, 3);
  cairo_fill (report->cr);
  report->y += 18;

  tps_report_paragraph (report, tps_project_get_description (project), 10, TPS_PALETTE_TEXT);

  tps_report_subheading (report, _("At a Glance"), 2 * tile_h + gap);
  figures[0] = (Figure) { n_touchpoints, _("Touchpoints"), TPS_PALETTE_ACCENT, -1 };
  figures[1] = (Figure) { tps_project_count_moment (project, TPS_MOMENT_PAINPOINT),
                          _("Painpoints"), 0, TPS_MOMENT_PAINPOINT };
  figures[2] = (Figure) { tps_project_count_moment (project, TPS_MOMENT_OF_TRUTH),
                          _("Moments of truth"), 0, TPS_MOMENT_OF_TRUTH };
  figures[3] = (Figure) { tps_project_count_moment (project, TPS_MOMENT_LOVEPOINT),
                          _("Lovepoints"), 0, TPS_MOMENT_LOVEPOINT };
  figures[4] = (Figure) { n_measures, _("Measures"), TPS_PALETTE_ACCENT, -1 };
  figures[5] = (Figure) { n_quick_wins, _("Quick wins"), TPS_PALETTE_TREND_BETTER, -1 };

  tile_w = (width - 2 * gap) / 3;
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    draw_figure (report, &figures[i], x + (i % 3) * (tile_w + gap),
                 report->y + (i / 3) * (tile_h + gap), tile_w, tile_h);
  report->y += 2 * tile_h + gap + 12;

  if (n_touchpoints > 0)
    {
      g_autofree char *current = tps_report_format_signed_decimal (sum_current / n_touchpoints);
      g_autofree char *target = tps_report_format_signed_decimal (sum_target / n_touchpoints);
      g_autofree char *sentence = NULL;

      /* Translators: the first two %s are averages such as "−0.4" and
       * "+1.1" on the scale from −2 to +2; %u counts the touchpoints
       */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Customers rate their experience today at %s on "
                                               "average (Ist, from −2 to +2); the target is %s "
                                               "(Soll). %u touchpoint is below its target.",
                                               "Customers rate their experience today at %s on "
                                               "average (Ist, from −2 to +2); the target is %s "
                                               "(Soll). %u touchpoints are below their target.",
                                               n_below),
                                  current, target, n_below);
      tps_report_paragraph (report, sentence, BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
    }

  /* The contents stay on the cover when the description leaves room. */
  {
    g_autoptr(PangoLayout) heading = tps_report_text_new (report, _("Contents"), H2_SIZE,
                                                          PANGO_WEIGHT_BOLD, -1);
    g_autoptr(PangoLayout) line = tps_report_text_new (report, "1", 11, PANGO_WEIGHT_NORMAL, -1);
    guint n_lines = 0;
    double lines;

    for (guint i = 1; i < N_CHAPTERS; i++)
      n_lines += tps_report_chapter_is_included (report, i);
    lines = n_lines * (tps_draw_text_height (line) + CONTENTS_GAP);

    if (tps_report_room_left (report) < 8 + tps_draw_text_height (heading) + 6 + 4 + lines)
      tps_report_begin_page (report, FALSE, TRUE);
    tps_report_subheading (report, _("Contents"), lines);
  }
  report->y += 4;
  for (guint i = 1; i < N_CHAPTERS; i++)
    if (tps_report_chapter_is_included (report, i))
      contents_line (report, i);
}

/* Chapters ----------------------------------------------------------------- */

/* The journey map, drawn by the map renderer: on one landscape page when
 * its titles print at least TPS_MAP_MIN_PRINT_TEXT high there, else split
 * at stage boundaries over several pages (in whichever orientation needs
 * fewer), each saying which stages it shows.
 */
static TpsMapSplit *
split_map_for (TpsReport           *report,
               TpsMapLayout        *layout,
               const TpsPageLayout *page,
               double               caption)
{
  g_autoptr(PangoLayout) heading = tps_report_text_new (report, tps_report_chapter_title (report),
                                                        H1_SIZE, PANGO_WEIGHT_BOLD,
                                                        page->content.width - 40);
  /* The room on the chapter's first page, below its heading and a caption
   * line, holds on every page.
   */
  double room = page->content.height - (tps_draw_text_height (heading) + 20) - caption;

  return tps_map_split_new (layout, page->content.width, MAX (room, 1), TPS_MAP_MIN_PRINT_TEXT);
}

static void
chapter_map (TpsReport *report)
{
  g_autoptr(TpsMapLayout) layout = NULL;
  g_autoptr(TpsMapSplit) split = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  TpsMapLayoutOptions map_options;
  TpsMapRenderOptions options;
  gboolean landscape = TRUE;
  double caption;

  tps_map_layout_options_init_print (&map_options);
  map_options.hide_empty_lanes = report->options.hide_empty_lanes;
  layout = tps_map_layout_new (report->project, &map_options);

  probe = tps_report_text_new (report, "Xg", 9, PANGO_WEIGHT_BOLD, -1);
  caption = tps_draw_text_height (probe) + 6;

  /* Landscape suits a long journey; a map with many channels needs height
   * more than width, and in portrait fewer pages hold it.
   */
  split = split_map_for (report, layout, &report->landscape, caption);
  if (!report->options.landscape && tps_map_split_get_n_parts (split) > 1)
    {
      g_autoptr(TpsMapSplit) portrait = split_map_for (report, layout, &report->portrait,
                                                       caption);

      if (tps_map_split_get_n_parts (portrait) < tps_map_split_get_n_parts (split))
        {
          tps_map_split_free (split);
          split = g_steal_pointer (&portrait);
          landscape = FALSE;
        }
    }

  tps_report_begin_chapter (report, landscape);

  tps_map_render_options_init (&options);
  options.print = TRUE;

  for (guint i = 0; i < tps_map_split_get_n_parts (split); i++)
    {
      const TpsMapPart *part = tps_map_split_get_part (split, i);
      g_autofree char *label = tps_map_split_get_label (split, i);
      double width, height, x;

      if (i > 0)
        tps_report_continue_page (report);

      if (label != NULL)
        {
          g_autoptr(PangoLayout) text = tps_report_text_new (report, label, 9, PANGO_WEIGHT_BOLD,
                                                             -1);

          tps_report_show (report, text, tps_report_body_left (report), report->y,
                           TPS_PALETTE_TEXT_MUTED);
          report->y += caption;
        }

      tps_map_layout_get_size (part->layout, &width, &height);
      x = tps_report_body_left (report);
      if (tps_map_split_get_n_parts (split) == 1)
        x += (tps_report_body_width (report) - width * split->scale) / 2;

      cairo_save (report->cr);
      cairo_translate (report->cr, x, report->y);
      tps_map_render (report->cr, part->layout, split->scale, NULL, &options);
      cairo_restore (report->cr);

      report->y += height * split->scale;
    }
}

static const Column touchpoint_columns[] = {
  { N_("Stage"), 1.25, CELL_TEXT },
  { N_("Channel"), 1.25, CELL_TEXT },
  { N_("Touchpoint"), 2.6, CELL_TEXT },
  /* Translators: the experience today, a column heading */
  { N_("Ist"), 0.5, CELL_RATING },
  /* Translators: the target experience, a column heading */
  { N_("Soll"), 0.5, CELL_RATING },
  { N_("Gap"), 0.45, CELL_NUMBER },
  { N_("Importance"), 0.75, CELL_NUMBER },
  { N_("Priority"), 0.6, CELL_NUMBER },
  { N_("Moment"), 1.15, CELL_MOMENT },
  { N_("Owner"), 1.25, CELL_TEXT },
  { N_("Measures"), 0.65, CELL_NUMBER },
};

static void
fill_touchpoint_row (TpsReport *report,
                     gpointer   item,
                     guint      index,
                     Cell      *cells)
{
  TpsTouchpoint *touchpoint = item;
  TpsProject *project = report->project;
  TpsMoment moment = tps_touchpoint_get_moment (touchpoint);
  const char *id = tps_object_get_id (TPS_OBJECT (touchpoint));

  cells[0].text = g_strdup (stage_name (project, touchpoint));
  cells[1].text = g_strdup (channel_name (project, touchpoint));
  cells[2].text = g_strdup (tps_touchpoint_get_title (touchpoint));
  cells[3].value = tps_touchpoint_get_current (touchpoint);
  cells[4].value = tps_touchpoint_get_target (touchpoint);
  cells[5].text = signed_int (tps_touchpoint_get_gap (touchpoint));
  cells[6].text = g_strdup_printf ("%d", tps_touchpoint_get_importance (touchpoint));
  cells[7].text = g_strdup_printf ("%d", tps_touchpoint_get_priority (touchpoint));
  cells[8].value = moment;
  cells[8].text = g_strdup (moment != TPS_MOMENT_NONE
                            ? tps_enum_get_label (TPS_TYPE_MOMENT, moment) : "–");
  cells[9].text = g_strdup (tps_touchpoint_get_owner (touchpoint));
  if (report->measure_counts == NULL)
    report->measure_counts = tps_project_count_measures_by_touchpoint (project);
  cells[10].text = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (
                                            report->measure_counts, id ?: "")));
}

/* Every touchpoint in journey order with its ratings, gap and priority. */
static void
chapter_touchpoints (TpsReport *report)
{
  g_autoptr(GPtrArray) touchpoints = touchpoints_in_journey_order (report->project, 0, FALSE);
  g_autofree char *intro = NULL;

  tps_report_begin_chapter (report, TRUE);

  if (touchpoints->len == 0)
    {
      tps_report_paragraph (report, _("The project has no touchpoints yet."), BODY_SIZE,
                            TPS_PALETTE_TEXT);
      return;
    }

  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u touchpoint in journey order. Ist is the experience "
                                        "today, Soll the target, both from −2 (very "
                                        "disappointing) to +2 (very delightful); the gap is "
                                        "Soll − Ist, the priority importance × gap.",
                                        "%u touchpoints in journey order. Ist is the experience "
                                        "today, Soll the target, both from −2 (very "
                                        "disappointing) to +2 (very delightful); the gap is "
                                        "Soll − Ist, the priority importance × gap.",
                                        touchpoints->len), touchpoints->len);
  tps_report_paragraph (report, intro, BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
  tps_report_table (report, touchpoint_columns, G_N_ELEMENTS (touchpoint_columns), touchpoints,
                    fill_touchpoint_row);
}

/* One labelled line of a moment block: "Customer expectation: …". */
static PangoLayout *
labelled_text (TpsReport  *report,
               const char *label,
               const char *text,
               double      width)
{
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>  %s", escaped_label, escaped_text);
  PangoLayout *layout = tps_report_text_new (report, NULL, BODY_SIZE, PANGO_WEIGHT_NORMAL, width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* A touchpoint as a block that is never split over pages: title, where it
 * is, Ist → Soll, and what the customer expects and the company aims for.
 */
static void
moment_block (TpsReport     *report,
              TpsTouchpoint *touchpoint)
{
  TpsProject *project = report->project;
  const char *owner = tps_touchpoint_get_owner (touchpoint);
  const char *texts[3] = {
    tps_touchpoint_get_expectation (touchpoint),
    tps_touchpoint_get_goal (touchpoint),
    tps_touchpoint_get_orders (touchpoint),
  };
  const char *labels[3] = {
    _("Customer expectation:"),
    _("Goal:"),
    _("Orders won or lost:"),
  };
  PangoLayout *details[3] = { NULL, };
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) where = NULL;
  g_autoptr(PangoLayout) arrow = NULL;
  g_autofree char *where_text = NULL;
  double chips = 2 * tps_report_rating_chip_width (report, SMALL_SIZE) + 18;
  double x = tps_report_body_left (report) + 12;
  double width = tps_report_body_width (report) - 12;
  double height, y;
  TpsColor color;

  title = tps_report_text_new (report, tps_touchpoint_get_title (touchpoint), 10.5,
                               PANGO_WEIGHT_BOLD,
                               width - chips - 8);
  where_text = owner != NULL && *owner != '\0'
               ? g_strdup_printf ("%s · %s · %s", stage_name (project, touchpoint),
                                  channel_name (project, touchpoint), owner)
               : g_strdup_printf ("%s · %s", stage_name (project, touchpoint),
                                  channel_name (project, touchpoint));
  where = tps_report_text_new (report, where_text, SMALL_SIZE, PANGO_WEIGHT_NORMAL, width);
  arrow = tps_report_text_new (report, "→", SMALL_SIZE, PANGO_WEIGHT_NORMAL, -1);

  height = tps_draw_text_height (title) + 2 + tps_draw_text_height (where) + 4;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && *texts[i] != '\0')
      {
        details[i] = labelled_text (report, labels[i], texts[i], width);
        height += tps_draw_text_height (details[i]) + 2;
      }

  tps_report_ensure_room (report, height);
  y = report->y;

  tps_palette_moment (tps_touchpoint_get_moment (touchpoint), FALSE, &color);
  tps_color_set_source (report->cr, &color, 1.0);
  cairo_rectangle (report->cr, tps_report_body_left (report), y, 3, height - 4);
  cairo_fill (report->cr);

  tps_report_show (report, title, x, y, TPS_PALETTE_TEXT);
  {
    double cx = tps_report_body_left (report) + tps_report_body_width (report) - chips;

    tps_report_draw_rating_chip (report, tps_touchpoint_get_current (touchpoint), cx, y + 1,
                                 SMALL_SIZE);
    tps_report_show (report, arrow, cx + tps_report_rating_chip_width (report, SMALL_SIZE) + 5,
                     y + 1,
                     TPS_PALETTE_TEXT_MUTED);
    tps_report_draw_rating_chip (report, tps_touchpoint_get_target (touchpoint),
                                 cx + tps_report_rating_chip_width (report, SMALL_SIZE) + 18,
                                 y + 1, SMALL_SIZE);
  }
  y += tps_draw_text_height (title) + 2;
  tps_report_show (report, where, x, y, TPS_PALETTE_TEXT_MUTED);
  y += tps_draw_text_height (where) + 4;

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (details[i] != NULL)
      {
        tps_report_show (report, details[i], x, y, TPS_PALETTE_TEXT);
        y += tps_draw_text_height (details[i]) + 2;
        g_object_unref (details[i]);
      }

  report->y = y + 12;
}

static void
moment_section (TpsReport  *report,
                TpsMoment   moment,
                const char *heading,
                const char *intro,
                const char *none)
{
  g_autoptr(GPtrArray) touchpoints = touchpoints_in_journey_order (report->project, moment,
                                                                   TRUE);
  g_autofree char *title = g_strdup_printf ("%s (%u)", heading, touchpoints->len);

  tps_report_subheading (report, title, 60);
  tps_report_paragraph (report, touchpoints->len > 0 ? intro : none, BODY_SIZE,
                        TPS_PALETTE_TEXT_MUTED);

  for (guint i = 0; i < touchpoints->len; i++)
    moment_block (report, g_ptr_array_index (touchpoints, i));
}

/* Where orders are lost, won and decided, with what customers expect. */
static void
chapter_moments (TpsReport *report)
{
  tps_report_begin_chapter (report, FALSE);

  moment_section (report, TPS_MOMENT_PAINPOINT, _("Painpoints"),
                  _("Where customers are let down today: the touchpoints to fix first."),
                  _("No touchpoint is marked as a painpoint."));
  moment_section (report, TPS_MOMENT_OF_TRUTH, _("Moments of Truth"),
                  _("Where customers decide for or against the company."),
                  _("No touchpoint is marked as a moment of truth."));
  moment_section (report, TPS_MOMENT_LOVEPOINT, _("Lovepoints"),
                  _("Where customers are delighted: the strengths to keep and build on."),
                  _("No touchpoint is marked as a lovepoint."));
}

static const Column measure_columns[] = {
  /* Translators: a column heading: the measure's number */
  { N_("No."), 0.4, CELL_NUMBER },
  { N_("Measure"), 2.7, CELL_TEXT },
  { N_("Type"), 1.0, CELL_TEXT },
  { N_("Status"), 0.9, CELL_TEXT },
  { N_("Owner"), 1.45, CELL_TEXT },
  { N_("Start"), 0.8, CELL_NUMBER },
  { N_("Due"), 0.8, CELL_NUMBER },
  { N_("Effort"), 0.55, CELL_NUMBER },
  { N_("Impact"), 0.55, CELL_NUMBER },
  { N_("Quick win"), 0.6, CELL_NUMBER },
  { N_("Touchpoints"), 2.3, CELL_TEXT },
};

static void
fill_measure_row (TpsReport *report,
                  gpointer   item,
                  guint      index,
                  Cell      *cells)
{
  TpsMeasure *measure = item;
  const char * const *ids = tps_measure_get_touchpoint_ids (measure);
  const char *parent = tps_measure_get_parent_id (measure);
  g_autoptr(GString) linked = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TpsTouchpoint *touchpoint = tps_project_find_touchpoint (report->project, ids[i]);

      if (touchpoint == NULL)
        continue;
      if (linked->len > 0)
        g_string_append (linked, "; ");
      g_string_append (linked, tps_touchpoint_get_title (touchpoint));
    }

  cells[0].text = g_strdup_printf ("%u", index + 1);
  cells[1].text = parent != NULL && *parent != '\0'
                  ? g_strdup_printf ("↳ %s", tps_measure_get_title (measure))
                  : g_strdup (tps_measure_get_title (measure));
  cells[2].text = g_strdup (tps_enum_get_label (TPS_TYPE_MEASURE_TYPE,
                                                tps_measure_get_kind (measure)));
  cells[3].text = g_strdup (tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                                tps_measure_get_status (measure)));
  cells[4].text = g_strdup (tps_measure_get_owner (measure));
  cells[5].text = g_strdup (tps_measure_get_start (measure));
  cells[6].text = g_strdup (tps_measure_get_due (measure));
  cells[7].text = g_strdup_printf ("%d", tps_measure_get_effort (measure));
  cells[8].text = g_strdup_printf ("%d", tps_measure_get_impact (measure));
  cells[9].text = g_strdup (tps_measure_is_quick_win (measure) ? "✓" : "");
  cells[10].text = g_string_free (g_steal_pointer (&linked), FALSE);
}

/* The timeline at the largest size that fits the rest of the page; on
 * quarters when months would make its text too small to read.
 */
static void
draw_timeline (TpsReport *report)
{
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  g_autoptr(GDateTime) today = report->options.date ? g_date_time_ref (report->options.date)
                               : tps_page_now ();
  g_autofree char *iso = g_date_time_format (today, "%Y-%m-%d");
  double width, height, scale;

  tps_timeline_set_today (timeline, iso);
  tps_timeline_update (timeline, report->project);
  if (tps_report_body_width (report) / tps_timeline_get_width (timeline) < 0.6)
    {
      tps_timeline_set_scale (timeline, TPS_TIMELINE_SCALE_QUARTER);
      tps_timeline_update (timeline, report->project);
    }

  width = tps_timeline_get_width (timeline);
  height = tps_timeline_get_height (timeline);
  scale = MIN (1.0, tps_page_scale_to_fit (width, height, tps_report_body_width (report),
                                           tps_report_room_left (report)));

  cairo_save (report->cr);
  cairo_translate (report->cr, tps_report_body_left (report), report->y);
  cairo_scale (report->cr, scale, scale);
  cairo_rectangle (report->cr, 0, 0, width, height);
  cairo_clip (report->cr);
  tps_timeline_draw (timeline, report->cr, FALSE);
  cairo_restore (report->cr);

  report->y += height * scale + PARAGRAPH_GAP;
}

static void
draw_effort_matrix (TpsReport *report)
{
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  double width, height, scale;

  tps_effort_matrix_set_show_key (matrix, TRUE);
  tps_effort_matrix_update (matrix, report->project, tps_report_body_width (report),
                            tps_report_room_left (report));
  width = tps_effort_matrix_get_width (matrix);
  height = tps_effort_matrix_get_height (matrix);
  scale = MIN (1.0, tps_page_scale_to_fit (width, height, tps_report_body_width (report),
                                           tps_report_room_left (report)));

  cairo_save (report->cr);
  cairo_translate (report->cr,
                   tps_report_body_left (report)
                   + (tps_report_body_width (report) - width * scale) / 2,
                   report->y);
  cairo_scale (report->cr, scale, scale);
  cairo_rectangle (report->cr, 0, 0, width, height);
  cairo_clip (report->cr);
  tps_effort_matrix_draw (matrix, report->cr, FALSE);
  cairo_restore (report->cr);

  report->y += height * scale + PARAGRAPH_GAP;
}

/* The measures as a list, on a timeline and on the impact/effort matrix;
 * the list's numbers are the matrix's.
 */
static void
chapter_measures (TpsReport *report)
{
  GListModel *model = tps_project_get_measures (report->project);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *intro = NULL;
  guint n_quick_wins = 0;

  tps_report_begin_chapter (report, TRUE);

  if (n == 0)
    {
      tps_report_paragraph (report, _("No measures have been planned yet."), BODY_SIZE,
                            TPS_PALETTE_TEXT);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      TpsMeasure *measure = g_list_model_get_item (model, i);

      n_quick_wins += tps_measure_is_quick_win (measure);
      g_ptr_array_add (measures, measure);
    }

  /* Translators: "%u measures" is followed by the number of quick wins */
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u measure, %u of them quick wins: an impact of 4 or "
                                        "more for an effort of 2 or less.",
                                        "%u measures, %u of them quick wins: an impact of 4 or "
                                        "more for an effort of 2 or less.", n),
                           n, n_quick_wins);
  tps_report_paragraph (report, intro, BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
  tps_report_table (report, measure_columns, G_N_ELEMENTS (measure_columns), measures,
                    fill_measure_row);

  /* Each chart gets a page of its own unless most of this one is left. */
  if (tps_report_room_left (report) < report->page_layout->content.height * 0.6)
    tps_report_continue_page (report);
  tps_report_subheading (report, _("Timeline"), 120);
  draw_timeline (report);

  if (tps_report_room_left (report) < report->page_layout->content.height * 0.75)
    tps_report_continue_page (report);
  tps_report_subheading (report, _("Impact and Effort"), 200);
  draw_effort_matrix (report);
}

/* Draws one of the paginated analysis charts over as many pages as it
 * needs: @count says how many rows fit a height from a first row on.
 */
typedef guint (*CountFunc)  (TpsProject *, double, double, const TpsAnalysisChartOptions *);
typedef void  (*RenderFunc) (cairo_t *, TpsProject *, double, double,
                             const TpsAnalysisChartOptions *);
typedef double (*HeightFunc) (TpsProject *, double, const TpsAnalysisChartOptions *);

/* @data: the options with what the chart shows computed once, for all its
 * pages
 */
static void
paginated_chart (TpsReport                     *report,
                 const TpsAnalysisChartOptions *data,
                 guint                          total,
                 gboolean                       by_series,
                 CountFunc                      count,
                 HeightFunc                     natural_height,
                 RenderFunc                     render)
{
  TpsAnalysisChartOptions options = *data;
  guint first = 0;

  do
    {
      /* Drawn a quarter smaller than on screen: on paper the charts'
       * text stays legible, and a page holds half again as many.
       */
      double zoom = CHART_ZOOM;
      double width = tps_report_body_width (report) / zoom;
      double room = tps_report_room_left (report) / zoom;
      double height;
      guint shown;

      if (by_series)
        options.first_series = first;
      else
        options.first_row = first;

      shown = count (report->project, width, room, &options);
      if (shown == 0 && total > 0 && report->y > tps_report_body_top (report) + 60)
        {
          tps_report_continue_page (report);
          continue;
        }

      height = MIN (natural_height (report->project, width, &options), room);

      cairo_save (report->cr);
      cairo_translate (report->cr, tps_report_body_left (report), report->y);
      cairo_scale (report->cr, zoom, zoom);
      cairo_rectangle (report->cr, 0, 0, width, height);
      cairo_clip (report->cr);
      render (report->cr, report->project, width, height, &options);
      cairo_restore (report->cr);
      report->y += height * zoom + PARAGRAPH_GAP;

      /* A page too small for a single row would never finish. */
      first += MAX (shown, 1);
      if (first < total)
        tps_report_continue_page (report);
    }
  while (first < total);
}

/* The analysis view's charts: importance/performance, the perception gap
 * and the KPI trends against the baseline.
 */
static void
chapter_analysis (TpsReport *report)
{
  g_autoptr(GArray) gaps = tps_analysis_get_perception_gaps (report->project);
  g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series (report->project);
  TpsPerceptionSummary perception;
  TpsAnalysisChartOptions options;
  double height;

  tps_report_begin_chapter (report, TRUE);

  tps_analysis_chart_options_init (&options);
  options.print = TRUE;
  tps_analysis_get_perception_summary (report->project, &perception);
  options.perception = &perception;
  options.gaps = gaps;
  options.kpi_series = series;

  tps_report_subheading (report, _("Importance and Performance"), TPS_ANALYSIS_MATRIX_MIN_HEIGHT);
  height = MAX (tps_report_room_left (report), TPS_ANALYSIS_MATRIX_MIN_HEIGHT);
  cairo_save (report->cr);
  cairo_translate (report->cr, tps_report_body_left (report), report->y);
  tps_analysis_render_matrix (report->cr, report->project, tps_report_body_width (report), height,
                              &options);
  cairo_restore (report->cr);
  report->y += height;

  tps_report_continue_page (report);
  tps_report_subheading (report, _("Perception Gap"), 100);
  paginated_chart (report, &options, gaps->len, FALSE, tps_analysis_perception_gap_count_rows,
                   tps_analysis_perception_gap_get_height, tps_analysis_render_perception_gap);

  tps_report_continue_page (report);
  tps_report_subheading (report, _("KPI Trends"), 100);
  if (series->len == 0)
    {
      tps_report_paragraph (report, _("No measurements have been recorded yet."), BODY_SIZE,
                            TPS_PALETTE_TEXT);
      return;
    }
  paginated_chart (report, &options, series->len, TRUE, tps_analysis_kpi_trends_count_series,
                   tps_analysis_kpi_trends_get_height, tps_analysis_render_kpi_trends);
}

/* Benchmark and health ----------------------------------------------------- */

static const Column gap_columns[] = {
  { N_("Touchpoint"), 2.6, CELL_TEXT },
  { N_("Stage"), 1.3, CELL_TEXT },
  /* Translators: the experience today, a column heading */
  { N_("Ist"), 0.5, CELL_RATING },
  /* Translators: the best comparator's rating, a column heading */
  { N_("Best"), 0.5, CELL_RATING },
  { N_("Comparator"), 1.8, CELL_TEXT },
  { N_("Gap"), 0.45, CELL_NUMBER },
  { N_("Importance"), 0.75, CELL_NUMBER },
  /* Translators: gap × importance, a column heading */
  { N_("Weighted"), 0.7, CELL_NUMBER },
};

static void
fill_gap_row (TpsReport *report,
              gpointer   item,
              guint      index,
              Cell      *cells)
{
  TpsBenchmarkGap *gap = item;

  cells[0].text = g_strdup (tps_touchpoint_get_title (gap->touchpoint));
  cells[1].text = g_strdup (stage_name (report->project, gap->touchpoint));
  cells[2].value = gap->current;
  cells[3].value = gap->best_rating;
  cells[4].text = g_strdup (tps_comparator_get_name (gap->best));
  cells[5].text = signed_int (gap->gap);
  cells[6].text = g_strdup_printf ("%d", tps_touchpoint_get_importance (gap->touchpoint));
  cells[7].text = g_strdup_printf ("%d", gap->weighted);
}

/* One line per comparator: who it is and how we compare. */
static void
comparator_summary (TpsReport     *report,
                    TpsComparator *comparator)
{
  TpsComparatorSummary summary;
  const char *source = tps_comparator_get_source (comparator);
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;

  tps_benchmark_summarize (report->project, comparator, &summary);
  title = g_strdup_printf ("%s (%s)", tps_comparator_get_name (comparator),
                           tps_enum_get_label (TPS_TYPE_COMPARATOR_KIND,
                                               tps_comparator_get_kind (comparator)));
  tps_report_subheading (report, title, 30);
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Rated at %u touchpoint: ahead of us at %u, level at "
                                         "%u, behind us at %u.",
                                         "Rated at %u touchpoints: ahead of us at %u, level at "
                                         "%u, behind us at %u.", summary.n_rated),
                            summary.n_rated, summary.n_behind, summary.n_level,
                            summary.n_ahead);
  tps_report_paragraph (report, counts, BODY_SIZE, TPS_PALETTE_TEXT);
  if (source != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);
      tps_report_paragraph (report, line, SMALL_SIZE, TPS_PALETTE_TEXT_MUTED);
    }
  tps_report_paragraph (report, tps_comparator_get_note (comparator), SMALL_SIZE,
                        TPS_PALETTE_TEXT_MUTED);
}

/* Seed 001 step 5 and seed 003: how the journey compares with competitors
 * and the best providers of any industry, and where we trail them most.
 */
static void
chapter_benchmark (TpsReport *report)
{
  GListModel *comparators = tps_project_get_comparators (report->project);
  g_autoptr(GArray) gaps = tps_benchmark_get_gaps (report->project, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  tps_report_begin_chapter (report, FALSE);

  if (g_list_model_get_n_items (comparators) == 0)
    {
      tps_report_paragraph (report, _("No comparators have been rated yet. Rate competitors and "
                                      "best-practice providers of other industries at the "
                                      "touchpoints to "
                                      "see where customers' expectations come from."),
                            BODY_SIZE, TPS_PALETTE_TEXT);
      return;
    }

  tps_report_paragraph (report, _("Customers compare every touchpoint with the best they have met "
                                  "anywhere. Each comparator is rated on the same scale as the "
                                  "Ist."),
                        BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
  for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
      comparator_summary (report, comparator);
    }

  tps_report_subheading (report, _("Where We Trail the Best"), 60);
  if (gaps->len == 0)
    {
      tps_report_paragraph (report, _("No comparator is rated above us at any touchpoint."),
                            BODY_SIZE,
                            TPS_PALETTE_TEXT);
      return;
    }
  tps_report_paragraph (report, _("The touchpoints where a comparator is rated above our Ist, "
                                  "the largest "
                                  "gap weighted by importance first."),
                        BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
  for (guint i = 0; i < gaps->len; i++)
    g_ptr_array_add (rows, &g_array_index (gaps, TpsBenchmarkGap, i));
  tps_report_table (report, gap_columns, G_N_ELEMENTS (gap_columns), rows, fill_gap_row);
}

static const Column finding_columns[] = {
  { N_("Severity"), 0.8, CELL_TEXT },
  { N_("Check"), 1.6, CELL_TEXT },
  { N_("Finding"), 5.0, CELL_TEXT },
};

static void
fill_finding_row (TpsReport *report,
                  gpointer   item,
                  guint      index,
                  Cell      *cells)
{
  TpsHealthFinding *finding = item;

  cells[0].text = g_strdup (tps_health_severity_get_label (finding->severity));
  cells[1].text = g_strdup (tps_health_check_get_title (finding->check));
  cells[2].text = g_strdup (finding->message);
}

static const Column consistency_columns[] = {
  { N_("Stage"), 1.4, CELL_TEXT },
  { N_("Channels"), 3.4, CELL_TEXT },
  { N_("Consistency"), 3.4, CELL_TEXT },
};

static void
fill_consistency_row (TpsReport *report,
                      gpointer   item,
                      guint      index,
                      Cell      *cells)
{
  TpsStageConsistency *consistency = item;
  g_autoptr(GString) channels = g_string_new (NULL);

  for (guint c = 0; c < consistency->channels->len; c++)
    {
      TpsChannelRating *rating = &g_array_index (consistency->channels, TpsChannelRating, c);
      g_autofree char *mean = tps_benchmark_format_mean (rating->mean);

      if (c > 0)
        g_string_append (channels, ", ");
      g_string_append_printf (channels, "%s %s",
                              tps_object_get_display_name (TPS_OBJECT (rating->channel)), mean);
    }

  cells[0].text = g_strdup (tps_object_get_display_name (TPS_OBJECT (consistency->stage)));
  cells[1].text = g_string_free (g_steal_pointer (&channels), FALSE);
  cells[2].text = tps_stage_consistency_describe (consistency);
}

/* What the team should look at next, and whether the channels of each
 * stage feel like one company (seed 002).
 */
static void
chapter_health (TpsReport *report)
{
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) stages = tps_benchmark_get_consistency (report->project);
  guint counts[TPS_HEALTH_N_SEVERITIES];
  g_autofree char *summary = NULL;

  today = report->options.date != NULL ? g_date_time_format (report->options.date, "%Y-%m-%d")
                                        : NULL;
  findings = tps_health_check (report->project, today);
  tps_health_count (findings, counts);

  tps_report_begin_chapter (report, FALSE);

  if (findings->len == 0)
    tps_report_paragraph (report, _("The health check found nothing to look at."), BODY_SIZE,
                          TPS_PALETTE_TEXT);
  else
    {
      /* Translators: the three counts of the health check's findings */
      summary = g_strdup_printf (_("Critical: %u · Warnings: %u · Hints: %u. The most urgent "
                                   "come first."),
                                 counts[TPS_HEALTH_CRITICAL], counts[TPS_HEALTH_WARNING],
                                 counts[TPS_HEALTH_HINT]);
      tps_report_paragraph (report, summary, BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
      tps_report_table (report, finding_columns, G_N_ELEMENTS (finding_columns), findings,
                        fill_finding_row);
    }

  tps_report_subheading (report, _("Channel Consistency"), 60);
  tps_report_paragraph (report, _("Per stage, the mean Ist of each channel. Channels two or more "
                                  "steps "
                                  "apart give customers an inconsistent experience."),
                        BODY_SIZE, TPS_PALETTE_TEXT_MUTED);
  if (stages->len > 0)
    tps_report_table (report, consistency_columns, G_N_ELEMENTS (consistency_columns), stages,
                      fill_consistency_row);
}

/* One line of the changes table: the object on its first line only. */
typedef struct
{
  char *object;
  char *what;
  char *before;
  char *after;
} ChangeLine;

static void
change_line_free (ChangeLine *line)
{
  g_free (line->object);
  g_free (line->what);
  g_free (line->before);
  g_free (line->after);
  g_free (line);
}

static const Column change_columns[] = {
  { N_("Touchpoint, measure or setting"), 2.6, CELL_TEXT },
  { N_("What changed"), 1.6, CELL_TEXT },
  { N_("Before"), 2.0, CELL_TEXT },
  { N_("Now"), 2.0, CELL_TEXT },
};

static void
fill_change_row (TpsReport *report,
                 gpointer   item,
                 guint      index,
                 Cell      *cells)
{
  ChangeLine *line = item;

  cells[0].text = g_strdup (line->object ? line->object : "");
  cells[1].text = g_strdup (line->what);
  cells[2].text = g_strdup (line->before ? line->before : "");
  cells[3].text = g_strdup (line->after ? line->after : "");
}

static void
add_change_line (GPtrArray  *lines,
                 char       *object,
                 const char *what,
                 const char *before,
                 const char *after)
{
  ChangeLine *line = g_new0 (ChangeLine, 1);

  line->object = object;
  line->what = g_strdup (what);
  line->before = g_strdup (before);
  line->after = g_strdup (after);
  g_ptr_array_add (lines, line);
}

/* What changed since the version given as options.since, from the same
 * comparison `--diff` and the window's "Compare With…" show.
 */
static void
chapter_changes (TpsReport *report)
{
  g_autoptr(TpsComparison) comparison = tps_comparison_new (report->options.since,
                                                            report->project);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               change_line_free);
  g_autofree char *summary = NULL;
  guint added, removed, changed;

  tps_report_begin_chapter (report, TRUE);

  tps_comparison_count (comparison, &added, &removed, &changed);
  /* Translators: "Compared with “workshop-1.touchpoints”: 2 new, 1 removed, 5 changed." */
  summary = g_strdup_printf (_("Compared with “%s”: %u new, %u removed, %u changed."),
                             report->options.since_name ? report->options.since_name : "",
                             added, removed, changed);
  tps_report_paragraph (report, summary, BODY_SIZE, TPS_PALETTE_TEXT_MUTED);

  if (tps_comparison_is_empty (comparison))
    {
      tps_report_paragraph (report, _("Nothing has changed since then."), BODY_SIZE,
                            TPS_PALETTE_TEXT);
      return;
    }

  for (guint i = 0; i < tps_comparison_get_n_changes (comparison); i++)
    {
      const TpsObjectChange *change = tps_comparison_get_change (comparison, i);
      char *heading = tps_object_change_get_heading (change);

      if (change->kind == TPS_CHANGE_ADDED)
        add_change_line (lines, heading, _("New"), NULL, NULL);
      else if (change->kind == TPS_CHANGE_REMOVED)
        add_change_line (lines, heading, _("Removed"), NULL, NULL);
      else
        for (guint j = 0; j < change->properties->len; j++)
          {
            const TpsPropertyChange *property = g_ptr_array_index (change->properties, j);

            add_change_line (lines, j == 0 ? heading : NULL, property->label,
                             property->old_text, property->new_text);
          }
      if (change->kind == TPS_CHANGE_CHANGED && change->properties->len == 0)
        g_free (heading);
    }

  tps_report_table (report, change_columns, G_N_ELEMENTS (change_columns), lines, fill_change_row);
}

/* Writing ------------------------------------------------------------------ */

static cairo_status_t
discard_chunk (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* One pass over all chapters onto @surface. */
static cairo_status_t
write_chapters (TpsReport       *report,
                cairo_surface_t *surface)
{
  cairo_status_t status;

  report->surface = surface;
  report->cr = cairo_create (surface);
  report->pango = tps_page_pango_context_new (report->cr);
  report->page = 0;

  for (report->chapter = 0;
       report->chapter < N_CHAPTERS && !g_cancellable_is_cancelled (report->cancellable);
       report->chapter++)
    if (tps_report_chapter_is_included (report, report->chapter))
      tps_report_chapters[report->chapter].write (report);
  tps_report_end_page (report);

  status = cairo_status (report->cr);
  g_clear_pointer (&report->measure_counts, g_hash_table_unref);
  g_clear_object (&report->pango);
  g_clear_pointer (&report->cr, cairo_destroy);

  return status;
}

void
tps_report_options_init (TpsReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->paper = TPS_PAPER_A4;
  options->landscape = FALSE;
  options->hide_empty_lanes = TRUE;
  options->date = NULL;
  options->since = NULL;
  options->since_name = NULL;
  options->progress = NULL;
  options->progress_data = NULL;
}

static gboolean
compute_page_layouts (TpsReport  *report,
                      GError    **error)
{
  TpsPageOptions page;

  tps_page_options_init (&page, report->options.paper, FALSE);
  page.margin = REPORT_MARGIN;
  if (!tps_page_layout_compute (&report->portrait, &page, 1, 1, error))
    return FALSE;

  tps_page_options_init (&page, report->options.paper, TRUE);
  page.margin = REPORT_MARGIN;
  return tps_page_layout_compute (&report->landscape, &page, 1, 1, error);
}

/**
 * tps_report_export_pdf:
 * @options: (nullable): paper, orientation and date; %NULL for A4
 *
 * Writes the CTM report of @project to @file. The file is replaced only
 * when the whole report was written.
 */
gboolean
tps_report_export_pdf (TpsProject              *project,
                       const TpsReportOptions  *options,
                       GFile                   *file,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  TpsReport report = { NULL, };
  g_autoptr(GDateTime) now = NULL;
  cairo_surface_t *counter;
  cairo_status_t status;
  TpsPdfWriter *writer;
  double width, height;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report.project = project;
  report.cancellable = cancellable;
  if (options != NULL)
    report.options = *options;
  else
    tps_report_options_init (&report.options);

  now = report.options.date != NULL ? g_date_time_ref (report.options.date) : tps_page_now ();
  report.date = tps_page_format_date (now);

  if (!compute_page_layouts (&report, error))
    {
      g_free (report.date);
      return FALSE;
    }
  tps_paper_get_size (report.options.paper, report.options.landscape, &width, &height);

  /* First pass: count the pages and find where the chapters start. */
  report.counting = TRUE;
  counter = cairo_pdf_surface_create_for_stream (discard_chunk, NULL, width, height);
  write_chapters (&report, counter);
  cairo_surface_destroy (counter);
  report.n_pages = report.page;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_free (report.date);
      return FALSE;
    }

  writer = tps_pdf_writer_new (file, width, height, cancellable, error);
  if (writer == NULL)
    {
      g_free (report.date);
      return FALSE;
    }
  tps_pdf_writer_set_metadata (writer, project, _("Customer Touchpoint Management Report"));

  report.counting = FALSE;
  status = write_chapters (&report, tps_pdf_writer_get_surface (writer));
  g_free (report.date);

  /* A failed write is reported by tps_pdf_writer_finish(), with its reason. */
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                   _("drawing the report failed: %s"), cairo_status_to_string (status));
      tps_pdf_writer_abort (writer);
      return FALSE;
    }

  return tps_pdf_writer_finish (writer, error);
}
