/* tps-view-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <adwaita.h>

#include "tps-palette.h"
#include "tps-project-structure.h"
#include "tps-view-util.h"

/**
 * tps_view_follow_history:
 * @history_slot: the view's history field
 * @changed_id: the view's id of its handler of #TpsHistory::changed
 * @history: (nullable): the history to follow from now on
 * @on_changed: the view's handler, connected with @data and @flags
 *
 * Moves a view's handler of "changed" from the history it followed to
 * @history, which the view keeps a reference to, so that every change
 * (undo and redo too) refreshes it.
 *
 * Returns: %FALSE when @history already was the one followed
 */
gboolean
tps_view_follow_history (TpsHistory    **history_slot,
                         gulong         *changed_id,
                         TpsHistory     *history,
                         GCallback       on_changed,
                         gpointer        data,
                         GConnectFlags   flags)
{
  if (*history_slot == history)
    return FALSE;

  g_clear_signal_handler (changed_id, *history_slot);
  g_set_object (history_slot, history);
  if (history != NULL)
    *changed_id = g_signal_connect_data (history, "changed", on_changed, data, NULL, flags);

  return TRUE;
}

/* Whether @haystack (nullable) contains @folded_needle, which the caller
 * has already passed through g_utf8_casefold(): search is case-blind.
 */
gboolean
tps_view_contains_folded (const char *haystack,
                          const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

/**
 * tps_view_place_compact:
 * @widget: a control, or a group of them in a #GtkBox
 * @toolbar: the toolbar box it lives in on a wide window
 * @after: (nullable): its sibling in @toolbar, %NULL for the first place
 * @overflow: the box inside the popover of @overflow_button
 * @overflow_button: (nullable): the button shown only on a narrow window
 * @compact: whether the window is narrow
 *
 * Moves @widget between the toolbar and a popover, so that a toolbar
 * collapses into one button instead of widening the window. In the
 * popover the group stands vertically, above what the popover had.
 */
void
tps_view_place_compact (GtkWidget *widget,
                        GtkWidget *toolbar,
                        GtkWidget *after,
                        GtkWidget *overflow,
                        GtkWidget *overflow_button,
                        gboolean   compact)
{
  GtkWidget *target = compact ? overflow : toolbar;

  if (overflow_button != NULL)
    gtk_widget_set_visible (overflow_button, compact);
  if (gtk_widget_get_parent (widget) == target)
    return;

  g_object_ref (widget);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (widget)), widget);
  if (compact)
    gtk_box_prepend (GTK_BOX (overflow), widget);
  else
    gtk_box_insert_child_after (GTK_BOX (toolbar), widget, after);
  g_object_unref (widget);

  if (GTK_IS_BOX (widget))
    gtk_orientable_set_orientation (GTK_ORIENTABLE (widget),
                                    compact ? GTK_ORIENTATION_VERTICAL
                                            : GTK_ORIENTATION_HORIZONTAL);
}

/* One update for any number of changes ------------------------------------- */

/* Before GTK lays out and draws the next frame, after the events that
 * changed the model.
 */
#define UPDATE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

struct _TpsViewUpdate
{
  GtkWidget *view;              /* not a reference: the view owns this */
  void (*update) (GtkWidget *view);
  guint idle_id;
  gulong map_id;
  gboolean pending;
};

static gboolean
update_idle (gpointer data)
{
  TpsViewUpdate *self = data;

  self->idle_id = 0;
  if (gtk_widget_get_mapped (self->view))
    tps_view_update_flush (self);

  return G_SOURCE_REMOVE;
}

static void
on_view_map (TpsViewUpdate *self)
{
  if (self->pending && self->idle_id == 0)
    self->idle_id = g_idle_add_full (UPDATE_PRIORITY, update_idle, self, NULL);
}

/**
 * tps_view_update_new:
 * @view: the view to keep up to date
 * @update: void (*) (GtkWidget *view), which brings all of @view up to date
 *
 * Coalesces a view's updates: however many changes are queued while the
 * events of one frame are handled, @update runs once, before the frame is
 * drawn; while @view is hidden (not mapped) it does not run at all, until
 * @view is shown again.
 *
 * Returns: (transfer full): the view's update, freed with
 *   tps_view_update_free() when the view is disposed
 */
TpsViewUpdate *
tps_view_update_new (GtkWidget *view,
                     GCallback  update)
{
  TpsViewUpdate *self = g_new0 (TpsViewUpdate, 1);

  self->view = view;
  self->update = (void (*) (GtkWidget *)) update;
  self->map_id = g_signal_connect_swapped (view, "map", G_CALLBACK (on_view_map), self);
  return self;
}

void
tps_view_update_queue (TpsViewUpdate *self)
{
  self->pending = TRUE;
  if (gtk_widget_get_mapped (self->view))
    on_view_map (self);
}

/* Runs a queued update now, e.g. before the view answers a question about
 * what it shows. Returns: whether one was queued.
 */
gboolean
tps_view_update_flush (TpsViewUpdate *self)
{
  if (!self->pending)
    return FALSE;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->pending = FALSE;
  self->update (self->view);
  return TRUE;
}

void
tps_view_update_free (TpsViewUpdate *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->map_id, self->view);
  g_free (self);
}

/* Accessible names --------------------------------------------------------- */

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* A tooltip without its shortcut: "Undo (Ctrl+Z)" → "Undo". */
static char *
name_from_tooltip (const char *tooltip)
{
  const char *open = strrchr (tooltip, '(');

  if (open != NULL && open > tooltip && g_str_has_suffix (tooltip, ")")
      && (strstr (open, "Ctrl") != NULL || strstr (open, "Strg") != NULL
          || strstr (open, "Shift") != NULL || strstr (open, "Umschalt") != NULL
          || g_str_has_prefix (open, "(F")))
    return g_strstrip (g_strndup (tooltip, open - tooltip));

  return g_strdup (tooltip);
}

/* The button a drop-down, a menu button or a colour button hands the
 * focus to.
 */
static GtkWidget *
inner_button (GtkWidget *widget)
{
  if (!GTK_IS_DROP_DOWN (widget) && !GTK_IS_MENU_BUTTON (widget)
      && !GTK_IS_COLOR_BUTTON (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;

  return NULL;
}

static void
set_label (GtkWidget  *widget,
           const char *name)
{
  /* A label of its own wins over the row title that labels it now. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * tps_accessible_set_name:
 * @widget: a control
 * @name: what a screen reader calls it, in the UI language
 *
 * Names @widget, and for a drop-down, a menu button or a colour button
 * also the button inside it that takes the focus.
 */
void
tps_accessible_set_name (GtkWidget  *widget,
                         const char *name)
{
  GtkWidget *button = inner_button (widget);

  set_label (widget, name);
  if (button != NULL)
    set_label (button, name);
}

static gboolean
is_icon_control (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  if (GTK_IS_DROP_DOWN (widget))
    return TRUE;
  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_IMAGE (child) || GTK_IS_TOGGLE_BUTTON (widget);
}

/* Fields that take their name from the row they sit in. */
static gboolean
is_row_field (GtkWidget *widget)
{
  return GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget)
         || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget)
         || GTK_IS_DROP_DOWN (widget);
}

static const char *
row_title (GtkWidget *widget)
{
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (widget)
                   ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  const char *title = row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))
                                  : NULL;

  return title != NULL && *title != '\0' ? title : NULL;
}

/* The text of a label whose mnemonic points at @widget ("_Status" beside
 * a drop-down), or NULL.
 */
static char *
mnemonic_label_text (GtkWidget *widget)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget);
  char *text = NULL;

  for (GList *l = labels; l != NULL && text == NULL; l = l->next)
    if (GTK_IS_LABEL (l->data) && *gtk_label_get_text (l->data) != '\0')
      text = g_strdup (gtk_label_get_text (l->data));

  g_list_free (labels);
  return text;
}

/**
 * tps_accessible_name_controls:
 * @root: a widget whose controls are in place
 *
 * Names the controls under @root that have no accessible name yet: icon
 * buttons, toggles, drop-downs and menu buttons by their tooltip (without
 * the shortcut it mentions), fields in a preferences row by the row's
 * title, search fields by their placeholder, menu buttons with a label by
 * that label, drop-downs by the label whose mnemonic points at them. A drop-down's or menu button's name also goes to the button
 * inside it that takes the focus. GTK 4.8 names neither from tooltips nor
 * from rows by itself, so screen readers would announce "GtkImage" or
 * "GtkToggleButton".
 */
void
tps_accessible_name_controls (GtkWidget *root)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);
  /* Public GTK API, though named for tests: whether a name is set. */
  gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_autofree char *label = NULL;

  if (!named && GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      tps_accessible_set_name (root, placeholder != NULL ? placeholder : _("Search"));
    }
  else if (!named && GTK_IS_MENU_BUTTON (root)
           && gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) != NULL)
    {
      /* Called what it shows, as a screen reader user hears a sighted
       * colleague call it.
       */
      g_autofree char *name = strip_mnemonic (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)));

      tps_accessible_set_name (root, name);
    }
  else if (!named && is_row_field (root) && row_title (root) != NULL)
    tps_accessible_set_name (root, row_title (root));
  else if (!named && inner_button (root) != NULL
           && (label = mnemonic_label_text (root)) != NULL)
    tps_accessible_set_name (root, label);
  else if (!named && is_icon_control (root) && tooltip != NULL)
    {
      g_autofree char *name = name_from_tooltip (tooltip);

      tps_accessible_set_name (root, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tps_accessible_name_controls (child);
}

static void
whole_value_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
whole_value_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  gpointer object = gtk_list_item_get_item (item);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = NULL;

  if (GTK_IS_STRING_OBJECT (object))
    text = gtk_string_object_get_string (object);
  else if (expression != NULL && gtk_expression_evaluate (expression, object, &value))
    text = g_value_get_string (&value);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

/* A combo row's value ends in "…" when the row's title and subtitle want
 * the room: "Autom…" tells nobody which separator is chosen. With this
 * factory the value keeps its whole width and the title wraps instead.
 */
void
tps_combo_row_show_whole_value (gpointer combo_row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  /* A row that draws its list its own way has chosen already. */
  if (adw_combo_row_get_list_factory (combo_row) != NULL)
    return;

  g_signal_connect (factory, "setup", G_CALLBACK (whole_value_setup), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (whole_value_bind), combo_row, 0);
  adw_combo_row_set_factory (ADW_COMBO_ROW (combo_row), factory);
}

/**
 * tps_confirm_destructive:
 * @parent: the window asking
 * @heading: the question
 * @body: (nullable): what happens
 * @response: the id of the destructive answer, "delete" or "overwrite"
 * @label: its label, with a mnemonic
 *
 * Returns: (transfer none): a question with Cancel (the default, also on
 *   Escape) and the destructive answer, not yet shown; the caller connects
 *   ::response and presents it
 */
AdwMessageDialog *
tps_confirm_destructive (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *response,
                         const char *label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * tps_confirm_overwrite_protected:
 * @parent: the window asking
 * @name: the file's name, for display
 *
 * Returns: (transfer none): "Overwrite the Write-Protected File?" with
 *   Cancel and Overwrite ("overwrite"), not yet shown. Saving the project,
 *   exporting and printing to a file ask the same.
 */
AdwMessageDialog *
tps_confirm_overwrite_protected (GtkWindow  *parent,
                                 const char *name)
{
  g_autofree char *body = g_strdup_printf (_("“%s” is write-protected. If you overwrite it, "
                                             "it keeps its protection."), name);

  return tps_confirm_destructive (parent, _("Overwrite the Write-Protected File?"), body,
                                  "overwrite", _("_Overwrite"));
}

/**
 * tps_confirm_delete_used:
 * @parent: the window asking
 * @project: the project of @object
 * @object: a stage, channel or persona
 *
 * Deleting a stage or channel takes its touchpoints along, deleting a
 * persona takes it off its touchpoints: the question that says how many,
 * with Cancel and Delete ("delete"), not yet shown. Everything stays
 * undoable. Project Settings and the map's stage menu ask it.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL when no
 *   touchpoint uses @object and it can go without asking
 */
AdwMessageDialog *
tps_confirm_delete_used (GtkWindow  *parent,
                         TpsProject *project,
                         TpsObject  *object)
{
  guint n = tps_project_count_touchpoints_using (project, object);
  const char *name = tps_object_get_display_name (object);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (n == 0)
    return NULL;

  if (TPS_IS_PERSONA (object))
    {
      heading = g_strdup_printf (_("Delete Persona “%s”?"), name);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u touchpoint refers to this persona; it will "
                                           "no longer do so.",
                                           "%u touchpoints refer to this persona; they will "
                                           "no longer do so.", n), n);
    }
  else
    {
      heading = TPS_IS_STAGE (object) ? g_strdup_printf (_("Delete Stage “%s”?"), name)
                                      : g_strdup_printf (_("Delete Channel “%s”?"), name);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u touchpoint is placed here and will be deleted "
                                           "with it, together with its links to measures. You "
                                           "can undo this.",
                                           "%u touchpoints are placed here and will be deleted "
                                           "with it, together with their links to measures. "
                                           "You can undo this.", n), n);
    }

  return tps_confirm_destructive (parent, heading, body, "delete", _("_Delete"));
}

/* The theme's accent, for what a widget draws with cairo (a dragged bar,
 * a marker on its way): the style's colour, or the palette's where the
 * style has none.
 */
void
tps_view_get_accent_color (GtkWidget *widget,
                           GdkRGBA   *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  TpsColor accent;

  if (gtk_style_context_lookup_color (context, "accent_bg_color", color))
    return;

  tps_palette_get (TPS_PALETTE_ACCENT, FALSE, &accent);
  *color = (GdkRGBA) { accent.red, accent.green, accent.blue, accent.alpha };
}

/* Returns: (transfer none): @object's name, or @fallback when it has none
 * (or there is no object), as lists and headers show it
 */
const char *
tps_view_name_or (TpsObject  *object,
                  const char *fallback)
{
  const char *name = object != NULL ? tps_object_get_display_name (object) : NULL;

  return name != NULL && *name != '\0' ? name : fallback;
}

/* Whether @value differs from what *@signature held; stores it. Views
 * rebuild a part only when what it shows changed.
 */
gboolean
tps_view_signature_changed (char       **signature,
                            const char  *value)
{
  if (g_strcmp0 (*signature, value) == 0)
    return FALSE;

  g_free (*signature);
  *signature = g_strdup (value);
  return TRUE;
}

void
tps_view_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Returns: (transfer floating): a small rounded label ("tps-badge") */
GtkWidget *
tps_view_badge_new (const char *text,
                    const char *style_class,
                    const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "tps-badge");
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}
