/* tps-map-layout.c
 *
 * Turns the project into rectangles once, so that drawing and hit testing
 * never walk the model. Text is measured with pango at fixed absolute
 * sizes and without hinted metrics: the same title then wraps the same way
 * at every zoom and on every surface (screen, PNG, PDF), whatever
 * resolution the caller gives its pango context.
 *
 * Step columns ("slots"): in journey order, a touchpoint joins the current
 * slot of its stage unless its lane is already taken there. That keeps the
 * reading order (left to right, and top to bottom within a slot) and gives
 * every card a cell of its own, so a drop target is always one cell. The
 * alternative of stacking two cards of a lane in one cell saves a few more
 * columns, but makes lanes twice as tall everywhere for the sake of a few
 * cells, which costs more paper than it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-map-layout-private.h"

struct _TpsMapLayout
{
  GObject parent_instance;

  TpsProject *project;
  TpsMapLayoutOptions options;
  TpsMapMetrics m;
  PangoContext *context;
  /* A title's wrapped height, by its text; shared with the parts of this
   * map, so that splitting a map into pages measures each title once.
   */
  GHashTable *title_heights;
  TpsMapTitles *titles;         /* measures them, made with the first */

  GArray *columns;        /* TpsMapColumn, sorted by x */
  GArray *lanes;          /* TpsMapLane, sorted by y */
  GArray *slots;          /* TpsMapSlot, sorted by x */
  GArray *steps;          /* TpsMapStep, sorted by x */
  GArray *ist;            /* TpsMapPoint, one per touchpoint step */
  GArray *soll;
  GArray *benchmark;      /* TpsMapPoint, one per step the comparator was rated at */
  char *comparator_id;    /* what options.comparator_id points at */
  TpsComparator *comparator;
  char *benchmark_label;  /* its legend entry: "Benchmark: NAME" */
  GArray *legend;         /* TpsMapLegendEntry */
  GHashTable *step_of;    /* TpsTouchpoint → step index + 1 */
  GPtrArray *held;        /* the model objects the geometry points at */

  double width;
  double height;
  cairo_rectangle_t title;
  cairo_rectangle_t map;
  cairo_rectangle_t header;
  cairo_rectangle_t lanes_rect;
  cairo_rectangle_t band;
  double band_rows_top;
  double title_line_height;
};

static const TpsMapMetrics screen_metrics = {
  .label_width = 236, .step_width = 204, .card_margin_x = 12, .lane_pad_y = 14,
  .card_pad = 11, .chip_height = 22, .card_gap = 8, .card_foot = 18, .title_lines = 3,
  .badge = 20,
  .header_pad = 14, .label_pad = 16,
  .band_gap = 18, .band_title = 40, .band_row = 40, .band_pad = 14,
};

/* On paper a card is read, not clicked: the title keeps its size, the
 * chrome around it gets about half as much room, and a long title gets a
 * fourth line rather than being cut (lanes are only as tall as their own
 * cards, so that costs room only where such a title is).
 */
static const TpsMapMetrics print_metrics = {
  .label_width = 150, .step_width = 158, .card_margin_x = 5, .lane_pad_y = 5,
  .card_pad = 6, .chip_height = 16, .card_gap = 3, .card_foot = 13, .title_lines = 4,
  .badge = 14,
  .header_pad = 8, .label_pad = 8,
  .band_gap = 10, .band_title = 30, .band_row = 24, .band_pad = 6,
};

G_DEFINE_FINAL_TYPE (TpsMapLayout, tps_map_layout, G_TYPE_OBJECT)

typedef struct
{
  double size;
  PangoWeight weight;
  PangoStyle style;
} TextStyle;

/* Absolute sizes in layout units (pixels at 96 dpi). */
static const TextStyle text_styles[TPS_MAP_N_TEXT_STYLES] = {
  [TPS_MAP_TEXT_TITLE]       = { 30.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_SUBTITLE]    = { 16.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_LEGEND]      = { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_STAGE]       = { 17.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_STAGE_PRINT] = { 14.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_STAGE_COUNT] = { 12.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_LANE]        = { 14.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_LANE_KIND]   = { 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_CARD_TITLE]  = { 14.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_CARD_META]   = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_CHIP]        = { 12.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_BAND_TITLE]  = { 15.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [TPS_MAP_TEXT_BAND_LABEL]  = { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
};

/**
 * tps_map_text_new:
 * @width: the wrap width, or <= 0 for one unwrapped line
 * @max_lines: lines after which the text is ellipsised, 0 for no limit
 *
 * Returns: (transfer full): a layout of @text in @style
 */
PangoLayout *
tps_map_text_new (PangoContext    *context,
                  TpsMapTextStyle  style,
                  const char      *text,
                  double           width,
                  int              max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = tps_draw_font_new (text_styles[style].size,
                                                  text_styles[style].weight);

  pango_font_description_set_style (font, text_styles[style].style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      /* A negative height is a number of lines. */
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1000);
    }

  return layout;
}

const char *
tps_map_legend_get_label (TpsMapLegendItem item)
{
  if (item >= TPS_MAP_LEGEND_RATING_MIN && item <= TPS_MAP_LEGEND_RATING_MAX)
    return tps_rating_get_label ((int) item - TPS_MAP_LEGEND_RATING_MIN + TPS_RATING_MIN);

  switch (item)
    {
    case TPS_MAP_LEGEND_PAINPOINT:
      return tps_enum_get_label (TPS_TYPE_MOMENT, TPS_MOMENT_PAINPOINT);
    case TPS_MAP_LEGEND_LOVEPOINT:
      return tps_enum_get_label (TPS_TYPE_MOMENT, TPS_MOMENT_LOVEPOINT);
    case TPS_MAP_LEGEND_MOMENT_OF_TRUTH:
      return tps_enum_get_label (TPS_TYPE_MOMENT, TPS_MOMENT_OF_TRUTH);
    case TPS_MAP_LEGEND_ENTRY:
      return _("Entry point");
    case TPS_MAP_LEGEND_EXIT:
      return _("Exit point");
    case TPS_MAP_LEGEND_NEW:
      return _("New touchpoint");
    case TPS_MAP_LEGEND_RETIRE:
      return _("To be retired");
    case TPS_MAP_LEGEND_MEASURES:
      return _("Linked measures");
    case TPS_MAP_LEGEND_TREND:
      return _("KPI since baseline");
    case TPS_MAP_LEGEND_IST:
      return _("Ist: experience today");
    case TPS_MAP_LEGEND_SOLL:
      return _("Soll: target experience");
    case TPS_MAP_LEGEND_BENCHMARK:
      return _("Benchmark");
    case TPS_MAP_LEGEND_SHORTFALL:
      return _("Gap to close");
    case TPS_MAP_LEGEND_SURPLUS:
      return _("Above target");
    case TPS_MAP_LEGEND_ONLINE:
      return tps_enum_get_label (TPS_TYPE_CHANNEL_KIND, TPS_CHANNEL_KIND_ONLINE);
    case TPS_MAP_LEGEND_OFFLINE:
      return tps_enum_get_label (TPS_TYPE_CHANNEL_KIND, TPS_CHANNEL_KIND_OFFLINE);
    case TPS_MAP_LEGEND_HYBRID:
      return tps_enum_get_label (TPS_TYPE_CHANNEL_KIND, TPS_CHANNEL_KIND_HYBRID);
    default:
      return "";
    }
}

static void
clear_geometry (TpsMapLayout *self)
{
  g_array_set_size (self->columns, 0);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->slots, 0);
  g_array_set_size (self->steps, 0);
  g_array_set_size (self->ist, 0);
  g_array_set_size (self->soll, 0);
  g_array_set_size (self->benchmark, 0);
  g_clear_object (&self->comparator);
  g_clear_pointer (&self->benchmark_label, g_free);
  g_array_set_size (self->legend, 0);
  g_hash_table_remove_all (self->step_of);
  g_ptr_array_set_size (self->held, 0);
}

static void
tps_map_layout_finalize (GObject *object)
{
  TpsMapLayout *self = TPS_MAP_LAYOUT (object);

  clear_geometry (self);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->ist, g_array_unref);
  g_clear_pointer (&self->soll, g_array_unref);
  g_clear_pointer (&self->benchmark, g_array_unref);
  g_clear_pointer (&self->comparator_id, g_free);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->step_of, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->title_heights, g_hash_table_unref);
  g_clear_pointer (&self->titles, tps_map_titles_free);
  g_clear_object (&self->context);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (tps_map_layout_parent_class)->finalize (object);
}

static void
tps_map_layout_class_init (TpsMapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tps_map_layout_finalize;
}

static void
tps_map_layout_init (TpsMapLayout *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (TpsMapColumn));
  self->lanes = g_array_new (FALSE, TRUE, sizeof (TpsMapLane));
  self->slots = g_array_new (FALSE, TRUE, sizeof (TpsMapSlot));
  self->steps = g_array_new (FALSE, TRUE, sizeof (TpsMapStep));
  self->ist = g_array_new (FALSE, TRUE, sizeof (TpsMapPoint));
  self->soll = g_array_new (FALSE, TRUE, sizeof (TpsMapPoint));
  self->benchmark = g_array_new (FALSE, TRUE, sizeof (TpsMapPoint));
  self->legend = g_array_new (FALSE, TRUE, sizeof (TpsMapLegendEntry));
  self->step_of = g_hash_table_new (NULL, NULL);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The defaults: the whole map on screen, with its title and legend. */
void
tps_map_layout_options_init (TpsMapLayoutOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TpsMapLayoutOptions) {
    .show_title = TRUE,
    .style = TPS_MAP_STYLE_SCREEN,
    .hide_empty_lanes = FALSE,
    .first_slot = 0,
    .n_slots = 0,
  };
}

/* The defaults on paper and in exports: dense cards, only the lanes in use. */
void
tps_map_layout_options_init_print (TpsMapLayoutOptions *options)
{
  tps_map_layout_options_init (options);
  options->style = TPS_MAP_STYLE_PRINT;
  options->hide_empty_lanes = TRUE;
}

static TpsMapLayout *
layout_new (TpsProject                *project,
            const TpsMapLayoutOptions *options,
            GHashTable                *title_heights)
{
  TpsMapLayout *self = g_object_new (TPS_TYPE_MAP_LAYOUT, NULL);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  self->project = g_object_ref (project);
  if (options != NULL)
    self->options = *options;
  else
    tps_map_layout_options_init (&self->options);
  self->comparator_id = g_strdup (self->options.comparator_id);
  self->options.comparator_id = self->comparator_id;
  self->m = self->options.style == TPS_MAP_STYLE_PRINT ? print_metrics : screen_metrics;

  self->context = pango_font_map_create_context (font_map);
  tps_draw_setup_pango_context (self->context);

  if (title_heights != NULL)
    self->title_heights = g_hash_table_ref (title_heights);
  else
    self->title_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  tps_map_layout_rebuild (self);

  return self;
}

/**
 * tps_map_layout_new:
 * @options: (nullable): %NULL for the defaults of tps_map_layout_options_init()
 *
 * Returns: (transfer full): the layout of @project, already built
 */
TpsMapLayout *
tps_map_layout_new (TpsProject                *project,
                    const TpsMapLayoutOptions *options)
{
  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  return layout_new (project, options, NULL);
}

/**
 * tps_map_layout_new_for_export:
 * @options: (nullable): %NULL for tps_map_layout_options_init_print()
 *
 * Returns: (transfer full): the layout of @project for paper or an image
 */
TpsMapLayout *
tps_map_layout_new_for_export (TpsProject                *project,
                               const TpsMapLayoutOptions *options)
{
  TpsMapLayoutOptions defaults;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  if (options == NULL)
    {
      tps_map_layout_options_init_print (&defaults);
      options = &defaults;
    }

  return layout_new (project, options, NULL);
}

/**
 * tps_map_layout_new_part:
 * @whole: the layout of the whole map
 * @first_slot: the first slot of the part, counted over the whole map
 * @n_slots: how many slots, at least 1
 * @title_width: how wide the title and legend may flow, layout units; a
 *   part narrower than a page then keeps its legend in a few rows
 *
 * A map of one part of the journey with @whole's style, for a page of a
 * map split at stage boundaries: its own lane labels, stage headers and
 * band, and only the lanes it needs when @whole hides empty lanes. Text
 * measured for @whole is not measured again.
 *
 * Returns: (transfer full): the part's layout, already built
 */
TpsMapLayout *
tps_map_layout_new_part (TpsMapLayout *whole,
                         guint         first_slot,
                         guint         n_slots,
                         double        title_width)
{
  TpsMapLayoutOptions options;

  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (whole), NULL);
  g_return_val_if_fail (n_slots > 0, NULL);

  options = whole->options;
  options.first_slot = whole->options.first_slot + first_slot;
  options.n_slots = n_slots;
  options.title_width = title_width;

  return layout_new (whole->project, &options, whole->title_heights);
}

const TpsMapLayoutOptions *
tps_map_layout_get_options (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);

  return &self->options;
}

const TpsMapMetrics *
tps_map_layout_get_metrics (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);

  return &self->m;
}

TpsProject *
tps_map_layout_get_project (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);

  return self->project;
}

/* Returns: (transfer none): the context text was measured with */
PangoContext *
tps_map_layout_get_pango_context (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);

  return self->context;
}

static double
measure (TpsMapLayout    *self,
         TpsMapTextStyle  style,
         const char      *text,
         double           width,
         int              max_lines)
{
  g_autoptr(PangoLayout) layout = tps_map_text_new (self->context, style, text, width, max_lines);

  return tps_draw_text_height (layout);
}

static double
measure_width (TpsMapLayout    *self,
               TpsMapTextStyle  style,
               const char      *text)
{
  g_autoptr(PangoLayout) layout = tps_map_text_new (self->context, style, text, -1, 0);

  return tps_draw_text_width (layout);
}

static double
card_title_width (TpsMapLayout *self)
{
  return self->m.step_width - 2 * self->m.card_margin_x
         - 2 * self->m.card_pad - TPS_MAP_CARD_ACCENT;
}

/* The wrapped height of a card title; see tps-map-titles.c. */
double
tps_map_layout_measure_title (TpsMapLayout   *self,
                              const char     *title,
                              TpsTitleMeasure how)
{
  if (self->titles == NULL)
    {
      double width = card_title_width (self);

      self->titles = tps_map_titles_new (tps_map_text_new (self->context,
                                                           TPS_MAP_TEXT_CARD_TITLE, "x", width,
                                                           self->m.title_lines),
                                         tps_map_text_new (self->context,
                                                           TPS_MAP_TEXT_CARD_TITLE, "x", -1, 0),
                                         width, self->m.title_lines);
    }

  return tps_map_titles_measure (self->titles, title, how);
}

static double
title_height (TpsMapLayout *self,
              const char   *title)
{
  double *height;

  title = title != NULL ? title : "";
  height = g_hash_table_lookup (self->title_heights, title);
  if (height == NULL)
    {
      height = g_new (double, 1);
      *height = tps_map_layout_measure_title (self, title, TPS_TITLE_BY_EITHER);
      g_hash_table_insert (self->title_heights, g_strdup (title), height);
    }

  return *height;
}

/* Lays the legend out in rows that fit @width; returns its height. */
static double
flow_legend (TpsMapLayout *self,
             double        x0,
             double        y0,
             double        width)
{
  double x = x0, y = y0;

  for (int item = 0; item < TPS_MAP_N_LEGEND_ITEMS; item++)
    {
      TpsMapLegendEntry entry = { item, };
      double w;

      if (item == TPS_MAP_LEGEND_BENCHMARK && self->comparator == NULL)
        continue;

      w = TPS_MAP_LEGEND_ICON + 8
          + measure_width (self, TPS_MAP_TEXT_LEGEND,
                           tps_map_layout_get_legend_label (self, item));

      /* Groups start a little apart: ratings, moments, marks, curves, kinds. */
      if (item == TPS_MAP_LEGEND_PAINPOINT || item == TPS_MAP_LEGEND_NEW
          || item == TPS_MAP_LEGEND_IST || item == TPS_MAP_LEGEND_ONLINE)
        x += TPS_MAP_LEGEND_SPACING;

      if (x > x0 && x + w > x0 + width)
        {
          x = x0;
          y += TPS_MAP_LEGEND_ROW;
        }

      entry.rect = (cairo_rectangle_t) { x, y, w, TPS_MAP_LEGEND_ROW };
      g_array_append_val (self->legend, entry);
      x += w + TPS_MAP_LEGEND_SPACING;
    }

  return y + TPS_MAP_LEGEND_ROW - y0;
}

/* Where a touchpoint goes: found in the first pass over the model. */
typedef struct
{
  TpsTouchpoint *touchpoint;
  guint          channel;    /* index in the project's channels */
  guint          slot;       /* over the whole journey */
  guint          position;   /* within its stage */
} Placement;

/* Pass one: the slot of every touchpoint, over the whole journey, without
 * measuring anything. Returns the number of slots; @stage_slots gets each
 * stage's first slot (and one more entry, the end).
 */
static guint
assign_slots (GPtrArray *per_stage,
              guint      n_channels,
              GArray    *stage_slots)
{
  g_autofree guint *taken = g_new0 (guint, MAX (n_channels, 1));
  guint slot = 0;

  for (guint i = 0; i < per_stage->len; i++)
    {
      GArray *list = g_ptr_array_index (per_stage, i);

      g_array_append_val (stage_slots, slot);

      /* taken[lane] holds 1 + the slot that last took the lane. */
      for (guint j = 0; j < list->len; j++)
        {
          Placement *place = &g_array_index (list, Placement, j);

          if (j > 0 && taken[place->channel] == slot + 1)
            slot++;
          place->slot = slot;
          taken[place->channel] = slot + 1;
        }

      slot++;   /* an empty stage still has its one slot */
    }
  g_array_append_val (stage_slots, slot);

  return slot;
}

/* The geometry is a pure function of the model: rebuild after any change. */
void
tps_map_layout_rebuild (TpsMapLayout *self)
{
  const TpsMapMetrics *m = &self->m;
  GListModel *stages, *channels, *touchpoints;
  g_autoptr(GHashTable) stage_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) channel_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) per_stage = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) stage_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *lane_of_channel = NULL;   /* 1 + lane, 0 for none */
  g_autofree double *lane_card_height = NULL;
  guint n_stages, n_channels, n_touchpoints, n_all_slots, first, end;
  double header_height, label_width, min_card_height, map_width, block_width, title_y, x, y;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  clear_geometry (self);

  if (self->comparator_id != NULL)
    {
      TpsComparator *comparator = tps_project_find_comparator (self->project,
                                                               self->comparator_id);
      const char *name = comparator ? tps_comparator_get_name (comparator) : NULL;

      if (comparator != NULL)
        {
          self->comparator = g_object_ref (comparator);
          /* Translators: the legend of a comparator's curve on the map */
          self->benchmark_label = g_strdup_printf (_("Benchmark: %s"),
                                                   name ? name : self->comparator_id);
        }
    }

  stages = tps_project_get_stages (self->project);
  channels = tps_project_get_channels (self->project);
  touchpoints = tps_project_get_touchpoints (self->project);
  n_stages = g_list_model_get_n_items (stages);
  n_channels = g_list_model_get_n_items (channels);
  n_touchpoints = g_list_model_get_n_items (touchpoints);

  for (guint i = 0; i < n_stages; i++)
    {
      TpsStage *stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (self->held, stage);
      g_hash_table_insert (stage_of, (gpointer) tps_object_get_id (TPS_OBJECT (stage)),
                           GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (per_stage, g_array_new (FALSE, FALSE, sizeof (Placement)));
    }
  for (guint i = 0; i < n_channels; i++)
    {
      TpsChannel *channel = g_list_model_get_item (channels, i);

      g_ptr_array_add (self->held, channel);
      g_hash_table_insert (channel_of, (gpointer) tps_object_get_id (TPS_OBJECT (channel)),
                           GUINT_TO_POINTER (i + 1));
    }

  /* Journey order: stages in their order, touchpoints in document order
   * within a stage. A touchpoint whose stage or channel is gone has no
   * place on the map.
   */
  for (guint i = 0; i < n_touchpoints; i++)
    {
      TpsTouchpoint *touchpoint = g_list_model_get_item (touchpoints, i);
      guint stage = GPOINTER_TO_UINT (g_hash_table_lookup (stage_of,
                                        tps_touchpoint_get_stage_id (touchpoint) ?: ""));
      guint channel = GPOINTER_TO_UINT (g_hash_table_lookup (channel_of,
                                          tps_touchpoint_get_channel_id (touchpoint) ?: ""));
      GArray *list;
      Placement place = { touchpoint, channel - 1, 0, 0 };

      g_ptr_array_add (self->held, touchpoint);
      if (stage == 0 || channel == 0)
        continue;

      list = g_ptr_array_index (per_stage, stage - 1);
      place.position = list->len;
      g_array_append_val (list, place);
    }

  n_all_slots = assign_slots (per_stage, n_channels, stage_slots);
  first = MIN (self->options.first_slot, n_all_slots);
  end = self->options.n_slots > 0 ? MIN (first + self->options.n_slots, n_all_slots)
                                  : n_all_slots;

  /* The lanes this map shows, and how tall each lane's cards are: as tall
   * as the longest title among them needs, at least two lines.
   */
  lane_of_channel = g_new0 (guint, MAX (n_channels, 1));
  {
    g_autofree gboolean *used = g_new0 (gboolean, MAX (n_channels, 1));
    g_autofree double *tallest = g_new0 (double, MAX (n_channels, 1));
    gboolean any = FALSE;
    guint n_lanes = 0;

    self->title_line_height = measure (self, TPS_MAP_TEXT_CARD_TITLE, "Xg", -1, 0);
    min_card_height = measure (self, TPS_MAP_TEXT_CARD_TITLE, "Xg\nXg", card_title_width (self), 0);

    for (guint i = 0; i < n_stages; i++)
      {
        GArray *list = g_ptr_array_index (per_stage, i);

        for (guint j = 0; j < list->len; j++)
          {
            Placement *place = &g_array_index (list, Placement, j);

            if (place->slot < first || place->slot >= end)
              continue;
            used[place->channel] = any = TRUE;
            tallest[place->channel] = MAX (tallest[place->channel],
                                           title_height (self,
                                                         tps_touchpoint_get_title (place->touchpoint)));
          }
      }

    lane_card_height = g_new0 (double, MAX (n_channels, 1));
    for (guint c = 0; c < n_channels; c++)
      {
        TpsMapLane lane = { NULL, };

        if (self->options.hide_empty_lanes && any && !used[c])
          continue;

        lane.channel = g_list_model_get_item (channels, c);
        g_object_unref (lane.channel);  /* held above */
        g_array_append_val (self->lanes, lane);
        lane_of_channel[c] = ++n_lanes;
        lane_card_height[n_lanes - 1] = m->card_pad + m->chip_height + m->card_gap
                                        + MAX (tallest[c], min_card_height)
                                        + m->card_gap + m->card_foot + m->card_pad;
      }
  }

  map_width = m->label_width + (end - first) * m->step_width;
  block_width = MAX (map_width, self->options.title_width);

  x = TPS_MAP_MARGIN;
  y = TPS_MAP_MARGIN;

  /* The title block: title, organisation, legend. */
  if (self->options.show_title)
    {
      const char *subtitle = tps_project_get_organisation (self->project);
      double h;

      h = measure (self, TPS_MAP_TEXT_TITLE, tps_project_get_title (self->project),
                   block_width, 2);
      if (subtitle != NULL)
        h += 4 + measure (self, TPS_MAP_TEXT_SUBTITLE, subtitle, block_width, 1);
      h += 16;
      h += flow_legend (self, x, y + h, block_width);
      self->title = (cairo_rectangle_t) { x, y, block_width, h };
      y += h + TPS_MAP_TITLE_GAP;
    }
  else
    {
      self->title = (cairo_rectangle_t) { x, y, 0, 0 };
    }
  title_y = y;

  /* Columns, their slots and steps, left to right. */
  x += m->label_width;
  for (guint i = 0; i < n_stages; i++)
    {
      GArray *list = g_ptr_array_index (per_stage, i);
      guint stage_first = g_array_index (stage_slots, guint, i);
      guint stage_end = g_array_index (stage_slots, guint, i + 1);
      guint from = MAX (stage_first, first), to = MIN (stage_end, end);
      TpsMapColumn column = { NULL, };
      guint next = 0;

      if (from >= to)
        continue;

      column.stage = g_list_model_get_item (stages, i);
      g_object_unref (column.stage);  /* held above */
      column.stage_index = i;
      column.x = x;
      column.first_step = self->steps->len;
      column.first_slot = self->slots->len;
      column.continued_before = from > stage_first;
      column.continued_after = to < stage_end;

      /* The touchpoints before this part. */
      while (next < list->len && g_array_index (list, Placement, next).slot < from)
        next++;

      for (guint s = from; s < to; s++)
        {
          TpsMapSlot slot = { self->columns->len, s, x, m->step_width, self->steps->len, 0 };
          guint begin = next, k;

          while (next < list->len && g_array_index (list, Placement, next).slot == s)
            next++;
          k = next - begin;

          for (guint j = 0; j < MAX (k, 1); j++)
            {
              TpsMapStep step = { NULL, };

              step.column = self->columns->len;
              step.slot = self->slots->len;
              step.lane = G_MAXUINT;
              step.x = x + j * m->step_width / MAX (k, 1);
              step.width = m->step_width / MAX (k, 1);
              if (k > 0)
                {
                  const Placement *place = &g_array_index (list, Placement, begin + j);

                  step.touchpoint = place->touchpoint;
                  step.position = place->position;
                  step.lane = lane_of_channel[place->channel] - 1;
                  g_hash_table_insert (self->step_of, step.touchpoint,
                                       GUINT_TO_POINTER (self->steps->len + 1));
                  column.n_touchpoints++;
                }
              g_array_append_val (self->steps, step);
            }

          slot.n_steps = self->steps->len - slot.first_step;
          g_array_append_val (self->slots, slot);
          x += m->step_width;
        }

      column.n_steps = self->steps->len - column.first_step;
      column.n_slots = self->slots->len - column.first_slot;
      column.width = column.n_slots * m->step_width;
      g_array_append_val (self->columns, column);
    }

  /* The stage header row is as tall as the tallest stage name needs. */
  header_height = 0;
  for (guint i = 0; i < self->columns->len; i++)
    {
      TpsMapColumn *column = &g_array_index (self->columns, TpsMapColumn, i);

      header_height = MAX (header_height,
                           measure (self, tps_map_layout_get_stage_text (self),
                                    tps_stage_get_name (column->stage),
                                    tps_map_layout_get_stage_name_width (self, column, i == 0),
                                    TPS_MAP_STAGE_LINES));
    }
  header_height += 2 * m->header_pad + 6 + measure (self, TPS_MAP_TEXT_STAGE_COUNT, "0", -1, 0);
  header_height = MAX (header_height, 64);
  self->map = (cairo_rectangle_t) { TPS_MAP_MARGIN, title_y, map_width, 0 };
  self->header = (cairo_rectangle_t) { TPS_MAP_MARGIN + m->label_width, title_y,
                                       map_width - m->label_width, header_height };
  for (guint i = 0; i < self->columns->len; i++)
    {
      TpsMapColumn *column = &g_array_index (self->columns, TpsMapColumn, i);

      column->header = (cairo_rectangle_t) { column->x, title_y, column->width, header_height };
    }

  /* Lanes: tall enough for their cards and for the channel's label. */
  y = title_y + header_height;
  self->lanes_rect = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, map_width, 0 };
  label_width = m->label_width - 2 * m->label_pad - 20;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      TpsMapLane *lane = &g_array_index (self->lanes, TpsMapLane, i);
      double label_height;

      label_height = measure (self, TPS_MAP_TEXT_LANE, tps_channel_get_name (lane->channel),
                              label_width, 3)
                     + 4 + measure (self, TPS_MAP_TEXT_LANE_KIND, "X", -1, 0);
      lane->y = y;
      lane->height = MAX (lane_card_height[i], label_height) + 2 * m->lane_pad_y;
      lane->label = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, m->label_width, lane->height };
      y += lane->height;
    }
  self->lanes_rect.height = y - self->lanes_rect.y;

  for (guint i = 0; i < self->steps->len; i++)
    {
      TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);
      const TpsMapSlot *slot = &g_array_index (self->slots, TpsMapSlot, step->slot);
      const TpsMapLane *lane;
      double card_height;

      if (step->touchpoint == NULL)
        continue;

      lane = &g_array_index (self->lanes, TpsMapLane, step->lane);
      card_height = lane_card_height[step->lane];
      step->card = (cairo_rectangle_t) { slot->x + m->card_margin_x,
                                         lane->y + (lane->height - card_height) / 2,
                                         m->step_width - 2 * m->card_margin_x, card_height };
    }

  /* The experience band: a title row, then one row per rating, best on top. */
  y += m->band_gap;
  self->band = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, map_width,
                                     m->band_title + 5 * m->band_row + 2 * m->band_pad };
  self->band_rows_top = y + m->band_title + m->band_pad;
  y += self->band.height;
  self->map.height = y - self->map.y;

  /* One point per touchpoint, in the middle of its share of its slot. */
  for (guint i = 0; i < self->steps->len; i++)
    {
      TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);
      double cx = step->x + step->width / 2;

      if (step->touchpoint == NULL)
        continue;

      step->ist = (TpsMapPoint) { cx, tps_map_layout_rating_to_y (self,
                                      tps_touchpoint_get_current (step->touchpoint)) };
      step->soll = (TpsMapPoint) { cx, tps_map_layout_rating_to_y (self,
                                       tps_touchpoint_get_target (step->touchpoint)) };
      g_array_append_val (self->ist, step->ist);
      g_array_append_val (self->soll, step->soll);

      if (self->comparator != NULL)
        {
          int rating;

          if (tps_comparator_get_rating (self->comparator,
                                         tps_object_get_id (TPS_OBJECT (step->touchpoint)),
                                         &rating))
            {
              TpsMapPoint point = { cx, tps_map_layout_rating_to_y (self, rating) };

              g_array_append_val (self->benchmark, point);
            }
        }
    }

  self->width = TPS_MAP_MARGIN + (self->options.show_title ? block_width : map_width)
                + TPS_MAP_MARGIN;
  self->height = y + TPS_MAP_MARGIN;

  /* Titles of a text no longer on the map stay measured until there are
   * many more of them than cards.
   */
  if (g_hash_table_size (self->title_heights) > 4 * n_touchpoints + 64)
    g_hash_table_remove_all (self->title_heights);
}

/* On paper the stage's number goes beside its count, so that the name
 * has the header's whole width: a one-slot stage then still fits a long
 * name such as "Aufmerksamkeit".
 */
TpsMapTextStyle
tps_map_layout_get_stage_text (TpsMapLayout *self)
{
  return self->options.style == TPS_MAP_STYLE_PRINT ? TPS_MAP_TEXT_STAGE_PRINT
                                                    : TPS_MAP_TEXT_STAGE;
}

double
tps_map_layout_get_stage_name_width (TpsMapLayout       *self,
                                     const TpsMapColumn *column,
                                     gboolean            first)
{
  double width = column->width - 2 * self->m.header_pad - (first ? 0 : TPS_MAP_CHEVRON);

  if (self->options.style != TPS_MAP_STYLE_PRINT)
    width -= TPS_MAP_STAGE_RING + 10;

  return MAX (width, 1);
}

/* The size of a card title's font, in layout units: what legibility on
 * screen is judged by.
 */
double
tps_map_layout_get_title_font_size (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return text_styles[TPS_MAP_TEXT_CARD_TITLE].size;
}

/* The height of one line of a card title, in layout units: what the
 * minimum print size is measured against.
 */
double
tps_map_layout_get_title_line_height (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return self->title_line_height;
}

void
tps_map_layout_get_size (TpsMapLayout *self,
                         double       *width,
                         double       *height)
{
  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/* The map proper: stage headers, lanes and the band, without the title. */
void
tps_map_layout_get_map_rect (TpsMapLayout      *self,
                             cairo_rectangle_t *rect)
{
  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  *rect = self->map;
}

void
tps_map_layout_get_title_rect (TpsMapLayout      *self,
                               cairo_rectangle_t *rect)
{
  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  *rect = self->title;
}

void
tps_map_layout_get_header_rect (TpsMapLayout      *self,
                                cairo_rectangle_t *rect)
{
  *rect = self->header;
}

void
tps_map_layout_get_lanes_rect (TpsMapLayout      *self,
                               cairo_rectangle_t *rect)
{
  *rect = self->lanes_rect;
}

double
tps_map_layout_get_band_rows_top (TpsMapLayout *self)
{
  return self->band_rows_top;
}

const TpsMapLegendEntry *
tps_map_layout_get_legend (TpsMapLayout *self,
                           guint        *n_entries)
{
  *n_entries = self->legend->len;
  return (const TpsMapLegendEntry *) (gpointer) self->legend->data;
}

guint
tps_map_layout_get_n_columns (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return self->columns->len;
}

const TpsMapColumn *
tps_map_layout_get_column (TpsMapLayout *self,
                           guint         index)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return &g_array_index (self->columns, TpsMapColumn, index);
}

guint
tps_map_layout_get_n_lanes (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return self->lanes->len;
}

const TpsMapLane *
tps_map_layout_get_lane (TpsMapLayout *self,
                         guint         index)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return &g_array_index (self->lanes, TpsMapLane, index);
}

guint
tps_map_layout_get_n_slots (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return self->slots->len;
}

const TpsMapSlot *
tps_map_layout_get_slot (TpsMapLayout *self,
                         guint         index)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->slots->len, NULL);

  return &g_array_index (self->slots, TpsMapSlot, index);
}

guint
tps_map_layout_get_n_steps (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  return self->steps->len;
}

const TpsMapStep *
tps_map_layout_get_step (TpsMapLayout *self,
                         guint         index)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, TpsMapStep, index);
}

/* Returns: the step of @touchpoint, or -1 when it is not on the map */
int
tps_map_layout_find_step (TpsMapLayout  *self,
                          TpsTouchpoint *touchpoint)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->step_of, touchpoint)) - 1;
}

gboolean
tps_map_layout_get_card_rect (TpsMapLayout      *self,
                              TpsTouchpoint     *touchpoint,
                              cairo_rectangle_t *rect)
{
  int step = tps_map_layout_find_step (self, touchpoint);

  if (step < 0)
    return FALSE;

  *rect = g_array_index (self->steps, TpsMapStep, step).card;
  return TRUE;
}

int
tps_map_layout_find_column (TpsMapLayout *self,
                            const char   *stage_id)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), -1);

  for (guint i = 0; i < self->columns->len; i++)
    {
      TpsMapColumn *column = &g_array_index (self->columns, TpsMapColumn, i);

      if (g_strcmp0 (tps_object_get_id (TPS_OBJECT (column->stage)), stage_id) == 0)
        return i;
    }

  return -1;
}

int
tps_map_layout_find_lane (TpsMapLayout *self,
                          const char   *channel_id)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), -1);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      TpsMapLane *lane = &g_array_index (self->lanes, TpsMapLane, i);

      if (g_strcmp0 (tps_object_get_id (TPS_OBJECT (lane->channel)), channel_id) == 0)
        return i;
    }

  return -1;
}

void
tps_map_layout_get_band_rect (TpsMapLayout      *self,
                              cairo_rectangle_t *rect)
{
  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  *rect = self->band;
}

/* The centre line of the band row for @rating; +2 is the top row. */
double
tps_map_layout_rating_to_y (TpsMapLayout *self,
                            int           rating)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), 0);

  rating = CLAMP (rating, TPS_RATING_MIN, TPS_RATING_MAX);
  return self->band_rows_top + (TPS_RATING_MAX - rating + 0.5) * self->m.band_row;
}

/**
 * tps_map_layout_get_curve:
 *
 * Returns: (transfer none) (array length=n_points): the points of @curve,
 *   one per touchpoint in journey order
 */
const TpsMapPoint *
tps_map_layout_get_curve (TpsMapLayout *self,
                          TpsMapCurve   curve,
                          guint        *n_points)
{
  GArray *points;

  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);

  points = curve == TPS_MAP_CURVE_IST ? self->ist
           : curve == TPS_MAP_CURVE_SOLL ? self->soll : self->benchmark;
  *n_points = points->len;
  return (const TpsMapPoint *) (gpointer) points->data;
}

/* Shows @comparator_id's ratings as the third curve, or none for %NULL;
 * the layout is built again.
 */
void
tps_map_layout_set_comparator_id (TpsMapLayout *self,
                                  const char   *comparator_id)
{
  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  if (g_strcmp0 (comparator_id, self->comparator_id) == 0)
    return;

  g_free (self->comparator_id);
  self->comparator_id = g_strdup (comparator_id);
  self->options.comparator_id = self->comparator_id;
  tps_map_layout_rebuild (self);
}

/* Returns: (transfer none) (nullable): the comparator whose curve is shown */
TpsComparator *
tps_map_layout_get_comparator (TpsMapLayout *self)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), NULL);
  return self->comparator;
}

/* The legend's text for @item; the benchmark entry names the comparator. */
const char *
tps_map_layout_get_legend_label (TpsMapLayout     *self,
                                 TpsMapLegendItem  item)
{
  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (self), "");

  if (item == TPS_MAP_LEGEND_BENCHMARK && self->benchmark_label != NULL)
    return self->benchmark_label;
  return tps_map_legend_get_label (item);
}

/* Whether a touchpoint in @lane before position @before has taken @lane
 * in @slot.
 */
static gboolean
lane_taken_before (TpsMapLayout *self,
                   guint         slot,
                   guint         lane,
                   guint         before)
{
  const TpsMapSlot *s = &g_array_index (self->slots, TpsMapSlot, slot);

  for (guint i = s->first_step; i < s->first_step + s->n_steps; i++)
    {
      const TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);

      if (step->touchpoint != NULL && step->lane == lane && step->position < before)
        return TRUE;
    }

  return FALSE;
}

static cairo_rectangle_t
bar_at (const TpsMapLane *lane,
        double            x)
{
  return (cairo_rectangle_t) { x - 3, lane->y + 8, 6, lane->height - 16 };
}

/* The drop indicator for a card going to @position of @column in @lane:
 * a bar where a new slot opens, or the outline of the empty cell the card
 * joins. It follows the slot rule: the card takes the cell of the slot
 * before it when its lane is free there, and otherwise opens a slot.
 */
void
tps_map_layout_get_insert_rect (TpsMapLayout      *self,
                                guint              column,
                                guint              lane,
                                guint              position,
                                cairo_rectangle_t *rect)
{
  const TpsMapColumn *c;
  const TpsMapLane *l;
  const TpsMapStep *at = NULL, *before = NULL;
  const TpsMapSlot *slot;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (lane < self->lanes->len);

  c = &g_array_index (self->columns, TpsMapColumn, column);
  l = &g_array_index (self->lanes, TpsMapLane, lane);

  if (c->n_touchpoints == 0)
    {
      tps_map_layout_get_cell_rect (self, c->first_slot, lane, rect);
      return;
    }

  /* The steps at @position and before it, on this map. */
  for (guint i = c->first_step; i < c->first_step + c->n_steps; i++)
    {
      const TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);

      if (step->position == position)
        at = step;
      else if (step->position + 1 == position)
        before = step;
    }

  if (at != NULL && at->lane == lane)
    {
      /* Before the card in this lane: it moves on by a slot. */
      slot = &g_array_index (self->slots, TpsMapSlot, at->slot);
      *rect = bar_at (l, slot->x);
    }
  else if (before == NULL)
    {
      slot = &g_array_index (self->slots, TpsMapSlot,
                             at != NULL ? at->slot : c->first_slot);
      *rect = bar_at (l, slot->x);
    }
  else if (before->lane != lane && !lane_taken_before (self, before->slot, lane, position))
    {
      tps_map_layout_get_cell_rect (self, before->slot, lane, rect);
    }
  else
    {
      slot = &g_array_index (self->slots, TpsMapSlot, before->slot);
      *rect = bar_at (l, slot->x + slot->width);
    }
}

void
tps_map_layout_get_cell_rect (TpsMapLayout      *self,
                              guint              slot,
                              guint              lane,
                              cairo_rectangle_t *rect)
{
  const TpsMapSlot *s;
  const TpsMapLane *l;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (slot < self->slots->len);
  g_return_if_fail (lane < self->lanes->len);

  s = &g_array_index (self->slots, TpsMapSlot, slot);
  l = &g_array_index (self->lanes, TpsMapLane, lane);
  *rect = (cairo_rectangle_t) { s->x, l->y, s->width, l->height };
}

static gboolean
rect_contains (const cairo_rectangle_t *rect,
               double                   x,
               double                   y)
{
  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}

/* Binary search over spans sorted by start, each @stride bytes apart, with
 * the start at @start_offset and the length at @size_offset.
 */
static int
bsearch_span (const GArray *array,
              gsize         start_offset,
              gsize         size_offset,
              double        value)
{
  guint lo = 0, hi = array->len;
  gsize stride = g_array_get_element_size ((GArray *) array);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const char *element = array->data + mid * stride;
      double start = *(const double *) (gconstpointer) (element + start_offset);
      double size = *(const double *) (gconstpointer) (element + size_offset);

      if (value < start)
        hi = mid;
      else if (value >= start + size)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

/* The step of @slot's card in @lane, or NULL: a slot has at most one
 * card per lane, and at most as many cards as there are lanes.
 */
static const TpsMapStep *
card_in_cell (TpsMapLayout     *self,
              const TpsMapSlot *slot,
              guint             lane)
{
  for (guint i = slot->first_step; i < slot->first_step + slot->n_steps; i++)
    {
      const TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);

      if (step->touchpoint != NULL && step->lane == lane)
        return step;
    }

  return NULL;
}

/* What is at (@x, @y): a card, an empty cell of a lane, a header, a lane
 * label, a point of a curve or the band. Binary search over the slots and
 * steps (sorted by x) and the lanes (sorted by y), so it stays cheap on
 * maps with thousands of touchpoints.
 */
void
tps_map_layout_hit_test (TpsMapLayout *self,
                         double        x,
                         double        y,
                         TpsMapHit    *hit)
{
  const TpsMapSlot *slot = NULL;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (hit != NULL);

  *hit = (TpsMapHit) { TPS_MAP_HIT_NONE, NULL, -1, -1, -1, -1, 0 };

  hit->slot = bsearch_span (self->slots, G_STRUCT_OFFSET (TpsMapSlot, x),
                            G_STRUCT_OFFSET (TpsMapSlot, width), x);
  hit->step = bsearch_span (self->steps, G_STRUCT_OFFSET (TpsMapStep, x),
                            G_STRUCT_OFFSET (TpsMapStep, width), x);
  hit->lane = bsearch_span (self->lanes, G_STRUCT_OFFSET (TpsMapLane, y),
                            G_STRUCT_OFFSET (TpsMapLane, height), y);

  if (hit->slot >= 0)
    {
      const TpsMapStep *last;

      slot = &g_array_index (self->slots, TpsMapSlot, hit->slot);
      hit->column = slot->column;

      /* Off any card: at the end of the slot, into the cell. */
      last = &g_array_index (self->steps, TpsMapStep, slot->first_step + slot->n_steps - 1);
      hit->insert_position = last->touchpoint != NULL ? last->position + 1 : 0;
    }

  if (slot != NULL && rect_contains (&self->header, x, y))
    {
      hit->kind = TPS_MAP_HIT_STAGE_HEADER;
    }
  else if (slot == NULL && hit->lane >= 0)
    {
      const TpsMapLane *lane = &g_array_index (self->lanes, TpsMapLane, hit->lane);

      if (rect_contains (&lane->label, x, y))
        hit->kind = TPS_MAP_HIT_LANE_LABEL;
    }
  else if (slot != NULL && hit->lane >= 0)
    {
      const TpsMapStep *step = card_in_cell (self, slot, hit->lane);

      hit->kind = TPS_MAP_HIT_CELL;
      if (step != NULL)
        {
          hit->step = step - &g_array_index (self->steps, TpsMapStep, 0);
          hit->insert_position = step->position + (x >= slot->x + slot->width / 2 ? 1 : 0);
          if (rect_contains (&step->card, x, y))
            {
              hit->kind = TPS_MAP_HIT_CARD;
              hit->touchpoint = step->touchpoint;
            }
        }
    }
  else if (slot != NULL && hit->step >= 0 && rect_contains (&self->band, x, y))
    {
      const TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, hit->step);

      hit->kind = TPS_MAP_HIT_BAND;
      if (step->touchpoint != NULL
          && (hypot (x - step->ist.x, y - step->ist.y) <= TPS_MAP_POINT_RADIUS
              || hypot (x - step->soll.x, y - step->soll.y) <= TPS_MAP_POINT_RADIUS))
        {
          hit->kind = TPS_MAP_HIT_CURVE_POINT;
          hit->touchpoint = step->touchpoint;
        }
    }
}
