/* tps-window-files.c — the window and the file: watching it on disk,
 * autosave to the recovery copy, saving (in a thread) and the
 * unsaved-changes question
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
 * The file on disk
 * ------------------------------------------------------------------------ */

static char *
checksum_of_file (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!tps_file_load (file, TPS_PROJECT_MAX_SIZE, &contents, &length, NULL, NULL))
    return NULL;

  return tps_file_fingerprint (contents, length);
}

/* Remembers what the file holds after our own load or save, so the
 * monitor can tell our writes from another program's.
 */
void
tps_window_remember_saved_state (TpsWindow *self)
{
  GFile *file = self->document ? tps_document_get_file (self->document) : NULL;

  const char *known = self->document ? tps_document_get_disk_checksum (self->document) : NULL;

  g_clear_pointer (&self->saved_checksum, g_free);
  /* A load or save in a thread took it already; else the file is read. */
  if (known != NULL)
    self->saved_checksum = g_strdup (known);
  else if (file != NULL)
    self->saved_checksum = checksum_of_file (file);
}

static void
on_file_changed (TpsWindow         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  g_autofree char *checksum = NULL;
  AdwToast *toast;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  checksum = checksum_of_file (tps_document_get_file (self->document));
  if (checksum == NULL || g_strcmp0 (checksum, self->saved_checksum) == 0)
    return;

  g_free (self->saved_checksum);
  self->saved_checksum = g_steal_pointer (&checksum);

  toast = adw_toast_new (_("The project file was changed by another program"));
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tps_window_watch_file (TpsWindow *self)
{
  GFile *file = self->document ? tps_document_get_file (self->document) : NULL;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  tps_window_remember_saved_state (self);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self,
                             G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------
 * Autosave
 * ------------------------------------------------------------------------ */

/**
 * tps_window_is_saving:
 *
 * Returns: whether a save is writing its file right now (in a thread)
 */
gboolean
tps_window_is_saving (TpsWindow *self)
{
  g_return_val_if_fail (TPS_IS_WINDOW (self), FALSE);

  return self->n_saving > 0;
}

static void
on_recovery_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TpsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_saving--;
  if (!tps_document_write_recovery_finish (TPS_DOCUMENT (source), result, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Autosave failed: %s"), error->message);

      tps_window_add_toast (self, title);
    }
  else if (!tps_document_get_modified (TPS_DOCUMENT (source)))
    {
      /* Saved while the copy was written: the copy is older than the file. */
      tps_document_discard_recovery (TPS_DOCUMENT (source));
    }
}

/**
 * tps_window_autosave:
 *
 * Writes the recovery copy when there are unsaved changes, in a thread;
 * tps_window_is_saving() says when it is written.
 *
 * Returns: whether a copy is being written
 */
gboolean
tps_window_autosave (TpsWindow *self)
{
  g_return_val_if_fail (TPS_IS_WINDOW (self), FALSE);

  if (self->document == NULL || !tps_document_get_modified (self->document))
    return FALSE;

  self->n_saving++;
  tps_document_write_recovery_async (self->document, NULL, on_recovery_written,
                                     g_object_ref (self));
  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  tps_window_autosave (TPS_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

void
tps_window_restart_autosave (TpsWindow *self)
{
  guint interval = self->settings ? g_settings_get_uint (self->settings, "autosave-interval")
                                  : 60;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (MAX (interval, 1), autosave_cb, self);
}

/* ------------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------------ */

typedef struct
{
  TpsWindow *self;
  GFile *file;
  AfterSaveFunc then;
} SaveData;

static void
save_data_free (SaveData *data,
                GClosure *closure)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void confirm_read_only (TpsWindow     *self,
                               GFile         *file,
                               AfterSaveFunc  then);

static SaveData *
save_data_new (TpsWindow     *self,
               GFile         *file,
               AfterSaveFunc  then)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->then = then;
  return data;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  TpsWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->n_saving--;
  if (tps_document_save_finish (TPS_DOCUMENT (source), result, &error))
    {
      tps_window_add_to_recent (data->file);
      tps_window_remember_saved_state (self);
      if (data->then != NULL)
        data->then (self);
    }
  else if (g_error_matches (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_READ_ONLY))
    confirm_read_only (self, data->file, data->then);
  else
    tps_window_show_error (self, _("The project could not be saved"), error->message);

  save_data_free (data, NULL);
}

/* Writes the project to @file in a thread (the window stays responsive),
 * then runs @then; asks first when the file turns out write-protected.
 */
static void
save_with_flags (TpsWindow           *self,
                 GFile               *file,
                 TpsFileReplaceFlags  flags,
                 AfterSaveFunc        then)
{
  self->n_saving++;
  tps_document_save_async (self->document, file, flags, NULL, on_saved,
                           save_data_new (self, file, then));
}

static void
on_read_only_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  SaveData *data = user_data;

  if (g_strcmp0 (response, "overwrite") == 0)
    save_with_flags (data->self, data->file, TPS_FILE_REPLACE_READ_ONLY, data->then);
}

/* A write-protected file is replaced only when the user says so; it
 * stays write-protected afterwards.
 */
static void
confirm_read_only (TpsWindow     *self,
                   GFile         *file,
                   AfterSaveFunc  then)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;
  SaveData *data;

  dialog = tps_confirm_overwrite_protected (GTK_WINDOW (self), name);

  data = save_data_new (self, file, then);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_read_only_response), data,
                         (GClosureNotify) save_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to @file and then runs @then, after asking first if the file is
 * write-protected.
 */
static void
save_to (TpsWindow     *self,
         GFile         *file,
         AfterSaveFunc  then)
{
  save_with_flags (self, file, TPS_FILE_REPLACE_NONE, then);
}

typedef struct
{
  TpsWindow *self;
  AfterSaveFunc then;
} SaveAsData;

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autofree SaveAsData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* Projects are recognised by their extension. */
      if (file != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          if (!g_str_has_suffix (name, ".touchpoints"))
            {
              g_autofree char *fixed = g_strconcat (name, ".touchpoints", NULL);
              g_autoptr(GFile) parent = g_file_get_parent (file);
              g_autoptr(GFile) child = g_file_get_child (parent, fixed);

              g_set_object (&file, child);
            }
        }

      if (file != NULL)
        save_to (data->self, file, data->then);
    }

  g_object_unref (data->self);
  g_object_unref (chooser);
}

GtkFileFilter *
tps_window_project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Touchpoint Studio Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-touchpoints+xml");
  gtk_file_filter_add_suffix (filter, "touchpoints");
  return filter;
}

void
tps_window_save_as_then (TpsWindow     *self,
                         AfterSaveFunc  then)
{
  GtkFileChooserNative *chooser;
  SaveAsData *data;
  g_autoptr(GtkFileFilter) filter = tps_window_project_filter ();
  g_autofree char *title = tps_document_dup_title (self->document);
  g_autofree char *name = NULL;
  GFile *file = tps_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      /* Slashes would make the suggested name a path. */
      g_strdelimit (title, "/\\", '-');
      name = g_strconcat (title, ".touchpoints", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  data = g_new0 (SaveAsData, 1);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the document's file, or asks where when it has none yet. */
void
tps_window_save_then (TpsWindow     *self,
                      AfterSaveFunc  then)
{
  GFile *file = tps_document_get_file (self->document);

  if (file == NULL)
    {
      tps_window_save_as_then (self, then);
      return;
    }

  save_to (self, file, then);
}

/* ------------------------------------------------------------------------
 * Unsaved changes
 * ------------------------------------------------------------------------ */

typedef struct
{
  TpsWindow *self;
  AfterSaveFunc proceed;
  char *response;
} ConfirmData;

static void
confirm_data_free (ConfirmData *data)
{
  g_clear_object (&data->self);
  g_free (data->response);
  g_free (data);
}

/* Runs once the dialog has gone: closing the window from inside the
 * dialog's response handler would destroy the dialog's parent under it.
 */
static gboolean
apply_unsaved_response (gpointer user_data)
{
  ConfirmData *data = user_data;
  TpsWindow *self = data->self;

  if (g_strcmp0 (data->response, "save") == 0)
    tps_window_save_then (self, data->proceed);
  else if (g_strcmp0 (data->response, "discard") == 0)
    {
      tps_document_discard_recovery (self->document);
      data->proceed (self);
    }

  confirm_data_free (data);
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ConfirmData *data = user_data;

  /* Closing the dialog may report a second response; the first counts. */
  g_signal_handlers_disconnect_by_data (dialog, data);
  data->response = g_strdup (response);
  g_idle_add (apply_unsaved_response, data);
}

/* Asks Save / Discard / Cancel when the document has unsaved changes and
 * calls @proceed once the user's choice allows it.
 */
void
tps_window_confirm_unsaved_then (TpsWindow     *self,
                                 const char    *discard_label,
                                 AfterSaveFunc  proceed)
{
  AdwMessageDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  ConfirmData *data;

  if (self->document == NULL || !tps_document_get_modified (self->document))
    {
      proceed (self);
      return;
    }

  title = tps_document_dup_title (self->document);
  body = g_strdup_printf (_("“%s” has unsaved changes. If you do not save, they will be "
                            "lost."), title);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", discard_label,
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (ConfirmData, 1);
  data->self = g_object_ref (self);
  data->proceed = proceed;
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}
