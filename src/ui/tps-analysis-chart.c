/* tps-analysis-chart.c
 *
 * The widget owns no geometry: the core renderer lays the chart out for the
 * widget's size on every draw and every hit test, so what is under the
 * pointer is always what was drawn there, and the chart on screen is the
 * chart in the report. The chart asks for the height its content needs at
 * the width it gets (height-for-width), so a long perception gap list or
 * many KPIs make the page scroll rather than squeeze.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tps-analysis-chart.h"
#include "tps-analysis-charts.h"

struct _TpsAnalysisChart
{
  GtkWidget parent_instance;

  TpsAnalysisChartKind kind;
  TpsProject *project;
  TpsTouchpoint *selected;
  TpsTouchpoint *hovered;
};

G_DEFINE_FINAL_TYPE (TpsAnalysisChart, tps_analysis_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (TpsAnalysisChartKind, tps_analysis_chart_kind,
  G_DEFINE_ENUM_VALUE (TPS_ANALYSIS_CHART_MATRIX, "matrix"),
  G_DEFINE_ENUM_VALUE (TPS_ANALYSIS_CHART_PERCEPTION_GAP, "perception-gap"),
  G_DEFINE_ENUM_VALUE (TPS_ANALYSIS_CHART_KPI_TRENDS, "kpi-trends"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_PROJECT,
  PROP_SELECTED,
  N_PROPS
};

enum {
  TOUCHPOINT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_WIDTH 760

static void
chart_options (TpsAnalysisChart        *self,
               TpsAnalysisChartOptions *options)
{
  tps_analysis_chart_options_init (options);
  options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options->selected = self->selected;
  options->hovered = self->hovered;
}

static double
height_for_width (TpsAnalysisChart *self,
                  double            width)
{
  TpsAnalysisChartOptions options;

  if (self->project == NULL)
    return 0;

  chart_options (self, &options);
  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      return tps_analysis_matrix_get_height (self->project, width, &options);
    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      return tps_analysis_perception_gap_get_height (self->project, width, &options);
    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      return tps_analysis_kpi_trends_get_height (self->project, width, &options);
    }
}

static GtkSizeRequestMode
tps_analysis_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tps_analysis_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TpsAnalysisChart *self = TPS_ANALYSIS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->kind == TPS_ANALYSIS_CHART_MATRIX
                 ? (int) TPS_ANALYSIS_MATRIX_MIN_WIDTH : 320;
      *natural = MAX (*minimum, DEFAULT_WIDTH);
    }
  else
    {
      double height = height_for_width (self, for_size > 0 ? for_size : DEFAULT_WIDTH);

      *minimum = *natural = (int) ceil (height);
    }
}

static void
tps_analysis_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TpsAnalysisChart *self = TPS_ANALYSIS_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TpsAnalysisChartOptions options;
  cairo_t *cr;

  if (self->project == NULL || width <= 0 || height <= 0)
    return;

  chart_options (self, &options);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      tps_analysis_render_matrix (cr, self->project, width, height, &options);
      break;
    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      tps_analysis_render_perception_gap (cr, self->project, width, height, &options);
      break;
    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      tps_analysis_render_kpi_trends (cr, self->project, width, height, &options);
      break;
    }
  cairo_destroy (cr);
}

/**
 * tps_analysis_chart_hit_test:
 *
 * Returns: (transfer none) (nullable): the touchpoint drawn at (@x, @y)
 */
TpsTouchpoint *
tps_analysis_chart_hit_test (TpsAnalysisChart *self,
                             double            x,
                             double            y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TpsAnalysisChartOptions options;

  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), NULL);

  if (self->project == NULL || width <= 0 || height <= 0)
    return NULL;

  chart_options (self, &options);
  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      return tps_analysis_matrix_hit_test (self->project, width, height, &options, x, y);
    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      return tps_analysis_perception_gap_hit_test (self->project, width, height, &options,
                                                   x, y);
    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      return tps_analysis_kpi_trends_hit_test (self->project, width, height, &options, x, y);
    }
}

/**
 * tps_analysis_chart_activate_at:
 *
 * What a click does: selects the touchpoint drawn at (@x, @y) and emits
 * #TpsAnalysisChart::touchpoint-activated for it.
 *
 * Returns: whether there was a touchpoint
 */
gboolean
tps_analysis_chart_activate_at (TpsAnalysisChart *self,
                                double            x,
                                double            y)
{
  TpsTouchpoint *touchpoint;

  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), FALSE);

  touchpoint = tps_analysis_chart_hit_test (self, x, y);
  if (touchpoint == NULL)
    return FALSE;

  tps_analysis_chart_set_selected (self, touchpoint);
  return tps_analysis_chart_activate_selected (self);
}

static void
set_hovered (TpsAnalysisChart *self,
             TpsTouchpoint    *touchpoint)
{
  if (self->hovered == touchpoint)
    return;

  g_set_object (&self->hovered, touchpoint);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), touchpoint != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TpsAnalysisChart         *self)
{
  set_hovered (self, tps_analysis_chart_hit_test (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          TpsAnalysisChart         *self)
{
  set_hovered (self, NULL);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             TpsAnalysisChart *self)
{
  if (n_press == 1 && tps_analysis_chart_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static char *
tooltip_markup (TpsAnalysisChart *self,
                TpsTouchpoint    *touchpoint)
{
  g_autofree char *title = g_markup_escape_text (tps_touchpoint_get_title (touchpoint) ?: "",
                                                 -1);
  GString *markup = g_string_new (NULL);
  int importance = tps_touchpoint_get_importance (touchpoint);
  int current = tps_touchpoint_get_current (touchpoint);

  g_string_append_printf (markup, "<b>%s</b>", *title ? title : _("Untitled touchpoint"));

  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      g_string_append_c (markup, '\n');
      /* Translators: a touchpoint's importance (1 to 5) and today's rating */
      g_string_append_printf (markup, _("Importance %d of 5 · today: %s"), importance,
                              tps_rating_get_label (current));
      g_string_append_printf (markup, "\n<i>%s</i>",
                              tps_ipa_quadrant_get_label (tps_ipa_quadrant_for (importance,
                                                                                current)));
      break;

    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, _("Customers: %s"), tps_rating_get_label (current));
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, _("Employees: %s"),
                              tps_rating_get_label (tps_touchpoint_get_internal (touchpoint)));
      break;

    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      {
        g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series_for (touchpoint);

        for (guint i = 0; i < series->len; i++)
          {
            TpsKpiSeries *s = g_ptr_array_index (series, i);
            g_autofree char *name = g_markup_escape_text (tps_kpi_series_get_name (s), -1);
            g_autofree char *value =
              tps_kpi_format_value (s->metric, tps_measurement_get_value (s->latest));

            g_string_append_printf (markup, "\n%s: %s", name, value);
            if (s->verdict != TPS_KPI_NO_COMPARISON)
              {
                g_autofree char *change = tps_kpi_format_change (s->metric, s->change);

                g_string_append (markup, " (");
                /* Translators: a KPI's change since the baseline ("+0.9 vs baseline") */
                g_string_append_printf (markup, _("%s vs baseline"), change);
                g_string_append (markup, ")");
              }
          }
      }
      break;
    }

  g_string_append_printf (markup, "\n<small>%s</small>", _("Click to show it on the map"));
  return g_string_free (markup, FALSE);
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  TpsAnalysisChart *self)
{
  TpsTouchpoint *touchpoint = tps_analysis_chart_hit_test (self, x, y);
  g_autofree char *markup = NULL;

  if (touchpoint == NULL)
    return FALSE;

  markup = tooltip_markup (self, touchpoint);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* What a screen reader says for the chart: its name and its gist. */
static void
update_accessible (TpsAnalysisChart *self)
{
  g_autofree char *description = NULL;
  const char *label;

  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      label = _("Importance/performance matrix");
      if (self->project != NULL)
        description = g_strdup_printf (_("%u touchpoints to concentrate on, %u to keep up, "
                                         "%u of low priority, %u possible overkill"),
                                       tps_analysis_count_quadrant (self->project,
                                                                    TPS_IPA_CONCENTRATE_HERE),
                                       tps_analysis_count_quadrant (self->project,
                                                                    TPS_IPA_KEEP_UP),
                                       tps_analysis_count_quadrant (self->project,
                                                                    TPS_IPA_LOW_PRIORITY),
                                       tps_analysis_count_quadrant (self->project,
                                                                    TPS_IPA_POSSIBLE_OVERKILL));
      break;

    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      label = _("Perception gap");
      if (self->project != NULL)
        {
          TpsPerceptionSummary summary;

          tps_analysis_get_perception_summary (self->project, &summary);
          description = tps_perception_summary_to_headline (&summary);
        }
      break;

    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      label = _("KPI trends");
      if (self->project != NULL)
        {
          g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series (self->project);
          guint improved = 0;

          for (guint i = 0; i < series->len; i++)
            improved += ((TpsKpiSeries *) g_ptr_array_index (series, i))->verdict
                        == TPS_KPI_IMPROVED;
          description = g_strdup_printf (_("%u of %u KPIs better than their baseline"),
                                         improved, series->len);
        }
      break;
    }

  /* With a touchpoint selected (by click or arrow key), say what the
   * tooltip says about it.
   */
  if (self->selected != NULL && self->project != NULL)
    {
      g_autofree char *markup = tooltip_markup (self, self->selected);
      char *text = NULL;

      if (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
        {
          g_free (description);
          description = text;
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* After any change to the model: the content, and so the height, may
 * differ.
 */
void
tps_analysis_chart_refresh (TpsAnalysisChart *self)
{
  g_return_if_fail (TPS_IS_ANALYSIS_CHART (self));

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The touchpoints in the order the chart shows them, for the keyboard:
 * journey order in the matrix, largest gap first in the perception gap,
 * chart by chart in the KPI trends.
 */
static GPtrArray *
touchpoints_in_order (TpsAnalysisChart *self)
{
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  switch (self->kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      g_ptr_array_unref (order);
      return tps_analysis_get_journey (self->project);

    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      {
        g_autoptr(GArray) gaps = tps_analysis_get_perception_gaps (self->project);

        for (guint i = 0; i < gaps->len; i++)
          g_ptr_array_add (order,
                           g_object_ref (g_array_index (gaps, TpsPerceptionGap, i).touchpoint));
      }
      break;

    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      {
        g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series (self->project);

        for (guint i = 0; i < series->len; i++)
          {
            TpsKpiSeries *one = g_ptr_array_index (series, i);
            TpsTouchpoint *touchpoint = one->touchpoint;

            if (order->len == 0 || g_ptr_array_index (order, order->len - 1) != touchpoint)
              g_ptr_array_add (order, g_object_ref (touchpoint));
          }
      }
      break;
    }

  return order;
}

/**
 * tps_analysis_chart_move_selection:
 * @step: -1 for the previous touchpoint, 1 for the next
 *
 * What the arrow keys do: selects the touchpoint before or after the
 * selected one in the chart's order (the first or the last when none is
 * selected).
 *
 * Returns: %FALSE at either end, where focus should move on
 */
gboolean
tps_analysis_chart_move_selection (TpsAnalysisChart *self,
                                   int               step)
{
  g_autoptr(GPtrArray) order = NULL;
  guint position = 0;

  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  order = touchpoints_in_order (self);
  if (order->len == 0)
    return FALSE;

  if (self->selected == NULL || !g_ptr_array_find (order, self->selected, &position))
    position = step > 0 ? 0 : order->len - 1;
  else if ((step < 0 && position == 0) || (step > 0 && position + 1 == order->len))
    return FALSE;
  else
    position += step > 0 ? 1 : -1;

  tps_analysis_chart_set_selected (self, g_ptr_array_index (order, position));
  return TRUE;
}

/**
 * tps_analysis_chart_activate_selected:
 *
 * What Enter does: emits #TpsAnalysisChart::touchpoint-activated for the
 * selected touchpoint.
 *
 * Returns: whether a touchpoint was selected
 */
gboolean
tps_analysis_chart_activate_selected (TpsAnalysisChart *self)
{
  g_autoptr(TpsTouchpoint) touchpoint = NULL;

  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), FALSE);

  if (self->selected == NULL)
    return FALSE;

  /* The signal handler may replace the project; keep the touchpoint. */
  touchpoint = g_object_ref (self->selected);
  g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, touchpoint);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TpsAnalysisChart      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      return tps_analysis_chart_activate_selected (self);

    case GDK_KEY_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Left:
      return tps_analysis_chart_move_selection (self, -1);

    case GDK_KEY_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Right:
      return tps_analysis_chart_move_selection (self, 1);

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_dark_changed (TpsAnalysisChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tps_analysis_chart_dispose (GObject *object)
{
  TpsAnalysisChart *self = TPS_ANALYSIS_CHART (object);

  g_clear_object (&self->project);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);

  G_OBJECT_CLASS (tps_analysis_chart_parent_class)->dispose (object);
}

static void
tps_analysis_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpsAnalysisChart *self = TPS_ANALYSIS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_analysis_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpsAnalysisChart *self = TPS_ANALYSIS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      update_accessible (self);
      break;
    case PROP_PROJECT:
      tps_analysis_chart_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      tps_analysis_chart_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_analysis_chart_class_init (TpsAnalysisChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_analysis_chart_dispose;
  object_class->get_property = tps_analysis_chart_get_property;
  object_class->set_property = tps_analysis_chart_set_property;

  widget_class->get_request_mode = tps_analysis_chart_get_request_mode;
  widget_class->measure = tps_analysis_chart_measure;
  widget_class->snapshot = tps_analysis_chart_snapshot;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TPS_TYPE_ANALYSIS_CHART_KIND,
                       TPS_ANALYSIS_CHART_MATRIX,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, TPS_TYPE_TOUCHPOINT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsAnalysisChart::touchpoint-activated:
   * @touchpoint: the touchpoint clicked
   */
  signals[TOUCHPOINT_ACTIVATED] =
    g_signal_new ("touchpoint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  gtk_widget_class_set_css_name (widget_class, "analysis-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tps_analysis_chart_init (TpsAnalysisChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tps_analysis_chart_new (TpsAnalysisChartKind kind)
{
  return g_object_new (TPS_TYPE_ANALYSIS_CHART, "kind", kind, NULL);
}

TpsAnalysisChartKind
tps_analysis_chart_get_kind (TpsAnalysisChart *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), TPS_ANALYSIS_CHART_MATRIX);
  return self->kind;
}

TpsProject *
tps_analysis_chart_get_project (TpsAnalysisChart *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), NULL);
  return self->project;
}

void
tps_analysis_chart_set_project (TpsAnalysisChart *self,
                                TpsProject       *project)
{
  g_return_if_fail (TPS_IS_ANALYSIS_CHART (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_clear_object (&self->hovered);
  tps_analysis_chart_set_selected (self, NULL);
  tps_analysis_chart_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsTouchpoint *
tps_analysis_chart_get_selected (TpsAnalysisChart *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_CHART (self), NULL);
  return self->selected;
}

void
tps_analysis_chart_set_selected (TpsAnalysisChart *self,
                                 TpsTouchpoint    *touchpoint)
{
  g_return_if_fail (TPS_IS_ANALYSIS_CHART (self));
  g_return_if_fail (touchpoint == NULL || TPS_IS_TOUCHPOINT (touchpoint));

  if (!g_set_object (&self->selected, touchpoint))
    return;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
