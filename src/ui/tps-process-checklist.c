/* tps-process-checklist.c
 *
 * One row per step, grouped by its CTM stage or BEST IMPACT phase: a check
 * button for "done" and the row's text for the notes. Both write through
 * the history, so ticking a step off is one undo step and notes typed in
 * one go are another. The rows follow the model, not the other way round:
 * an undo elsewhere updates the check and the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tps-analysis.h"
#include "tps-analysis-view-private.h"
#include "tps-bind.h"
#include "tps-process-checklist.h"
#include "tps-view-util.h"

struct _TpsProcessChecklist
{
  GtkWidget parent_instance;

  GtkProgressBar *ctm_progress;
  GtkLabel *ctm_progress_label;
  GtkBox *ctm_groups;
  GtkProgressBar *best_progress;
  GtkLabel *best_progress_label;
  GtkBox *best_groups;

  TpsProject *project;
  TpsHistory *history;
  gulong history_changed_id;

  GtkCheckButton *checks[TPS_N_STEPS];
  GtkEditable *notes[TPS_N_STEPS];
  GtkLabel *phase_counts[2][TPS_N_PHASES];   /* [0]: CTM, [1]: BEST IMPACT */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (TpsProcessChecklist, tps_process_checklist, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "1a" for a CTM step, "4" for a BEST IMPACT step: how the seeds number
 * them.
 */
static char *
step_code (TpsStep step)
{
  if (tps_step_is_ctm (step))
    return g_strdup_printf ("%d%c", (step - TPS_STEP_CTM_1A) / 2 + 1,
                            'a' + (step - TPS_STEP_CTM_1A) % 2);
  return g_strdup_printf ("%d", step - TPS_STEP_BEST_1 + 1);
}

static void
update_progress (TpsProcessChecklist *self)
{
  TpsProcessProgress progress;
  g_autofree char *ctm = NULL;
  g_autofree char *best = NULL;

  if (self->project == NULL)
    return;

  tps_analysis_get_process_progress (self->project, &progress);
  ctm = tps_process_progress_format_ctm (&progress);
  best = tps_process_progress_format_best (&progress);

  gtk_label_set_label (self->ctm_progress_label, ctm);
  gtk_progress_bar_set_fraction (self->ctm_progress,
                                 progress.ctm_done / (double) MAX (1, progress.ctm_total));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ctm_progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, ctm, -1);
  gtk_label_set_label (self->best_progress_label, best);
  gtk_progress_bar_set_fraction (self->best_progress,
                                 progress.best_done / (double) MAX (1, progress.best_total));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->best_progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, best, -1);

  for (guint phase = 0; phase < TPS_N_PHASES; phase++)
    {
      g_autofree char *ctm_phase = NULL;
      g_autofree char *best_phase = NULL;

      if (self->phase_counts[0][phase] != NULL)
        {
          /* Translators: steps done in one stage of the process, "1 of 2" */
          ctm_phase = g_strdup_printf (_("%u of %u"), progress.ctm_phase_done[phase],
                                       progress.ctm_phase_total[phase]);
          gtk_label_set_label (self->phase_counts[0][phase], ctm_phase);
        }
      if (self->phase_counts[1][phase] != NULL)
        {
          best_phase = g_strdup_printf (_("%u of %u"), progress.best_phase_done[phase],
                                        progress.best_phase_total[phase]);
          gtk_label_set_label (self->phase_counts[1][phase], best_phase);
        }
    }
}

static void
on_check_toggled (GtkCheckButton      *check,
                  TpsProcessChecklist *self)
{
  TpsStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "step"));
  TpsProcessStep *item;

  if (self->updating || self->project == NULL || self->history == NULL)
    return;

  item = tps_project_get_step (self->project, step);
  if (item == NULL || tps_process_step_get_done (item) == gtk_check_button_get_active (check))
    return;

  tps_history_set (self->history, item, "done", gtk_check_button_get_active (check), NULL);
}

static void
on_step_done_changed (TpsProcessStep *item,
                      GParamSpec     *pspec,
                      GtkCheckButton *check)
{
  TpsProcessChecklist *self = g_object_get_data (G_OBJECT (check), "checklist");

  self->updating = TRUE;
  gtk_check_button_set_active (check, tps_process_step_get_done (item));
  self->updating = FALSE;
  update_progress (self);
}

static void
clear_groups (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A row of the checklist: the step as the check button's label, so a click
 * on the name ticks it off, and below it the notes as inline text that
 * looks like text until it is edited.
 */
static GtkWidget *
make_row (TpsProcessChecklist *self,
          TpsStep              step)
{
  TpsProcessStep *item = tps_project_get_step (self->project, step);
  g_autofree char *code = step_code (step);
  /* Translators: a process step's number and name, "1a · Capture …" */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), code,
                                            tps_enum_get_label (TPS_TYPE_STEP, step));
  /* Translators: the accessible name of a process step's notes field */
  g_autofree char *notes_name = g_strdup_printf (_("Notes on “%s”"),
                                                 tps_enum_get_label (TPS_TYPE_STEP, step));
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "title", title,
                                 "use-underline", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *notes = gtk_text_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "process-step");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  tps_accessible_set_name (check, title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), tps_process_step_get_done (item));
  g_object_set_data (G_OBJECT (check), "step", GUINT_TO_POINTER (step));
  g_object_set_data (G_OBJECT (check), "checklist", self);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);

  gtk_text_set_placeholder_text (GTK_TEXT (notes), _("Add notes"));
  gtk_widget_set_hexpand (notes, TRUE);
  gtk_widget_add_css_class (notes, "process-step-notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (notes),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, notes_name, -1);
  if (self->history != NULL)
    tps_bind_editable (GTK_EDITABLE (notes), self->history, item, "notes");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  /* The notes line up with the step's name, not with the check mark. */
  gtk_widget_set_margin_start (notes, 28);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), notes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Tied to the check button, so a rebuilt list leaves no handler behind. */
  g_signal_connect_object (item, "notify::done", G_CALLBACK (on_step_done_changed), check, 0);

  self->checks[step] = GTK_CHECK_BUTTON (check);
  self->notes[step] = GTK_EDITABLE (notes);
  return row;
}

/* One preferences group per stage or phase, titled with its name and with
 * its count of done steps beside the title.
 */
static void
build_groups (TpsProcessChecklist *self,
              GtkBox              *box,
              gboolean             ctm)
{
  AdwPreferencesGroup *group = NULL;
  guint current_phase = G_MAXUINT;

  for (TpsStep step = 0; step < TPS_N_STEPS; step++)
    {
      guint phase;

      if (tps_step_is_ctm (step) != ctm)
        continue;

      phase = tps_analysis_get_step_phase (step);
      if (phase != current_phase)
        {
          GtkWidget *count = gtk_label_new (NULL);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, tps_step_get_phase_label (step));
          gtk_widget_add_css_class (count, "dim-label");
          gtk_widget_add_css_class (count, "numeric");
          gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
          adw_preferences_group_set_header_suffix (group, count);
          self->phase_counts[ctm ? 0 : 1][phase] = GTK_LABEL (count);
          gtk_box_append (box, GTK_WIDGET (group));
          current_phase = phase;
        }

      adw_preferences_group_add (group, make_row (self, step));
    }
}

static void
rebuild (TpsProcessChecklist *self)
{
  clear_groups (self->ctm_groups);
  clear_groups (self->best_groups);
  memset (self->checks, 0, sizeof self->checks);
  memset (self->notes, 0, sizeof self->notes);
  memset (self->phase_counts, 0, sizeof self->phase_counts);

  if (self->project == NULL)
    return;

  build_groups (self, self->ctm_groups, TRUE);
  build_groups (self, self->best_groups, FALSE);
  update_progress (self);
}

static void
tps_process_checklist_dispose (GObject *object)
{
  TpsProcessChecklist *self = TPS_PROCESS_CHECKLIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_PROCESS_CHECKLIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->history != NULL)
    g_clear_signal_handler (&self->history_changed_id, self->history);
  g_clear_object (&self->history);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (tps_process_checklist_parent_class)->dispose (object);
}

static void
tps_process_checklist_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TpsProcessChecklist *self = TPS_PROCESS_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_process_checklist_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TpsProcessChecklist *self = TPS_PROCESS_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_process_checklist_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_process_checklist_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_process_checklist_class_init (TpsProcessChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_process_checklist_dispose;
  object_class->get_property = tps_process_checklist_get_property;
  object_class->set_property = tps_process_checklist_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-process-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, ctm_progress);
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, ctm_progress_label);
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, ctm_groups);
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, best_progress);
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, best_progress_label);
  gtk_widget_class_bind_template_child (widget_class, TpsProcessChecklist, best_groups);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tps_process_checklist_init (TpsProcessChecklist *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tps_process_checklist_new (void)
{
  return g_object_new (TPS_TYPE_PROCESS_CHECKLIST, NULL);
}

TpsProject *
tps_process_checklist_get_project (TpsProcessChecklist *self)
{
  g_return_val_if_fail (TPS_IS_PROCESS_CHECKLIST (self), NULL);
  return self->project;
}

void
tps_process_checklist_set_project (TpsProcessChecklist *self,
                                   TpsProject          *project)
{
  g_return_if_fail (TPS_IS_PROCESS_CHECKLIST (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_process_checklist_get_history (TpsProcessChecklist *self)
{
  g_return_val_if_fail (TPS_IS_PROCESS_CHECKLIST (self), NULL);
  return self->history;
}

void
tps_process_checklist_set_history (TpsProcessChecklist *self,
                                   TpsHistory          *history)
{
  g_return_if_fail (TPS_IS_PROCESS_CHECKLIST (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (!tps_view_follow_history (&self->history, &self->history_changed_id, history,
                                G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED))
    return;

  /* The notes are bound to a history; bind them to the new one. */
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

GtkCheckButton *
tps_process_checklist_get_check (TpsProcessChecklist *self,
                                 TpsStep              step)
{
  g_return_val_if_fail (TPS_IS_PROCESS_CHECKLIST (self), NULL);
  g_return_val_if_fail (step < TPS_N_STEPS, NULL);
  return self->checks[step];
}

GtkEditable *
tps_process_checklist_get_notes (TpsProcessChecklist *self,
                                 TpsStep              step)
{
  g_return_val_if_fail (TPS_IS_PROCESS_CHECKLIST (self), NULL);
  g_return_val_if_fail (step < TPS_N_STEPS, NULL);
  return self->notes[step];
}
