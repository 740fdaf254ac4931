/* tps-analysis-view.c
 *
 * A scrolled page of four sections. Each chart is a TpsAnalysisChart that
 * draws through the core renderers the report uses; the sentences above
 * them say in words what the chart shows. Nothing is cached: after every
 * change the history reports, the charts are laid out and drawn again
 * from the model, which for a project of a few dozen touchpoints costs
 * less than a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-analysis.h"
#include "tps-analysis-lists.h"
#include "tps-analysis-view-private.h"
#include "tps-view-util.h"

struct _TpsAnalysisView
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *health_summary;
  GtkListBox *health_list;
  GtkLabel *benchmark_summary;
  GtkDropDown *comparator_filter;
  GtkListBox *benchmark_list;
  GtkLabel *consistency_summary;
  GtkListBox *consistency_list;
  GtkLabel *matrix_summary;
  TpsAnalysisChart *matrix_chart;
  GtkLabel *gap_summary;
  TpsAnalysisChart *gap_chart;
  GtkLabel *kpi_summary;
  TpsAnalysisChart *kpi_chart;
  TpsProcessChecklist *checklist;

  TpsProject *project;
  TpsHistory *history;
  TpsTouchpoint *selected;
  gulong history_changed_id;
  char *comparator_id;          /* the comparator "where we trail" compares with; NULL: all */
  gboolean filling_filter;
  TpsViewUpdate *update;        /* refresh once per frame, only while shown */
};

G_DEFINE_FINAL_TYPE (TpsAnalysisView, tps_analysis_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_SELECTED_TOUCHPOINT,
  N_PROPS
};

enum {
  TOUCHPOINT_ACTIVATED,
  SHOW_MEASURE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static TpsAnalysisChart *
chart_of (TpsAnalysisView      *self,
          TpsAnalysisChartKind  kind)
{
  switch (kind)
    {
    case TPS_ANALYSIS_CHART_MATRIX:
      return self->matrix_chart;
    case TPS_ANALYSIS_CHART_PERCEPTION_GAP:
      return self->gap_chart;
    case TPS_ANALYSIS_CHART_KPI_TRENDS:
    default:
      return self->kpi_chart;
    }
}

static void
update_matrix_summary (TpsAnalysisView *self)
{
  guint total = g_list_model_get_n_items (tps_project_get_touchpoints (self->project));
  guint concentrate = tps_analysis_count_quadrant (self->project, TPS_IPA_CONCENTRATE_HERE);
  g_autofree char *text = NULL;

  if (total == 0)
    text = g_strdup (_("Add touchpoints to the journey map and rate their importance and "
                       "today's experience to see where to concentrate."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u touchpoints matters to customers but is "
                                         "not yet delightful: concentrate there first.",
                                         "%u of %u touchpoints matter to customers but are "
                                         "not yet delightful: concentrate there first.",
                                         concentrate),
                            concentrate, total);

  gtk_label_set_label (self->matrix_summary, text);
}

static void
update_gap_summary (TpsAnalysisView *self)
{
  TpsPerceptionSummary summary;
  g_autofree char *headline = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  tps_analysis_get_perception_summary (self->project, &summary);
  headline = tps_perception_summary_to_headline (&summary);
  escaped = g_markup_escape_text (headline, -1);
  markup = g_strdup_printf ("<b>%s.</b> %s", escaped,
                            _("How employees rate each touchpoint in use today against what "
                              "customers experience (Ist), largest gaps first."));
  gtk_label_set_markup (self->gap_summary, markup);
}

static void
update_kpi_summary (TpsAnalysisView *self)
{
  g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series (self->project);
  g_autofree char *text = NULL;
  guint improved = 0;

  for (guint i = 0; i < series->len; i++)
    improved += ((TpsKpiSeries *) g_ptr_array_index (series, i))->verdict == TPS_KPI_IMPROVED;

  if (series->len == 0)
    text = g_strdup (_("Record KPIs per touchpoint in the inspector, the first reading as "
                       "the baseline (Nullmessung), to follow them here."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u KPIs is better than its baseline "
                                         "(Nullmessung). Each chart shows the readings, the "
                                         "baseline and the target.",
                                         "%u of %u KPIs are better than their baseline "
                                         "(Nullmessung). Each chart shows the readings, the "
                                         "baseline and the target.",
                                         improved),
                            improved, series->len);

  gtk_label_set_label (self->kpi_summary, text);
}

static void
update_health (TpsAnalysisView *self)
{
  g_autoptr(GPtrArray) findings = tps_health_check (self->project, NULL);
  guint counts[TPS_HEALTH_N_SEVERITIES];
  g_autofree char *text = NULL;

  tps_health_count (findings, counts);
  /* Translators: the counts of the health check's findings by severity */
  text = g_strdup_printf (_("Critical: %u · Warnings: %u · Hints: %u. Click a finding to go "
                            "to the touchpoint, measure or stage it is about."),
                          counts[TPS_HEALTH_CRITICAL], counts[TPS_HEALTH_WARNING],
                          counts[TPS_HEALTH_HINT]);
  gtk_label_set_label (self->health_summary, text);
  tps_health_list_fill (self->health_list, findings);
}

/* The filter lists "All comparators" and then each comparator; the choice
 * is kept by id across changes.
 */
static void
fill_comparator_filter (TpsAnalysisView *self)
{
  GListModel *comparators = tps_project_get_comparators (self->project);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, _("All comparators"));
  for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
      const char *name = tps_comparator_get_name (comparator);

      gtk_string_list_append (names, name ? name : tps_object_get_id (TPS_OBJECT (comparator)));
      if (g_strcmp0 (self->comparator_id, tps_object_get_id (TPS_OBJECT (comparator))) == 0)
        selected = i + 1;
    }

  self->filling_filter = TRUE;
  gtk_drop_down_set_model (self->comparator_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->comparator_filter, selected);
  self->filling_filter = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->comparator_filter),
                          g_list_model_get_n_items (comparators) > 1);
  if (selected == 0)
    g_clear_pointer (&self->comparator_id, g_free);
}

/* The list for the comparator chosen; the filter itself is left alone, so
 * this can run while the filter reports its selection.
 */
static void
update_benchmark_list (TpsAnalysisView *self)
{
  TpsComparator *only = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autofree char *text = NULL;

  if (self->comparator_id != NULL)
    only = tps_project_find_comparator (self->project, self->comparator_id);

  gaps = tps_benchmark_get_gaps (self->project, only);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Customers hold us to the best they know (liquid "
                                       "expectations). %u touchpoint is rated below a "
                                       "comparator; the largest gap weighted by importance "
                                       "comes first.",
                                       "Customers hold us to the best they know (liquid "
                                       "expectations). %u touchpoints are rated below a "
                                       "comparator; the largest gap weighted by importance "
                                       "comes first.", gaps->len), gaps->len);
  gtk_label_set_label (self->benchmark_summary, text);
  tps_benchmark_list_fill (self->benchmark_list, self->project, gaps);
}

static void
update_benchmark (TpsAnalysisView *self)
{
  fill_comparator_filter (self);
  update_benchmark_list (self);
}

static void
update_consistency (TpsAnalysisView *self)
{
  g_autoptr(GPtrArray) stages = tps_benchmark_get_consistency (self->project);
  guint inconsistent = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < stages->len; i++)
    inconsistent += tps_stage_consistency_is_inconsistent (g_ptr_array_index (stages, i));

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Customers expect one consistent experience across "
                                       "channels. Per stage, the mean Ist of each channel; %u "
                                       "stage has channels two or more steps apart.",
                                       "Customers expect one consistent experience across "
                                       "channels. Per stage, the mean Ist of each channel; %u "
                                       "stages have channels two or more steps apart.",
                                       inconsistent), inconsistent);
  gtk_label_set_label (self->consistency_summary, text);
  tps_consistency_list_fill (self->consistency_list, stages);
}

/* Runs through self->update: while another view is shown, typing in the
 * inspector does not lay out charts nobody sees.
 */
static void
refresh (TpsAnalysisView *self)
{
  if (self->project == NULL)
    return;

  /* A deleted touchpoint is no longer selected. */
  if (self->selected != NULL
      && !tps_list_find (tps_project_get_touchpoints (self->project), self->selected, NULL))
    tps_analysis_view_set_selected_touchpoint (self, NULL);

  update_health (self);
  update_benchmark (self);
  update_consistency (self);
  update_matrix_summary (self);
  update_gap_summary (self);
  update_kpi_summary (self);
  tps_analysis_chart_refresh (self->matrix_chart);
  tps_analysis_chart_refresh (self->gap_chart);
  tps_analysis_chart_refresh (self->kpi_chart);
}

static void
on_chart_touchpoint_activated (TpsAnalysisChart *chart,
                               TpsTouchpoint    *touchpoint,
                               TpsAnalysisView  *self)
{
  tps_analysis_view_set_selected_touchpoint (self, touchpoint);
  g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, touchpoint);
}

/* A touchpoint selected in one chart (with the arrow keys) is selected in
 * all of them.
 */
static void
on_chart_selected (TpsAnalysisChart *chart,
                   GParamSpec       *pspec,
                   TpsAnalysisView  *self)
{
  tps_analysis_view_set_selected_touchpoint (self, tps_analysis_chart_get_selected (chart));
}

static void
on_comparator_filter_selected (GtkDropDown     *dropdown,
                               GParamSpec      *pspec,
                               TpsAnalysisView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(TpsComparator) comparator = NULL;

  if (self->filling_filter || self->project == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    comparator = g_list_model_get_item (tps_project_get_comparators (self->project),
                                        selected - 1);
  g_free (self->comparator_id);
  self->comparator_id = comparator ? g_strdup (tps_object_get_id (TPS_OBJECT (comparator)))
                                   : NULL;
  update_benchmark_list (self);
}

/* A finding or a row is about a touchpoint, a measure or a stage; a stage
 * is shown by its first touchpoint in journey order.
 */
static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  TpsAnalysisView *self)
{
  TpsObject *target = tps_analysis_list_row_get_target (row);

  if (TPS_IS_MEASURE (target))
    g_signal_emit (self, signals[SHOW_MEASURE], 0, target);
  else if (TPS_IS_STAGE (target))
    {
      g_autoptr(GPtrArray) journey = tps_analysis_get_journey (self->project);

      for (guint i = 0; i < journey->len; i++)
        {
          TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);

          if (g_strcmp0 (tps_touchpoint_get_stage_id (touchpoint),
                         tps_object_get_id (target)) == 0)
            {
              on_chart_touchpoint_activated (NULL, touchpoint, self);
              break;
            }
        }
    }
  else if (TPS_IS_TOUCHPOINT (target))
    on_chart_touchpoint_activated (NULL, TPS_TOUCHPOINT (target), self);
}

static void
queue_refresh (TpsAnalysisView *self)
{
  tps_view_update_queue (self->update);
}

static void
tps_analysis_view_dispose (GObject *object)
{
  TpsAnalysisView *self = TPS_ANALYSIS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_ANALYSIS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->history != NULL)
    g_clear_signal_handler (&self->history_changed_id, self->history);
  g_clear_pointer (&self->update, tps_view_update_free);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->comparator_id, g_free);

  G_OBJECT_CLASS (tps_analysis_view_parent_class)->dispose (object);
}

static void
tps_analysis_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpsAnalysisView *self = TPS_ANALYSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTED_TOUCHPOINT:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_analysis_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpsAnalysisView *self = TPS_ANALYSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_analysis_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_analysis_view_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_TOUCHPOINT:
      tps_analysis_view_set_selected_touchpoint (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_analysis_view_class_init (TpsAnalysisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_analysis_view_dispose;
  object_class->get_property = tps_analysis_view_get_property;
  object_class->set_property = tps_analysis_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_TOUCHPOINT] =
    g_param_spec_object ("selected-touchpoint", NULL, NULL, TPS_TYPE_TOUCHPOINT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsAnalysisView::touchpoint-activated:
   * @touchpoint: the touchpoint clicked in one of the charts
   *
   * The user asked to see @touchpoint: the window shows it on the map.
   */
  signals[TOUCHPOINT_ACTIVATED] =
    g_signal_new ("touchpoint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  /**
   * TpsAnalysisView::show-measure:
   * @measure: the measure a health finding is about
   *
   * The user asked to see @measure: the window shows it in the planner.
   */
  signals[SHOW_MEASURE] =
    g_signal_new ("show-measure", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_MEASURE);

  g_type_ensure (TPS_TYPE_ANALYSIS_CHART);
  g_type_ensure (TPS_TYPE_PROCESS_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-analysis-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, health_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, health_list);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, benchmark_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, comparator_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, benchmark_list);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, consistency_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, consistency_list);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, matrix_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, matrix_chart);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, gap_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, gap_chart);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, kpi_summary);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, kpi_chart);
  gtk_widget_class_bind_template_child (widget_class, TpsAnalysisView, checklist);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tps_analysis_view_init (TpsAnalysisView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
  self->update = tps_view_update_new (GTK_WIDGET (self), G_CALLBACK (refresh));

  g_signal_connect (self->health_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->benchmark_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->consistency_list, "row-activated", G_CALLBACK (on_row_activated),
                    self);
  g_signal_connect (self->comparator_filter, "notify::selected",
                    G_CALLBACK (on_comparator_filter_selected), self);

  for (TpsAnalysisChartKind kind = TPS_ANALYSIS_CHART_MATRIX;
       kind <= TPS_ANALYSIS_CHART_KPI_TRENDS; kind++)
    {
      g_signal_connect (chart_of (self, kind), "touchpoint-activated",
                        G_CALLBACK (on_chart_touchpoint_activated), self);
      g_signal_connect (chart_of (self, kind), "notify::selected",
                        G_CALLBACK (on_chart_selected), self);
    }
}

GtkWidget *
tps_analysis_view_new (void)
{
  return g_object_new (TPS_TYPE_ANALYSIS_VIEW, NULL);
}

TpsProject *
tps_analysis_view_get_project (TpsAnalysisView *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return self->project;
}

void
tps_analysis_view_set_project (TpsAnalysisView *self,
                               TpsProject      *project)
{
  g_return_if_fail (TPS_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  tps_analysis_view_set_selected_touchpoint (self, NULL);
  for (TpsAnalysisChartKind kind = TPS_ANALYSIS_CHART_MATRIX;
       kind <= TPS_ANALYSIS_CHART_KPI_TRENDS; kind++)
    tps_analysis_chart_set_project (chart_of (self, kind), project);
  tps_process_checklist_set_project (self->checklist, project);
  queue_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_analysis_view_get_history (TpsAnalysisView *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return self->history;
}

void
tps_analysis_view_set_history (TpsAnalysisView *self,
                               TpsHistory      *history)
{
  g_return_if_fail (TPS_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (!tps_view_follow_history (&self->history, &self->history_changed_id, history,
                                G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED))
    return;

  tps_process_checklist_set_history (self->checklist, history);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TpsTouchpoint *
tps_analysis_view_get_selected_touchpoint (TpsAnalysisView *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return self->selected;
}

/* Highlights @touchpoint in every chart, e.g. the one selected on the map. */
void
tps_analysis_view_set_selected_touchpoint (TpsAnalysisView *self,
                                           TpsTouchpoint   *touchpoint)
{
  g_return_if_fail (TPS_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (touchpoint == NULL || TPS_IS_TOUCHPOINT (touchpoint));

  if (!g_set_object (&self->selected, touchpoint))
    return;

  for (TpsAnalysisChartKind kind = TPS_ANALYSIS_CHART_MATRIX;
       kind <= TPS_ANALYSIS_CHART_KPI_TRENDS; kind++)
    tps_analysis_chart_set_selected (chart_of (self, kind), touchpoint);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TOUCHPOINT]);
}

TpsAnalysisChart *
tps_analysis_view_get_chart (TpsAnalysisView      *self,
                             TpsAnalysisChartKind  kind)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return chart_of (self, kind);
}

TpsProcessChecklist *
tps_analysis_view_get_checklist (TpsAnalysisView *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return self->checklist;
}

GtkListBox *
tps_analysis_view_get_list (TpsAnalysisView     *self,
                            TpsAnalysisListKind  kind)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);

  switch (kind)
    {
    case TPS_ANALYSIS_LIST_HEALTH:
      return self->health_list;
    case TPS_ANALYSIS_LIST_BENCHMARK:
      return self->benchmark_list;
    case TPS_ANALYSIS_LIST_CONSISTENCY:
    default:
      return self->consistency_list;
    }
}

GtkDropDown *
tps_analysis_view_get_comparator_filter (TpsAnalysisView *self)
{
  g_return_val_if_fail (TPS_IS_ANALYSIS_VIEW (self), NULL);
  return self->comparator_filter;
}

/* Scrolls the health check into view, for the header bar's count. */
void
tps_analysis_view_show_health (TpsAnalysisView *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (TPS_IS_ANALYSIS_VIEW (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_widget_grab_focus (GTK_WIDGET (self->health_list));
}
