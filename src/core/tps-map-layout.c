/* tps-map-layout.c
 *
 * Turns the project into rectangles once, so that drawing and hit testing
 * never walk the model. Text is measured with pango at fixed absolute
 * sizes and without hinted metrics: the same title then wraps the same way
 * at every zoom and on every surface (screen, PNG, PDF), whatever
 * resolution the caller gives its pango context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tps-draw-private.h"
#include "tps-map-layout-private.h"

struct _TpsMapLayout
{
  GObject parent_instance;

  TpsProject *project;
  TpsMapLayoutOptions options;
  PangoContext *context;

  GArray *columns;        /* TpsMapColumn, sorted by x */
  GArray *lanes;          /* TpsMapLane, sorted by y */
  GArray *steps;          /* TpsMapStep, sorted by x */
  GArray *ist;            /* TpsMapPoint, one per touchpoint step */
  GArray *soll;
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
  g_array_set_size (self->steps, 0);
  g_array_set_size (self->ist, 0);
  g_array_set_size (self->soll, 0);
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
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->ist, g_array_unref);
  g_clear_pointer (&self->soll, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->step_of, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
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
  self->steps = g_array_new (FALSE, TRUE, sizeof (TpsMapStep));
  self->ist = g_array_new (FALSE, TRUE, sizeof (TpsMapPoint));
  self->soll = g_array_new (FALSE, TRUE, sizeof (TpsMapPoint));
  self->legend = g_array_new (FALSE, TRUE, sizeof (TpsMapLegendEntry));
  self->step_of = g_hash_table_new (NULL, NULL);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tps_map_layout_new:
 * @options: (nullable): %NULL for the defaults (with title and legend)
 *
 * Returns: (transfer full): the layout of @project, already built
 */
TpsMapLayout *
tps_map_layout_new (TpsProject                *project,
                    const TpsMapLayoutOptions *options)
{
  TpsMapLayout *self;
  PangoFontMap *font_map;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  self = g_object_new (TPS_TYPE_MAP_LAYOUT, NULL);
  self->project = g_object_ref (project);
  if (options != NULL)
    self->options = *options;
  else
    self->options.show_title = TRUE;

  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  tps_draw_setup_pango_context (self->context);

  tps_map_layout_rebuild (self);

  return self;
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
card_title_width (void)
{
  return TPS_MAP_STEP_WIDTH - 2 * TPS_MAP_CARD_MARGIN_X
         - 2 * TPS_MAP_CARD_PAD - TPS_MAP_CARD_ACCENT;
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
      double w = TPS_MAP_LEGEND_ICON + 8
                 + measure_width (self, TPS_MAP_TEXT_LEGEND, tps_map_legend_get_label (item));

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

/* The geometry is a pure function of the model: rebuild after any change. */
void
tps_map_layout_rebuild (TpsMapLayout *self)
{
  GListModel *stages, *channels, *touchpoints;
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) lane_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) per_column = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_stages, n_channels, n_touchpoints;
  double title_height, header_height, label_width, title_lines_height;
  double card_height, card_width, map_width, x, y;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));

  clear_geometry (self);

  stages = tps_project_get_stages (self->project);
  channels = tps_project_get_channels (self->project);
  touchpoints = tps_project_get_touchpoints (self->project);
  n_stages = g_list_model_get_n_items (stages);
  n_channels = g_list_model_get_n_items (channels);
  n_touchpoints = g_list_model_get_n_items (touchpoints);

  for (guint i = 0; i < n_stages; i++)
    {
      TpsMapColumn column = { NULL, };

      column.stage = g_list_model_get_item (stages, i);
      g_ptr_array_add (self->held, column.stage);
      g_array_append_val (self->columns, column);
      g_hash_table_insert (column_of, (gpointer) tps_object_get_id (TPS_OBJECT (column.stage)),
                           GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (per_column, g_ptr_array_new ());
    }

  for (guint i = 0; i < n_channels; i++)
    {
      TpsMapLane lane = { NULL, };

      lane.channel = g_list_model_get_item (channels, i);
      g_ptr_array_add (self->held, lane.channel);
      g_array_append_val (self->lanes, lane);
      g_hash_table_insert (lane_of, (gpointer) tps_object_get_id (TPS_OBJECT (lane.channel)),
                           GUINT_TO_POINTER (i + 1));
    }

  /* Journey order: stages in their order, touchpoints in document order
   * within a stage. A touchpoint whose stage or channel is gone has no
   * place on the map.
   */
  card_width = TPS_MAP_STEP_WIDTH - 2 * TPS_MAP_CARD_MARGIN_X;
  title_lines_height = measure (self, TPS_MAP_TEXT_CARD_TITLE, "Xg\nXg", card_title_width (), 0);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      TpsTouchpoint *touchpoint = g_list_model_get_item (touchpoints, i);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (column_of,
                                         tps_touchpoint_get_stage_id (touchpoint) ?: ""));
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of,
                                       tps_touchpoint_get_channel_id (touchpoint) ?: ""));

      g_ptr_array_add (self->held, touchpoint);
      if (column == 0 || lane == 0)
        continue;

      g_ptr_array_add (g_ptr_array_index (per_column, column - 1), touchpoint);
      title_lines_height = MAX (title_lines_height,
                                measure (self, TPS_MAP_TEXT_CARD_TITLE,
                                         tps_touchpoint_get_title (touchpoint),
                                         card_title_width (), TPS_MAP_TITLE_LINES));
    }

  card_height = TPS_MAP_CARD_PAD + TPS_MAP_CHIP_HEIGHT + TPS_MAP_CARD_GAP + title_lines_height
                + TPS_MAP_CARD_GAP + TPS_MAP_CARD_FOOT + TPS_MAP_CARD_PAD;

  map_width = TPS_MAP_LABEL_WIDTH;
  for (guint i = 0; i < n_stages; i++)
    {
      GPtrArray *list = g_ptr_array_index (per_column, i);
      map_width += MAX (list->len, 1) * TPS_MAP_STEP_WIDTH;
    }

  x = TPS_MAP_MARGIN;
  y = TPS_MAP_MARGIN;

  /* The title block: title, organisation, legend. */
  if (self->options.show_title)
    {
      const char *subtitle = tps_project_get_organisation (self->project);
      double h;

      h = measure (self, TPS_MAP_TEXT_TITLE, tps_project_get_title (self->project), map_width, 2);
      if (subtitle != NULL)
        h += 4 + measure (self, TPS_MAP_TEXT_SUBTITLE, subtitle, map_width, 1);
      h += 16;
      h += flow_legend (self, x, y + h, map_width);
      self->title = (cairo_rectangle_t) { x, y, map_width, h };
      y += h + TPS_MAP_TITLE_GAP;
    }
  else
    {
      self->title = (cairo_rectangle_t) { x, y, 0, 0 };
    }

  /* The stage header row is as tall as the tallest stage name needs. */
  header_height = 0;
  for (guint i = 0; i < n_stages; i++)
    {
      TpsMapColumn *column = &g_array_index (self->columns, TpsMapColumn, i);
      GPtrArray *list = g_ptr_array_index (per_column, i);
      double w = MAX (list->len, 1) * TPS_MAP_STEP_WIDTH - 2 * TPS_MAP_HEADER_PAD - 36;

      header_height = MAX (header_height,
                           measure (self, TPS_MAP_TEXT_STAGE, tps_stage_get_name (column->stage),
                                    w, 2));
    }
  header_height += 2 * TPS_MAP_HEADER_PAD + 6
                   + measure (self, TPS_MAP_TEXT_STAGE_COUNT, "0", -1, 0);
  header_height = MAX (header_height, 64);
  self->map = (cairo_rectangle_t) { x, y, map_width, 0 };
  self->header = (cairo_rectangle_t) { x + TPS_MAP_LABEL_WIDTH, y,
                                       map_width - TPS_MAP_LABEL_WIDTH, header_height };

  /* Columns and their steps. */
  title_height = y;
  x += TPS_MAP_LABEL_WIDTH;
  for (guint i = 0; i < n_stages; i++)
    {
      TpsMapColumn *column = &g_array_index (self->columns, TpsMapColumn, i);
      GPtrArray *list = g_ptr_array_index (per_column, i);

      column->x = x;
      column->n_touchpoints = list->len;
      column->n_steps = MAX (list->len, 1);
      column->width = column->n_steps * TPS_MAP_STEP_WIDTH;
      column->first_step = self->steps->len;
      column->header = (cairo_rectangle_t) { x, title_height, column->width, header_height };

      for (guint j = 0; j < column->n_steps; j++)
        {
          TpsMapStep step = { NULL, };

          step.touchpoint = j < list->len ? g_ptr_array_index (list, j) : NULL;
          step.column = i;
          step.position = j;
          step.x = x + j * TPS_MAP_STEP_WIDTH;
          step.width = TPS_MAP_STEP_WIDTH;
          step.lane = G_MAXUINT;
          if (step.touchpoint != NULL)
            {
              step.lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of,
                                              tps_touchpoint_get_channel_id (step.touchpoint))) - 1;
              g_hash_table_insert (self->step_of, step.touchpoint,
                                   GUINT_TO_POINTER (self->steps->len + 1));
            }
          g_array_append_val (self->steps, step);
        }

      x += column->width;
    }

  /* Lanes: tall enough for a card and for the channel's label. */
  y += header_height;
  self->lanes_rect = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, map_width, 0 };
  label_width = TPS_MAP_LABEL_WIDTH - 2 * TPS_MAP_LABEL_PAD - 20;
  for (guint i = 0; i < n_channels; i++)
    {
      TpsMapLane *lane = &g_array_index (self->lanes, TpsMapLane, i);
      double label_height;

      label_height = measure (self, TPS_MAP_TEXT_LANE, tps_channel_get_name (lane->channel),
                              label_width, 3)
                     + 4 + measure (self, TPS_MAP_TEXT_LANE_KIND, "X", -1, 0);
      lane->y = y;
      lane->height = MAX (card_height + 2 * TPS_MAP_LANE_PAD_Y,
                          label_height + 2 * TPS_MAP_LANE_PAD_Y);
      lane->label = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, TPS_MAP_LABEL_WIDTH, lane->height };
      y += lane->height;
    }
  self->lanes_rect.height = y - self->lanes_rect.y;

  for (guint i = 0; i < self->steps->len; i++)
    {
      TpsMapStep *step = &g_array_index (self->steps, TpsMapStep, i);
      const TpsMapLane *lane;

      if (step->touchpoint == NULL)
        continue;

      lane = &g_array_index (self->lanes, TpsMapLane, step->lane);
      step->card = (cairo_rectangle_t) { step->x + TPS_MAP_CARD_MARGIN_X,
                                         lane->y + (lane->height - card_height) / 2,
                                         card_width, card_height };
    }

  /* The experience band: a title row, then one row per rating, best on top. */
  y += TPS_MAP_BAND_GAP;
  self->band = (cairo_rectangle_t) { TPS_MAP_MARGIN, y, map_width,
                                     TPS_MAP_BAND_TITLE + 5 * TPS_MAP_BAND_ROW
                                     + 2 * TPS_MAP_BAND_PAD };
  self->band_rows_top = y + TPS_MAP_BAND_TITLE + TPS_MAP_BAND_PAD;
  y += self->band.height;
  self->map.height = y - self->map.y;

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
    }

  self->width = TPS_MAP_MARGIN + map_width + TPS_MAP_MARGIN;
  self->height = y + TPS_MAP_MARGIN;
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
  return self->band_rows_top + (TPS_RATING_MAX - rating + 0.5) * TPS_MAP_BAND_ROW;
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

  points = curve == TPS_MAP_CURVE_IST ? self->ist : self->soll;
  *n_points = points->len;
  return (const TpsMapPoint *) (gpointer) points->data;
}

/* The drop indicator: a bar at the boundary where @position would insert
 * into @column, inside @lane. An empty stage shows it in its middle.
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
  double x;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (lane < self->lanes->len);

  c = &g_array_index (self->columns, TpsMapColumn, column);
  l = &g_array_index (self->lanes, TpsMapLane, lane);

  if (c->n_touchpoints == 0)
    x = c->x + c->width / 2;
  else
    x = c->x + MIN (position, c->n_touchpoints) * TPS_MAP_STEP_WIDTH;

  *rect = (cairo_rectangle_t) { x - 3, l->y + 8, 6, l->height - 16 };
}

void
tps_map_layout_get_cell_rect (TpsMapLayout      *self,
                              guint              step,
                              guint              lane,
                              cairo_rectangle_t *rect)
{
  const TpsMapStep *s;
  const TpsMapLane *l;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (step < self->steps->len);
  g_return_if_fail (lane < self->lanes->len);

  s = &g_array_index (self->steps, TpsMapStep, step);
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

/* What is at (@x, @y): a card, an empty cell of a lane, a header, a lane
 * label, a point of a curve or the band. Binary search over the columns'
 * steps (sorted by x) and the lanes (sorted by y), so it stays cheap on
 * maps with hundreds of touchpoints.
 */
void
tps_map_layout_hit_test (TpsMapLayout *self,
                         double        x,
                         double        y,
                         TpsMapHit    *hit)
{
  const TpsMapStep *step = NULL;

  g_return_if_fail (TPS_IS_MAP_LAYOUT (self));
  g_return_if_fail (hit != NULL);

  *hit = (TpsMapHit) { TPS_MAP_HIT_NONE, NULL, -1, -1, -1, 0 };

  hit->step = bsearch_span (self->steps, G_STRUCT_OFFSET (TpsMapStep, x),
                            G_STRUCT_OFFSET (TpsMapStep, width), x);
  hit->lane = bsearch_span (self->lanes, G_STRUCT_OFFSET (TpsMapLane, y),
                            G_STRUCT_OFFSET (TpsMapLane, height), y);

  if (hit->step >= 0)
    {
      step = &g_array_index (self->steps, TpsMapStep, hit->step);
      hit->column = step->column;
      hit->insert_position = step->position;
      if (step->touchpoint != NULL && x >= step->x + step->width / 2)
        hit->insert_position++;
    }

  if (step != NULL && rect_contains (&self->header, x, y))
    {
      hit->kind = TPS_MAP_HIT_STAGE_HEADER;
    }
  else if (step == NULL && hit->lane >= 0)
    {
      const TpsMapLane *lane = &g_array_index (self->lanes, TpsMapLane, hit->lane);

      if (rect_contains (&lane->label, x, y))
        hit->kind = TPS_MAP_HIT_LANE_LABEL;
    }
  else if (step != NULL && hit->lane >= 0)
    {
      if (step->touchpoint != NULL && step->lane == (guint) hit->lane
          && rect_contains (&step->card, x, y))
        {
          hit->kind = TPS_MAP_HIT_CARD;
          hit->touchpoint = step->touchpoint;
        }
      else
        {
          hit->kind = TPS_MAP_HIT_CELL;
        }
    }
  else if (step != NULL && rect_contains (&self->band, x, y))
    {
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
