/* tps-window.h — one window per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-document.h"

G_BEGIN_DECLS

/* The layouts the window takes as it gets narrower. */
typedef enum {
  TPS_WINDOW_WIDTH_WIDE,    /* the inspector and editors beside their views */
  TPS_WINDOW_WIDTH_MEDIUM,  /* the inspector and editors slide over */
  TPS_WINDOW_WIDTH_NARROW,  /* toolbars collapse into buttons and menus */
} TpsWindowWidth;

#define TPS_TYPE_WINDOW (tps_window_get_type ())
G_DECLARE_FINAL_TYPE (TpsWindow, tps_window, TPS, WINDOW, AdwApplicationWindow)

TpsWindow   *tps_window_new           (GtkApplication *application);
TpsDocument *tps_window_get_document  (TpsWindow      *self);
void         tps_window_set_document  (TpsWindow      *self,
                                       TpsDocument    *document);
gboolean     tps_window_open_file     (TpsWindow      *self,
                                       GFile          *file);
void         tps_window_open_file_async (TpsWindow    *self,
                                         GFile        *file);
gboolean     tps_window_is_opening    (TpsWindow      *self);
void         tps_window_show_error    (TpsWindow      *self,
                                       const char     *heading,
                                       const char     *message);
void         tps_window_add_toast     (TpsWindow      *self,
                                       const char     *title);
gboolean     tps_window_compare_with  (TpsWindow      *self,
                                       GFile          *file);
gboolean     tps_window_autosave      (TpsWindow      *self);
TpsWindowWidth tps_window_get_width_class (TpsWindow  *self);
GFile       *tps_window_get_example_file (const char  *language);

gboolean         tps_window_is_saving             (TpsWindow   *self);

G_END_DECLS
