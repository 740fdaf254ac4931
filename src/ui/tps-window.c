/* tps-window.c
 *
 * The window shows one document: the empty state when there is none, else
 * the four views over the project. It owns the document's lifecycle in the
 * UI: saving, the unsaved-changes question, autosave to the recovery copy
 * and noticing when the file changes on disk (those in tps-window-files.c),
 * and undo/redo with a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-analysis-view.h"
#include "tps-health.h"
#include "tps-application.h"
#include "tps-compare-view.h"
#include "tps-conflicts-dialog.h"
#include "tps-csv-import-dialog.h"
#include "tps-export-dialog.h"
#include "tps-file-io.h"
#include "tps-journey-canvas.h"
#include "tps-measures-view.h"
#include "tps-touchpoint-inspector.h"
#include "tps-touchpoints-view.h"
#include "tps-view-util.h"
#include "tps-project-io.h"
#include "tps-print.h"
#include "tps-project-settings.h"
#include "tps-window.h"
#include "tps-window-private.h"


G_DEFINE_FINAL_TYPE (TpsWindow, tps_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_INSPECTOR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];



/* ------------------------------------------------------------------------
 * Views
 * ------------------------------------------------------------------------ */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* Filters ------------------------------------------------------------------ */

/* The persona filter lists "All personas" and then the project's personas. */
static void
fill_persona_filter (TpsWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *personas;

  gtk_string_list_append (names, _("All personas"));

  if (self->document != NULL)
    {
      personas = tps_project_get_personas (tps_document_get_project (self->document));
      for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
        {
          g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);
          gtk_string_list_append (names, tps_object_get_display_name (TPS_OBJECT (persona)));
        }
    }

  gtk_drop_down_set_model (self->persona_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->persona_filter, 0);
}

/* A choice of the benchmark curve: the comparator's id, or none. */
static void
on_benchmark_toggled (GtkCheckButton *button,
                      TpsWindow      *self)
{
  if (!gtk_check_button_get_active (button) || self->canvas == NULL)
    return;

  tps_journey_canvas_set_comparator_id (self->canvas,
                                        g_object_get_data (G_OBJECT (button), "comparator-id"));
  gtk_menu_button_popdown (self->benchmark_button);
}

/* "No benchmark", then the comparators, as radio buttons in the map
 * toolbar's benchmark popover; the curve shown stays chosen while its
 * comparator exists. The button is hidden while there are none.
 */
static void
fill_benchmark_menu (TpsWindow *self)
{
  g_autofree char *shown = NULL;
  GListModel *comparators = NULL;
  GtkWidget *child, *first;
  gboolean found = FALSE;

  if (self->canvas != NULL)
    shown = g_strdup (tps_journey_canvas_get_comparator_id (self->canvas));

  while ((child = gtk_widget_get_first_child (self->benchmark_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->benchmark_box), child);

  first = gtk_check_button_new_with_label (_("No benchmark"));
  gtk_box_append (GTK_BOX (self->benchmark_box), first);

  if (self->document != NULL)
    {
      comparators = tps_project_get_comparators (tps_document_get_project (self->document));
      for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
        {
          g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
          const char *id = tps_object_get_id (TPS_OBJECT (comparator));
          const char *name = tps_comparator_get_name (comparator);
          GtkWidget *button = gtk_check_button_new_with_label (name ? name : id);

          gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (first));
          g_object_set_data_full (G_OBJECT (button), "comparator-id", g_strdup (id), g_free);
          if (g_strcmp0 (shown, id) == 0)
            {
              gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
              found = TRUE;
            }
          g_signal_connect (button, "toggled", G_CALLBACK (on_benchmark_toggled), self);
          gtk_box_append (GTK_BOX (self->benchmark_box), button);
        }
    }

  if (!found)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
      if (self->canvas != NULL)
        tps_journey_canvas_set_comparator_id (self->canvas, NULL);
    }
  g_signal_connect (first, "toggled", G_CALLBACK (on_benchmark_toggled), self);
  gtk_widget_set_visible (GTK_WIDGET (self->benchmark_button),
                          comparators != NULL && g_list_model_get_n_items (comparators) > 0);
}

static void
fill_enum_filter (GtkDropDown *drop_down,
                  const char  *all_label,
                  GType        enum_type)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all_label);
  for (guint i = 0; i < tps_enum_get_n_values (enum_type); i++)
    gtk_string_list_append (labels, tps_enum_get_label (enum_type, i));

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, 0);
}

/* Position 0 of every filter is "all"; the others follow the model. */
static void
on_filter_changed (TpsWindow *self)
{
  guint persona = gtk_drop_down_get_selected (self->persona_filter);
  guint moment = gtk_drop_down_get_selected (self->moment_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *persona_id = NULL;

  if (self->canvas == NULL)
    return;

  if (persona != GTK_INVALID_LIST_POSITION && persona > 0)
    {
      GListModel *personas = tps_project_get_personas (tps_document_get_project (self->document));
      g_autoptr(TpsObject) item = g_list_model_get_item (personas, persona - 1);

      if (item != NULL)
        persona_id = tps_object_get_id (item);
    }

  tps_journey_canvas_set_persona_filter (self->canvas, persona_id);
  tps_journey_canvas_set_moment_filter (self->canvas,
                                        moment == GTK_INVALID_LIST_POSITION || moment == 0
                                        ? -1 : (int) moment - 1);
  tps_journey_canvas_set_status_filter (self->canvas,
                                        status == GTK_INVALID_LIST_POSITION || status == 0
                                        ? -1 : (int) status - 1);
}

/* Map page ----------------------------------------------------------------- */

static void
on_zoom_changed (TpsWindow *self)
{
  g_autofree char *label = NULL;

  if (self->canvas == NULL)
    return;

  /* Translators: the zoom level, e.g. "80 %" */
  label = g_strdup_printf (_("%.0f %%"), tps_journey_canvas_get_zoom (self->canvas) * 100);
  gtk_button_set_label (self->zoom_button, label);
}

/* Beside the map the inspector is a panel the user shows or hides for
 * good; on a narrow window it slides over the map when a touchpoint is
 * opened and goes away with its back button, Escape or a click on the map.
 */
static void
set_inspector_visible (TpsWindow *self,
                       gboolean   visible)
{
  visible = !!visible;
  if (self->inspector_visible == visible)
    return;

  self->inspector_visible = visible;
  adw_flap_set_reveal_flap (self->map_flap, visible);
  if (self->settings != NULL && !adw_flap_get_folded (self->map_flap))
    g_settings_set_boolean (self->settings, "inspector-visible", visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTOR_VISIBLE]);
}

static void
on_flap_revealed (TpsWindow *self)
{
  set_inspector_visible (self, adw_flap_get_reveal_flap (self->map_flap));
}

static void
apply_width_class (TpsWindow      *self,
                   TpsWindowWidth  width_class)
{
  gboolean folded = width_class != TPS_WINDOW_WIDTH_WIDE;
  gboolean compact = width_class == TPS_WINDOW_WIDTH_NARROW;

  self->width_class = width_class;

  if (folded != adw_flap_get_folded (self->map_flap))
    {
      adw_flap_set_fold_policy (self->map_flap, folded ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                       : ADW_FLAP_FOLD_POLICY_NEVER);
      /* Docked again, the inspector comes back as the user left it. */
      set_inspector_visible (self, !folded && (self->settings == NULL
                                               || g_settings_get_boolean (self->settings,
                                                                          "inspector-visible")));
    }
  gtk_widget_set_visible (self->inspector_back_bar, folded);

  /* The filter drop-downs sit in the toolbar, or behind a button. */
  tps_view_place_compact (self->filter_box, self->map_toolbar, NULL, self->filter_popover_box,
                          self->filter_menu_button, compact);
  gtk_widget_set_visible (gtk_widget_get_first_child (self->filter_box), !compact);
  gtk_widget_set_visible (self->open_button, !compact);
  /* On a phone the count gives way to the view switcher; Analysis has it. */
  gtk_widget_set_visible (self->health_button, !compact && self->n_findings > 0);
  adw_header_bar_set_centering_policy (self->header_bar, compact ? ADW_CENTERING_POLICY_LOOSE
                                                                 : ADW_CENTERING_POLICY_STRICT);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->example_box),
                                  compact ? GTK_ORIENTATION_VERTICAL
                                          : GTK_ORIENTATION_HORIZONTAL);

  /* The planner's and the table's toolbars are the widest: they collapse
   * as soon as the window is not wide.
   */
  if (self->measures_view != NULL)
    {
      tps_measures_view_set_folded (self->measures_view, folded);
      tps_measures_view_set_compact (self->measures_view, folded);
      tps_measures_view_set_narrow (self->measures_view, compact);
    }
  if (self->touchpoints_view != NULL)
    tps_touchpoints_view_set_compact (self->touchpoints_view, folded);
}

static gboolean
apply_width_class_cb (gpointer user_data)
{
  TpsWindow *self = user_data;
  GtkWidget *shown = adw_squeezer_get_visible_child (self->width_probe);

  self->width_source = 0;
  apply_width_class (self, shown == self->probe_wide ? TPS_WINDOW_WIDTH_WIDE
                           : shown == self->probe_medium ? TPS_WINDOW_WIDTH_MEDIUM
                           : TPS_WINDOW_WIDTH_NARROW);
  return G_SOURCE_REMOVE;
}

/* The probe changes its page while the window is being allocated; the
 * widgets change once that is over.
 */
static void
on_width_changed (TpsWindow *self)
{
  if (self->width_source == 0)
    self->width_source = g_idle_add (apply_width_class_cb, self);
}

/* Below these widths the window takes its medium and narrow layouts. */
#define WIDE_MIN_WIDTH   1000
#define MEDIUM_MIN_WIDTH 720

/* Before the window is shown its default width decides, so that it opens
 * in the layout that fits instead of asking for the wide one's width.
 */
static void
on_default_width_changed (TpsWindow *self)
{
  int width, height;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0)
    apply_width_class (self, width >= WIDE_MIN_WIDTH ? TPS_WINDOW_WIDTH_WIDE
                             : width >= MEDIUM_MIN_WIDTH ? TPS_WINDOW_WIDTH_MEDIUM
                             : TPS_WINDOW_WIDTH_NARROW);
}

/**
 * tps_window_get_width_class:
 *
 * Returns: which of the layouts the window's width calls for
 */
TpsWindowWidth
tps_window_get_width_class (TpsWindow *self)
{
  g_return_val_if_fail (TPS_IS_WINDOW (self), TPS_WINDOW_WIDTH_WIDE);

  return self->width_class;
}

static void
on_touchpoint_activated (TpsWindow     *self,
                         TpsTouchpoint *touchpoint)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  tps_journey_canvas_set_selected (self->canvas, touchpoint);
  set_inspector_visible (self, TRUE);
}

/* From the inspector's list of linked measures to the planner. */
static void
on_show_measure (TpsWindow  *self,
                 TpsMeasure *measure)
{
  if (self->measures_view == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "measures");
  tps_measures_view_set_selected_measure (self->measures_view, measure);
}

/* A deleted card can come back at once: the toast's Undo is the window's. */
static void
on_touchpoint_deleted (TpsWindow  *self,
                       const char *title)
{
  AdwToast *toast = adw_toast_new (_("Touchpoint deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
build_map_page (TpsWindow *self)
{
  TpsProject *project = tps_document_get_project (self->document);
  self->canvas = TPS_JOURNEY_CANVAS (g_object_new (TPS_TYPE_JOURNEY_CANVAS,
                                                   "project", project,
                                                   "history",
                                                   tps_document_get_history (self->document),
                                                   NULL));
  gtk_scrolled_window_set_child (self->map_scroller, GTK_WIDGET (self->canvas));
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "touchpoint-activated",
                           G_CALLBACK (on_touchpoint_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "touchpoint-deleted",
                           G_CALLBACK (on_touchpoint_deleted), self, G_CONNECT_SWAPPED);
  /* Enough of the journey to see its shape, with every card still legible. */
  tps_journey_canvas_zoom_to_overview (self->canvas);
  on_zoom_changed (self);

  fill_persona_filter (self);
  g_signal_connect_object (tps_project_get_personas (project), "items-changed",
                           G_CALLBACK (fill_persona_filter), self, G_CONNECT_SWAPPED);
  fill_enum_filter (self->moment_filter, _("All moments"), TPS_TYPE_MOMENT);
  fill_enum_filter (self->status_filter, _("Any status"), TPS_TYPE_TOUCHPOINT_STATUS);
  fill_benchmark_menu (self);
  g_signal_connect_object (tps_project_get_comparators (project), "items-changed",
                           G_CALLBACK (fill_benchmark_menu), self, G_CONNECT_SWAPPED);

  self->inspector = TPS_TOUCHPOINT_INSPECTOR (g_object_new (TPS_TYPE_TOUCHPOINT_INSPECTOR,
                                                            "project", project,
                                                            "history",
                                                            tps_document_get_history (self->document),
                                                            NULL));
  gtk_widget_set_vexpand (GTK_WIDGET (self->inspector), TRUE);
  gtk_box_append (GTK_BOX (self->inspector_box), GTK_WIDGET (self->inspector));
  g_object_bind_property (self->canvas, "selected", self->inspector, "touchpoint",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->inspector, "show-measure", G_CALLBACK (on_show_measure), self,
                           G_CONNECT_SWAPPED);
}

/* Selecting a measure in the planner highlights its touchpoints on the
 * map, so the two views tell one story.
 */
static void
on_selected_measure_changed (TpsWindow *self)
{
  TpsMeasure *measure = tps_measures_view_get_selected_measure (self->measures_view);

  if (self->canvas != NULL)
    tps_journey_canvas_set_highlight_ids (self->canvas,
                                          measure ? tps_measure_get_touchpoint_ids (measure)
                                                  : NULL);
}

static GtkWidget *
add_view (TpsWindow *self,
          GtkWidget *box,
          GType      type)
{
  GtkWidget *view = g_object_new (type,
                                  "project", tps_document_get_project (self->document),
                                  "history", tps_document_get_history (self->document),
                                  "vexpand", TRUE,
                                  NULL);

  gtk_box_append (GTK_BOX (box), view);

  /* Every view can send the user to a touchpoint on the map. */
  if (g_signal_lookup ("touchpoint-activated", type) != 0)
    g_signal_connect_object (view, "touchpoint-activated",
                             G_CALLBACK (on_touchpoint_activated), self, G_CONNECT_SWAPPED);
  if (g_signal_lookup ("show-measure", type) != 0)
    g_signal_connect_object (view, "show-measure",
                             G_CALLBACK (on_show_measure), self, G_CONNECT_SWAPPED);

  return view;
}

static void
build_measures_page (TpsWindow *self)
{
  self->measures_view = TPS_MEASURES_VIEW (add_view (self, self->measures_box,
                                                     TPS_TYPE_MEASURES_VIEW));
  g_signal_connect_object (self->measures_view, "show-touchpoint",
                           G_CALLBACK (on_touchpoint_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->measures_view, "notify::selected-measure",
                           G_CALLBACK (on_selected_measure_changed), self, G_CONNECT_SWAPPED);
}

static void
build_views (TpsWindow *self)
{
  if (self->canvas != NULL)
    {
      gtk_scrolled_window_set_child (self->map_scroller, NULL);
      self->canvas = NULL;
    }
  self->measures_view = NULL;
  self->analysis_view = NULL;
  self->touchpoints_view = NULL;
  self->inspector = NULL;
  clear_box (self->inspector_box);
  clear_box (self->touchpoints_box);
  clear_box (self->measures_box);
  clear_box (self->analysis_box);

  if (self->document == NULL)
    return;

  build_map_page (self);
  self->touchpoints_view = TPS_TOUCHPOINTS_VIEW (add_view (self, self->touchpoints_box,
                                                           TPS_TYPE_TOUCHPOINTS_VIEW));
  build_measures_page (self);
  self->analysis_view = TPS_ANALYSIS_VIEW (add_view (self, self->analysis_box,
                                                     TPS_TYPE_ANALYSIS_VIEW));
  apply_width_class (self, self->width_class);
}

/* ------------------------------------------------------------------------
 * Title and action state
 * ------------------------------------------------------------------------ */

static void
update_title (TpsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Touchpoint Studio"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Touchpoint Studio"));
      return;
    }

  title = tps_document_dup_title (self->document);
  file = tps_document_get_file (self->document);

  /* The dot marks unsaved changes, as in GNOME's text editor. */
  if (tps_document_get_modified (self->document))
    shown = g_strdup_printf ("• %s", title);
  else
    shown = g_strdup (title);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      const char *home = g_get_home_dir ();

      if (path != NULL && home != NULL && g_str_has_prefix (path, home))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = g_file_get_parse_name (file);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_view_switcher_title_set_title (self->switcher_title, shown);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* Translators: the window title, "Project — Touchpoint Studio" */
  window_title = g_strdup_printf (_("%s — Touchpoint Studio"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (TpsWindow *self)
{
  TpsHistory *history = self->document ? tps_document_get_history (self->document) : NULL;
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && tps_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && tps_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.project-settings", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-previous",
                                 has_document && tps_document_get_file (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts",
                                 has_document && g_list_model_get_n_items (
                                   tps_project_get_conflicts (
                                     tps_document_get_project (self->document))) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 has_document && tps_document_get_file (self->document) != NULL);

  /* The empty state offers its own buttons; the views and editing
   * controls appear with a project.
   */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_document);
  gtk_widget_set_visible (self->undo_button, has_document);
  gtk_widget_set_visible (self->redo_button, has_document);
  gtk_widget_set_visible (self->save_button, has_document);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), has_document);
}

/* While there are unsaved changes the session may not log out unasked. */
static void
update_inhibit (TpsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = self->document != NULL && tps_document_get_modified (self->document);

  if (app == NULL)
    return;

  if (modified && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are unsaved changes"));
  else if (!modified && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* The header bar counts the journey health check's findings; the most
 * severe one picks the icon. It walks the whole project, so after changes
 * it runs once editing pauses (queue_health()), not on every keystroke.
 */
static void
update_health (TpsWindow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  guint counts[TPS_HEALTH_N_SEVERITIES];
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  gboolean critical;

  if (self->document == NULL)
    {
      self->n_findings = 0;
      gtk_widget_set_visible (self->health_button, FALSE);
      return;
    }

  findings = tps_health_check (tps_document_get_project (self->document), NULL);
  tps_health_count (findings, counts);
  critical = counts[TPS_HEALTH_CRITICAL] > 0;

  count = g_strdup_printf ("%u", findings->len);
  gtk_label_set_label (self->health_label, count);
  gtk_image_set_from_icon_name (self->health_icon, critical ? "dialog-error-symbolic"
                                                            : "dialog-warning-symbolic");
  if (critical)
    gtk_widget_add_css_class (self->health_button, "error");
  else
    gtk_widget_remove_css_class (self->health_button, "error");

  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Journey health check: %u finding, %u of them "
                                          "critical",
                                          "Journey health check: %u findings, %u of them "
                                          "critical", findings->len),
                             findings->len, counts[TPS_HEALTH_CRITICAL]);
  gtk_widget_set_tooltip_text (self->health_button, tooltip);
  self->n_findings = findings->len;
  gtk_widget_set_visible (self->health_button,
                          findings->len > 0 && self->width_class != TPS_WINDOW_WIDTH_NARROW);
}

#define HEALTH_DELAY_MS 300

static gboolean
health_timeout (gpointer data)
{
  TpsWindow *self = data;

  self->health_source = 0;
  update_health (self);
  return G_SOURCE_REMOVE;
}

static void
queue_health (TpsWindow *self)
{
  g_clear_handle_id (&self->health_source, g_source_remove);
  self->health_source = g_timeout_add (HEALTH_DELAY_MS, health_timeout, self);
}

static void
on_document_changed (TpsWindow *self)
{
  update_title (self);
  update_actions (self);
  update_inhibit (self);
  queue_health (self);
}

/* The header bar's count leads to the findings in the analysis view. */
static void
show_health_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->analysis_view == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "analysis");
  tps_analysis_view_show_health (self->analysis_view);
}

/* ------------------------------------------------------------------------
 * Document
 * ------------------------------------------------------------------------ */

TpsDocument *
tps_window_get_document (TpsWindow *self)
{
  g_return_val_if_fail (TPS_IS_WINDOW (self), NULL);

  return self->document;
}

void
tps_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-touchpoints+xml",
    .app_name = (char *) PACKAGE_NAME,
    .app_exec = (char *) PACKAGE_NAME " %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
tps_window_set_document (TpsWindow   *self,
                         TpsDocument *document)
{
  g_return_if_fail (TPS_IS_WINDOW (self));
  g_return_if_fail (document == NULL || TPS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (tps_window_watch_file), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::project",
                               G_CALLBACK (build_views), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tps_document_get_history (document), "changed",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

      if (tps_document_get_file (document) != NULL)
        tps_window_add_to_recent (tps_document_get_file (document));
    }

  self->close_confirmed = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, document ? "project" : "empty");
  build_views (self);
  tps_window_watch_file (self);
  on_document_changed (self);
  /* A project just opened shows its count right away. */
  g_clear_handle_id (&self->health_source, g_source_remove);
  update_health (self);

  /* A merge left questions in the file: they are asked right away. */
  if (document != NULL
      && g_list_model_get_n_items (tps_project_get_conflicts (tps_document_get_project (document)))
         > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-conflicts", NULL);
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (tps_conflicts_dialog_new (GTK_WINDOW (self), self->document));
}

/**
 * tps_window_open_file:
 *
 * Loads @file into this window. A file that cannot be read is never a
 * crash or a silent failure: the loader's message is shown in a dialog.
 *
 * Returns: whether the project was opened
 */
gboolean
tps_window_open_file (TpsWindow *self,
                      GFile     *file)
{
  g_autoptr(TpsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TPS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = tps_document_load (file, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be opened"), name);

      tps_window_show_error (self, heading, error->message);
      return FALSE;
    }

  tps_window_set_document (self, document);
  return TRUE;
}

typedef struct
{
  TpsWindow *window;
  GFile *file;
  GCancellable *cancellable;
} Opening;

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Opening *opening = data;
  TpsWindow *self = opening->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsDocument) document = tps_document_load_finish (result, &error);

  /* Stopped, or another file asked for since: this one is not wanted. */
  if (self->opening == opening->cancellable)
    {
      g_clear_object (&self->opening);
      gtk_spinner_stop (self->loading_spinner);

      if (document != NULL)
        tps_window_set_document (self, document);
      else
        {
          g_autofree char *name = g_file_get_basename (opening->file);
          g_autofree char *heading = g_strdup_printf (_("“%s” could not be opened"), name);

          gtk_stack_set_visible_child_name (self->main_stack,
                                            self->document != NULL ? "project" : "empty");
          tps_window_show_error (self, heading, error->message);
        }
    }

  g_object_unref (opening->window);
  g_object_unref (opening->file);
  g_object_unref (opening->cancellable);
  g_free (opening);
}

/**
 * tps_window_open_file_async:
 *
 * Loads @file into this window in a thread: the window shows that it is
 * opening the file, with a button that stops it, and stays responsive
 * however big the project is. A file that cannot be read shows the
 * loader's message, as tps_window_open_file() does.
 */
void
tps_window_open_file_async (TpsWindow *self,
                            GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  Opening *opening;

  g_return_if_fail (TPS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();

  name = g_file_get_basename (file);
  /* Translators: shown while a project file loads; %s is its name */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  opening = g_new0 (Opening, 1);
  opening->window = g_object_ref (self);
  opening->file = g_object_ref (file);
  opening->cancellable = g_object_ref (self->opening);
  tps_document_load_async (file, self->opening, on_opened, opening);
}

/* Whether a project is being opened (tps_window_open_file_async()). */
gboolean
tps_window_is_opening (TpsWindow *self)
{
  g_return_val_if_fail (TPS_IS_WINDOW (self), FALSE);

  return self->opening != NULL;
}

static void
stop_opening_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->opening == NULL)
    return;

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, self->document != NULL ? "project"
                                                                              : "empty");
}

/* Returns: (transfer full): the shipped example project in @language */
GFile *
tps_window_get_example_file (const char *language)
{
  const char *datadir = g_getenv ("TPS_DATADIR");
  const char *name = g_strcmp0 (language, "de") == 0 ? "de/stadtwerke.touchpoints"
                                                      : "en/car-dealership.touchpoints";
  g_autofree char *path = NULL;

  if (datadir != NULL)
    path = g_build_filename (datadir, "examples", name, NULL);
  else
    path = g_build_filename (PKGDATADIR, "examples", name, NULL);

  return g_file_new_for_path (path);
}

/* ------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------ */

void
tps_window_show_error (TpsWindow  *self,
                       const char *heading,
                       const char *message)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (TPS_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tps_window_add_toast (TpsWindow  *self,
                      const char *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (TPS_IS_WINDOW (self));

  /* A toast's title is markup; names such as "Strom & Gas" are text. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ------------------------------------------------------------------------
 * Recent projects
 * ------------------------------------------------------------------------ */

static void
on_recent_row_activated (TpsWindow     *self,
                         GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return;

  /* In a thread, as every other way of opening: a big project does not
   * freeze the window.
   */
  file = g_file_new_for_uri (uri);
  tps_window_open_file_async (self, file);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (mb, ma);
}

static void
fill_recent_list (TpsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent_newest_first);

  for (GList *l = items; l != NULL && n < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *location = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".touchpoints") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      location = g_file_get_parse_name (file);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------ */

static void
tps_window_dispose (GObject *object)
{
  TpsWindow *self = TPS_WINDOW (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->width_source, g_source_remove);
  g_clear_handle_id (&self->health_source, g_source_remove);
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->saved_checksum, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_WINDOW);

  G_OBJECT_CLASS (tps_window_parent_class)->dispose (object);
}

static void
tps_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpsWindow *self = TPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INSPECTOR_VISIBLE:
      g_value_set_boolean (value, self->inspector_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TpsWindow *self = TPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_INSPECTOR_VISIBLE:
      set_inspector_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
close_now (TpsWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
tps_window_close_request (GtkWindow *window)
{
  TpsWindow *self = TPS_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && self->document != NULL
      && tps_document_get_modified (self->document))
    {
      tps_window_confirm_unsaved_then (self, _("_Discard"), close_now);
      return TRUE;
    }

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (tps_window_parent_class)->close_request (window);
}

static void
tps_window_class_init (TpsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tps_window_dispose;
  object_class->get_property = tps_window_get_property;
  object_class->set_property = tps_window_set_property;
  window_class->close_request = tps_window_close_request;

  properties[PROP_INSPECTOR_VISIBLE] =
    g_param_spec_boolean ("inspector-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, map_scroller);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, map_flap);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, inspector_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, inspector_back_bar);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, width_probe);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, probe_wide);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, probe_medium);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, map_toolbar);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, filter_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, filter_popover_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, example_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, persona_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, moment_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, benchmark_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, benchmark_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, touchpoints_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, measures_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, analysis_box);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, health_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, health_icon);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, health_label);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TpsWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, tps_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.stop-opening", NULL, stop_opening_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, tps_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, tps_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, tps_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, tps_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL,
                                   tps_window_new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s",
                                   tps_window_open_example_action);
  gtk_widget_class_install_action (widget_class, "win.project-settings", NULL,
                                   tps_window_project_settings_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, tps_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, tps_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.show-health", NULL, show_health_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, tps_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL,
                                   tps_window_import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, tps_window_compare_action);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL,
                                   show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.compare-previous", NULL,
                                   tps_window_compare_previous_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", tps_window_open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s",
                                   tps_window_show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, tps_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, tps_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, tps_window_zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, tps_window_zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-inspector",
                                            "inspector-visible");
}

static void
tps_window_init (TpsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));

  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_widget_set_size_request (self->probe_wide, WIDE_MIN_WIDTH, -1);
  gtk_widget_set_size_request (self->probe_medium, MEDIUM_MIN_WIDTH, -1);
  g_signal_connect_object (self->width_probe, "notify::visible-child",
                           G_CALLBACK (on_width_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::default-width",
                            G_CALLBACK (on_default_width_changed), self);
  g_signal_connect_object (self->map_flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);
  adw_flap_set_reveal_flap (self->map_flap, TRUE);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Without the installed schema (a build that was not installed) the
   * window still works, with the defaults.
   */
  self->inspector_visible = TRUE;
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      set_inspector_visible (self, g_settings_get_boolean (self->settings, "inspector-visible"));
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::autosave-interval",
                               G_CALLBACK (tps_window_restart_autosave), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (fill_recent_list), self, G_CONNECT_SWAPPED);
  fill_recent_list (self);
  tps_window_restart_autosave (self);
  tps_window_set_document (self, NULL);
}

TpsWindow *
tps_window_new (GtkApplication *application)
{
  return g_object_new (TPS_TYPE_WINDOW, "application", application, NULL);
}
