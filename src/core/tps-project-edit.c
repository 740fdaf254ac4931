/* tps-project-edit.c
 *
 * Every function here records through the history only; none touches the
 * model directly, so each edit is undone and redone exactly like a single
 * property change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-i18n-private.h"
#include "tps-project-edit.h"

G_DEFINE_QUARK (tps-edit-error-quark, tps_edit_error)

static const char *
name_or_untitled (TpsObject *object)
{
  const char *name = tps_object_get_display_name (object);

  return name != NULL && *name != '\0' ? name : _("Untitled");
}

/* A copy of @ids without @id (empty when nothing remains; the model stores that as unset). */
static char **
strv_without (const char * const *ids,
              const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (strcmp (ids[i], id) != 0)
      g_strv_builder_add (builder, ids[i]);

  return g_strv_builder_end (builder);
}

/**
 * tps_project_delete_touchpoint:
 *
 * Removes @touchpoint and, in the same undo step, its links from every
 * measure, so no measure is left pointing at a touchpoint that is gone.
 */
void
tps_project_delete_touchpoint (TpsProject    *project,
                               TpsHistory    *history,
                               TpsTouchpoint *touchpoint)
{
  GListModel *touchpoints;
  GListModel *measures;
  const char *id;
  g_autofree char *label = NULL;
  guint position;
  guint n;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_HISTORY (history));
  g_return_if_fail (TPS_IS_TOUCHPOINT (touchpoint));

  touchpoints = tps_project_get_touchpoints (project);
  if (!tps_list_find (touchpoints, touchpoint, &position))
    g_return_if_reached ();

  id = tps_object_get_id (TPS_OBJECT (touchpoint));
  /* Translators: undo label; %s is the touchpoint's title */
  label = g_strdup_printf (_("Touchpoint “%s” deleted"),
                           name_or_untitled (TPS_OBJECT (touchpoint)));

  tps_history_begin_group (history, label);

  measures = tps_project_get_measures (project);
  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);

      if (ids != NULL && g_strv_contains (ids, id))
        {
          g_auto(GStrv) remaining = strv_without (ids, id);

          tps_history_set (history, measure, "touchpoint-ids", remaining, NULL);
        }
    }

  tps_project_forget_comparator_ratings (project, history, id);
  tps_history_remove (history, touchpoints, position);
  tps_history_end_group (history);
}

/* Drops every comparator's rating at @touchpoint_id; part of deleting the
 * touchpoint, so the caller opens the undo group.
 */
void
tps_project_forget_comparator_ratings (TpsProject *project,
                                       TpsHistory *history,
                                       const char *touchpoint_id)
{
  GListModel *comparators = tps_project_get_comparators (project);

  for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
      guint position;

      if (tps_comparator_find_rating (comparator, touchpoint_id, &position) != NULL)
        tps_history_remove (history, tps_comparator_get_ratings (comparator), position);
    }
}

/**
 * tps_project_set_comparator_rating:
 * @rated: FALSE removes the rating (the comparator was not rated there)
 *
 * Sets how @comparator does at the touchpoint as one undo step.
 */
void
tps_project_set_comparator_rating (TpsHistory    *history,
                                   TpsComparator *comparator,
                                   const char    *touchpoint_id,
                                   gboolean       rated,
                                   int            value)
{
  TpsComparatorRating *rating;
  g_autofree char *label = NULL;
  guint position;

  g_return_if_fail (TPS_IS_HISTORY (history));
  g_return_if_fail (TPS_IS_COMPARATOR (comparator));
  g_return_if_fail (touchpoint_id != NULL);

  value = CLAMP (value, TPS_RATING_MIN, TPS_RATING_MAX);
  rating = tps_comparator_find_rating (comparator, touchpoint_id, &position);
  if (rating == NULL && !rated)
    return;
  if (rating != NULL && rated && tps_comparator_rating_get_value (rating) == value)
    return;

  /* Translators: undo label; %s is the comparator's name */
  label = g_strdup_printf (_("Rating of “%s” changed"),
                           name_or_untitled (TPS_OBJECT (comparator)));
  tps_history_begin_group (history, label);
  if (!rated)
    tps_history_remove (history, tps_comparator_get_ratings (comparator), position);
  else if (rating != NULL)
    tps_history_set (history, rating, "value", value, NULL);
  else
    {
      g_autoptr(TpsComparatorRating) added = tps_comparator_rating_new (touchpoint_id, value);

      tps_history_append (history, tps_comparator_get_ratings (comparator), added);
    }
  tps_history_end_group (history);
}

/**
 * tps_project_add_measure:
 *
 * Appends @measure to the project. A measure without an id gets a fresh
 * one, so callers can create it with tps_measure_new (NULL).
 */
void
tps_project_add_measure (TpsProject *project,
                         TpsHistory *history,
                         TpsMeasure *measure)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_HISTORY (history));
  g_return_if_fail (TPS_IS_MEASURE (measure));

  if (tps_object_get_id (TPS_OBJECT (measure)) == NULL)
    {
      g_autofree char *id = tps_project_make_id (project, "x");

      tps_object_set_id (TPS_OBJECT (measure), id);
    }

  /* Translators: undo label; %s is the measure's title */
  label = g_strdup_printf (_("Measure “%s” added"), name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);
  tps_history_append (history, tps_project_get_measures (project), measure);
  tps_history_end_group (history);
}

/**
 * tps_project_delete_measure:
 *
 * Removes @measure. Its sub-projects are not deleted with it: they move up
 * to the deleted measure's parent (or to the top level) in the same step,
 * because a sub-project usually still has work in it.
 */
void
tps_project_delete_measure (TpsProject *project,
                            TpsHistory *history,
                            TpsMeasure *measure)
{
  GListModel *measures;
  const char *id;
  const char *parent_id;
  g_autofree char *label = NULL;
  guint position;
  guint n;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_HISTORY (history));
  g_return_if_fail (TPS_IS_MEASURE (measure));

  measures = tps_project_get_measures (project);
  if (!tps_list_find (measures, measure, &position))
    g_return_if_reached ();

  id = tps_object_get_id (TPS_OBJECT (measure));
  parent_id = tps_measure_get_parent_id (measure);

  /* Translators: undo label; %s is the measure's title */
  label = g_strdup_printf (_("Measure “%s” deleted"), name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);

  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) child = g_list_model_get_item (measures, i);

      if (child != measure && g_strcmp0 (tps_measure_get_parent_id (child), id) == 0)
        tps_history_set (history, child, "parent-id", parent_id, NULL);
    }

  tps_history_remove (history, measures, position);
  tps_history_end_group (history);
}

/* Whether @measure is @ancestor or lies below it in the sub-project tree.
 * The walk up is bounded by the number of measures, so a cycle that a
 * hand-edited file might contain cannot hang it.
 */
gboolean
tps_project_measure_is_descendant (TpsProject *project,
                                   TpsMeasure *measure,
                                   TpsMeasure *ancestor)
{
  const char *ancestor_id;
  guint steps;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (ancestor), FALSE);

  ancestor_id = tps_object_get_id (TPS_OBJECT (ancestor));
  steps = g_list_model_get_n_items (tps_project_get_measures (project)) + 1;

  for (TpsMeasure *m = measure; m != NULL && steps > 0; steps--)
    {
      if (m == ancestor || g_strcmp0 (tps_object_get_id (TPS_OBJECT (m)), ancestor_id) == 0)
        return TRUE;

      m = tps_project_find_measure (project, tps_measure_get_parent_id (m));
    }

  return FALSE;
}

/**
 * tps_project_set_measure_parent:
 * @parent_id: (nullable): the new parent measure, %NULL for a top-level measure
 *
 * Makes @measure a sub-project of @parent_id. Refuses a parent that does
 * not exist and a cycle: a measure cannot be a sub-project of itself or of
 * one of its own sub-projects.
 */
gboolean
tps_project_set_measure_parent (TpsProject  *project,
                                TpsHistory  *history,
                                TpsMeasure  *measure,
                                const char  *parent_id,
                                GError     **error)
{
  TpsMeasure *parent = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (parent_id != NULL && *parent_id == '\0')
    parent_id = NULL;

  if (parent_id != NULL)
    {
      parent = tps_project_find_measure (project, parent_id);
      if (parent == NULL)
        {
          g_set_error_literal (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND,
                               _("The chosen parent measure no longer exists."));
          return FALSE;
        }

      if (parent == measure)
        {
          g_set_error_literal (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE,
                               _("A measure cannot be a sub-project of itself."));
          return FALSE;
        }

      if (tps_project_measure_is_descendant (project, parent, measure))
        {
          g_set_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_CYCLE,
                       /* Translators: both %s are measure titles */
                       _("“%s” cannot become a sub-project of “%s”, because “%s” is "
                         "already one of its sub-projects."),
                       name_or_untitled (TPS_OBJECT (measure)),
                       name_or_untitled (TPS_OBJECT (parent)),
                       name_or_untitled (TPS_OBJECT (parent)));
          return FALSE;
        }
    }

  /* Translators: undo label; %s is the measure's title */
  label = g_strdup_printf (_("Parent measure of “%s” changed"),
                           name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);
  tps_history_set (history, measure, "parent-id", parent_id, NULL);
  tps_history_end_group (history);

  return TRUE;
}

/**
 * tps_measure_dates_validate:
 * @start: (nullable): ISO 8601 date (YYYY-MM-DD) or %NULL/empty for none
 * @due: (nullable): likewise
 *
 * Checks a start and due date pair the way the planner needs them: each is
 * either missing or a real calendar date, and the due date is not before
 * the start date. Missing dates are fine — an idea need not be scheduled.
 */
gboolean
tps_measure_dates_validate (const char  *start,
                            const char  *due,
                            GError     **error)
{
  const char *dates[] = { start, due };

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (dates[i] == NULL || *dates[i] == '\0' || tps_date_is_valid (dates[i]))
        continue;

      g_set_error (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_INVALID_DATE,
                   i == 0
                   /* Translators: %s is what the user entered */
                   ? _("The start date “%s” is not a valid date.")
                   /* Translators: %s is what the user entered */
                   : _("The due date “%s” is not a valid date."),
                   dates[i]);
      return FALSE;
    }

  /* ISO dates compare correctly as text. */
  if (start != NULL && *start != '\0' && due != NULL && *due != '\0' && strcmp (due, start) < 0)
    {
      g_set_error_literal (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_DUE_BEFORE_START,
                           _("The due date cannot be before the start date."));
      return FALSE;
    }

  return TRUE;
}

/**
 * tps_project_set_measure_dates:
 * @start: (nullable): ISO 8601 date, %NULL to unschedule
 * @due: (nullable): ISO 8601 date, %NULL to leave open
 *
 * Sets both dates as one step, so moving a whole bar in the timeline is one
 * undo, and a pair that is valid only together (moving both later) is never
 * refused halfway.
 */
gboolean
tps_project_set_measure_dates (TpsProject  *project,
                               TpsHistory  *history,
                               TpsMeasure  *measure,
                               const char  *start,
                               const char  *due,
                               GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tps_measure_dates_validate (start, due, error))
    return FALSE;

  /* Translators: undo label; %s is the measure's title */
  label = g_strdup_printf (_("Dates of “%s” changed"), name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);
  tps_history_set (history, measure, "start", start, "due", due, NULL);
  tps_history_end_group (history);

  return TRUE;
}

/**
 * tps_project_link_touchpoint:
 *
 * Links @measure to the touchpoint it improves. Linking twice is not an
 * error and records nothing; a touchpoint that does not exist is refused.
 */
gboolean
tps_project_link_touchpoint (TpsProject  *project,
                             TpsHistory  *history,
                             TpsMeasure  *measure,
                             const char  *touchpoint_id,
                             GError     **error)
{
  TpsTouchpoint *touchpoint;
  const char * const *ids;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) linked = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  touchpoint = touchpoint_id != NULL ? tps_project_find_touchpoint (project, touchpoint_id) : NULL;
  if (touchpoint == NULL)
    {
      g_set_error_literal (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND,
                           _("This touchpoint does not exist in the project (any more), "
                             "so the measure cannot be linked to it."));
      return FALSE;
    }

  ids = tps_measure_get_touchpoint_ids (measure);
  if (ids != NULL && g_strv_contains (ids, touchpoint_id))
    return TRUE;

  builder = g_strv_builder_new ();
  if (ids != NULL)
    g_strv_builder_addv (builder, (const char **) ids);
  g_strv_builder_add (builder, touchpoint_id);
  linked = g_strv_builder_end (builder);

  /* Translators: undo label; the first %s is a touchpoint, the second a measure */
  label = g_strdup_printf (_("“%s” linked to “%s”"),
                           name_or_untitled (TPS_OBJECT (touchpoint)),
                           name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);
  tps_history_set (history, measure, "touchpoint-ids", linked, NULL);
  tps_history_end_group (history);

  return TRUE;
}

/**
 * tps_project_unlink_touchpoint:
 *
 * Removes the link from @measure to @touchpoint_id. A link to a touchpoint
 * that no longer exists (left in a hand-edited file) can still be removed;
 * an id that is neither linked nor a touchpoint is refused.
 */
gboolean
tps_project_unlink_touchpoint (TpsProject  *project,
                               TpsHistory  *history,
                               TpsMeasure  *measure,
                               const char  *touchpoint_id,
                               GError     **error)
{
  TpsTouchpoint *touchpoint;
  const char * const *ids;
  g_auto(GStrv) remaining = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (TPS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = tps_measure_get_touchpoint_ids (measure);
  touchpoint = touchpoint_id != NULL ? tps_project_find_touchpoint (project, touchpoint_id) : NULL;

  if (touchpoint_id == NULL || ids == NULL || !g_strv_contains (ids, touchpoint_id))
    {
      if (touchpoint != NULL)
        return TRUE;

      g_set_error_literal (error, TPS_EDIT_ERROR, TPS_EDIT_ERROR_NOT_FOUND,
                           _("This touchpoint does not exist in the project (any more)."));
      return FALSE;
    }

  remaining = strv_without (ids, touchpoint_id);

  /* Translators: undo label; the first %s is a touchpoint, the second a measure */
  label = g_strdup_printf (_("“%s” unlinked from “%s”"),
                           touchpoint != NULL
                           ? name_or_untitled (TPS_OBJECT (touchpoint)) : touchpoint_id,
                           name_or_untitled (TPS_OBJECT (measure)));

  tps_history_begin_group (history, label);
  tps_history_set (history, measure, "touchpoint-ids", remaining, NULL);
  tps_history_end_group (history);

  return TRUE;
}

/* Planned, in progress or pilot: the measure's cost is committed budget. */
gboolean
tps_measure_status_counts_as_planned (TpsMeasureStatus status)
{
  return status == TPS_MEASURE_STATUS_PLANNED
         || status == TPS_MEASURE_STATUS_IN_PROGRESS
         || status == TPS_MEASURE_STATUS_PILOT;
}

/* Rolled out, done or dropped: nothing is left to be late for, so such a
 * measure is never overdue.
 */
gboolean
tps_measure_status_is_finished (TpsMeasureStatus status)
{
  return status == TPS_MEASURE_STATUS_ROLLED_OUT
         || status == TPS_MEASURE_STATUS_DONE
         || status == TPS_MEASURE_STATUS_DROPPED;
}

/* A quick win that still needs doing: neither done nor dropped. */
gboolean
tps_measure_is_open_quick_win (TpsMeasure *measure)
{
  TpsMeasureStatus status;

  g_return_val_if_fail (TPS_IS_MEASURE (measure), FALSE);

  status = tps_measure_get_status (measure);
  return tps_measure_is_quick_win (measure)
         && status != TPS_MEASURE_STATUS_DONE
         && status != TPS_MEASURE_STATUS_DROPPED;
}

/**
 * tps_project_get_painpoints_without_measure:
 *
 * The painpoints no measure addresses, in journey order of the touchpoint
 * list. A dropped measure does not count: it will not fix anything.
 *
 * Returns: (transfer container) (element-type TpsTouchpoint): the painpoints,
 *   each with a reference held by the array
 */
GPtrArray *
tps_project_get_painpoints_without_measure (TpsProject *project)
{
  g_autoptr(GHashTable) addressed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *measures;
  GListModel *touchpoints;
  guint n;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  measures = tps_project_get_measures (project);
  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *ids = tps_measure_get_touchpoint_ids (measure);

      if (tps_measure_get_status (measure) == TPS_MEASURE_STATUS_DROPPED)
        continue;

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_hash_table_add (addressed, (gpointer) ids[j]);
    }

  touchpoints = tps_project_get_touchpoints (project);
  n = g_list_model_get_n_items (touchpoints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      if (tps_touchpoint_get_moment (touchpoint) == TPS_MOMENT_PAINPOINT
          && !g_hash_table_contains (addressed, tps_object_get_id (TPS_OBJECT (touchpoint))))
        g_ptr_array_add (result, g_steal_pointer (&touchpoint));
    }

  return g_steal_pointer (&result);
}

/* Fills @summary; see TpsMeasureSummary for what counts as planned and open. */
void
tps_project_measure_summary (TpsProject        *project,
                             TpsMeasureSummary *summary)
{
  GListModel *measures;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  measures = tps_project_get_measures (project);
  summary->n_measures = g_list_model_get_n_items (measures);
  for (guint i = 0; i < summary->n_measures; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      TpsMeasureStatus status = tps_measure_get_status (measure);

      if ((guint) status < G_N_ELEMENTS (summary->by_status))
        summary->by_status[status]++;

      if (tps_measure_status_counts_as_planned (status))
        {
          summary->n_planned++;
          summary->planned_cost += tps_measure_get_cost (measure);
        }

      if (tps_measure_is_quick_win (measure))
        summary->n_quick_wins++;

      if (tps_measure_is_open_quick_win (measure))
        summary->open_quick_wins++;
    }
}
