/* tps-journey-canvas-private.h — what the canvas's own files share
 *
 * The canvas is split by concern: drawing, geometry and the model in
 * tps-journey-canvas.c, the context menus in tps-journey-canvas-menus.c,
 * the keyboard in tps-journey-canvas-keys.c. They share the instance
 * struct and these helpers; nothing outside the canvas includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-journey-canvas.h"

G_BEGIN_DECLS

#define ZOOM_STEP        1.25
#define DRAG_THRESHOLD   8.0
#define ADD_RADIUS       15.0

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_CARD_PENDING,
  DRAG_CARD,
} DragMode;

struct _TpsJourneyCanvas
{
  GtkWidget parent_instance;

  TpsProject *project;
  TpsHistory *history;
  gulong history_changed_id;
  TpsMapLayout *layout;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  TpsTouchpoint *selected;
  TpsTouchpoint *hovered;
  double zoom;
  /* The zoom "Zoom to fit" stopped at to keep titles legible; fitting
   * again from there shows the whole map. 0 when it did not stop.
   */
  double legible_fit;
  gboolean overview_pending;   /* zoom to the overview once allocated */
  guint overview_tick;
  char *persona_filter;
  int moment_filter;
  int status_filter;
  char **highlight_ids;
  TpsComparison *comparison;

  /* The "+" button on an empty cell under the pointer. */
  gboolean show_add;
  TpsMapPoint add_point;
  guint add_column;
  guint add_lane;
  guint add_position;

  /* Pointer position in widget coordinates, for zooming around it. */
  double pointer_x;
  double pointer_y;

  DragMode drag_mode;
  double drag_start_x;
  double drag_start_y;
  double drag_start_h;
  double drag_start_v;
  TpsTouchpoint *drag_touchpoint;
  double grab_dx;
  double grab_dy;
  TpsMapPoint ghost;
  gboolean drop_valid;
  guint drop_column;
  guint drop_lane;
  guint drop_position;

  double zoom_gesture_start;
  /* The context menus (tps-journey-canvas-menus.c): one popover whose
   * model changes with what was clicked, and the "menu.*" actions that act
   * on that target.
   */
  GtkWidget *context_menu;
  GSimpleActionGroup *menu_actions;
  TpsStage *menu_stage;
  TpsChannel *menu_channel;
  gboolean menu_cell;
  guint menu_column;
  guint menu_lane;
  guint menu_position;
};

void           tps_journey_canvas_widget_to_layout   (TpsJourneyCanvas        *self,
                                                      double                   wx,
                                                      double                   wy,
                                                      double                  *lx,
                                                      double                  *ly);
void           tps_journey_canvas_layout_to_widget   (TpsJourneyCanvas        *self,
                                                      double                   lx,
                                                      double                   ly,
                                                      double                  *wx,
                                                      double                  *wy);
void           tps_journey_canvas_scroll_to_rect     (TpsJourneyCanvas        *self,
                                                      const cairo_rectangle_t *rect);
void           tps_journey_canvas_hit_test           (TpsJourneyCanvas        *self,
                                                      double                   wx,
                                                      double                   wy,
                                                      TpsMapHit               *hit);
void           tps_journey_canvas_add_at_cell        (TpsJourneyCanvas        *self,
                                                      guint                    column,
                                                      guint                    lane,
                                                      guint                    position);

/* tps-journey-canvas-menus.c */
void           tps_journey_canvas_menus_init         (TpsJourneyCanvas        *self);
void           tps_journey_canvas_menus_dispose      (TpsJourneyCanvas        *self);
void           tps_journey_canvas_popup_menu         (TpsJourneyCanvas        *self,
                                                      const TpsMapHit         *hit,
                                                      double                   wx,
                                                      double                   wy);
void           tps_journey_canvas_popup_menu_for_focus (TpsJourneyCanvas      *self);
gboolean       tps_journey_canvas_menu_is_open       (TpsJourneyCanvas        *self);

/* tps-journey-canvas.c and tps-journey-canvas-input.c */
double    tps_journey_canvas_adjustment_value (GtkAdjustment *adjustment);
char *    tps_journey_canvas_describe_touchpoint (TpsJourneyCanvas *self,
                                                  TpsTouchpoint *touchpoint,
                                                  const char *separator);
void      tps_journey_canvas_on_click_pressed (GtkGestureClick *gesture,
                                               int n_press,
                                               double x,
                                               double y,
                                               TpsJourneyCanvas *self);
void      tps_journey_canvas_on_dark_changed (TpsJourneyCanvas *self);
void      tps_journey_canvas_on_drag_begin (GtkGestureDrag *gesture,
                                            double x,
                                            double y,
                                            TpsJourneyCanvas *self);
void      tps_journey_canvas_on_drag_end (GtkGestureDrag *gesture,
                                          double dx,
                                          double dy,
                                          TpsJourneyCanvas *self);
void      tps_journey_canvas_on_drag_update (GtkGestureDrag *gesture,
                                             double dx,
                                             double dy,
                                             TpsJourneyCanvas *self);
void      tps_journey_canvas_on_focus_changed (TpsJourneyCanvas *self);
void      tps_journey_canvas_on_leave (GtkEventControllerMotion *controller,
                                       TpsJourneyCanvas *self);
void      tps_journey_canvas_on_motion (GtkEventControllerMotion *controller,
                                        double x,
                                        double y,
                                        TpsJourneyCanvas *self);
gboolean  tps_journey_canvas_on_query_tooltip (GtkWidget *widget,
                                               int x,
                                               int y,
                                               gboolean keyboard,
                                               GtkTooltip *tooltip,
                                               TpsJourneyCanvas *self);
gboolean  tps_journey_canvas_on_scroll (GtkEventControllerScroll *controller,
                                        double dx,
                                        double dy,
                                        TpsJourneyCanvas *self);
void      tps_journey_canvas_on_zoom_begin (GtkGesture *gesture,
                                            GdkEventSequence *sequence,
                                            TpsJourneyCanvas *self);
void      tps_journey_canvas_on_zoom_scale_changed (GtkGestureZoom *gesture,
                                                    double scale,
                                                    TpsJourneyCanvas *self);
void      tps_journey_canvas_set_zoom_at (TpsJourneyCanvas *self,
                                          double zoom,
                                          double wx,
                                          double wy);

/* tps-journey-canvas-edit.c */
void      tps_journey_canvas_delete_selected (TpsJourneyCanvas *self);
void      tps_journey_canvas_duplicate_selected (TpsJourneyCanvas *self);
void      tps_journey_canvas_move_selected (TpsJourneyCanvas *self,
                                            int along,
                                            int across);
void      tps_journey_canvas_select_across (TpsJourneyCanvas *self,
                                            int direction);
void      tps_journey_canvas_select_along (TpsJourneyCanvas *self,
                                           int direction);
void      tps_journey_canvas_select_and_reveal (TpsJourneyCanvas *self,
                                                TpsTouchpoint *touchpoint);

G_END_DECLS
