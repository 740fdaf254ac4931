/* tps-project.h — a touchpoint project: the whole document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-channel.h"
#include "tps-comparator.h"
#include "tps-measure.h"
#include "tps-measurement.h"
#include "tps-persona.h"
#include "tps-process-step.h"
#include "tps-stage.h"
#include "tps-touchpoint.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_PROJECT (tps_project_get_type ())
G_DECLARE_FINAL_TYPE (TpsProject, tps_project, TPS, PROJECT, GObject)

TpsProject     *tps_project_new                 (void);

const char     *tps_project_get_title           (TpsProject  *self);
void            tps_project_set_title           (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_organisation    (TpsProject  *self);
void            tps_project_set_organisation    (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_description     (TpsProject  *self);
void            tps_project_set_description     (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_language        (TpsProject  *self);
void            tps_project_set_language        (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_currency        (TpsProject  *self);
void            tps_project_set_currency        (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_created         (TpsProject  *self);
void            tps_project_set_created         (TpsProject  *self,
                                                 const char  *value);
const char     *tps_project_get_modified        (TpsProject  *self);
void            tps_project_set_modified        (TpsProject  *self,
                                                 const char  *value);

GListModel     *tps_project_get_personas        (TpsProject  *self);
GListModel     *tps_project_get_stages          (TpsProject  *self);
GListModel     *tps_project_get_channels        (TpsProject  *self);
GListModel     *tps_project_get_touchpoints     (TpsProject  *self);
GListModel     *tps_project_get_measures        (TpsProject  *self);
GListModel     *tps_project_get_comparators     (TpsProject  *self);
GListModel     *tps_project_get_process_steps   (TpsProject  *self);
GListModel     *tps_project_get_conflicts       (TpsProject  *self);

TpsProcessStep *tps_project_get_step            (TpsProject  *self,
                                                 TpsStep      step);
TpsObject      *tps_project_lookup              (TpsProject  *self,
                                                 const char  *id);
GHashTable     *tps_project_index_ids           (TpsProject  *self);
TpsPersona     *tps_project_find_persona        (TpsProject  *self,
                                                 const char  *id);
TpsStage       *tps_project_find_stage          (TpsProject  *self,
                                                 const char  *id);
TpsChannel     *tps_project_find_channel        (TpsProject  *self,
                                                 const char  *id);
TpsTouchpoint  *tps_project_find_touchpoint     (TpsProject  *self,
                                                 const char  *id);
TpsMeasure     *tps_project_find_measure        (TpsProject  *self,
                                                 const char  *id);
TpsComparator  *tps_project_find_comparator     (TpsProject  *self,
                                                 const char  *id);
char           *tps_project_make_id             (TpsProject  *self,
                                                 const char  *prefix);
gboolean        tps_list_find                   (GListModel  *model,
                                                 gpointer     item,
                                                 guint       *position);

guint           tps_project_count_moment        (TpsProject  *self,
                                                 TpsMoment    moment);
guint           tps_project_count_measures_for  (TpsProject  *self,
                                                 const char  *touchpoint_id);
GHashTable     *tps_project_count_measures_by_touchpoint (TpsProject *self);

G_END_DECLS
