/* tps-types.h — the model's enumerations and shared declarations
 *
 * Each enumeration is registered as a GEnum whose value_nick is the word in
 * the file format and whose value_name is the untranslated, human label.
 * That one table serves the loader, the saver, the UI and the CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TpsProject     TpsProject;
typedef struct _TpsPersona     TpsPersona;
typedef struct _TpsStage       TpsStage;
typedef struct _TpsChannel     TpsChannel;
typedef struct _TpsTouchpoint  TpsTouchpoint;
typedef struct _TpsMeasurement TpsMeasurement;
typedef struct _TpsMeasure     TpsMeasure;
typedef struct _TpsProcessStep TpsProcessStep;
typedef struct _TpsComparator  TpsComparator;

typedef enum {
  TPS_CHANNEL_KIND_ONLINE,
  TPS_CHANNEL_KIND_OFFLINE,
  TPS_CHANNEL_KIND_HYBRID,
} TpsChannelKind;

typedef enum {
  TPS_FUNCTION_INFORM,
  TPS_FUNCTION_ADVISE,
  TPS_FUNCTION_SELL,
  TPS_FUNCTION_DELIVER,
  TPS_FUNCTION_SUPPORT,
  TPS_FUNCTION_FEEDBACK,
  TPS_FUNCTION_OTHER,
} TpsFunction;

typedef enum {
  TPS_TOUCHPOINT_STATUS_EXISTING,
  TPS_TOUCHPOINT_STATUS_NEW,
  TPS_TOUCHPOINT_STATUS_RETIRE,
} TpsTouchpointStatus;

typedef enum {
  TPS_MOMENT_NONE,
  TPS_MOMENT_LOVEPOINT,
  TPS_MOMENT_PAINPOINT,
  TPS_MOMENT_OF_TRUTH,
} TpsMoment;

typedef enum {
  TPS_METRIC_CSAT,
  TPS_METRIC_NPS,
  TPS_METRIC_CES,
  TPS_METRIC_CONVERSION,
  TPS_METRIC_COMPLAINTS,
  TPS_METRIC_CUSTOM,
} TpsMetric;

typedef enum {
  TPS_SOURCE_SURVEY,
  TPS_SOURCE_OBSERVATION,
  TPS_SOURCE_SERVICE_LOG,
  TPS_SOURCE_MYSTERY_SHOPPING,
  TPS_SOURCE_BENCHMARK,
  TPS_SOURCE_OTHER,
} TpsSource;

typedef enum {
  TPS_MEASURE_TYPE_PROCESS,
  TPS_MEASURE_TYPE_TRAINING,
  TPS_MEASURE_TYPE_TECHNOLOGY,
  TPS_MEASURE_TYPE_COMMUNICATION,
  TPS_MEASURE_TYPE_OTHER,
} TpsMeasureType;

typedef enum {
  TPS_MEASURE_STATUS_IDEA,
  TPS_MEASURE_STATUS_PLANNED,
  TPS_MEASURE_STATUS_IN_PROGRESS,
  TPS_MEASURE_STATUS_PILOT,
  TPS_MEASURE_STATUS_ROLLED_OUT,
  TPS_MEASURE_STATUS_DONE,
  TPS_MEASURE_STATUS_DROPPED,
} TpsMeasureStatus;

typedef enum {
  TPS_COMPARATOR_KIND_COMPETITOR,
  TPS_COMPARATOR_KIND_BEST_PRACTICE,
} TpsComparatorKind;

/* The 8 CTM sub-steps followed by the 10 BEST IMPACT steps. */
typedef enum {
  TPS_STEP_CTM_1A,
  TPS_STEP_CTM_1B,
  TPS_STEP_CTM_2A,
  TPS_STEP_CTM_2B,
  TPS_STEP_CTM_3A,
  TPS_STEP_CTM_3B,
  TPS_STEP_CTM_4A,
  TPS_STEP_CTM_4B,
  TPS_STEP_BEST_1,
  TPS_STEP_BEST_2,
  TPS_STEP_BEST_3,
  TPS_STEP_BEST_4,
  TPS_STEP_BEST_5,
  TPS_STEP_BEST_6,
  TPS_STEP_BEST_7,
  TPS_STEP_BEST_8,
  TPS_STEP_BEST_9,
  TPS_STEP_BEST_10,
  TPS_N_STEPS
} TpsStep;

#define TPS_RATING_MIN      (-2)
#define TPS_RATING_MAX      2
#define TPS_IMPORTANCE_MIN  1
#define TPS_IMPORTANCE_MAX  5
#define TPS_SCORE_MIN       1   /* effort and impact of a measure */
#define TPS_SCORE_MAX       5

#define TPS_TYPE_CHANNEL_KIND      (tps_channel_kind_get_type ())
#define TPS_TYPE_FUNCTION          (tps_function_get_type ())
#define TPS_TYPE_TOUCHPOINT_STATUS (tps_touchpoint_status_get_type ())
#define TPS_TYPE_MOMENT            (tps_moment_get_type ())
#define TPS_TYPE_METRIC            (tps_metric_get_type ())
#define TPS_TYPE_SOURCE            (tps_source_get_type ())
#define TPS_TYPE_MEASURE_TYPE      (tps_measure_type_get_type ())
#define TPS_TYPE_MEASURE_STATUS    (tps_measure_status_get_type ())
#define TPS_TYPE_STEP              (tps_step_get_type ())
#define TPS_TYPE_COMPARATOR_KIND   (tps_comparator_kind_get_type ())

GType tps_channel_kind_get_type      (void) G_GNUC_CONST;
GType tps_function_get_type          (void) G_GNUC_CONST;
GType tps_touchpoint_status_get_type (void) G_GNUC_CONST;
GType tps_moment_get_type            (void) G_GNUC_CONST;
GType tps_metric_get_type            (void) G_GNUC_CONST;
GType tps_source_get_type            (void) G_GNUC_CONST;
GType tps_measure_type_get_type      (void) G_GNUC_CONST;
GType tps_measure_status_get_type    (void) G_GNUC_CONST;
GType tps_step_get_type              (void) G_GNUC_CONST;
GType tps_comparator_kind_get_type   (void) G_GNUC_CONST;

const char *tps_enum_get_word    (GType       enum_type,
                                  int         value);
gboolean    tps_enum_parse_word  (GType       enum_type,
                                  const char *word,
                                  int        *value);
const char *tps_enum_get_label   (GType       enum_type,
                                  int         value);
guint       tps_enum_get_n_values (GType      enum_type);

const char *tps_rating_get_label (int         rating);
char       *tps_rating_format    (int         rating);
gboolean    tps_metric_get_range (TpsMetric   metric,
                                  double     *min,
                                  double     *max);

/* No KPI is measured in more than twelve digits; beyond that, sums and
 * differences in the analysis would lose their meaning or overflow.
 */
#define TPS_KPI_VALUE_LIMIT 1e12
gboolean    tps_kpi_value_is_sane (double     value);
char       *tps_kpi_value_too_large_message (const char *text);
const char *tps_step_get_phase_label (TpsStep step);
gboolean    tps_step_is_ctm      (TpsStep     step);

gboolean    tps_date_is_valid    (const char *iso_date);
gboolean    tps_timestamp_is_valid (const char *iso_timestamp);

G_END_DECLS
