/* tps-journey-canvas.c
 *
 * The journey map on screen. Geometry comes from a cached TpsMapLayout
 * (rebuilt when the history reports a change, never per frame), drawing
 * from tps_map_render() limited to the visible rectangle, and every edit
 * goes through the TpsHistory so it can be undone. User commands are
 * actions ("canvas.*"), so the context menu, key bindings, the window and
 * the tests share one path.
 *
 * Widget coordinates map to layout units as
 *   layout = (widget + adjustment value − centring offset) / zoom
 * where the offset centres a map smaller than the viewport.
 *
 * Pointer input, keyboard editing and the context menus live in
 * tps-journey-canvas-input.c, -edit.c and -menus.c. What stays here, about
 * 1 600 lines and so a little over our usual 1 500, is the widget itself:
 * its layout cache, scrolling and zoom, selection, drawing and actions,
 * which all work on the same state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tps-journey-canvas-private.h"
#include "tps-map-renderer.h"
#include "tps-palette.h"
#include "tps-project-edit.h"
#include "tps-view-util.h"

static void tps_journey_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpsJourneyCanvas, tps_journey_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      tps_journey_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_PERSONA_FILTER,
  PROP_MOMENT_FILTER,
  PROP_STATUS_FILTER,
  PROP_HIGHLIGHT_IDS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  TOUCHPOINT_ACTIVATED,
  TOUCHPOINT_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void tps_journey_canvas_scrollable_init (GtkScrollableInterface *iface) { }

static void update_actions (TpsJourneyCanvas *self);

/* Geometry between widget and layout */

static void
get_offset (TpsJourneyCanvas *self,
            double           *offset_x,
            double           *offset_y)
{
  double width = 0, height = 0;

  if (self->layout != NULL)
    tps_map_layout_get_size (self->layout, &width, &height);

  *offset_x = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - width * self->zoom) / 2);
  *offset_y = MAX (0, (gtk_widget_get_height (GTK_WIDGET (self)) - height * self->zoom) / 2);
}

double
tps_journey_canvas_adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

void
tps_journey_canvas_widget_to_layout (TpsJourneyCanvas *self,
                                     double            wx,
                                     double            wy,
                                     double           *lx,
                                     double           *ly)
{
  double ox, oy;

  get_offset (self, &ox, &oy);
  *lx = (wx + tps_journey_canvas_adjustment_value (self->hadjustment) - ox) / self->zoom;
  *ly = (wy + tps_journey_canvas_adjustment_value (self->vadjustment) - oy) / self->zoom;
}

/* Hit testing as the user sees the map: where the stage headers and
 * channel labels are pinned to the view's edges (scrolled past), a click
 * there is on the pinned header or label, not on what scrolled under it.
 */
void
tps_journey_canvas_hit_test (TpsJourneyCanvas *self,
                             double            wx,
                             double            wy,
                             TpsMapHit        *hit)
{
  const TpsMapColumn *column;
  const TpsMapLane *lane;
  double lx, ly, view_x, view_y;

  tps_journey_canvas_widget_to_layout (self, wx, wy, &lx, &ly);
  tps_map_layout_hit_test (self->layout, lx, ly, hit);
  if (tps_map_layout_get_n_columns (self->layout) == 0
      || tps_map_layout_get_n_lanes (self->layout) == 0)
    return;

  tps_journey_canvas_widget_to_layout (self, 0, 0, &view_x, &view_y);
  column = tps_map_layout_get_column (self->layout, 0);
  lane = tps_map_layout_get_lane (self->layout, 0);

  if (view_y > column->header.y && wy < column->header.height * self->zoom)
    tps_map_layout_hit_test (self->layout, lx, column->header.y + column->header.height / 2,
                             hit);
  else if (view_x > lane->label.x && wx < lane->label.width * self->zoom)
    tps_map_layout_hit_test (self->layout, lane->label.x + lane->label.width / 2, ly, hit);
}

void
tps_journey_canvas_layout_to_widget (TpsJourneyCanvas *self,
                                     double            lx,
                                     double            ly,
                                     double           *wx,
                                     double           *wy)
{
  double ox, oy;

  get_offset (self, &ox, &oy);
  *wx = lx * self->zoom + ox - tps_journey_canvas_adjustment_value (self->hadjustment);
  *wy = ly * self->zoom + oy - tps_journey_canvas_adjustment_value (self->vadjustment);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         viewport)
{
  double upper = MAX (content, viewport);
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - viewport);

  gtk_adjustment_configure (adjustment, value, 0, upper,
                            viewport * 0.1, viewport * 0.9, viewport);
}

static void
configure_adjustments (TpsJourneyCanvas *self)
{
  double width = 0, height = 0;

  if (self->layout != NULL)
    tps_map_layout_get_size (self->layout, &width, &height);

  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, width * self->zoom,
                          gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, height * self->zoom,
                          gtk_widget_get_height (GTK_WIDGET (self)));
}

/* Zooms keeping the map point under (@wx, @wy) where it is. */
void
tps_journey_canvas_set_zoom_at (TpsJourneyCanvas *self,
                                double            zoom,
                                double            wx,
                                double            wy)
{
  double lx, ly, ox, oy;

  zoom = CLAMP (zoom, TPS_JOURNEY_CANVAS_ZOOM_MIN, TPS_JOURNEY_CANVAS_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  tps_journey_canvas_widget_to_layout (self, wx, wy, &lx, &ly);
  self->zoom = zoom;
  configure_adjustments (self);
  get_offset (self, &ox, &oy);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, lx * zoom + ox - wx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, ly * zoom + oy - wy);

  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Scrolls so that @rect (layout units) is visible, with a little air. */
void
tps_journey_canvas_scroll_to_rect (TpsJourneyCanvas        *self,
                                   const cairo_rectangle_t *rect)
{
  GtkAdjustment *adjustments[2] = { self->hadjustment, self->vadjustment };
  double starts[2] = { rect->x, rect->y };
  double sizes[2] = { rect->width, rect->height };
  double offsets[2];

  get_offset (self, &offsets[0], &offsets[1]);
  for (guint i = 0; i < 2; i++)
    {
      GtkAdjustment *adjustment = adjustments[i];
      double page, value, lo, hi;

      if (adjustment == NULL)
        continue;

      page = gtk_adjustment_get_page_size (adjustment);
      value = gtk_adjustment_get_value (adjustment);
      lo = starts[i] * self->zoom + offsets[i] - 24;
      hi = (starts[i] + sizes[i]) * self->zoom + offsets[i] + 24;

      if (lo < value)
        gtk_adjustment_set_value (adjustment, lo);
      else if (hi > value + page)
        gtk_adjustment_set_value (adjustment, MIN (lo, hi - page));
    }
}

/* Selection, accessibility and actions */

char *
tps_journey_canvas_describe_touchpoint (TpsJourneyCanvas *self,
                                        TpsTouchpoint    *touchpoint,
                                        const char       *separator)
{
  TpsStage *stage = tps_project_find_stage (self->project,
                                            tps_touchpoint_get_stage_id (touchpoint));
  TpsChannel *channel = tps_project_find_channel (self->project,
                                                  tps_touchpoint_get_channel_id (touchpoint));
  int current = tps_touchpoint_get_current (touchpoint);
  int target = tps_touchpoint_get_target (touchpoint);
  g_autofree char *current_number = tps_rating_format (current);
  g_autofree char *target_number = tps_rating_format (target);
  GString *text = g_string_new (NULL);
  TpsMoment moment = tps_touchpoint_get_moment (touchpoint);

  g_string_append_printf (text, _("Stage: %s"), stage ? tps_stage_get_name (stage) : "");
  g_string_append (text, separator);
  g_string_append_printf (text, _("Channel: %s"), channel ? tps_channel_get_name (channel) : "");
  g_string_append (text, separator);
  /* Translators: the Ist rating, e.g. "Ist: Disappointing (−1)" */
  g_string_append_printf (text, _("Ist: %s (%s)"), tps_rating_get_label (current),
                          current_number);
  g_string_append (text, separator);
  /* Translators: the Soll rating, e.g. "Soll: Delightful (+1)" */
  g_string_append_printf (text, _("Soll: %s (%s)"), tps_rating_get_label (target),
                          target_number);

  if (moment != TPS_MOMENT_NONE)
    {
      g_string_append (text, separator);
      g_string_append (text, tps_enum_get_label (TPS_TYPE_MOMENT, moment));
    }
  if (tps_touchpoint_get_entry_point (touchpoint))
    {
      g_string_append (text, separator);
      g_string_append (text, _("Entry point"));
    }
  if (tps_touchpoint_get_exit_point (touchpoint))
    {
      g_string_append (text, separator);
      g_string_append (text, _("Exit point"));
    }
  if (tps_touchpoint_get_status (touchpoint) != TPS_TOUCHPOINT_STATUS_EXISTING)
    {
      g_string_append (text, separator);
      g_string_append (text, tps_enum_get_label (TPS_TYPE_TOUCHPOINT_STATUS,
                                                 tps_touchpoint_get_status (touchpoint)));
    }

  return g_string_free (text, FALSE);
}

/* Screen readers hear the selected touchpoint as the canvas's label and
 * description, which is what GTK 4.8 offers a custom-drawn widget.
 */
static void
update_accessible (TpsJourneyCanvas *self)
{
  if (self->selected != NULL && self->project != NULL)
    {
      g_autofree char *description = tps_journey_canvas_describe_touchpoint (self, self->selected,
                                                                             ". ");
      g_autofree char *label = g_strdup_printf (_("Journey map, selected: %s"),
                                                tps_touchpoint_get_title (self->selected)
                                                ?: "");

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("No touchpoint selected. Use the arrow keys to walk the "
                                        "journey."),
                                      -1);
    }
}

static void
update_actions (TpsJourneyCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->selected != NULL && self->history != NULL;
  gboolean has_map = self->layout != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.edit", self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.delete", editable);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", editable);
  gtk_widget_action_set_enabled (widget, "canvas.move-next", editable);
  gtk_widget_action_set_enabled (widget, "canvas.move-previous", editable);
  gtk_widget_action_set_enabled (widget, "canvas.move-up", editable);
  gtk_widget_action_set_enabled (widget, "canvas.move-down", editable);
  gtk_widget_action_set_enabled (widget, "canvas.mark", editable);
  gtk_widget_action_set_enabled (widget, "canvas.context-menu",
                                 has_map && tps_map_layout_get_n_columns (self->layout) > 0);
  gtk_widget_action_set_enabled (widget, "canvas.add",
                                 has_map && self->history != NULL
                                 && tps_map_layout_get_n_columns (self->layout) > 0
                                 && tps_map_layout_get_n_lanes (self->layout) > 0);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-in",
                                 self->zoom < TPS_JOURNEY_CANVAS_ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out",
                                 self->zoom > TPS_JOURNEY_CANVAS_ZOOM_MIN + 1e-6);
}

void
tps_journey_canvas_set_selected (TpsJourneyCanvas *self,
                                 TpsTouchpoint    *touchpoint)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (touchpoint == NULL || TPS_IS_TOUCHPOINT (touchpoint));

  if (!g_set_object (&self->selected, touchpoint))
    return;

  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
tps_journey_canvas_select_and_reveal (TpsJourneyCanvas *self,
                                      TpsTouchpoint    *touchpoint)
{
  cairo_rectangle_t card;

  tps_journey_canvas_set_selected (self, touchpoint);
  if (touchpoint != NULL && self->layout != NULL
      && tps_map_layout_get_card_rect (self->layout, touchpoint, &card))
    tps_journey_canvas_scroll_to_rect (self, &card);
}

/* Model changes */

static void
rebuild (TpsJourneyCanvas *self)
{
  if (self->layout == NULL)
    return;

  tps_map_layout_rebuild (self->layout);

  /* Whatever was removed can no longer be selected, hovered or dragged. */
  if (self->hovered != NULL && tps_map_layout_find_step (self->layout, self->hovered) < 0)
    g_clear_object (&self->hovered);
  if (self->drag_touchpoint != NULL
      && tps_map_layout_find_step (self->layout, self->drag_touchpoint) < 0)
    {
      g_clear_object (&self->drag_touchpoint);
      self->drag_mode = DRAG_NONE;
    }
  if (self->selected != NULL && tps_map_layout_find_step (self->layout, self->selected) < 0)
    tps_journey_canvas_set_selected (self, NULL);
  else
    update_accessible (self);

  self->show_add = FALSE;
  configure_adjustments (self);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether a change of @property of a touchpoint can move or resize
 * anything on the map; the rest (description, owner, badges …) only needs
 * the cards drawn again.
 */
static gboolean
changes_geometry (const char *property)
{
  static const char * const geometry[] = {
    "stage-id", "channel-id", "title", "current", "target", "persona-ids",
  };

  for (guint i = 0; i < G_N_ELEMENTS (geometry); i++)
    if (g_strcmp0 (property, geometry[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
on_history_changed (TpsJourneyCanvas *self,
                    TpsHistory       *history)
{
  const TpsHistoryChange *change = tps_history_get_change (history);

  if (!change->structure && TPS_IS_TOUCHPOINT (change->object) && change->property != NULL
      && !changes_geometry (change->property))
    {
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  rebuild (self);
}

/* Where in the project's touchpoint list (with @exclude taken out) a
 * touchpoint goes to be the @position-th of its stage. A stage without
 * touchpoints takes it after those of the stages before it, so the file
 * stays in journey order.
 */
static guint
list_index_for (TpsJourneyCanvas *self,
                const char       *stage_id,
                guint             position,
                TpsTouchpoint    *exclude)
{
  GListModel *touchpoints = tps_project_get_touchpoints (self->project);
  guint n = g_list_model_get_n_items (touchpoints);
  int stage_column = tps_map_layout_find_column (self->layout, stage_id);
  guint j = 0, count = 0, after_last_mate = G_MAXUINT, after_earlier = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      const char *id = tps_touchpoint_get_stage_id (touchpoint);

      if (touchpoint == exclude)
        continue;

      if (g_strcmp0 (id, stage_id) == 0)
        {
          if (count == position)
            return j;
          count++;
          after_last_mate = j + 1;
        }
      else if (tps_map_layout_find_column (self->layout, id) < stage_column)
        {
          after_earlier = j + 1;
        }

      j++;
    }

  return after_last_mate != G_MAXUINT ? after_last_mate : after_earlier;
}

/**
 * tps_journey_canvas_move_touchpoint:
 * @position: the index the touchpoint gets among the touchpoints of the
 *   stage @stage_id (itself not counted)
 *
 * Moves @touchpoint to another stage, lane or place in the journey as one
 * undoable step: its stage and channel, and its place in the project's
 * list, which is the journey order. The drag gesture uses this.
 *
 * Returns: %TRUE when anything changed
 */
gboolean
tps_journey_canvas_move_touchpoint (TpsJourneyCanvas *self,
                                    TpsTouchpoint    *touchpoint,
                                    const char       *stage_id,
                                    const char       *channel_id,
                                    guint             position)
{
  GListModel *touchpoints;
  g_autofree char *label = NULL;
  guint from, to;

  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), FALSE);
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (self->project != NULL && self->history != NULL, FALSE);
  g_return_val_if_fail (tps_project_find_stage (self->project, stage_id) != NULL, FALSE);
  g_return_val_if_fail (tps_project_find_channel (self->project, channel_id) != NULL, FALSE);

  touchpoints = tps_project_get_touchpoints (self->project);
  if (!tps_list_find (touchpoints, touchpoint, &from))
    g_return_val_if_reached (FALSE);

  to = list_index_for (self, stage_id, position, touchpoint);
  if (to == from
      && g_strcmp0 (tps_touchpoint_get_stage_id (touchpoint), stage_id) == 0
      && g_strcmp0 (tps_touchpoint_get_channel_id (touchpoint), channel_id) == 0)
    return FALSE;

  label = g_strdup_printf (_("“%s” moved"), tps_touchpoint_get_title (touchpoint) ?: "");
  tps_history_begin_group (self->history, label);
  tps_history_set (self->history, touchpoint,
                   "stage-id", stage_id,
                   "channel-id", channel_id,
                   NULL);
  if (to != from)
    tps_history_move (self->history, touchpoints, from, to);
  tps_history_end_group (self->history);

  return TRUE;
}

/**
 * tps_journey_canvas_add_touchpoint:
 * @position: its index among the touchpoints of @stage_id
 *
 * Creates a touchpoint in @stage_id and @channel_id as one undoable step
 * and selects it.
 *
 * Returns: (transfer none): the new touchpoint
 */
TpsTouchpoint *
tps_journey_canvas_add_touchpoint (TpsJourneyCanvas *self,
                                   const char       *stage_id,
                                   const char       *channel_id,
                                   guint             position)
{
  g_autoptr(TpsTouchpoint) touchpoint = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);
  g_return_val_if_fail (self->project != NULL && self->history != NULL, NULL);
  g_return_val_if_fail (tps_project_find_stage (self->project, stage_id) != NULL, NULL);
  g_return_val_if_fail (tps_project_find_channel (self->project, channel_id) != NULL, NULL);

  id = tps_project_make_id (self->project, "t");
  touchpoint = tps_touchpoint_new (id);
  tps_touchpoint_set_title (touchpoint, _("New touchpoint"));
  tps_touchpoint_set_stage_id (touchpoint, stage_id);
  tps_touchpoint_set_channel_id (touchpoint, channel_id);

  tps_history_insert (self->history, tps_project_get_touchpoints (self->project),
                      list_index_for (self, stage_id, position, NULL), touchpoint);
  tps_journey_canvas_select_and_reveal (self, touchpoint);

  return touchpoint;
}

/* Actions */

/* The smallest zoom at which card titles are still legible. */
double
tps_journey_canvas_get_legible_zoom (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), 1.0);

  if (self->layout == NULL)
    return 1.0;

  return TPS_JOURNEY_CANVAS_LEGIBLE_TEXT / tps_map_layout_get_title_font_size (self->layout);
}

/* The zoom that shows the whole map in the view. */
static double
whole_map_zoom (TpsJourneyCanvas *self)
{
  double width, height;
  int viewport_w = gtk_widget_get_width (GTK_WIDGET (self));
  int viewport_h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout == NULL || viewport_w <= 0 || viewport_h <= 0)
    return 0;

  tps_map_layout_get_size (self->layout, &width, &height);
  return MIN (viewport_w / width, viewport_h / height);
}

/* Fits the whole map, but not below a legible zoom: a map too large for
 * that stops there, with its beginning in view. Asked again at that zoom,
 * it fits the whole map after all.
 */
static void
zoom_fit (TpsJourneyCanvas *self)
{
  double fit = whole_map_zoom (self);
  double legible = tps_journey_canvas_get_legible_zoom (self);

  if (fit <= 0)
    return;

  if (fit < legible && fabs (self->zoom - self->legible_fit) > 1e-6)
    {
      tps_journey_canvas_set_zoom (self, legible);
      self->legible_fit = self->zoom;
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, 0);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, 0);
      return;
    }

  tps_journey_canvas_set_zoom (self, fit);
  self->legible_fit = 0;
}

/**
 * tps_journey_canvas_zoom_to_overview:
 *
 * The zoom a project opens at: as much of the journey as fits while the
 * card titles stay legible, never larger than natural size; the
 * beginning of the journey in view. Waits for the canvas's first size.
 */
void
tps_journey_canvas_zoom_to_overview (TpsJourneyCanvas *self)
{
  double fit;

  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));

  fit = whole_map_zoom (self);
  if (fit <= 0)
    {
      self->overview_pending = TRUE;
      return;
    }

  self->overview_pending = FALSE;
  tps_journey_canvas_set_zoom (self, CLAMP (fit, tps_journey_canvas_get_legible_zoom (self),
                                            1.0));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static void
action_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (widget);
  double cx = gtk_widget_get_width (widget) / 2.0;
  double cy = gtk_widget_get_height (widget) / 2.0;

  if (g_str_equal (action_name, "canvas.zoom-in"))
    tps_journey_canvas_set_zoom_at (self, self->zoom * ZOOM_STEP, cx, cy);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    tps_journey_canvas_set_zoom_at (self, self->zoom / ZOOM_STEP, cx, cy);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    tps_journey_canvas_set_zoom_at (self, 1.0, cx, cy);
  else if (g_str_equal (action_name, "canvas.zoom-fit"))
    zoom_fit (self);
  else if (self->layout == NULL)
    return;
  else if (g_str_equal (action_name, "canvas.context-menu"))
    tps_journey_canvas_popup_menu_for_focus (self);
  else if (g_str_equal (action_name, "canvas.select-next"))
    tps_journey_canvas_select_along (self, 1);
  else if (g_str_equal (action_name, "canvas.select-previous"))
    tps_journey_canvas_select_along (self, -1);
  else if (g_str_equal (action_name, "canvas.select-up"))
    tps_journey_canvas_select_across (self, -1);
  else if (g_str_equal (action_name, "canvas.select-down"))
    tps_journey_canvas_select_across (self, 1);
  else if (g_str_equal (action_name, "canvas.add"))
    {
      const TpsMapColumn *column = tps_map_layout_get_column (self->layout, 0);
      const TpsMapLane *lane = tps_map_layout_get_lane (self->layout, 0);
      guint position = 0;
      int index = self->selected != NULL
                  ? tps_map_layout_find_step (self->layout, self->selected) : -1;
      TpsTouchpoint *touchpoint;

      /* After the selection, in its stage and lane; else at the start. */
      if (index >= 0)
        {
          const TpsMapStep *step = tps_map_layout_get_step (self->layout, index);

          column = tps_map_layout_get_column (self->layout, step->column);
          lane = tps_map_layout_get_lane (self->layout, step->lane);
          position = step->position + 1;
        }

      touchpoint = tps_journey_canvas_add_touchpoint (self,
                                                      tps_object_get_id (TPS_OBJECT (column->stage)),
                                                      tps_object_get_id (TPS_OBJECT (lane->channel)),
                                                      position);
      g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, touchpoint);
    }
  else if (self->selected == NULL)
    return;
  else if (g_str_equal (action_name, "canvas.edit"))
    g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, self->selected);
  else if (g_str_equal (action_name, "canvas.delete"))
    tps_journey_canvas_delete_selected (self);
  else if (g_str_equal (action_name, "canvas.duplicate"))
    tps_journey_canvas_duplicate_selected (self);
  else if (g_str_equal (action_name, "canvas.move-next"))
    tps_journey_canvas_move_selected (self, 1, 0);
  else if (g_str_equal (action_name, "canvas.move-previous"))
    tps_journey_canvas_move_selected (self, -1, 0);
  else if (g_str_equal (action_name, "canvas.move-up"))
    tps_journey_canvas_move_selected (self, 0, -1);
  else if (g_str_equal (action_name, "canvas.move-down"))
    tps_journey_canvas_move_selected (self, 0, 1);
  else if (g_str_equal (action_name, "canvas.mark"))
    {
      int moment;

      if (!tps_enum_parse_word (TPS_TYPE_MOMENT, g_variant_get_string (parameter, NULL), &moment))
        {
          g_critical ("canvas.mark: unknown moment “%s”", g_variant_get_string (parameter, NULL));
          return;
        }
      tps_history_set (self->history, self->selected, "moment", moment, NULL);
    }
}

/* GtkWidget */

/* Draws the part of the map inside @area (layout units) with its top left
 * corner at (@x, @y) of the widget, over what is there.
 */
static void
snapshot_map_part (TpsJourneyCanvas          *self,
                   GtkSnapshot               *snapshot,
                   const cairo_rectangle_t   *area,
                   double                     x,
                   double                     y,
                   const TpsMapRenderOptions *options)
{
  cairo_t *cr;

  if (area->width <= 0 || area->height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (x, y, area->width * self->zoom,
                                                       area->height * self->zoom));
  cairo_translate (cr, x - area->x * self->zoom, y - area->y * self->zoom);
  tps_map_render (cr, self->layout, self->zoom, area, options);
  cairo_destroy (cr);
}

/* A hairline and a soft shadow along the edge of a pinned strip. */
static void
snapshot_strip_edge (GtkSnapshot *snapshot,
                     gboolean     dark,
                     double       x,
                     double       y,
                     double       width,
                     double       height)
{
  TpsColor grid, shadow;

  tps_palette_get (TPS_PALETTE_GRID, dark, &grid);
  tps_palette_get (TPS_PALETTE_SHADOW, dark, &shadow);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { grid.red, grid.green, grid.blue, 1 },
                             &GRAPHENE_RECT_INIT (x, y, MAX (width, 1), MAX (height, 1)));
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { shadow.red, shadow.green, shadow.blue, shadow.alpha },
                             &GRAPHENE_RECT_INIT (width > height ? x : x + 1,
                                                  width > height ? y + 1 : y,
                                                  width > height ? width : 3,
                                                  width > height ? 3 : height));
}

/* Sticky headers: once the stage headers or the channel labels have been
 * scrolled out of the view, they are drawn again at its top and left edge,
 * so that a card far right or down still says which stage and channel it
 * is in. They are drawn by the same renderer, clipped to their strip.
 */
static void
snapshot_sticky_headers (TpsJourneyCanvas          *self,
                         GtkSnapshot               *snapshot,
                         const TpsMapRenderOptions *options)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const TpsMapColumn *first, *last;
  const TpsMapLane *lane;
  cairo_rectangle_t header, labels, corner;
  double ox, oy, h, v, view_x, view_y;
  gboolean pin_header, pin_labels;

  if (tps_map_layout_get_n_columns (self->layout) == 0
      || tps_map_layout_get_n_lanes (self->layout) == 0)
    return;

  get_offset (self, &ox, &oy);
  h = tps_journey_canvas_adjustment_value (self->hadjustment);
  v = tps_journey_canvas_adjustment_value (self->vadjustment);
  view_x = (h - ox) / self->zoom;
  view_y = (v - oy) / self->zoom;

  first = tps_map_layout_get_column (self->layout, 0);
  last = tps_map_layout_get_column (self->layout, tps_map_layout_get_n_columns (self->layout) - 1);
  lane = tps_map_layout_get_lane (self->layout, 0);

  pin_header = view_y > first->header.y;
  pin_labels = view_x > lane->label.x;

  /* The strips run only as far as the map does. */
  header = (cairo_rectangle_t) { view_x, first->header.y,
                                 MIN (width / self->zoom,
                                      last->header.x + last->header.width - view_x),
                                 first->header.height };
  labels = (cairo_rectangle_t) { lane->label.x, view_y, lane->label.width,
                                 MIN (height / self->zoom,
                                      tps_map_layout_get_lane (self->layout,
                                        tps_map_layout_get_n_lanes (self->layout) - 1)->y
                                      + tps_map_layout_get_lane (self->layout,
                                          tps_map_layout_get_n_lanes (self->layout) - 1)->height
                                      - view_y) };
  corner = (cairo_rectangle_t) { lane->label.x, first->header.y, lane->label.width,
                                 first->header.height };

  if (pin_labels)
    {
      snapshot_map_part (self, snapshot, &labels, 0, (labels.y - view_y) * self->zoom,
                         options);
      snapshot_strip_edge (snapshot, options->dark, labels.width * self->zoom, 0, 0,
                           labels.height * self->zoom);
    }

  if (pin_header)
    {
      snapshot_map_part (self, snapshot, &header, 0, 0, options);
      snapshot_strip_edge (snapshot, options->dark, 0, header.height * self->zoom,
                           header.width * self->zoom, 0);
    }

  /* Where both are pinned, the corner that names the axes. */
  if (pin_header || pin_labels)
    snapshot_map_part (self, snapshot, &corner,
                       pin_labels ? 0 : (corner.x - view_x) * self->zoom,
                       pin_header ? 0 : (corner.y - view_y) * self->zoom, options);
}

static void
tps_journey_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TpsMapRenderOptions options;
  cairo_rectangle_t clip;
  double ox, oy, h, v;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  get_offset (self, &ox, &oy);
  h = tps_journey_canvas_adjustment_value (self->hadjustment);
  v = tps_journey_canvas_adjustment_value (self->vadjustment);

  tps_map_render_options_init (&options);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.selected = self->selected;
  options.hovered = self->hovered;
  options.focused = gtk_widget_has_visible_focus (widget);
  options.highlight_ids = (const char * const *) self->highlight_ids;
  options.comparison = self->comparison;
  options.persona_filter = self->persona_filter;
  options.moment_filter = self->moment_filter;
  options.status_filter = self->status_filter;
  options.show_add = self->show_add && self->drag_mode == DRAG_NONE;
  options.add = self->add_point;
  if (self->drag_mode == DRAG_CARD)
    {
      options.dragged = self->drag_touchpoint;
      options.drag_origin = self->ghost;
      if (self->drop_valid)
        {
          options.show_drop = TRUE;
          tps_map_layout_get_insert_rect (self->layout, self->drop_column, self->drop_lane,
                                          self->drop_position, &options.drop);
        }
    }

  /* Only the visible part of the map, in layout units. */
  clip = (cairo_rectangle_t) { (h - ox) / self->zoom, (v - oy) / self->zoom,
                               width / self->zoom, height / self->zoom };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, ox - h, oy - v);
  tps_map_render (cr, self->layout, self->zoom, &clip, &options);
  cairo_destroy (cr);

  snapshot_sticky_headers (self, snapshot, &options);

  /* Keyboard focus on the map with no card selected yet: the whole view
   * wears the focus ring, so the user sees where the arrow keys go.
   */
  if (options.focused && self->selected == NULL)
    {
      TpsColor accent;
      GskRoundedRect outline;
      float border[4] = { 2, 2, 2, 2 };
      GdkRGBA color;

      tps_palette_get (TPS_PALETTE_ACCENT, options.dark, &accent);
      color = (GdkRGBA) { accent.red, accent.green, accent.blue, 1 };
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2),
                                       4);
      gtk_snapshot_append_border (snapshot, &outline, border,
                                  (GdkRGBA[4]) { color, color, color, color });
    }
}

static void
tps_journey_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (widget);
  double width = 0, height = 0;

  if (self->layout != NULL)
    tps_map_layout_get_size (self->layout, &width, &height);

  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height)
                         * self->zoom);
}

static gboolean
overview_on_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (widget);

  self->overview_tick = 0;
  if (self->overview_pending)
    tps_journey_canvas_zoom_to_overview (self);

  return G_SOURCE_REMOVE;
}

static void
tps_journey_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (widget);

  configure_adjustments (self);
  gtk_popover_present (GTK_POPOVER (self->context_menu));
  /* Not from inside the allocation: zooming notifies, and whoever shows
   * the zoom may resize.
   */
  if (self->overview_pending && width > 0 && height > 0 && self->overview_tick == 0)
    self->overview_tick = gtk_widget_add_tick_callback (widget, overview_on_tick, NULL, NULL);
}

/* GObject */

static void
on_adjustment_changed (TpsJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TpsJourneyCanvas  *self,
                GtkAdjustment    **slot,
                GtkAdjustment     *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed),
                              self);
  configure_adjustments (self);
}

static void
tps_journey_canvas_dispose (GObject *object)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (object);

  tps_journey_canvas_menus_dispose (self);
  tps_journey_canvas_set_history (self, NULL);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_object (&self->drag_touchpoint);
  g_clear_object (&self->layout);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (tps_journey_canvas_parent_class)->dispose (object);
}

static void
tps_journey_canvas_finalize (GObject *object)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (object);

  g_clear_pointer (&self->persona_filter, g_free);
  g_clear_pointer (&self->highlight_ids, g_strfreev);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (tps_journey_canvas_parent_class)->finalize (object);
}

static void
tps_journey_canvas_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PERSONA_FILTER:
      g_value_set_string (value, self->persona_filter);
      break;
    case PROP_MOMENT_FILTER:
      g_value_set_int (value, self->moment_filter);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_HIGHLIGHT_IDS:
      g_value_set_boxed (value, self->highlight_ids);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_journey_canvas_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpsJourneyCanvas *self = TPS_JOURNEY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_journey_canvas_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_journey_canvas_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      tps_journey_canvas_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      tps_journey_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_PERSONA_FILTER:
      tps_journey_canvas_set_persona_filter (self, g_value_get_string (value));
      break;
    case PROP_MOMENT_FILTER:
      tps_journey_canvas_set_moment_filter (self, g_value_get_int (value));
      break;
    case PROP_STATUS_FILTER:
      tps_journey_canvas_set_status_filter (self, g_value_get_int (value));
      break;
    case PROP_HIGHLIGHT_IDS:
      tps_journey_canvas_set_highlight_ids (self, g_value_get_boxed (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_journey_canvas_class_init (TpsJourneyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const stateless[] = {
    "canvas.zoom-in", "canvas.zoom-out", "canvas.zoom-reset", "canvas.zoom-fit",
    "canvas.edit", "canvas.delete", "canvas.duplicate", "canvas.add", "canvas.context-menu",
    "canvas.select-next", "canvas.select-previous", "canvas.select-up", "canvas.select-down",
    "canvas.move-next", "canvas.move-previous", "canvas.move-up", "canvas.move-down",
  };
  static const struct {
    guint key;
    GdkModifierType mods;
    const char *action;
    const char *parameter;
  } bindings[] = {
    { GDK_KEY_Right, 0, "canvas.select-next", NULL },
    { GDK_KEY_KP_Right, 0, "canvas.select-next", NULL },
    { GDK_KEY_Left, 0, "canvas.select-previous", NULL },
    { GDK_KEY_KP_Left, 0, "canvas.select-previous", NULL },
    { GDK_KEY_Up, 0, "canvas.select-up", NULL },
    { GDK_KEY_KP_Up, 0, "canvas.select-up", NULL },
    { GDK_KEY_Down, 0, "canvas.select-down", NULL },
    { GDK_KEY_KP_Down, 0, "canvas.select-down", NULL },
    { GDK_KEY_Right, GDK_ALT_MASK, "canvas.move-next", NULL },
    { GDK_KEY_Left, GDK_ALT_MASK, "canvas.move-previous", NULL },
    { GDK_KEY_Up, GDK_ALT_MASK, "canvas.move-up", NULL },
    { GDK_KEY_Down, GDK_ALT_MASK, "canvas.move-down", NULL },
    { GDK_KEY_Return, 0, "canvas.edit", NULL },
    { GDK_KEY_KP_Enter, 0, "canvas.edit", NULL },
    { GDK_KEY_space, 0, "canvas.edit", NULL },
    { GDK_KEY_Delete, 0, "canvas.delete", NULL },
    { GDK_KEY_KP_Delete, 0, "canvas.delete", NULL },
    { GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL },
    { GDK_KEY_Insert, 0, "canvas.add", NULL },
    { GDK_KEY_Menu, 0, "canvas.context-menu", NULL },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL },
    { GDK_KEY_plus, 0, "canvas.zoom-in", NULL },
    { GDK_KEY_equal, 0, "canvas.zoom-in", NULL },
    { GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL },
    { GDK_KEY_minus, 0, "canvas.zoom-out", NULL },
    { GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL },
    { GDK_KEY_0, 0, "canvas.zoom-reset", NULL },
    { GDK_KEY_KP_0, 0, "canvas.zoom-reset", NULL },
    { GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL },
    { GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL },
  };

  object_class->dispose = tps_journey_canvas_dispose;
  object_class->finalize = tps_journey_canvas_finalize;
  object_class->get_property = tps_journey_canvas_get_property;
  object_class->set_property = tps_journey_canvas_set_property;

  widget_class->snapshot = tps_journey_canvas_snapshot;
  widget_class->measure = tps_journey_canvas_measure;
  widget_class->size_allocate = tps_journey_canvas_size_allocate;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, TPS_TYPE_TOUCHPOINT, flags);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, TPS_JOURNEY_CANVAS_ZOOM_MIN,
                         TPS_JOURNEY_CANVAS_ZOOM_MAX, 1.0, flags);
  properties[PROP_PERSONA_FILTER] =
    g_param_spec_string ("persona-filter", NULL, NULL, NULL, flags);
  properties[PROP_MOMENT_FILTER] =
    g_param_spec_int ("moment-filter", NULL, NULL, -1, TPS_MOMENT_OF_TRUTH, -1, flags);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, -1, TPS_TOUCHPOINT_STATUS_RETIRE, -1, flags);
  properties[PROP_HIGHLIGHT_IDS] =
    g_param_spec_boxed ("highlight-ids", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * TpsJourneyCanvas::touchpoint-activated:
   *
   * The user asked to edit @touchpoint: a double click, Enter, the context
   * menu's Edit, or a touchpoint just created on the map.
   */
  signals[TOUCHPOINT_ACTIVATED] =
    g_signal_new ("touchpoint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  /**
   * TpsJourneyCanvas::touchpoint-deleted:
   * @title: the deleted touchpoint's title
   *
   * A touchpoint was deleted from the map; the window offers to undo it.
   */
  signals[TOUCHPOINT_DELETED] =
    g_signal_new ("touchpoint-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  for (guint i = 0; i < G_N_ELEMENTS (stateless); i++)
    gtk_widget_class_install_action (widget_class, stateless[i], NULL, action_activated);
  gtk_widget_class_install_action (widget_class, "canvas.mark", "s", action_activated);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods,
                                         bindings[i].action, bindings[i].parameter);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tps_journey_canvas_init (TpsJourneyCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->moment_filter = -1;
  self->status_filter = -1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (tps_journey_canvas_on_query_tooltip),
                    self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (tps_journey_canvas_on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (tps_journey_canvas_on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (tps_journey_canvas_on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (tps_journey_canvas_on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (tps_journey_canvas_on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed",
                    G_CALLBACK (tps_journey_canvas_on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (tps_journey_canvas_on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (tps_journey_canvas_on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (tps_journey_canvas_on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (tps_journey_canvas_on_focus_changed),
                            self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (tps_journey_canvas_on_focus_changed),
                            self);
  gtk_widget_add_controller (widget, controller);

  tps_journey_canvas_menus_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (tps_journey_canvas_on_dark_changed), self,
                           G_CONNECT_SWAPPED);

  update_accessible (self);
  update_actions (self);
}

GtkWidget *
tps_journey_canvas_new (void)
{
  return g_object_new (TPS_TYPE_JOURNEY_CANVAS, NULL);
}

TpsProject *
tps_journey_canvas_get_project (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->project;
}

void
tps_journey_canvas_set_project (TpsJourneyCanvas *self,
                                TpsProject       *project)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  tps_journey_canvas_set_selected (self, NULL);
  g_clear_object (&self->hovered);
  g_clear_object (&self->drag_touchpoint);
  self->drag_mode = DRAG_NONE;
  self->show_add = FALSE;
  g_clear_object (&self->layout);
  if (project != NULL)
    {
      /* The window shows the title and the canvas the legend: the title
       * block carries both, and the map must read the same on screen as
       * on paper.
       */
      self->layout = tps_map_layout_new (project, NULL);
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  configure_adjustments (self);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_journey_canvas_get_history (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->history;
}

/* Every model change a view makes goes through @history; its ::changed
 * is when the layout is rebuilt.
 */
void
tps_journey_canvas_set_history (TpsJourneyCanvas *self,
                                TpsHistory       *history)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (!tps_view_follow_history (&self->history, &self->history_changed_id, history,
                                G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED))
    return;

  rebuild (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TpsTouchpoint *
tps_journey_canvas_get_selected (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->selected;
}

double
tps_journey_canvas_get_zoom (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), 1.0);

  return self->zoom;
}

/* Zooms around the middle of the view. */
void
tps_journey_canvas_set_zoom (TpsJourneyCanvas *self,
                             double            zoom)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));

  tps_journey_canvas_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

const char *
tps_journey_canvas_get_persona_filter (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->persona_filter;
}

/* Touchpoints of other personas are dimmed, not hidden, so the journey
 * keeps its shape.
 */
void
tps_journey_canvas_set_persona_filter (TpsJourneyCanvas *self,
                                       const char       *persona_id)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));

  if (persona_id != NULL && *persona_id == '\0')
    persona_id = NULL;
  if (g_strcmp0 (self->persona_filter, persona_id) == 0)
    return;

  g_free (self->persona_filter);
  self->persona_filter = g_strdup (persona_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_FILTER]);
}

int
tps_journey_canvas_get_moment_filter (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), -1);

  return self->moment_filter;
}

void
tps_journey_canvas_set_moment_filter (TpsJourneyCanvas *self,
                                      int               moment)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (moment >= -1 && moment <= TPS_MOMENT_OF_TRUTH);

  if (self->moment_filter == moment)
    return;

  self->moment_filter = moment;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENT_FILTER]);
}

int
tps_journey_canvas_get_status_filter (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), -1);

  return self->status_filter;
}

void
tps_journey_canvas_set_status_filter (TpsJourneyCanvas *self,
                                      int               status)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (status >= -1 && status <= TPS_TOUCHPOINT_STATUS_RETIRE);

  if (self->status_filter == status)
    return;

  self->status_filter = status;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

/* Returns: (nullable): the comparator whose ratings the band shows */
const char *
tps_journey_canvas_get_comparator_id (TpsJourneyCanvas *self)
{
  TpsComparator *comparator;

  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  comparator = self->layout ? tps_map_layout_get_comparator (self->layout) : NULL;
  return comparator ? tps_object_get_id (TPS_OBJECT (comparator)) : NULL;
}

/* Shows a comparator's ratings as a third curve in the band, with its
 * legend entry; %NULL shows none. The choice lasts until the project is
 * replaced.
 */
void
tps_journey_canvas_set_comparator_id (TpsJourneyCanvas *self,
                                      const char       *comparator_id)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));

  if (self->layout == NULL
      || g_strcmp0 (comparator_id, tps_journey_canvas_get_comparator_id (self)) == 0)
    return;

  tps_map_layout_set_comparator_id (self->layout, comparator_id);
  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
tps_journey_canvas_get_highlight_ids (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return (const char * const *) self->highlight_ids;
}

/* E.g. the touchpoints a selected measure is linked to. */
void
tps_journey_canvas_set_highlight_ids (TpsJourneyCanvas   *self,
                                      const char * const *ids)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));

  if (ids != NULL && ids[0] == NULL)
    ids = NULL;
  if (ids == NULL && self->highlight_ids == NULL)
    return;
  if (ids != NULL && self->highlight_ids != NULL
      && g_strv_equal ((const char * const *) self->highlight_ids, ids))
    return;

  g_strfreev (self->highlight_ids);
  self->highlight_ids = g_strdupv ((char **) ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_IDS]);
}

/* Returns: (transfer none) (nullable): the comparison whose changes are
 *   outlined on the cards
 */
TpsComparison *
tps_journey_canvas_get_comparison (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->comparison;
}

/* Outlines the cards @comparison lists as new, changed or removed; %NULL
 * for none.
 */
void
tps_journey_canvas_set_comparison (TpsJourneyCanvas *self,
                                   TpsComparison    *comparison)
{
  g_return_if_fail (TPS_IS_JOURNEY_CANVAS (self));
  g_return_if_fail (comparison == NULL || TPS_IS_COMPARISON (comparison));

  if (g_set_object (&self->comparison, comparison))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the geometry on screen */
TpsMapLayout *
tps_journey_canvas_get_layout (TpsJourneyCanvas *self)
{
  g_return_val_if_fail (TPS_IS_JOURNEY_CANVAS (self), NULL);

  return self->layout;
}
