/* test-journey-canvas.c — the journey map widget, driven through its
 * actions and public API as the window and keyboard users drive it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>

#include "tps-journey-canvas-private.h"
#include "tps-palette.h"
#include "tps-project-io.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  GtkWidget *window;
  TpsJourneyCanvas *canvas;
  TpsMapLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "en/car-dealership.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  f->project = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->history = tps_history_new ();
  f->canvas = g_object_new (TPS_TYPE_JOURNEY_CANVAS,
                            "project", f->project,
                            "history", f->history,
                            NULL);
  f->layout = tps_journey_canvas_get_layout (f->canvas);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->canvas));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  gtk_window_present (GTK_WINDOW (f->window));

  while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

static TpsTouchpoint *
touchpoint_at_step (Fixture *f,
                    guint    index)
{
  return tps_map_layout_get_step (f->layout, index)->touchpoint;
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->canvas), action, parameter));
}

static guint
list_position (Fixture       *f,
               TpsTouchpoint *touchpoint)
{
  guint position = G_MAXUINT;

  g_assert_true (tps_list_find (tps_project_get_touchpoints (f->project), touchpoint, &position));
  return position;
}

/* Selecting notifies once; selecting the same again does not. */
static void
test_selection_notifies (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsTouchpoint *touchpoint = touchpoint_at_step (f, 3);

  gt_signal_logger_connect (logger, f->canvas, "notify::selected");
  tps_journey_canvas_set_selected (f->canvas, touchpoint);
  tps_journey_canvas_set_selected (f->canvas, touchpoint);

  gt_signal_logger_assert_notify_emission_pop (logger, f->canvas, "selected");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == touchpoint);
}

/* Right and left walk the journey; up and down change lanes. */
static void
test_keyboard_walks_journey (Fixture       *f,
                             gconstpointer  data)
{
  TpsTouchpoint *selected;
  const TpsMapStep *before, *after;
  guint lane_up;

  activate (f, "canvas.select-next", NULL);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == touchpoint_at_step (f, 0));

  activate (f, "canvas.select-next", NULL);
  activate (f, "canvas.select-next", NULL);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == touchpoint_at_step (f, 2));

  activate (f, "canvas.select-previous", NULL);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == touchpoint_at_step (f, 1));

  before = tps_map_layout_get_step (f->layout, 1);
  activate (f, "canvas.select-up", NULL);
  selected = tps_journey_canvas_get_selected (f->canvas);
  after = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, selected));
  g_assert_cmpuint (after->lane, <, before->lane);
  lane_up = after->lane;

  activate (f, "canvas.select-down", NULL);
  selected = tps_journey_canvas_get_selected (f->canvas);
  after = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, selected));
  g_assert_cmpuint (after->lane, >, lane_up);
}

/* Moving a card to another stage and lane is one undo step; undo puts it
 * back where it was, in the journey too.
 */
static void
test_move_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsTouchpoint *touchpoint = touchpoint_at_step (f, 0);
  const TpsMapColumn *target_column = tps_map_layout_get_column (f->layout, 2);
  const TpsMapLane *target_lane = tps_map_layout_get_lane (f->layout, 5);
  g_autofree char *stage_id = g_strdup (tps_touchpoint_get_stage_id (touchpoint));
  g_autofree char *channel_id = g_strdup (tps_touchpoint_get_channel_id (touchpoint));
  g_autofree char *target_stage = g_strdup (tps_object_get_id (TPS_OBJECT (target_column->stage)));
  g_autofree char *target_channel = g_strdup (tps_object_get_id (TPS_OBJECT (target_lane->channel)));
  TpsTouchpoint *second_of_target = tps_map_layout_get_step (f->layout,
                                                             target_column->first_step + 1)->touchpoint;
  guint old_position = list_position (f, touchpoint);
  const TpsMapStep *step;

  gt_signal_logger_connect (logger, f->history, "changed");
  g_assert_true (tps_journey_canvas_move_touchpoint (f->canvas, touchpoint, target_stage,
                                                     target_channel, 1));
  gt_signal_logger_assert_emission_pop (logger, f->history, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);

  /* The layout was rebuilt: second in its new stage, in its new lane. */
  g_assert_cmpstr (tps_touchpoint_get_stage_id (touchpoint), ==, target_stage);
  g_assert_cmpstr (tps_touchpoint_get_channel_id (touchpoint), ==, target_channel);
  step = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, touchpoint));
  g_assert_cmpuint (step->column, ==, 2);
  g_assert_cmpuint (step->lane, ==, 5);
  g_assert_cmpuint (step->position, ==, 1);
  g_assert_cmpuint (list_position (f, touchpoint), ==, list_position (f, second_of_target) - 1);

  /* Dropping it where it is changes nothing. */
  g_assert_false (tps_journey_canvas_move_touchpoint (f->canvas, touchpoint, target_stage,
                                                      target_channel, 1));

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_touchpoint_get_stage_id (touchpoint), ==, stage_id);
  g_assert_cmpstr (tps_touchpoint_get_channel_id (touchpoint), ==, channel_id);
  g_assert_cmpuint (list_position (f, touchpoint), ==, old_position);
  g_assert_cmpint (tps_map_layout_find_step (f->layout, touchpoint), ==, 0);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* Moving within a stage changes the journey order. */
static void
test_move_within_stage (Fixture       *f,
                        gconstpointer  data)
{
  const TpsMapColumn *column = tps_map_layout_get_column (f->layout, 1);
  TpsTouchpoint *first = touchpoint_at_step (f, column->first_step);
  const char *stage_id = tps_object_get_id (TPS_OBJECT (column->stage));

  g_assert_true (tps_journey_canvas_move_touchpoint (f->canvas, first, stage_id,
                                                     tps_touchpoint_get_channel_id (first),
                                                     column->n_touchpoints - 1));
  g_assert_true (touchpoint_at_step (f, column->first_step + column->n_touchpoints - 1) == first);

  g_assert_true (tps_history_undo (f->history));
  g_assert_true (touchpoint_at_step (f, column->first_step) == first);
}

static void
test_add_and_undo (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (touchpoints);
  const TpsMapColumn *column = tps_map_layout_get_column (f->layout, 3);
  const TpsMapLane *lane = tps_map_layout_get_lane (f->layout, 0);
  TpsTouchpoint *created;
  const TpsMapStep *step;

  created = tps_journey_canvas_add_touchpoint (f->canvas,
                                               tps_object_get_id (TPS_OBJECT (column->stage)),
                                               tps_object_get_id (TPS_OBJECT (lane->channel)), 0);
  g_assert_nonnull (created);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n + 1);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == created);
  g_assert_nonnull (tps_project_find_touchpoint (f->project,
                                                 tps_object_get_id (TPS_OBJECT (created))));
  step = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, created));
  g_assert_cmpuint (step->column, ==, 3);
  g_assert_cmpuint (step->lane, ==, 0);
  g_assert_cmpuint (step->position, ==, 0);

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);
  g_assert_null (tps_journey_canvas_get_selected (f->canvas));
}

static void
count_deleted (TpsJourneyCanvas *canvas,
               const char       *title,
               guint            *n)
{
  (*n)++;
}

/* Delete selects a neighbour where the user is looking: in the same lane
 * of the same stage when there is one, else in the same stage.
 */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (touchpoints);
  g_autoptr(TpsTouchpoint) doomed = NULL;
  const TpsMapStep *step, *selected;
  guint column, lane, deleted = 0;
  gboolean lane_has_other = FALSE;
  int index = -1;

  /* A card without linked measures, in a stage with other cards. */
  for (guint i = 0; i < tps_map_layout_get_n_steps (f->layout) && index < 0; i++)
    {
      TpsTouchpoint *tp = touchpoint_at_step (f, i);

      step = tps_map_layout_get_step (f->layout, i);
      if (tp != NULL && tps_project_count_measures_for (f->project,
                                                        tps_object_get_id (TPS_OBJECT (tp))) == 0
          && tps_map_layout_get_column (f->layout, step->column)->n_touchpoints > 2)
        index = i;
    }
  g_assert_cmpint (index, >=, 0);
  doomed = g_object_ref (touchpoint_at_step (f, index));
  step = tps_map_layout_get_step (f->layout, index);
  column = step->column;
  lane = step->lane;
  for (guint i = 0; i < tps_map_layout_get_n_steps (f->layout); i++)
    {
      const TpsMapStep *other = tps_map_layout_get_step (f->layout, i);

      lane_has_other |= (int) i != index && other->touchpoint != NULL
                        && other->column == column && other->lane == lane;
    }
  g_signal_connect (f->canvas, "touchpoint-deleted", G_CALLBACK (count_deleted), &deleted);

  /* Nothing selected, nothing deleted. */
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);

  tps_journey_canvas_set_selected (f->canvas, doomed);
  activate (f, "canvas.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n - 1);
  g_assert_cmpuint (deleted, ==, 1);
  g_assert_cmpint (tps_map_layout_find_step (f->layout, doomed), ==, -1);
  g_assert_nonnull (tps_journey_canvas_get_selected (f->canvas));
  selected = tps_map_layout_get_step (f->layout,
                                      tps_map_layout_find_step (f->layout,
                                        tps_journey_canvas_get_selected (f->canvas)));
  g_assert_cmpuint (selected->column, ==, column);
  if (lane_has_other)
    g_assert_cmpuint (selected->lane, ==, lane);

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);
  g_assert_cmpint (tps_map_layout_find_step (f->layout, doomed), ==, index);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A touchpoint with linked measures goes only once the user says so. */
static void
test_delete_linked_asks (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (touchpoints);
  TpsTouchpoint *linked = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < n && linked == NULL; i++)
    {
      g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      if (tps_project_count_measures_for (f->project, tps_object_get_id (TPS_OBJECT (tp))) > 0)
        linked = tp;
    }
  g_assert_nonnull (linked);

  tps_journey_canvas_set_selected (f->canvas, linked);
  activate (f, "canvas.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);

  activate (f, "canvas.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n - 1);
  g_assert_cmpint (tps_map_layout_find_step (f->layout, linked), ==, -1);
}

static void
test_mark_and_duplicate (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (touchpoints);
  TpsTouchpoint *touchpoint = touchpoint_at_step (f, 2);
  TpsTouchpoint *copy;

  tps_journey_canvas_set_selected (f->canvas, touchpoint);
  activate (f, "canvas.mark", g_variant_new_string ("moment-of-truth"));
  g_assert_cmpint (tps_touchpoint_get_moment (touchpoint), ==, TPS_MOMENT_OF_TRUTH);
  activate (f, "canvas.mark", g_variant_new_string ("none"));
  g_assert_cmpint (tps_touchpoint_get_moment (touchpoint), ==, TPS_MOMENT_NONE);

  activate (f, "canvas.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n + 1);
  copy = tps_journey_canvas_get_selected (f->canvas);
  g_assert_true (copy != touchpoint);
  g_assert_cmpstr (tps_touchpoint_get_stage_id (copy), ==,
                   tps_touchpoint_get_stage_id (touchpoint));
  g_assert_cmpint (tps_touchpoint_get_current (copy), ==, tps_touchpoint_get_current (touchpoint));
  g_assert_true (touchpoint_at_step (f, 3) == copy);

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);
}

static void
on_activated (TpsJourneyCanvas  *canvas,
              TpsTouchpoint     *touchpoint,
              TpsTouchpoint    **out)
{
  *out = touchpoint;
}

static void
test_activated_on_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsTouchpoint *touchpoint = touchpoint_at_step (f, 6);
  TpsTouchpoint *activated = NULL;

  gt_signal_logger_connect (logger, f->canvas, "touchpoint-activated");
  g_signal_connect (f->canvas, "touchpoint-activated", G_CALLBACK (on_activated), &activated);
  tps_journey_canvas_set_selected (f->canvas, touchpoint);
  activate (f, "canvas.edit", NULL);
  gt_signal_logger_assert_emission_pop (logger, f->canvas, "touchpoint-activated", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (activated == touchpoint);
}

static void
test_zoom_actions (Fixture       *f,
                   gconstpointer  data)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  double width, height;

  tps_map_layout_get_size (f->layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadjustment), width, 1);

  activate (f, "canvas.zoom-in", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (f->canvas), >, 1.0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadjustment),
                                  width * tps_journey_canvas_get_zoom (f->canvas), 1);

  activate (f, "canvas.zoom-reset", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (f->canvas), ==, 1.0);

  activate (f, "canvas.zoom-out", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (f->canvas), <, 1.0);

  /* Fit: never below legible titles at first; asked again, the whole map
   * inside the view.
   */
  activate (f, "canvas.zoom-fit", NULL);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (f->canvas)
                     * tps_map_layout_get_title_font_size (f->layout), >=,
                     TPS_JOURNEY_CANVAS_LEGIBLE_TEXT - 1e-6);
  if (width * tps_journey_canvas_get_zoom (f->canvas)
      > gtk_widget_get_width (GTK_WIDGET (f->canvas)) + 1
      || height * tps_journey_canvas_get_zoom (f->canvas)
      > gtk_widget_get_height (GTK_WIDGET (f->canvas)) + 1)
    activate (f, "canvas.zoom-fit", NULL);
  g_assert_cmpfloat (width * tps_journey_canvas_get_zoom (f->canvas), <=,
                     gtk_widget_get_width (GTK_WIDGET (f->canvas)) + 1);
  g_assert_cmpfloat (height * tps_journey_canvas_get_zoom (f->canvas), <=,
                     gtk_widget_get_height (GTK_WIDGET (f->canvas)) + 1);

  /* The overview a project opens at: legible, and as much as fits. */
  tps_journey_canvas_zoom_to_overview (f->canvas);
  g_assert_cmpfloat_with_epsilon (tps_journey_canvas_get_zoom (f->canvas),
                                  CLAMP (MIN (gtk_widget_get_width (GTK_WIDGET (f->canvas)) / width,
                                              gtk_widget_get_height (GTK_WIDGET (f->canvas))
                                              / height),
                                         tps_journey_canvas_get_legible_zoom (f->canvas), 1.0),
                                  1e-6);

  tps_journey_canvas_set_zoom (f->canvas, 100);
  g_assert_cmpfloat (tps_journey_canvas_get_zoom (f->canvas), ==, TPS_JOURNEY_CANVAS_ZOOM_MAX);
}

/* Keyboard selection scrolls the card into view. */
static void
test_selection_scrolls_into_view (Fixture       *f,
                                  gconstpointer  data)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  guint last = tps_map_layout_get_n_steps (f->layout) - 1;
  cairo_rectangle_t card;

  tps_journey_canvas_set_selected (f->canvas, touchpoint_at_step (f, last - 1));
  activate (f, "canvas.select-next", NULL);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == touchpoint_at_step (f, last));
  g_assert_true (tps_map_layout_get_card_rect (f->layout, touchpoint_at_step (f, last), &card));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), <=, card.x);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment)
                     + gtk_adjustment_get_page_size (hadjustment), >=, card.x + card.width);
}

/* Replacing the project drops the selection and lays out the new one. */
static void
test_project_replaced (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TpsProject) empty = tps_project_new ();

  tps_journey_canvas_set_selected (f->canvas, touchpoint_at_step (f, 0));
  tps_journey_canvas_set_project (f->canvas, empty);
  g_assert_null (tps_journey_canvas_get_selected (f->canvas));
  g_assert_cmpuint (tps_map_layout_get_n_steps (tps_journey_canvas_get_layout (f->canvas)), ==, 0);

  /* Drawing an empty project works. */
  gtk_widget_queue_draw (GTK_WIDGET (f->canvas));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Alt+arrows move the selected card: along its stage, over a stage's end
 * into the next, into the lane below; each move is one undo step.
 */
static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  const TpsMapColumn *column = tps_map_layout_get_column (f->layout, 0);
  TpsTouchpoint *first = touchpoint_at_step (f, column->first_step);
  const TpsMapStep *step;
  g_autofree char *stage = g_strdup (tps_touchpoint_get_stage_id (first));
  g_autofree char *channel = g_strdup (tps_touchpoint_get_channel_id (first));
  guint n = column->n_touchpoints;

  g_assert_cmpuint (n, >, 1);
  tps_journey_canvas_set_selected (f->canvas, first);

  activate (f, "canvas.move-next", NULL);
  step = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, first));
  g_assert_cmpuint (step->position, ==, 1);
  g_assert_cmpstr (tps_touchpoint_get_stage_id (first), ==, stage);
  g_assert_true (tps_journey_canvas_get_selected (f->canvas) == first);

  /* To the end of its stage, then over the edge into the next. */
  for (guint i = 1; i < n; i++)
    activate (f, "canvas.move-next", NULL);
  g_assert_cmpstr (tps_touchpoint_get_stage_id (first), !=, stage);
  step = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, first));
  g_assert_cmpuint (step->column, ==, 1);
  g_assert_cmpuint (step->position, ==, 0);

  activate (f, "canvas.move-down", NULL);
  g_assert_cmpstr (tps_touchpoint_get_channel_id (first), !=, channel);

  /* Every move undoes on its own, back to where it was. */
  for (guint i = 0; i < n + 1; i++)
    g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_touchpoint_get_stage_id (first), ==, stage);
  g_assert_cmpstr (tps_touchpoint_get_channel_id (first), ==, channel);
  g_assert_true (touchpoint_at_step (f, tps_map_layout_get_column (f->layout, 0)->first_step)
                 == first);
}

/* The canvas as drawn, as 8-bit RGBA rows. */
static guchar *
render_canvas (Fixture *f,
               int     *width,
               int     *height,
               gsize   *stride)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  *stride = (gsize) *width * 4;
  pixels = g_malloc (*stride * *height);
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* gdk_texture_download() writes cairo's ARGB32: B, G, R, A in memory. */
static gboolean
pixel_is (const guchar   *pixel,
          const TpsColor *color)
{
  return ABS (pixel[2] - (int) (color->red * 255 + 0.5)) <= 2
         && ABS (pixel[1] - (int) (color->green * 255 + 0.5)) <= 2
         && ABS (pixel[0] - (int) (color->blue * 255 + 0.5)) <= 2;
}

/* Scrolled to the far bottom right, the view still shows the stage headers
 * along its top and the channel labels along its left edge.
 */
static void
test_sticky_headers (Fixture       *f,
                     gconstpointer  data)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  TpsColor header, header_alt, grid, page, lane_alt;
  TpsColor label_on_page, label_on_alt;
  g_autofree guchar *pixels = NULL;
  const TpsMapLane *last;
  int width, height, header_bottom, lanes_bottom;
  gsize stride;
  guint in_header = 0, in_labels = 0, rows = 0;

  tps_journey_canvas_set_zoom (f->canvas, 1.0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  tps_palette_get (TPS_PALETTE_HEADER, FALSE, &header);
  tps_palette_get (TPS_PALETTE_HEADER_ALT, FALSE, &header_alt);
  tps_palette_get (TPS_PALETTE_GRID, FALSE, &grid);
  tps_palette_get (TPS_PALETTE_PAGE, FALSE, &page);
  tps_palette_get (TPS_PALETTE_LANE_ALT, FALSE, &lane_alt);
  /* The label cell: the grid colour at 35 % over the lane. */
  label_on_page = (TpsColor) { grid.red * 0.35 + page.red * 0.65,
                               grid.green * 0.35 + page.green * 0.65,
                               grid.blue * 0.35 + page.blue * 0.65, 1 };
  label_on_alt = (TpsColor) { grid.red * 0.35 + lane_alt.red * 0.65,
                              grid.green * 0.35 + lane_alt.green * 0.65,
                              grid.blue * 0.35 + lane_alt.blue * 0.65, 1 };

  pixels = render_canvas (f, &width, &height, &stride);

  /* Along the top row, past the label column: the headers' fill. */
  for (int x = width / 3; x < width; x++)
    {
      const guchar *pixel = pixels + 4 * stride + 4 * x;

      in_header += pixel_is (pixel, &header) || pixel_is (pixel, &header_alt);
    }
  g_assert_cmpuint (in_header, >, (width - width / 3) / 2);

  /* Down the left edge, below the headers and as far as the lanes go:
   * the label cells.
   */
  header_bottom = (int) tps_map_layout_get_column (f->layout, 0)->header.height + 4;
  last = tps_map_layout_get_lane (f->layout, tps_map_layout_get_n_lanes (f->layout) - 1);
  lanes_bottom = MIN (height, (int) (last->y + last->height
                                     - gtk_adjustment_get_value (vadjustment)));
  g_assert_cmpint (lanes_bottom - header_bottom, >, 100);
  for (int y = header_bottom; y < lanes_bottom; y++, rows++)
    {
      const guchar *pixel = pixels + y * stride + 4 * 2;

      in_labels += pixel_is (pixel, &label_on_page) || pixel_is (pixel, &label_on_alt);
    }
  g_assert_cmpuint (in_labels, >, rows / 2);
}

/* Opens the context menu for the map point (@lx, @ly), as a right click
 * there does, and returns what was hit.
 */
static TpsMapHit
open_menu_at (Fixture *f,
              double   lx,
              double   ly)
{
  TpsMapHit hit;
  double wx, wy;

  tps_journey_canvas_layout_to_widget (f->canvas, lx, ly, &wx, &wy);
  tps_journey_canvas_hit_test (f->canvas, wx, wy, &hit);
  tps_journey_canvas_popup_menu (f->canvas, &hit, wx, wy);
  return hit;
}

static void
open_stage_menu (Fixture *f,
                 guint    column)
{
  const TpsMapColumn *c = tps_map_layout_get_column (f->layout, column);
  TpsMapHit hit = open_menu_at (f, c->header.x + c->header.width / 2,
                                c->header.y + c->header.height / 2);

  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_STAGE_HEADER);
  g_assert_cmpint (hit.column, ==, column);
  g_assert_true (tps_journey_canvas_menu_is_open (f->canvas));
}

static void
open_channel_menu (Fixture *f,
                   guint    lane)
{
  const TpsMapLane *l = tps_map_layout_get_lane (f->layout, lane);
  TpsMapHit hit = open_menu_at (f, l->label.x + l->label.width / 2,
                                l->label.y + l->label.height / 2);

  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_LANE_LABEL);
  g_assert_cmpint (hit.lane, ==, lane);
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Insert before and after put a new stage beside the clicked one; an empty
 * stage is deleted at once; each is one undo step.
 */
static void
test_stage_menu_inserts_and_deletes (Fixture       *f,
                                     gconstpointer  data)
{
  GListModel *stages = tps_project_get_stages (f->project);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(TpsStage) second = g_list_model_get_item (stages, 1);
  g_autoptr(TpsStage) inserted = NULL;

  open_stage_menu (f, 1);
  activate (f, "menu.insert-stage-after", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n + 1);
  inserted = g_list_model_get_item (stages, 2);
  g_assert_true (inserted != second);
  g_assert_cmpuint (tps_map_layout_get_n_columns (f->layout), ==, n + 1);
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);

  open_stage_menu (f, 1);
  activate (f, "menu.insert-stage-before", NULL);
  g_clear_object (&inserted);
  inserted = g_list_model_get_item (stages, 1);
  g_assert_true (inserted != second);

  /* The new stage is empty: deleting it does not ask. */
  open_stage_menu (f, 1);
  activate (f, "menu.delete-stage", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n + 1);
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* Deleting a stage with touchpoints asks first, then takes them along in
 * one undo step.
 */
static void
test_stage_menu_delete_asks (Fixture       *f,
                             gconstpointer  data)
{
  GListModel *stages = tps_project_get_stages (f->project);
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (stages);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);
  GtkWidget *dialog;

  g_assert_cmpuint (tps_map_layout_get_column (f->layout, 0)->n_touchpoints, >, 0);
  open_stage_menu (f, 0);
  activate (f, "menu.delete-stage", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), <, n_touchpoints);

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_touchpoints);
}

/* Rename asks for the name, prefilled, and changes it in one undo step. */
static void
test_menu_renames (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TpsStage) stage = g_list_model_get_item (tps_project_get_stages (f->project), 2);
  g_autofree char *old_name = g_strdup (tps_stage_get_name (stage));
  GtkWidget *dialog;
  GtkWidget *entry;

  open_stage_menu (f, 2);
  activate (f, "menu.rename-stage", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, old_name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Research  ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_assert_cmpstr (tps_stage_get_name (stage), ==, "Research");
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_stage_get_name (stage), ==, old_name);
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* A channel's kind and place change from its label's menu; the first
 * channel cannot move up.
 */
static void
test_channel_menu (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *channels = tps_project_get_channels (f->project);
  g_autoptr(TpsChannel) first = g_list_model_get_item (channels, 0);
  TpsChannelKind kind = tps_channel_get_kind (first);
  const char *other = kind == TPS_CHANNEL_KIND_OFFLINE ? "hybrid" : "offline";
  guint position;

  open_channel_menu (f, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "menu.move-channel-up",
                                              NULL)
                  && tps_history_get_can_undo (f->history));
  activate (f, "menu.channel-kind", g_variant_new_string (other));
  g_assert_cmpstr (tps_enum_get_word (TPS_TYPE_CHANNEL_KIND, tps_channel_get_kind (first)), ==,
                   other);
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpint (tps_channel_get_kind (first), ==, kind);

  open_channel_menu (f, 0);
  activate (f, "menu.move-channel-down", NULL);
  g_assert_true (tps_list_find (channels, first, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (tps_map_layout_get_lane (f->layout, 1)->channel == first);

  open_channel_menu (f, 1);
  activate (f, "menu.move-channel-up", NULL);
  g_assert_true (tps_list_find (channels, first, &position));
  g_assert_cmpuint (position, ==, 0);

  g_assert_true (tps_history_undo (f->history));
  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
}

/* "New Touchpoint Here" on an empty cell puts the card in that cell's
 * stage and channel, in one undo step.
 */
static void
test_cell_menu_adds_here (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (f->project);
  guint n = g_list_model_get_n_items (touchpoints);
  TpsTouchpoint *created;
  const TpsMapStep *step;
  TpsMapHit hit = { 0 };
  gboolean found = FALSE;

  for (guint c = 0; c < tps_map_layout_get_n_columns (f->layout) && !found; c++)
    {
      const TpsMapColumn *column = tps_map_layout_get_column (f->layout, c);

      for (guint l = 0; l < tps_map_layout_get_n_lanes (f->layout) && !found; l++)
        {
          const TpsMapLane *lane = tps_map_layout_get_lane (f->layout, l);

          for (double x = column->x + 4; x < column->x + column->width && !found; x += 8)
            {
              tps_map_layout_hit_test (f->layout, x, lane->y + lane->height / 2, &hit);
              if (hit.kind == TPS_MAP_HIT_CELL)
                {
                  hit = open_menu_at (f, x, lane->y + lane->height / 2);
                  found = TRUE;
                }
            }
        }
    }
  g_assert_true (found);
  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_CELL);

  activate (f, "menu.add-here", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n + 1);
  created = tps_journey_canvas_get_selected (f->canvas);
  g_assert_nonnull (created);
  step = tps_map_layout_get_step (f->layout, tps_map_layout_find_step (f->layout, created));
  g_assert_cmpuint (step->column, ==, hit.column);
  g_assert_cmpuint (step->lane, ==, hit.lane);

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n);
}

/* While a menu is open the canvas offers no tooltip, so none covers it. */
static void
test_no_tooltip_over_menu (Fixture       *f,
                           gconstpointer  data)
{
  cairo_rectangle_t card;
  gboolean shown = TRUE;
  double wx, wy;

  tps_journey_canvas_set_selected (f->canvas, touchpoint_at_step (f, 0));
  activate (f, "canvas.context-menu", NULL);
  g_assert_true (tps_journey_canvas_menu_is_open (f->canvas));

  g_assert_true (tps_map_layout_get_card_rect (f->layout, touchpoint_at_step (f, 0), &card));
  tps_journey_canvas_layout_to_widget (f->canvas, card.x + 2, card.y + 2, &wx, &wy);
  g_signal_emit_by_name (f->canvas, "query-tooltip", (int) wx, (int) wy, FALSE, NULL, &shown);
  g_assert_false (shown);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/journey-canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("selection/notifies-once", test_selection_notifies);
  ADD ("selection/scrolls-into-view", test_selection_scrolls_into_view);
  ADD ("keyboard/arrows-walk-journey-and-lanes", test_keyboard_walks_journey);
  ADD ("drag/move-to-stage-and-lane-then-undo", test_move_and_undo);
  ADD ("drag/move-within-stage-reorders", test_move_within_stage);
  ADD ("keyboard/alt-arrows-move-then-undo", test_keyboard_move);
  ADD ("edit/add-in-cell-then-undo", test_add_and_undo);
  ADD ("edit/delete-selects-neighbour-then-undo", test_delete_and_undo);
  ADD ("edit/delete-with-linked-measures-asks", test_delete_linked_asks);
  ADD ("edit/mark-and-duplicate", test_mark_and_duplicate);
  ADD ("edit/enter-activates", test_activated_on_edit);
  ADD ("zoom/actions", test_zoom_actions);
  ADD ("scroll/headers-and-labels-stay-visible", test_sticky_headers);
  ADD ("project/replaced", test_project_replaced);
  ADD ("menu/stage-inserts-and-deletes", test_stage_menu_inserts_and_deletes);
  ADD ("menu/stage-delete-asks", test_stage_menu_delete_asks);
  ADD ("menu/rename", test_menu_renames);
  ADD ("menu/channel-kind-and-order", test_channel_menu);
  ADD ("menu/cell-new-touchpoint-here", test_cell_menu_adds_here);
  ADD ("menu/no-tooltip-while-open", test_no_tooltip_over_menu);

  return g_test_run ();
}
