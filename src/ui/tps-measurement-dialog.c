/* tps-measurement-dialog.c
 *
 * A measurement is a small record whose fields only make sense together: a
 * value is valid or not depending on the metric. So it is edited as a
 * whole in a form, and applied as one undo step — adding it, or changing
 * what was changed. Invalid input is marked at its field, explained below
 * the group, and cannot be applied, so the model never holds a CSAT of 7
 * or a date that is not a date.
 *
 * A new measurement continues the KPI measured most recently at the
 * touchpoint (same metric, source and target), because follow-up
 * measurements are what teams enter most; the first measurement of a KPI
 * is its baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tps-analysis.h"
#include "tps-health.h"
#include "tps-measure-format.h"
#include "tps-measurement-dialog.h"
#include "tps-view-util.h"
#include "tps-measurement-series.h"

struct _TpsMeasurementDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *apply_button;
  AdwComboRow *metric_row;
  AdwEntryRow *label_row;
  AdwEntryRow *value_row;
  AdwEntryRow *target_row;
  GtkLabel *kpi_error;
  AdwEntryRow *date_row;
  GtkMenuButton *calendar_button;
  GtkCalendar *calendar;
  AdwComboRow *source_row;
  GtkSwitch *baseline_switch;
  AdwEntryRow *note_row;
  GtkLabel *date_error;

  TpsProject *project;
  TpsHistory *history;
  TpsTouchpoint *touchpoint;
  TpsMeasurement *measurement;

  gboolean setting_date;
};

G_DEFINE_FINAL_TYPE (TpsMeasurementDialog, tps_measurement_dialog, ADW_TYPE_WINDOW)

/* What the form holds, once it is valid. */
typedef struct
{
  TpsMetric metric;
  const char *label;
  double value;
  gboolean has_target;
  double target;
  char *date;
  TpsSource source;
  gboolean baseline;
  const char *note;
} Fields;

/* Dates (shown and read with tps-measure-format's helpers) ------------------ */

static void
on_calendar_day_selected (GtkCalendar          *calendar,
                          TpsMeasurementDialog *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *shown = tps_format_date (iso);

  if (self->setting_date)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
sync_calendar (TpsMeasurementDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *iso = tps_parse_date_input (text);
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return;

  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  self->setting_date = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->setting_date = FALSE;
}

/* Validation -------------------------------------------------------------- */

static void
mark (AdwEntryRow *row,
      const char  *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), error);
}

static char *
check_number (TpsMetric   metric,
              const char *text,
              gboolean    required,
              gboolean   *present,
              double     *number)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  double lo, hi;

  *present = *stripped != '\0';
  if (!*present)
    return required ? g_strdup (_("Enter the measured value.")) : NULL;

  if (!tps_parse_kpi_value (stripped, number))
    return g_strdup_printf (_("“%s” is not a number."), stripped);

  if (!tps_kpi_value_is_sane (*number))
    return tps_kpi_value_too_large_message (stripped);

  if (tps_metric_get_range (metric, &lo, &hi) && (*number < lo || *number > hi))
    {
      g_autofree char *low = tps_kpi_format_value (metric, lo);
      g_autofree char *high = tps_kpi_format_value (metric, hi);
      const char *name = tps_enum_get_label (TPS_TYPE_METRIC, metric);

      if (hi >= G_MAXDOUBLE)
        /* Translators: a metric and its smallest possible value */
        return g_strdup_printf (_("%s cannot be less than %s."), name, low);
      /* Translators: a metric and the range of its values */
      return g_strdup_printf (_("%s lies between %s and %s."), name, low, high);
    }

  return NULL;
}

static void
show_error (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Checks the form, marks what is wrong, and fills @fields when all is well. */
static gboolean
validate (TpsMeasurementDialog *self,
          Fields               *fields)
{
  TpsMetric metric = adw_combo_row_get_selected (self->metric_row);
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  g_autofree char *label_error = NULL;
  g_autofree char *value_error = NULL;
  g_autofree char *target_error = NULL;
  g_autofree char *date_error = NULL;
  g_autofree char *date = NULL;
  gboolean has_value, has_target;
  double value = 0, target = 0;
  gboolean valid;

  g_autofree char *stripped_label = g_strstrip (g_strdup (label));

  if (metric == TPS_METRIC_CUSTOM && *stripped_label == '\0')
    label_error = g_strdup (_("Give the custom KPI a name."));

  value_error = check_number (metric, gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                              TRUE, &has_value, &value);
  target_error = check_number (metric, gtk_editable_get_text (GTK_EDITABLE (self->target_row)),
                               FALSE, &has_target, &target);

  date = tps_parse_date_input (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  if (date == NULL)
    {
      g_autofree char *today = tps_health_today ();
      g_autofree char *example = tps_format_date (today);

      /* Translators: the second %s is today's date as an example */
      date_error = g_strdup_printf (_("“%s” is not a date. Enter it like %s."),
                                    gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                    example);
    }

  /* A value not typed yet is no error to shout about; it only keeps the
   * form from being applied.
   */
  mark (self->label_row, label_error);
  mark (self->value_row, has_value ? value_error : NULL);
  mark (self->target_row, target_error);
  mark (self->date_row, date_error);
  if (label_error != NULL)
    show_error (self->kpi_error, label_error);
  else if (has_value && value_error != NULL)
    show_error (self->kpi_error, value_error);
  else
    show_error (self->kpi_error, target_error);
  show_error (self->date_error, date_error);

  valid = label_error == NULL && value_error == NULL && target_error == NULL && date != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurement.apply", valid);

  if (valid && fields != NULL)
    {
      fields->metric = metric;
      fields->label = metric == TPS_METRIC_CUSTOM ? label : NULL;
      fields->value = value;
      fields->has_target = has_target;
      fields->target = target;
      fields->date = g_steal_pointer (&date);
      fields->source = adw_combo_row_get_selected (self->source_row);
      fields->baseline = gtk_switch_get_active (self->baseline_switch);
      fields->note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
    }

  return valid;
}

static void
on_field_changed (TpsMeasurementDialog *self)
{
  validate (self, NULL);
}

static void
on_date_changed (TpsMeasurementDialog *self)
{
  sync_calendar (self);
  validate (self, NULL);
}

static void
update_metric (TpsMeasurementDialog *self)
{
  TpsMetric metric = adw_combo_row_get_selected (self->metric_row);
  double lo, hi;
  g_autofree char *range = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->label_row), metric == TPS_METRIC_CUSTOM);

  if (tps_metric_get_range (metric, &lo, &hi))
    {
      g_autofree char *low = tps_kpi_format_value (metric, lo);
      g_autofree char *high = tps_kpi_format_value (metric, hi);

      if (hi >= G_MAXDOUBLE)
        /* Translators: the smallest value a metric can take */
        range = g_strdup_printf (_("Values from %s upwards."), low);
      else
        /* Translators: the range of a metric's values */
        range = g_strdup_printf (_("Values from %s to %s."), low, high);
    }
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->metric_row),
                                                    ADW_TYPE_PREFERENCES_GROUP)),
    range);

  validate (self, NULL);
}

/* Applying ---------------------------------------------------------------- */

static void
set_fields (TpsMeasurement *m,
            const Fields   *fields)
{
  tps_measurement_set_metric (m, fields->metric);
  tps_measurement_set_label (m, fields->label);
  tps_measurement_set_value (m, fields->value);
  tps_measurement_set_has_target (m, fields->has_target);
  if (fields->has_target)
    tps_measurement_set_target (m, fields->target);
  tps_measurement_set_date (m, fields->date);
  tps_measurement_set_source (m, fields->source);
  tps_measurement_set_baseline (m, fields->baseline);
  tps_measurement_set_note (m, fields->note);
}

/**
 * tps_measurement_dialog_apply:
 *
 * Adds the new measurement or writes the changes to the edited one, as one
 * undo step, and closes the dialog.
 *
 * Returns: %FALSE, changing nothing, when the form is not valid
 */
gboolean
tps_measurement_dialog_apply (TpsMeasurementDialog *self)
{
  Fields fields = { 0, };

  g_return_val_if_fail (TPS_IS_MEASUREMENT_DIALOG (self), FALSE);

  if (!validate (self, &fields))
    return FALSE;

  if (self->measurement == NULL)
    {
      g_autofree char *id = tps_project_make_id (self->project, "m");
      g_autoptr(TpsMeasurement) m = tps_measurement_new (id);

      /* A new object is filled in before it joins the model, so adding it
       * is the one step to undo.
       */
      set_fields (m, &fields);
      tps_history_append (self->history, tps_touchpoint_get_measurements (self->touchpoint), m);
      self->measurement = g_steal_pointer (&m);
    }
  else
    {
      TpsMeasurement *m = self->measurement;
      g_autofree char *label = g_strdup_printf (_("Measurement “%s” changed"),
                                                tps_measurement_get_metric_name (m));

      tps_history_begin_group (self->history, label);
      tps_history_set (self->history, m,
                       "metric", fields.metric,
                       "label", fields.label,
                       "value", fields.value,
                       "has-target", fields.has_target,
                       "date", fields.date,
                       "source", fields.source,
                       "baseline", fields.baseline,
                       "note", fields.note,
                       NULL);
      if (fields.has_target)
        tps_history_set (self->history, m, "target", fields.target, NULL);
      tps_history_end_group (self->history);
    }

  g_free (fields.date);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tps_measurement_dialog_apply (TPS_MEASUREMENT_DIALOG (widget));
}

/* Filling the form --------------------------------------------------------- */

static void
fill_combo (AdwComboRow *row,
            GType        enum_type)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < tps_enum_get_n_values (enum_type); i++)
    gtk_string_list_append (labels, tps_enum_get_label (enum_type, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The number in full, in the locale's form, so that saving the form
 * unchanged does not round the stored value.
 */
static void
set_number (AdwEntryRow *row,
            gboolean     present,
            double       value)
{
  g_autofree char *text = NULL;

  for (int precision = 0; present && text == NULL; precision++)
    {
      g_autofree char *candidate = g_strdup_printf ("%.*f", precision, value);
      double back;

      if (precision >= 12 || (tps_parse_kpi_value (candidate, &back) && back == value))
        text = g_steal_pointer (&candidate);
    }

  set_text (row, text);
}

static void
fill_from (TpsMeasurementDialog *self,
           TpsMeasurement       *m,
           gboolean              with_value)
{
  g_autofree char *date = tps_format_date (tps_measurement_get_date (m));

  adw_combo_row_set_selected (self->metric_row, tps_measurement_get_metric (m));
  set_text (self->label_row, tps_measurement_get_label (m));
  set_number (self->value_row, with_value, tps_measurement_get_value (m));
  set_number (self->target_row, tps_measurement_get_has_target (m),
              tps_measurement_get_target (m));
  adw_combo_row_set_selected (self->source_row, tps_measurement_get_source (m));
  if (with_value)
    {
      set_text (self->date_row, date);
      gtk_switch_set_active (self->baseline_switch, tps_measurement_get_baseline (m));
      set_text (self->note_row, tps_measurement_get_note (m));
    }
}

static void
fill_defaults (TpsMeasurementDialog *self)
{
  g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series_for (self->touchpoint);
  TpsKpiSeries *latest = tps_kpi_series_pick_latest (series);
  g_autofree char *today = tps_health_today ();
  g_autofree char *shown = tps_format_date (today);

  if (latest != NULL)
    fill_from (self, latest->latest, FALSE);

  set_text (self->date_row, shown);
  gtk_switch_set_active (self->baseline_switch, latest == NULL);
}

static void
tps_measurement_dialog_dispose (GObject *object)
{
  TpsMeasurementDialog *self = TPS_MEASUREMENT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->touchpoint);
  g_clear_object (&self->measurement);

  G_OBJECT_CLASS (tps_measurement_dialog_parent_class)->dispose (object);
}

static void
tps_measurement_dialog_class_init (TpsMeasurementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_measurement_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-measurement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, kpi_error);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, baseline_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasurementDialog, date_error);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);

  gtk_widget_class_install_action (widget_class, "measurement.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tps_measurement_dialog_init (TpsMeasurementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));

  fill_combo (self->metric_row, TPS_TYPE_METRIC);
  fill_combo (self->source_row, TPS_TYPE_SOURCE);
  tps_combo_row_show_whole_value (self->metric_row);
  tps_combo_row_show_whole_value (self->source_row);
}

/**
 * tps_measurement_dialog_new:
 * @measurement: (nullable): the measurement to edit, or %NULL to add one
 *   to @touchpoint
 */
TpsMeasurementDialog *
tps_measurement_dialog_new (TpsProject     *project,
                            TpsHistory     *history,
                            TpsTouchpoint  *touchpoint,
                            TpsMeasurement *measurement)
{
  TpsMeasurementDialog *self;
  g_autofree char *subtitle = NULL;
  const char *title;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TPS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (TPS_IS_TOUCHPOINT (touchpoint), NULL);
  g_return_val_if_fail (measurement == NULL || TPS_IS_MEASUREMENT (measurement), NULL);

  self = g_object_new (TPS_TYPE_MEASUREMENT_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->history = g_object_ref (history);
  self->touchpoint = g_object_ref (touchpoint);
  self->measurement = measurement != NULL ? g_object_ref (measurement) : NULL;

  title = tps_touchpoint_get_title (touchpoint);
  subtitle = g_strdup (title != NULL ? title : _("Untitled touchpoint"));

  if (measurement != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Measurement"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Save"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Measurement"));
      fill_from (self, measurement, TRUE);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add Measurement"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Add"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Measurement"));
      fill_defaults (self);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  g_signal_connect_swapped (self->metric_row, "notify::selected", G_CALLBACK (update_metric),
                            self);
  g_signal_connect_swapped (self->label_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->value_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->target_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->value_row, "entry-activated",
                            G_CALLBACK (tps_measurement_dialog_apply), self);
  sync_calendar (self);
  update_metric (self);

  return self;
}

/* Returns: (transfer none) (nullable): the edited measurement, or the one
 * added once the dialog was applied
 */
TpsMeasurement *
tps_measurement_dialog_get_measurement (TpsMeasurementDialog *self)
{
  g_return_val_if_fail (TPS_IS_MEASUREMENT_DIALOG (self), NULL);

  return self->measurement;
}

gboolean
tps_measurement_dialog_is_valid (TpsMeasurementDialog *self)
{
  g_return_val_if_fail (TPS_IS_MEASUREMENT_DIALOG (self), FALSE);

  return validate (self, NULL);
}
