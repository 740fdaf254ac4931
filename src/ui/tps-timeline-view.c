/* tps-timeline-view.c
 *
 * The widget draws the core TpsTimeline, the same layout and renderer the
 * report PDF uses, and lays it out again only after tps_timeline_view_refresh()
 * (its owner calls that once per frame after the history changed): the
 * layout is computed when it is next needed, for the size request, a draw
 * or a hit test. Dragging a bar or one of its ends previews the new dates
 * and sets them on release as one undo step. It sits in a GtkScrolledWindow
 * and uses that window's adjustments to keep the titles and the month
 * header in view and to bring the selected measure, or today, into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tps-health.h"
#include "tps-measure-format.h"
#include "tps-project-edit.h"
#include "tps-timeline-view.h"
#include "tps-view-util.h"

/* How far the pointer moves before a press becomes a drag. */
#define DRAG_THRESHOLD 3.0

struct _TpsTimelineView
{
  GtkWidget parent_instance;

  TpsProject *project;
  TpsHistory *history;
  TpsMeasure *selected;

  TpsTimeline *timeline;
  TpsTimelineScale scale;
  TpsTimelineGrouping grouping;
  gboolean needs_layout;

  GtkAdjustment *hadjustment;   /* the scrolled window's, while rooted in one */
  GtkAdjustment *vadjustment;
  gboolean scrolled;            /* opened on today or the selection once */
  guint scroll_idle;

  /* A drag, previewed until released. */
  TpsMeasure *drag_measure;
  TpsTimelineHit drag_hit;
  GDate drag_start;
  GDate drag_due;
  gboolean drag_had_start;
  gboolean drag_had_due;
  double drag_x0;               /* where the grabbed bar starts and ends */
  double drag_x1;
  double drag_dx;
  gboolean dragging;
};

G_DEFINE_FINAL_TYPE (TpsTimelineView, tps_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_SELECTED_MEASURE,
  N_PROPS
};

enum {
  EDIT_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static double
adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/* The layout, computed again if the model or an option changed since. */
static TpsTimeline *
laid_out (TpsTimelineView *self)
{
  g_autofree char *today = NULL;

  if (!self->needs_layout || self->project == NULL)
    return self->timeline;

  today = tps_health_today ();
  tps_timeline_set_scale (self->timeline, self->scale);
  tps_timeline_set_grouping (self->timeline, self->grouping);
  tps_timeline_set_today (self->timeline, today);
  tps_timeline_set_highlight (self->timeline, self->selected);
  tps_timeline_update (self->timeline, self->project);
  self->needs_layout = FALSE;

  return self->timeline;
}

/* ------------------------------------------------------------------------
 * Scrolling
 * ------------------------------------------------------------------------ */

static void
scroll_adjustment_to (GtkAdjustment *adjustment,
                      double         start,
                      double         end,
                      double         hidden)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment) - hidden;

  if (page <= 0)
    return;

  if (start - hidden < value || end - hidden > value + page)
    gtk_adjustment_set_value (adjustment, start - hidden - MIN (40, page / 4));
}

/* Brings the selected measure's bar into view, or today when nothing is
 * selected, as a planner opens on the present.
 */
static void
scroll_to_selection (TpsTimelineView *self)
{
  TpsTimeline *timeline;
  const TpsTimelineRow *row = NULL;
  double label_width, header_height;

  if (self->project == NULL || self->hadjustment == NULL
      || gtk_adjustment_get_page_size (self->hadjustment) <= 0)
    return;

  timeline = laid_out (self);
  label_width = tps_timeline_get_label_width (timeline);
  header_height = tps_timeline_get_header_height (timeline);

  if (self->selected != NULL)
    row = tps_timeline_find_row (timeline, self->selected);

  if (row != NULL)
    {
      if (row->scheduled)
        scroll_adjustment_to (self->hadjustment, row->bar_x0,
                              MIN (row->bar_x1, row->bar_x0 + 400), label_width);
      scroll_adjustment_to (self->vadjustment, row->y, row->y + row->height, header_height);
    }
  else if (!self->scrolled)
    {
      double today = tps_timeline_get_today_x (timeline);
      double page = gtk_adjustment_get_page_size (self->hadjustment) - label_width;

      gtk_adjustment_set_value (self->hadjustment, today - label_width - page / 3);
    }

  self->scrolled = TRUE;
}

static gboolean
scroll_idle (gpointer user_data)
{
  TpsTimelineView *self = user_data;

  self->scroll_idle = 0;
  scroll_to_selection (self);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll (TpsTimelineView *self)
{
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_idle, self);
}

/* Scrolling while the scrolled window is being allocated would be lost,
 * so the first scroll waits for the allocation to finish.
 */
static void
on_adjustment_changed (TpsTimelineView *self)
{
  if (!self->scrolled)
    queue_scroll (self);
}

static void
forget_adjustments (TpsTimelineView *self)
{
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

static void
tps_timeline_view_root (GtkWidget *widget)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (widget);
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (tps_timeline_view_parent_class)->root (widget);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;

  forget_adjustments (self);
  self->hadjustment =
    g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  self->vadjustment =
    g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  g_signal_connect_swapped (self->hadjustment, "value-changed",
                            G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (self->vadjustment, "value-changed",
                            G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (self->hadjustment, "changed",
                            G_CALLBACK (on_adjustment_changed), self);
}

static void
tps_timeline_view_unroot (GtkWidget *widget)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (widget);

  forget_adjustments (self);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);

  GTK_WIDGET_CLASS (tps_timeline_view_parent_class)->unroot (widget);
}

/* ------------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------------ */

/* The dates the dragged bar would get if released now. */
static void
drag_dates (TpsTimelineView *self,
            GDate           *start,
            GDate           *due)
{
  GDate at;

  *start = self->drag_start;
  *due = self->drag_due;

  switch (self->drag_hit)
    {
    case TPS_TIMELINE_HIT_START:
      tps_timeline_date_at_x (self->timeline, self->drag_x0 + self->drag_dx, &at);
      *start = g_date_compare (&at, due) > 0 ? *due : at;
      break;

    case TPS_TIMELINE_HIT_DUE:
      /* The bar ends where the day after the due date begins. */
      tps_timeline_date_at_x (self->timeline, self->drag_x1 + self->drag_dx, &at);
      g_date_subtract_days (&at, 1);
      *due = g_date_compare (&at, start) < 0 ? *start : at;
      break;

    case TPS_TIMELINE_HIT_BAR:
      {
        int days;

        tps_timeline_date_at_x (self->timeline, self->drag_x0 + self->drag_dx, &at);
        days = g_date_days_between (&self->drag_start, &at);
        if (days > 0)
          {
            g_date_add_days (start, days);
            g_date_add_days (due, days);
          }
        else if (days < 0)
          {
            g_date_subtract_days (start, -days);
            g_date_subtract_days (due, -days);
          }
      }
      break;

    case TPS_TIMELINE_HIT_NONE:
    case TPS_TIMELINE_HIT_LABEL:
    default:
      break;
    }
}

static char *
iso_of (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The preview of a dragged bar with its new dates. */
static void
draw_preview (TpsTimelineView *self,
              cairo_t         *cr)
{
  const TpsTimelineRow *row;
  GDate start, due, end;
  GdkRGBA accent;
  double x0, x1;

  if (!self->dragging || self->drag_measure == NULL)
    return;

  row = tps_timeline_find_row (self->timeline, self->drag_measure);
  if (row == NULL)
    return;

  drag_dates (self, &start, &due);
  end = due;
  g_date_add_days (&end, 1);
  x0 = tps_timeline_x_for_date (self->timeline, &start);
  x1 = tps_timeline_x_for_date (self->timeline, &end);

  tps_view_get_accent_color (GTK_WIDGET (self), &accent);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.3);
  cairo_rectangle (cr, x0, row->y + 5, MAX (x1 - x0, 3), row->height - 10);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  {
    g_autofree char *s_iso = iso_of (&start);
    g_autofree char *d_iso = iso_of (&due);
    g_autofree char *s_text = tps_format_date (s_iso);
    g_autofree char *d_text = tps_format_date (d_iso);
    g_autofree char *label = g_strdup_printf ("%s – %s", s_text, d_text);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
    cairo_rectangle (cr, x0, row->y - h - 6, w + 12, h + 4);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_move_to (cr, x0 + 6, row->y - h - 4);
    pango_cairo_show_layout (cr, layout);
  }
}

/* The titles and the month header stay in view while the plan scrolls:
 * they are drawn again, by the same renderer, at the scrolled offset.
 */
static void
draw_pinned_parts (TpsTimelineView *self,
                   cairo_t         *cr)
{
  double label_width = tps_timeline_get_label_width (self->timeline);
  double header_height = tps_timeline_get_header_height (self->timeline);
  double width = tps_timeline_get_width (self->timeline);
  double height = tps_timeline_get_height (self->timeline);
  double h = adjustment_value (self->hadjustment);
  double v = adjustment_value (self->vadjustment);
  gboolean dark = is_dark ();

  if (h > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, h, 0, label_width, height);
      cairo_clip (cr);
      cairo_translate (cr, h, 0);
      tps_timeline_draw (self->timeline, cr, dark);
      cairo_restore (cr);
    }

  if (v > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, v, width, header_height);
      cairo_clip (cr);
      cairo_translate (cr, 0, v);
      tps_timeline_draw (self->timeline, cr, dark);
      cairo_restore (cr);
    }

  if (h > 0 && v > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, h, v, label_width, header_height);
      cairo_clip (cr);
      cairo_translate (cr, h, v);
      tps_timeline_draw (self->timeline, cr, dark);
      cairo_restore (cr);
    }

  /* The legend stays whole across the visible width. */
  if (h > 0)
    {
      cairo_save (cr);
      cairo_rectangle (cr, h, v, gtk_adjustment_get_page_size (self->hadjustment),
                       tps_timeline_get_legend_height (self->timeline));
      cairo_clip (cr);
      cairo_translate (cr, h, v);
      tps_timeline_draw (self->timeline, cr, dark);
      cairo_restore (cr);
    }

  /* A faint shadow where the rows slide under the pinned parts. */
  if (h > 0)
    {
      double top = v + tps_timeline_get_legend_height (self->timeline);
      cairo_pattern_t *shadow = cairo_pattern_create_linear (h + label_width, 0,
                                                             h + label_width + 8, 0);

      cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0, dark ? 0.4 : 0.12);
      cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
      cairo_set_source (cr, shadow);
      cairo_rectangle (cr, h + label_width, top, 8, MAX (height - top, 0));
      cairo_fill (cr);
      cairo_pattern_destroy (shadow);
    }
}

static void
tps_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->project == NULL || width <= 0 || height <= 0)
    return;

  laid_out (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tps_timeline_draw (self->timeline, cr, is_dark ());
  draw_preview (self, cr);
  draw_pinned_parts (self, cr);
  cairo_destroy (cr);
}

/* As large as the whole plan: the scrolled window shows a part of it. */
static void
tps_timeline_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (widget);
  double size = 0;

  if (self->project != NULL)
    size = orientation == GTK_ORIENTATION_HORIZONTAL ? tps_timeline_get_width (laid_out (self))
                                                     : tps_timeline_get_height (laid_out (self));

  *minimum = *natural = (int) ceil (size);
}

/* ------------------------------------------------------------------------
 * Pointer
 * ------------------------------------------------------------------------ */

static void
end_drag (TpsTimelineView *self)
{
  g_clear_object (&self->drag_measure);
  self->dragging = FALSE;
  self->drag_dx = 0;
}

/* A press on a bar or one of its ends selects the measure and starts a
 * drag; a press on a title only selects it.
 */
static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               TpsTimelineView *self)
{
  TpsMeasure *measure = NULL;
  TpsTimelineHit hit;
  const TpsTimelineRow *row;

  end_drag (self);
  if (self->project == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  hit = tps_timeline_hit_test (laid_out (self), x, y, &measure);
  if (measure != NULL)
    tps_timeline_view_set_selected_measure (self, measure);

  /* Selecting may have had the owner refresh the layout. */
  row = measure != NULL ? tps_timeline_find_row (laid_out (self), measure) : NULL;
  if (row == NULL || !row->scheduled || self->history == NULL
      || (hit != TPS_TIMELINE_HIT_START && hit != TPS_TIMELINE_HIT_DUE
          && hit != TPS_TIMELINE_HIT_BAR))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_measure = g_object_ref (measure);
  self->drag_hit = hit;
  self->drag_x0 = row->bar_x0;
  self->drag_x1 = row->bar_x1;
  self->drag_had_start = tps_date_is_valid (tps_measure_get_start (measure));
  self->drag_had_due = tps_date_is_valid (tps_measure_get_due (measure));
  tps_timeline_date_at_x (self->timeline, row->bar_x0, &self->drag_start);
  tps_timeline_date_at_x (self->timeline, row->bar_x1, &self->drag_due);
  g_date_subtract_days (&self->drag_due, 1);
  if (g_date_compare (&self->drag_due, &self->drag_start) < 0)
    self->drag_due = self->drag_start;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                TpsTimelineView *self)
{
  if (self->drag_measure == NULL)
    return;

  self->drag_dx = dx;
  if (fabs (dx) >= DRAG_THRESHOLD)
    self->dragging = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             TpsTimelineView *self)
{
  GDate start, due;
  g_autofree char *start_iso = NULL;
  g_autofree char *due_iso = NULL;
  g_autoptr(GError) error = NULL;

  if (self->drag_measure == NULL || !self->dragging)
    {
      end_drag (self);
      return;
    }

  self->drag_dx = dx;
  drag_dates (self, &start, &due);

  /* Moving a one-date milestone keeps it a one-date milestone. */
  if (self->drag_hit != TPS_TIMELINE_HIT_BAR || self->drag_had_start)
    start_iso = iso_of (&start);
  if (self->drag_hit != TPS_TIMELINE_HIT_BAR || self->drag_had_due)
    due_iso = iso_of (&due);

  if (!tps_project_set_measure_dates (self->project, self->history, self->drag_measure,
                                      start_iso, due_iso, &error))
    g_signal_emit (self, signals[EDIT_REFUSED], 0, error->message);

  end_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           TpsTimelineView          *self)
{
  const char *cursor = NULL;

  if (self->project == NULL)
    return;

  if (self->drag_measure != NULL)
    cursor = self->drag_hit == TPS_TIMELINE_HIT_BAR ? "grabbing" : "ew-resize";
  else
    switch (tps_timeline_hit_test (laid_out (self), x, y, NULL))
      {
      case TPS_TIMELINE_HIT_START:
      case TPS_TIMELINE_HIT_DUE:
        cursor = "ew-resize";
        break;
      case TPS_TIMELINE_HIT_BAR:
        cursor = "grab";
        break;
      case TPS_TIMELINE_HIT_LABEL:
        cursor = "pointer";
        break;
      case TPS_TIMELINE_HIT_NONE:
      default:
        break;
      }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  TpsTimelineView *self)
{
  TpsMeasure *measure = NULL;
  g_autofree char *markup = NULL;

  if (self->project == NULL || keyboard
      || tps_timeline_hit_test (laid_out (self), x, y, &measure) == TPS_TIMELINE_HIT_NONE
      || measure == NULL)
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
 * the order the timeline lists them; @parameter is the step, or
 * G_MININT/G_MAXINT for the first/last.
 */
static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (widget);
  TpsTimeline *timeline = laid_out (self);
  int step = g_variant_get_int32 (parameter);
  int n = (int) tps_timeline_get_n_rows (timeline);
  int current = -1, i;

  if (self->project == NULL || n == 0)
    return;

  for (i = 0; i < n && self->selected != NULL; i++)
    if (tps_timeline_get_row (timeline, i)->measure == self->selected)
      current = i;

  if (step == G_MININT || (current < 0 && step > 0))
    i = 0, step = 1;
  else if (step == G_MAXINT || (current < 0 && step < 0))
    i = n - 1, step = -1;
  else
    i = current + step;

  for (; i >= 0 && i < n; i += step)
    {
      const TpsTimelineRow *row = tps_timeline_get_row (timeline, i);

      if (row->kind == TPS_TIMELINE_ROW_MEASURE && row->measure != NULL)
        {
          tps_timeline_view_set_selected_measure (self, row->measure);
          return;
        }
    }
}

static void
tps_timeline_view_dispose (GObject *object)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  forget_adjustments (self);
  end_drag (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->history);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (tps_timeline_view_parent_class)->dispose (object);
}

static void
tps_timeline_view_finalize (GObject *object)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (object);

  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (tps_timeline_view_parent_class)->finalize (object);
}

static void
tps_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (object);

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
tps_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpsTimelineView *self = TPS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_timeline_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_timeline_view_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_MEASURE:
      tps_timeline_view_set_selected_measure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_timeline_view_class_init (TpsTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tps_timeline_view_dispose;
  object_class->finalize = tps_timeline_view_finalize;
  object_class->get_property = tps_timeline_view_get_property;
  object_class->set_property = tps_timeline_view_set_property;
  widget_class->measure = tps_timeline_view_measure;
  widget_class->snapshot = tps_timeline_view_snapshot;
  widget_class->root = tps_timeline_view_root;
  widget_class->unroot = tps_timeline_view_unroot;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  /**
   * TpsTimelineView:history:
   *
   * Where a drag records the new dates; without it the plan is only shown.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  /**
   * TpsTimelineView:selected-measure:
   *
   * The highlighted measure: set by the owner, or by a press on a measure's
   * title or bar.
   */
  properties[PROP_SELECTED_MEASURE] =
    g_param_spec_object ("selected-measure", NULL, NULL, TPS_TYPE_MEASURE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsTimelineView::edit-refused:
   * @message: why, in a sentence for the user
   *
   * A drag ended on dates the model does not take; nothing was changed.
   */
  signals[EDIT_REFUSED] =
    g_signal_new ("edit-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "timeline.move-selection", "i",
                                   move_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "timeline.move-selection", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "timeline.move-selection", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "timeline.move-selection", "i", G_MININT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0,
                                       "timeline.move-selection", "i", G_MAXINT);

  gtk_widget_class_set_css_name (widget_class, "timeline-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tps_timeline_view_init (TpsTimelineView *self)
{
  GtkGesture *drag;
  GtkEventController *motion;

  self->timeline = tps_timeline_new ();
  self->scale = TPS_TIMELINE_SCALE_AUTO;
  self->grouping = TPS_TIMELINE_GROUP_BY_PARENT;

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
tps_timeline_view_new (void)
{
  return g_object_new (TPS_TYPE_TIMELINE_VIEW, NULL);
}

TpsProject *
tps_timeline_view_get_project (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), NULL);
  return self->project;
}

/* A new project opens on today again. */
void
tps_timeline_view_set_project (TpsTimelineView *self,
                               TpsProject      *project)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (self->project == project)
    return;

  end_drag (self);
  tps_timeline_view_set_selected_measure (self, NULL);
  g_set_object (&self->project, project);
  self->scrolled = FALSE;
  tps_timeline_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_timeline_view_get_history (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), NULL);
  return self->history;
}

void
tps_timeline_view_set_history (TpsTimelineView *self,
                               TpsHistory      *history)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (self->history == history)
    return;

  end_drag (self);
  g_set_object (&self->history, history);
  self->scrolled = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TpsMeasure *
tps_timeline_view_get_selected_measure (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), NULL);
  return self->selected;
}

/* Highlights @measure and scrolls its bar into view. */
void
tps_timeline_view_set_selected_measure (TpsTimelineView *self,
                                        TpsMeasure      *measure)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (measure == NULL || TPS_IS_MEASURE (measure));

  if (self->selected == measure)
    return;

  g_set_object (&self->selected, measure);
  tps_timeline_set_highlight (self->timeline, measure);
  if (measure != NULL && self->project != NULL)
    queue_scroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_MEASURE]);
}

TpsTimelineScale
tps_timeline_view_get_scale (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), TPS_TIMELINE_SCALE_AUTO);
  return self->scale;
}

void
tps_timeline_view_set_scale (TpsTimelineView  *self,
                             TpsTimelineScale  scale)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));

  if (self->scale == scale)
    return;

  self->scale = scale;
  tps_timeline_view_refresh (self);
}

TpsTimelineGrouping
tps_timeline_view_get_grouping (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), TPS_TIMELINE_GROUP_BY_PARENT);
  return self->grouping;
}

void
tps_timeline_view_set_grouping (TpsTimelineView     *self,
                                TpsTimelineGrouping  grouping)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  tps_timeline_view_refresh (self);
}

/**
 * tps_timeline_view_refresh:
 *
 * After a change of the model: the plan is laid out again when it is next
 * measured, drawn or hit.
 */
void
tps_timeline_view_refresh (TpsTimelineView *self)
{
  g_return_if_fail (TPS_IS_TIMELINE_VIEW (self));

  self->needs_layout = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tps_timeline_view_get_timeline:
 *
 * Returns: (transfer none): the layout the widget draws and hit-tests,
 * up to date with the project
 */
TpsTimeline *
tps_timeline_view_get_timeline (TpsTimelineView *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE_VIEW (self), NULL);
  return laid_out (self);
}
