/* tps-touchpoint-inspector-private.h — what the inspector's files share
 *
 * tps-touchpoint-inspector.c: the header, the touchpoint's fields and
 * binding; tps-touchpoint-inspector-kpi.c: measurements, measures and
 * comparators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-palette.h"
#include "tps-analysis.h"
#include "tps-bind.h"
#include "tps-chip-box.h"
#include "tps-completion.h"
#include "tps-measurement-dialog.h"
#include "tps-map-renderer.h"
#include "tps-measurement-series.h"
#include "tps-project-edit.h"
#include "tps-rating-selector.h"
#include "tps-rating-style.h"
#include "tps-touchpoint-inspector.h"
#include "tps-view-util.h"

G_BEGIN_DECLS

struct _TpsTouchpointInspector
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkLabel *header_title;
  GtkLabel *header_place;
  TpsChipBox *header_badges;

  AdwEntryRow *title_row;
  AdwComboRow *stage_row;
  AdwComboRow *channel_row;
  TpsChipBox *personas_box;
  AdwComboRow *status_row;
  AdwComboRow *function_row;

  AdwActionRow *current_row;
  AdwActionRow *target_row;
  AdwActionRow *internal_row;
  AdwActionRow *importance_row;
  TpsRatingSelector *current_selector;
  TpsRatingSelector *target_selector;
  TpsRatingSelector *internal_selector;
  TpsRatingSelector *importance_selector;
  AdwComboRow *moment_row;
  GtkSwitch *entry_switch;
  GtkSwitch *exit_switch;


  AdwEntryRow *owner_row;
  TpsChipBox *systems_box;
  GtkEntry *system_entry;

  GtkListBox *measurements_list;
  GtkListBox *measures_list;
  GtkListBox *comparators_list;

  TpsProject *project;
  TpsHistory *history;
  TpsTouchpoint *touchpoint;
  gulong history_changed_id;
  TpsViewUpdate *update;        /* once per frame, only while shown */
  gboolean others_changed;      /* not only the shown touchpoint changed */
  gulong touchpoint_notify_id;

  /* What each rebuilt part shows; see the comment at the top. */
  char *stages_signature;
  char *channels_signature;
  char *personas_signature;
  char *systems_signature;
  char *measurements_signature;
  char *measures_signature;
  char *comparators_signature;
  char *header_signature;

  /* KPI series the user opened, by name, kept open across rebuilds. */
  GHashTable *expanded_series;

  /* the GtkTextViews named after a text attribute, see collect_text_fields() */
  GPtrArray *text_fields;
  gboolean syncing_personas;
  guint resize_tick;
  guint resize_frames;
};

/* Whether there is a touchpoint to show, and a project and history to
 * edit it in.
 */
static inline gboolean
tps_touchpoint_inspector_is_ready (TpsTouchpointInspector *self)
{
  return self->project != NULL && self->history != NULL && self->touchpoint != NULL;
}

void      tps_touchpoint_inspector_add_measurement_action (GtkWidget *widget,
                                                           const char *action_name,
                                                           GVariant *parameter);
void      tps_touchpoint_inspector_create_measure_action (GtkWidget *widget,
                                                          const char *action_name,
                                                          GVariant *parameter);
void      tps_touchpoint_inspector_delete_measurement_action (GtkWidget *widget,
                                                              const char *action_name,
                                                              GVariant *parameter);
void      tps_touchpoint_inspector_edit_measurement_action (GtkWidget *widget,
                                                            const char *action_name,
                                                            GVariant *parameter);
char *    tps_touchpoint_inspector_measurements_signature (TpsTouchpoint *tp);
GtkWidget *tps_touchpoint_inspector_placeholder_row (const char *text);
void      tps_touchpoint_inspector_show_measure_action (GtkWidget *widget,
                                                        const char *action_name,
                                                        GVariant *parameter);
void      tps_touchpoint_inspector_update_comparators (TpsTouchpointInspector *self);
void      tps_touchpoint_inspector_update_measurements (TpsTouchpointInspector *self);
void      tps_touchpoint_inspector_update_measures (TpsTouchpointInspector *self);

G_END_DECLS
