/* tps-measures-view.c
 *
 * The planner shows the project's measures three ways — a tree list, a
 * timeline and an impact/effort matrix — beside an editor for the selected
 * measure. Everything is a view of the project's own list store: the list
 * filters and sorts it through GtkFilterListModel and GtkTreeListModel,
 * the timeline and the matrix (TpsTimelineView, TpsMatrixView) lay out
 * their core layouts again after each change the history reports. The
 * view never keeps a copy of any measure's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-matrix-view.h"
#include "tps-measure-editor.h"
#include "tps-measure-format.h"
#include "tps-measures-view.h"
#include "tps-measures-view-private.h"
#include "tps-project-edit.h"
#include "tps-timeline-view.h"
#include "tps-view-util.h"

G_DEFINE_FINAL_TYPE (TpsMeasuresView, tps_measures_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_SELECTED_MEASURE,
  N_PROPS
};

enum {
  SHOW_TOUCHPOINT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_now (TpsMeasuresView *self);

static GListModel *
measures_of (TpsMeasuresView *self)
{
  return tps_project_get_measures (self->project);
}

/* ------------------------------------------------------------------------
 * Filtering
 * ------------------------------------------------------------------------ */

static const char *
chosen (GtkDropDown *dropdown,
        GPtrArray   *choices)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (choices == NULL || position == GTK_INVALID_LIST_POSITION || position >= choices->len)
    return NULL;
  return g_ptr_array_index (choices, position);
}

/* Whether @measure itself passes the search and the filters. */
static gboolean
measure_matches (TpsMeasuresView *self,
                 TpsMeasure      *measure)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint type = gtk_drop_down_get_selected (self->type_filter);
  const char *owner = chosen (self->owner_filter, self->owner_choices);
  const char *touchpoint = chosen (self->touchpoint_filter, self->touchpoint_choices);

  if (status != GTK_INVALID_LIST_POSITION && status > 0
      && (guint) tps_measure_get_status (measure) != status - 1)
    return FALSE;

  if (type != GTK_INVALID_LIST_POSITION && type > 0
      && (guint) tps_measure_get_kind (measure) != type - 1)
    return FALSE;

  if (owner != NULL && g_strcmp0 (tps_measure_get_owner (measure), owner) != 0)
    return FALSE;

  if (touchpoint != NULL)
    {
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);

      if (ids == NULL || !g_strv_contains (ids, touchpoint))
        return FALSE;
    }

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      if (!tps_view_contains_folded (tps_measure_get_title (measure), needle)
          && !tps_view_contains_folded (tps_measure_get_description (measure), needle)
          && !tps_view_contains_folded (tps_measure_get_owner (measure), needle))
        return FALSE;
    }

  return TRUE;
}

/* A measure stays visible when a sub-project matches, so a match is never
 * shown without the measure it belongs to.
 */
static gboolean
measure_visible (TpsMeasuresView *self,
                 TpsMeasure      *measure,
                 guint            depth)
{
  GListModel *measures = measures_of (self);
  const char *id = tps_object_get_id (TPS_OBJECT (measure));
  guint n = g_list_model_get_n_items (measures);

  if (measure_matches (self, measure))
    return TRUE;

  /* Deeper than there are measures means a cycle in a hand-edited file. */
  if (depth > n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) child = g_list_model_get_item (measures, i);

      if (child != measure && g_strcmp0 (tps_measure_get_parent_id (child), id) == 0
          && measure_visible (self, child, depth + 1))
        return TRUE;
    }

  return FALSE;
}

static gboolean
visible_func (gpointer item,
              gpointer user_data)
{
  TpsMeasuresView *self = user_data;

  return self->project != NULL && measure_visible (self, item, 0);
}

static gboolean
is_root (TpsMeasuresView *self,
         TpsMeasure      *measure)
{
  TpsMeasure *parent = tps_project_find_measure (self->project,
                                                 tps_measure_get_parent_id (measure));

  return parent == NULL || parent == measure;
}

static gboolean
root_func (gpointer item,
           gpointer user_data)
{
  TpsMeasuresView *self = user_data;

  return self->project != NULL && is_root (self, item);
}

typedef struct
{
  TpsMeasuresView *self;
  char *parent_id;
} ChildFilter;

static void
child_filter_free (gpointer data)
{
  ChildFilter *filter = data;

  g_free (filter->parent_id);
  g_free (filter);
}

static gboolean
child_func (gpointer item,
            gpointer user_data)
{
  ChildFilter *filter = user_data;

  return g_strcmp0 (tps_measure_get_parent_id (item), filter->parent_id) == 0
         && g_strcmp0 (tps_object_get_id (TPS_OBJECT (item)), filter->parent_id) != 0;
}

/* The sub-projects of a measure, for the tree list; none means a leaf. */
static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  TpsMeasuresView *self = user_data;
  const char *id = tps_object_get_id (TPS_OBJECT (item));
  GListModel *measures = measures_of (self);
  gboolean any = FALSE;
  ChildFilter *data;
  GtkEveryFilter *filter;

  for (guint i = 0; i < g_list_model_get_n_items (measures) && !any; i++)
    {
      g_autoptr(TpsMeasure) child = g_list_model_get_item (measures, i);

      any = child != item && g_strcmp0 (tps_measure_get_parent_id (child), id) == 0;
    }

  if (!any)
    return NULL;

  data = g_new0 (ChildFilter, 1);
  data->self = self;
  data->parent_id = g_strdup (id);

  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter),
                           GTK_FILTER (gtk_custom_filter_new (child_func, data,
                                                              child_filter_free)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (self->visible_filter));

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (measures), GTK_FILTER (filter)));
}

static char *
structure_signature (TpsMeasuresView *self)
{
  GListModel *measures = measures_of (self);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) m = g_list_model_get_item (measures, i);

      g_string_append_printf (s, "%p:%s\x1e", (gpointer) m, tps_measure_get_parent_id (m) ?: "");
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The tree's shape (which measure is below which) is fixed when a tree
 * list row is created, so a changed parent needs a new tree.
 */
static void
rebuild_tree (TpsMeasuresView *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;

  gtk_filter_changed (self->root_filter, GTK_FILTER_CHANGE_DIFFERENT);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)), FALSE, TRUE,
                                  create_children, self, NULL);

  self->updating_selection = TRUE;
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (tree));
  self->updating_selection = FALSE;
}

static guint
count_active_filters (TpsMeasuresView *self)
{
  GtkDropDown *dropdowns[] = {
    self->status_filter, self->type_filter, self->owner_filter, self->touchpoint_filter,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      guint selected = gtk_drop_down_get_selected (dropdowns[i]);

      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        n++;
    }

  return n;
}

static void
update_filter_button (TpsMeasuresView *self)
{
  guint n = count_active_filters (self);
  g_autofree char *label = NULL;

  /* Translators: the filter button while %u filters are active */
  label = n > 0 ? g_strdup_printf (_("Filter (%u)"), n) : g_strdup (_("Filter"));
  /* Narrow, the funnel alone leaves the view switcher room for its
   * labels; the name keeps saying how many filters are on.
   */
  if (self->compact)
    gtk_menu_button_set_icon_name (self->filter_button, "tps-filter-symbolic");
  else
    gtk_menu_button_set_label (self->filter_button, label);
  tps_accessible_set_name (GTK_WIDGET (self->filter_button), label);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* Asks the window to show @touchpoint (the "show-touchpoint" signal). */
void
tps_measures_view_show_touchpoint (TpsMeasuresView *self,
                                   TpsTouchpoint   *touchpoint)
{
  g_signal_emit (self, signals[SHOW_TOUCHPOINT], 0, touchpoint);
}

void
tps_measures_view_on_filter_changed (TpsMeasuresView *self)
{
  if (self->updating_filters || self->project == NULL)
    return;

  update_filter_button (self);
  refresh_now (self);
}

/* Rebuilds a filter's choices, keeping what was chosen when it is still there. */
static void
set_choices (TpsMeasuresView  *self,
             GtkDropDown      *dropdown,
             GPtrArray       **choices,
             GPtrArray        *values,
             GPtrArray        *labels)
{
  g_autofree char *previous = g_strdup (chosen (dropdown, *choices));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint position = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      if (previous != NULL && g_strcmp0 (g_ptr_array_index (values, i), previous) == 0)
        position = i;
    }

  g_clear_pointer (choices, g_ptr_array_unref);
  *choices = g_ptr_array_ref (values);

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, position);
  self->updating_filters = FALSE;
}

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
update_filter_choices (TpsMeasuresView *self)
{
  GListModel *measures = measures_of (self);
  GListModel *touchpoints = tps_project_get_touchpoints (self->project);
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) m = g_list_model_get_item (measures, i);
      const char *owner = tps_measure_get_owner (m);

      if (owner != NULL && g_hash_table_add (owners, (gpointer) owner))
        g_ptr_array_add (sorted, (gpointer) owner);
    }
  g_ptr_array_sort (sorted, compare_collate);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (signature, "%s\x1e", (char *) g_ptr_array_index (sorted, i));

  if (g_strcmp0 (signature->str, self->owner_signature) != 0)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (values, NULL);
      g_ptr_array_add (labels, g_strdup (_("All owners")));
      for (guint i = 0; i < sorted->len; i++)
        {
          g_ptr_array_add (values, g_strdup (g_ptr_array_index (sorted, i)));
          g_ptr_array_add (labels, g_strdup (g_ptr_array_index (sorted, i)));
        }
      set_choices (self, self->owner_filter, &self->owner_choices, values, labels);
      g_free (self->owner_signature);
      self->owner_signature = g_strdup (signature->str);
    }

  g_string_truncate (signature, 0);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) t = g_list_model_get_item (touchpoints, i);

      g_string_append_printf (signature, "%s\x1f%s\x1e", tps_object_get_id (TPS_OBJECT (t)),
                              tps_touchpoint_get_title (t) ?: "");
    }

  if (g_strcmp0 (signature->str, self->touchpoint_signature) != 0)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (values, NULL);
      g_ptr_array_add (labels, g_strdup (_("All touchpoints")));
      for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
        {
          g_autoptr(TpsTouchpoint) t = g_list_model_get_item (touchpoints, i);

          g_ptr_array_add (values, g_strdup (tps_object_get_id (TPS_OBJECT (t))));
          g_ptr_array_add (labels, g_strdup (tps_touchpoint_get_title (t) ?: _("Untitled")));
        }
      set_choices (self, self->touchpoint_filter, &self->touchpoint_choices, values, labels);
      g_free (self->touchpoint_signature);
      self->touchpoint_signature = g_strdup (signature->str);
    }
}

static void
fill_enum_filter (GtkDropDown *dropdown,
                  GType        enum_type,
                  const char  *any)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < tps_enum_get_n_values (enum_type); i++)
    gtk_string_list_append (list, tps_enum_get_label (enum_type, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* ------------------------------------------------------------------------
 * Selection and editor
 * ------------------------------------------------------------------------ */

static void
sync_list_selection (TpsMeasuresView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->selected != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == G_OBJECT (self->selected))
        {
          position = i;
          break;
        }
    }

  self->updating_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating_selection = FALSE;
}

static void
on_editor_show_touchpoint (TpsMeasureEditor *editor,
                           TpsTouchpoint    *touchpoint,
                           TpsMeasuresView  *self)
{
  g_signal_emit (self, signals[SHOW_TOUCHPOINT], 0, touchpoint);
}

static void
update_editor (TpsMeasuresView *self)
{
  if (self->editor != NULL
      && tps_measure_editor_get_measure (TPS_MEASURE_EDITOR (self->editor)) == self->selected)
    return;

  /* Nothing selected: no editor holds on to a measure that may be gone. */
  if (self->selected == NULL || self->project == NULL || self->history == NULL)
    {
      self->editor = NULL;
      adw_bin_set_child (self->editor_bin, NULL);
      gtk_stack_set_visible_child_name (self->editor_stack, "empty");
      return;
    }

  /* One editor for the project, handed each measure selected: building
   * one per selection cost more than the rest of selecting.
   */
  if (self->editor != NULL)
    tps_measure_editor_set_measure (TPS_MEASURE_EDITOR (self->editor), self->selected);
  else
    {
      self->editor = tps_measure_editor_new (self->project, self->history, self->selected);
      g_signal_connect (self->editor, "show-touchpoint",
                        G_CALLBACK (on_editor_show_touchpoint), self);
      adw_bin_set_child (self->editor_bin, self->editor);
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");

  /* On a narrow window the editor slides over the list it was opened from. */
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
update_actions (TpsMeasuresView *self)
{
  gboolean has_project = self->project != NULL && self->history != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.add-sub-project",
                                 has_project && self->selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measures.delete",
                                 has_project && self->selected != NULL);
}

static void
on_selection_changed (TpsMeasuresView *self)
{
  GtkTreeListRow *row;
  g_autoptr(TpsMeasure) measure = NULL;

  if (self->updating_selection)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return;

  measure = gtk_tree_list_row_get_item (row);
  tps_measures_view_set_selected_measure (self, measure);
}

/* ------------------------------------------------------------------------
 * Summary and painpoints
 * ------------------------------------------------------------------------ */

static void
update_summary (TpsMeasuresView *self)
{
  TpsMeasureSummary summary;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *budget = NULL;

  tps_project_measure_summary (self->project, &summary);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures",
                                             summary.n_measures),
                          summary.n_measures);

  for (guint s = 0; s < G_N_ELEMENTS (summary.by_status); s++)
    if (summary.by_status[s] > 0)
      {
        g_string_append (text, "  ·  ");
        /* Translators: a measure status and how many measures have it: "Pilot: 3" */
        g_string_append_printf (text, _("%s: %u"), tps_enum_get_label (TPS_TYPE_MEASURE_STATUS, s),
                                summary.by_status[s]);
      }

  budget = tps_format_cost (summary.planned_cost, tps_project_get_currency (self->project));
  g_string_append (text, "   |   ");
  /* Translators: the summed cost of planned, in-progress and pilot measures */
  g_string_append_printf (text, _("Planned budget: %s"), budget);
  g_string_append (text, "   |   ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u open quick win",
                                             "%u open quick wins", summary.open_quick_wins),
                          summary.open_quick_wins);

  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label),
                               _("The planned budget adds up the cost of measures that are "
                                 "planned, in progress or in a pilot. Open quick wins are "
                                 "quick wins that are neither done nor dropped."));
}

/* The banner's list can hold thousands of painpoints in a big project, so
 * it is a GtkListView that makes rows only for what is on screen.
 */
static void
setup_painpoint_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     TpsMeasuresView          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = tps_touchpoint_label_new ();
  GtkWidget *button;

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), text);

  button = gtk_button_new_from_icon_name ("find-location-symbolic");
  gtk_widget_set_tooltip_text (button, _("Show on the journey map"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (row), button);

  button = gtk_button_new_with_mnemonic (_("_Create Measure"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), button);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
}

static void
bind_painpoint_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    TpsMeasuresView          *self)
{
  TpsTouchpoint *t = gtk_list_item_get_item (item);
  GtkWidget *text = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *show = gtk_widget_get_next_sibling (text);
  GtkWidget *create = gtk_widget_get_next_sibling (show);
  const char *id = tps_object_get_id (TPS_OBJECT (t));

  tps_touchpoint_label_set (text, self->project, t);

  /* The target first: an action with a parameter refuses a button without. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "measures.show-touchpoint");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (create), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "measures.create-for-painpoint");
}

static void
update_painpoints (TpsMeasuresView *self)
{
  g_autoptr(GPtrArray) painpoints = tps_project_get_painpoints_without_measure (self->project);
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < painpoints->len; i++)
    {
      TpsTouchpoint *t = g_ptr_array_index (painpoints, i);

      g_string_append_printf (signature, "%s\x1f%s\x1e", tps_object_get_id (TPS_OBJECT (t)),
                              tps_touchpoint_get_title (t) ?: "");
    }

  if (g_strcmp0 (signature->str, self->painpoint_signature) == 0)
    return;
  g_free (self->painpoint_signature);
  self->painpoint_signature = g_strdup (signature->str);

  g_list_store_splice (self->painpoints, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->painpoints)),
                       painpoints->pdata, painpoints->len);

  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u painpoint on the journey has no measure yet.",
                                         "%u painpoints on the journey have no measure yet.",
                                         painpoints->len),
                            painpoints->len);
  markup = g_markup_printf_escaped ("<b>%s</b>  %s", _("Painpoints without a measure"), detail);
  gtk_label_set_markup (self->painpoint_label, markup);
  gtk_revealer_set_reveal_child (self->painpoint_revealer, painpoints->len > 0);
}

static void
on_painpoint_toggled (TpsMeasuresView *self)
{
  gtk_button_set_label (GTK_BUTTON (self->painpoint_toggle),
                        gtk_toggle_button_get_active (self->painpoint_toggle)
                        ? _("_Hide") : _("_Show"));
}

static void
update_empty_state (TpsMeasuresView *self)
{
  gboolean has_measures = g_list_model_get_n_items (measures_of (self)) > 0;
  gboolean has_rows = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0;
  GtkWidget *button;

  gtk_stack_set_visible_child_name (self->list_stack, has_rows ? "list" : "empty");
  if (has_rows)
    return;

  if (!has_measures)
    {
      adw_status_page_set_title (self->list_empty, _("No Measures Yet"));
      adw_status_page_set_description (self->list_empty,
                                       _("Plan what the company will do to close the gaps on "
                                         "the journey: process changes, staff training, "
                                         "technology, communication. Start with the quick "
                                         "wins."));
      button = gtk_button_new_with_mnemonic (_("_Add Measure"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.add");
    }
  else
    {
      adw_status_page_set_title (self->list_empty, _("No Matching Measures"));
      adw_status_page_set_description (self->list_empty,
                                       _("No measure matches the search and the filters."));
      button = gtk_button_new_with_mnemonic (_("_Show All Measures"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.clear-filters");
    }

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (self->list_empty, button);
}

/* ------------------------------------------------------------------------
 * Timeline and matrix
 * ------------------------------------------------------------------------ */

/* The drop-downs above the timeline, their items in this order. */
static void
on_timeline_option_changed (TpsMeasuresView *self)
{
  static const TpsTimelineScale scales[] = {
    TPS_TIMELINE_SCALE_AUTO, TPS_TIMELINE_SCALE_MONTH, TPS_TIMELINE_SCALE_QUARTER,
  };
  guint scale = gtk_drop_down_get_selected (self->scale_dropdown);
  guint grouping = gtk_drop_down_get_selected (self->grouping_dropdown);

  tps_timeline_view_set_scale (self->timeline_view,
                               scales[MIN (scale, G_N_ELEMENTS (scales) - 1)]);
  tps_timeline_view_set_grouping (self->timeline_view,
                                  grouping == 1 ? TPS_TIMELINE_GROUP_BY_TYPE
                                                : TPS_TIMELINE_GROUP_BY_PARENT);
}

/* A measure pressed in the timeline or the matrix is selected everywhere. */
static void
on_plan_selected (GObject         *plan,
                  GParamSpec      *pspec,
                  TpsMeasuresView *self)
{
  g_autoptr(TpsMeasure) measure = NULL;

  g_object_get (plan, "selected-measure", &measure, NULL);
  tps_measures_view_set_selected_measure (self, measure);
}

static void
on_plan_edit_refused (TpsTimelineView *timeline,
                      const char      *message,
                      TpsMeasuresView *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* ------------------------------------------------------------------------
 * Refresh after model changes
 * ------------------------------------------------------------------------ */

static void
refresh (TpsMeasuresView *self)
{
  g_autofree char *structure = NULL;

  if (self->project == NULL || self->history == NULL)
    return;

  /* A deleted measure cannot stay selected. */
  if (self->selected != NULL && !tps_list_find (measures_of (self), self->selected, NULL))
    tps_measures_view_set_selected_measure (self, NULL);

  update_filter_choices (self);

  structure = structure_signature (self);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      rebuild_tree (self);
    }

  self->updating_selection = TRUE;
  gtk_filter_changed (self->visible_filter, GTK_FILTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_sorter_changed (self->column_sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
  self->updating_selection = FALSE;
  sync_list_selection (self);

  update_empty_state (self);
  update_summary (self);
  update_painpoints (self);
  tps_timeline_view_refresh (self->timeline_view);
  tps_matrix_view_refresh (self->matrix_view);
  update_actions (self);
}

/* Changes through the history, and lists changing outside it (a reload):
 * refresh once the change is complete rather than in the middle of it, and
 * not at all while another page is shown.
 */
static void
queue_refresh (TpsMeasuresView *self)
{
  tps_view_update_queue (self->update);
}

/* Through the queue, so that a refresh already queued does not run again. */
static void
refresh_now (TpsMeasuresView *self)
{
  tps_view_update_queue (self->update);
  tps_view_update_flush (self->update);
}

static void
disconnect_model (TpsMeasuresView *self)
{
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (measures_of (self), self);
      g_signal_handlers_disconnect_by_data (tps_project_get_touchpoints (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
}

static void
connect_model (TpsMeasuresView *self)
{
  if (self->project != NULL)
    {
      g_signal_connect_swapped (measures_of (self), "items-changed",
                                G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (tps_project_get_touchpoints (self->project), "items-changed",
                                G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (self->project, "notify::currency",
                                G_CALLBACK (queue_refresh), self);
    }
}

/* Points the list at the current project's measures, or at nothing. */
static void
reset_models (TpsMeasuresView *self)
{
  g_autoptr(GListStore) empty = g_list_store_new (TPS_TYPE_MEASURE);
  GListModel *measures = self->project != NULL ? measures_of (self) : G_LIST_MODEL (empty);

  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->owner_signature, g_free);
  g_clear_pointer (&self->touchpoint_signature, g_free);
  g_clear_pointer (&self->painpoint_signature, g_free);

  gtk_filter_list_model_set_model (self->roots, measures);
  if (self->project != NULL)
    queue_refresh (self);
  else
    {
      self->updating_selection = TRUE;
      gtk_sort_list_model_set_model (self->sorted, NULL);
      self->updating_selection = FALSE;
    }

  update_actions (self);
}

/* ------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------ */

static void
tps_measures_view_dispose (GObject *object)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (object);

  g_clear_pointer (&self->update, tps_view_update_free);
  disconnect_model (self);

  /* The column view must let go of its rows before the models go. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  self->editor = NULL;

  g_clear_object (&self->add_content);
  g_clear_object (&self->add_sub_content);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_MEASURES_VIEW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->roots);
  g_clear_object (&self->visible_filter);
  g_clear_object (&self->root_filter);
  g_clear_object (&self->painpoints);
  g_clear_object (&self->selected);
  g_clear_object (&self->project);
  tps_view_follow_history (&self->history, &self->history_changed_id, NULL, NULL, NULL, 0);

  G_OBJECT_CLASS (tps_measures_view_parent_class)->dispose (object);
}

static void
tps_measures_view_finalize (GObject *object)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (object);

  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->owner_signature, g_free);
  g_clear_pointer (&self->touchpoint_signature, g_free);
  g_clear_pointer (&self->painpoint_signature, g_free);
  g_clear_pointer (&self->owner_choices, g_ptr_array_unref);
  g_clear_pointer (&self->touchpoint_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_measures_view_parent_class)->finalize (object);
}

static void
tps_measures_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (object);

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
tps_measures_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpsMeasuresView *self = TPS_MEASURES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_measures_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_measures_view_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_MEASURE:
      tps_measures_view_set_selected_measure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measures_view_class_init (TpsMeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tps_measures_view_dispose;
  object_class->finalize = tps_measures_view_finalize;
  object_class->get_property = tps_measures_view_get_property;
  object_class->set_property = tps_measures_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  /**
   * TpsMeasuresView:selected-measure:
   *
   * The measure selected in the list, the timeline or the matrix; the
   * window highlights its touchpoints on the journey map.
   */
  properties[PROP_SELECTED_MEASURE] =
    g_param_spec_object ("selected-measure", NULL, NULL, TPS_TYPE_MEASURE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsMeasuresView::show-touchpoint:
   *
   * The user wants to jump to @touchpoint on the journey map.
   */
  signals[SHOW_TOUCHPOINT] =
    g_signal_new ("show-touchpoint", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  g_type_ensure (TPS_TYPE_TIMELINE_VIEW);
  g_type_ensure (TPS_TYPE_MATRIX_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpointstudio/TouchpointStudio/"
                                               "tps-measures-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, touchpoint_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, painpoint_revealer);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, painpoint_label);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, painpoint_toggle);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, painpoint_list);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, list_empty);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, grouping_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, flap);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, editor_back_bar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, switcher);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, add_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, add_sub_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, filter_popover_box);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, timeline_toolbar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, timeline_hint);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, scale_label);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, grouping_label);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasuresView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_edit_refused);

  tps_measures_view_install_actions (widget_class);
}

static void
tps_measures_view_init (TpsMeasuresView *self)
{
  g_autoptr(GtkTreeListRowSorter) row_sorter = NULL;
  g_autoptr(GListStore) empty = g_list_store_new (TPS_TYPE_MEASURE);
  GtkEveryFilter *roots_filter;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named also where their labels are hidden on a narrow window. */
  tps_accessible_set_name (GTK_WIDGET (self->scale_dropdown), _("Scale"));
  tps_accessible_set_name (GTK_WIDGET (self->grouping_dropdown), _("Group by"));
  tps_accessible_name_controls (GTK_WIDGET (self));
  self->add_content = g_object_ref (gtk_button_get_child (self->add_button));
  self->add_sub_content = g_object_ref (gtk_button_get_child (self->add_sub_button));

  self->update = tps_view_update_new (GTK_WIDGET (self), G_CALLBACK (refresh));

  tps_measures_view_setup_columns (self);
  fill_enum_filter (self->status_filter, TPS_TYPE_MEASURE_STATUS, _("All statuses"));
  fill_enum_filter (self->type_filter, TPS_TYPE_MEASURE_TYPE, _("All types"));

  self->visible_filter = GTK_FILTER (gtk_custom_filter_new (visible_func, self, NULL));
  self->root_filter = GTK_FILTER (gtk_custom_filter_new (root_func, self, NULL));
  roots_filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (roots_filter), g_object_ref (self->root_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (roots_filter), g_object_ref (self->visible_filter));
  self->roots = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (empty)),
                                           GTK_FILTER (roots_filter));

  row_sorter =
    gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (g_steal_pointer (&row_sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (tps_measures_view_on_filter_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected",
                            G_CALLBACK (tps_measures_view_on_filter_changed), self);
  g_signal_connect_swapped (self->type_filter, "notify::selected",
                            G_CALLBACK (tps_measures_view_on_filter_changed), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected",
                            G_CALLBACK (tps_measures_view_on_filter_changed), self);
  g_signal_connect_swapped (self->touchpoint_filter, "notify::selected",
                            G_CALLBACK (tps_measures_view_on_filter_changed), self);
  g_signal_connect_swapped (self->painpoint_toggle, "toggled",
                            G_CALLBACK (on_painpoint_toggled), self);

  self->painpoints = g_list_store_new (TPS_TYPE_TOUCHPOINT);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) model =
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->painpoints)));

    g_signal_connect (factory, "setup", G_CALLBACK (setup_painpoint_row), self);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_painpoint_row), self);
    gtk_list_view_set_factory (self->painpoint_list, factory);
    gtk_list_view_set_model (self->painpoint_list, GTK_SELECTION_MODEL (model));
  }

  g_signal_connect_swapped (self->scale_dropdown, "notify::selected",
                            G_CALLBACK (on_timeline_option_changed), self);
  g_signal_connect_swapped (self->grouping_dropdown, "notify::selected",
                            G_CALLBACK (on_timeline_option_changed), self);

  update_filter_button (self);
  update_actions (self);
}

GtkWidget *
tps_measures_view_new (void)
{
  return g_object_new (TPS_TYPE_MEASURES_VIEW, NULL);
}

TpsProject *
tps_measures_view_get_project (TpsMeasuresView *self)
{
  g_return_val_if_fail (TPS_IS_MEASURES_VIEW (self), NULL);
  return self->project;
}

void
tps_measures_view_set_project (TpsMeasuresView *self,
                               TpsProject      *project)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (self->project == project)
    return;

  tps_measures_view_set_selected_measure (self, NULL);
  disconnect_model (self);
  g_set_object (&self->project, project);
  tps_timeline_view_set_project (self->timeline_view, project);
  tps_matrix_view_set_project (self->matrix_view, project);
  connect_model (self);
  reset_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_measures_view_get_history (TpsMeasuresView *self)
{
  g_return_val_if_fail (TPS_IS_MEASURES_VIEW (self), NULL);
  return self->history;
}

void
tps_measures_view_set_history (TpsMeasuresView *self,
                               TpsHistory      *history)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (self->history == history)
    return;

  tps_measures_view_set_selected_measure (self, NULL);
  tps_view_follow_history (&self->history, &self->history_changed_id, history,
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  tps_timeline_view_set_history (self->timeline_view, history);
  tps_matrix_view_set_history (self->matrix_view, history);
  reset_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TpsMeasure *
tps_measures_view_get_selected_measure (TpsMeasuresView *self)
{
  g_return_val_if_fail (TPS_IS_MEASURES_VIEW (self), NULL);
  return self->selected;
}

/* Selects @measure in every tab and opens it in the editor. */
void
tps_measures_view_set_selected_measure (TpsMeasuresView *self,
                                        TpsMeasure      *measure)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));
  g_return_if_fail (measure == NULL || TPS_IS_MEASURE (measure));

  if (self->selected == measure)
    return;

  g_set_object (&self->selected, measure);

  if (self->project != NULL)
    {
      /* A measure just added must be in the list before it is selected. */
      tps_view_update_flush (self->update);
      sync_list_selection (self);
    }
  tps_timeline_view_set_selected_measure (self->timeline_view, measure);
  tps_matrix_view_set_selected_measure (self->matrix_view, measure);

  update_editor (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_MEASURE]);
}

/**
 * tps_measures_view_set_folded:
 *
 * Where the window is too narrow for the list and the editor side by
 * side, the editor slides over the list when a measure is opened and has
 * a button back to it.
 */
void
tps_measures_view_set_folded (TpsMeasuresView *self,
                              gboolean         folded)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));

  adw_flap_set_fold_policy (self->flap, folded ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                               : ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_reveal_flap (self->flap, !folded);
  gtk_widget_set_visible (self->editor_back_bar, folded);
}

/* A button's content: its icon and label, or on a narrow window only the
 * icon (the button keeps its accessible name and tooltip).
 */
static void
set_button_compact (GtkButton *button,
                    GtkWidget *content,
                    gboolean   compact)
{
  if (!compact)
    {
      if (gtk_button_get_child (button) != content)
        gtk_button_set_child (button, content);
      return;
    }

  gtk_button_set_icon_name (button,
                            adw_button_content_get_icon_name (ADW_BUTTON_CONTENT (content)));
}

/**
 * tps_measures_view_set_compact:
 *
 * On a narrow window the toolbar's buttons show only their icons, the
 * view switcher stacks icons over labels, the search field moves into the
 * filter popover and the timeline's drop-downs go without their labels
 * (they keep their names) and its hint, one above the other.
 */
void
tps_measures_view_set_compact (TpsMeasuresView *self,
                               gboolean         compact)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));

  self->compact = compact;
  set_button_compact (self->add_button, self->add_content, compact);
  set_button_compact (self->add_sub_button, self->add_sub_content, compact);
  update_filter_button (self);
  adw_view_switcher_set_policy (self->switcher, compact ? ADW_VIEW_SWITCHER_POLICY_NARROW
                                                        : ADW_VIEW_SWITCHER_POLICY_WIDE);

  tps_view_place_compact (GTK_WIDGET (self->search_entry), self->toolbar,
                          GTK_WIDGET (self->switcher), self->filter_popover_box, NULL, compact);
  gtk_widget_set_visible (self->scale_label, !compact);
  gtk_widget_set_visible (self->grouping_label, !compact);
  gtk_widget_set_visible (self->timeline_hint, !compact);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->timeline_toolbar),
                                  compact ? GTK_ORIENTATION_VERTICAL
                                          : GTK_ORIENTATION_HORIZONTAL);
}

/**
 * tps_measures_view_set_narrow:
 *
 * On a phone-sized window the view switcher gets a row of its own below
 * the toolbar, the whole width, so that "Timeline" and "Zeitleiste" are
 * not cut off between the toolbar's buttons.
 */
void
tps_measures_view_set_narrow (TpsMeasuresView *self,
                              gboolean         narrow)
{
  g_return_if_fail (TPS_IS_MEASURES_VIEW (self));

  tps_view_place_compact (GTK_WIDGET (self->switcher), self->toolbar,
                          self->delete_button, self->switcher_bar, NULL, narrow);
  gtk_widget_set_visible (self->switcher_bar, narrow);
  /* The filter keeps its place at the toolbar's end. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->filter_button), narrow);
  gtk_widget_set_halign (GTK_WIDGET (self->filter_button), narrow ? GTK_ALIGN_END
                                                                  : GTK_ALIGN_FILL);
}
