/* tps-measurement.h — one KPI reading at one touchpoint on one date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_MEASUREMENT (tps_measurement_get_type ())
G_DECLARE_FINAL_TYPE (TpsMeasurement, tps_measurement, TPS, MEASUREMENT, TpsObject)

TpsMeasurement *tps_measurement_new          (const char     *id);

const char     *tps_measurement_get_date     (TpsMeasurement *self);
void            tps_measurement_set_date     (TpsMeasurement *self,
                                              const char     *iso_date);
TpsMetric       tps_measurement_get_metric   (TpsMeasurement *self);
void            tps_measurement_set_metric   (TpsMeasurement *self,
                                              TpsMetric       metric);
const char     *tps_measurement_get_label    (TpsMeasurement *self);
void            tps_measurement_set_label    (TpsMeasurement *self,
                                              const char     *label);
double          tps_measurement_get_value    (TpsMeasurement *self);
void            tps_measurement_set_value    (TpsMeasurement *self,
                                              double          value);
gboolean        tps_measurement_get_has_target (TpsMeasurement *self);
void            tps_measurement_set_has_target (TpsMeasurement *self,
                                                gboolean        has_target);
double          tps_measurement_get_target   (TpsMeasurement *self);
void            tps_measurement_set_target   (TpsMeasurement *self,
                                              double          target);
TpsSource       tps_measurement_get_source   (TpsMeasurement *self);
void            tps_measurement_set_source   (TpsMeasurement *self,
                                              TpsSource       source);
gboolean        tps_measurement_get_baseline (TpsMeasurement *self);
void            tps_measurement_set_baseline (TpsMeasurement *self,
                                              gboolean        baseline);
const char     *tps_measurement_get_note     (TpsMeasurement *self);
void            tps_measurement_set_note     (TpsMeasurement *self,
                                              const char     *note);

const char     *tps_measurement_get_metric_name (TpsMeasurement *self);

G_END_DECLS
