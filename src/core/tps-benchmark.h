/* tps-benchmark.h — the journey against the best, and its channels against
 * each other
 *
 * Two analyses over a TpsProject, each a snapshot the caller owns:
 *
 *  - where we trail the best: per touchpoint, the best comparator's rating
 *    minus today's Ist, weighted by importance (seed 001 step 5: "Vergleich
 *    mit Mitbewerbern sowie Best Practice Anbietern"; seed 003: liquid
 *    expectations — the best service a customer has had anywhere is the bar);
 *  - channel consistency: per stage, how far apart the channels are rated
 *    (seed 002: "Kunden erwarten, dass alle Touchpoints eine konsistente
 *    Erfahrung bieten").
 *
 * Touchpoints planned as new do not exist today and have no Ist to compare;
 * both analyses leave them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tps-project.h"

G_BEGIN_DECLS

/* Where we trail the best -------------------------------------------------- */

typedef struct
{
  TpsTouchpoint *touchpoint;  /* references held by the array */
  TpsComparator *best;        /* the comparator rated highest there */
  int            best_rating;
  int            current;     /* our Ist */
  int            gap;         /* best_rating − current, > 0 */
  int            weighted;    /* gap × importance: the sort key */
} TpsBenchmarkGap;

GArray    *tps_benchmark_get_gaps        (TpsProject    *project,
                                          TpsComparator *only);

typedef struct
{
  guint n_rated;              /* touchpoints with both a rating and an Ist */
  guint n_ahead;              /* we are rated higher */
  guint n_level;
  guint n_behind;
  double mean_difference;     /* mean of (comparator − Ist); > 0: it is ahead */
} TpsComparatorSummary;

void       tps_benchmark_summarize       (TpsProject           *project,
                                          TpsComparator        *comparator,
                                          TpsComparatorSummary *summary);

/* Channel consistency ------------------------------------------------------ */

/* Channels of one stage whose mean Ist ratings lie this many steps apart
 * or more give customers an inconsistent experience.
 */
#define TPS_CONSISTENCY_SPREAD_LIMIT 2.0

typedef struct
{
  TpsChannel *channel;        /* a reference */
  double      mean;           /* mean Ist of the stage's touchpoints in the channel */
  guint       n_touchpoints;
  gboolean    outlier;        /* at least one step from the stage's mean */
} TpsChannelRating;

typedef struct
{
  TpsStage *stage;            /* a reference */
  GArray   *channels;         /* TpsChannelRating, in channel order; only channels used */
  double    mean;             /* mean over the channels' means */
  double    spread;           /* highest − lowest channel mean; 0 with one channel */
} TpsStageConsistency;

GPtrArray *tps_benchmark_get_consistency (TpsProject          *project);
void       tps_stage_consistency_free    (TpsStageConsistency *consistency);
gboolean   tps_stage_consistency_is_inconsistent (const TpsStageConsistency *consistency);
char      *tps_stage_consistency_describe (const TpsStageConsistency *consistency);
char      *tps_benchmark_format_mean     (double                     mean);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsStageConsistency, tps_stage_consistency_free)

G_END_DECLS
