/* tps-analysis.h — what the analysis view and the report compute from a project
 *
 * Four analyses, each a plain computation over a TpsProject that returns a
 * snapshot the caller owns:
 *
 *  - the importance/performance matrix (importance 1..5 against today's
 *    experience, Ist −2..+2) with the four quadrants of the classic
 *    importance-performance analysis;
 *  - the perception gap between employees' view and the customers' Ist
 *    (seed 003: 80 % of managers, 15 % of customers);
 *  - KPI series per touchpoint and metric against the baseline
 *    ("Nullmessung", seed 001);
 *  - progress through the CTM process and the BEST IMPACT steps.
 *
 * The snapshots hold references to the model objects they describe, so
 * they stay valid while the model changes; recompute them after a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tps-project.h"

G_BEGIN_DECLS

/* Importance/performance ------------------------------------------------ */

/* The crosshair lies between importance 3 and 4 and between "okay" and
 * "delightful": a touchpoint matters when its importance is at least
 * TPS_IPA_HIGH_IMPORTANCE, and it performs when customers rate it at least
 * TPS_IPA_HIGH_PERFORMANCE ("delightful") today. "Okay" does not count as
 * performing: expectation plus X (seed 003) asks for more than okay.
 */
#define TPS_IPA_HIGH_IMPORTANCE  4
#define TPS_IPA_HIGH_PERFORMANCE 1

typedef enum {
  TPS_IPA_CONCENTRATE_HERE,   /* high importance, low performance */
  TPS_IPA_KEEP_UP,            /* high importance, high performance */
  TPS_IPA_LOW_PRIORITY,       /* low importance, low performance */
  TPS_IPA_POSSIBLE_OVERKILL,  /* low importance, high performance */
  TPS_IPA_N_QUADRANTS
} TpsIpaQuadrant;

typedef struct
{
  TpsTouchpoint  *touchpoint;  /* a reference held by the array */
  int             importance;  /* 1..5, the y axis */
  int             performance; /* Ist −2..+2, the x axis */
  TpsIpaQuadrant  quadrant;
} TpsIpaPoint;

TpsIpaQuadrant tps_ipa_quadrant_for             (int             importance,
                                                 int             performance);
const char    *tps_ipa_quadrant_get_label       (TpsIpaQuadrant  quadrant);
const char    *tps_ipa_quadrant_get_description (TpsIpaQuadrant  quadrant);

GArray        *tps_analysis_get_ipa_points      (TpsProject     *project);
guint          tps_analysis_count_quadrant      (TpsProject     *project,
                                                 TpsIpaQuadrant  quadrant);

/* Perception gap ---------------------------------------------------------- */

typedef struct
{
  TpsTouchpoint *touchpoint;  /* a reference held by the array */
  int            customer;    /* Ist, how customers rate it today */
  int            internal;    /* how employees rate it */
  int            gap;         /* internal − customer: > 0 employees think it is better */
} TpsPerceptionGap;

typedef struct
{
  guint  n_compared;          /* touchpoints that exist today (status is not "new") */
  guint  n_internal_delightful;
  guint  n_customer_delightful;
  guint  n_overrated;         /* employees rate higher than customers */
  guint  n_underrated;        /* employees rate lower than customers */
  guint  n_aligned;
  double internal_share;      /* 0..1; 0 when nothing is compared */
  double customer_share;
  double mean_gap;
} TpsPerceptionSummary;

GArray *tps_analysis_get_perception_gaps     (TpsProject                 *project);
void    tps_analysis_get_perception_summary  (TpsProject                 *project,
                                              TpsPerceptionSummary       *summary);
int     tps_perception_summary_percent       (double                      share);
char   *tps_perception_summary_to_headline   (const TpsPerceptionSummary *summary);

/* KPI series -------------------------------------------------------------- */

typedef enum {
  TPS_KPI_NO_COMPARISON,      /* only the baseline so far */
  TPS_KPI_UNCHANGED,
  TPS_KPI_IMPROVED,
  TPS_KPI_WORSENED,
} TpsKpiVerdict;

typedef struct
{
  TpsTouchpoint  *touchpoint;
  TpsMetric       metric;
  char           *label;           /* the custom metric's name; NULL for the others */
  GPtrArray      *measurements;    /* TpsMeasurement, oldest first */
  TpsMeasurement *baseline;        /* the last one flagged as baseline, else the first */
  TpsMeasurement *latest;          /* the most recent */
  gboolean        higher_is_better;
  double          change;          /* latest − baseline */
  TpsKpiVerdict   verdict;
  gboolean        has_target;
  double          target;          /* the most recent target given */
  double          min_value;       /* over every value and the target */
  double          max_value;
} TpsKpiSeries;

gboolean      tps_kpi_higher_is_better            (TpsMetric           metric,
                                                   const char         *label);

GPtrArray    *tps_analysis_get_kpi_series         (TpsProject         *project);
GPtrArray    *tps_analysis_get_kpi_series_for     (TpsTouchpoint      *touchpoint);
void          tps_kpi_series_free                 (TpsKpiSeries       *series);
const char   *tps_kpi_series_get_name             (const TpsKpiSeries *series);
char         *tps_kpi_format_value                (TpsMetric           metric,
                                                   double              value);
char         *tps_kpi_format_change               (TpsMetric           metric,
                                                   double              change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsKpiSeries, tps_kpi_series_free)

/* Process progress -------------------------------------------------------- */

#define TPS_CTM_N_STEPS   8
#define TPS_BEST_N_STEPS  10
#define TPS_N_PHASES      4     /* CTM stages and BEST IMPACT phases alike */

typedef struct
{
  guint ctm_done;
  guint ctm_total;
  guint best_done;
  guint best_total;
  guint ctm_phase_done[TPS_N_PHASES];
  guint ctm_phase_total[TPS_N_PHASES];
  guint best_phase_done[TPS_N_PHASES];
  guint best_phase_total[TPS_N_PHASES];
} TpsProcessProgress;

guint   tps_analysis_get_step_phase        (TpsStep                   step);
void    tps_analysis_get_process_progress  (TpsProject               *project,
                                            TpsProcessProgress       *progress);
char   *tps_process_progress_format_ctm    (const TpsProcessProgress *progress);
char   *tps_process_progress_format_best   (const TpsProcessProgress *progress);

/* Journey order ----------------------------------------------------------- */

GPtrArray *tps_analysis_get_journey        (TpsProject               *project);

G_END_DECLS
