/* tps-measures-view-plan.c — the planner's timeline and impact/effort
 * matrix: drawing them through TpsTimeline and TpsEffortMatrix, tooltips,
 * and dragging bars and markers (each drag one undo step)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tps-palette.h"
#include "tps-effort-matrix.h"
#include "tps-health.h"
#include "tps-measure-editor.h"
#include "tps-measure-format.h"
#include "tps-measures-view.h"
#include "tps-measures-view-private.h"
#include "tps-project-edit.h"
#include "tps-timeline.h"
#include "tps-view-util.h"

/* ------------------------------------------------------------------------
 * Timeline
 * ------------------------------------------------------------------------ */

void
tps_measures_view_update_timeline (TpsMeasuresView *self)
{
  g_autofree char *today = tps_health_today ();
  static const TpsTimelineScale scales[] = {
    TPS_TIMELINE_SCALE_AUTO, TPS_TIMELINE_SCALE_MONTH, TPS_TIMELINE_SCALE_QUARTER,
  };
  guint scale = gtk_drop_down_get_selected (self->scale_dropdown);
  guint grouping = gtk_drop_down_get_selected (self->grouping_dropdown);

  tps_timeline_set_scale (self->timeline, scales[MIN (scale, G_N_ELEMENTS (scales) - 1)]);
  tps_timeline_set_grouping (self->timeline, grouping == 1 ? TPS_TIMELINE_GROUP_BY_TYPE
                                                           : TPS_TIMELINE_GROUP_BY_PARENT);
  tps_timeline_set_today (self->timeline, today);
  tps_timeline_set_highlight (self->timeline, self->selected);
  tps_timeline_update (self->timeline, self->project);

  gtk_drawing_area_set_content_width (self->timeline_area,
                                      (int) ceil (tps_timeline_get_width (self->timeline)));
  gtk_drawing_area_set_content_height (self->timeline_area,
                                       (int) ceil (tps_timeline_get_height (self->timeline)));
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_area));
}

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
scroll_timeline (TpsMeasuresView *self)
{
  const TpsTimelineRow *row = NULL;
  double label_width = tps_timeline_get_label_width (self->timeline);
  double header_height = tps_timeline_get_header_height (self->timeline);

  if (self->project == NULL || gtk_adjustment_get_page_size (self->timeline_hadjustment) <= 0)
    return;

  if (self->selected != NULL)
    row = tps_timeline_find_row (self->timeline, self->selected);

  if (row != NULL)
    {
      if (row->scheduled)
        scroll_adjustment_to (self->timeline_hadjustment, row->bar_x0,
                              MIN (row->bar_x1, row->bar_x0 + 400), label_width);
      scroll_adjustment_to (self->timeline_vadjustment, row->y, row->y + row->height,
                            header_height);
    }
  else if (!self->timeline_scrolled)
    {
      double today = tps_timeline_get_today_x (self->timeline);
      double page = gtk_adjustment_get_page_size (self->timeline_hadjustment) - label_width;

      gtk_adjustment_set_value (self->timeline_hadjustment, today - label_width - page / 3);
    }

  self->timeline_scrolled = TRUE;
}

gboolean
tps_measures_view_scroll_timeline_idle (gpointer user_data)
{
  TpsMeasuresView *self = user_data;

  self->scroll_idle = 0;
  scroll_timeline (self);
  return G_SOURCE_REMOVE;
}

/* Scrolling while the scrolled window is being allocated would be lost,
 * so the first scroll waits for the allocation to finish.
 */
void
tps_measures_view_on_timeline_adjustment_changed (TpsMeasuresView *self)
{
  if (!self->timeline_scrolled && self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (tps_measures_view_scroll_timeline_idle, self);
}

void
tps_measures_view_on_timeline_option_changed (TpsMeasuresView *self)
{
  if (self->project != NULL)
    tps_measures_view_update_timeline (self);
}

/* The dates the dragged bar would get if released now. */
static void
drag_dates (TpsMeasuresView *self,
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

static void
get_accent (GtkWidget *widget,
            GdkRGBA   *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  TpsColor accent;

  if (gtk_style_context_lookup_color (context, "accent_bg_color", color))
    return;

  tps_palette_get (TPS_PALETTE_ACCENT, FALSE, &accent);
  *color = (GdkRGBA) { accent.red, accent.green, accent.blue, accent.alpha };
}

static void
draw_timeline_preview (TpsMeasuresView *self,
                       GtkDrawingArea  *area,
                       cairo_t         *cr);

/* The titles and the month header stay in view while the plan scrolls:
 * they are drawn again, by the same renderer, at the scrolled offset.
 */
static void
draw_pinned_parts (TpsMeasuresView *self,
                   cairo_t         *cr)
{
  double label_width = tps_timeline_get_label_width (self->timeline);
  double header_height = tps_timeline_get_header_height (self->timeline);
  double width = tps_timeline_get_width (self->timeline);
  double height = tps_timeline_get_height (self->timeline);
  double h = gtk_adjustment_get_value (self->timeline_hadjustment);
  double v = gtk_adjustment_get_value (self->timeline_vadjustment);
  gboolean dark = tps_measures_view_is_dark ();

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
      cairo_rectangle (cr, h, v, gtk_adjustment_get_page_size (self->timeline_hadjustment),
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

void
tps_measures_view_draw_timeline (GtkDrawingArea *area,
                                 cairo_t        *cr,
                                 int             width,
                                 int             height,
                                 gpointer        user_data)
{
  TpsMeasuresView *self = user_data;

  if (self->project == NULL)
    return;

  tps_timeline_draw (self->timeline, cr, tps_measures_view_is_dark ());
  draw_timeline_preview (self, area, cr);
  draw_pinned_parts (self, cr);
}

/* The preview of a dragged bar with its new dates. */
static void
draw_timeline_preview (TpsMeasuresView *self,
                       GtkDrawingArea  *area,
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

  get_accent (GTK_WIDGET (area), &accent);
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
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), label);
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

void
tps_measures_view_end_drag (TpsMeasuresView *self)
{
  g_clear_object (&self->drag_measure);
  self->dragging = FALSE;
  self->drag_dx = self->drag_dy = 0;
}

void
tps_measures_view_on_timeline_drag_begin (GtkGestureDrag  *gesture,
                                          double           x,
                                          double           y,
                                          TpsMeasuresView *self)
{
  TpsMeasure *measure = NULL;
  TpsTimelineHit hit;
  const TpsTimelineRow *row;

  tps_measures_view_end_drag (self);
  if (self->project == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  hit = tps_timeline_hit_test (self->timeline, x, y, &measure);
  if (measure != NULL)
    tps_measures_view_set_selected_measure (self, measure);

  row = measure != NULL ? tps_timeline_find_row (self->timeline, measure) : NULL;
  if (row == NULL || !row->scheduled
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

void
tps_measures_view_on_timeline_drag_update (GtkGestureDrag  *gesture,
                                           double           dx,
                                           double           dy,
                                           TpsMeasuresView *self)
{
  if (self->drag_measure == NULL)
    return;

  self->drag_dx = dx;
  if (fabs (dx) >= DRAG_THRESHOLD)
    self->dragging = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_area));
}

static void
show_toast (TpsMeasuresView *self,
            const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

void
tps_measures_view_on_timeline_drag_end (GtkGestureDrag  *gesture,
                                        double           dx,
                                        double           dy,
                                        TpsMeasuresView *self)
{
  GDate start, due;
  g_autofree char *start_iso = NULL;
  g_autofree char *due_iso = NULL;
  g_autoptr(GError) error = NULL;

  if (self->drag_measure == NULL || !self->dragging)
    {
      tps_measures_view_end_drag (self);
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
    show_toast (self, error->message);

  tps_measures_view_end_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_area));
}

void
tps_measures_view_on_timeline_motion (GtkEventControllerMotion *motion,
                                      double                    x,
                                      double                    y,
                                      TpsMeasuresView          *self)
{
  const char *cursor = NULL;

  if (self->project == NULL)
    return;

  if (self->drag_measure != NULL)
    cursor = self->drag_hit == TPS_TIMELINE_HIT_BAR ? "grabbing" : "ew-resize";
  else
    switch (tps_timeline_hit_test (self->timeline, x, y, NULL))
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

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->timeline_area), cursor);
}

static char *
measure_tooltip (TpsMeasuresView *self,
                 TpsMeasure      *measure)
{
  g_autofree char *start = tps_format_date (tps_measure_get_start (measure));
  g_autofree char *due = tps_format_date (tps_measure_get_due (measure));
  const char *title = tps_measure_get_title (measure);
  const char *owner = tps_measure_get_owner (measure);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (title != NULL && *title ? title : _("Untitled"),
                                                   -1);

  g_string_append_printf (markup, "<b>%s</b>\n%s", escaped,
                          tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                              tps_measure_get_status (measure)));
  if (owner != NULL)
    {
      g_autofree char *o = g_markup_escape_text (owner, -1);

      g_string_append_printf (markup, " · %s", o);
    }
  if (*start != '\0' || *due != '\0')
    g_string_append_printf (markup, "\n%s – %s", start, due);
  if (tps_measures_view_is_overdue (measure))
    g_string_append_printf (markup, "\n<b>%s</b>", _("Overdue"));
  /* Translators: effort and impact scores in a tooltip */
  g_string_append_printf (markup, "\n");
  g_string_append_printf (markup, _("Effort %d · Impact %d"), tps_measure_get_effort (measure),
                          tps_measure_get_impact (measure));
  if (tps_measure_is_quick_win (measure))
    g_string_append_printf (markup, " · %s", _("Quick win"));

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

gboolean
tps_measures_view_on_timeline_query_tooltip (GtkWidget       *widget,
                                             int              x,
                                             int              y,
                                             gboolean         keyboard,
                                             GtkTooltip      *tooltip,
                                             TpsMeasuresView *self)
{
  TpsMeasure *measure = NULL;
  g_autofree char *markup = NULL;

  if (self->project == NULL || keyboard
      || tps_timeline_hit_test (self->timeline, x, y, &measure) == TPS_TIMELINE_HIT_NONE
      || measure == NULL)
    return FALSE;

  markup = measure_tooltip (self, measure);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Matrix
 * ------------------------------------------------------------------------ */

void
tps_measures_view_update_matrix (TpsMeasuresView *self)
{
  GtkWidget *area = GTK_WIDGET (self->matrix_area);
  GtkWidget *scrolled = gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
  int width = gtk_widget_get_width (area);
  int height = scrolled != NULL ? gtk_widget_get_height (scrolled) : gtk_widget_get_height (area);

  if (self->project == NULL)
    return;

  tps_effort_matrix_set_highlight (self->matrix, self->selected);
  tps_effort_matrix_update (self->matrix, self->project, MAX (width, 480), MAX (height, 420));
  gtk_drawing_area_set_content_height (self->matrix_area,
                                       (int) ceil (tps_effort_matrix_get_height (self->matrix)));
  gtk_widget_queue_draw (area);
}

void
tps_measures_view_on_matrix_resize (GtkDrawingArea  *area,
                                    int              width,
                                    int              height,
                                    TpsMeasuresView *self)
{
  tps_measures_view_update_matrix (self);
}

void
tps_measures_view_draw_matrix (GtkDrawingArea *area,
                               cairo_t        *cr,
                               int             width,
                               int             height,
                               gpointer        user_data)
{
  TpsMeasuresView *self = user_data;
  const TpsMatrixMarker *marker;
  cairo_rectangle_t cell;
  GdkRGBA accent;
  int effort, impact;
  double x, y;

  if (self->project == NULL)
    return;

  tps_effort_matrix_draw (self->matrix, cr, tps_measures_view_is_dark ());

  if (!self->dragging || self->drag_measure == NULL)
    return;

  marker = tps_effort_matrix_find_marker (self->matrix, self->drag_measure);
  if (marker == NULL)
    return;

  /* Where the pointer is: a drag may start on a marker or on its key row. */
  x = self->drag_origin_x + self->drag_dx;
  y = self->drag_origin_y + self->drag_dy;
  tps_effort_matrix_score_at (self->matrix, x, y, &effort, &impact);
  tps_effort_matrix_get_cell (self->matrix, effort, impact, &cell);

  get_accent (GTK_WIDGET (area), &accent);
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

void
tps_measures_view_on_matrix_drag_begin (GtkGestureDrag  *gesture,
                                        double           x,
                                        double           y,
                                        TpsMeasuresView *self)
{
  TpsMeasure *measure;

  tps_measures_view_end_drag (self);
  measure = self->project != NULL ? tps_effort_matrix_hit_test (self->matrix, x, y) : NULL;
  if (measure == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  tps_measures_view_set_selected_measure (self, measure);
  self->drag_measure = g_object_ref (measure);
  self->drag_origin_x = x;
  self->drag_origin_y = y;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
tps_measures_view_on_matrix_drag_update (GtkGestureDrag  *gesture,
                                         double           dx,
                                         double           dy,
                                         TpsMeasuresView *self)
{
  if (self->drag_measure == NULL)
    return;

  self->drag_dx = dx;
  self->drag_dy = dy;
  if (hypot (dx, dy) >= DRAG_THRESHOLD)
    self->dragging = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->matrix_area));
}

void
tps_measures_view_on_matrix_drag_end (GtkGestureDrag  *gesture,
                                      double           dx,
                                      double           dy,
                                      TpsMeasuresView *self)
{
  const TpsMatrixMarker *marker;
  TpsMeasure *measure = self->drag_measure;
  int effort, impact;

  if (measure == NULL || !self->dragging)
    {
      tps_measures_view_end_drag (self);
      return;
    }

  marker = tps_effort_matrix_find_marker (self->matrix, measure);
  if (marker != NULL)
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

  tps_measures_view_end_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->matrix_area));
}

void
tps_measures_view_on_matrix_motion (GtkEventControllerMotion *motion,
                                    double                    x,
                                    double                    y,
                                    TpsMeasuresView          *self)
{
  const char *cursor = NULL;

  if (self->drag_measure != NULL)
    cursor = "grabbing";
  else if (self->project != NULL && tps_effort_matrix_hit_test (self->matrix, x, y) != NULL)
    cursor = "grab";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->matrix_area), cursor);
}

gboolean
tps_measures_view_on_matrix_query_tooltip (GtkWidget       *widget,
                                           int              x,
                                           int              y,
                                           gboolean         keyboard,
                                           GtkTooltip      *tooltip,
                                           TpsMeasuresView *self)
{
  TpsMeasure *measure;
  g_autofree char *markup = NULL;

  if (self->project == NULL || keyboard)
    return FALSE;

  measure = tps_effort_matrix_hit_test (self->matrix, x, y);
  if (measure == NULL)
    return FALSE;

  markup = measure_tooltip (self, measure);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}
