/* tps-project-structure.c
 *
 * Stages, channels and personas are what touchpoints refer to. Deleting
 * one that is still used takes its touchpoints (for stages and channels,
 * which every touchpoint must have) or its references (for personas) with
 * it, in the same undo step, so the project never holds a dangling id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-project-edit.h"
#include "tps-palette.h"
#include "tps-project-structure.h"

static gboolean
touchpoint_uses (TpsTouchpoint *touchpoint,
                 TpsObject     *object)
{
  const char *id = tps_object_get_id (object);

  if (TPS_IS_STAGE (object))
    return g_strcmp0 (tps_touchpoint_get_stage_id (touchpoint), id) == 0;
  if (TPS_IS_CHANNEL (object))
    return g_strcmp0 (tps_touchpoint_get_channel_id (touchpoint), id) == 0;
  if (TPS_IS_PERSONA (object))
    return tps_touchpoint_has_persona (touchpoint, id);

  return FALSE;
}

/* How many touchpoints refer to the stage, channel or persona. */
guint
tps_project_count_touchpoints_using (TpsProject *project,
                                     TpsObject  *object)
{
  GListModel *touchpoints;
  guint count = 0;

  g_return_val_if_fail (TPS_IS_PROJECT (project), 0);
  g_return_val_if_fail (TPS_IS_OBJECT (object), 0);

  touchpoints = tps_project_get_touchpoints (project);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      count += touchpoint_uses (touchpoint, object);
    }

  return count;
}

/* Returns: (transfer none): the new stage, appended as one undo step */
TpsStage *
tps_project_add_stage (TpsProject *project,
                       TpsHistory *history,
                       const char *name)
{
  g_autofree char *id = tps_project_make_id (project, "s");
  g_autoptr(TpsStage) stage = tps_stage_new (id);

  tps_stage_set_name (stage, name);
  tps_history_append (history, tps_project_get_stages (project), stage);
  return stage;
}

/* Returns: (transfer none): the new stage, inserted at @position (clamped
 * to the end) as one undo step; the map's "Insert Stage Before/After".
 */
TpsStage *
tps_project_insert_stage (TpsProject *project,
                          TpsHistory *history,
                          guint       position,
                          const char *name)
{
  GListModel *stages = tps_project_get_stages (project);
  g_autofree char *id = tps_project_make_id (project, "s");
  g_autoptr(TpsStage) stage = tps_stage_new (id);

  tps_stage_set_name (stage, name);
  tps_history_insert (history, stages, MIN (position, g_list_model_get_n_items (stages)), stage);
  return stage;
}

/* Returns: (transfer none): the new channel, appended as one undo step */
TpsChannel *
tps_project_add_channel (TpsProject     *project,
                         TpsHistory     *history,
                         const char     *name,
                         TpsChannelKind  kind)
{
  g_autofree char *id = tps_project_make_id (project, "c");
  g_autoptr(TpsChannel) channel = tps_channel_new (id);

  tps_channel_set_name (channel, name);
  tps_channel_set_kind (channel, kind);
  tps_history_append (history, tps_project_get_channels (project), channel);
  return channel;
}

/* Returns: (transfer none): the new persona, appended as one undo step */
TpsPersona *
tps_project_add_persona (TpsProject *project,
                         TpsHistory *history,
                         const char *name)
{
  g_autofree char *id = tps_project_make_id (project, "p");
  g_autoptr(TpsPersona) persona = tps_persona_new (id);
  guint n = g_list_model_get_n_items (tps_project_get_personas (project));

  tps_persona_set_name (persona, name);
  tps_persona_set_color (persona, tps_palette_persona_color (n));
  tps_history_append (history, tps_project_get_personas (project), persona);
  return persona;
}

/* Returns: (transfer none): the new comparator, appended as one undo step */
TpsComparator *
tps_project_add_comparator (TpsProject        *project,
                            TpsHistory        *history,
                            const char        *name,
                            TpsComparatorKind  kind)
{
  g_autofree char *id = tps_project_make_id (project, "cmp");
  g_autoptr(TpsComparator) comparator = tps_comparator_new (id);

  tps_comparator_set_name (comparator, name);
  tps_comparator_set_kind (comparator, kind);
  tps_history_append (history, tps_project_get_comparators (project), comparator);
  return comparator;
}

static void
remove_from (TpsHistory *history,
             GListModel *list,
             gpointer    item)
{
  guint position;

  if (tps_list_find (list, item, &position))
    tps_history_remove (history, list, position);
}

/* Deletes the touchpoints placed in @object (a stage or channel), each with
 * its measure links.
 */
static void
delete_touchpoints_in (TpsProject *project,
                       TpsHistory *history,
                       TpsObject  *object)
{
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      if (touchpoint_uses (touchpoint, object))
        g_ptr_array_add (doomed, g_steal_pointer (&touchpoint));
    }

  for (guint i = 0; i < doomed->len; i++)
    tps_project_delete_touchpoint (project, history, g_ptr_array_index (doomed, i));
}

void
tps_project_delete_stage (TpsProject *project,
                          TpsHistory *history,
                          TpsStage   *stage)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_STAGE (stage));

  label = g_strdup_printf (_("Stage “%s” deleted"),
                           tps_object_get_display_name (TPS_OBJECT (stage)));
  tps_history_begin_group (history, label);
  delete_touchpoints_in (project, history, TPS_OBJECT (stage));
  remove_from (history, tps_project_get_stages (project), stage);
  tps_history_end_group (history);
}

void
tps_project_delete_channel (TpsProject *project,
                            TpsHistory *history,
                            TpsChannel *channel)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_CHANNEL (channel));

  label = g_strdup_printf (_("Channel “%s” deleted"),
                           tps_object_get_display_name (TPS_OBJECT (channel)));
  tps_history_begin_group (history, label);
  delete_touchpoints_in (project, history, TPS_OBJECT (channel));
  remove_from (history, tps_project_get_channels (project), channel);
  tps_history_end_group (history);
}

/* Touchpoints keep existing without the persona; only the reference goes. */
void
tps_project_delete_persona (TpsProject *project,
                            TpsHistory *history,
                            TpsPersona *persona)
{
  GListModel *touchpoints;
  const char *id;
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_PERSONA (persona));

  id = tps_object_get_id (TPS_OBJECT (persona));
  label = g_strdup_printf (_("Persona “%s” deleted"),
                           tps_object_get_display_name (TPS_OBJECT (persona)));
  tps_history_begin_group (history, label);

  touchpoints = tps_project_get_touchpoints (project);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      const char * const *ids = tps_touchpoint_get_persona_ids (touchpoint);
      g_autoptr(GStrvBuilder) kept = NULL;
      g_auto(GStrv) remaining = NULL;

      if (!tps_touchpoint_has_persona (touchpoint, id))
        continue;

      kept = g_strv_builder_new ();
      for (guint j = 0; ids[j] != NULL; j++)
        if (g_strcmp0 (ids[j], id) != 0)
          g_strv_builder_add (kept, ids[j]);
      remaining = g_strv_builder_end (kept);

      tps_history_set (history, touchpoint, "persona-ids", remaining, NULL);
    }

  remove_from (history, tps_project_get_personas (project), persona);
  tps_history_end_group (history);
}

/* A comparator's ratings go with it; one undo brings both back. */
void
tps_project_delete_comparator (TpsProject    *project,
                               TpsHistory    *history,
                               TpsComparator *comparator)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_PROJECT (project));
  g_return_if_fail (TPS_IS_COMPARATOR (comparator));

  label = g_strdup_printf (_("Comparator “%s” deleted"),
                           tps_object_get_display_name (TPS_OBJECT (comparator)));
  tps_history_begin_group (history, label);
  remove_from (history, tps_project_get_comparators (project), comparator);
  tps_history_end_group (history);
}
