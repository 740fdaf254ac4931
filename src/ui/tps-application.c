/* tps-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-application.h"
#include "tps-project-io.h"

struct _TpsApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TpsApplication, tps_application, ADW_TYPE_APPLICATION)

/* A plain window showing what the project holds; the full window with the
 * journey map, the touchpoints table, the planner and the analysis replaces
 * it (issue #4).
 */
static void
present_project_window (TpsApplication *self,
                        GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;
  GtkWidget *window, *page, *box, *header;
  g_autofree char *description = NULL;
  guint n_touchpoints;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  page = adw_status_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (file != NULL)
    project = tps_project_load_from_file (file, NULL, &error);

  if (project != NULL)
    {
      n_touchpoints = g_list_model_get_n_items (tps_project_get_touchpoints (project));
      gtk_window_set_title (GTK_WINDOW (window), tps_project_get_title (project));
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), tps_project_get_title (project));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u touchpoint", "%u touchpoints",
                                                  n_touchpoints),
                                     n_touchpoints);
      adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (window), _("Touchpoint Studio"));
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page),
                                 file != NULL ? _("The project could not be opened")
                                              : _("Touchpoint Studio"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                       error != NULL ? error->message
                                                     : _("Open a .touchpoints project."));
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
tps_application_activate (GApplication *app)
{
  present_project_window (TPS_APPLICATION (app), NULL);
}

static void
tps_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    present_project_window (TPS_APPLICATION (app), files[i]);
}

static void
tps_application_class_init (TpsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
                       NULL);
}
