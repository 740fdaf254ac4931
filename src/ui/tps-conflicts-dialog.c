/* tps-conflicts-dialog.c
 *
 * A project that git merged with `touchpoint-studio --merge` may carry
 * conflicts: a property both sides changed, an object one side deleted and
 * the other changed. This dialog, shown when such a project opens, offers
 * each with its two choices; a choice is one undo step, and the list
 * follows undo and redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-conflict.h"
#include "tps-conflicts-dialog.h"
#include "tps-view-util.h"

struct _TpsConflictsDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;

  TpsDocument *document;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (TpsConflictsDialog, tps_conflicts_dialog, ADW_TYPE_WINDOW)

static void
choose (GtkButton          *button,
        TpsConflictsDialog *self)
{
  TpsConflict *conflict = g_object_get_data (G_OBJECT (button), "conflict");
  gboolean take_other = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "take-other"));

  tps_conflict_resolve (conflict, tps_document_get_project (self->document),
                        tps_document_get_history (self->document), take_other);
}

static GtkWidget *
choice_button (TpsConflictsDialog *self,
               TpsConflict        *conflict,
               const char         *label,
               const char         *value,
               gboolean            take_other)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value);

  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 24);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, value);
  if (take_other)
    gtk_widget_add_css_class (button, "suggested-action");

  g_object_set_data_full (G_OBJECT (button), "conflict", g_object_ref (conflict),
                          g_object_unref);
  g_object_set_data (G_OBJECT (button), "take-other", GINT_TO_POINTER (take_other));
  g_signal_connect (button, "clicked", G_CALLBACK (choose), self);
  return button;
}

static void
rebuild (TpsConflictsDialog *self)
{
  TpsProject *project = tps_document_get_project (self->document);
  GListModel *conflicts = tps_project_get_conflicts (project);
  guint n = g_list_model_get_n_items (conflicts);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (n == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "When this project was merged, %u change could "
                                              "not be decided: the merged file kept one value. "
                                              "Choose for it; you can undo the choice.",
                                              "When this project was merged, %u changes could "
                                              "not be decided: the merged file kept one value "
                                              "each. Choose for each; you can undo every choice.",
                                              n), n);
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *title = tps_conflict_get_title (conflict, project);
      g_autofree char *kept = tps_conflict_get_kept_text (conflict, project);
      g_autofree char *other = tps_conflict_get_other_text (conflict, project);
      gboolean deleted = tps_conflict_get_deleted (conflict);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_button (self, conflict,
                                                deleted ? _("Changed in one") : _("Kept"),
                                                kept, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_button (self, conflict,
                                                deleted ? _("Deleted in the other")
                                                        : _("Other version"),
                                                other, TRUE));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
tps_conflicts_dialog_dispose (GObject *object)
{
  TpsConflictsDialog *self = TPS_CONFLICTS_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_conflicts_dialog_parent_class)->dispose (object);
}

static void
tps_conflicts_dialog_class_init (TpsConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_conflicts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpointstudio/TouchpointStudio/"
                                               "tps-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsConflictsDialog, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tps_conflicts_dialog_init (TpsConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * tps_conflicts_dialog_new:
 * @document: a project with conflicts
 *
 * Returns: (transfer none): the dialog, to be presented; it closes itself
 *   once every conflict is settled
 */
GtkWindow *
tps_conflicts_dialog_new (GtkWindow   *parent,
                          TpsDocument *document)
{
  TpsConflictsDialog *self;

  g_return_val_if_fail (TPS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPS_TYPE_CONFLICTS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (tps_project_get_conflicts (tps_document_get_project (document)),
                           "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WINDOW (self);
}
