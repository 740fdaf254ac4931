/* tps-map-split.c
 *
 * Greedy, left to right: a part takes as many whole stages as fit at the
 * minimum size; a stage too wide for a page on its own is cut between its
 * slots. Every part is then printed at the one scale the tightest part
 * allows, so a title has the same size on every page. Trying a part costs
 * a layout without measuring text again (tps_map_layout_new_part() shares
 * the measured titles), so the split stays linear in practice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-i18n-private.h"
#include "tps-map-layout-private.h"
#include "tps-map-split.h"
#include "tps-page-layout.h"

static void
part_clear (gpointer data)
{
  TpsMapPart *part = data;

  g_clear_object (&part->layout);
  g_free (part);
}

void
tps_map_split_free (TpsMapSplit *split)
{
  if (split == NULL)
    return;

  g_clear_pointer (&split->parts, g_ptr_array_unref);
  g_free (split);
}

static double
fit_scale (TpsMapLayout *layout,
           double        width,
           double        height)
{
  double w, h;

  tps_map_layout_get_size (layout, &w, &h);
  return tps_page_scale_to_fit (w, h, width, height);
}

/* The part of @whole from slot @first, @n slots wide, if it fits. */
/* A part's legend flows across the page it goes on at the minimum scale,
 * instead of piling up over a narrow part.
 */
static double
title_width (double width,
             double min_scale)
{
  return width / min_scale - 2 * TPS_MAP_MARGIN;
}

static TpsMapLayout *
try_part (TpsMapLayout *whole,
          guint         first,
          guint         n,
          double        width,
          double        height,
          double        min_scale)
{
  g_autoptr(TpsMapLayout) part = tps_map_layout_new_part (whole, first, n,
                                                          title_width (width, min_scale));

  if (fit_scale (part, width, height) < min_scale)
    return NULL;

  return g_steal_pointer (&part);
}

static void
add_part (TpsMapSplit  *split,
          TpsMapLayout *layout)
{
  TpsMapPart *part = g_new0 (TpsMapPart, 1);
  guint n = tps_map_layout_get_n_columns (layout);

  part->layout = layout;
  if (n > 0)
    {
      part->first_stage = tps_map_layout_get_column (layout, 0)->stage_index;
      part->last_stage = tps_map_layout_get_column (layout, n - 1)->stage_index;
    }
  g_ptr_array_add (split->parts, part);
}

/**
 * tps_map_split_new:
 * @whole: the whole map, in the style it is to be printed in
 * @width: the room for the map on a page, points
 * @height: the same
 * @min_text: the smallest height of a title line, points; 0 never splits
 *
 * Returns: (transfer full): @whole alone when it fits the page with titles
 *   of at least @min_text, else the parts it splits into
 */
TpsMapSplit *
tps_map_split_new (TpsMapLayout *whole,
                   double        width,
                   double        height,
                   double        min_text)
{
  TpsMapSplit *split;
  double line, min_scale;
  guint n_slots, start;
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (TPS_IS_MAP_LAYOUT (whole), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  split = g_new0 (TpsMapSplit, 1);
  split->parts = g_ptr_array_new_with_free_func (part_clear);
  split->n_stages = g_list_model_get_n_items (tps_project_get_stages (
                                                tps_map_layout_get_project (whole)));
  line = tps_map_layout_get_title_line_height (whole);
  min_scale = min_text > 0 && line > 0 ? min_text / line : 0;
  n_slots = tps_map_layout_get_n_slots (whole);

  split->scale = fit_scale (whole, width, height);
  if (split->scale >= min_scale || n_slots <= 1)
    {
      add_part (split, g_object_ref (whole));
      split->text_size = split->scale * line;
      return split;
    }

  /* Where stages end, in slots of @whole. */
  for (guint i = 0; i < tps_map_layout_get_n_columns (whole); i++)
    {
      const TpsMapColumn *column = tps_map_layout_get_column (whole, i);
      guint end = column->first_slot + column->n_slots;

      g_array_append_val (ends, end);
    }

  start = 0;
  while (start < n_slots)
    {
      g_autoptr(TpsMapLayout) best = NULL;
      guint best_end = start;

      /* As many whole stages as fit. */
      for (guint i = 0; i < ends->len; i++)
        {
          guint end = g_array_index (ends, guint, i);
          TpsMapLayout *part;

          if (end <= start)
            continue;
          part = try_part (whole, start, end - start, width, height, min_scale);
          if (part == NULL)
            break;
          g_clear_object (&best);
          best = part;
          best_end = end;
        }

      /* Not even the rest of one stage: as many of its slots as fit, by
       * bisection; a single slot goes on a page of its own whatever its
       * size, or the split would never end.
       */
      if (best == NULL)
        {
          guint stage_end = n_slots, lo = 1, hi;

          for (guint i = 0; i < ends->len; i++)
            if (g_array_index (ends, guint, i) > start)
              {
                stage_end = g_array_index (ends, guint, i);
                break;
              }

          hi = stage_end - start;   /* known not to fit */
          while (lo + 1 < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              g_autoptr(TpsMapLayout) part = try_part (whole, start, mid, width, height,
                                                       min_scale);

              if (part != NULL)
                lo = mid;
              else
                hi = mid;
            }
          best = tps_map_layout_new_part (whole, start, lo, title_width (width, min_scale));
          best_end = start + lo;
        }

      add_part (split, g_steal_pointer (&best));
      start = best_end;
    }

  /* One scale for all parts: the tightest part's. */
  split->scale = G_MAXDOUBLE;
  for (guint i = 0; i < split->parts->len; i++)
    {
      TpsMapPart *part = g_ptr_array_index (split->parts, i);

      split->scale = MIN (split->scale, fit_scale (part->layout, width, height));
    }
  split->text_size = split->scale * line;

  /* Number the pieces of a stage spread over several parts. */
  for (guint i = 0; i < split->parts->len; i++)
    {
      TpsMapPart *part = g_ptr_array_index (split->parts, i);
      guint j = i;

      if (part->first_stage != part->last_stage || part->stage_part != 0)
        continue;
      while (j + 1 < split->parts->len)
        {
          TpsMapPart *next = g_ptr_array_index (split->parts, j + 1);

          if (next->first_stage != part->first_stage || next->last_stage != part->last_stage)
            break;
          j++;
        }
      if (j == i)
        continue;
      for (guint k = i; k <= j; k++)
        {
          TpsMapPart *piece = g_ptr_array_index (split->parts, k);

          piece->stage_part = k - i + 1;
          piece->n_stage_parts = j - i + 1;
        }
    }

  return split;
}

guint
tps_map_split_get_n_parts (const TpsMapSplit *split)
{
  g_return_val_if_fail (split != NULL, 0);

  return split->parts->len;
}

const TpsMapPart *
tps_map_split_get_part (const TpsMapSplit *split,
                        guint              index)
{
  g_return_val_if_fail (split != NULL, NULL);
  g_return_val_if_fail (index < split->parts->len, NULL);

  return g_ptr_array_index (split->parts, index);
}

/**
 * tps_map_split_get_label:
 *
 * Returns: (transfer full) (nullable): which stages part @index shows,
 *   "Stages 1–3 of 7", or %NULL when the map is not split
 */
char *
tps_map_split_get_label (const TpsMapSplit *split,
                         guint              index)
{
  const TpsMapPart *part;

  g_return_val_if_fail (split != NULL, NULL);
  g_return_val_if_fail (index < split->parts->len, NULL);

  if (split->parts->len < 2)
    return NULL;

  part = g_ptr_array_index (split->parts, index);
  if (part->n_stage_parts > 0)
    /* Translators: one stage spread over several pages: the stage's number,
     * the number of stages, then which piece of the stage and how many
     */
    return g_strdup_printf (_("Stage %u of %u, part %u of %u"), part->first_stage + 1,
                            split->n_stages, part->stage_part, part->n_stage_parts);
  if (part->first_stage == part->last_stage)
    return g_strdup_printf (_("Stage %u of %u"), part->first_stage + 1, split->n_stages);

  /* Translators: the stages one page of a split journey map shows */
  return g_strdup_printf (_("Stages %u–%u of %u"), part->first_stage + 1, part->last_stage + 1,
                          split->n_stages);
}
