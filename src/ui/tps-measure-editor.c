/* tps-measure-editor.c
 *
 * One editor edits one measure for its whole life: the planner makes a new
 * editor when the selection changes. That keeps every binding simple — no
 * field ever has to be re-pointed at another object — and the fields
 * follow undo and redo through the model's notifications.
 *
 * Edits that can be refused (the parent, the dates, links) go through
 * tps-project-edit and show the refusal right under the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tps-bind.h"
#include "tps-measure-editor.h"
#include "tps-measure-format.h"
#include "tps-project-edit.h"
#include "tps-view-util.h"

#define N_SCORES (TPS_SCORE_MAX - TPS_SCORE_MIN + 1)

struct _TpsMeasureEditor
{
  GtkWidget parent_instance;

  TpsProject *project;
  TpsHistory *history;
  gulong history_changed_id;
  TpsMeasure *measure;
  TpsViewUpdate *update;        /* once per frame, only while shown */

  AdwPreferencesPage *page;
  AdwEntryRow *title_row;
  AdwComboRow *kind_row;
  AdwComboRow *status_row;
  AdwEntryRow *owner_row;
  AdwComboRow *parent_row;
  GtkLabel *parent_error;
  GtkTextView *description_view;
  AdwEntryRow *start_row;
  AdwEntryRow *due_row;
  GtkPopover *start_popover;
  GtkPopover *due_popover;
  GtkCalendar *start_calendar;
  GtkCalendar *due_calendar;
  GtkButton *start_clear_button;
  GtkButton *due_clear_button;
  GtkLabel *dates_error;
  GtkBox *effort_box;
  GtkBox *impact_box;
  AdwActionRow *quick_win_row;
  GtkSpinButton *cost_spin;
  GtkLabel *currency_label;
  GtkMenuButton *link_button;
  GtkPopover *picker_popover;
  GtkSearchEntry *picker_search;
  GtkListView *picker_list;
  GtkLabel *picker_empty;
  GtkListBox *links_list;

  GtkToggleButton *effort_buttons[N_SCORES];
  GtkToggleButton *impact_buttons[N_SCORES];
  GPtrArray *parent_ids;        /* position in the parent combo → measure id (NULL: none) */
  char *parent_signature;       /* what the parent combo was built from */
  char *links_signature;        /* what the linked-touchpoint rows were built from */
  guint parent_idle;
  GtkFilter *picker_filter;
  GtkFilterListModel *picker_model;
  gboolean updating;
  gboolean constructed;         /* the parts that outlive a measure exist */
};

G_DEFINE_FINAL_TYPE (TpsMeasureEditor, tps_measure_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_MEASURE,
  N_PROPS
};

enum {
  SHOW_TOUCHPOINT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const score_labels[N_SCORES] = {
  N_("Very low"), N_("Low"), N_("Medium"), N_("High"), N_("Very high"),
};

/* ------------------------------------------------------------------------
 * Parent measure
 * ------------------------------------------------------------------------ */

/* The measures under @parent_id ("" for the top), in list order, each
 * followed by its own sub-projects, indented. @children maps a parent's id
 * to its measures, so the whole tree costs one pass over the list.
 */
static void
append_parent_choices (TpsMeasureEditor *self,
                       GtkStringList    *labels,
                       GHashTable       *children,
                       const char       *parent_id,
                       guint             depth,
                       GHashTable       *seen)
{
  GPtrArray *measures = g_hash_table_lookup (children, parent_id);

  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      TpsMeasure *m = g_ptr_array_index (measures, i);
      const char *id = tps_object_get_id (TPS_OBJECT (m));
      const char *title = tps_measure_get_title (m);
      g_autofree char *label = NULL;
      g_autoptr(GString) indent = g_string_new (NULL);

      if (g_hash_table_contains (seen, m))
        continue;

      g_hash_table_add (seen, m);
      for (guint d = 0; d < depth; d++)
        g_string_append (indent, "    ");
      label = g_strdup_printf ("%s%s%s", indent->str, depth > 0 ? "↳ " : "",
                               title != NULL && *title ? title : _("Untitled"));

      /* The measure itself is never a choice; its sub-projects are, so
       * that trying one explains why it cannot be.
       */
      if (m != self->measure)
        {
          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->parent_ids, g_strdup (id));
        }

      append_parent_choices (self, labels, children, id, depth + 1, seen);
    }
}

static char *
parent_signature (TpsMeasureEditor *self)
{
  GListModel *measures = tps_project_get_measures (self->project);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) m = g_list_model_get_item (measures, i);

      g_string_append_printf (s, "%s\x1f%s\x1f%s\x1e", tps_object_get_id (TPS_OBJECT (m)),
                              tps_measure_get_parent_id (m) ?: "",
                              tps_measure_get_title (m) ?: "");
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
select_current_parent (TpsMeasureEditor *self)
{
  const char *parent_id = tps_measure_get_parent_id (self->measure);
  guint position = 0;

  for (guint i = 1; i < self->parent_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->parent_ids, i), parent_id) == 0)
      position = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->parent_row, position);
  self->updating = FALSE;
}

static void
rebuild_parent_choices (TpsMeasureEditor *self)
{
  g_autofree char *signature = parent_signature (self);
  GListModel *measures = tps_project_get_measures (self->project);
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) children = NULL;

  if (g_strcmp0 (signature, self->parent_signature) == 0)
    return;

  g_free (self->parent_signature);
  self->parent_signature = g_steal_pointer (&signature);

  labels = gtk_string_list_new (NULL);
  seen = g_hash_table_new (NULL, NULL);
  children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_set_size (self->parent_ids, 0);

  /* A parent that is not in the project counts as none. */
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) m = g_list_model_get_item (measures, i);
      const char *parent_id = tps_measure_get_parent_id (m);
      GPtrArray *siblings;

      if (tps_project_find_measure (self->project, parent_id) == NULL)
        parent_id = "";
      siblings = g_hash_table_lookup (children, parent_id);
      if (siblings == NULL)
        g_hash_table_insert (children, (gpointer) parent_id,
                             siblings = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (siblings, g_object_ref (m));
    }

  gtk_string_list_append (labels, _("None (a measure of its own)"));
  g_ptr_array_add (self->parent_ids, NULL);
  append_parent_choices (self, labels, children, "", 0, seen);

  self->updating = TRUE;
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
  select_current_parent (self);
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* Runs after the combo row finished changing its selection: applying the
 * choice may rebuild or reset the row's model, which must not happen while
 * the row is still emitting.
 */
static gboolean
apply_parent_choice (gpointer user_data)
{
  TpsMeasureEditor *self = user_data;
  guint position = adw_combo_row_get_selected (self->parent_row);
  const char *id;
  g_autoptr(GError) error = NULL;

  self->parent_idle = 0;

  if (position == GTK_INVALID_LIST_POSITION || position >= self->parent_ids->len)
    return G_SOURCE_REMOVE;

  id = g_ptr_array_index (self->parent_ids, position);
  if (g_strcmp0 (id, tps_measure_get_parent_id (self->measure)) != 0
      && !tps_project_set_measure_parent (self->project, self->history, self->measure, id,
                                          &error))
    select_current_parent (self);

  show_error (self->parent_error, error);
  return G_SOURCE_REMOVE;
}

static void
on_parent_selected (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    TpsMeasureEditor *self)
{
  if (!self->updating && self->parent_idle == 0)
    self->parent_idle = g_idle_add (apply_parent_choice, self);
}

static void
on_parent_changed (TpsMeasureEditor *self)
{
  select_current_parent (self);
}

/* ------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------ */

static void
sync_date_row (TpsMeasureEditor *self,
               AdwEntryRow      *row,
               const char       *iso)
{
  g_autofree char *text = tps_format_date (iso);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->updating = FALSE;
}

static void
on_dates_changed (TpsMeasureEditor *self)
{
  sync_date_row (self, self->start_row, tps_measure_get_start (self->measure));
  sync_date_row (self, self->due_row, tps_measure_get_due (self->measure));
}

static void
set_dates (TpsMeasureEditor *self,
           const char       *start,
           const char       *due)
{
  g_autoptr(GError) error = NULL;

  tps_project_set_measure_dates (self->project, self->history, self->measure, start, due, &error);
  show_error (self->dates_error, error);

  /* A refused date leaves the model as it was; show that, not the typo. */
  if (error != NULL)
    on_dates_changed (self);
}

/* Reads what was typed into a date row. An empty row means no date. */
static gboolean
read_date_row (TpsMeasureEditor  *self,
               AdwEntryRow       *row,
               char             **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *example = NULL;
  g_autofree char *message = NULL;

  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  *iso = NULL;
  if (*stripped == '\0')
    return TRUE;

  *iso = tps_parse_date_input (text);
  if (*iso != NULL)
    return TRUE;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  example = tps_format_date (today);
  /* Translators: the first %s is what was typed, the second an example date */
  message = g_strdup_printf (_("“%s” is not a date. Type a date like %s."), text, example);
  gtk_label_set_text (self->dates_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), TRUE);
  return FALSE;
}

static void
on_start_apply (AdwEntryRow      *row,
                TpsMeasureEditor *self)
{
  g_autofree char *start = NULL;

  if (read_date_row (self, row, &start))
    set_dates (self, start, tps_measure_get_due (self->measure));
}

static void
on_due_apply (AdwEntryRow      *row,
              TpsMeasureEditor *self)
{
  g_autofree char *due = NULL;

  if (read_date_row (self, row, &due))
    set_dates (self, tps_measure_get_start (self->measure), due);
}

static void
calendar_show_date (TpsMeasureEditor *self,
                    GtkCalendar      *calendar,
                    const char       *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (tps_date_is_valid (iso) && sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) == 3)
    dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  else
    dt = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (calendar, dt);
  self->updating = FALSE;
}

static void
on_start_popover_show (TpsMeasureEditor *self)
{
  calendar_show_date (self, self->start_calendar,
                      tps_measure_get_start (self->measure) ?: tps_measure_get_due (self->measure));
}

static void
on_due_popover_show (TpsMeasureEditor *self)
{
  calendar_show_date (self, self->due_calendar,
                      tps_measure_get_due (self->measure) ?: tps_measure_get_start (self->measure));
}

static char *
calendar_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static void
on_start_day_selected (GtkCalendar      *calendar,
                       TpsMeasureEditor *self)
{
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  iso = calendar_iso (calendar);
  set_dates (self, iso, tps_measure_get_due (self->measure));
  gtk_popover_popdown (self->start_popover);
}

static void
on_due_day_selected (GtkCalendar      *calendar,
                     TpsMeasureEditor *self)
{
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  iso = calendar_iso (calendar);
  set_dates (self, tps_measure_get_start (self->measure), iso);
  gtk_popover_popdown (self->due_popover);
}

static void
on_start_clear (TpsMeasureEditor *self)
{
  set_dates (self, NULL, tps_measure_get_due (self->measure));
  gtk_popover_popdown (self->start_popover);
}

static void
on_due_clear (TpsMeasureEditor *self)
{
  set_dates (self, tps_measure_get_start (self->measure), NULL);
  gtk_popover_popdown (self->due_popover);
}

/* ------------------------------------------------------------------------
 * Effort, impact, quick win, cost
 * ------------------------------------------------------------------------ */

static void
sync_scores (TpsMeasureEditor *self)
{
  int effort = tps_measure_get_effort (self->measure);
  int impact = tps_measure_get_impact (self->measure);

  self->updating = TRUE;
  for (int i = 0; i < N_SCORES; i++)
    {
      gtk_toggle_button_set_active (self->effort_buttons[i], i + TPS_SCORE_MIN == effort);
      gtk_toggle_button_set_active (self->impact_buttons[i], i + TPS_SCORE_MIN == impact);
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->quick_win_row),
                          tps_measure_is_quick_win (self->measure));
}

static void
on_score_toggled (GtkToggleButton  *button,
                  TpsMeasureEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (button), "property");
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  tps_history_set (self->history, self->measure, property, score, NULL);
}

static void
make_score_buttons (TpsMeasureEditor  *self,
                    GtkBox            *box,
                    GtkToggleButton  **buttons,
                    const char        *property)
{
  for (int i = 0; i < N_SCORES; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i + TPS_SCORE_MIN);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_tooltip_text (button, _(score_labels[i]));
      gtk_widget_add_css_class (button, "score-button");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), buttons[0]);
      g_object_set_data (G_OBJECT (button), "property", (gpointer) property);
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (i + TPS_SCORE_MIN));
      g_signal_connect (button, "toggled", G_CALLBACK (on_score_toggled), self);
      gtk_box_append (box, button);
      buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
sync_cost (TpsMeasureEditor *self)
{
  if (gtk_spin_button_get_value (self->cost_spin) == tps_measure_get_cost (self->measure))
    return;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->cost_spin, tps_measure_get_cost (self->measure));
  self->updating = FALSE;
}

static void
on_cost_changed (GtkSpinButton    *spin,
                 TpsMeasureEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  tps_history_set_merged (self->history, self->measure, "cost", &value);
}

static void
on_cost_focus_leave (TpsMeasureEditor *self)
{
  tps_history_break_merge (self->history);
}

/* ------------------------------------------------------------------------
 * Linked touchpoints
 * ------------------------------------------------------------------------ */

static GtkWidget *
make_link_row (TpsMeasureEditor *self,
               const char       *id)
{
  TpsTouchpoint *touchpoint = tps_project_find_touchpoint (self->project, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (touchpoint != NULL)
    {
      g_autofree char *context = tps_format_touchpoint_context (self->project, touchpoint);
      const char *title = tps_touchpoint_get_title (touchpoint);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     title != NULL && *title ? title : _("Untitled"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), context);

      if (tps_touchpoint_get_moment (touchpoint) == TPS_MOMENT_PAINPOINT)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "painpoint-icon");
          gtk_widget_set_tooltip_text (icon, _("Painpoint"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }

      button = gtk_button_new_from_icon_name ("find-location-symbolic");
      gtk_widget_set_tooltip_text (button, _("Show on the journey map"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.show-touchpoint");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("This touchpoint no longer exists in the project"));
    }

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (button, _("Unlink"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.unlink-touchpoint");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_links (TpsMeasureEditor *self)
{
  const char * const *ids = tps_measure_get_touchpoint_ids (self->measure);
  g_autoptr(GString) signature = g_string_new (NULL);
  GtkListBoxRow *row;

  /* Rebuild only when what the rows show changed, not on every keystroke. */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TpsTouchpoint *touchpoint = tps_project_find_touchpoint (self->project, ids[i]);
      g_autofree char *context =
        touchpoint != NULL ? tps_format_touchpoint_context (self->project, touchpoint) : NULL;

      g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1e", ids[i],
                              touchpoint ? tps_touchpoint_get_title (touchpoint) ?: "" : "",
                              context ?: "");
    }
  if (self->links_signature != NULL && g_str_equal (signature->str, self->links_signature))
    return;
  g_free (self->links_signature);
  self->links_signature = g_strdup (signature->str);

  while ((row = gtk_list_box_get_row_at_index (self->links_list, 0)) != NULL)
    gtk_list_box_remove (self->links_list, GTK_WIDGET (row));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    gtk_list_box_append (self->links_list, make_link_row (self, ids[i]));

  gtk_filter_changed (self->picker_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
picker_match (gpointer item,
              gpointer user_data)
{
  TpsMeasureEditor *self = user_data;
  TpsTouchpoint *touchpoint = item;
  const char * const *ids = tps_measure_get_touchpoint_ids (self->measure);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->picker_search));
  g_autofree char *needle = NULL;
  g_autofree char *context = NULL;
  g_autofree char *haystack = NULL;

  if (ids != NULL && g_strv_contains (ids, tps_object_get_id (TPS_OBJECT (touchpoint))))
    return FALSE;

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  context = tps_format_touchpoint_context (self->project, touchpoint);
  haystack = g_strdup_printf ("%s %s %s", tps_touchpoint_get_title (touchpoint) ?: "", context,
                              tps_touchpoint_get_owner (touchpoint) ?: "");
  {
    g_autofree char *folded = g_utf8_casefold (haystack, -1);

    return strstr (folded, needle) != NULL;
  }
}

static void
on_picker_search_changed (TpsMeasureEditor *self)
{
  gtk_filter_changed (self->picker_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_picker_items_changed (TpsMeasureEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->picker_empty),
                          g_list_model_get_n_items (G_LIST_MODEL (self->picker_model)) == 0);
}

static void
picker_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = tps_touchpoint_label_new ();

  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (item, label);
}

static void
picker_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TpsMeasureEditor         *self)
{
  tps_touchpoint_label_set (gtk_list_item_get_child (item), self->project,
                            gtk_list_item_get_item (item));
}

static void
link_touchpoint (TpsMeasureEditor *self,
                 const char       *id)
{
  g_autoptr(GError) error = NULL;

  if (!tps_project_link_touchpoint (self->project, self->history, self->measure, id, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
    }
}

static void
on_picker_activate (GtkListView      *list,
                    guint             position,
                    TpsMeasureEditor *self)
{
  g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (G_LIST_MODEL (self->picker_model),
                                                               position);

  if (touchpoint == NULL)
    return;

  gtk_popover_popdown (self->picker_popover);
  link_touchpoint (self, tps_object_get_id (TPS_OBJECT (touchpoint)));
  gtk_editable_set_text (GTK_EDITABLE (self->picker_search), "");
}

static void
on_picker_show (TpsMeasureEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->picker_search));
}

static void
action_link (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  link_touchpoint (TPS_MEASURE_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
action_unlink (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (widget);

  tps_project_unlink_touchpoint (self->project, self->history, self->measure,
                                 g_variant_get_string (parameter, NULL), NULL);
}

static void
action_show_touchpoint (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (widget);
  TpsTouchpoint *touchpoint =
    tps_project_find_touchpoint (self->project, g_variant_get_string (parameter, NULL));

  if (touchpoint != NULL)
    g_signal_emit (self, signals[SHOW_TOUCHPOINT], 0, touchpoint);
}

/* ------------------------------------------------------------------------
 * Model observation
 * ------------------------------------------------------------------------ */

static void
on_measure_notify (TpsMeasure       *measure,
                   GParamSpec       *pspec,
                   TpsMeasureEditor *self)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "start") || g_str_equal (name, "due"))
    on_dates_changed (self);
  else if (g_str_equal (name, "effort") || g_str_equal (name, "impact")
           || g_str_equal (name, "quick-win"))
    sync_scores (self);
  else if (g_str_equal (name, "cost"))
    sync_cost (self);
  else if (g_str_equal (name, "parent-id"))
    on_parent_changed (self);
  else if (g_str_equal (name, "touchpoint-ids"))
    rebuild_links (self);
}

static void
update (TpsMeasureEditor *self)
{
  rebuild_parent_choices (self);
  /* Touchpoint titles may have changed elsewhere. */
  rebuild_links (self);
}

static void
on_history_changed (TpsMeasureEditor *self)
{
  tps_view_update_queue (self->update);
}

static void
on_currency_changed (TpsMeasureEditor *self)
{
  gtk_label_set_text (self->currency_label,
                      tps_currency_symbol (tps_project_get_currency (self->project)));
}

/* Shows and edits self->measure: every field bound to it, the parent
 * choices without it, its dates, scores and linked touchpoints, and no
 * message left from the measure before.
 */
static void
bind_measure (TpsMeasureEditor *self)
{
  tps_bind_editable (GTK_EDITABLE (self->title_row), self->history, self->measure, "title");
  tps_bind_editable (GTK_EDITABLE (self->owner_row), self->history, self->measure, "owner");
  tps_bind_text_view (self->description_view, self->history, self->measure, "description");
  tps_bind_combo_enum (self->kind_row, self->history, self->measure, "kind");
  tps_bind_combo_enum (self->status_row, self->history, self->measure, "status");

  sync_scores (self);
  sync_cost (self);
  on_dates_changed (self);
  show_error (self->parent_error, NULL);
  show_error (self->dates_error, NULL);

  /* The measure itself is never among its parent's choices. */
  g_clear_pointer (&self->parent_signature, g_free);
  rebuild_parent_choices (self);

  gtk_editable_set_text (GTK_EDITABLE (self->picker_search), "");
  gtk_filter_changed (self->picker_filter, GTK_FILTER_CHANGE_DIFFERENT);
  g_clear_pointer (&self->links_signature, g_free);
  rebuild_links (self);

  g_signal_connect (self->measure, "notify", G_CALLBACK (on_measure_notify), self);
}

static void
tps_measure_editor_constructed (GObject *object)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (object);
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (tps_measure_editor_parent_class)->constructed (object);

  g_return_if_fail (self->project != NULL && self->history != NULL && self->measure != NULL);

  make_score_buttons (self, self->effort_box, self->effort_buttons, "effort");
  make_score_buttons (self, self->impact_box, self->impact_buttons, "impact");
  on_currency_changed (self);

  self->picker_filter = GTK_FILTER (gtk_custom_filter_new (picker_match, self, NULL));
  self->picker_model =
    gtk_filter_list_model_new (g_object_ref (tps_project_get_touchpoints (self->project)),
                               g_object_ref (self->picker_filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (picker_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (picker_bind), self);
  gtk_list_view_set_factory (self->picker_list, factory);
  {
    g_autoptr(GtkNoSelection) selection =
      gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->picker_model)));

    gtk_list_view_set_model (self->picker_list, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect_swapped (self->picker_model, "items-changed",
                            G_CALLBACK (on_picker_items_changed), self);
  on_picker_items_changed (self);

  {
    GtkWidget *placeholder = gtk_label_new (_("No touchpoints linked yet"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->links_list, placeholder);
  }

  self->update = tps_view_update_new (GTK_WIDGET (self), G_CALLBACK (update));
  g_signal_connect_swapped (self->project, "notify::currency",
                            G_CALLBACK (on_currency_changed), self);

  self->constructed = TRUE;
  bind_measure (self);
}

/**
 * tps_measure_editor_set_measure:
 *
 * Edits @measure from now on: the planner keeps one editor and hands it
 * the measure the user selects, rather than building a new one each time.
 */
void
tps_measure_editor_set_measure (TpsMeasureEditor *self,
                                TpsMeasure       *measure)
{
  g_return_if_fail (TPS_IS_MEASURE_EDITOR (self));
  g_return_if_fail (TPS_IS_MEASURE (measure));

  if (self->measure == measure)
    return;

  if (self->constructed)
    {
      g_clear_handle_id (&self->parent_idle, g_source_remove);
      g_signal_handlers_disconnect_by_data (self->measure, self);
      gtk_popover_popdown (self->start_popover);
      gtk_popover_popdown (self->due_popover);
      gtk_popover_popdown (self->picker_popover);
    }

  g_set_object (&self->measure, measure);

  if (self->constructed)
    {
      bind_measure (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
    }
}

static void
tps_measure_editor_dispose (GObject *object)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (object);

  g_clear_handle_id (&self->parent_idle, g_source_remove);
  g_clear_pointer (&self->update, tps_view_update_free);

  if (self->measure != NULL)
    g_signal_handlers_disconnect_by_data (self->measure, self);
  tps_view_follow_history (&self->history, &self->history_changed_id, NULL, NULL, NULL, 0);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_MEASURE_EDITOR);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->picker_model);
  g_clear_object (&self->picker_filter);

  G_OBJECT_CLASS (tps_measure_editor_parent_class)->dispose (object);
}

static void
tps_measure_editor_finalize (GObject *object)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (object);

  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->parent_ids, g_ptr_array_unref);
  g_clear_pointer (&self->parent_signature, g_free);
  g_clear_pointer (&self->links_signature, g_free);

  G_OBJECT_CLASS (tps_measure_editor_parent_class)->finalize (object);
}

static void
tps_measure_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measure_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpsMeasureEditor *self = TPS_MEASURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      tps_view_follow_history (&self->history, &self->history_changed_id,
                               g_value_get_object (value), G_CALLBACK (on_history_changed),
                               self, G_CONNECT_SWAPPED);
      break;
    case PROP_MEASURE:
      if (g_value_get_object (value) != NULL)
        tps_measure_editor_set_measure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_measure_editor_class_init (TpsMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tps_measure_editor_constructed;
  object_class->dispose = tps_measure_editor_dispose;
  object_class->finalize = tps_measure_editor_finalize;
  object_class->get_property = tps_measure_editor_get_property;
  object_class->set_property = tps_measure_editor_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, TPS_TYPE_MEASURE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsMeasureEditor::show-touchpoint:
   *
   * The user wants to see a linked touchpoint on the journey map.
   */
  signals[SHOW_TOUCHPOINT] =
    g_signal_new ("show-touchpoint", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpointstudio/TouchpointStudio/"
                                               "tps-measure-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, page);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, parent_error);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, start_popover);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, start_clear_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, due_clear_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, dates_error);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, effort_box);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, impact_box);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, quick_win_row);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, cost_spin);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, currency_label);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, link_button);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, picker_popover);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, picker_search);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, picker_list);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, picker_empty);
  gtk_widget_class_bind_template_child (widget_class, TpsMeasureEditor, links_list);

  gtk_widget_class_install_action (widget_class, "editor.link-touchpoint", "s", action_link);
  gtk_widget_class_install_action (widget_class, "editor.unlink-touchpoint", "s", action_unlink);
  gtk_widget_class_install_action (widget_class, "editor.show-touchpoint", "s",
                                   action_show_touchpoint);
}

static void
tps_measure_editor_init (TpsMeasureEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));

  self->parent_ids = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (self->parent_row, "notify::selected", G_CALLBACK (on_parent_selected), self);
  g_signal_connect (self->start_row, "apply", G_CALLBACK (on_start_apply), self);
  g_signal_connect (self->due_row, "apply", G_CALLBACK (on_due_apply), self);
  g_signal_connect (self->start_row, "entry-activated", G_CALLBACK (on_start_apply), self);
  g_signal_connect (self->due_row, "entry-activated", G_CALLBACK (on_due_apply), self);
  g_signal_connect_swapped (self->start_popover, "show", G_CALLBACK (on_start_popover_show), self);
  g_signal_connect_swapped (self->due_popover, "show", G_CALLBACK (on_due_popover_show), self);
  g_signal_connect (self->start_calendar, "day-selected", G_CALLBACK (on_start_day_selected), self);
  g_signal_connect (self->due_calendar, "day-selected", G_CALLBACK (on_due_day_selected), self);
  g_signal_connect_swapped (self->start_clear_button, "clicked", G_CALLBACK (on_start_clear), self);
  g_signal_connect_swapped (self->due_clear_button, "clicked", G_CALLBACK (on_due_clear), self);
  g_signal_connect (self->cost_spin, "value-changed", G_CALLBACK (on_cost_changed), self);
  g_signal_connect_swapped (self->picker_search, "search-changed",
                            G_CALLBACK (on_picker_search_changed), self);
  g_signal_connect (self->picker_list, "activate", G_CALLBACK (on_picker_activate), self);
  g_signal_connect_swapped (self->picker_popover, "show", G_CALLBACK (on_picker_show), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_cost_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->cost_spin), focus);
}

GtkWidget *
tps_measure_editor_new (TpsProject *project,
                        TpsHistory *history,
                        TpsMeasure *measure)
{
  return g_object_new (TPS_TYPE_MEASURE_EDITOR,
                       "project", project,
                       "history", history,
                       "measure", measure,
                       NULL);
}

TpsMeasure *
tps_measure_editor_get_measure (TpsMeasureEditor *self)
{
  g_return_val_if_fail (TPS_IS_MEASURE_EDITOR (self), NULL);
  return self->measure;
}

void
tps_measure_editor_focus_title (TpsMeasureEditor *self)
{
  g_return_if_fail (TPS_IS_MEASURE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
