/* tps-completion.c
 *
 * A small list of suggestions below a GtkEditable (an AdwEntryRow or a
 * GtkEntry) that narrows while the user types: the project's departments
 * for a touchpoint's owner, the systems used elsewhere for its systems.
 * Matching is by substring and ignores case, so "crm" finds "CRM" and
 * "Salesforce CRM". The keyboard stays in the entry: Down and Up move
 * through the suggestions, Enter or Tab takes one, Escape closes the list.
 *
 * The candidates are asked for on every change instead of being stored,
 * so the suggestions always reflect the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-completion.h"

#define MAX_SUGGESTIONS 8

typedef struct
{
  GtkWidget *editable;
  GtkWidget *popover;
  GtkListBox *list;
  GtkEventController *focus;
  TpsCompletionCandidates candidates;
  TpsCompletionAccept accept;
  gpointer user_data;
  gboolean accepting;
} Completion;

static void
completion_free (gpointer data)
{
  g_free (data);
}

static Completion *
completion_get (GtkWidget *editable)
{
  return g_object_get_data (G_OBJECT (editable), "tps-completion");
}

static void
hide (Completion *completion)
{
  if (gtk_widget_get_visible (completion->popover))
    gtk_popover_popdown (GTK_POPOVER (completion->popover));
}

static void
accept (Completion *completion,
        const char *choice)
{
  g_autofree char *copy = g_strdup (choice);

  completion->accepting = TRUE;
  hide (completion);
  if (completion->accept != NULL)
    completion->accept (completion->editable, copy, completion->user_data);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (completion->editable), copy);
      gtk_editable_set_position (GTK_EDITABLE (completion->editable), -1);
    }
  completion->accepting = FALSE;
}

static const char *
row_text (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "choice");
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  Completion    *completion)
{
  accept (completion, row_text (row));
}

static void
clear_list (Completion *completion)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (completion->list))) != NULL)
    gtk_list_box_remove (completion->list, child);
}

static guint
fill_list (Completion *completion,
           const char *text)
{
  g_auto(GStrv) candidates = completion->candidates (completion->user_data);
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint n = 0;

  clear_list (completion);

  for (guint i = 0; candidates != NULL && candidates[i] != NULL && n < MAX_SUGGESTIONS; i++)
    {
      g_autofree char *folded = g_utf8_casefold (candidates[i], -1);
      GtkWidget *label;
      GtkWidget *row;

      /* Suggesting exactly what is typed would only be noise. */
      if (strstr (folded, needle) == NULL || g_strcmp0 (folded, needle) == 0)
        continue;

      label = gtk_label_new (candidates[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data_full (G_OBJECT (row), "choice", g_strdup (candidates[i]), g_free);
      gtk_list_box_append (completion->list, row);
      n++;
    }

  if (n > 0)
    gtk_list_box_select_row (completion->list, gtk_list_box_get_row_at_index (completion->list, 0));

  return n;
}

static void
on_changed (GtkEditable *editable,
            Completion  *completion)
{
  const char *text = gtk_editable_get_text (editable);
  GtkEventControllerFocus *focus = GTK_EVENT_CONTROLLER_FOCUS (completion->focus);

  if (completion->accepting || !gtk_event_controller_focus_contains_focus (focus)
      || text == NULL || *text == '\0')
    {
      hide (completion);
      return;
    }

  if (fill_list (completion, text) == 0)
    {
      hide (completion);
      return;
    }

  gtk_widget_set_size_request (completion->popover,
                               MAX (gtk_widget_get_width (completion->editable), 160), -1);
  if (!gtk_widget_get_visible (completion->popover))
    gtk_popover_popup (GTK_POPOVER (completion->popover));
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                Completion              *completion)
{
  hide (completion);
}

static void
move_selection (Completion *completion,
                int         delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (completion->list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta : 0;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (completion->list, MAX (index, 0));

  if (row != NULL)
    gtk_list_box_select_row (completion->list, row);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Completion            *completion)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (completion->popover))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (completion, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (completion, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_Tab:
      selected = gtk_list_box_get_selected_row (completion->list);
      if (selected == NULL)
        return FALSE;
      accept (completion, row_text (selected));
      return TRUE;

    case GDK_KEY_Escape:
      hide (completion);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The popover is our child of a widget we did not write; take it away
 * before that widget checks for leftover children.
 */
static void
on_destroy (GtkWidget  *editable,
            Completion *completion)
{
  if (gtk_widget_get_parent (completion->popover) == editable)
    gtk_widget_unparent (completion->popover);
}

/**
 * tps_completion_attach:
 * @editable: a widget implementing GtkEditable
 * @candidates: called for the strings to suggest
 * @accept: (nullable): called with the chosen suggestion
 *
 * Shows the candidates that contain what is typed in @editable below it.
 */
void
tps_completion_attach (GtkWidget               *editable,
                       TpsCompletionCandidates  candidates,
                       TpsCompletionAccept      accept_func,
                       gpointer                 user_data)
{
  Completion *completion;
  GtkEventController *key;
  GtkWidget *scrolled;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (completion_get (editable) == NULL);

  completion = g_new0 (Completion, 1);
  completion->editable = editable;
  completion->candidates = candidates;
  completion->accept = accept_func;
  completion->user_data = user_data;
  g_object_set_data_full (G_OBJECT (editable), "tps-completion", completion, completion_free);

  completion->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (completion->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (completion->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (completion->list), "navigation-sidebar");
  g_signal_connect (completion->list, "row-activated", G_CALLBACK (on_row_activated),
                    completion);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (completion->list));

  completion->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (completion->popover), scrolled);
  gtk_popover_set_autohide (GTK_POPOVER (completion->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (completion->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (completion->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (completion->popover, GTK_ALIGN_START);
  gtk_widget_set_focusable (completion->popover, FALSE);
  gtk_widget_add_css_class (completion->popover, "tps-completion");
  gtk_widget_set_parent (completion->popover, editable);

  g_signal_connect_after (editable, "changed", G_CALLBACK (on_changed), completion);
  g_signal_connect (editable, "destroy", G_CALLBACK (on_destroy), completion);

  completion->focus = gtk_event_controller_focus_new ();
  g_signal_connect (completion->focus, "leave", G_CALLBACK (on_focus_leave), completion);
  gtk_widget_add_controller (editable, completion->focus);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), completion);
  gtk_widget_add_controller (editable, key);
}

/* Returns: (transfer none) (nullable): the suggestions' popover, for tests */
GtkWidget *
tps_completion_get_popover (GtkWidget *editable)
{
  Completion *completion = completion_get (editable);

  return completion != NULL ? completion->popover : NULL;
}

/* Takes the first suggestion shown, as Enter would; FALSE when none is. */
gboolean
tps_completion_accept_first (GtkWidget *editable)
{
  Completion *completion = completion_get (editable);
  GtkListBoxRow *row;

  if (completion == NULL || !gtk_widget_get_visible (completion->popover))
    return FALSE;

  row = gtk_list_box_get_row_at_index (completion->list, 0);
  if (row == NULL)
    return FALSE;

  accept (completion, row_text (row));
  return TRUE;
}
