/* tps-window-actions.c — the window's actions: open, save, export, print,
 * undo and redo, views, zoom, filters, the example and the dialogs
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

/* ------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------ */

void
tps_window_save_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  tps_window_save_then (TPS_WINDOW (widget), NULL);
}

void
tps_window_save_as_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  tps_window_save_as_then (TPS_WINDOW (widget), NULL);
}

void
tps_window_close_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
history_action (TpsWindow *self,
                gboolean   undo)
{
  TpsHistory *history;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    return;

  history = tps_document_get_history (self->document);
  label = g_strdup (undo ? tps_history_get_undo_label (history)
                         : tps_history_get_redo_label (history));

  if (!(undo ? tps_history_undo (history) : tps_history_redo (history)))
    return;

  /* Translators: a toast, e.g. "Undone: Ist rating of “Hotline” changed" */
  title = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
  tps_window_add_toast (self, title);
}

void
tps_window_undo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  history_action (TPS_WINDOW (widget), TRUE);
}

void
tps_window_redo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  history_action (TPS_WINDOW (widget), FALSE);
}

static char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "de"))
        return g_strdup ("de");
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return g_strdup ("en");
    }

  return g_strdup ("en");
}

/* Fills this window when it is empty, otherwise opens another window. */
static TpsWindow *
window_for_new_document (TpsWindow *self)
{
  TpsWindow *window;

  if (self->document == NULL)
    return self;

  window = tps_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
tps_window_new_project_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  TpsWindow *window = window_for_new_document (TPS_WINDOW (widget));
  g_autofree char *language = ui_language ();
  g_autoptr(TpsDocument) document = tps_document_new_from_template (language);

  tps_window_set_document (window, document);
}

void
tps_window_open_example_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  const char *language = g_variant_get_string (param, NULL);
  g_autoptr(GFile) file = tps_window_get_example_file (language);
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(TpsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TpsWindow *window;

  /* The example opens as an untitled copy so the shipped file stays as
   * it is and Save asks where to keep the team's version.
   */
  project = tps_project_load_from_file (file, NULL, &error);
  if (project == NULL)
    {
      tps_window_show_error (TPS_WINDOW (widget), _("The example could not be opened"),
                             error->message);
      return;
    }

  window = window_for_new_document (TPS_WINDOW (widget));
  document = tps_document_new (project);
  tps_window_set_document (window, document);
}

void
tps_window_project_settings_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  GtkWindow *dialog;

  if (self->document == NULL)
    return;

  dialog = tps_project_settings_new (GTK_WINDOW (self), self->document);
  gtk_window_present (dialog);
}

static void
reload_now (TpsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!tps_document_reload (self->document, &error))
    {
      tps_window_show_error (self, _("The project could not be reloaded"), error->message);
      return;
    }

  tps_window_remember_saved_state (self);
  tps_window_add_toast (self, _("Reloaded from disk"));
}

void
tps_window_reload_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->document == NULL || tps_document_get_file (self->document) == NULL)
    return;

  tps_window_confirm_unsaved_then (self, _("_Discard and Reload"), reload_now);
}

void
tps_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->document != NULL)
    tps_print_project (GTK_WINDOW (self), tps_document_get_project (self->document),
                       self->settings);
}

/* An export says it is done, and offers to open what it wrote or to show
 * it among its folder's files.
 */
static void
on_exported (TpsWindow *self,
             GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* Translators: a toast after an export, e.g. "Exported “Journey map.pdf”" */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *folder = gtk_button_new_with_mnemonic (_("Show in _Folder"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (folder, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "win.show-in-folder");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (folder), "s", uri);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), folder);
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tps_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  GtkWindow *dialog;

  if (self->document == NULL)
    return;

  dialog = tps_export_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TpsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    tps_window_show_error (self, _("The file could not be opened"), error->message);
}

/* Through the desktop's default application (the OpenURI portal in a
 * Flatpak), the way GTK 4.8 offers without GtkFileLauncher.
 */
static void
launch_uri (TpsWindow  *self,
            const char *uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched,
                                           g_object_ref (self));
}

void
tps_window_open_uri_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  launch_uri (TPS_WINDOW (widget), g_variant_get_string (param, NULL));
}

typedef struct
{
  TpsWindow *self;
  char *folder_uri;
} ShowInFolder;

static void
on_show_items (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowInFolder *data = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                             NULL);

  /* Without a file manager that selects the file, open its folder. */
  if (reply == NULL)
    launch_uri (data->self, data->folder_uri);

  g_object_unref (data->self);
  g_free (data->folder_uri);
  g_free (data);
}

void
tps_window_show_in_folder_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  const char *uris[] = { uri, NULL };
  ShowInFolder *data;

  if (folder == NULL)
    return;

  if (bus == NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (folder);

      launch_uri (self, folder_uri);
      return;
    }

  data = g_new0 (ShowInFolder, 1);
  data->self = g_object_ref (self);
  data->folder_uri = g_file_get_uri (folder);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_show_items, data);
}

/**
 * tps_window_compare_with:
 * @file: another version of the open project
 *
 * Shows what changed from @file to the open project beside the map, and
 * outlines the new and changed cards on it.
 *
 * Returns: whether @file could be read
 */
gboolean
tps_window_compare_with (TpsWindow *self,
                         GFile     *file)
{
  g_autoptr(TpsProject) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TPS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  other = tps_project_load_from_file (file, NULL, &error);
  if (other == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be compared"), name);

      tps_window_show_error (self, heading, error->message);
      return FALSE;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  gtk_window_present (tps_compare_view_new (GTK_WINDOW (self), self->document, other, name,
                                            self->canvas));
  return TRUE;
}

static void
on_compare_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(TpsWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    tps_window_compare_with (self, file);

  g_object_unref (chooser);
}

void
tps_window_compare_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = tps_window_project_filter ();
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Compare With"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_compare_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The previous save, which saving keeps as NAME~. */
void
tps_window_compare_previous_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  GFile *file = self->document ? tps_document_get_file (self->document) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GFile) backup = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  backup_path = g_strconcat (path, "~", NULL);
  backup = g_file_new_for_path (backup_path);
  if (!g_file_query_exists (backup, NULL))
    {
      tps_window_add_toast (self, _("There is no previous version yet; saving keeps one"));
      return;
    }

  tps_window_compare_with (self, backup);
}

void
tps_window_import_csv_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);

  if (self->document != NULL)
    tps_csv_import_dialog_choose (GTK_WINDOW (self), self->document);
}

void
tps_window_zoom_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TpsWindow *self = TPS_WINDOW (widget);
  g_autofree char *canvas_action = NULL;

  if (self->canvas == NULL)
    return;

  /* win.zoom-in → canvas.zoom-in: the toolbar and the shortcuts work
   * wherever the focus is.
   */
  canvas_action = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), canvas_action, NULL);
}
