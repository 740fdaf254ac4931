/* tps-measures-view-actions.c — what the planner does: "measures.*"
 *
 * Adding a measure or sub-project, deleting, one for a painpoint, showing
 * a touchpoint, clearing the filters and switching the view; the buttons,
 * menus and key bindings of the planner and the window all go through
 * these actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-measure-editor.h"
#include "tps-measures-view.h"
#include "tps-measures-view-private.h"
#include "tps-project-edit.h"

static void
add_and_select (TpsMeasuresView *self,
                TpsMeasure      *measure)
{
  tps_project_add_measure (self->project, self->history, measure);
  tps_measures_view_set_selected_measure (self, measure);
  if (self->editor != NULL)
    tps_measure_editor_focus_title (TPS_MEASURE_EDITOR (self->editor));
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);
  g_autoptr(TpsMeasure) measure = tps_measure_new (NULL);

  tps_measure_set_title (measure, _("New measure"));
  add_and_select (self, measure);
}

static void
action_add_sub_project (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);
  g_autoptr(TpsMeasure) measure = NULL;
  TpsMeasure *parent = self->selected;

  if (parent == NULL)
    return;

  measure = tps_measure_new (NULL);
  tps_measure_set_title (measure, _("New sub-project"));
  tps_measure_set_parent_id (measure, tps_object_get_id (TPS_OBJECT (parent)));
  tps_measure_set_kind (measure, tps_measure_get_kind (parent));
  tps_measure_set_owner (measure, tps_measure_get_owner (parent));
  add_and_select (self, measure);
}

static void
action_close_editor (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_flap_set_reveal_flap (TPS_MEASURES_VIEW (widget)->flap, FALSE);
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);
  g_autoptr(TpsMeasure) measure = NULL;

  if (self->selected == NULL)
    return;

  measure = g_object_ref (self->selected);
  tps_measures_view_set_selected_measure (self, NULL);
  tps_project_delete_measure (self->project, self->history, measure);
}

/* A measure for a painpoint starts out linked to it, as one undo step. */
static void
action_create_for_painpoint (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  TpsTouchpoint *touchpoint = tps_project_find_touchpoint (self->project, id);
  const char *ids[] = { id, NULL };
  g_autoptr(TpsMeasure) measure = NULL;
  g_autofree char *title = NULL;

  if (touchpoint == NULL)
    return;

  /* Translators: the title of a new measure for a painpoint; %s is the touchpoint */
  title = g_strdup_printf (_("Improve “%s”"), tps_touchpoint_get_title (touchpoint) ?: "");
  measure = tps_measure_new (NULL);
  tps_measure_set_title (measure, title);
  tps_measure_set_touchpoint_ids (measure, ids);
  tps_measure_set_owner (measure, tps_touchpoint_get_owner (touchpoint));
  add_and_select (self, measure);
}

static void
action_show_touchpoint (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);
  TpsTouchpoint *touchpoint;

  if (self->project == NULL)
    return;

  touchpoint = tps_project_find_touchpoint (self->project, g_variant_get_string (parameter, NULL));
  if (touchpoint != NULL)
    tps_measures_view_show_touchpoint (self, touchpoint);
}

static void
action_clear_filters (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->touchpoint_filter, 0);
  self->updating_filters = FALSE;
  tps_measures_view_on_filter_changed (self);
}

static void
action_show_view (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

void
tps_measures_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "measures.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "measures.add-sub-project", NULL,
                                   action_add_sub_project);
  gtk_widget_class_install_action (widget_class, "measures.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "measures.close-editor", NULL,
                                   action_close_editor);
  gtk_widget_class_install_action (widget_class, "measures.create-for-painpoint", "s",
                                   action_create_for_painpoint);
  gtk_widget_class_install_action (widget_class, "measures.show-touchpoint", "s",
                                   action_show_touchpoint);
  gtk_widget_class_install_action (widget_class, "measures.clear-filters", NULL,
                                   action_clear_filters);
  gtk_widget_class_install_action (widget_class, "measures.show-view", "s", action_show_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "measures.add", NULL);
}
