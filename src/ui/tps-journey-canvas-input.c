/* tps-journey-canvas-input.c — the journey canvas under the pointer and
 * the fingers: hover, clicks, dragging cards (one undo step per drop),
 * scrolling and pinch zoom, tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tps-journey-canvas-private.h"

/* Input */

static void
update_hover (TpsJourneyCanvas *self,
              double            wx,
              double            wy)
{
  TpsTouchpoint *hovered = NULL;
  gboolean show_add = FALSE;
  const char *cursor = "default";
  TpsMapHit hit;
  double lx, ly;

  self->pointer_x = wx;
  self->pointer_y = wy;

  if (self->layout == NULL || self->drag_mode != DRAG_NONE)
    return;

  tps_journey_canvas_widget_to_layout (self, wx, wy, &lx, &ly);
  tps_map_layout_hit_test (self->layout, lx, ly, &hit);

  if (hit.kind == TPS_MAP_HIT_CARD || hit.kind == TPS_MAP_HIT_CURVE_POINT)
    {
      hovered = hit.touchpoint;
      cursor = "pointer";
    }
  else if (hit.kind == TPS_MAP_HIT_CELL && self->history != NULL)
    {
      cairo_rectangle_t bar;

      tps_map_layout_get_insert_rect (self->layout, hit.column, hit.lane, hit.insert_position,
                                      &bar);
      self->add_point = (TpsMapPoint) { bar.x + bar.width / 2, bar.y + bar.height / 2 };
      self->add_column = hit.column;
      self->add_lane = hit.lane;
      self->add_position = hit.insert_position;
      show_add = TRUE;
      cursor = hypot (lx - self->add_point.x, ly - self->add_point.y) <= ADD_RADIUS
               ? "pointer" : "grab";
    }
  else if (hit.kind != TPS_MAP_HIT_NONE)
    {
      cursor = "grab";
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  if (hovered != self->hovered || show_add != self->show_add || show_add)
    {
      g_set_object (&self->hovered, hovered);
      self->show_add = show_add;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
tps_journey_canvas_on_motion (GtkEventControllerMotion *controller,
                              double                    x,
                              double                    y,
                              TpsJourneyCanvas         *self)
{
  update_hover (self, x, y);
}

void
tps_journey_canvas_on_leave (GtkEventControllerMotion *controller,
                             TpsJourneyCanvas         *self)
{
  if (self->hovered != NULL || self->show_add)
    {
      g_clear_object (&self->hovered);
      self->show_add = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_add_button (TpsJourneyCanvas *self,
               double            lx,
               double            ly)
{
  return self->show_add && hypot (lx - self->add_point.x, ly - self->add_point.y) <= ADD_RADIUS;
}

void
tps_journey_canvas_add_at_cell (TpsJourneyCanvas *self,
                                guint             column,
                                guint             lane,
                                guint             position)
{
  const TpsMapColumn *c = tps_map_layout_get_column (self->layout, column);
  const TpsMapLane *l = tps_map_layout_get_lane (self->layout, lane);
  TpsTouchpoint *touchpoint;

  touchpoint = tps_journey_canvas_add_touchpoint (self, tps_object_get_id (TPS_OBJECT (c->stage)),
                                                  tps_object_get_id (TPS_OBJECT (l->channel)),
                                                  position);
  g_signal_emit_by_name (self, "touchpoint-activated", touchpoint);
}

void
tps_journey_canvas_on_click_pressed (GtkGestureClick  *gesture,
                                     int               n_press,
                                     double            x,
                                     double            y,
                                     TpsJourneyCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  TpsMapHit hit;
  double lx, ly;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout == NULL)
    return;

  tps_journey_canvas_widget_to_layout (self, x, y, &lx, &ly);
  tps_journey_canvas_hit_test (self, x, y, &hit);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.touchpoint != NULL)
        tps_journey_canvas_set_selected (self, hit.touchpoint);
      tps_journey_canvas_popup_menu (self, &hit, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (n_press == 1)
    {
      if (hit.kind == TPS_MAP_HIT_CELL && self->history != NULL && on_add_button (self, lx, ly))
        tps_journey_canvas_add_at_cell (self, hit.column, hit.lane, hit.insert_position);
      else
        tps_journey_canvas_set_selected (self, hit.touchpoint);
    }
  else if (n_press == 2)
    {
      if (hit.touchpoint != NULL)
        g_signal_emit_by_name (self, "touchpoint-activated", hit.touchpoint);
      else if (hit.kind == TPS_MAP_HIT_CELL && self->history != NULL)
        tps_journey_canvas_add_at_cell (self, hit.column, hit.lane, hit.insert_position);
    }
}

void
tps_journey_canvas_on_drag_begin (GtkGestureDrag   *gesture,
                                  double            x,
                                  double            y,
                                  TpsJourneyCanvas *self)
{
  TpsMapHit hit;
  double lx, ly;

  self->drag_mode = DRAG_NONE;
  if (self->layout == NULL)
    return;

  tps_journey_canvas_widget_to_layout (self, x, y, &lx, &ly);
  tps_map_layout_hit_test (self->layout, lx, ly, &hit);
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_start_h = tps_journey_canvas_adjustment_value (self->hadjustment);
  self->drag_start_v = tps_journey_canvas_adjustment_value (self->vadjustment);

  if (hit.kind == TPS_MAP_HIT_CARD && self->history != NULL)
    {
      cairo_rectangle_t card;

      tps_map_layout_get_card_rect (self->layout, hit.touchpoint, &card);
      g_set_object (&self->drag_touchpoint, hit.touchpoint);
      self->grab_dx = lx - card.x;
      self->grab_dy = ly - card.y;
      self->drag_mode = DRAG_CARD_PENDING;
    }
  else if (hit.kind != TPS_MAP_HIT_CARD && !on_add_button (self, lx, ly))
    {
      self->drag_mode = DRAG_PAN;
    }
}

/* Where a card dropped at layout point (@lx, @ly) would go. */
static void
update_drop (TpsJourneyCanvas *self,
             double            lx,
             double            ly)
{
  TpsMapHit hit;

  tps_map_layout_hit_test (self->layout, lx, ly, &hit);
  self->drop_valid = (hit.kind == TPS_MAP_HIT_CELL || hit.kind == TPS_MAP_HIT_CARD)
                     && hit.column >= 0 && hit.lane >= 0;
  if (self->drop_valid)
    {
      self->drop_column = hit.column;
      self->drop_lane = hit.lane;
      self->drop_position = hit.insert_position;
    }
}

/* The drop position counted among the stage's other touchpoints. */
static guint
drop_position_without (TpsJourneyCanvas *self,
                       TpsTouchpoint    *dragged)
{
  int step = tps_map_layout_find_step (self->layout, dragged);
  const TpsMapStep *s = tps_map_layout_get_step (self->layout, step);

  if (s->column == self->drop_column && s->position < self->drop_position)
    return self->drop_position - 1;

  return self->drop_position;
}

void
tps_journey_canvas_on_drag_update (GtkGestureDrag   *gesture,
                                   double            dx,
                                   double            dy,
                                   TpsJourneyCanvas *self)
{
  double lx, ly;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->drag_start_h - dx);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->drag_start_v - dy);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      break;

    case DRAG_CARD_PENDING:
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        break;
      self->drag_mode = DRAG_CARD;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_clear_object (&self->hovered);
      self->show_add = FALSE;
      G_GNUC_FALLTHROUGH;

    case DRAG_CARD:
      tps_journey_canvas_widget_to_layout (self, self->drag_start_x + dx, self->drag_start_y + dy,
                                           &lx, &ly);
      self->ghost = (TpsMapPoint) { lx - self->grab_dx, ly - self->grab_dy };
      update_drop (self, lx, ly);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

void
tps_journey_canvas_on_drag_end (GtkGestureDrag   *gesture,
                                double            dx,
                                double            dy,
                                TpsJourneyCanvas *self)
{
  DragMode mode = self->drag_mode;
  g_autoptr(TpsTouchpoint) touchpoint = g_steal_pointer (&self->drag_touchpoint);

  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");

  if (mode == DRAG_CARD && self->drop_valid && touchpoint != NULL && self->layout != NULL)
    {
      const TpsMapColumn *column = tps_map_layout_get_column (self->layout, self->drop_column);
      const TpsMapLane *lane = tps_map_layout_get_lane (self->layout, self->drop_lane);

      tps_journey_canvas_move_touchpoint (self, touchpoint,
                                          tps_object_get_id (TPS_OBJECT (column->stage)),
                                          tps_object_get_id (TPS_OBJECT (lane->channel)),
                                          drop_position_without (self, touchpoint));
      tps_journey_canvas_set_selected (self, touchpoint);
    }

  self->drop_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tps_journey_canvas_on_scroll (GtkEventControllerScroll *controller,
                              double                    dx,
                              double                    dy,
                              TpsJourneyCanvas         *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Plain scrolling is the scrolled window's; Ctrl+scroll zooms. */
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  tps_journey_canvas_set_zoom_at (self, self->zoom * pow (ZOOM_STEP, -CLAMP (dy, -3, 3)),
                                  self->pointer_x, self->pointer_y);
  return TRUE;
}

void
tps_journey_canvas_on_zoom_begin (GtkGesture       *gesture,
                                  GdkEventSequence *sequence,
                                  TpsJourneyCanvas *self)
{
  self->zoom_gesture_start = self->zoom;
  self->drag_mode = DRAG_NONE;
}

void
tps_journey_canvas_on_zoom_scale_changed (GtkGestureZoom   *gesture,
                                          double            scale,
                                          TpsJourneyCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  tps_journey_canvas_set_zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

void
tps_journey_canvas_on_focus_changed (TpsJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tps_journey_canvas_on_query_tooltip (GtkWidget        *widget,
                                     int               x,
                                     int               y,
                                     gboolean          keyboard,
                                     GtkTooltip       *tooltip,
                                     TpsJourneyCanvas *self)
{
  TpsTouchpoint *touchpoint = NULL;
  g_autofree char *details = NULL;
  g_autofree char *markup = NULL;
  cairo_rectangle_t card;
  TpsMapHit hit;
  double lx, ly, wx, wy;

  /* A tooltip over an open menu would hide the items the user is after. */
  if (self->layout == NULL || self->drag_mode == DRAG_CARD
      || tps_journey_canvas_menu_is_open (self))
    return FALSE;

  if (keyboard)
    {
      touchpoint = self->selected;
    }
  else
    {
      tps_journey_canvas_widget_to_layout (self, x, y, &lx, &ly);
      tps_map_layout_hit_test (self->layout, lx, ly, &hit);
      touchpoint = hit.touchpoint;
    }

  if (touchpoint == NULL)
    return FALSE;

  details = tps_journey_canvas_describe_touchpoint (self, touchpoint, "\n");
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", tps_touchpoint_get_title (touchpoint) ?: "",
                                    details);
  gtk_tooltip_set_markup (tooltip, markup);

  if (tps_map_layout_get_card_rect (self->layout, touchpoint, &card) && !keyboard
      && hit.kind == TPS_MAP_HIT_CARD)
    {
      tps_journey_canvas_layout_to_widget (self, card.x, card.y, &wx, &wy);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                  (int) wx, (int) wy,
                                  (int) (card.width * self->zoom),
                                  (int) (card.height * self->zoom) });
    }

  return TRUE;
}

void
tps_journey_canvas_on_dark_changed (TpsJourneyCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
