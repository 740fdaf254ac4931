/* tps-matrix-view.c
 *
 * The widget draws the core TpsEffortMatrix, the same layout and renderer
 * the report PDF uses, laid out for the widget's width and the height of
 * the scrolled window it sits in (so the matrix fills the page and the key
 * below it scrolls). Dragging a measure's marker, or its row in the key,
 * previews the cell it would land in and sets effort and impact on release
 * as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tps-matrix-view.h"
#include "tps-measure-format.h"
#include "tps-view-util.h"

/* How far the pointer moves before a press becomes a drag. */
#define DRAG_THRESHOLD 3.0

/* Below this the matrix is laid out as if it had this much room, and scrolls. */
#define MIN_WIDTH 480
#define MIN_HEIGHT 420

struct _TpsMatrixView
{
  GtkWidget parent_instance;

  TpsProject *project;
  TpsHistory *history;
  TpsMeasure *selected;

  TpsEffortMatrix *matrix;
  int content_height;           /* what the last layout needs */

  /* A drag, previewed until released. */
  TpsMeasure *drag_measure;
  double drag_origin_x;
  double drag_origin_y;
  double drag_dx;
  double drag_dy;
  gboolean dragging;
};

G_DEFINE_FINAL_TYPE (TpsMatrixView, tps_matrix_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_SELECTED_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------------ */

static void
tps_matrix_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const TpsMatrixMarker *marker;
  cairo_rectangle_t cell;
  GdkRGBA accent;
  int effort, impact;
  double x, y;
  cairo_t *cr;

  if (self->project == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tps_effort_matrix_draw (self->matrix, cr,
                          adw_style_manager_get_dark (adw_style_manager_get_default ()));

  marker = self->dragging && self->drag_measure != NULL
           ? tps_effort_matrix_find_marker (self->matrix, self->drag_measure) : NULL;
  if (marker != NULL)
    {
      /* Where the pointer is: a drag may start on a marker or on its key row. */
      x = self->drag_origin_x + self->drag_dx;
      y = self->drag_origin_y + self->drag_dy;
      tps_effort_matrix_score_at (self->matrix, x, y, &effort, &impact);
      tps_effort_matrix_get_cell (self->matrix, effort, impact, &cell);

      tps_view_get_accent_color (widget, &accent);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
      cairo_arc (cr, x, y, marker->radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

/* As wide as it is given, as tall as the layout for that width needs. */
static void
tps_matrix_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? self->content_height : 0;
}

static void
tps_matrix_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  tps_matrix_view_refresh (TPS_MATRIX_VIEW (widget));
}

/* ------------------------------------------------------------------------
 * Pointer
 * ------------------------------------------------------------------------ */

static void
end_drag (TpsMatrixView *self)
{
  g_clear_object (&self->drag_measure);
  self->dragging = FALSE;
  self->drag_dx = self->drag_dy = 0;
}

/* A press on a marker or its key row selects the measure and starts a drag. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TpsMatrixView  *self)
{
  TpsMeasure *measure;

  end_drag (self);
  measure = self->project != NULL ? tps_effort_matrix_hit_test (self->matrix, x, y) : NULL;
  if (measure == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  tps_matrix_view_set_selected_measure (self, measure);
  if (self->history == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_measure = g_object_ref (measure);
  self->drag_origin_x = x;
  self->drag_origin_y = y;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TpsMatrixView  *self)
{
  if (self->drag_measure == NULL)
    return;

  self->drag_dx = dx;
  self->drag_dy = dy;
  if (hypot (dx, dy) >= DRAG_THRESHOLD)
    self->dragging = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             TpsMatrixView  *self)
{
  TpsMeasure *measure = self->drag_measure;
  int effort, impact;

  if (measure == NULL || !self->dragging)
    {
      end_drag (self);
      return;
    }

  if (tps_effort_matrix_find_marker (self->matrix, measure) != NULL)
    {
      tps_effort_matrix_score_at (self->matrix, self->drag_origin_x + dx, self->drag_origin_y + dy,
                                  &effort, &impact);
      if (effort != tps_measure_get_effort (measure) || impact != tps_measure_get_impact (measure))
        {
          const char *title = tps_measure_get_title (measure);
          /* Translators: undo label; %s is the measure's title */
          g_autofree char *label = g_strdup_printf (_("Effort and impact of “%s” changed"),
                                                    title != NULL ? title : "");

          tps_history_begin_group (self->history, label);
          tps_history_set (self->history, measure, "effort", effort, "impact", impact, NULL);
          tps_history_end_group (self->history);
        }
    }

  end_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           TpsMatrixView            *self)
{
  const char *cursor = NULL;

  if (self->drag_measure != NULL)
    cursor = "grabbing";
  else if (self->project != NULL && tps_effort_matrix_hit_test (self->matrix, x, y) != NULL)
    cursor = "grab";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_query_tooltip (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  TpsMatrixView *self)
{
  TpsMeasure *measure;
  g_autofree char *markup = NULL;

  if (self->project == NULL || keyboard)
    return FALSE;

  measure = tps_effort_matrix_hit_test (self->matrix, x, y);
  if (measure == NULL)
    return FALSE;

  markup = tps_format_measure_tooltip (measure);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------
 * Keyboard
 * ------------------------------------------------------------------------ */

/* Up and Down (Home, End) move the selection from measure to measure in
 * the order of the key; @parameter is the step, or G_MININT/G_MAXINT for
 * the first/last.
 */
static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (widget);
  int step = g_variant_get_int32 (parameter);
  int n = (int) tps_effort_matrix_get_n_markers (self->matrix);
  int current = -1, target;

  if (self->project == NULL || n == 0)
    return;

  for (int i = 0; i < n && self->selected != NULL; i++)
    if (tps_effort_matrix_get_marker (self->matrix, i)->measure == self->selected)
      current = i;

  if (step == G_MININT || (current < 0 && step > 0))
    target = 0;
  else if (step == G_MAXINT || (current < 0 && step < 0))
    target = n - 1;
  else
    target = CLAMP (current + step, 0, n - 1);

  tps_matrix_view_set_selected_measure (self,
                                        tps_effort_matrix_get_marker (self->matrix,
                                                                      target)->measure);
}

static void
tps_matrix_view_dispose (GObject *object)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (object);

  end_drag (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->history);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (tps_matrix_view_parent_class)->dispose (object);
}

static void
tps_matrix_view_finalize (GObject *object)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (object);

  g_clear_object (&self->matrix);

  G_OBJECT_CLASS (tps_matrix_view_parent_class)->finalize (object);
}

static void
tps_matrix_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTED_MEASURE:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_matrix_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpsMatrixView *self = TPS_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_matrix_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_matrix_view_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_MEASURE:
      tps_matrix_view_set_selected_measure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_matrix_view_class_init (TpsMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tps_matrix_view_dispose;
  object_class->finalize = tps_matrix_view_finalize;
  object_class->get_property = tps_matrix_view_get_property;
  object_class->set_property = tps_matrix_view_set_property;
  widget_class->measure = tps_matrix_view_measure;
  widget_class->size_allocate = tps_matrix_view_size_allocate;
  widget_class->snapshot = tps_matrix_view_snapshot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  /**
   * TpsMatrixView:history:
   *
   * Where a drag records the new scores; without it the matrix is only shown.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  /**
   * TpsMatrixView:selected-measure:
   *
   * The highlighted measure: set by the owner, or by a press on a marker
   * or a row of the key.
   */
  properties[PROP_SELECTED_MEASURE] =
    g_param_spec_object ("selected-measure", NULL, NULL, TPS_TYPE_MEASURE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "matrix.move-selection", "i",
                                   move_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "matrix.move-selection", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "matrix.move-selection", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "matrix.move-selection", "i", G_MININT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0,
                                       "matrix.move-selection", "i", G_MAXINT);

  gtk_widget_class_set_css_name (widget_class, "matrix-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tps_matrix_view_init (TpsMatrixView *self)
{
  GtkGesture *drag;
  GtkEventController *motion;

  self->matrix = tps_effort_matrix_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tps_matrix_view_new (void)
{
  return g_object_new (TPS_TYPE_MATRIX_VIEW, NULL);
}

TpsProject *
tps_matrix_view_get_project (TpsMatrixView *self)
{
  g_return_val_if_fail (TPS_IS_MATRIX_VIEW (self), NULL);
  return self->project;
}

void
tps_matrix_view_set_project (TpsMatrixView *self,
                             TpsProject    *project)
{
  g_return_if_fail (TPS_IS_MATRIX_VIEW (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (self->project == project)
    return;

  end_drag (self);
  tps_matrix_view_set_selected_measure (self, NULL);
  g_set_object (&self->project, project);
  tps_matrix_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_matrix_view_get_history (TpsMatrixView *self)
{
  g_return_val_if_fail (TPS_IS_MATRIX_VIEW (self), NULL);
  return self->history;
}

void
tps_matrix_view_set_history (TpsMatrixView *self,
                             TpsHistory    *history)
{
  g_return_if_fail (TPS_IS_MATRIX_VIEW (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (self->history == history)
    return;

  end_drag (self);
  g_set_object (&self->history, history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TpsMeasure *
tps_matrix_view_get_selected_measure (TpsMatrixView *self)
{
  g_return_val_if_fail (TPS_IS_MATRIX_VIEW (self), NULL);
  return self->selected;
}

void
tps_matrix_view_set_selected_measure (TpsMatrixView *self,
                                      TpsMeasure    *measure)
{
  g_return_if_fail (TPS_IS_MATRIX_VIEW (self));
  g_return_if_fail (measure == NULL || TPS_IS_MEASURE (measure));

  if (self->selected == measure)
    return;

  g_set_object (&self->selected, measure);
  tps_effort_matrix_set_highlight (self->matrix, measure);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_MEASURE]);
}

/**
 * tps_matrix_view_refresh:
 *
 * After a change of the model, and whenever the widget is allocated: lays
 * the matrix out again for the room there is, and asks for more height if
 * the key has grown.
 */
void
tps_matrix_view_refresh (TpsMatrixView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *scrolled;
  int width, height, content_height;

  g_return_if_fail (TPS_IS_MATRIX_VIEW (self));

  if (self->project == NULL)
    return;

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  width = gtk_widget_get_width (widget);
  height = scrolled != NULL ? gtk_widget_get_height (scrolled) : gtk_widget_get_height (widget);

  tps_effort_matrix_set_highlight (self->matrix, self->selected);
  tps_effort_matrix_update (self->matrix, self->project, MAX (width, MIN_WIDTH),
                            MAX (height, MIN_HEIGHT));
  content_height = (int) ceil (tps_effort_matrix_get_height (self->matrix));
  if (content_height != self->content_height)
    {
      self->content_height = content_height;
      gtk_widget_queue_resize (widget);
    }
  gtk_widget_queue_draw (widget);
}

/**
 * tps_matrix_view_get_matrix:
 *
 * Returns: (transfer none): the layout the widget draws and hit-tests
 */
TpsEffortMatrix *
tps_matrix_view_get_matrix (TpsMatrixView *self)
{
  g_return_val_if_fail (TPS_IS_MATRIX_VIEW (self), NULL);
  return self->matrix;
}
