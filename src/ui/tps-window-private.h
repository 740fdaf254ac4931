/* tps-window-private.h — what the window's files share
 *
 * tps-window.c: the views and the document in the window.
 * tps-window-actions.c: the window's actions.
 * tps-window-files.c: the file on disk, autosave, saving and the
 * unsaved-changes question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-analysis-view.h"
#include "tps-journey-canvas.h"
#include "tps-measures-view.h"
#include "tps-touchpoint-inspector.h"
#include "tps-touchpoints-view.h"
#include "tps-window.h"

G_BEGIN_DECLS

struct _TpsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkStack *main_stack;
  AdwStatusPage *loading_page;
  GtkSpinner *loading_spinner;
  GCancellable *opening;        /* a project is being loaded */
  AdwViewStack *view_stack;
  GtkListBox *recent_list;
  GtkWidget *recent_box;
  GtkScrolledWindow *map_scroller;
  AdwFlap *map_flap;
  GtkWidget *inspector_box;
  GtkWidget *inspector_back_bar;
  AdwSqueezer *width_probe;
  GtkWidget *probe_wide;
  GtkWidget *probe_medium;
  GtkWidget *map_toolbar;
  GtkWidget *filter_box;
  GtkWidget *filter_menu_button;
  GtkWidget *filter_popover_box;
  GtkWidget *open_button;
  AdwHeaderBar *header_bar;
  GtkWidget *example_box;
  GtkDropDown *persona_filter;
  GtkDropDown *moment_filter;
  GtkDropDown *status_filter;
  GtkMenuButton *benchmark_button;
  GtkWidget *benchmark_box;
  GtkButton *zoom_button;
  GtkWidget *touchpoints_box;
  GtkWidget *measures_box;
  GtkWidget *analysis_box;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkWidget *save_button;
  GtkWidget *health_button;
  GtkImage *health_icon;
  GtkLabel *health_label;
  guint n_findings;
  guint health_source;          /* the check waits until editing pauses */

  TpsDocument *document;
  TpsJourneyCanvas *canvas;
  TpsMeasuresView *measures_view;
  TpsAnalysisView *analysis_view;
  TpsTouchpointsView *touchpoints_view;
  TpsTouchpointInspector *inspector;
  gboolean inspector_visible;
  TpsWindowWidth width_class;
  guint width_source;
  GSettings *settings;
  GFileMonitor *monitor;
  char *saved_checksum;
  guint autosave_source;
  guint n_saving;               /* saves whose file is being written */
  guint inhibit_cookie;

  /* Set once the user has answered the unsaved-changes question, so the
   * second close request goes through.
   */
  gboolean close_confirmed;
};

/* What runs after a save succeeded: closing, opening another file... */
typedef void (*AfterSaveFunc) (TpsWindow *self);

void      tps_window_add_to_recent (GFile *file);
void      tps_window_remember_saved_state (TpsWindow *self);
void      tps_window_watch_file (TpsWindow *self);
void      tps_window_restart_autosave (TpsWindow *self);
GtkFileFilter *tps_window_project_filter (void);
void      tps_window_save_as_then (TpsWindow *self,
                                   AfterSaveFunc then);
void      tps_window_save_then (TpsWindow *self,
                                AfterSaveFunc then);
void      tps_window_confirm_unsaved_then (TpsWindow *self,
                                           const char *discard_label,
                                           AfterSaveFunc proceed);

/* tps-window-actions.c */
void      tps_window_close_action (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *param);
void      tps_window_compare_action (GtkWidget *widget,
                                     const char *action_name,
                                     GVariant *param);
void      tps_window_compare_previous_action (GtkWidget *widget,
                                              const char *action_name,
                                              GVariant *param);
void      tps_window_export_action (GtkWidget *widget,
                                    const char *action_name,
                                    GVariant *param);
void      tps_window_import_csv_action (GtkWidget *widget,
                                        const char *action_name,
                                        GVariant *param);
void      tps_window_new_project_action (GtkWidget *widget,
                                         const char *action_name,
                                         GVariant *param);
void      tps_window_open_example_action (GtkWidget *widget,
                                          const char *action_name,
                                          GVariant *param);
void      tps_window_open_uri_action (GtkWidget *widget,
                                      const char *action_name,
                                      GVariant *param);
void      tps_window_print_action (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *param);
void      tps_window_project_settings_action (GtkWidget *widget,
                                              const char *action_name,
                                              GVariant *param);
void      tps_window_redo_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);
void      tps_window_reload_action (GtkWidget *widget,
                                    const char *action_name,
                                    GVariant *param);
void      tps_window_save_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);
void      tps_window_save_as_action (GtkWidget *widget,
                                     const char *action_name,
                                     GVariant *param);
void      tps_window_show_in_folder_action (GtkWidget *widget,
                                            const char *action_name,
                                            GVariant *param);
void      tps_window_undo_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);
void      tps_window_zoom_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);

G_END_DECLS
