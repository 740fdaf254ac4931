/* tps-touchpoint-inspector-kpi.c — the inspector's monitoring sections:
 * the touchpoint's measurements (KPIs) with their chart, its linked
 * measures and the comparators' ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tps-palette.h"
#include "tps-analysis.h"
#include "tps-bind.h"
#include "tps-chip-box.h"
#include "tps-completion.h"
#include "tps-measurement-dialog.h"
#include "tps-map-renderer.h"
#include "tps-measurement-series.h"
#include "tps-project-edit.h"
#include "tps-rating-selector.h"
#include "tps-rating-style.h"
#include "tps-touchpoint-inspector.h"
#include "tps-touchpoint-inspector-private.h"
#include "tps-view-util.h"

/* Measurements ------------------------------------------------------------ */

static char *
format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (!tps_date_is_valid (iso_date) || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso_date != NULL ? iso_date : "");

  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  return g_date_time_format (dt, "%x");
}

char *
tps_touchpoint_inspector_measurements_signature (TpsTouchpoint *tp)
{
  GListModel *measurements = tps_touchpoint_get_measurements (tp);
  GString *sig = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);

      g_string_append_printf (sig, "%p|%s|%d|%s|%.17g|%d|%.17g|%d|%d|%s\x1e", m,
                              tps_measurement_get_date (m), tps_measurement_get_metric (m),
                              tps_measurement_get_label (m), tps_measurement_get_value (m),
                              tps_measurement_get_has_target (m),
                              tps_measurement_get_target (m), tps_measurement_get_source (m),
                              tps_measurement_get_baseline (m), tps_measurement_get_note (m));
    }

  return g_string_free (sig, FALSE);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
measurement_row_new (TpsKpiSeries   *series,
                     TpsMeasurement *m)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;
  g_autofree char *value = tps_kpi_format_value (series->metric, tps_measurement_get_value (m));
  g_autofree char *date = format_date (tps_measurement_get_date (m));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *id = tps_object_get_id (TPS_OBJECT (m));
  const char *note = tps_measurement_get_note (m);

  /* Translators: a measurement's date and source, "16.03.2026 · Customer survey" */
  g_string_printf (subtitle, _("%s · %s"), date,
                   tps_enum_get_label (TPS_TYPE_SOURCE, tps_measurement_get_source (m)));
  if (tps_measurement_get_has_target (m))
    {
      g_autofree char *target = tps_kpi_format_value (series->metric,
                                                      tps_measurement_get_target (m));

      g_string_append (subtitle, " · ");
      /* Translators: the target value of a measurement */
      g_string_append_printf (subtitle, _("target %s"), target);
    }
  if (note != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, escaped);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (row, "tps-measurement-row");

  if (tps_measurement_get_baseline (m))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tps_view_badge_new (_("Baseline"),
                                                                   "tps-baseline-badge",
                                                                   _("The baseline (Nullmessung) "
                                                                     "later measurements "
                                                                     "are compared with")));

  edit = icon_button ("document-edit-symbolic", _("Edit Measurement"),
                      "inspector.edit-measurement", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Delete Measurement"),
                                          "inspector.delete-measurement", id));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
on_series_expanded (AdwExpanderRow         *row,
                    GParamSpec             *pspec,
                    TpsTouchpointInspector *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "series-name");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded_series, g_strdup (name));
  else
    g_hash_table_remove (self->expanded_series, name);
}

GtkWidget *
tps_touchpoint_inspector_placeholder_row (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "tps-placeholder");
  return label;
}

void
tps_touchpoint_inspector_update_measurements (TpsTouchpointInspector *self)
{
  g_autofree char *sig = tps_touchpoint_inspector_measurements_signature (self->touchpoint);
  g_autoptr(GPtrArray) all_series = NULL;

  if (!tps_view_signature_changed (&self->measurements_signature, sig))
    return;

  tps_view_clear_list_box (self->measurements_list);
  all_series = tps_analysis_get_kpi_series_for (self->touchpoint);

  for (guint s = 0; s < all_series->len; s++)
    {
      TpsKpiSeries *series = g_ptr_array_index (all_series, s);
      const char *name = tps_kpi_series_get_name (series);
      g_autofree char *summary = tps_kpi_series_describe_value (series);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *trend;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
      gtk_widget_set_tooltip_text (row, summary);
      g_object_set_data_full (G_OBJECT (row), "series-name", g_strdup (name), g_free);

      /* An arrow the way the value moved, coloured by whether that is
       * good; a dot for a series that has only its baseline so far.
       */
      if (series->verdict == TPS_KPI_NO_COMPARISON)
        trend = gtk_image_new_from_icon_name ("media-record-symbolic");
      else if (series->verdict == TPS_KPI_UNCHANGED)
        trend = gtk_image_new_from_icon_name ("pan-end-symbolic");
      else
        trend = gtk_image_new_from_icon_name (series->change > 0 ? "go-up-symbolic"
                                                                 : "go-down-symbolic");
      gtk_widget_set_tooltip_text (trend, series->verdict == TPS_KPI_IMPROVED
                                          ? _("Better than the baseline")
                                          : series->verdict == TPS_KPI_WORSENED
                                          ? _("Worse than the baseline")
                                          : series->verdict == TPS_KPI_UNCHANGED
                                          ? _("Unchanged since the baseline")
                                          : _("Only the baseline so far"));
      gtk_widget_add_css_class (trend, tps_kpi_verdict_style_class (series->verdict));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), trend);

      for (guint i = series->measurements->len; i > 0; i--)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  measurement_row_new (series,
                                                       g_ptr_array_index (series->measurements,
                                                                          i - 1)));

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     g_hash_table_contains (self->expanded_series, name));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (on_series_expanded), self);
      gtk_list_box_append (self->measurements_list, row);
    }
}

static TpsMeasurement *
find_measurement (TpsTouchpointInspector *self,
                  const char             *id,
                  guint                  *position)
{
  GListModel *measurements = tps_touchpoint_get_measurements (self->touchpoint);

  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);

      if (g_strcmp0 (tps_object_get_id (TPS_OBJECT (m)), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return m;  /* the list holds a reference */
        }
    }

  return NULL;
}

static void
present_measurement_dialog (TpsTouchpointInspector *self,
                            TpsMeasurement         *measurement)
{
  TpsMeasurementDialog *dialog = tps_measurement_dialog_new (self->project, self->history,
                                                             self->touchpoint, measurement);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tps_touchpoint_inspector_add_measurement_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);

  if (tps_touchpoint_inspector_is_ready (self))
    present_measurement_dialog (self, NULL);
}

void
tps_touchpoint_inspector_edit_measurement_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);
  TpsMeasurement *m;

  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  m = find_measurement (self, g_variant_get_string (parameter, NULL), NULL);
  if (m != NULL)
    present_measurement_dialog (self, m);
}

void
tps_touchpoint_inspector_delete_measurement_action (GtkWidget  *widget,
                                                    const char *action_name,
                                                    GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);
  guint position;

  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  /* No question asked: the deletion is one undo step away from undone. */
  if (find_measurement (self, g_variant_get_string (parameter, NULL), &position) != NULL)
    tps_history_remove (self->history, tps_touchpoint_get_measurements (self->touchpoint),
                        position);
}

/* Measures ---------------------------------------------------------------- */

static gboolean
measure_links (TpsMeasure *measure,
               const char *touchpoint_id)
{
  const char * const *ids = tps_measure_get_touchpoint_ids (measure);

  return ids != NULL && touchpoint_id != NULL && g_strv_contains (ids, touchpoint_id);
}

static GtkWidget *
measure_row_new (TpsMeasure *measure)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = tps_measure_get_title (measure);
  const char *due = tps_measure_get_due (measure);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  escaped = g_markup_escape_text (title != NULL && *title != '\0' ? title
                                                                  : _("Untitled measure"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);

  if (due != NULL)
    {
      g_autofree char *date = format_date (due);

      /* Translators: a measure's status and its due date, "Planned · due 31.05.2026" */
      subtitle = g_strdup_printf (_("%s · due %s"),
                                  tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                                      tps_measure_get_status (measure)),
                                  date);
    }
  else
    subtitle = g_strdup (tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                             tps_measure_get_status (measure)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (tps_measure_is_quick_win (measure))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tps_view_badge_new (
                                 _("Quick win"), "quick-win-badge",
                                 _("High impact for little effort")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "inspector.show-measure");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s",
                                    tps_object_get_id (TPS_OBJECT (measure)));
  return row;
}

void
tps_touchpoint_inspector_update_measures (TpsTouchpointInspector *self)
{
  GListModel *measures = tps_project_get_measures (self->project);
  const char *id = tps_object_get_id (TPS_OBJECT (self->touchpoint));
  g_autoptr(GPtrArray) linked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sig = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);

      if (!measure_links (measure, id))
        continue;

      g_string_append_printf (sig, "%s|%s|%d|%s|%d\x1e",
                              tps_object_get_id (TPS_OBJECT (measure)),
                              tps_measure_get_title (measure), tps_measure_get_status (measure),
                              tps_measure_get_due (measure), tps_measure_is_quick_win (measure));
      g_ptr_array_add (linked, g_steal_pointer (&measure));
    }

  if (!tps_view_signature_changed (&self->measures_signature, sig->str))
    return;

  tps_view_clear_list_box (self->measures_list);
  for (guint i = 0; i < linked->len; i++)
    gtk_list_box_append (self->measures_list, measure_row_new (g_ptr_array_index (linked, i)));
}

/* Comparators ------------------------------------------------------------ */

/* A comparator's rating as a combo row: "Not rated", then the five steps. */
static void
on_comparator_row_selected (AdwComboRow            *row,
                            GParamSpec             *pspec,
                            TpsTouchpointInspector *self)
{
  TpsComparator *comparator = g_object_get_data (G_OBJECT (row), "tps-comparator");
  guint selected = adw_combo_row_get_selected (row);

  if (g_object_get_data (G_OBJECT (row),
                         "tps-updating") != NULL || !tps_touchpoint_inspector_is_ready (self)
      || selected == GTK_INVALID_LIST_POSITION)
    return;

  tps_project_set_comparator_rating (self->history, comparator,
                                     tps_object_get_id (TPS_OBJECT (self->touchpoint)),
                                     selected > 0, (int) selected - 1 + TPS_RATING_MIN);
}

static GtkWidget *
comparator_row_new (TpsTouchpointInspector *self,
                    TpsComparator          *comparator)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autofree char *title = g_markup_escape_text (tps_comparator_get_name (comparator)
                                                 ? tps_comparator_get_name (comparator) : "",
                                                 -1);

  gtk_string_list_append (steps, _("Not rated"));
  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      g_autofree char *number = tps_rating_format (rating);
      g_autofree char *text = g_strdup_printf ("%s %s", number, tps_rating_get_label (rating));

      gtk_string_list_append (steps, text);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               tps_enum_get_label (TPS_TYPE_COMPARATOR_KIND,
                                                   tps_comparator_get_kind (comparator)));
  adw_combo_row_set_model (row, G_LIST_MODEL (steps));
  g_object_set_data_full (G_OBJECT (row), "tps-comparator", g_object_ref (comparator),
                          g_object_unref);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_comparator_row_selected), self);
  return GTK_WIDGET (row);
}

/* The rows are rebuilt only when the comparators themselves change; a new
 * rating (from here, an undo or the CSV) is set on the existing row.
 */
void
tps_touchpoint_inspector_update_comparators (TpsTouchpointInspector *self)
{
  GListModel *comparators = tps_project_get_comparators (self->project);
  const char *id = tps_object_get_id (TPS_OBJECT (self->touchpoint));
  g_autoptr(GString) sig = g_string_new (NULL);
  GtkListBoxRow *row;
  guint n = g_list_model_get_n_items (comparators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);

      g_string_append_printf (sig, "%p|%s|%d\x1e", (gpointer) comparator,
                              tps_comparator_get_name (comparator),
                              tps_comparator_get_kind (comparator));
    }

  if (tps_view_signature_changed (&self->comparators_signature, sig->str))
    {
      while ((row = gtk_list_box_get_row_at_index (self->comparators_list, 0)) != NULL)
        gtk_list_box_remove (self->comparators_list, GTK_WIDGET (row));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
          gtk_list_box_append (self->comparators_list, comparator_row_new (self, comparator));
        }
    }

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->comparators_list, i)) != NULL;
       i++)
    {
      TpsComparator *comparator = g_object_get_data (G_OBJECT (row), "tps-comparator");
      int value;
      guint selected = tps_comparator_get_rating (comparator, id, &value)
                       ? (guint) (value - TPS_RATING_MIN + 1) : 0;

      g_object_set_data (G_OBJECT (row), "tps-updating", GINT_TO_POINTER (TRUE));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "tps-updating", NULL);
    }
}

void
tps_touchpoint_inspector_show_measure_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);
  TpsMeasure *measure;

  if (self->project == NULL)
    return;

  measure = tps_project_find_measure (self->project, g_variant_get_string (parameter, NULL));
  if (measure != NULL)
    g_signal_emit_by_name (self, "show-measure", measure);
}

/* A new measure linked to this touchpoint, named after it and owned by the
 * touchpoint's department; creating and linking are one undo step. The
 * planner (through "show-measure") takes it from there.
 */
void
tps_touchpoint_inspector_create_measure_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);
  g_autoptr(TpsMeasure) measure = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  const char *tp_title;

  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  tp_title = tps_view_name_or (TPS_OBJECT (self->touchpoint),
                                               _("Untitled touchpoint"));
  id = tps_project_make_id (self->project, "x");
  measure = tps_measure_new (id);
  /* Translators: the title of a new measure; %s is the touchpoint */
  title = g_strdup_printf (_("Improve “%s”"), tp_title);
  tps_measure_set_title (measure, title);
  tps_measure_set_owner (measure, tps_touchpoint_get_owner (self->touchpoint));

  /* Translators: undo label; %s is the touchpoint */
  label = g_strdup_printf (_("Measure for “%s” created"), tp_title);
  tps_history_begin_group (self->history, label);
  tps_project_add_measure (self->project, self->history, measure);
  if (!tps_project_link_touchpoint (self->project, self->history, measure,
                                    tps_object_get_id (TPS_OBJECT (self->touchpoint)), &error))
    g_warning ("Cannot link the new measure: %s", error->message);
  tps_history_end_group (self->history);

  g_signal_emit_by_name (self, "show-measure", measure);
}
