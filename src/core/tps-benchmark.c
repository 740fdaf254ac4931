/* tps-benchmark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tps-analysis.h"
#include "tps-benchmark.h"
#include "tps-i18n-private.h"

static gboolean
exists_today (TpsTouchpoint *touchpoint)
{
  return tps_touchpoint_get_status (touchpoint) != TPS_TOUCHPOINT_STATUS_NEW;
}

/* Where we trail the best -------------------------------------------------- */

static void
gap_clear (gpointer data)
{
  TpsBenchmarkGap *gap = data;

  g_clear_object (&gap->touchpoint);
  g_clear_object (&gap->best);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const TpsBenchmarkGap *x = a;
  const TpsBenchmarkGap *y = b;

  if (x->weighted != y->weighted)
    return y->weighted - x->weighted;
  return y->gap - x->gap;
}

/**
 * tps_benchmark_get_gaps:
 * @only: (nullable): compare with this comparator only; NULL takes the best
 *   of all comparators at each touchpoint
 *
 * Returns: (transfer full) (element-type TpsBenchmarkGap): the touchpoints
 *   where a comparator is rated above our Ist, the largest importance-weighted
 *   gap first (journey order among equals)
 */
GArray *
tps_benchmark_get_gaps (TpsProject    *project,
                        TpsComparator *only)
{
  g_autoptr(GPtrArray) journey = NULL;
  GListModel *comparators;
  GArray *gaps;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (only == NULL || TPS_IS_COMPARATOR (only), NULL);

  journey = tps_analysis_get_journey (project);
  comparators = tps_project_get_comparators (project);
  gaps = g_array_new (FALSE, TRUE, sizeof (TpsBenchmarkGap));
  g_array_set_clear_func (gaps, gap_clear);

  for (guint i = 0; i < journey->len; i++)
    {
      TpsTouchpoint *touchpoint = g_ptr_array_index (journey, i);
      const char *id = tps_object_get_id (TPS_OBJECT (touchpoint));
      TpsComparator *best = NULL;
      int best_rating = TPS_RATING_MIN - 1;
      TpsBenchmarkGap gap;

      if (!exists_today (touchpoint))
        continue;

      for (guint c = 0; c < g_list_model_get_n_items (comparators); c++)
        {
          g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, c);
          int rating;

          if (only != NULL && comparator != only)
            continue;
          if (tps_comparator_get_rating (comparator, id, &rating) && rating > best_rating)
            {
              best = comparator;
              best_rating = rating;
            }
        }

      if (best == NULL || best_rating <= tps_touchpoint_get_current (touchpoint))
        continue;

      gap.touchpoint = g_object_ref (touchpoint);
      gap.best = g_object_ref (best);
      gap.best_rating = best_rating;
      gap.current = tps_touchpoint_get_current (touchpoint);
      gap.gap = best_rating - gap.current;
      gap.weighted = gap.gap * tps_touchpoint_get_importance (touchpoint);
      g_array_append_val (gaps, gap);
    }

  /* g_array_sort is stable (GLib ≥ 2.32): equal keys keep journey order. */
  g_array_sort (gaps, compare_gaps);
  return gaps;
}

/* How @comparator does against our Ist at the touchpoints it was rated at. */
void
tps_benchmark_summarize (TpsProject           *project,
                         TpsComparator        *comparator,
                         TpsComparatorSummary *summary)
{
  GListModel *ratings;
  int total = 0;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_COMPARATOR (comparator));
  g_return_if_fail (summary != NULL);

  *summary = (TpsComparatorSummary) { 0, };
  ratings = tps_comparator_get_ratings (comparator);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ratings, i);
      TpsTouchpoint *touchpoint =
        tps_project_find_touchpoint (project, tps_comparator_rating_get_touchpoint_id (rating));
      int difference;

      if (touchpoint == NULL || !exists_today (touchpoint))
        continue;

      difference = tps_comparator_rating_get_value (rating)
                   - tps_touchpoint_get_current (touchpoint);
      summary->n_rated++;
      total += difference;
      if (difference > 0)
        summary->n_behind++;
      else if (difference < 0)
        summary->n_ahead++;
      else
        summary->n_level++;
    }

  if (summary->n_rated > 0)
    summary->mean_difference = (double) total / summary->n_rated;
}

/* Channel consistency ------------------------------------------------------ */

void
tps_stage_consistency_free (TpsStageConsistency *consistency)
{
  if (consistency == NULL)
    return;

  g_clear_object (&consistency->stage);
  g_clear_pointer (&consistency->channels, g_array_unref);
  g_free (consistency);
}

static void
channel_rating_clear (gpointer data)
{
  TpsChannelRating *rating = data;

  g_clear_object (&rating->channel);
}

/* The Ist ratings of today's touchpoints summed per stage and channel. */
typedef struct
{
  int total;
  guint n;
} Cell;

static char *
cell_key (const char *stage_id,
          const char *channel_id)
{
  return g_strconcat (stage_id ? stage_id : "", "\x1f", channel_id ? channel_id : "", NULL);
}

/* One pass over the touchpoints, so the consistency of a large journey
 * costs stages × channels lookups, not that many passes.
 */
static GHashTable *
sum_cells (GListModel *touchpoints)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint t = 0; t < g_list_model_get_n_items (touchpoints); t++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, t);
      char *key;
      Cell *cell;

      if (!exists_today (touchpoint))
        continue;

      key = cell_key (tps_touchpoint_get_stage_id (touchpoint),
                      tps_touchpoint_get_channel_id (touchpoint));
      cell = g_hash_table_lookup (cells, key);
      if (cell == NULL)
        g_hash_table_insert (cells, key, cell = g_new0 (Cell, 1));
      else
        g_free (key);
      cell->total += tps_touchpoint_get_current (touchpoint);
      cell->n++;
    }

  return cells;
}

/* Returns: (transfer full) (element-type TpsStageConsistency): one entry per
 * stage, in stage order
 */
GPtrArray *
tps_benchmark_get_consistency (TpsProject *project)
{
  GListModel *stages, *channels, *touchpoints;
  g_autoptr(GHashTable) cells = NULL;
  GPtrArray *result;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);

  stages = tps_project_get_stages (project);
  channels = tps_project_get_channels (project);
  touchpoints = tps_project_get_touchpoints (project);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_stage_consistency_free);
  cells = sum_cells (touchpoints);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      TpsStageConsistency *consistency = g_new0 (TpsStageConsistency, 1);
      double low = G_MAXDOUBLE, high = -G_MAXDOUBLE, sum = 0;

      consistency->stage = g_list_model_get_item (stages, s);
      consistency->channels = g_array_new (FALSE, TRUE, sizeof (TpsChannelRating));
      g_array_set_clear_func (consistency->channels, channel_rating_clear);

      for (guint c = 0; c < g_list_model_get_n_items (channels); c++)
        {
          g_autoptr(TpsChannel) channel = g_list_model_get_item (channels, c);
          TpsChannelRating rating = { NULL, 0, 0, FALSE };
          g_autofree char *key = cell_key (tps_object_get_id (TPS_OBJECT (consistency->stage)),
                                           tps_object_get_id (TPS_OBJECT (channel)));
          Cell *cell = g_hash_table_lookup (cells, key);
          int total = cell ? cell->total : 0;

          rating.n_touchpoints = cell ? cell->n : 0;

          if (rating.n_touchpoints == 0)
            continue;

          rating.channel = g_object_ref (channel);
          rating.mean = (double) total / rating.n_touchpoints;
          low = MIN (low, rating.mean);
          high = MAX (high, rating.mean);
          sum += rating.mean;
          g_array_append_val (consistency->channels, rating);
        }

      if (consistency->channels->len > 0)
        {
          consistency->mean = sum / consistency->channels->len;
          consistency->spread = high - low;
        }

      /* With two channels both are one step or more from their mean
       * exactly when they are two apart; with more, the ones that pull the
       * stage away from its middle are named.
       */
      for (guint c = 0; c < consistency->channels->len; c++)
        {
          TpsChannelRating *rating = &g_array_index (consistency->channels, TpsChannelRating, c);

          rating->outlier = tps_stage_consistency_is_inconsistent (consistency)
                            && fabs (rating->mean - consistency->mean) >= 1.0 - 1e-9;
        }

      g_ptr_array_add (result, consistency);
    }

  return result;
}

gboolean
tps_stage_consistency_is_inconsistent (const TpsStageConsistency *consistency)
{
  g_return_val_if_fail (consistency != NULL, FALSE);

  return consistency->spread >= TPS_CONSISTENCY_SPREAD_LIMIT - 1e-9;
}

/* Returns: (transfer full): a mean rating, signed, with one decimal */
char *
tps_benchmark_format_mean (double mean)
{
  /* A signed rating with one decimal; the minus is a real minus sign. */
  if (fabs (mean) < 0.05)
    return g_strdup ("0");
  if (mean < 0)
    return g_strdup_printf ("−%.1f", -mean);
  return g_strdup_printf ("+%.1f", mean);
}

/* Returns: (transfer full): one line for the analysis view and the report:
 * the spread and, when the stage is inconsistent, its outlying channels
 */
char *
tps_stage_consistency_describe (const TpsStageConsistency *consistency)
{
  g_autoptr(GString) outliers = g_string_new (NULL);
  g_autofree char *spread = NULL;

  g_return_val_if_fail (consistency != NULL, NULL);

  if (consistency->channels->len == 0)
    return g_strdup (_("No touchpoint rated here yet."));
  if (consistency->channels->len == 1)
    return g_strdup (_("Only one channel; nothing to compare."));

  spread = g_strdup_printf ("%.1f", consistency->spread);
  if (!tps_stage_consistency_is_inconsistent (consistency))
    /* Translators: %s is a number of rating steps such as "1.5" */
    return g_strdup_printf (_("Consistent: the channels lie %s rating steps apart."), spread);

  for (guint c = 0; c < consistency->channels->len; c++)
    {
      const TpsChannelRating *rating =
        &g_array_index (consistency->channels, TpsChannelRating, c);
      g_autofree char *mean = NULL;

      if (!rating->outlier)
        continue;

      mean = tps_benchmark_format_mean (rating->mean);
      if (outliers->len > 0)
        g_string_append (outliers, ", ");
      g_string_append_printf (outliers, "%s (%s)",
                              tps_object_get_display_name (TPS_OBJECT (rating->channel)), mean);
    }

  /* Translators: the first %s is a number of rating steps such as "2.5",
   * the second a list of channels with their mean rating
   */
  return g_strdup_printf (_("Inconsistent: the channels lie %s rating steps apart; "
                            "outliers: %s."), spread, outliers->str);
}
