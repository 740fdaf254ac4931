/* tps-health.c
 *
 * Each check walks the model once and adds its findings in journey (or
 * plan) order; the list is then sorted by severity, stably, so the most
 * urgent come first and equals keep the order a person reads the map in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-page-layout.h"
#include "tps-analysis.h"
#include "tps-benchmark.h"
#include "tps-health.h"
#include "tps-i18n-private.h"
#include "tps-project-edit.h"

void
tps_health_finding_free (TpsHealthFinding *finding)
{
  if (finding == NULL)
    return;

  g_clear_object (&finding->target);
  g_clear_pointer (&finding->message, g_free);
  g_free (finding);
}

static void G_GNUC_PRINTF (5, 6)
add (GPtrArray         *findings,
     TpsHealthCheck     check,
     TpsHealthSeverity  severity,
     gpointer           target,
     const char        *format,
     ...)
{
  TpsHealthFinding *finding = g_new0 (TpsHealthFinding, 1);
  va_list args;

  finding->check = check;
  finding->severity = severity;
  finding->target = g_object_ref (target);
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (findings, finding);
}

static const char *
name_of (gpointer object)
{
  const char *name = tps_object_get_display_name (TPS_OBJECT (object));

  return name != NULL ? name : tps_object_get_id (TPS_OBJECT (object));
}

static gboolean
exists_today (TpsTouchpoint *touchpoint)
{
  return tps_touchpoint_get_status (touchpoint) != TPS_TOUCHPOINT_STATUS_NEW;
}

static void
check_touchpoints (GPtrArray *findings,
                   GPtrArray *journey)
{
  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);
      int current = tps_touchpoint_get_current (touchpoint);
      int target = tps_touchpoint_get_target (touchpoint);

      if (!exists_today (touchpoint))
        continue;

      if (tps_touchpoint_get_moment (touchpoint) == TPS_MOMENT_OF_TRUTH && current < 0)
        add (findings, TPS_HEALTH_MOMENT_OF_TRUTH_BELOW_OKAY, TPS_HEALTH_CRITICAL, touchpoint,
             _("“%s” is a moment of truth, and customers rate it “%s”."),
             name_of (touchpoint), tps_rating_get_label (current));

      /* Ist is a required value that starts at "okay"; when it is still
       * there and no measurement backs it, nobody has asked the customers.
       */
      if (current == 0
          && g_list_model_get_n_items (tps_touchpoint_get_measurements (touchpoint)) == 0)
        add (findings, TPS_HEALTH_NO_IST_RATING, TPS_HEALTH_HINT, touchpoint,
             _("“%s” has no Ist rating from customers: it is still at “okay” and no "
               "measurement backs it."), name_of (touchpoint));

      if (target < current)
        add (findings, TPS_HEALTH_TARGET_BELOW_CURRENT, TPS_HEALTH_WARNING, touchpoint,
             _("The Soll of “%s” (“%s”) is below its Ist (“%s”)."), name_of (touchpoint),
             tps_rating_get_label (target), tps_rating_get_label (current));
    }
}

static void
check_painpoints (GPtrArray  *findings,
                  TpsProject *project)
{
  g_autoptr(GPtrArray) painpoints = tps_project_get_painpoints_without_measure (project);

  for (guint i = 0; i < painpoints->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (painpoints, i);

      add (findings, TPS_HEALTH_PAINPOINT_WITHOUT_MEASURE, TPS_HEALTH_CRITICAL, touchpoint,
           _("“%s” is a painpoint, and no measure addresses it."), name_of (touchpoint));
    }
}

/* Whether any touchpoint the measure works on was measured on or after
 * @since (any time when @since is NULL).
 */
static gboolean
measured_since (GHashTable         *touchpoints,
                const char * const *touchpoint_ids,
                const char         *since)
{
  for (guint i = 0; touchpoint_ids != NULL && touchpoint_ids[i] != NULL; i++)
    {
      TpsTouchpoint *touchpoint = g_hash_table_lookup (touchpoints, touchpoint_ids[i]);
      GListModel *measurements;

      if (touchpoint == NULL)
        continue;

      measurements = tps_touchpoint_get_measurements (touchpoint);
      for (guint j = 0; j < g_list_model_get_n_items (measurements); j++)
        {
          g_autoptr(TpsMeasurement) measurement = g_list_model_get_item (measurements, j);

          if (since == NULL || g_strcmp0 (tps_measurement_get_date (measurement), since) >= 0)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_active (TpsMeasureStatus status)
{
  return tps_measure_status_counts_as_planned (status)
         || status == TPS_MEASURE_STATUS_ROLLED_OUT;
}

static void
check_measures (GPtrArray  *findings,
                TpsProject *project,
                GPtrArray  *journey,
                const char *today)
{
  GListModel *measures = tps_project_get_measures (project);
  g_autoptr(GHashTable) touchpoints = g_hash_table_new (g_str_hash, g_str_equal);

  /* Measures name their touchpoints by id: one lookup each, not a search. */
  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);

      g_hash_table_insert (touchpoints, (gpointer) tps_object_get_id (TPS_OBJECT (touchpoint)),
                           touchpoint);
    }

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      TpsMeasureStatus status = tps_measure_get_status (measure);
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);
      const char *start = tps_measure_get_start (measure);
      const char *due = tps_measure_get_due (measure);
      gboolean under_way = status == TPS_MEASURE_STATUS_IN_PROGRESS
                           || status == TPS_MEASURE_STATUS_PILOT
                           || status == TPS_MEASURE_STATUS_ROLLED_OUT
                           || status == TPS_MEASURE_STATUS_DONE;

      /* Monitoring (CTM 4a): a measure that is under way needs a KPI
       * reading taken after it started, or nobody can say it worked.
       */
      if (under_way && (start == NULL || strcmp (start, today) <= 0))
        {
          if (ids == NULL || ids[0] == NULL)
            add (findings, TPS_HEALTH_MEASURE_WITHOUT_KPI, TPS_HEALTH_WARNING, measure,
                 _("The measure “%s” is linked to no touchpoint, so no KPI can prove it."),
                 name_of (measure));
          else if (!measured_since (touchpoints, ids, start))
            {
              if (start != NULL)
                add (findings, TPS_HEALTH_MEASURE_WITHOUT_KPI, TPS_HEALTH_WARNING, measure,
                     _("Nothing has been measured at the touchpoints of the measure “%s” "
                       "since it started on %s; no KPI proves it yet."),
                     name_of (measure), start);
              else
                add (findings, TPS_HEALTH_MEASURE_WITHOUT_KPI, TPS_HEALTH_WARNING, measure,
                     _("Nothing has been measured at the touchpoints of the measure “%s”; "
                       "no KPI proves it yet."), name_of (measure));
            }
        }

      if (is_active (status))
        for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
          {
            TpsTouchpoint *touchpoint = g_hash_table_lookup (touchpoints, ids[j]);

            if (touchpoint != NULL
                && tps_touchpoint_get_status (touchpoint) == TPS_TOUCHPOINT_STATUS_RETIRE)
              add (findings, TPS_HEALTH_RETIRING_WITH_ACTIVE_MEASURE, TPS_HEALTH_WARNING,
                   touchpoint,
                   _("“%s” is to be retired, but the measure “%s” still works on it."),
                   name_of (touchpoint), name_of (measure));
          }

      if (tps_measure_status_is_finished (status))
        continue;

      if (due != NULL && strcmp (due, today) < 0)
        add (findings, TPS_HEALTH_PAST_DATE, TPS_HEALTH_WARNING, measure,
             _("The measure “%s” was due on %s and is not finished."), name_of (measure), due);
      else if (start != NULL && strcmp (start, today) < 0
               && (status == TPS_MEASURE_STATUS_IDEA || status == TPS_MEASURE_STATUS_PLANNED))
        add (findings, TPS_HEALTH_PAST_DATE, TPS_HEALTH_HINT, measure,
             _("The measure “%s” was to start on %s and is still “%s”."), name_of (measure),
             start, tps_enum_get_label (TPS_TYPE_MEASURE_STATUS, status));
    }
}

static gboolean
stage_has (GPtrArray  *journey,
           const char *stage_id,
           gboolean    entry)
{
  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);

      if (g_strcmp0 (tps_touchpoint_get_stage_id (touchpoint), stage_id) == 0
          && (entry ? tps_touchpoint_get_entry_point (touchpoint)
                    : tps_touchpoint_get_exit_point (touchpoint)))
        return TRUE;
    }

  return FALSE;
}

/* Seed 003: a journey has entry and exit points. The first stage that has
 * touchpoints is where it starts, the last where it ends.
 */
static void
check_entry_and_exit (GPtrArray  *findings,
                      TpsProject *project,
                      GPtrArray  *journey)
{
  TpsStage *first, *last;

  if (journey->len == 0)
    return;

  first = tps_project_find_stage (project,
                                  tps_touchpoint_get_stage_id (g_ptr_array_index (journey, 0)));
  last = tps_project_find_stage (project,
                                 tps_touchpoint_get_stage_id (
                                   g_ptr_array_index (journey, journey->len - 1)));

  if (first != NULL && !stage_has (journey, tps_object_get_id (TPS_OBJECT (first)), TRUE))
    add (findings, TPS_HEALTH_NO_ENTRY_POINT, TPS_HEALTH_HINT, first,
         _("The journey starts in the stage “%s”, but none of its touchpoints is an entry "
           "point."), name_of (first));
  if (last != NULL && !stage_has (journey, tps_object_get_id (TPS_OBJECT (last)), FALSE))
    add (findings, TPS_HEALTH_NO_EXIT_POINT, TPS_HEALTH_HINT, last,
         _("The journey ends in the stage “%s”, but none of its touchpoints is an exit "
           "point."), name_of (last));
}

static void
check_consistency (GPtrArray  *findings,
                   TpsProject *project)
{
  g_autoptr(GPtrArray) stages = tps_benchmark_get_consistency (project);

  for (guint i = 0; i < stages->len; i++)
    {
      TpsStageConsistency *consistency = g_ptr_array_index (stages, i);
      g_autofree char *description = NULL;

      if (!tps_stage_consistency_is_inconsistent (consistency))
        continue;

      description = tps_stage_consistency_describe (consistency);
      /* Translators: the first %s is a stage, the second a sentence about
       * its channels
       */
      add (findings, TPS_HEALTH_INCONSISTENT_CHANNELS, TPS_HEALTH_WARNING, consistency->stage,
           _("Stage “%s”: %s"), name_of (consistency->stage), description);
    }
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const TpsHealthFinding *x = *(const TpsHealthFinding * const *) a;
  const TpsHealthFinding *y = *(const TpsHealthFinding * const *) b;

  return (int) x->severity - (int) y->severity;
}

/**
 * tps_health_check:
 * @today: (nullable): ISO date the dates are compared with; NULL for today
 *
 * Returns: (transfer full) (element-type TpsHealthFinding): the findings,
 *   critical ones first
 */
GPtrArray *
tps_health_check (TpsProject *project,
                  const char *today)
{
  g_autoptr(GPtrArray) journey = NULL;
  g_autofree char *now = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  if (today == NULL)
    today = now = tps_health_today ();

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_health_finding_free);
  journey = tps_analysis_get_journey (project);

  check_painpoints (findings, project);
  check_touchpoints (findings, journey);
  check_entry_and_exit (findings, project, journey);
  check_consistency (findings, project);
  check_measures (findings, project, journey, today);

  g_ptr_array_sort (findings, compare_severity);
  return findings;
}

void
tps_health_count (GPtrArray *findings,
                  guint      counts[TPS_HEALTH_N_SEVERITIES])
{
  for (guint s = 0; s < TPS_HEALTH_N_SEVERITIES; s++)
    counts[s] = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);
      counts[finding->severity]++;
    }
}

const char *
tps_health_severity_get_label (TpsHealthSeverity severity)
{
  switch (severity)
    {
    case TPS_HEALTH_CRITICAL:
      return C_("health", "Critical");
    case TPS_HEALTH_WARNING:
      return C_("health", "Warning");
    case TPS_HEALTH_HINT:
    case TPS_HEALTH_N_SEVERITIES:
    default:
      return C_("health", "Hint");
    }
}

/* A short name of what a check looks for, for headings and tooltips. */
const char *
tps_health_check_get_title (TpsHealthCheck check)
{
  static const char * const titles[] = {
    [TPS_HEALTH_PAINPOINT_WITHOUT_MEASURE] = N_("Painpoint without a measure"),
    [TPS_HEALTH_MOMENT_OF_TRUTH_BELOW_OKAY] = N_("Moment of truth below okay"),
    [TPS_HEALTH_NO_IST_RATING] = N_("No Ist rating"),
    [TPS_HEALTH_MEASURE_WITHOUT_KPI] = N_("Measure without a KPI"),
    [TPS_HEALTH_RETIRING_WITH_ACTIVE_MEASURE] = N_("Retiring touchpoint with an active measure"),
    [TPS_HEALTH_NO_ENTRY_POINT] = N_("No entry point"),
    [TPS_HEALTH_NO_EXIT_POINT] = N_("No exit point"),
    [TPS_HEALTH_INCONSISTENT_CHANNELS] = N_("Inconsistent channels"),
    [TPS_HEALTH_TARGET_BELOW_CURRENT] = N_("Soll below Ist"),
    [TPS_HEALTH_PAST_DATE] = N_("Date in the past"),
  };

  g_return_val_if_fail (check < TPS_HEALTH_N_CHECKS, "");
  return g_dgettext (GETTEXT_PACKAGE, titles[check]);
}

/* Returns: (transfer full): today's date as YYYY-MM-DD, local time */
char *
tps_health_today (void)
{
  g_autoptr(GDateTime) now = tps_page_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}
