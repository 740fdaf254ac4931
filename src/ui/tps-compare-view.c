/* tps-compare-view.c
 *
 * "Compare With…": the changes from another version (a colleague's copy,
 * or the previous save, NAME~) to the open project, grouped by touchpoint,
 * measure and the journey's frame, while the map outlines the cards that
 * are new or changed. The comparison follows every edit until the window
 * is closed, which takes the outlines away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-compare-view.h"
#include "tps-view-util.h"

struct _TpsCompareView
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwPreferencesPage *page;

  TpsDocument *document;
  TpsProject *other;
  char *other_name;
  TpsJourneyCanvas *canvas;   /* weak */
  TpsJourneyCanvas *other_canvas;  /* weak: the other version's map, while shown */
  TpsComparison *comparison;
  GPtrArray *groups;          /* the AdwPreferencesGroups on the page */
  guint rebuild_source;       /* a rebuild waiting for the edits of this frame */
};

G_DEFINE_FINAL_TYPE (TpsCompareView, tps_compare_view, ADW_TYPE_WINDOW)

/* The sections, in the order of the file. */
static const struct
{
  GType       (*get_type) (void);
  const char *title;
} sections[] = {
  { tps_project_get_type, N_("Project") },
  { tps_persona_get_type, N_("Personas") },
  { tps_stage_get_type, N_("Stages") },
  { tps_channel_get_type, N_("Channels") },
  { tps_touchpoint_get_type, N_("Touchpoints") },
  { tps_measure_get_type, N_("Measures") },
  { tps_process_step_get_type, N_("Process") },
};

static GtkWidget *
kind_icon (TpsChangeKind kind)
{
  static const struct
  {
    const char *icon;
    const char *style;
    const char *tooltip;
  } kinds[] = {
    [TPS_CHANGE_ADDED] = { "list-add-symbolic", "success", N_("New") },
    [TPS_CHANGE_REMOVED] = { "list-remove-symbolic", "error", N_("Removed") },
    [TPS_CHANGE_CHANGED] = { "document-edit-symbolic", "accent", N_("Changed") },
  };
  GtkWidget *image = gtk_image_new_from_icon_name (kinds[kind].icon);

  gtk_widget_add_css_class (image, kinds[kind].style);
  gtk_widget_set_tooltip_text (image, _(kinds[kind].tooltip));
  return image;
}

static void
on_row_activated (AdwActionRow   *row,
                  TpsCompareView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "touchpoint-id");
  TpsTouchpoint *touchpoint;

  touchpoint = tps_project_find_touchpoint (tps_document_get_project (self->document), id);
  if (touchpoint != NULL && self->canvas != NULL)
    tps_journey_canvas_set_selected (self->canvas, touchpoint);
}

/* One object: a row for a new or removed one, an expander listing the
 * properties (old → new) for a changed one.
 */
static GtkWidget *
change_row (TpsCompareView        *self,
            const TpsObjectChange *change)
{
  g_autofree char *heading = g_strdup (change->name);
  GtkWidget *row;

  if (change->kind != TPS_CHANGE_CHANGED)
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   change->kind == TPS_CHANGE_ADDED
                                   ? _("New in this version")
                                   : _("Only in the other version"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), kind_icon (change->kind));
    }
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change",
                                                             "%u changes",
                                                             change->properties->len),
                                                change->properties->len);

      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), count);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), kind_icon (change->kind));
      for (guint i = 0; i < change->properties->len; i++)
        {
          const TpsPropertyChange *property = g_ptr_array_index (change->properties, i);
          GtkWidget *child = adw_action_row_new ();
          g_autofree char *values = NULL;

          if (property->old_text != NULL && property->new_text != NULL)
            values = g_strdup_printf (_("%s → %s"), property->old_text, property->new_text);
          else
            values = g_strdup (property->new_text ? property->new_text : property->old_text);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), property->label);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), values);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 3);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), change->properties->len <= 3);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);

  /* A touchpoint of this version can be found on the map. */
  if (change->type == TPS_TYPE_TOUCHPOINT && change->kind != TPS_CHANGE_REMOVED
      && ADW_IS_ACTION_ROW (row))
    {
      g_object_set_data_full (G_OBJECT (row), "touchpoint-id", g_strdup (change->id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
    }

  return row;
}

static AdwPreferencesGroup *
section_for (TpsCompareView *self,
             GType           type,
             GHashTable     *made)
{
  AdwPreferencesGroup *group = g_hash_table_lookup (made, GSIZE_TO_POINTER (type));

  if (group != NULL)
    return group;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].get_type () == type)
      {
        group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
        adw_preferences_group_set_title (group, _(sections[i].title));
        g_hash_table_insert (made, GSIZE_TO_POINTER (type), group);
        break;
      }

  return group;
}

static void
rebuild (TpsCompareView *self)
{
  TpsProject *project = tps_document_get_project (self->document);
  g_autoptr(GHashTable) made = g_hash_table_new (NULL, NULL);
  g_autofree char *subtitle = NULL;
  guint added, removed, changed;

  g_clear_object (&self->comparison);
  self->comparison = tps_comparison_new (self->other, project);
  if (self->canvas != NULL)
    tps_journey_canvas_set_comparison (self->canvas, self->comparison);
  if (self->other_canvas != NULL)
    tps_journey_canvas_set_comparison (self->other_canvas, self->comparison);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; i < tps_comparison_get_n_changes (self->comparison); i++)
    {
      const TpsObjectChange *change = tps_comparison_get_change (self->comparison, i);
      AdwPreferencesGroup *group = section_for (self, change->type, made);

      if (group == NULL)
        continue;
      adw_preferences_group_add (group, change_row (self, change));
    }

  /* In the order of the sections, whatever order they were made in. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      AdwPreferencesGroup *group = g_hash_table_lookup (made,
                                                        GSIZE_TO_POINTER (sections[i].get_type ()));

      if (group == NULL)
        continue;
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->groups, group);
    }

  tps_comparison_count (self->comparison, &added, &removed, &changed);
  /* Translators: "stadtwerke.touchpoints~: 2 new, 1 removed, 3 changed" */
  subtitle = g_strdup_printf (_("Since %s: %u new, %u removed, %u changed"), self->other_name,
                              added, removed, changed);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, tps_comparison_is_empty (self->comparison)
                                                 ? "empty" : "changes");
}

/* The other version's map, read-only, where what this version removed is
 * outlined: the only place a removed card can be seen.
 */
static void
show_other_map_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TpsCompareView *self = TPS_COMPARE_VIEW (widget);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *scroller;
  GtkWidget *canvas;
  g_autofree char *title = NULL;

  if (self->other_canvas != NULL)
    {
      gtk_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->other_canvas))));
      return;
    }

  /* Translators: window title; %s is the other version's file name */
  title = g_strdup_printf (_("Journey Map of “%s”"), self->other_name);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  canvas = tps_journey_canvas_new ();
  tps_journey_canvas_set_project (TPS_JOURNEY_CANVAS (canvas), self->other);
  tps_journey_canvas_set_comparison (TPS_JOURNEY_CANVAS (canvas), self->comparison);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), canvas);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  g_set_weak_pointer (&self->other_canvas, TPS_JOURNEY_CANVAS (canvas));
  /* It goes with the comparison. */
  g_signal_connect_object (self, "destroy", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
rebuild_now (gpointer data)
{
  TpsCompareView *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (an import, typing); the comparison is made once
 * after them, not once per edit.
 */
static void
on_history_changed (TpsCompareView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_now, self);
}

static void
tps_compare_view_dispose (GObject *object)
{
  TpsCompareView *self = TPS_COMPARE_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  /* Closing the comparison takes its outlines off the map. */
  if (self->canvas != NULL
      && tps_journey_canvas_get_comparison (self->canvas) == self->comparison)
    tps_journey_canvas_set_comparison (self->canvas, NULL);
  g_clear_weak_pointer (&self->canvas);
  g_clear_weak_pointer (&self->other_canvas);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (tps_document_get_history (self->document), self);
  g_clear_object (&self->document);
  g_clear_object (&self->other);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->other_name, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_compare_view_parent_class)->dispose (object);
}

static void
tps_compare_view_class_init (TpsCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_compare_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpointstudio/TouchpointStudio/"
                                               "tps-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsCompareView, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpsCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, TpsCompareView, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "compare.show-other-map", NULL,
                                   show_other_map_action);
}

static void
tps_compare_view_init (TpsCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

/**
 * tps_compare_view_new:
 * @document: the open project
 * @other: the version to compare with
 * @other_name: how to call it ("stadtwerke.touchpoints~")
 * @canvas: (nullable): the map to outline the changes on
 *
 * Returns: (transfer none): the window, to be presented
 */
GtkWindow *
tps_compare_view_new (GtkWindow        *parent,
                      TpsDocument      *document,
                      TpsProject       *other,
                      const char       *other_name,
                      TpsJourneyCanvas *canvas)
{
  TpsCompareView *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TPS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPS_IS_PROJECT (other), NULL);

  self = g_object_new (TPS_TYPE_COMPARE_VIEW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->other = g_object_ref (other);
  self->other_name = g_strdup (other_name);
  g_set_weak_pointer (&self->canvas, canvas);

  /* Translators: window title; %s is the other file's name */
  title = g_strdup_printf (_("Changes Since “%s”"), other_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, _("Changes"));

  g_signal_connect_object (tps_document_get_history (document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WINDOW (self);
}

/* Returns: (transfer none): the comparison on show; it follows the
 *   project's edits once the main loop has run
 */
TpsComparison *
tps_compare_view_get_comparison (TpsCompareView *self)
{
  g_return_val_if_fail (TPS_IS_COMPARE_VIEW (self), NULL);

  return self->comparison;
}
