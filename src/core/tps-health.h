/* tps-health.h — the journey health check
 *
 * One pass over a project that lists what a CTM team should look at next,
 * each finding with a severity and the object to jump to: painpoints
 * nobody works on, moments of truth that disappoint, measures nobody can
 * prove, channels that feel like different companies, plans that lie in
 * the past. The analysis view shows the list, the header bar counts it,
 * `--check` prints it and the report has a chapter for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tps-project.h"

G_BEGIN_DECLS

typedef enum {
  TPS_HEALTH_CRITICAL,        /* customers are hurt now and nothing is done */
  TPS_HEALTH_WARNING,         /* the plan or the data contradict themselves */
  TPS_HEALTH_HINT,            /* worth a look */
  TPS_HEALTH_N_SEVERITIES
} TpsHealthSeverity;

typedef enum {
  TPS_HEALTH_PAINPOINT_WITHOUT_MEASURE,
  TPS_HEALTH_MOMENT_OF_TRUTH_BELOW_OKAY,
  TPS_HEALTH_NO_IST_RATING,
  TPS_HEALTH_MEASURE_WITHOUT_KPI,
  TPS_HEALTH_RETIRING_WITH_ACTIVE_MEASURE,
  TPS_HEALTH_NO_ENTRY_POINT,
  TPS_HEALTH_NO_EXIT_POINT,
  TPS_HEALTH_INCONSISTENT_CHANNELS,
  TPS_HEALTH_TARGET_BELOW_CURRENT,
  TPS_HEALTH_PAST_DATE,
  TPS_HEALTH_N_CHECKS
} TpsHealthCheck;

typedef struct
{
  TpsHealthCheck     check;
  TpsHealthSeverity  severity;
  TpsObject         *target;   /* where to jump: a touchpoint, measure or stage */
  char              *message;  /* one translated sentence naming the object */
} TpsHealthFinding;

GPtrArray  *tps_health_check                (TpsProject        *project,
                                             const char        *today);
void        tps_health_finding_free         (TpsHealthFinding  *finding);
void        tps_health_count                (GPtrArray         *findings,
                                             guint              counts[TPS_HEALTH_N_SEVERITIES]);
const char *tps_health_severity_get_label   (TpsHealthSeverity  severity);
const char *tps_health_check_get_title      (TpsHealthCheck     check);
char       *tps_health_today                (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsHealthFinding, tps_health_finding_free)

G_END_DECLS
