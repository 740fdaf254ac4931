/* tps-journey-canvas-edit.c — editing on the journey canvas from the
 * keyboard: duplicate, delete (asking when measures are linked, with an
 * undo toast), walking the journey with the arrows and moving a card with
 * Alt+arrows, each one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tps-journey-canvas-private.h"
#include "tps-map-renderer.h"
#include "tps-palette.h"
#include "tps-project-edit.h"
#include "tps-view-util.h"

/* A copy of every writable property but the id; measurements stay with the
 * original, since they were taken there.
 */
void
tps_journey_canvas_duplicate_selected (TpsJourneyCanvas *self)
{
  g_autoptr(TpsTouchpoint) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  GListModel *touchpoints;
  guint n_pspecs, position;

  touchpoints = tps_project_get_touchpoints (self->project);
  if (!tps_list_find (touchpoints, self->selected, &position))
    return;

  id = tps_project_make_id (self->project, "t");
  copy = tps_touchpoint_new (id);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->selected), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
          || g_strcmp0 (pspecs[i]->name, "id") == 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self->selected), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  /* Translators: the title of a duplicated touchpoint */
  title = g_strdup_printf (_("%s (copy)"), tps_touchpoint_get_title (self->selected) ?: "");
  tps_touchpoint_set_title (copy, title);

  tps_history_insert (self->history, touchpoints, position + 1, copy);
  tps_journey_canvas_select_and_reveal (self, copy);
}

/* The card to select once the one at @index is gone: the next in its lane
 * within its stage, else the previous there, else the nearest in its stage,
 * else the nearest along the journey, so that the selection stays where the
 * user is looking and a second Delete does not hit a card far away.
 */
static TpsTouchpoint *
neighbour_of (TpsJourneyCanvas *self,
              int               index)
{
  const TpsMapStep *doomed = tps_map_layout_get_step (self->layout, index);
  int n = tps_map_layout_get_n_steps (self->layout);

  for (guint pass = 0; pass < 3; pass++)
    for (int distance = 1; distance < n; distance++)
      for (int sign = 1; sign >= -1; sign -= 2)
        {
          int i = index + sign * distance;
          const TpsMapStep *step;

          if (i < 0 || i >= n)
            continue;
          step = tps_map_layout_get_step (self->layout, i);
          if (step->touchpoint == NULL)
            continue;
          if (pass == 0 && (step->column != doomed->column || step->lane != doomed->lane))
            continue;
          if (pass == 1 && step->column != doomed->column)
            continue;
          return step->touchpoint;
        }

  return NULL;
}

static void
delete_now (TpsJourneyCanvas *self,
            TpsTouchpoint    *doomed)
{
  g_autoptr(TpsTouchpoint) keep = g_object_ref (doomed);
  int index = tps_map_layout_find_step (self->layout, doomed);
  g_autoptr(TpsTouchpoint) neighbour = NULL;
  g_autofree char *title = g_strdup (tps_touchpoint_get_title (doomed));

  if (index < 0)
    return;

  neighbour = neighbour_of (self, index);
  if (neighbour != NULL)
    g_object_ref (neighbour);

  tps_project_delete_touchpoint (self->project, self->history, doomed);
  if (neighbour != NULL)
    tps_journey_canvas_select_and_reveal (self, neighbour);
  else
    tps_journey_canvas_set_selected (self, NULL);
  g_signal_emit_by_name (self, "touchpoint-deleted", title);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TpsJourneyCanvas *self)
{
  TpsTouchpoint *doomed = g_object_get_data (G_OBJECT (dialog), "touchpoint");

  if (g_strcmp0 (response, "delete") == 0 && doomed != NULL)
    delete_now (self, doomed);
}

/* A touchpoint that measures are linked to is deleted only once the user
 * has said so: the links go with it.
 */
void
tps_journey_canvas_delete_selected (TpsJourneyCanvas *self)
{
  TpsTouchpoint *doomed = self->selected;
  guint n_measures = tps_project_count_measures_for (self->project,
                                                     tps_object_get_id (TPS_OBJECT (doomed)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n_measures == 0 || !GTK_IS_WINDOW (root))
    {
      delete_now (self, doomed);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), tps_touchpoint_get_title (doomed) ?: "");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u measure is linked to this touchpoint. Its link is "
                                       "removed; the measure stays.",
                                       "%u measures are linked to this touchpoint. Their links "
                                       "are removed; the measures stay.", n_measures),
                          n_measures);
  dialog = GTK_WIDGET (tps_confirm_destructive (GTK_WINDOW (root), heading, body,
                                                "delete", _("_Delete")));
  g_object_set_data_full (G_OBJECT (dialog), "touchpoint", g_object_ref (doomed),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Keyboard navigation: left and right walk the journey, up and down go to
 * the nearest touchpoint (in journey order) of the next lane that has one.
 */
static TpsTouchpoint *
first_touchpoint (TpsJourneyCanvas *self)
{
  for (guint i = 0; i < tps_map_layout_get_n_steps (self->layout); i++)
    {
      const TpsMapStep *step = tps_map_layout_get_step (self->layout, i);

      if (step->touchpoint != NULL)
        return step->touchpoint;
    }

  return NULL;
}

void
tps_journey_canvas_select_along (TpsJourneyCanvas *self,
                                 int               direction)
{
  int n = tps_map_layout_get_n_steps (self->layout);
  int step;

  if (self->selected == NULL)
    {
      tps_journey_canvas_select_and_reveal (self, first_touchpoint (self));
      return;
    }

  step = tps_map_layout_find_step (self->layout, self->selected);
  for (int i = step + direction; i >= 0 && i < n; i += direction)
    {
      const TpsMapStep *s = tps_map_layout_get_step (self->layout, i);

      if (s->touchpoint != NULL)
        {
          tps_journey_canvas_select_and_reveal (self, s->touchpoint);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

void
tps_journey_canvas_select_across (TpsJourneyCanvas *self,
                                  int               direction)
{
  int n_lanes = tps_map_layout_get_n_lanes (self->layout);
  int n_steps = tps_map_layout_get_n_steps (self->layout);
  const TpsMapStep *current;
  int step;

  if (self->selected == NULL)
    {
      tps_journey_canvas_select_and_reveal (self, first_touchpoint (self));
      return;
    }

  step = tps_map_layout_find_step (self->layout, self->selected);
  current = tps_map_layout_get_step (self->layout, step);

  for (int lane = (int) current->lane + direction; lane >= 0 && lane < n_lanes; lane += direction)
    {
      TpsTouchpoint *best = NULL;
      int best_distance = G_MAXINT;

      for (int i = 0; i < n_steps; i++)
        {
          const TpsMapStep *s = tps_map_layout_get_step (self->layout, i);

          if (s->touchpoint != NULL && (int) s->lane == lane && ABS (i - step) < best_distance)
            {
              best = s->touchpoint;
              best_distance = ABS (i - step);
            }
        }

      if (best != NULL)
        {
          tps_journey_canvas_select_and_reveal (self, best);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* The keyboard move: Alt+Left and Alt+Right move the selected card one
 * step along the journey (into the neighbouring stage at a stage's end),
 * Alt+Up and Alt+Down into the lane above or below, each one undo step
 * through tps_journey_canvas_move_touchpoint(), the path a drop takes.
 */
void
tps_journey_canvas_move_selected (TpsJourneyCanvas *self,
                                  int               along,
                                  int               across)
{
  int index = tps_map_layout_find_step (self->layout, self->selected);
  const TpsMapStep *step;
  const TpsMapColumn *column;
  const TpsMapLane *lane;
  g_autoptr(TpsTouchpoint) moved = NULL;
  int column_index, lane_index;
  int position;

  if (index < 0)
    return;

  step = tps_map_layout_get_step (self->layout, index);
  column_index = step->column;
  lane_index = (int) step->lane + across;
  /* The position among the stage's other touchpoints. */
  position = (int) step->position + along;
  column = tps_map_layout_get_column (self->layout, column_index);

  if (position < 0)
    {
      column_index--;
      if (column_index >= 0)
        position = tps_map_layout_get_column (self->layout, column_index)->n_touchpoints;
    }
  else if (position >= (int) column->n_touchpoints && along > 0)
    {
      column_index++;
      position = 0;
    }

  if (column_index < 0 || column_index >= (int) tps_map_layout_get_n_columns (self->layout)
      || lane_index < 0 || lane_index >= (int) tps_map_layout_get_n_lanes (self->layout))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  column = tps_map_layout_get_column (self->layout, column_index);
  lane = tps_map_layout_get_lane (self->layout, lane_index);
  moved = g_object_ref (self->selected);
  tps_journey_canvas_move_touchpoint (self, moved,
                                      tps_object_get_id (TPS_OBJECT (column->stage)),
                                      tps_object_get_id (TPS_OBJECT (lane->channel)),
                                      position);
  tps_journey_canvas_select_and_reveal (self, moved);
}
