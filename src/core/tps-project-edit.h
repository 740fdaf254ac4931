/* tps-project-edit.h — editing operations that keep a project consistent
 *
 * Some edits touch more than one object: deleting a touchpoint must also
 * drop the links measures hold to it, deleting a measure must hand its
 * sub-projects to its parent. These functions record such an edit as ONE
 * step in the undo history, so one undo restores everything, and refuse
 * edits that would leave the project inconsistent with a message a person
 * can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-history.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_EDIT_ERROR (tps_edit_error_quark ())

typedef enum {
  TPS_EDIT_ERROR_CYCLE,            /* a measure would become its own (indirect) sub-project */
  TPS_EDIT_ERROR_INVALID_DATE,     /* not a calendar date */
  TPS_EDIT_ERROR_DUE_BEFORE_START, /* due date earlier than the start date */
  TPS_EDIT_ERROR_NOT_FOUND,        /* the referenced touchpoint or measure does not exist */
} TpsEditError;

/* Counts over a project's measures, for the planner's summary line and the
 * report.
 *
 * A measure "counts as planned" (its cost is committed budget) while its
 * status is planned, in progress or pilot: ideas are not decided yet, and
 * rolled-out, done and dropped measures no longer need money.
 *
 * An open quick win is a quick win (impact ≥ 4, effort ≤ 2) that is neither
 * done nor dropped — rolled-out ones still count, because the rollout is
 * not finished until the measure is done.
 */
typedef struct
{
  guint  n_measures;
  guint  by_status[TPS_MEASURE_STATUS_DROPPED + 1]; /* indexed by TpsMeasureStatus */
  double planned_cost;
  guint  n_planned;
  guint  n_quick_wins;      /* every quick win, whatever its status */
  guint  open_quick_wins;
} TpsMeasureSummary;

GQuark      tps_edit_error_quark                       (void);

void        tps_project_delete_touchpoint              (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsTouchpoint     *touchpoint);
void        tps_project_forget_comparator_ratings      (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        const char        *touchpoint_id);
void        tps_project_set_comparator_rating          (TpsHistory        *history,
                                                        TpsComparator     *comparator,
                                                        const char        *touchpoint_id,
                                                        gboolean           rated,
                                                        int                value);

void        tps_project_add_measure                    (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure);
void        tps_project_delete_measure                 (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure);
gboolean    tps_project_set_measure_parent             (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure,
                                                        const char        *parent_id,
                                                        GError           **error);
gboolean    tps_project_set_measure_dates              (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure,
                                                        const char        *start,
                                                        const char        *due,
                                                        GError           **error);
gboolean    tps_project_link_touchpoint                (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure,
                                                        const char        *touchpoint_id,
                                                        GError           **error);
gboolean    tps_project_unlink_touchpoint              (TpsProject        *project,
                                                        TpsHistory        *history,
                                                        TpsMeasure        *measure,
                                                        const char        *touchpoint_id,
                                                        GError           **error);

gboolean    tps_measure_dates_validate                 (const char        *start,
                                                        const char        *due,
                                                        GError           **error);
gboolean    tps_project_measure_is_descendant          (TpsProject        *project,
                                                        TpsMeasure        *measure,
                                                        TpsMeasure        *ancestor);

GPtrArray  *tps_project_get_painpoints_without_measure (TpsProject        *project);
void        tps_project_measure_summary                (TpsProject        *project,
                                                        TpsMeasureSummary *summary);

gboolean    tps_measure_status_counts_as_planned       (TpsMeasureStatus   status);
gboolean    tps_measure_status_is_finished             (TpsMeasureStatus   status);
gboolean    tps_measure_is_open_quick_win              (TpsMeasure        *measure);

G_END_DECLS
