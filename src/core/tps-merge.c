/* tps-merge.c
 *
 * What git's merge driver does with two versions of a project that both
 * grew from a common base. The result starts as a copy of ours; theirs'
 * changes against the base are then applied object by object (matched by
 * id) and property by property:
 *
 * - a property only one side changed takes that side's value; lists of
 *   ids or names (personas, systems, linked touchpoints) merge as sets;
 * - a property both sides changed differently keeps ours and records
 *   theirs as a TpsConflict;
 * - objects either side added are kept; should both have added different
 *   objects under one id, theirs gets a new id and theirs' references
 *   follow it;
 * - an object one side deleted goes unless the other changed it (or still
 *   uses it): then it stays and a conflict says so;
 * - a new object goes in after the object it follows in its version; a
 *   list only theirs reordered takes theirs' order.
 *
 * The result is always a valid project: references that would dangle are
 * dropped from lists or bring back what they refer to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-compare-private.h"
#include "tps-conflict.h"
#include "tps-history.h"
#include "tps-merge.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-project-structure.h"

typedef struct
{
  TpsProject *base;
  TpsProject *theirs;
  TpsProject *result;
  TpsHistory *scratch;   /* the edit functions want one; nobody undoes it */
  GHashTable *remap;     /* theirs' id → the id it has in the result */
  GHashTable *reserved;  /* ids handed out by remapping */
  GHashTable *index;     /* id → object of the result, measurements too; borrowed */
} Merge;

typedef GListModel *(*ListFunc) (TpsProject *project);

static const ListFunc lists[] = {
  tps_project_get_personas,
  tps_project_get_stages,
  tps_project_get_channels,
  tps_project_get_touchpoints,
  tps_project_get_measures,
  tps_project_get_comparators,
};

static const char *
id_of (GObject *object)
{
  return tps_object_get_id (TPS_OBJECT (object));
}


static gboolean
properties_equal (GObject *a,
                  GObject *b)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      tps_compared_value_get (a, pspecs[i], &x);
      tps_compared_value_get (b, pspecs[i], &y);
      if (!tps_property_values_equal (&x, &y))
        return FALSE;
    }

  return TRUE;
}

/* The same touchpoints rated, each with the same value. */
static gboolean
ratings_equal (TpsComparator *a,
               TpsComparator *b)
{
  GListModel *ra = tps_comparator_get_ratings (a);

  if (g_list_model_get_n_items (ra) != g_list_model_get_n_items (tps_comparator_get_ratings (b)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ra, i);
      int value;

      if (!tps_comparator_get_rating (b, tps_comparator_rating_get_touchpoint_id (rating), &value)
          || value != tps_comparator_rating_get_value (rating))
        return FALSE;
    }

  return TRUE;
}

/* Same properties and, for touchpoints, the same measurements; for
 * comparators, the same ratings.
 */
static gboolean
objects_equal (GObject *a,
               GObject *b)
{
  GListModel *ma, *mb;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) || !properties_equal (a, b))
    return FALSE;
  if (TPS_IS_COMPARATOR (a))
    return ratings_equal (TPS_COMPARATOR (a), TPS_COMPARATOR (b));
  if (!TPS_IS_TOUCHPOINT (a))
    return TRUE;

  ma = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (a));
  mb = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (b));
  if (g_list_model_get_n_items (ma) != g_list_model_get_n_items (mb))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (ma); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (ma, i);
      g_autoptr(GObject) y = g_list_model_get_item (mb, i);

      if (g_strcmp0 (id_of (x), id_of (y)) != 0 || !properties_equal (x, y))
        return FALSE;
    }

  return TRUE;
}

/* The result's objects by id, kept up to date as the merge adds and
 * deletes, so that finding one is not a walk through the whole project.
 */
static void
remember (Merge   *merge,
          GObject *object)
{
  g_hash_table_replace (merge->index, (gpointer) id_of (object), object);

  if (TPS_IS_TOUCHPOINT (object))
    {
      GListModel *measurements = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (object));

      for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
        {
          g_autoptr(GObject) measurement = g_list_model_get_item (measurements, i);

          g_hash_table_replace (merge->index, (gpointer) id_of (measurement), measurement);
        }
    }
}

static void
forget (Merge   *merge,
        GObject *object)
{
  if (TPS_IS_TOUCHPOINT (object))
    {
      GListModel *measurements = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (object));

      for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
        {
          g_autoptr(GObject) measurement = g_list_model_get_item (measurements, i);

          g_hash_table_remove (merge->index, id_of (measurement));
        }
    }
  g_hash_table_remove (merge->index, id_of (object));
}

static void
index_result (Merge *merge)
{
  merge->index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *list = lists[l] (merge->result);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (list, i);

          remember (merge, object);
        }
    }
}

static TpsObject *
in_result (Merge      *merge,
           const char *id)
{
  return id != NULL ? g_hash_table_lookup (merge->index, id) : NULL;
}

static gboolean
id_is_taken (Merge      *merge,
             const char *id)
{
  int step;

  return in_result (merge, id) != NULL
         || g_hash_table_contains (merge->reserved, id)
         || tps_enum_parse_word (TPS_TYPE_STEP, id, &step);
}

/* "t-chat" → "t-chat-2": theirs' object keeps a recognisable id. */
static const char *
new_id_for (Merge      *merge,
            const char *id)
{
  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%.56s-%u", id, n);

      if (!id_is_taken (merge, candidate))
        {
          char *kept = g_strdup (candidate);

          g_hash_table_add (merge->reserved, kept);
          g_hash_table_replace (merge->remap, g_strdup (id), g_strdup (kept));
          return kept;
        }
    }
}

static const char *
remapped (Merge      *merge,
          const char *id)
{
  const char *to = id ? g_hash_table_lookup (merge->remap, id) : NULL;

  return to ? to : id;
}

/* Theirs' value with theirs' ids translated to the result's. */
static void
remap_value (Merge      *merge,
             GParamSpec *pspec,
             GValue     *value)
{
  if (!tps_property_is_reference (pspec->name))
    return;

  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (value, remapped (merge, g_value_get_string (value)));
  else
    {
      const char * const *ids = g_value_get_boxed (value);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        g_strv_builder_add (builder, remapped (merge, ids[i]));
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
}

static void
copy_properties (Merge   *merge,
                 GObject *from,
                 GObject *to)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (from), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      tps_compared_value_get (from, pspecs[i], &value);
      remap_value (merge, pspecs[i], &value);
      g_object_set_property (to, pspecs[i]->name, &value);
    }
}

static GObject *
copy_measurement (Merge   *merge,
                  GObject *measurement)
{
  const char *id = id_of (measurement);
  GObject *copy;

  if (id_is_taken (merge, id))
    id = new_id_for (merge, id);
  else
    g_hash_table_add (merge->reserved, g_strdup (id));
  copy = g_object_new (G_OBJECT_TYPE (measurement), "id", id, NULL);
  copy_properties (merge, measurement, copy);
  return copy;
}

/* A copy of theirs' @object for the result, under @id. */
static GObject *
copy_object (Merge      *merge,
             GObject    *object,
             const char *id)
{
  GObject *copy = g_object_new (G_OBJECT_TYPE (object), "id", id, NULL);

  copy_properties (merge, object, copy);

  if (TPS_IS_TOUCHPOINT (object))
    {
      GListModel *measurements = tps_touchpoint_get_measurements (TPS_TOUCHPOINT (object));
      GListStore *target = G_LIST_STORE (tps_touchpoint_get_measurements (TPS_TOUCHPOINT (copy)));

      for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
        {
          g_autoptr(GObject) measurement = g_list_model_get_item (measurements, i);
          g_autoptr(GObject) measurement_copy = copy_measurement (merge, measurement);

          g_list_store_append (target, measurement_copy);
        }
    }

  if (TPS_IS_COMPARATOR (object))
    {
      GListModel *ratings = tps_comparator_get_ratings (TPS_COMPARATOR (object));
      GListStore *target = G_LIST_STORE (tps_comparator_get_ratings (TPS_COMPARATOR (copy)));

      for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
        {
          g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ratings, i);
          g_autoptr(TpsComparatorRating) rating_copy =
            tps_comparator_rating_new (remapped (merge,
                                                 tps_comparator_rating_get_touchpoint_id (rating)),
                                       tps_comparator_rating_get_value (rating));

          g_list_store_append (target, rating_copy);
        }
    }

  return copy;
}

/* Records @conflict (taking it), in place of an open one about the same
 * thing: merging the same branch twice asks once.
 */
static void
record (Merge       *merge,
        TpsConflict *conflict)
{
  GListModel *conflicts = tps_project_get_conflicts (merge->result);

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(TpsConflict) open = g_list_model_get_item (conflicts, i);

      if (g_strcmp0 (tps_conflict_get_ref (open), tps_conflict_get_ref (conflict)) == 0
          && g_strcmp0 (tps_conflict_get_property_name (open),
                        tps_conflict_get_property_name (conflict)) == 0)
        {
          g_list_store_remove (G_LIST_STORE (conflicts), i);
          break;
        }
    }

  g_list_store_append (G_LIST_STORE (conflicts), conflict);
  g_object_unref (conflict);
}

/* Inserts @object into @list after the item that precedes it in
 * @theirs_list (the nearest one the result has), or first.
 */
static void
insert_after_predecessor (GListModel *list,
                          GListModel *theirs_list,
                          guint       theirs_position,
                          GObject    *object,
                          Merge      *merge)
{
  guint position = 0;

  for (guint i = theirs_position; i > 0; i--)
    {
      g_autoptr(GObject) before = g_list_model_get_item (theirs_list, i - 1);
      TpsObject *predecessor = in_result (merge, remapped (merge, id_of (before)));
      guint found;

      if (predecessor != NULL && tps_list_find (list, predecessor, &found))
        {
          position = found + 1;
          break;
        }
    }

  g_list_store_insert (G_LIST_STORE (list), position, object);
  remember (merge, object);
}

/* Step 1: ids. Both sides may have added an object under the same id;
 * when the two differ, theirs is given a new one before anything is
 * copied, so that every reference theirs makes can follow it.
 */
static void
plan_ids (Merge *merge)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *theirs = lists[l] (merge->theirs);
      g_autoptr(GHashTable) base = tps_index_by_id (lists[l] (merge->base));

      for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (theirs, i);
          TpsObject *same_id;

          if (g_hash_table_contains (base, id_of (object)))
            continue;
          same_id = in_result (merge, id_of (object));
          if (same_id != NULL && !objects_equal (G_OBJECT (same_id), object))
            new_id_for (merge, id_of (object));
        }
    }
}

/* Step 2: what theirs added, in theirs' place. */
static void
add_theirs (Merge *merge)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *theirs = lists[l] (merge->theirs);
      GListModel *result = lists[l] (merge->result);
      g_autoptr(GHashTable) base = tps_index_by_id (lists[l] (merge->base));

      for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (theirs, i);
          const char *id = remapped (merge, id_of (object));
          g_autoptr(GObject) copy = NULL;

          if (g_hash_table_contains (base, id_of (object))
              || in_result (merge, id) != NULL)
            continue;

          copy = copy_object (merge, object, id);
          insert_after_predecessor (result, theirs, i, copy, merge);
        }
    }
}

/* A measure may not become its own sub-project through theirs' parent. */
static gboolean
makes_cycle (Merge      *merge,
             GObject    *object,
             GParamSpec *pspec,
             GValue     *value)
{
  TpsMeasure *parent;

  if (!TPS_IS_MEASURE (object) || g_strcmp0 (pspec->name, "parent-id") != 0)
    return FALSE;

  parent = tps_project_find_measure (merge->result, g_value_get_string (value));
  return parent != NULL && (parent == TPS_MEASURE (object)
                            || tps_project_measure_is_descendant (merge->result, parent,
                                                                  TPS_MEASURE (object)));
}

/* Lists of ids or names merge as sets: ours, plus what theirs added,
 * less what theirs removed.
 */
static void
merge_sets (const GValue *base,
            GValue       *ours,
            const GValue *theirs)
{
  const char * const *b = g_value_get_boxed (base);
  const char * const *o = g_value_get_boxed (ours);
  const char * const *t = g_value_get_boxed (theirs);
  static const char * const none[] = { NULL };
  g_autoptr(GStrvBuilder) merged = g_strv_builder_new ();

  b = b ? b : none;
  o = o ? o : none;
  t = t ? t : none;

  for (guint i = 0; o[i] != NULL; i++)
    if (!g_strv_contains (b, o[i]) || g_strv_contains (t, o[i]))
      g_strv_builder_add (merged, o[i]);
  for (guint i = 0; t[i] != NULL; i++)
    if (!g_strv_contains (b, t[i]) && !g_strv_contains (o, t[i]))
      g_strv_builder_add (merged, t[i]);

  g_value_take_boxed (ours, g_strv_builder_end (merged));
}

/* Step 3: property by property, for an object all three versions have. */
static void
merge_properties (Merge      *merge,
                  GObject    *base,
                  GObject    *ours,
                  GObject    *theirs,
                  const char *ref)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (ours), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) o = G_VALUE_INIT;
      g_auto(GValue) t = G_VALUE_INIT;

      tps_compared_value_get (base, pspecs[i], &b);
      tps_compared_value_get (ours, pspecs[i], &o);
      tps_compared_value_get (theirs, pspecs[i], &t);
      remap_value (merge, pspecs[i], &t);

      if (tps_property_values_equal (&t, &b) || tps_property_values_equal (&o, &t))
        continue;

      if (pspecs[i]->value_type == G_TYPE_STRV)
        {
          merge_sets (&b, &o, &t);
          g_object_set_property (ours, pspecs[i]->name, &o);
        }
      else if (tps_property_values_equal (&o, &b) && !makes_cycle (merge, ours, pspecs[i], &t))
        g_object_set_property (ours, pspecs[i]->name, &t);
      else
        {
          g_auto(GStrv) words = tps_value_to_words (&t);

          record (merge, tps_conflict_new_value (ref, pspecs[i]->name,
                                                 (const char * const *) words));
        }
    }
}

/* The measurements of a touchpoint all three versions have. */
static void
merge_measurements (Merge         *merge,
                    TpsTouchpoint *base,
                    TpsTouchpoint *ours,
                    TpsTouchpoint *theirs)
{
  GListModel *ours_list = tps_touchpoint_get_measurements (ours);
  GListModel *theirs_list = tps_touchpoint_get_measurements (theirs);
  GListModel *base_list = tps_touchpoint_get_measurements (base);
  g_autoptr(GHashTable) b = tps_index_by_id (base_list);
  g_autoptr(GHashTable) o = tps_index_by_id (ours_list);
  g_autoptr(GHashTable) t = tps_index_by_id (theirs_list);
  GHashTableIter iter;
  GObject *object;

  for (guint i = 0; i < g_list_model_get_n_items (theirs_list); i++)
    {
      g_autoptr(GObject) mine = NULL;
      g_autoptr(GObject) measurement = g_list_model_get_item (theirs_list, i);
      GObject *in_base = g_hash_table_lookup (b, id_of (measurement));
      GObject *in_ours = g_hash_table_lookup (o, id_of (measurement));

      if (in_base != NULL && in_ours != NULL)
        merge_properties (merge, in_base, in_ours, measurement, id_of (in_ours));
      else if (in_base == NULL && in_ours != NULL && properties_equal (in_ours, measurement))
        continue;
      else if (in_base == NULL || !properties_equal (in_base, measurement))
        {
          /* Added by theirs, or changed by theirs and deleted by ours. */
          mine = copy_measurement (merge, measurement);
          g_list_store_append (G_LIST_STORE (ours_list), mine);
          remember (merge, mine);
          if (in_base != NULL)
            record (merge, tps_conflict_new_deleted (id_of (mine)));
        }
    }

  /* Deleted by theirs: gone, unless ours changed it. */
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &object))
    {
      GObject *in_ours = g_hash_table_lookup (o, id_of (object));
      guint position;

      if (in_ours == NULL || g_hash_table_contains (t, id_of (object)))
        continue;
      if (properties_equal (in_ours, object))
        {
          if (tps_list_find (ours_list, in_ours, &position))
            {
              forget (merge, in_ours);
              g_list_store_remove (G_LIST_STORE (ours_list), position);
            }
        }
      else
        record (merge, tps_conflict_new_deleted (id_of (in_ours)));
    }
}

/* A comparator's ratings, touchpoint by touchpoint, in all three versions:
 * what only theirs changed (set, added or removed) is taken; where both
 * changed a rating differently, ours stays.
 */
static void
merge_ratings (Merge         *merge,
               TpsComparator *base,
               TpsComparator *ours,
               TpsComparator *theirs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *lists_of[] = {
    tps_comparator_get_ratings (theirs), tps_comparator_get_ratings (base),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists_of); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists_of[l]); i++)
      {
        g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (lists_of[l], i);
        const char *theirs_id = tps_comparator_rating_get_touchpoint_id (rating);
        const char *id = remapped (merge, theirs_id);
        int vb = 0, vo = 0, vt = 0;
        gboolean hb, ho, ht;
        guint position;

        if (!g_hash_table_add (seen, (gpointer) theirs_id))
          continue;

        hb = tps_comparator_get_rating (base, theirs_id, &vb);
        ht = tps_comparator_get_rating (theirs, theirs_id, &vt);
        ho = tps_comparator_get_rating (ours, id, &vo);

        /* Theirs left it as it was, or both agree. */
        if ((hb == ht && (!hb || vb == vt)) || (ho == ht && (!ho || vo == vt)))
          continue;
        /* Both changed it, differently: ours stays. */
        if (!(hb == ho && (!hb || vb == vo)))
          continue;

        if (!ht)
          {
            if (tps_comparator_find_rating (ours, id, &position) != NULL)
              g_list_store_remove (G_LIST_STORE (tps_comparator_get_ratings (ours)), position);
          }
        else if (ho)
          tps_comparator_rating_set_value (tps_comparator_find_rating (ours, id, NULL), vt);
        else
          {
            g_autoptr(TpsComparatorRating) added = tps_comparator_rating_new (id, vt);

            g_list_store_append (G_LIST_STORE (tps_comparator_get_ratings (ours)), added);
          }
      }
}

static void
merge_changed (Merge *merge)
{
  merge_properties (merge, G_OBJECT (merge->base), G_OBJECT (merge->result),
                    G_OBJECT (merge->theirs), NULL);

  for (TpsStep step = 0; step < TPS_N_STEPS; step++)
    merge_properties (merge, G_OBJECT (tps_project_get_step (merge->base, step)),
                      G_OBJECT (tps_project_get_step (merge->result, step)),
                      G_OBJECT (tps_project_get_step (merge->theirs, step)),
                      tps_enum_get_word (TPS_TYPE_STEP, step));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *base = lists[l] (merge->base);
      g_autoptr(GHashTable) ours = tps_index_by_id (lists[l] (merge->result));
      g_autoptr(GHashTable) theirs = tps_index_by_id (lists[l] (merge->theirs));

      for (guint i = 0; i < g_list_model_get_n_items (base); i++)
        {
          g_autoptr(GObject) b = g_list_model_get_item (base, i);
          GObject *o = g_hash_table_lookup (ours, id_of (b));
          GObject *t = g_hash_table_lookup (theirs, id_of (b));

          if (o == NULL || t == NULL)
            continue;
          merge_properties (merge, b, o, t, id_of (o));
          if (TPS_IS_TOUCHPOINT (o))
            merge_measurements (merge, TPS_TOUCHPOINT (b), TPS_TOUCHPOINT (o),
                                TPS_TOUCHPOINT (t));
          if (TPS_IS_COMPARATOR (o))
            merge_ratings (merge, TPS_COMPARATOR (b), TPS_COMPARATOR (o), TPS_COMPARATOR (t));
        }
    }
}

/* Step 4: what one side deleted. Theirs' deletion goes through unless ours
 * changed the object or still uses it; ours' deletion stands unless
 * theirs changed the object, which then comes back.
 */
static gboolean
is_used (Merge   *merge,
         GObject *object)
{
  if (TPS_IS_STAGE (object) || TPS_IS_CHANNEL (object))
    return tps_project_count_touchpoints_using (merge->result, TPS_OBJECT (object)) > 0;
  return FALSE;
}

static void
delete_object (Merge   *merge,
               GObject *object)
{
  forget (merge, object);
  if (TPS_IS_TOUCHPOINT (object))
    tps_project_delete_touchpoint (merge->result, merge->scratch, TPS_TOUCHPOINT (object));
  else if (TPS_IS_MEASURE (object))
    tps_project_delete_measure (merge->result, merge->scratch, TPS_MEASURE (object));
  else if (TPS_IS_STAGE (object))
    tps_project_delete_stage (merge->result, merge->scratch, TPS_STAGE (object));
  else if (TPS_IS_CHANNEL (object))
    tps_project_delete_channel (merge->result, merge->scratch, TPS_CHANNEL (object));
  else if (TPS_IS_PERSONA (object))
    tps_project_delete_persona (merge->result, merge->scratch, TPS_PERSONA (object));
}

static void
merge_deletions (Merge *merge)
{
  /* Measures before stages: what a deletion leaves behind is cleaned up
   * by the deletions that follow.
   */
  for (guint l = G_N_ELEMENTS (lists); l > 0; l--)
    {
      GListModel *base = lists[l - 1] (merge->base);
      GListModel *result = lists[l - 1] (merge->result);
      GListModel *theirs_list = lists[l - 1] (merge->theirs);
      g_autoptr(GHashTable) theirs = tps_index_by_id (theirs_list);

      for (guint i = 0; i < g_list_model_get_n_items (base); i++)
        {
          g_autoptr(GObject) b = g_list_model_get_item (base, i);
          TpsObject *o = in_result (merge, id_of (b));
          GObject *t = g_hash_table_lookup (theirs, id_of (b));

          if (o != NULL && t == NULL)
            {
              if (objects_equal (G_OBJECT (o), b) && !is_used (merge, G_OBJECT (o)))
                delete_object (merge, G_OBJECT (o));
              else
                record (merge, tps_conflict_new_deleted (id_of (G_OBJECT (o))));
            }
          else if (o == NULL && t != NULL && !objects_equal (t, b))
            {
              g_autoptr(GObject) copy = copy_object (merge, t, id_of (t));
              guint position;

              tps_list_find (theirs_list, t, &position);
              insert_after_predecessor (result, theirs_list, position, copy, merge);
              record (merge, tps_conflict_new_deleted (id_of (t)));
            }
        }
    }
}

/* Step 5: a list only theirs reordered takes theirs' order. */
static GPtrArray *
common_ids (GListModel *list,
            GHashTable *a,
            GHashTable *b)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      if (g_hash_table_contains (a, id_of (object)) && g_hash_table_contains (b, id_of (object)))
        g_ptr_array_add (ids, (gpointer) id_of (object));
    }

  return ids;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  for (guint i = 0; i < a->len && i < b->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return a->len == b->len;
}

static void
merge_order (Merge *merge)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *result = lists[l] (merge->result);
      g_autoptr(GHashTable) b = tps_index_by_id (lists[l] (merge->base));
      g_autoptr(GHashTable) o = tps_index_by_id (result);
      g_autoptr(GHashTable) t = tps_index_by_id (lists[l] (merge->theirs));
      g_autoptr(GPtrArray) in_base = common_ids (lists[l] (merge->base), o, t);
      g_autoptr(GPtrArray) in_ours = common_ids (result, b, t);
      g_autoptr(GPtrArray) in_theirs = common_ids (lists[l] (merge->theirs), b, o);
      g_autoptr(GPtrArray) items = NULL;
      guint next = 0;

      if (!same_order (in_base, in_ours) || same_order (in_base, in_theirs)
          || in_ours->len != in_theirs->len)
        continue;

      /* The shared items take theirs' order in the places they have. */
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (result); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (result, i);

          if (g_hash_table_contains (b, id_of (object)) && g_hash_table_contains (t, id_of (object)))
            g_ptr_array_add (items, g_object_ref (g_hash_table_lookup (o,
                                                    g_ptr_array_index (in_theirs, next++))));
          else
            g_ptr_array_add (items, g_steal_pointer (&object));
        }
      g_list_store_splice (G_LIST_STORE (result), 0, items->len, items->pdata, items->len);
    }
}

/* Step 6: no reference may dangle. A single reference to something ours
 * deleted brings it back from theirs (with a conflict); lists drop it.
 */
static void
repair_references (Merge *merge)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GListModel *result = lists[l] (merge->result);

      for (guint i = 0; i < g_list_model_get_n_items (result); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (result, i);
          guint n = 0;
          g_autofree GParamSpec **pspecs = tps_compared_properties (G_OBJECT_TYPE (object), &n);

          for (guint p = 0; p < n; p++)
            {
              g_auto(GValue) value = G_VALUE_INIT;

              if (!tps_property_is_reference (pspecs[p]->name))
                continue;
              tps_compared_value_get (object, pspecs[p], &value);

              if (pspecs[p]->value_type == G_TYPE_STRING)
                {
                  const char *id = g_value_get_string (&value);
                  TpsObject *lost = id ? tps_project_lookup (merge->theirs, id) : NULL;
                  guint l2;

                  if (id == NULL || in_result (merge, id) != NULL)
                    continue;
                  if (lost == NULL)
                    {
                      g_object_set (object, pspecs[p]->name, NULL, NULL);
                      continue;
                    }
                  for (l2 = 0; l2 < G_N_ELEMENTS (lists); l2++)
                    {
                      GListModel *theirs_list = lists[l2] (merge->theirs);
                      guint position;

                      if (tps_list_find (theirs_list, lost, &position))
                        {
                          g_autoptr(GObject) copy = copy_object (merge, G_OBJECT (lost), id);

                          insert_after_predecessor (lists[l2] (merge->result), theirs_list,
                                                    position, copy, merge);
                          record (merge, tps_conflict_new_deleted (id));
                          break;
                        }
                    }
                }
              else
                {
                  const char * const *ids = g_value_get_boxed (&value);
                  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
                  g_auto(GStrv) remaining = NULL;

                  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
                    if (in_result (merge, ids[k]) != NULL)
                      g_strv_builder_add (kept, ids[k]);
                  remaining = g_strv_builder_end (kept);
                  if (g_strv_length (remaining) != (ids ? g_strv_length ((char **) ids) : 0))
                    g_object_set (object, pspecs[p]->name, remaining, NULL);
                }
            }
        }
    }
}

/* Ratings at touchpoints the merge left out go too. */
static void
repair_ratings (Merge *merge)
{
  GListModel *comparators = tps_project_get_comparators (merge->result);

  for (guint c = 0; c < g_list_model_get_n_items (comparators); c++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, c);
      GListModel *ratings = tps_comparator_get_ratings (comparator);

      for (guint i = g_list_model_get_n_items (ratings); i > 0; i--)
        {
          g_autoptr(TpsComparatorRating) rating = g_list_model_get_item (ratings, i - 1);

          if (tps_project_find_touchpoint (merge->result,
                                           tps_comparator_rating_get_touchpoint_id (rating))
              == NULL)
            g_list_store_remove (G_LIST_STORE (ratings), i - 1);
        }
    }
}

/* The later of the two modification times. */
static void
merge_modified (Merge      *merge,
                TpsProject *ours)
{
  const char *a = tps_project_get_modified (ours);
  const char *b = tps_project_get_modified (merge->theirs);

  if (b != NULL && (a == NULL || g_strcmp0 (b, a) > 0))
    tps_project_set_modified (merge->result, b);
}

/**
 * tps_project_merge:
 * @base: the version both grew from (git's %O)
 * @ours: the version being merged into (%A)
 * @theirs: the version being merged in (%B)
 *
 * Returns: (transfer full): the merged project; its conflicts list says
 *   what could not be decided
 */
TpsProject *
tps_project_merge (TpsProject *base,
                   TpsProject *ours,
                   TpsProject *theirs)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  Merge merge = { 0, };
  TpsProject *result;

  g_return_val_if_fail (TPS_IS_PROJECT (base), NULL);
  g_return_val_if_fail (TPS_IS_PROJECT (ours), NULL);
  g_return_val_if_fail (TPS_IS_PROJECT (theirs), NULL);

  /* A copy through the file format: everything ours has, nothing shared. */
  data = tps_project_save_to_data (ours, &length);
  result = tps_project_load_from_data (data, length, NULL);
  g_return_val_if_fail (result != NULL, NULL);

  merge.base = base;
  merge.theirs = theirs;
  merge.result = result;
  merge.scratch = tps_history_new ();
  merge.remap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_result (&merge);

  plan_ids (&merge);
  add_theirs (&merge);
  merge_changed (&merge);
  merge_deletions (&merge);
  merge_order (&merge);
  repair_references (&merge);
  repair_ratings (&merge);
  merge_modified (&merge, ours);

  g_object_unref (merge.scratch);
  g_hash_table_unref (merge.remap);
  g_hash_table_unref (merge.reserved);
  g_hash_table_unref (merge.index);

  return result;
}
