/* tps-application.c
 *
 * One window per project: opening a file that is already open raises its
 * window. At the first start after a crash the application offers to
 * restore the projects whose recovery copies were left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-application.h"
#include "tps-preferences.h"
#include "tps-window.h"

struct _TpsApplication
{
  AdwApplication parent_instance;

  gboolean recovery_checked;
};

G_DEFINE_FINAL_TYPE (TpsApplication, tps_application, ADW_TYPE_APPLICATION)

static TpsWindow *
find_window_for_file (TpsApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      TpsDocument *document;

      if (!TPS_IS_WINDOW (l->data))
        continue;

      document = tps_window_get_document (l->data);
      if (document != NULL && tps_document_get_file (document) != NULL
          && g_file_equal (tps_document_get_file (document), file))
        return l->data;
    }

  return NULL;
}

/* The active window when it shows no project, else a new one. */
static TpsWindow *
empty_window (TpsApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  TpsWindow *window;

  if (TPS_IS_WINDOW (active) && tps_window_get_document (TPS_WINDOW (active)) == NULL)
    return TPS_WINDOW (active);

  window = tps_window_new (GTK_APPLICATION (self));
  return window;
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TpsApplication   *self)
{
  g_autoptr(GPtrArray) paths = tps_document_list_recoveries ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpsDocument) document = NULL;

      if (g_strcmp0 (response, "restore") != 0)
        {
          tps_document_delete_recovery (path);
          continue;
        }

      document = tps_document_restore (path, &error);
      if (document != NULL)
        {
          TpsWindow *window = empty_window (self);

          tps_window_set_document (window, document);
          gtk_window_present (GTK_WINDOW (window));
        }
      else
        g_warning ("Could not restore %s: %s", path, error->message);
    }
}

/* After a crash, offers to restore what autosave kept. */
static void
check_recovery (TpsApplication *self,
                GtkWindow      *parent)
{
  g_autoptr(GPtrArray) paths = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;

  paths = tps_document_list_recoveries ();
  if (paths->len == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Touchpoint Studio was closed while %u project had "
                                       "unsaved changes. Restore it?",
                                       "Touchpoint Studio was closed while %u projects had "
                                       "unsaved changes. Restore them?",
                                       paths->len),
                          paths->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tps_application_activate (GApplication *app)
{
  TpsApplication *self = TPS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (tps_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
  check_recovery (self, window);
}

static void
tps_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  TpsApplication *self = TPS_APPLICATION (app);
  GtkWindow *last = NULL;

  for (int i = 0; i < n_files; i++)
    {
      TpsWindow *window = find_window_for_file (self, files[i]);

      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      else
        {
          /* The window is on screen first, so that on failure the
           * loader's message appears above it.
           */
          window = empty_window (self);
          gtk_window_present (GTK_WINDOW (window));
          tps_window_open_file_async (window, files[i]);
        }

      last = GTK_WINDOW (window);
    }

  if (last != NULL)
    check_recovery (self, last);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  TpsApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        g_application_open (G_APPLICATION (self), (GFile **) array->pdata, array->len, "");
    }

  g_object_unref (chooser);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  TpsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Project"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Touchpoint Studio Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-touchpoints+xml");
  gtk_file_filter_add_suffix (filter, "touchpoints");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  TpsWindow *window = tps_window_new (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

/* Each window asks about its own unsaved changes; the application quits
 * when the last window has closed.
 */
static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (tps_preferences_new (parent));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Touchpoint Studio developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Touchpoint Studio"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Touchpoint Studio developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/touchpointstudio/TouchpointStudio",
                        "issue-url", "https://github.com/touchpointstudio/TouchpointStudio/issues",
                        "copyright", "© 2026 The Touchpoint Studio developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your name(s), one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Customer Touchpoint Management: map every point where "
                                      "customers meet your company, rate it from the "
                                      "customer's view, and plan the measures that close the "
                                      "gaps."),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Method"), (const char *[]) {
                                         _("Customer Touchpoint Management (CTM)"),
                                         _("BEST IMPACT method"),
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
tps_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "new-window", new_window_activated },
    { "open", open_activated },
    { "quit", quit_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.show-inspector", { "F9", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
  };

  G_APPLICATION_CLASS (tps_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
tps_application_class_init (TpsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = tps_application_startup;
  app_class->activate = tps_application_activate;
  app_class->open = tps_application_open;
}

static void
tps_application_init (TpsApplication *self)
{
}

TpsApplication *
tps_application_new (void)
{
  return g_object_new (TPS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/touchpointstudio/TouchpointStudio",
                       NULL);
}
