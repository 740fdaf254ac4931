/* tps-measure.h — a Maßnahme: what the company does to close a gap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_MEASURE (tps_measure_get_type ())
G_DECLARE_FINAL_TYPE (TpsMeasure, tps_measure, TPS, MEASURE, TpsObject)

TpsMeasure *         tps_measure_new                (const char *         id);
const char *         tps_measure_get_title          (TpsMeasure           *self);
void                 tps_measure_set_title          (TpsMeasure           *self,
                                                     const char *         value);
const char *         tps_measure_get_description    (TpsMeasure           *self);
void                 tps_measure_set_description    (TpsMeasure           *self,
                                                     const char *         value);
TpsMeasureType       tps_measure_get_kind           (TpsMeasure           *self);
void                 tps_measure_set_kind           (TpsMeasure           *self,
                                                     TpsMeasureType       value);
TpsMeasureStatus     tps_measure_get_status         (TpsMeasure           *self);
void                 tps_measure_set_status         (TpsMeasure           *self,
                                                     TpsMeasureStatus     value);
const char * const * tps_measure_get_touchpoint_ids (TpsMeasure           *self);
void                 tps_measure_set_touchpoint_ids (TpsMeasure           *self,
                                                     const char * const * value);
const char *         tps_measure_get_owner          (TpsMeasure           *self);
void                 tps_measure_set_owner          (TpsMeasure           *self,
                                                     const char *         value);
const char *         tps_measure_get_start          (TpsMeasure           *self);
void                 tps_measure_set_start          (TpsMeasure           *self,
                                                     const char *         value);
const char *         tps_measure_get_due            (TpsMeasure           *self);
void                 tps_measure_set_due            (TpsMeasure           *self,
                                                     const char *         value);
int                  tps_measure_get_effort         (TpsMeasure           *self);
void                 tps_measure_set_effort         (TpsMeasure           *self,
                                                     int                  value);
int                  tps_measure_get_impact         (TpsMeasure           *self);
void                 tps_measure_set_impact         (TpsMeasure           *self,
                                                     int                  value);
double               tps_measure_get_cost           (TpsMeasure           *self);
void                 tps_measure_set_cost           (TpsMeasure           *self,
                                                     double               value);
const char *         tps_measure_get_parent_id      (TpsMeasure           *self);
void                 tps_measure_set_parent_id      (TpsMeasure           *self,
                                                     const char *         value);

gboolean             tps_measure_is_quick_win       (TpsMeasure           *self);

G_END_DECLS
