/* tps-view-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
