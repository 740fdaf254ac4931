/* tps-timeline.c
 *
 * Dates map to x through calendar units, not a fixed number of pixels per
 * day: a date's x is the index of its month (or quarter) plus the fraction
 * of that unit already passed. That keeps every bar aligned with the month
 * grid in the header although months differ in length, and makes x → date
 * the exact inverse for dragging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "tps-page-layout.h"
#include "tps-draw-private.h"
#include "tps-i18n-private.h"
#include "tps-palette.h"
#include "tps-project-edit.h"
#include "tps-timeline.h"

#define LEGEND_HEIGHT    34.0
#define YEAR_HEIGHT      20.0
#define UNIT_HEIGHT      24.0
#define HEADER_HEIGHT    (LEGEND_HEIGHT + YEAR_HEIGHT + UNIT_HEIGHT)
#define LABEL_WIDTH      320.0
#define ROW_HEIGHT       30.0
#define GROUP_HEIGHT     30.0
#define BAR_HEIGHT       16.0
#define MONTH_WIDTH      84.0
#define QUARTER_WIDTH    150.0
#define INDENT           18.0
#define HANDLE_SLOP      6.0
#define BOTTOM_PADDING   12.0
#define MIN_UNITS_MONTH  6
#define MIN_UNITS_QUARTER 4
#define AUTO_MONTH_LIMIT 18  /* months shown one by one up to this span */

struct _TpsTimeline
{
  GObject parent_instance;

  TpsTimelineScale scale;
  TpsTimelineGrouping grouping;
  char *today;
  GDate today_date;
  TpsMeasure *highlight;

  TpsTimelineScale effective_scale;
  GArray *rows;            /* TpsTimelineRow */
  GPtrArray *refs;         /* measures the rows point to */
  GPtrArray *labels;       /* group headings the rows point to */

  /* The axis starts on the first day of (first_year, first_month), which
   * is a quarter's first month on the quarter scale.
   */
  int first_year;
  int first_month;
  guint n_units;
  double unit_width;
  double height;
};

G_DEFINE_FINAL_TYPE (TpsTimeline, tps_timeline, G_TYPE_OBJECT)

/* The drawing's colours, all from tps-palette. */
typedef struct
{
  TpsColor page, stripe, header, grid, grid_strong, text, muted, accent, group, overdue;
} Theme;

static const Theme *
theme_init (Theme    *theme,
            gboolean  dark)
{
  tps_palette_get (TPS_PALETTE_PAGE, dark, &theme->page);
  tps_palette_get (TPS_PALETTE_LANE_ALT, dark, &theme->stripe);
  tps_palette_get (TPS_PALETTE_PLAN_HEADER, dark, &theme->header);
  tps_palette_get (TPS_PALETTE_GRID, dark, &theme->grid);
  tps_palette_get (TPS_PALETTE_GRID_STRONG, dark, &theme->grid_strong);
  tps_palette_get (TPS_PALETTE_TEXT, dark, &theme->text);
  tps_palette_get (TPS_PALETTE_TEXT_MUTED, dark, &theme->muted);
  tps_palette_get (TPS_PALETTE_ACCENT, dark, &theme->accent);
  tps_palette_get (TPS_PALETTE_PLAN_GROUP, dark, &theme->group);
  tps_palette_get (TPS_PALETTE_OVERDUE, dark, &theme->overdue);
  return theme;
}

static void
set_status_source (cairo_t          *cr,
                   TpsMeasureStatus  status,
                   gboolean          dark)
{
  TpsColor color;

  tps_palette_measure_status (status, dark, &color);
  tps_color_set_source (cr, &color, 1);
}

static void
tps_timeline_finalize (GObject *object)
{
  TpsTimeline *self = TPS_TIMELINE (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->refs, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_object (&self->highlight);

  G_OBJECT_CLASS (tps_timeline_parent_class)->finalize (object);
}

static void
tps_timeline_class_init (TpsTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_timeline_finalize;
}

static void
tps_timeline_init (TpsTimeline *self)
{
  g_autoptr(GDateTime) now = tps_page_now ();

  self->rows = g_array_new (FALSE, TRUE, sizeof (TpsTimelineRow));
  self->refs = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  g_date_clear (&self->today_date, 1);
  g_date_set_dmy (&self->today_date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->effective_scale = TPS_TIMELINE_SCALE_MONTH;
  self->unit_width = MONTH_WIDTH;
  self->first_year = g_date_time_get_year (now);
  self->first_month = 1;
  self->n_units = MIN_UNITS_MONTH;
  self->height = HEADER_HEIGHT + BOTTOM_PADDING;
}

TpsTimeline *
tps_timeline_new (void)
{
  return g_object_new (TPS_TYPE_TIMELINE, NULL);
}

/* The scale takes effect on the next tps_timeline_update(). */
void
tps_timeline_set_scale (TpsTimeline      *self,
                        TpsTimelineScale  scale)
{
  g_return_if_fail (TPS_IS_TIMELINE (self));
  self->scale = scale;
}

TpsTimelineScale
tps_timeline_get_scale (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), TPS_TIMELINE_SCALE_AUTO);
  return self->scale;
}

/* Month or quarter: what the last update chose for TPS_TIMELINE_SCALE_AUTO. */
TpsTimelineScale
tps_timeline_get_effective_scale (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), TPS_TIMELINE_SCALE_MONTH);
  return self->effective_scale;
}

void
tps_timeline_set_grouping (TpsTimeline         *self,
                           TpsTimelineGrouping  grouping)
{
  g_return_if_fail (TPS_IS_TIMELINE (self));
  self->grouping = grouping;
}

TpsTimelineGrouping
tps_timeline_get_grouping (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), TPS_TIMELINE_GROUP_BY_PARENT);
  return self->grouping;
}

/* Today decides the today line and which bars are overdue. It is passed in
 * rather than read from the clock so that tests and reports are repeatable;
 * a new timeline starts with the real date.
 */
void
tps_timeline_set_today (TpsTimeline *self,
                        const char  *iso_date)
{
  guint y, m, d;

  g_return_if_fail (TPS_IS_TIMELINE (self));
  g_return_if_fail (tps_date_is_valid (iso_date));

  g_free (self->today);
  self->today = g_strdup (iso_date);
  sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d);
  g_date_set_dmy (&self->today_date, d, m, y);
}

const char *
tps_timeline_get_today (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), NULL);
  return self->today;
}

/* The measure selected in the planner gets a highlighted row. */
void
tps_timeline_set_highlight (TpsTimeline *self,
                            TpsMeasure  *measure)
{
  g_return_if_fail (TPS_IS_TIMELINE (self));
  g_return_if_fail (measure == NULL || TPS_IS_MEASURE (measure));
  g_set_object (&self->highlight, measure);
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (!tps_date_is_valid (iso))
    return FALSE;

  sscanf (iso, "%4u-%2u-%2u", &y, &m, &d);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The measure's start and due as dates; a missing one takes the other's
 * value, so a measure with one date is a one-day milestone.
 */
static gboolean
measure_dates (TpsMeasure *measure,
               GDate      *start,
               GDate      *due)
{
  gboolean has_start = parse_date (tps_measure_get_start (measure), start);
  gboolean has_due = parse_date (tps_measure_get_due (measure), due);

  if (!has_start && !has_due)
    return FALSE;
  if (!has_start)
    *start = *due;
  if (!has_due)
    *due = *start;
  if (g_date_compare (due, start) < 0)
    *due = *start;

  return TRUE;
}

static guint
months_per_unit (TpsTimeline *self)
{
  return self->effective_scale == TPS_TIMELINE_SCALE_QUARTER ? 3 : 1;
}

static int
month_index (int year,
             int month)
{
  return year * 12 + (month - 1);
}

static void
unit_start (TpsTimeline *self,
            int          unit,
            GDate       *date)
{
  int index = month_index (self->first_year, self->first_month)
              + unit * (int) months_per_unit (self);

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, index % 12 + 1, index / 12);
}

double
tps_timeline_x_for_date (TpsTimeline *self,
                         const GDate *date)
{
  int months;
  int per_unit;
  int unit;
  GDate start, next;
  double fraction;

  g_return_val_if_fail (TPS_IS_TIMELINE (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  months = month_index (g_date_get_year (date), g_date_get_month (date))
           - month_index (self->first_year, self->first_month);
  /* Floor division, so dates before the axis get negative units. */
  per_unit = (int) months_per_unit (self);
  unit = months >= 0 ? months / per_unit : -((-months + per_unit - 1) / per_unit);

  unit_start (self, unit, &start);
  unit_start (self, unit + 1, &next);
  fraction = (double) g_date_days_between (&start, date) / g_date_days_between (&start, &next);

  return LABEL_WIDTH + (unit + fraction) * self->unit_width;
}

/**
 * tps_timeline_date_at_x:
 * @date: (out caller-allocates): the day that begins at the day boundary
 *   nearest to @x
 *
 * The inverse of tps_timeline_x_for_date(), snapped to whole days: dragging
 * a bar's start to @x starts it on @date, dragging its end there makes it
 * due on the day before @date.
 */
gboolean
tps_timeline_date_at_x (TpsTimeline *self,
                        double       x,
                        GDate       *date)
{
  double position;
  int unit;
  GDate start, next;
  int days;

  g_return_val_if_fail (TPS_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  position = (x - LABEL_WIDTH) / self->unit_width;
  unit = (int) floor (position);
  unit_start (self, unit, &start);
  unit_start (self, unit + 1, &next);
  days = g_date_days_between (&start, &next);

  *date = start;
  g_date_add_days (date, (guint) lround ((position - unit) * days));
  return TRUE;
}

double
tps_timeline_get_today_x (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), 0);
  return tps_timeline_x_for_date (self, &self->today_date);
}

/* Siblings in the order a plan is read: by start, undated ones last, and
 * the file's order among equals.
 */
typedef struct
{
  TpsMeasure *measure;
  guint index;
  GDate start;
  gboolean dated;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;

  if (ia->dated != ib->dated)
    return ia->dated ? -1 : 1;
  if (ia->dated)
    {
      int c = g_date_compare (&ia->start, &ib->start);
      if (c != 0)
        return c;
    }
  return (ia->index > ib->index) - (ia->index < ib->index);
}

typedef struct
{
  TpsTimeline *self;
  GArray *items;            /* SortItem for every measure, file order */
  GHashTable *children;     /* parent id → GArray of SortItem */
  GHashTable *has_dated;    /* measure → whether it or a descendant is dated */
  GHashTable *placed;       /* measures already given a row */
  double y;
} Builder;

static void
add_group_row (Builder    *b,
               const char *label)
{
  TpsTimelineRow row = { 0 };

  g_ptr_array_add (b->self->labels, g_strdup (label));
  row.kind = TPS_TIMELINE_ROW_GROUP;
  row.label = g_ptr_array_index (b->self->labels, b->self->labels->len - 1);
  row.y = b->y;
  row.height = GROUP_HEIGHT;
  b->y += GROUP_HEIGHT;
  g_array_append_val (b->self->rows, row);
}

static void
add_measure_row (Builder    *b,
                 TpsMeasure *measure,
                 guint       depth,
                 gboolean    has_children)
{
  TpsTimeline *self = b->self;
  TpsTimelineRow row = { 0 };
  GDate start, due;

  g_ptr_array_add (self->refs, g_object_ref (measure));
  g_hash_table_add (b->placed, measure);

  row.kind = TPS_TIMELINE_ROW_MEASURE;
  row.measure = measure;
  row.depth = depth;
  row.has_children = has_children;
  row.y = b->y;
  row.height = ROW_HEIGHT;
  b->y += ROW_HEIGHT;

  /* Geometry is filled in once the axis is known. */
  row.scheduled = measure_dates (measure, &start, &due);
  if (row.scheduled)
    {
      row.milestone = g_date_compare (&start, &due) == 0;
      row.overdue = g_date_compare (&due, &self->today_date) < 0
                    && !tps_measure_status_is_finished (tps_measure_get_status (measure));
    }

  g_array_append_val (self->rows, row);
}

static gboolean
compute_has_dated (Builder    *b,
                   TpsMeasure *measure,
                   guint       depth)
{
  const char *id = tps_object_get_id (TPS_OBJECT (measure));
  GArray *kids = id != NULL ? g_hash_table_lookup (b->children, id) : NULL;
  GDate s, d;
  gboolean dated = measure_dates (measure, &s, &d);

  /* A hand-edited file may hold a cycle of parents; stop where it loops. */
  if (depth > b->items->len)
    return dated;

  for (guint i = 0; kids != NULL && i < kids->len; i++)
    dated |= compute_has_dated (b, g_array_index (kids, SortItem, i).measure, depth + 1);

  g_hash_table_insert (b->has_dated, measure, GINT_TO_POINTER (dated));
  return dated;
}

static void
add_tree (Builder    *b,
          TpsMeasure *measure,
          guint       depth)
{
  const char *id = tps_object_get_id (TPS_OBJECT (measure));
  GArray *kids = id != NULL ? g_hash_table_lookup (b->children, id) : NULL;
  gboolean any_shown = FALSE;

  if (g_hash_table_contains (b->placed, measure))
    return;

  for (guint i = 0; kids != NULL && i < kids->len; i++)
    if (GPOINTER_TO_INT (g_hash_table_lookup (b->has_dated,
                                              g_array_index (kids, SortItem, i).measure)))
      any_shown = TRUE;

  add_measure_row (b, measure, depth, any_shown);

  for (guint i = 0; kids != NULL && i < kids->len; i++)
    {
      TpsMeasure *kid = g_array_index (kids, SortItem, i).measure;

      if (GPOINTER_TO_INT (g_hash_table_lookup (b->has_dated, kid)))
        add_tree (b, kid, depth + 1);
    }
}

static void
build_by_parent (Builder    *b,
                 TpsProject *project)
{
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (SortItem));

  for (guint i = 0; i < b->items->len; i++)
    {
      SortItem *item = &g_array_index (b->items, SortItem, i);
      const char *parent_id = tps_measure_get_parent_id (item->measure);
      TpsMeasure *parent = tps_project_find_measure (project, parent_id);

      if (parent == NULL || parent == item->measure)
        {
          g_array_append_val (roots, *item);
        }
      else
        {
          GArray *kids = g_hash_table_lookup (b->children, parent_id);

          if (kids == NULL)
            {
              kids = g_array_new (FALSE, FALSE, sizeof (SortItem));
              g_hash_table_insert (b->children, (gpointer) parent_id, kids);
            }
          g_array_append_val (kids, *item);
        }
    }

  g_array_sort (roots, compare_items);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, b->children);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_array_sort (value, compare_items);
  }

  for (guint i = 0; i < roots->len; i++)
    compute_has_dated (b, g_array_index (roots, SortItem, i).measure, 0);

  for (guint i = 0; i < roots->len; i++)
    {
      TpsMeasure *root = g_array_index (roots, SortItem, i).measure;

      if (GPOINTER_TO_INT (g_hash_table_lookup (b->has_dated, root)))
        add_tree (b, root, 0);
    }
}

static void
build_by_type (Builder *b)
{
  g_autoptr(GArray) sorted = g_array_copy (b->items);

  g_array_sort (sorted, compare_items);

  for (guint t = 0; t < tps_enum_get_n_values (TPS_TYPE_MEASURE_TYPE); t++)
    {
      gboolean heading = FALSE;

      for (guint i = 0; i < sorted->len; i++)
        {
          SortItem *item = &g_array_index (sorted, SortItem, i);

          if (!item->dated || (guint) tps_measure_get_kind (item->measure) != t)
            continue;

          if (!heading)
            add_group_row (b, tps_enum_get_label (TPS_TYPE_MEASURE_TYPE, t));
          heading = TRUE;
          add_measure_row (b, item->measure, 0, FALSE);
        }
    }
}

/* Chooses the scale and the axis range so that every dated measure and
 * today fit, on whole units, with a minimum width so a short plan does not
 * look cramped.
 */
static void
compute_axis (TpsTimeline *self,
              GArray      *items)
{
  int min_month = month_index (g_date_get_year (&self->today_date),
                               g_date_get_month (&self->today_date));
  int max_month = min_month;
  guint per_unit;
  int first, last;
  guint min_units;

  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);
      GDate start, due;

      if (!measure_dates (item->measure, &start, &due))
        continue;

      min_month = MIN (min_month, month_index (g_date_get_year (&start),
                                               g_date_get_month (&start)));
      max_month = MAX (max_month, month_index (g_date_get_year (&due),
                                               g_date_get_month (&due)));
    }

  self->effective_scale = self->scale;
  if (self->scale == TPS_TIMELINE_SCALE_AUTO)
    self->effective_scale = max_month - min_month + 1 <= AUTO_MONTH_LIMIT
                            ? TPS_TIMELINE_SCALE_MONTH : TPS_TIMELINE_SCALE_QUARTER;

  per_unit = months_per_unit (self);
  first = min_month - min_month % (int) per_unit;
  last = max_month - max_month % (int) per_unit;

  self->first_year = first / 12;
  self->first_month = first % 12 + 1;
  /* One unit more than the last due date needs, for the owner beside the bar. */
  self->n_units = (last - first) / per_unit + 2;
  self->unit_width = per_unit == 3 ? QUARTER_WIDTH : MONTH_WIDTH;

  min_units = per_unit == 3 ? MIN_UNITS_QUARTER : MIN_UNITS_MONTH;
  self->n_units = MAX (self->n_units, min_units);
}

/**
 * tps_timeline_update:
 *
 * Recomputes the layout from @project's measures. Call it when the
 * measures, the scale, the grouping or today changed.
 */
void
tps_timeline_update (TpsTimeline *self,
                     TpsProject  *project)
{
  GListModel *measures;
  Builder b = { 0 };
  guint n;

  g_return_if_fail (TPS_IS_TIMELINE (self));
  g_return_if_fail (TPS_IS_PROJECT (project));

  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->refs, 0);
  g_ptr_array_set_size (self->labels, 0);

  b.self = self;
  b.items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  b.children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_array_unref);
  b.has_dated = g_hash_table_new (NULL, NULL);
  b.placed = g_hash_table_new (NULL, NULL);
  b.y = HEADER_HEIGHT;

  measures = tps_project_get_measures (project);
  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      SortItem item = { measure, i, { 0 }, FALSE };
      GDate due;

      item.dated = measure_dates (measure, &item.start, &due);
      g_array_append_val (b.items, item);
    }

  compute_axis (self, b.items);

  if (self->grouping == TPS_TIMELINE_GROUP_BY_TYPE)
    build_by_type (&b);
  else
    build_by_parent (&b, project);

  /* Everything not placed yet has no dates, and neither has anything below it. */
  {
    gboolean heading = FALSE;

    for (guint i = 0; i < b.items->len; i++)
      {
        TpsMeasure *measure = g_array_index (b.items, SortItem, i).measure;

        if (g_hash_table_contains (b.placed, measure))
          continue;

        if (!heading)
          add_group_row (&b, _("Not scheduled"));
        heading = TRUE;
        add_measure_row (&b, measure, 0, FALSE);
      }
  }

  for (guint i = 0; i < self->rows->len; i++)
    {
      TpsTimelineRow *row = &g_array_index (self->rows, TpsTimelineRow, i);
      GDate start, due;

      if (row->kind != TPS_TIMELINE_ROW_MEASURE || !measure_dates (row->measure, &start, &due))
        continue;

      g_date_add_days (&due, 1);
      row->bar_x0 = tps_timeline_x_for_date (self, &start);
      row->bar_x1 = tps_timeline_x_for_date (self, &due);
    }

  self->height = b.y + BOTTOM_PADDING;

  g_array_unref (b.items);
  g_hash_table_unref (b.children);
  g_hash_table_unref (b.has_dated);
  g_hash_table_unref (b.placed);
}

double
tps_timeline_get_width (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), 0);
  return LABEL_WIDTH + self->n_units * self->unit_width;
}

double
tps_timeline_get_height (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), 0);
  return self->height;
}

double
tps_timeline_get_label_width (TpsTimeline *self)
{
  return LABEL_WIDTH;
}

/* Legend and the two header lines: what stays visible while rows scroll. */
double
tps_timeline_get_header_height (TpsTimeline *self)
{
  return HEADER_HEIGHT;
}

/* The legend strip at the top of the header. */
double
tps_timeline_get_legend_height (TpsTimeline *self)
{
  return LEGEND_HEIGHT;
}

guint
tps_timeline_get_n_rows (TpsTimeline *self)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), 0);
  return self->rows->len;
}

/* Returns: (transfer none): the row, valid until the next update */
const TpsTimelineRow *
tps_timeline_get_row (TpsTimeline *self,
                      guint        index)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, TpsTimelineRow, index);
}

const TpsTimelineRow *
tps_timeline_find_row (TpsTimeline *self,
                       TpsMeasure  *measure)
{
  g_return_val_if_fail (TPS_IS_TIMELINE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const TpsTimelineRow *row = &g_array_index (self->rows, TpsTimelineRow, i);

      if (row->measure == measure)
        return row;
    }

  return NULL;
}

/* Rows are sorted by y, so the row under a point is a binary search. */
static const TpsTimelineRow *
row_at_y (TpsTimeline *self,
          double       y)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TpsTimelineRow *row = &g_array_index (self->rows, TpsTimelineRow, mid);

      if (y < row->y)
        hi = mid;
      else if (y >= row->y + row->height)
        lo = mid + 1;
      else
        return row;
    }

  return NULL;
}

/**
 * tps_timeline_hit_test:
 * @measure: (out) (optional) (transfer none): the measure hit
 *
 * What lies at (@x, @y). A bar's ends win over its body within a few
 * units, so short bars can still be stretched; on a bar too short for both
 * ends and a body, the nearer end wins.
 */
TpsTimelineHit
tps_timeline_hit_test (TpsTimeline  *self,
                       double        x,
                       double        y,
                       TpsMeasure  **measure)
{
  const TpsTimelineRow *row;

  g_return_val_if_fail (TPS_IS_TIMELINE (self), TPS_TIMELINE_HIT_NONE);

  if (measure != NULL)
    *measure = NULL;

  row = row_at_y (self, y);
  if (row == NULL || row->kind != TPS_TIMELINE_ROW_MEASURE)
    return TPS_TIMELINE_HIT_NONE;

  if (x >= 0 && x < LABEL_WIDTH)
    {
      if (measure != NULL)
        *measure = row->measure;
      return TPS_TIMELINE_HIT_LABEL;
    }

  if (!row->scheduled || x < row->bar_x0 - HANDLE_SLOP || x > row->bar_x1 + HANDLE_SLOP)
    return TPS_TIMELINE_HIT_NONE;

  if (measure != NULL)
    *measure = row->measure;

  if (row->milestone && row->bar_x1 - row->bar_x0 < 3 * HANDLE_SLOP)
    return TPS_TIMELINE_HIT_BAR;

  if (row->bar_x1 - row->bar_x0 < 4 * HANDLE_SLOP)
    return x < (row->bar_x0 + row->bar_x1) / 2 ? TPS_TIMELINE_HIT_START : TPS_TIMELINE_HIT_DUE;

  if (x <= row->bar_x0 + HANDLE_SLOP)
    return TPS_TIMELINE_HIT_START;
  if (x >= row->bar_x1 - HANDLE_SLOP)
    return TPS_TIMELINE_HIT_DUE;

  return TPS_TIMELINE_HIT_BAR;
}

/* Drawing */

static void
draw_legend (TpsTimeline *self,
             cairo_t     *cr,
             gboolean     dark)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  g_autoptr(PangoLayout) layout = tps_draw_layout_new (cr, 11, FALSE);
  double x = 12;
  double cy = LEGEND_HEIGHT / 2;

  for (guint s = 0; s <= TPS_MEASURE_STATUS_DROPPED; s++)
    {
      set_status_source (cr, s, dark);
      tps_draw_rounded_rect (cr, x, cy - 5, 18, 10, 3);
      cairo_fill (cr);
      tps_color_set_source (cr, &theme->text, 1);
      x += 24 + tps_draw_text_line (cr, layout, tps_enum_get_label (TPS_TYPE_MEASURE_STATUS, s),
                                    x + 24, cy, 0, -1) + 16;
    }

  /* Overdue: the red outline the bars get. */
  tps_color_set_source (cr, &theme->overdue, 1);
  cairo_set_line_width (cr, 2);
  tps_draw_rounded_rect (cr, x + 1, cy - 5, 16, 10, 3);
  cairo_stroke (cr);
  tps_color_set_source (cr, &theme->text, 1);
  x += 24 + tps_draw_text_line (cr, layout, _("Overdue"), x + 24, cy, 0, -1) + 16;

  tps_color_set_source (cr, &theme->overdue, 1);
  cairo_rectangle (cr, x + 8, cy - 8, 2, 16);
  cairo_fill (cr);
  tps_color_set_source (cr, &theme->text, 1);
  tps_draw_text_line (cr, layout, _("Today"), x + 18, cy, 0, -1);
}

static void
draw_header (TpsTimeline *self,
             cairo_t     *cr,
             gboolean     dark,
             double       width)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  g_autoptr(PangoLayout) layout = tps_draw_layout_new (cr, 11, FALSE);
  g_autoptr(PangoLayout) bold = tps_draw_layout_new (cr, 11, TRUE);
  double top = LEGEND_HEIGHT;
  int last_year = G_MININT;

  tps_color_set_source (cr, &theme->header, 1);
  cairo_rectangle (cr, 0, top, width, YEAR_HEIGHT + UNIT_HEIGHT);
  cairo_fill (cr);

  tps_color_set_source (cr, &theme->text, 1);
  tps_draw_text_line (cr, bold, _("Measure"), 12, top + (YEAR_HEIGHT + UNIT_HEIGHT) / 2, 0,
                      LABEL_WIDTH - 24);

  for (guint u = 0; u < self->n_units; u++)
    {
      GDate start;
      double x = LABEL_WIDTH + u * self->unit_width;
      g_autofree char *label = NULL;
      g_autoptr(GDateTime) dt = NULL;

      unit_start (self, u, &start);
      dt = g_date_time_new_local (g_date_get_year (&start), g_date_get_month (&start), 1,
                                  12, 0, 0);

      if (self->effective_scale == TPS_TIMELINE_SCALE_QUARTER)
        /* Translators: a quarter of the year in the timeline header, e.g. "Q3" */
        label = g_strdup_printf (_("Q%d"), (g_date_get_month (&start) - 1) / 3 + 1);
      else
        /* The month's localized abbreviated name ("Jan", "Mär"). */
        label = g_date_time_format (dt, "%b");

      tps_color_set_source (cr, &theme->text, 1);
      tps_draw_text_line (cr, layout, label, x + 8, top + YEAR_HEIGHT + UNIT_HEIGHT / 2, 0,
                          self->unit_width - 12);

      if (g_date_get_year (&start) != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&start));

          last_year = g_date_get_year (&start);
          tps_draw_text_line (cr, bold, year, x + 8, top + YEAR_HEIGHT / 2 + 2, 0, -1);
          tps_color_set_source (cr, &theme->grid_strong, 1);
          cairo_rectangle (cr, x, top, 1, YEAR_HEIGHT + UNIT_HEIGHT);
          cairo_fill (cr);
        }
      else
        {
          tps_color_set_source (cr, &theme->grid, 1);
          cairo_rectangle (cr, x, top + YEAR_HEIGHT, 1, UNIT_HEIGHT);
          cairo_fill (cr);
        }
    }

  tps_color_set_source (cr, &theme->grid_strong, 1);
  cairo_rectangle (cr, 0, HEADER_HEIGHT - 1, width, 1);
  cairo_fill (cr);
}

static void
draw_bar (TpsTimeline          *self,
          cairo_t              *cr,
          const TpsTimelineRow *row,
          gboolean              dark,
          PangoLayout          *small)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  TpsMeasureStatus status = tps_measure_get_status (row->measure);
  double cy = row->y + row->height / 2;
  double x0 = row->bar_x0;
  double x1 = MAX (row->bar_x1, row->bar_x0 + 3);
  double text_x;

  set_status_source (cr, status, dark);

  if (row->milestone)
    {
      double cx = (x0 + x1) / 2;

      tps_draw_path_diamond (cr, cx, cy, BAR_HEIGHT / 2 + 1, BAR_HEIGHT / 2 + 1);
      cairo_fill_preserve (cr);
      if (row->overdue)
        {
          tps_color_set_source (cr, &theme->overdue, 1);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
      text_x = cx + BAR_HEIGHT / 2 + 6;
    }
  else if (row->has_children)
    {
      /* A summary bar, as plans draw a measure with sub-projects: a
       * slimmer band with downward ticks at both ends.
       */
      double top = cy - BAR_HEIGHT / 2 + 2;

      cairo_rectangle (cr, x0, top, x1 - x0, 8);
      cairo_move_to (cr, x0, top + 8);
      cairo_line_to (cr, x0 + 7, top + 8);
      cairo_line_to (cr, x0, top + 14);
      cairo_close_path (cr);
      cairo_move_to (cr, x1, top + 8);
      cairo_line_to (cr, x1 - 7, top + 8);
      cairo_line_to (cr, x1, top + 14);
      cairo_close_path (cr);
      cairo_fill (cr);
      if (row->overdue)
        {
          tps_color_set_source (cr, &theme->overdue, 1);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, x0, top, x1 - x0, 8);
          cairo_stroke (cr);
        }
      text_x = x1 + 8;
    }
  else
    {
      tps_draw_rounded_rect (cr, x0, cy - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT, 4);
      cairo_fill (cr);
      if (row->overdue)
        {
          tps_color_set_source (cr, &theme->overdue, 1);
          cairo_set_line_width (cr, 2);
          tps_draw_rounded_rect (cr, x0 + 1, cy - BAR_HEIGHT / 2 + 1, x1 - x0 - 2, BAR_HEIGHT - 2,
                                 3);
          cairo_stroke (cr);
        }
      text_x = x1 + 8;
    }

  /* The owner beside the bar, so a printed plan says who does what; an
   * overdue bar says so in words too, not only in red.
   */
  if (row->overdue)
    {
      tps_color_set_source (cr, &theme->overdue, 1);
      text_x += tps_draw_text_line (cr, small, _("Overdue"), text_x, cy, 0, -1) + 8;
    }

  if (tps_measure_get_owner (row->measure) != NULL)
    {
      tps_color_set_source (cr, &theme->muted, 1);
      tps_draw_text_line (cr, small, tps_measure_get_owner (row->measure), text_x, cy, 0, -1);
    }
}

/**
 * tps_timeline_draw:
 * @dark: whether to use the dark palette
 *
 * Draws the whole timeline at the origin of @cr in layout units; callers
 * translate and scale for scrolling, zoom or a PDF page. Rows outside the
 * clip are skipped, so a scrolled view only pays for what it shows.
 */
void
tps_timeline_draw (TpsTimeline *self,
                   cairo_t     *cr,
                   gboolean     dark)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  double width = tps_timeline_get_width (self);
  double clip_x0, clip_y0, clip_x1, clip_y1;
  g_autoptr(PangoLayout) normal = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoLayout) small = NULL;
  double today_x;

  g_return_if_fail (TPS_IS_TIMELINE (self));

  cairo_save (cr);
  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);

  normal = tps_draw_layout_new (cr, 12.5, FALSE);
  bold = tps_draw_layout_new (cr, 12.5, TRUE);
  small = tps_draw_layout_new (cr, 10.5, FALSE);

  tps_color_set_source (cr, &theme->page, 1);
  cairo_rectangle (cr, 0, 0, width, self->height);
  cairo_fill (cr);

  /* Unit grid under the rows. */
  for (guint u = 0; u <= self->n_units; u++)
    {
      GDate start;
      double x = LABEL_WIDTH + u * self->unit_width;

      unit_start (self, u, &start);
      tps_color_set_source (cr, g_date_get_month (&start) == 1 ? &theme->grid_strong
                                                               : &theme->grid, 1);
      cairo_rectangle (cr, x, HEADER_HEIGHT, 1, self->height - HEADER_HEIGHT);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      const TpsTimelineRow *row = &g_array_index (self->rows, TpsTimelineRow, i);
      double cy = row->y + row->height / 2;

      if (row->y > clip_y1 || row->y + row->height < clip_y0)
        continue;

      if (row->kind == TPS_TIMELINE_ROW_GROUP)
        {
          tps_color_set_source (cr, &theme->group, 1);
          cairo_rectangle (cr, 0, row->y, width, row->height);
          cairo_fill (cr);
          tps_color_set_source (cr, &theme->text, 1);
          tps_draw_text_line (cr, bold, row->label, 12, cy, 0, LABEL_WIDTH - 24);
          continue;
        }

      if (row->measure == self->highlight)
        {
          tps_color_set_source (cr, &theme->accent, 0.16);
          cairo_rectangle (cr, 0, row->y, width, row->height);
          cairo_fill (cr);
          tps_color_set_source (cr, &theme->accent, 1);
          cairo_rectangle (cr, 0, row->y, 3, row->height);
          cairo_fill (cr);
        }
      else if (i % 2 == 1)
        {
          tps_color_set_source (cr, &theme->stripe, 0.7);
          cairo_rectangle (cr, 0, row->y, LABEL_WIDTH, row->height);
          cairo_fill (cr);
        }

      {
        double indent = 12 + row->depth * INDENT;
        PangoLayout *layout = row->has_children ? bold : normal;
        const char *title = tps_measure_get_title (row->measure);
        TpsMeasureStatus status = tps_measure_get_status (row->measure);
        g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

        if (row->depth > 0)
          {
            /* A short elbow shows the sub-project hangs below the one above. */
            tps_color_set_source (cr, &theme->grid_strong, 1);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, indent - INDENT + 5.5, row->y);
            cairo_line_to (cr, indent - INDENT + 5.5, cy + 0.5);
            cairo_line_to (cr, indent - 3, cy + 0.5);
            cairo_stroke (cr);
          }

        if (status == TPS_MEASURE_STATUS_DROPPED)
          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
        pango_layout_set_attributes (layout, attrs);
        tps_color_set_source (cr, status == TPS_MEASURE_STATUS_DROPPED ? &theme->muted
                                                                       : &theme->text, 1);
        tps_draw_text_line (cr, layout, title != NULL && *title ? title : _("Untitled"), indent,
                            cy, 0, LABEL_WIDTH - indent - 12);
        pango_layout_set_attributes (layout, NULL);
      }

      if (row->scheduled)
        draw_bar (self, cr, row, dark, small);
    }

  tps_color_set_source (cr, &theme->grid_strong, 1);
  cairo_rectangle (cr, LABEL_WIDTH - 1, LEGEND_HEIGHT, 1, self->height - LEGEND_HEIGHT);
  cairo_fill (cr);

  draw_header (self, cr, dark, width);

  today_x = tps_timeline_get_today_x (self);
  if (today_x >= LABEL_WIDTH && today_x <= width)
    {
      g_autoptr(PangoLayout) tag = tps_draw_layout_new (cr, 10, TRUE);
      int w, h;

      tps_color_set_source (cr, &theme->overdue, 1);
      cairo_rectangle (cr, today_x - 1, LEGEND_HEIGHT + YEAR_HEIGHT, 2,
                       self->height - LEGEND_HEIGHT - YEAR_HEIGHT);
      cairo_fill (cr);

      pango_layout_set_text (tag, _("Today"), -1);
      pango_layout_get_pixel_size (tag, &w, &h);
      tps_draw_rounded_rect (cr, today_x - w / 2.0 - 5, LEGEND_HEIGHT + 2, w + 10, YEAR_HEIGHT - 4,
                             4);
      cairo_fill (cr);
      /* White on the dark red, near-black on the light red of dark mode. */
      {
        TpsColor ink;

        tps_palette_get (dark ? TPS_PALETTE_PAGE : TPS_PALETTE_CARD, dark, &ink);
        tps_color_set_source (cr, &ink, 1);
      }
      cairo_move_to (cr, today_x - w / 2.0, LEGEND_HEIGHT + YEAR_HEIGHT / 2 - h / 2.0);
      pango_cairo_show_layout (cr, tag);
    }

  draw_legend (self, cr, dark);

  cairo_restore (cr);
}
