/* test-planner.c — geometry of the measures timeline and the impact/effort matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "tps-effort-matrix.h"
#include "tps-project-io.h"
#include "tps-timeline.h"

static TpsProject *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "de",
                                                 "stadtwerke.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static TpsMeasure *
add (TpsProject       *project,
     const char       *id,
     const char       *start,
     const char       *due,
     TpsMeasureStatus  status)
{
  g_autoptr(TpsMeasure) measure = tps_measure_new (id);

  tps_measure_set_title (measure, id);
  tps_measure_set_start (measure, start);
  tps_measure_set_due (measure, due);
  tps_measure_set_status (measure, status);
  g_list_store_append (G_LIST_STORE (tps_project_get_measures (project)), measure);
  return measure;
}

static GDate *
date (const char *iso)
{
  GDate *d = g_date_new ();
  guint y, m, day;

  g_assert_cmpint (sscanf (iso, "%4u-%2u-%2u", &y, &m, &day), ==, 3);
  g_date_set_dmy (d, day, m, y);
  return d;
}

static double
x_of (TpsTimeline *timeline,
      const char  *iso)
{
  g_autoptr(GDate) d = date (iso);

  return tps_timeline_x_for_date (timeline, d);
}

/* A bar runs from the start of its start day to the end of its due day,
 * and a month is one unit wide whatever its number of days.
 */
static void
test_timeline_bar_from_dates (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  TpsMeasure *january = add (project, "jan", "2026-01-01", "2026-01-31",
                             TPS_MEASURE_STATUS_PLANNED);
  TpsMeasure *mid = add (project, "mid", "2026-02-15", "2026-03-14", TPS_MEASURE_STATUS_PLANNED);
  const TpsTimelineRow *row;
  double unit;

  tps_timeline_set_today (timeline, "2026-01-10");
  tps_timeline_set_scale (timeline, TPS_TIMELINE_SCALE_MONTH);
  tps_timeline_update (timeline, project);

  unit = x_of (timeline, "2026-02-01") - x_of (timeline, "2026-01-01");
  g_assert_cmpfloat (unit, >, 0);
  g_assert_cmpfloat_with_epsilon (x_of (timeline, "2026-03-01") - x_of (timeline, "2026-02-01"),
                                  unit, 1e-9);

  row = tps_timeline_find_row (timeline, january);
  g_assert_nonnull (row);
  g_assert_true (row->scheduled);
  g_assert_cmpfloat_with_epsilon (row->bar_x0, x_of (timeline, "2026-01-01"), 1e-9);
  g_assert_cmpfloat_with_epsilon (row->bar_x1 - row->bar_x0, unit, 1e-9);
  /* The axis starts at the month of the earliest date, right of the labels. */
  g_assert_cmpfloat_with_epsilon (row->bar_x0, tps_timeline_get_label_width (timeline), 1e-9);

  /* Mid-month: 14 of February's 28 days have passed. */
  row = tps_timeline_find_row (timeline, mid);
  g_assert_cmpfloat_with_epsilon (row->bar_x0, x_of (timeline, "2026-02-01") + unit * 14 / 28,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (row->bar_x1, x_of (timeline, "2026-03-01") + unit * 14 / 31,
                                  1e-9);
  g_assert_cmpfloat (tps_timeline_get_width (timeline), >=, row->bar_x1);
}

/* x → date is the inverse of date → x, snapped to the nearest day boundary. */
static void
test_timeline_date_round_trip (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  TpsTimelineScale scales[] = { TPS_TIMELINE_SCALE_MONTH, TPS_TIMELINE_SCALE_QUARTER };

  tps_timeline_set_today (timeline, "2026-10-19");
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(GDate) day = date ("2025-01-01");

      tps_timeline_set_scale (timeline, scales[s]);
      tps_timeline_update (timeline, project);

      for (guint i = 0; i < 800; i++, g_date_add_days (day, 1))
        {
          GDate back, next = *day;
          double x = tps_timeline_x_for_date (timeline, day);
          double day_width;

          g_date_add_days (&next, 1);
          day_width = tps_timeline_x_for_date (timeline, &next) - x;
          g_assert_cmpfloat (day_width, >, 0);

          g_assert_true (tps_timeline_date_at_x (timeline, x, &back));
          g_assert_cmpint (g_date_compare (&back, day), ==, 0);
          g_assert_true (tps_timeline_date_at_x (timeline, x + 0.4 * day_width, &back));
          g_assert_cmpint (g_date_compare (&back, day), ==, 0);
          g_assert_true (tps_timeline_date_at_x (timeline, x - 0.4 * day_width, &back));
          g_assert_cmpint (g_date_compare (&back, day), ==, 0);
        }
    }
}

static void
test_timeline_scale_auto (void)
{
  g_autoptr(TpsProject) short_plan = tps_project_new ();
  g_autoptr(TpsProject) example = load_example ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  double quarter;

  add (short_plan, "a", "2026-01-05", "2026-09-30", TPS_MEASURE_STATUS_PLANNED);
  tps_timeline_set_today (timeline, "2026-03-01");
  tps_timeline_update (timeline, short_plan);
  g_assert_cmpint (tps_timeline_get_effective_scale (timeline), ==, TPS_TIMELINE_SCALE_MONTH);

  /* The example runs from March 2025 to March 2027: quarters. */
  tps_timeline_set_today (timeline, "2026-10-19");
  tps_timeline_update (timeline, example);
  g_assert_cmpint (tps_timeline_get_effective_scale (timeline), ==, TPS_TIMELINE_SCALE_QUARTER);
  /* Quarter units start on the quarter's first day, before the earliest start. */
  g_assert_cmpfloat_with_epsilon (x_of (timeline, "2025-01-01"),
                                  tps_timeline_get_label_width (timeline), 1e-9);
  quarter = x_of (timeline, "2025-04-01") - x_of (timeline, "2025-01-01");
  g_assert_cmpfloat_with_epsilon (x_of (timeline, "2025-07-01") - x_of (timeline, "2025-04-01"),
                                  quarter, 1e-9);
  g_assert_cmpfloat (tps_timeline_get_width (timeline), >=, x_of (timeline, "2027-04-01"));

  /* An explicit scale wins over the span. */
  tps_timeline_set_scale (timeline, TPS_TIMELINE_SCALE_MONTH);
  tps_timeline_update (timeline, example);
  g_assert_cmpint (tps_timeline_get_effective_scale (timeline), ==, TPS_TIMELINE_SCALE_MONTH);
}

/* Overdue: due before today and not rolled out, done or dropped. */
static void
test_timeline_overdue (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  TpsMeasure *late = add (project, "late", "2026-01-01", "2026-05-31",
                          TPS_MEASURE_STATUS_IN_PROGRESS);
  TpsMeasure *late_pilot = add (project, "pilot", NULL, "2026-05-01", TPS_MEASURE_STATUS_PILOT);
  TpsMeasure *due_today = add (project, "today", "2026-01-01", "2026-06-01",
                               TPS_MEASURE_STATUS_PLANNED);
  TpsMeasure *done = add (project, "done", "2026-01-01", "2026-05-31", TPS_MEASURE_STATUS_DONE);
  TpsMeasure *rolled = add (project, "rolled", "2026-01-01", "2026-05-31",
                            TPS_MEASURE_STATUS_ROLLED_OUT);
  TpsMeasure *dropped = add (project, "dropped", "2026-01-01", "2026-05-31",
                             TPS_MEASURE_STATUS_DROPPED);
  TpsMeasure *future = add (project, "future", "2026-07-01", "2026-08-31",
                            TPS_MEASURE_STATUS_IDEA);

  tps_timeline_set_today (timeline, "2026-06-01");
  tps_timeline_update (timeline, project);

  g_assert_true (tps_timeline_find_row (timeline, late)->overdue);
  g_assert_true (tps_timeline_find_row (timeline, late_pilot)->overdue);
  g_assert_false (tps_timeline_find_row (timeline, due_today)->overdue);
  g_assert_false (tps_timeline_find_row (timeline, done)->overdue);
  g_assert_false (tps_timeline_find_row (timeline, rolled)->overdue);
  g_assert_false (tps_timeline_find_row (timeline, dropped)->overdue);
  g_assert_false (tps_timeline_find_row (timeline, future)->overdue);

  /* A day later the measure due today is late too. */
  tps_timeline_set_today (timeline, "2026-06-02");
  tps_timeline_update (timeline, project);
  g_assert_true (tps_timeline_find_row (timeline, due_today)->overdue);
  g_assert_cmpfloat (tps_timeline_get_today_x (timeline), >,
                     tps_timeline_find_row (timeline, late)->bar_x1);
}

static guint
row_index (TpsTimeline *timeline,
           const char  *id)
{
  for (guint i = 0; i < tps_timeline_get_n_rows (timeline); i++)
    {
      const TpsTimelineRow *row = tps_timeline_get_row (timeline, i);

      if (row->measure != NULL
          && g_strcmp0 (tps_object_get_id (TPS_OBJECT (row->measure)), id) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* Sub-projects follow their parent, one level deeper, by start date;
 * measures without dates end up in the "not scheduled" group at the end.
 */
static void
test_timeline_rows_by_parent (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  guint parent, n;
  const TpsTimelineRow *row;
  double y = -1;

  tps_timeline_set_today (timeline, "2026-10-19");
  tps_timeline_update (timeline, project);

  n = tps_timeline_get_n_rows (timeline);
  g_assert_cmpuint (n, ==, 18 + 1);

  parent = row_index (timeline, "x-hotline");
  g_assert_true (tps_timeline_get_row (timeline, parent)->has_children);
  g_assert_cmpuint (tps_timeline_get_row (timeline, parent)->depth, ==, 0);
  g_assert_cmpuint (row_index (timeline, "x-hotline-callback"), ==, parent + 1);
  g_assert_cmpuint (row_index (timeline, "x-hotline-training"), ==, parent + 2);
  g_assert_cmpuint (row_index (timeline, "x-hotline-peak"), ==, parent + 3);
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpuint (tps_timeline_get_row (timeline, parent + i)->depth, ==, 1);

  row = tps_timeline_get_row (timeline, n - 2);
  g_assert_cmpint (row->kind, ==, TPS_TIMELINE_ROW_GROUP);
  g_assert_cmpstr (row->label, ==, "Not scheduled");
  g_assert_cmpuint (row_index (timeline, "x-outage-push"), ==, n - 1);
  g_assert_false (tps_timeline_get_row (timeline, n - 1)->scheduled);

  /* Rows stack without gaps or overlaps. */
  for (guint i = 0; i < n; i++)
    {
      row = tps_timeline_get_row (timeline, i);
      if (y >= 0)
        g_assert_cmpfloat_with_epsilon (row->y, y, 1e-9);
      y = row->y + row->height;
    }
  g_assert_cmpfloat (tps_timeline_get_height (timeline), >=, y);
}

/* A parent without dates stays in the plan when a sub-project has dates. */
static void
test_timeline_undated_parent (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  TpsMeasure *parent = add (project, "parent", NULL, NULL, TPS_MEASURE_STATUS_IDEA);
  TpsMeasure *child = add (project, "child", "2026-03-01", "2026-04-30",
                           TPS_MEASURE_STATUS_PLANNED);

  tps_measure_set_parent_id (child, "parent");
  tps_timeline_set_today (timeline, "2026-03-01");
  tps_timeline_update (timeline, project);

  g_assert_cmpuint (tps_timeline_get_n_rows (timeline), ==, 2);
  g_assert_true (tps_timeline_get_row (timeline, 0)->measure == parent);
  g_assert_false (tps_timeline_get_row (timeline, 0)->scheduled);
  g_assert_true (tps_timeline_get_row (timeline, 1)->measure == child);
  g_assert_cmpuint (tps_timeline_get_row (timeline, 1)->depth, ==, 1);
}

static void
test_timeline_rows_by_type (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  int last_type = -1;
  guint groups = 0;

  tps_timeline_set_today (timeline, "2026-10-19");
  tps_timeline_set_grouping (timeline, TPS_TIMELINE_GROUP_BY_TYPE);
  tps_timeline_update (timeline, project);

  for (guint i = 0; i < tps_timeline_get_n_rows (timeline); i++)
    {
      const TpsTimelineRow *row = tps_timeline_get_row (timeline, i);

      if (row->kind == TPS_TIMELINE_ROW_GROUP)
        {
          groups++;
          last_type = -1;
          for (guint t = 0; t < tps_enum_get_n_values (TPS_TYPE_MEASURE_TYPE); t++)
            if (g_strcmp0 (row->label, tps_enum_get_label (TPS_TYPE_MEASURE_TYPE, t)) == 0)
              last_type = t;
          continue;
        }

      g_assert_cmpuint (row->depth, ==, 0);
      if (row->scheduled)
        g_assert_cmpint (tps_measure_get_kind (row->measure), ==, last_type);
    }

  /* Five types in the example, plus "not scheduled". */
  g_assert_cmpuint (groups, ==, 6);
}

static void
test_timeline_hit_test (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  TpsMeasure *measure = add (project, "a", "2026-02-01", "2026-05-31",
                             TPS_MEASURE_STATUS_PLANNED);
  TpsMeasure *hit = NULL;
  const TpsTimelineRow *row;
  double cy;

  tps_timeline_set_today (timeline, "2026-03-01");
  tps_timeline_set_scale (timeline, TPS_TIMELINE_SCALE_MONTH);
  tps_timeline_update (timeline, project);
  row = tps_timeline_find_row (timeline, measure);
  cy = row->y + row->height / 2;

  g_assert_cmpint (tps_timeline_hit_test (timeline, row->bar_x0 + 1, cy, &hit), ==,
                   TPS_TIMELINE_HIT_START);
  g_assert_true (hit == measure);
  g_assert_cmpint (tps_timeline_hit_test (timeline, row->bar_x1 - 1, cy, &hit), ==,
                   TPS_TIMELINE_HIT_DUE);
  g_assert_cmpint (tps_timeline_hit_test (timeline, (row->bar_x0 + row->bar_x1) / 2, cy, &hit),
                   ==, TPS_TIMELINE_HIT_BAR);
  g_assert_cmpint (tps_timeline_hit_test (timeline, 20, cy, &hit), ==, TPS_TIMELINE_HIT_LABEL);
  g_assert_cmpint (tps_timeline_hit_test (timeline, row->bar_x1 + 40, cy, &hit), ==,
                   TPS_TIMELINE_HIT_NONE);
  g_assert_null (hit);
  g_assert_cmpint (tps_timeline_hit_test (timeline, row->bar_x0 + 10, 5, &hit), ==,
                   TPS_TIMELINE_HIT_NONE);
}

/* The quadrant lines follow the quick-win rule exactly. */
static void
test_matrix_quadrants (void)
{
  for (int e = TPS_SCORE_MIN; e <= TPS_SCORE_MAX; e++)
    for (int i = TPS_SCORE_MIN; i <= TPS_SCORE_MAX; i++)
      {
        g_autoptr(TpsMeasure) measure = tps_measure_new ("m");
        TpsQuadrant q = tps_quadrant_for_scores (e, i);

        tps_measure_set_effort (measure, e);
        tps_measure_set_impact (measure, i);
        g_assert_cmpint (q == TPS_QUADRANT_QUICK_WINS, ==, tps_measure_is_quick_win (measure));
        if (i >= 4 && e >= 3)
          g_assert_cmpint (q, ==, TPS_QUADRANT_MAJOR_PROJECTS);
        if (i <= 3 && e <= 2)
          g_assert_cmpint (q, ==, TPS_QUADRANT_FILL_INS);
        if (i <= 3 && e >= 3)
          g_assert_cmpint (q, ==, TPS_QUADRANT_TIME_SINKS);
      }

  g_assert_cmpstr (tps_quadrant_get_label (TPS_QUADRANT_QUICK_WINS), ==, "Quick Wins");
  g_assert_cmpstr (tps_quadrant_get_label (TPS_QUADRANT_TIME_SINKS), ==, "Time sinks");
}

static gboolean
inside (const cairo_rectangle_t *r,
        double                   x,
        double                   y,
        double                   radius)
{
  return x - radius >= r->x && x + radius <= r->x + r->width
         && y - radius >= r->y && y + radius <= r->y + r->height;
}

/* Every marker lies inside its own cell; quick wins in the quick-win quadrant. */
static void
test_matrix_markers_in_cells (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  cairo_rectangle_t plot, quick_wins;
  guint n_quick_wins = 0;

  tps_effort_matrix_update (matrix, project, 1100, 700);
  g_assert_cmpuint (tps_effort_matrix_get_n_markers (matrix), ==, 18);
  tps_effort_matrix_get_plot_area (matrix, &plot);
  quick_wins.x = plot.x;
  quick_wins.y = plot.y;
  quick_wins.width = plot.width * 2 / 5;
  quick_wins.height = plot.height * 2 / 5;

  for (guint i = 0; i < tps_effort_matrix_get_n_markers (matrix); i++)
    {
      const TpsMatrixMarker *m = tps_effort_matrix_get_marker (matrix, i);
      cairo_rectangle_t cell;

      tps_effort_matrix_get_cell (matrix, tps_measure_get_effort (m->measure),
                                  tps_measure_get_impact (m->measure), &cell);
      g_assert_true (inside (&cell, m->x, m->y, m->radius));
      g_assert_cmpint (m->quick_win, ==, tps_measure_is_quick_win (m->measure));
      g_assert_cmpint (m->quick_win, ==, inside (&quick_wins, m->x, m->y, m->radius));
      g_assert_cmpuint (m->number, ==, i + 1);
      if (m->quick_win)
        n_quick_wins++;
    }

  g_assert_cmpuint (n_quick_wins, ==, 6);
}

static void
assert_no_overlap (TpsEffortMatrix *matrix)
{
  guint n = tps_effort_matrix_get_n_markers (matrix);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const TpsMatrixMarker *a = tps_effort_matrix_get_marker (matrix, i);
        const TpsMatrixMarker *b = tps_effort_matrix_get_marker (matrix, j);

        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, a->radius + b->radius);
      }
}

/* Measures sharing a cell are spread, even when many crowd one cell. */
static void
test_matrix_no_overlap (void)
{
  g_autoptr(TpsProject) example = load_example ();
  g_autoptr(TpsProject) crowded = tps_project_new ();
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  cairo_rectangle_t cell;

  tps_effort_matrix_update (matrix, example, 1100, 700);
  assert_no_overlap (matrix);

  for (guint i = 0; i < 23; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      TpsMeasure *m = add (crowded, id, NULL, NULL, TPS_MEASURE_STATUS_IDEA);

      tps_measure_set_effort (m, 1);
      tps_measure_set_impact (m, 5);
    }
  add (crowded, "alone", NULL, NULL, TPS_MEASURE_STATUS_IDEA);

  tps_effort_matrix_update (matrix, crowded, 600, 500);
  assert_no_overlap (matrix);
  tps_effort_matrix_get_cell (matrix, 1, 5, &cell);
  for (guint i = 0; i < 23; i++)
    {
      const TpsMatrixMarker *m = tps_effort_matrix_get_marker (matrix, i);

      g_assert_true (inside (&cell, m->x, m->y, m->radius));
      g_assert_cmpfloat (m->radius, >=, 2);
    }
}

/* The centre of each cell maps back to that cell's scores, and so does
 * every marker; dragging past the edge clamps to the edge.
 */
static void
test_matrix_score_round_trip (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  cairo_rectangle_t plot;
  int effort, impact;

  tps_effort_matrix_update (matrix, project, 900, 640);

  for (int e = TPS_SCORE_MIN; e <= TPS_SCORE_MAX; e++)
    for (int i = TPS_SCORE_MIN; i <= TPS_SCORE_MAX; i++)
      {
        cairo_rectangle_t cell;

        tps_effort_matrix_get_cell (matrix, e, i, &cell);
        g_assert_true (tps_effort_matrix_score_at (matrix, cell.x + cell.width / 2,
                                                   cell.y + cell.height / 2, &effort, &impact));
        g_assert_cmpint (effort, ==, e);
        g_assert_cmpint (impact, ==, i);
        g_assert_true (tps_effort_matrix_score_at (matrix, cell.x + 1, cell.y + cell.height - 1,
                                                   &effort, &impact));
        g_assert_cmpint (effort, ==, e);
        g_assert_cmpint (impact, ==, i);
      }

  for (guint k = 0; k < tps_effort_matrix_get_n_markers (matrix); k++)
    {
      const TpsMatrixMarker *m = tps_effort_matrix_get_marker (matrix, k);

      g_assert_true (tps_effort_matrix_score_at (matrix, m->x, m->y, &effort, &impact));
      g_assert_cmpint (effort, ==, tps_measure_get_effort (m->measure));
      g_assert_cmpint (impact, ==, tps_measure_get_impact (m->measure));
      g_assert_true (tps_effort_matrix_hit_test (matrix, m->x, m->y) == m->measure);
    }

  tps_effort_matrix_get_plot_area (matrix, &plot);
  g_assert_false (tps_effort_matrix_score_at (matrix, plot.x - 30, plot.y - 30, &effort, &impact));
  g_assert_cmpint (effort, ==, 1);
  g_assert_cmpint (impact, ==, 5);
  g_assert_false (tps_effort_matrix_score_at (matrix, plot.x + plot.width + 30,
                                              plot.y + plot.height + 30, &effort, &impact));
  g_assert_cmpint (effort, ==, 5);
  g_assert_cmpint (impact, ==, 1);
  g_assert_null (tps_effort_matrix_hit_test (matrix, plot.x + plot.width - 2,
                                             plot.y + plot.height - 2));
}

/* The key lists every measure once, grouped by quadrant, and a click on a
 * key row finds its measure; without room for a key there is none.
 */
static void
test_matrix_key (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  double last_y = -1;
  TpsQuadrant last_quadrant = TPS_QUADRANT_QUICK_WINS;

  tps_effort_matrix_update (matrix, project, 1100, 700);
  for (guint i = 0; i < tps_effort_matrix_get_n_markers (matrix); i++)
    {
      const TpsMatrixMarker *m = tps_effort_matrix_get_marker (matrix, i);
      cairo_rectangle_t plot;

      tps_effort_matrix_get_plot_area (matrix, &plot);
      g_assert_cmpfloat (m->key_y, >=, 0);
      g_assert_true (tps_effort_matrix_hit_test (matrix, plot.x + plot.width + 120, m->key_y + 5)
                     == m->measure);
      g_assert_cmpfloat (m->key_y + 5, <=, tps_effort_matrix_get_height (matrix));
    }

  /* Rows run down the key quadrant by quadrant. */
  for (TpsQuadrant q = TPS_QUADRANT_QUICK_WINS; q < TPS_N_QUADRANTS; q++)
    for (guint i = 0; i < tps_effort_matrix_get_n_markers (matrix); i++)
      {
        const TpsMatrixMarker *m = tps_effort_matrix_get_marker (matrix, i);

        if (tps_quadrant_for_scores (tps_measure_get_effort (m->measure),
                                     tps_measure_get_impact (m->measure)) != q)
          continue;
        g_assert_cmpfloat (m->key_y, >, last_y);
        g_assert_cmpint (q, >=, last_quadrant);
        last_y = m->key_y;
        last_quadrant = q;
      }

  tps_effort_matrix_set_show_key (matrix, FALSE);
  tps_effort_matrix_update (matrix, project, 1100, 700);
  g_assert_cmpfloat (tps_effort_matrix_get_marker (matrix, 0)->key_y, <, 0);
}

/* Both renderers draw into any cairo surface without errors: screen and PDF alike. */
static void
test_renderers_draw (void)
{
  g_autoptr(TpsProject) project = load_example ();
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  tps_timeline_set_today (timeline, "2026-10-19");
  tps_timeline_update (timeline, project);
  tps_effort_matrix_update (matrix, project, 900, 600);

  for (int dark = 0; dark <= 1; dark++)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) tps_timeline_get_width (timeline),
                                            (int) tps_timeline_get_height (timeline));
      cr = cairo_create (surface);
      tps_timeline_draw (timeline, cr, dark);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) tps_effort_matrix_get_width (matrix),
                                            (int) tps_effort_matrix_get_height (matrix));
      cr = cairo_create (surface);
      tps_effort_matrix_draw (matrix, cr, dark);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner/timeline/bar-from-dates", test_timeline_bar_from_dates);
  g_test_add_func ("/planner/timeline/date-at-x-round-trips", test_timeline_date_round_trip);
  g_test_add_func ("/planner/timeline/scale-auto-by-span", test_timeline_scale_auto);
  g_test_add_func ("/planner/timeline/overdue-with-fixed-today", test_timeline_overdue);
  g_test_add_func ("/planner/timeline/rows-grouped-by-parent", test_timeline_rows_by_parent);
  g_test_add_func ("/planner/timeline/undated-parent-keeps-sub-projects",
                   test_timeline_undated_parent);
  g_test_add_func ("/planner/timeline/rows-grouped-by-type", test_timeline_rows_by_type);
  g_test_add_func ("/planner/timeline/hit-test-bar-ends", test_timeline_hit_test);
  g_test_add_func ("/planner/matrix/quadrants-follow-quick-win-rule", test_matrix_quadrants);
  g_test_add_func ("/planner/matrix/markers-in-their-cells", test_matrix_markers_in_cells);
  g_test_add_func ("/planner/matrix/no-overlap-in-shared-cell", test_matrix_no_overlap);
  g_test_add_func ("/planner/matrix/position-score-round-trip", test_matrix_score_round_trip);
  g_test_add_func ("/planner/matrix/key-rows-hit-their-measure", test_matrix_key);
  g_test_add_func ("/planner/renderers/draw", test_renderers_draw);

  return g_test_run ();
}
