/* test-map-layout.c — the journey map's geometry and hit testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tps-history.h"
#include "tps-map-layout.h"
#include "tps-map-layout-private.h"
#include "tps-project-edit.h"
#include "tps-map-split.h"
#include "tps-project-io.h"
#include "tps-test-project.h"

static const char * const examples[] = {
  "de/stadtwerke.touchpoints",
  "en/car-dealership.touchpoints",
};

static TpsProject *
load_example (const char *name)
{
  return tps_test_load_example (name);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_cards_no_overlap (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      guint n = tps_map_layout_get_n_steps (layout);

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            const TpsMapStep *a = tps_map_layout_get_step (layout, i);
            const TpsMapStep *b = tps_map_layout_get_step (layout, j);

            if (a->touchpoint == NULL || b->touchpoint == NULL)
              continue;
            g_assert_false (rects_overlap (&a->card, &b->card));
          }
    }
}

/* Each card lies inside its stage's column and its channel's lane. */
static void
test_cards_in_stage_and_lane (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      GListModel *touchpoints = tps_project_get_touchpoints (project);
      guint n = g_list_model_get_n_items (touchpoints);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
          int column_index = tps_map_layout_find_column (layout,
                                                         tps_touchpoint_get_stage_id (touchpoint));
          int lane_index = tps_map_layout_find_lane (layout,
                                                     tps_touchpoint_get_channel_id (touchpoint));
          const TpsMapColumn *column;
          const TpsMapLane *lane;
          cairo_rectangle_t card;

          g_assert_cmpint (column_index, >=, 0);
          g_assert_cmpint (lane_index, >=, 0);
          g_assert_true (tps_map_layout_get_card_rect (layout, touchpoint, &card));
          column = tps_map_layout_get_column (layout, column_index);
          lane = tps_map_layout_get_lane (layout, lane_index);

          g_assert_cmpfloat (card.x, >=, column->x);
          g_assert_cmpfloat (card.x + card.width, <=, column->x + column->width);
          g_assert_cmpfloat (card.y, >=, lane->y);
          g_assert_cmpfloat (card.y + card.height, <=, lane->y + lane->height);
        }
    }
}

/* Left to right: stages in their order, and within a stage the document
 * order of the touchpoints.
 */
static void
test_journey_order (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      GListModel *touchpoints = tps_project_get_touchpoints (project);
      GListModel *stages = tps_project_get_stages (project);
      const TpsMapPoint *ist, *soll;
      double last_card_x = -1;
      guint n_ist, n_soll, point = 0;

      ist = tps_map_layout_get_curve (layout, TPS_MAP_CURVE_IST, &n_ist);
      soll = tps_map_layout_get_curve (layout, TPS_MAP_CURVE_SOLL, &n_soll);
      g_assert_cmpuint (n_ist, ==, g_list_model_get_n_items (touchpoints));
      g_assert_cmpuint (n_soll, ==, n_ist);

      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          g_autoptr(TpsStage) stage = g_list_model_get_item (stages, s);

          for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
            {
              g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
              const TpsMapStep *step;
              cairo_rectangle_t card;

              if (g_strcmp0 (tps_touchpoint_get_stage_id (touchpoint),
                             tps_object_get_id (TPS_OBJECT (stage))) != 0)
                continue;

              /* Cards read left to right; touchpoints of one slot share x. */
              g_assert_true (tps_map_layout_get_card_rect (layout, touchpoint, &card));
              g_assert_cmpfloat (card.x, >=, last_card_x);
              last_card_x = card.x;

              /* The curves pass the touchpoints in journey order, strictly
               * left to right, each point above its own card's slot.
               */
              step = tps_map_layout_get_step (layout, tps_map_layout_find_step (layout, touchpoint));
              g_assert_cmpfloat (ist[point].x, ==, step->ist.x);
              g_assert_cmpfloat (soll[point].x, ==, ist[point].x);
              if (point > 0)
                g_assert_cmpfloat (ist[point].x, >, ist[point - 1].x);
              g_assert_cmpfloat (ist[point].x, >=, card.x - 12);
              g_assert_cmpfloat (ist[point].x, <=, card.x + card.width + 12);
              point++;
            }
        }
      g_assert_cmpuint (point, ==, n_ist);
    }
}

static void
test_curves_through_ratings (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      const TpsMapPoint *ist, *soll;
      guint n_ist, n_soll, k = 0;
      cairo_rectangle_t band;

      ist = tps_map_layout_get_curve (layout, TPS_MAP_CURVE_IST, &n_ist);
      soll = tps_map_layout_get_curve (layout, TPS_MAP_CURVE_SOLL, &n_soll);
      g_assert_cmpuint (n_ist, ==,
                        g_list_model_get_n_items (tps_project_get_touchpoints (project)));
      g_assert_cmpuint (n_soll, ==, n_ist);

      /* Better ratings are higher up, and all of them inside the band. */
      tps_map_layout_get_band_rect (layout, &band);
      for (int r = TPS_RATING_MIN; r < TPS_RATING_MAX; r++)
        g_assert_cmpfloat (tps_map_layout_rating_to_y (layout, r), >,
                           tps_map_layout_rating_to_y (layout, r + 1));
      g_assert_cmpfloat (tps_map_layout_rating_to_y (layout, TPS_RATING_MAX), >, band.y);
      g_assert_cmpfloat (tps_map_layout_rating_to_y (layout, TPS_RATING_MIN), <,
                         band.y + band.height);

      for (guint i = 0; i < tps_map_layout_get_n_steps (layout); i++)
        {
          const TpsMapStep *step = tps_map_layout_get_step (layout, i);

          if (step->touchpoint == NULL)
            continue;

          g_assert_cmpuint (k, <, n_ist);
          g_assert_cmpfloat_with_epsilon (ist[k].x, step->x + step->width / 2, 0.001);
          g_assert_cmpfloat (ist[k].x, >, step->card.x - step->card.width / 2);
          g_assert_cmpfloat (ist[k].x, <, step->card.x + step->card.width * 1.5);
          g_assert_cmpfloat_with_epsilon (ist[k].y,
                                          tps_map_layout_rating_to_y (layout,
                                            tps_touchpoint_get_current (step->touchpoint)),
                                          0.001);
          g_assert_cmpfloat_with_epsilon (soll[k].x, ist[k].x, 0.001);
          g_assert_cmpfloat_with_epsilon (soll[k].y,
                                          tps_map_layout_rating_to_y (layout,
                                            tps_touchpoint_get_target (step->touchpoint)),
                                          0.001);
          if (k > 0)
            g_assert_cmpfloat (ist[k].x, >, ist[k - 1].x);
          k++;
        }
      g_assert_cmpuint (k, ==, n_ist);
    }
}

/* The geometry is cached: a change shows after tps_map_layout_rebuild(). */
static void
test_rebuild_after_change (void)
{
  g_autoptr(TpsProject) project = load_example (examples[1]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (
    tps_project_get_touchpoints (project), 0);
  g_autoptr(TpsStage) last_stage = NULL;
  GListModel *stages = tps_project_get_stages (project);
  const TpsMapColumn *column;
  cairo_rectangle_t before, cached, after;

  last_stage = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  g_assert_true (tps_map_layout_get_card_rect (layout, touchpoint, &before));

  tps_history_set (history, touchpoint,
                   "stage-id", tps_object_get_id (TPS_OBJECT (last_stage)),
                   "current", 2,
                   NULL);

  g_assert_true (tps_map_layout_get_card_rect (layout, touchpoint, &cached));
  g_assert_cmpfloat (cached.x, ==, before.x);

  tps_map_layout_rebuild (layout);
  g_assert_true (tps_map_layout_get_card_rect (layout, touchpoint, &after));
  column = tps_map_layout_get_column (layout, tps_map_layout_get_n_columns (layout) - 1);
  g_assert_true (column->stage == last_stage);
  g_assert_cmpfloat (after.x, >=, column->x);
  g_assert_cmpfloat (after.x + after.width, <=, column->x + column->width);
  g_assert_cmpfloat (tps_map_layout_get_step (layout,
                       tps_map_layout_find_step (layout, touchpoint))->ist.y, ==,
                     tps_map_layout_rating_to_y (layout, 2));
}

static void
test_empty_stage_gets_column (void)
{
  g_autoptr(TpsProject) project = load_example (examples[0]);
  g_autoptr(TpsStage) stage = tps_stage_new ("s-empty");
  g_autoptr(TpsMapLayout) layout = NULL;
  const TpsMapColumn *column, *next;
  const TpsMapStep *step;

  tps_stage_set_name (stage, "Nothing here yet");
  g_list_store_insert (G_LIST_STORE (tps_project_get_stages (project)), 1, stage);

  layout = tps_map_layout_new (project, NULL);
  column = tps_map_layout_get_column (layout, 1);
  next = tps_map_layout_get_column (layout, 2);
  g_assert_true (column->stage == stage);
  g_assert_cmpuint (column->n_touchpoints, ==, 0);
  g_assert_cmpuint (column->n_steps, ==, 1);
  g_assert_cmpfloat (column->width, >, 0);
  g_assert_cmpfloat_with_epsilon (next->x, column->x + column->width, 0.001);

  step = tps_map_layout_get_step (layout, column->first_step);
  g_assert_null (step->touchpoint);
  g_assert_cmpfloat_with_epsilon (step->width, column->width, 0.001);
}

static void
test_hit_card_centres (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);

      for (guint i = 0; i < tps_map_layout_get_n_steps (layout); i++)
        {
          const TpsMapStep *step = tps_map_layout_get_step (layout, i);
          TpsMapHit hit;

          if (step->touchpoint == NULL)
            continue;

          tps_map_layout_hit_test (layout, step->card.x + step->card.width / 2,
                                   step->card.y + step->card.height / 2, &hit);
          g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_CARD);
          g_assert_true (hit.touchpoint == step->touchpoint);
          g_assert_cmpint (hit.step, ==, (int) i);
          g_assert_cmpint (hit.lane, ==, (int) step->lane);
          g_assert_cmpint (hit.column, ==, (int) step->column);

          /* Its Ist point in the band selects it too. */
          tps_map_layout_hit_test (layout, step->ist.x + 2, step->ist.y - 2, &hit);
          g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_CURVE_POINT);
          g_assert_true (hit.touchpoint == step->touchpoint);
        }
    }
}

/* Between cards is an empty cell of the right stage and lane; outside the
 * map is nothing.
 */
static void
test_hit_gaps (void)
{
  g_autoptr(TpsProject) project = load_example (examples[1]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  const TpsMapStep *step = tps_map_layout_get_step (layout, 0);
  const TpsMapLane *other_lane;
  guint other = step->lane == 0 ? 1 : 0;
  TpsMapHit hit;

  /* Just right of the first card, still in its lane and slot: after it. */
  tps_map_layout_hit_test (layout, step->card.x + step->card.width + 3,
                           step->card.y + 10, &hit);
  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_CELL);
  g_assert_null (hit.touchpoint);
  g_assert_cmpint (hit.column, ==, 0);
  g_assert_cmpint (hit.slot, ==, 0);
  g_assert_cmpint (hit.lane, ==, (int) step->lane);
  g_assert_cmpuint (hit.insert_position, ==, 1);

  /* An empty cell of the first slot: at the slot's end, so the card
   * dropped there lands in that cell.
   */
  {
    const TpsMapSlot *slot = tps_map_layout_get_slot (layout, 0);

    for (other = 0; other < tps_map_layout_get_n_lanes (layout); other++)
      {
        gboolean taken = FALSE;

        for (guint i = slot->first_step; i < slot->first_step + slot->n_steps; i++)
          taken |= tps_map_layout_get_step (layout, i)->lane == other;
        if (!taken)
          break;
      }
    g_assert_cmpuint (other, <, tps_map_layout_get_n_lanes (layout));
    other_lane = tps_map_layout_get_lane (layout, other);
    tps_map_layout_hit_test (layout, slot->x + 5, other_lane->y + other_lane->height / 2, &hit);
    g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_CELL);
    g_assert_cmpint (hit.lane, ==, (int) other);
    g_assert_cmpuint (hit.insert_position, ==, slot->n_steps);
  }

  tps_map_layout_hit_test (layout, -10, -10, &hit);
  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_NONE);
  g_assert_null (hit.touchpoint);

  tps_map_layout_hit_test (layout, step->x + 5, tps_map_layout_get_column (layout, 0)->header.y + 5,
                           &hit);
  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_STAGE_HEADER);
  g_assert_cmpint (hit.column, ==, 0);

  tps_map_layout_hit_test (layout, other_lane->label.x + 5, other_lane->y + 5, &hit);
  g_assert_cmpint (hit.kind, ==, TPS_MAP_HIT_LANE_LABEL);
  g_assert_cmpint (hit.lane, ==, (int) other);
}


/* The compact layout: a stage is as wide as its slots, and a touchpoint
 * opens a slot only where its lane is taken. The examples need 12 and 16
 * step columns for their 35 touchpoints.
 */
static void
test_slots_compact (void)
{
  static const guint expected[] = { 12, 16 };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      guint total = 0;

      g_assert_cmpuint (tps_map_layout_get_n_slots (layout), ==, expected[e]);
      for (guint i = 0; i < tps_map_layout_get_n_columns (layout); i++)
        {
          const TpsMapColumn *column = tps_map_layout_get_column (layout, i);

          g_assert_cmpfloat_with_epsilon (column->width,
                                          column->n_slots * tps_map_layout_get_slot (
                                            layout, column->first_slot)->width, 0.001);
          total += column->n_slots;
        }
      g_assert_cmpuint (total, ==, expected[e]);
    }
}

/* No cell holds two cards, and the rule holds: a touchpoint starts a new
 * slot only because its lane was taken in the slot before.
 */
static void
test_slots_rule (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);

      for (guint i = 0; i < tps_map_layout_get_n_slots (layout); i++)
        {
          const TpsMapSlot *slot = tps_map_layout_get_slot (layout, i);
          const TpsMapSlot *previous = i > 0 ? tps_map_layout_get_slot (layout, i - 1) : NULL;

          for (guint a = slot->first_step; a < slot->first_step + slot->n_steps; a++)
            {
              const TpsMapStep *step = tps_map_layout_get_step (layout, a);

              g_assert_cmpuint (step->slot, ==, i);
              for (guint b = a + 1; b < slot->first_step + slot->n_steps; b++)
                if (step->touchpoint != NULL)
                  g_assert_cmpuint (tps_map_layout_get_step (layout, b)->lane, !=, step->lane);
            }

          /* The first card of a slot that continues a stage has its lane
           * taken in the slot before.
           */
          if (previous != NULL && previous->column == slot->column)
            {
              const TpsMapStep *first = tps_map_layout_get_step (layout, slot->first_step);
              gboolean taken = FALSE;

              for (guint b = previous->first_step; b < previous->first_step + previous->n_steps; b++)
                taken |= tps_map_layout_get_step (layout, b)->lane == first->lane;
              g_assert_true (taken);
            }
        }
    }
}

/* A channel without touchpoints gets no lane when empty lanes are left out. */
static void
test_lanes_hide_empty (void)
{
  g_autoptr(TpsProject) project = load_example (examples[0]);
  g_autoptr(TpsChannel) unused = tps_channel_new ("c-unused");
  g_autoptr(TpsMapLayout) all = NULL;
  g_autoptr(TpsMapLayout) used = NULL;
  TpsMapLayoutOptions options;
  guint n_channels;

  tps_channel_set_name (unused, "Brieftaube");
  g_list_store_append (G_LIST_STORE (tps_project_get_channels (project)), unused);
  n_channels = g_list_model_get_n_items (tps_project_get_channels (project));

  all = tps_map_layout_new (project, NULL);
  g_assert_cmpuint (tps_map_layout_get_n_lanes (all), ==, n_channels);
  g_assert_cmpint (tps_map_layout_find_lane (all, "c-unused"), >=, 0);

  tps_map_layout_options_init_print (&options);
  used = tps_map_layout_new (project, &options);
  g_assert_cmpuint (tps_map_layout_get_n_lanes (used), ==, n_channels - 1);
  g_assert_cmpint (tps_map_layout_find_lane (used, "c-unused"), ==, -1);

  /* Every card still sits in its own channel's lane. */
  for (guint i = 0; i < tps_map_layout_get_n_steps (used); i++)
    {
      const TpsMapStep *step = tps_map_layout_get_step (used, i);

      if (step->touchpoint != NULL)
        g_assert_true (tps_map_layout_get_lane (used, step->lane)->channel
                       == tps_project_find_channel (project,
                                                    tps_touchpoint_get_channel_id (step->touchpoint)));
    }
}

/* The drop indicator follows the slot rule: into an empty cell it outlines
 * the cell; before a card of the lane it is a bar at the card's left edge.
 */
static void
test_insert_rect (void)
{
  g_autoptr(TpsProject) project = load_example (examples[0]);
  g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
  const TpsMapStep *first = tps_map_layout_get_step (layout, 0);
  const TpsMapSlot *slot = tps_map_layout_get_slot (layout, first->slot);
  cairo_rectangle_t rect, cell;
  guint empty;

  for (empty = 0; empty < tps_map_layout_get_n_lanes (layout); empty++)
    {
      gboolean taken = FALSE;

      for (guint i = slot->first_step; i < slot->first_step + slot->n_steps; i++)
        taken |= tps_map_layout_get_step (layout, i)->lane == empty;
      if (!taken)
        break;
    }
  g_assert_cmpuint (empty, <, tps_map_layout_get_n_lanes (layout));

  tps_map_layout_get_insert_rect (layout, first->column, empty, slot->n_steps, &rect);
  tps_map_layout_get_cell_rect (layout, first->slot, empty, &cell);
  g_assert_cmpmem (&rect, sizeof rect, &cell, sizeof cell);

  tps_map_layout_get_insert_rect (layout, first->column, first->lane, 0, &rect);
  g_assert_cmpfloat (rect.width, <, 10);
  g_assert_cmpfloat_with_epsilon (rect.x + rect.width / 2, slot->x, 0.001);
}

/* The parts of a split map hold every touchpoint exactly once, each part
 * with the lanes of its own cards and one curve point per card.
 */
static void
assert_parts_cover (TpsProject        *project,
                    const TpsMapSplit *split)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *touchpoints = tps_project_get_touchpoints (project);

  for (guint p = 0; p < tps_map_split_get_n_parts (split); p++)
    {
      TpsMapLayout *part = tps_map_split_get_part (split, p)->layout;
      guint n_cards = 0, n_points;

      g_assert_cmpuint (tps_map_layout_get_n_lanes (part), >, 0);
      for (guint i = 0; i < tps_map_layout_get_n_steps (part); i++)
        {
          const TpsMapStep *step = tps_map_layout_get_step (part, i);

          if (step->touchpoint == NULL)
            continue;
          g_assert_false (g_hash_table_contains (seen, step->touchpoint));
          g_hash_table_add (seen, step->touchpoint);
          g_assert_true (tps_map_layout_get_lane (part, step->lane)->channel
                         == tps_project_find_channel (project,
                                                      tps_touchpoint_get_channel_id (step->touchpoint)));
          n_cards++;
        }
      tps_map_layout_get_curve (part, TPS_MAP_CURVE_IST, &n_points);
      g_assert_cmpuint (n_points, ==, n_cards);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, g_list_model_get_n_items (touchpoints));
}

static void
test_split_parts (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) whole = tps_map_layout_new_for_export (project, NULL);
      double line = tps_map_layout_get_title_line_height (whole);
      /* A4 landscape less its margins, and a page as small as a postcard. */
      const double pages[][2] = { { 785, 480 }, { 420, 280 } };

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autoptr(TpsMapSplit) split = tps_map_split_new (whole, pages[i][0], pages[i][1],
                                                            TPS_MAP_MIN_PRINT_TEXT);
          guint previous_last = 0;

          g_assert_cmpuint (tps_map_split_get_n_parts (split), >, 1);
          assert_parts_cover (project, split);
          g_assert_cmpfloat_with_epsilon (split->text_size, split->scale * line, 1e-9);

          for (guint p = 0; p < tps_map_split_get_n_parts (split); p++)
            {
              const TpsMapPart *part = tps_map_split_get_part (split, p);
              g_autofree char *label = tps_map_split_get_label (split, p);
              double w, h;

              /* In journey order, each part where the one before ended. */
              g_assert_cmpuint (part->first_stage, >=, previous_last);
              previous_last = part->last_stage;
              g_assert_nonnull (label);
              g_assert_true (g_str_has_prefix (label, "Stage"));

              tps_map_layout_get_size (part->layout, &w, &h);
              g_assert_cmpfloat (w * split->scale, <=, pages[i][0] + 0.01);
              if (i == 0)
                g_assert_cmpfloat (h * split->scale, <=, pages[i][1] + 0.01);
            }

          /* A4 holds each part at the minimum size or larger. */
          if (i == 0)
            g_assert_cmpfloat (split->text_size, >=, TPS_MAP_MIN_PRINT_TEXT - 1e-9);
        }

      /* A page large enough: the whole map, unsplit. */
      {
        g_autoptr(TpsMapSplit) split = tps_map_split_new (whole, 5000, 5000,
                                                          TPS_MAP_MIN_PRINT_TEXT);

        g_assert_cmpuint (tps_map_split_get_n_parts (split), ==, 1);
        g_assert_true (tps_map_split_get_part (split, 0)->layout == whole);
        g_assert_null (tps_map_split_get_label (split, 0));
      }
    }
}

/* The binary search finds exactly the cards a scan over all of them finds. */
static void
test_hit_agrees_with_scan (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      g_autoptr(TpsMapLayout) layout = tps_map_layout_new (project, NULL);
      double width, height;
      guint n_steps = tps_map_layout_get_n_steps (layout);
      guint cards_hit = 0;

      tps_map_layout_get_size (layout, &width, &height);
      for (double y = -3; y < height + 5; y += 7.3)
        for (double x = -3; x < width + 5; x += 9.1)
          {
            TpsTouchpoint *expected = NULL;
            TpsMapHit hit;

            for (guint i = 0; i < n_steps; i++)
              {
                const TpsMapStep *step = tps_map_layout_get_step (layout, i);

                if (step->touchpoint != NULL
                    && x >= step->card.x && x < step->card.x + step->card.width
                    && y >= step->card.y && y < step->card.y + step->card.height)
                  expected = step->touchpoint;
              }

            tps_map_layout_hit_test (layout, x, y, &hit);
            g_assert_true ((hit.kind == TPS_MAP_HIT_CARD ? hit.touchpoint : NULL) == expected);
            cards_hit += expected != NULL;
          }

      g_assert_cmpuint (cards_hit, >, 100);
    }
}

/* A comparator's curve has one point per touchpoint it was rated at, in
 * journey order, where the Ist point of that touchpoint is on the x axis
 * and at its rating's row; without a comparator (or with an id the project
 * does not have) there is none, and the legend says nothing about it.
 */
static void
test_benchmark_curve (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(TpsProject) project = load_example (examples[e]);
      GListModel *comparators = tps_project_get_comparators (project);
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, 1);
      TpsMapLayoutOptions options;
      g_autoptr(TpsMapLayout) plain = tps_map_layout_new (project, NULL);
      g_autoptr(TpsMapLayout) layout = NULL;
      const TpsMapPoint *points;
      guint n_points, n_rated = 0, k = 0;
      double width_plain, height_plain, width, height;

      g_assert_nonnull (comparator);
      points = tps_map_layout_get_curve (plain, TPS_MAP_CURVE_BENCHMARK, &n_points);
      g_assert_cmpuint (n_points, ==, 0);
      g_assert_null (tps_map_layout_get_comparator (plain));

      tps_map_layout_options_init (&options);
      options.comparator_id = tps_object_get_id (TPS_OBJECT (comparator));
      layout = tps_map_layout_new (project, &options);
      g_assert_true (tps_map_layout_get_comparator (layout) == comparator);
      points = tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &n_points);

      for (guint i = 0; i < tps_map_layout_get_n_steps (layout); i++)
        {
          const TpsMapStep *step = tps_map_layout_get_step (layout, i);
          int rating;

          if (step->touchpoint == NULL
              || !tps_comparator_get_rating (comparator,
                                             tps_object_get_id (TPS_OBJECT (step->touchpoint)),
                                             &rating))
            continue;

          n_rated++;
          g_assert_cmpuint (k, <, n_points);
          g_assert_cmpfloat_with_epsilon (points[k].x, step->ist.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (points[k].y,
                                          tps_map_layout_rating_to_y (layout, rating), 1e-9);
          if (k > 0)
            g_assert_cmpfloat (points[k].x, >, points[k - 1].x);
          k++;
        }
      g_assert_cmpuint (n_rated, >, 0);
      g_assert_cmpuint (n_points, ==, n_rated);
      g_assert_cmpuint (n_points, ==,
                        g_list_model_get_n_items (tps_comparator_get_ratings (comparator)));

      /* Switching the comparator off and to an unknown id: no curve. */
      tps_map_layout_set_comparator_id (layout, NULL);
      tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &n_points);
      g_assert_cmpuint (n_points, ==, 0);
      tps_map_layout_get_size (plain, &width_plain, &height_plain);
      tps_map_layout_get_size (layout, &width, &height);
      g_assert_cmpfloat (height, ==, height_plain);
      tps_map_layout_set_comparator_id (layout, "no-such-comparator");
      tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &n_points);
      g_assert_cmpuint (n_points, ==, 0);
      g_assert_null (tps_map_layout_get_comparator (layout));
    }
}

/* A rating added or removed in the model shows after the rebuild that
 * every change triggers.
 */
static void
test_benchmark_curve_follows_model (void)
{
  g_autoptr(TpsProject) project = load_example (examples[1]);
  g_autoptr(TpsHistory) history = tps_history_new ();
  TpsComparator *rival = tps_project_find_comparator (project, "cmp-rival-dealer");
  TpsMapLayoutOptions options;
  g_autoptr(TpsMapLayout) layout = NULL;
  guint before, after;

  tps_map_layout_options_init (&options);
  options.comparator_id = "cmp-rival-dealer";
  layout = tps_map_layout_new (project, &options);
  tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &before);

  tps_project_set_comparator_rating (history, rival, "t-referral", TRUE, 1);
  tps_map_layout_rebuild (layout);
  tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &after);
  g_assert_cmpuint (after, ==, before + 1);

  g_assert_true (tps_history_undo (history));
  tps_map_layout_rebuild (layout);
  tps_map_layout_get_curve (layout, TPS_MAP_CURVE_BENCHMARK, &after);
  g_assert_cmpuint (after, ==, before);
}

/* The bounds that spare pango measuring most titles give exactly pango's
 * height, on screen and in print: for every title of the examples and for
 * titles of every length made of words, numbers, dashes, umlauts, long
 * words, other scripts and emoji (which pango alone measures).
 */
static void
test_title_heights_exact (void)
{
  static const char * const words[] = {
    "Touchpoint", "Rückruf", "&", "Beratung", "–", "E-Mail", "Hotline", "Größe",
    "Kündigungsbestätigungsschreiben", "App", "(Smart", "Meter)", "24/7", "Straße",
    "Ölwechsel", "fi", "WWWWWW", "iiiiiiiiii", "„Zitat“", "€", "Vertrag:", "—", "ÆØÅ",
    "Überweisungsträger", "Rechnung", "für", "die", "Jahresabrechnung", "Wartezeit",
  };
  static const char * const odd[] = {
    "", " ", "  zwei Leerzeichen", "Ende ", "Zeile\nZeile", "日本語のタイトル", "Emoji 🚗 im Titel",
    "عنوان عربي", "Tab\tTab", "Soft\u00adhyphen", "No\u00a0break\u00a0space",
  };
  guint checked = 0, settled = 0;

  for (guint print = 0; print < 2; print++)
    for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
      {
        g_autoptr(TpsProject) project = load_example (examples[e]);
        TpsMapLayoutOptions options;
        g_autoptr(TpsMapLayout) layout = NULL;
        GListModel *touchpoints = tps_project_get_touchpoints (project);
        g_autoptr(GRand) rand = g_rand_new_with_seed (42 + e);

        if (print)
          tps_map_layout_options_init_print (&options);
        else
          tps_map_layout_options_init (&options);
        layout = tps_map_layout_new (project, &options);

        for (guint i = 0; i < g_list_model_get_n_items (touchpoints) + 400 + G_N_ELEMENTS (odd); i++)
          {
            g_autoptr(GString) made = g_string_new (NULL);
            g_autoptr(TpsTouchpoint) touchpoint = NULL;
            const char *title;
            double fast, exact;

            if (i < g_list_model_get_n_items (touchpoints))
              {
                touchpoint = g_list_model_get_item (touchpoints, i);
                title = tps_touchpoint_get_title (touchpoint);
                title = title != NULL ? title : "";
              }
            else if (i < g_list_model_get_n_items (touchpoints) + 400)
              {
                guint n = g_rand_int_range (rand, 1, 14);

                for (guint w = 0; w < n; w++)
                  {
                    if (w > 0)
                      g_string_append_c (made, ' ');
                    if (g_rand_int_range (rand, 0, 4) == 0)
                      g_string_append_printf (made, "%d", g_rand_int_range (rand, 0, 100000));
                    else
                      g_string_append (made, words[g_rand_int_range (rand, 0,
                                                                     G_N_ELEMENTS (words))]);
                  }
                title = made->str;
              }
            else
              title = odd[i - g_list_model_get_n_items (touchpoints) - 400];

            fast = tps_map_layout_measure_title (layout, title, TPS_TITLE_BY_BOUNDS);
            exact = tps_map_layout_measure_title (layout, title, TPS_TITLE_BY_PANGO);
            if (fast >= 0 && fast != exact)
              g_error ("“%s”: %g by the bounds, %g by pango", title, fast, exact);
            checked++;
            settled += fast >= 0;
          }
      }

  /* The bounds spare pango most of the work, or they are not worth it. */
  g_test_message ("%u of %u titles settled by the bounds", settled, checked);
  g_assert_cmpuint (checked, >, 1000);
  g_assert_cmpuint (settled, >, checked / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-layout/cards/no-overlap", test_cards_no_overlap);
  g_test_add_func ("/map-layout/cards/in-stage-and-lane", test_cards_in_stage_and_lane);
  g_test_add_func ("/map-layout/steps/journey-order", test_journey_order);
  g_test_add_func ("/map-layout/curves/through-ratings", test_curves_through_ratings);
  g_test_add_func ("/map-layout/rebuild/after-change", test_rebuild_after_change);
  g_test_add_func ("/map-layout/columns/empty-stage", test_empty_stage_gets_column);
  g_test_add_func ("/map-layout/hit-test/card-centres", test_hit_card_centres);
  g_test_add_func ("/map-layout/hit-test/gaps", test_hit_gaps);
  g_test_add_func ("/map-layout/hit-test/agrees-with-scan", test_hit_agrees_with_scan);
  g_test_add_func ("/map-layout/slots/compact", test_slots_compact);
  g_test_add_func ("/map-layout/slots/rule", test_slots_rule);
  g_test_add_func ("/map-layout/lanes/hide-empty", test_lanes_hide_empty);
  g_test_add_func ("/map-layout/insert-rect/follows-slots", test_insert_rect);
  g_test_add_func ("/map-layout/split/parts-cover-journey", test_split_parts);
  g_test_add_func ("/map-layout/benchmark/one-point-per-rating", test_benchmark_curve);
  g_test_add_func ("/map-layout/benchmark/follows-model", test_benchmark_curve_follows_model);
  g_test_add_func ("/map-layout/title-heights-exact", test_title_heights_exact);

  return g_test_run ();
}
