/* tps-effort-matrix.c
 *
 * The quadrant names sit outside the plot, above and below it, rather than
 * inside a corner: inside they would collide with the markers of a busy
 * corner cell, and "no two things overlap" is what makes the printed matrix
 * readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "tps-draw-private.h"
#include "tps-effort-matrix.h"
#include "tps-i18n-private.h"
#include "tps-timeline.h"

#define N_SCORES        (TPS_SCORE_MAX - TPS_SCORE_MIN + 1)
#define MARGIN_LEFT     64.0
#define MARGIN_TOP      44.0
#define MARGIN_BOTTOM   92.0
#define MARGIN_RIGHT    16.0
#define KEY_GAP         28.0
#define KEY_MIN_WIDTH   240.0
#define KEY_MAX_WIDTH   400.0
#define KEY_ROW         23.0
#define KEY_HEADING     28.0
#define MIN_PLOT        150.0
#define MARKER_GAP      7.0  /* room for the quick-win ring between markers */

struct _TpsEffortMatrix
{
  GObject parent_instance;

  gboolean show_key;
  TpsMeasure *highlight;

  GArray *markers;       /* TpsMatrixMarker */
  GPtrArray *refs;       /* the measures the markers point to */

  double width;
  double height;
  double plot_x;
  double plot_y;
  double cell;
  double key_x;
  double key_width;
  double heading_y[TPS_N_QUADRANTS];  /* -1: no measure in the quadrant */
};

G_DEFINE_FINAL_TYPE (TpsEffortMatrix, tps_effort_matrix, G_TYPE_OBJECT)

static const double quadrant_tints[TPS_N_QUADRANTS] = { 0.16, 0.07, 0.05, 0.08 };

/* The drawing's colours, all from tps-palette. */
typedef struct
{
  TpsColor page, grid, divider, text, muted, accent, marker_text;
} Theme;

static const Theme *
theme_init (Theme    *theme,
            gboolean  dark)
{
  tps_palette_get (TPS_PALETTE_PAGE, dark, &theme->page);
  tps_palette_get (TPS_PALETTE_GRID, dark, &theme->grid);
  tps_palette_get (TPS_PALETTE_DIVIDER, dark, &theme->divider);
  tps_palette_get (TPS_PALETTE_TEXT, dark, &theme->text);
  tps_palette_get (TPS_PALETTE_TEXT_MUTED, dark, &theme->muted);
  tps_palette_get (TPS_PALETTE_ACCENT, dark, &theme->accent);
  tps_palette_get (TPS_PALETTE_MARKER_TEXT, dark, &theme->marker_text);
  return theme;
}

static void
set_quadrant_source (cairo_t     *cr,
                     TpsQuadrant  quadrant,
                     gboolean     dark,
                     double       alpha)
{
  TpsColor color;

  tps_palette_quadrant (quadrant, dark, &color);
  tps_color_set_source (cr, &color, alpha);
}

TpsQuadrant
tps_quadrant_for_scores (int effort,
                         int impact)
{
  gboolean low_effort = effort <= 2;
  gboolean high_impact = impact >= 4;

  if (high_impact)
    return low_effort ? TPS_QUADRANT_QUICK_WINS : TPS_QUADRANT_MAJOR_PROJECTS;
  return low_effort ? TPS_QUADRANT_FILL_INS : TPS_QUADRANT_TIME_SINKS;
}

const char *
tps_quadrant_get_label (TpsQuadrant quadrant)
{
  switch (quadrant)
    {
    case TPS_QUADRANT_QUICK_WINS:
      /* Translators: the matrix quadrant of high impact for low effort;
       * German teams say "Quick Wins" too */
      return _("Quick Wins");
    case TPS_QUADRANT_MAJOR_PROJECTS:
      /* Translators: high impact, high effort; German "Großprojekte" */
      return _("Major projects");
    case TPS_QUADRANT_FILL_INS:
      /* Translators: low impact, low effort; German "Lückenfüller" */
      return _("Fill-ins");
    case TPS_QUADRANT_TIME_SINKS:
      /* Translators: low impact, high effort; German "Zeitfresser" */
      return _("Time sinks");
    case TPS_N_QUADRANTS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
tps_quadrant_get_description (TpsQuadrant quadrant)
{
  switch (quadrant)
    {
    case TPS_QUADRANT_QUICK_WINS:
      return _("High impact, low effort: do these first");
    case TPS_QUADRANT_MAJOR_PROJECTS:
      return _("High impact, high effort: plan them well");
    case TPS_QUADRANT_FILL_INS:
      return _("Low impact, low effort: when there is time");
    case TPS_QUADRANT_TIME_SINKS:
      return _("Low impact, high effort: question them");
    case TPS_N_QUADRANTS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The quadrant's colour: its name, and the ring of a quick win. */
void
tps_quadrant_get_color (TpsQuadrant  quadrant,
                        gboolean     dark,
                        TpsColor    *color)
{
  g_return_if_fail (quadrant < TPS_N_QUADRANTS);
  g_return_if_fail (color != NULL);

  tps_palette_quadrant (quadrant, dark, color);
}

/* The quadrant's background: its colour, translucent over the page. */
void
tps_quadrant_get_tint (TpsQuadrant  quadrant,
                       gboolean     dark,
                       TpsColor    *color)
{
  g_return_if_fail (quadrant < TPS_N_QUADRANTS);
  g_return_if_fail (color != NULL);

  tps_palette_quadrant (quadrant, dark, color);
  color->alpha = quadrant_tints[quadrant] * (dark ? 1.4 : 1);
}

static void
tps_effort_matrix_finalize (GObject *object)
{
  TpsEffortMatrix *self = TPS_EFFORT_MATRIX (object);

  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->refs, g_ptr_array_unref);
  g_clear_object (&self->highlight);

  G_OBJECT_CLASS (tps_effort_matrix_parent_class)->finalize (object);
}

static void
tps_effort_matrix_class_init (TpsEffortMatrixClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_effort_matrix_finalize;
}

static void
tps_effort_matrix_init (TpsEffortMatrix *self)
{
  self->show_key = TRUE;
  self->markers = g_array_new (FALSE, TRUE, sizeof (TpsMatrixMarker));
  self->refs = g_ptr_array_new_with_free_func (g_object_unref);
}

TpsEffortMatrix *
tps_effort_matrix_new (void)
{
  return g_object_new (TPS_TYPE_EFFORT_MATRIX, NULL);
}

/* Whether to list the numbered measures beside the plot; takes effect on
 * the next update. Without the key the plot takes the whole width.
 */
void
tps_effort_matrix_set_show_key (TpsEffortMatrix *self,
                                gboolean         show_key)
{
  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));
  self->show_key = !!show_key;
}

void
tps_effort_matrix_set_highlight (TpsEffortMatrix *self,
                                 TpsMeasure      *measure)
{
  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));
  g_return_if_fail (measure == NULL || TPS_IS_MEASURE (measure));
  g_set_object (&self->highlight, measure);
}

/* Places the key: a heading per quadrant that has measures, then one row
 * per measure in the project's order. Returns the key's height.
 */
static double
layout_key (TpsEffortMatrix *self)
{
  double y = self->plot_y;

  for (guint q = 0; q < TPS_N_QUADRANTS; q++)
    {
      self->heading_y[q] = -1;

      for (guint i = 0; i < self->markers->len; i++)
        {
          TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);

          if (tps_quadrant_for_scores (tps_measure_get_effort (m->measure),
                                       tps_measure_get_impact (m->measure)) != q)
            continue;

          if (self->heading_y[q] < 0)
            {
              self->heading_y[q] = y;
              y += KEY_HEADING;
            }
          m->key_y = y;
          y += KEY_ROW;
        }

      if (self->heading_y[q] >= 0)
        y += 6;
    }

  return y - self->plot_y;
}

/* Places the markers of one cell on a small grid around the cell's centre,
 * shrinking them when the cell is crowded, so they never overlap and never
 * leave the cell.
 */
static void
spread_cell (TpsEffortMatrix *self,
             GArray          *indices,
             double           cx,
             double           cy)
{
  guint k = indices->len;
  guint cols = (guint) ceil (sqrt (k));
  guint rows = (k + cols - 1) / cols;
  double avail = self->cell * 0.92;
  double radius = MIN (15.0, self->cell * 0.2);
  double pitch;

  if (cols * (2 * radius + MARKER_GAP) > avail)
    radius = (avail / cols - MARKER_GAP) / 2;
  if (rows * (2 * radius + MARKER_GAP) > avail)
    radius = (avail / rows - MARKER_GAP) / 2;
  radius = MAX (radius, 2.0);
  pitch = 2 * radius + MARKER_GAP;

  for (guint i = 0; i < k; i++)
    {
      TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker,
                                           g_array_index (indices, guint, i));
      guint row = i / cols;
      guint col = i % cols;
      guint in_row = row == rows - 1 ? k - row * cols : cols;

      m->radius = radius;
      m->x = cx + (col - (in_row - 1) / 2.0) * pitch;
      m->y = cy + (row - (rows - 1) / 2.0) * pitch;
    }
}

/**
 * tps_effort_matrix_update:
 * @width: the width to fill
 * @height: the height available; the drawing grows when the key needs more
 *
 * Recomputes the layout from @project's measures for the given size.
 */
void
tps_effort_matrix_update (TpsEffortMatrix *self,
                          TpsProject      *project,
                          double           width,
                          double           height)
{
  GListModel *measures;
  GArray *cells[N_SCORES][N_SCORES] = { { NULL } };
  double plot;
  guint n;

  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));
  g_return_if_fail (TPS_IS_PROJECT (project));

  g_array_set_size (self->markers, 0);
  g_ptr_array_set_size (self->refs, 0);
  for (guint q = 0; q < TPS_N_QUADRANTS; q++)
    self->heading_y[q] = -1;

  measures = tps_project_get_measures (project);
  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);
      TpsMatrixMarker marker = { 0 };

      marker.measure = measure;
      marker.number = i + 1;
      marker.key_y = -1;
      marker.quick_win = tps_measure_is_quick_win (measure);
      g_ptr_array_add (self->refs, g_object_ref (measure));
      g_array_append_val (self->markers, marker);
    }

  self->key_width = 0;
  if (self->show_key && n > 0 && width >= 2 * KEY_MIN_WIDTH + MIN_PLOT)
    self->key_width = CLAMP (width * 0.36, KEY_MIN_WIDTH, KEY_MAX_WIDTH);

  plot = MIN (width - MARGIN_LEFT - MARGIN_RIGHT - (self->key_width > 0 ? self->key_width
                                                                           + KEY_GAP : 0),
              height - MARGIN_TOP - MARGIN_BOTTOM);
  plot = MAX (plot, MIN_PLOT);

  self->cell = floor (plot / N_SCORES);
  self->plot_x = MARGIN_LEFT;
  self->plot_y = MARGIN_TOP;
  self->key_x = self->plot_x + N_SCORES * self->cell + KEY_GAP;
  self->width = MAX (width, self->key_x - KEY_GAP + MARGIN_RIGHT
                            + (self->key_width > 0 ? KEY_GAP + self->key_width : 0));
  self->height = MAX (height, MARGIN_TOP + N_SCORES * self->cell + MARGIN_BOTTOM);
  if (self->key_width > 0)
    self->height = MAX (self->height, MARGIN_TOP + layout_key (self) + MARGIN_RIGHT);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);
      int e = CLAMP (tps_measure_get_effort (m->measure), TPS_SCORE_MIN, TPS_SCORE_MAX) - 1;
      int s = CLAMP (tps_measure_get_impact (m->measure), TPS_SCORE_MIN, TPS_SCORE_MAX) - 1;

      if (cells[e][s] == NULL)
        cells[e][s] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (cells[e][s], i);
    }

  for (int e = 0; e < N_SCORES; e++)
    for (int s = 0; s < N_SCORES; s++)
      if (cells[e][s] != NULL)
        {
          cairo_rectangle_t cell;

          tps_effort_matrix_get_cell (self, e + 1, s + 1, &cell);
          spread_cell (self, cells[e][s], cell.x + cell.width / 2, cell.y + cell.height / 2);
          g_array_unref (cells[e][s]);
        }
}

double
tps_effort_matrix_get_width (TpsEffortMatrix *self)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), 0);
  return self->width;
}

double
tps_effort_matrix_get_height (TpsEffortMatrix *self)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), 0);
  return self->height;
}

void
tps_effort_matrix_get_plot_area (TpsEffortMatrix   *self,
                                 cairo_rectangle_t *area)
{
  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));

  area->x = self->plot_x;
  area->y = self->plot_y;
  area->width = N_SCORES * self->cell;
  area->height = N_SCORES * self->cell;
}

/* The square of (@effort, @impact): effort grows to the right, impact upwards. */
void
tps_effort_matrix_get_cell (TpsEffortMatrix   *self,
                            int                effort,
                            int                impact,
                            cairo_rectangle_t *cell)
{
  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));

  cell->x = self->plot_x + (effort - TPS_SCORE_MIN) * self->cell;
  cell->y = self->plot_y + (TPS_SCORE_MAX - impact) * self->cell;
  cell->width = self->cell;
  cell->height = self->cell;
}

guint
tps_effort_matrix_get_n_markers (TpsEffortMatrix *self)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), 0);
  return self->markers->len;
}

/* Returns: (transfer none): valid until the next update */
const TpsMatrixMarker *
tps_effort_matrix_get_marker (TpsEffortMatrix *self,
                              guint            index)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);
  return &g_array_index (self->markers, TpsMatrixMarker, index);
}

const TpsMatrixMarker *
tps_effort_matrix_find_marker (TpsEffortMatrix *self,
                               TpsMeasure      *measure)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), NULL);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);

      if (m->measure == measure)
        return m;
    }

  return NULL;
}

/**
 * tps_effort_matrix_score_at:
 * @effort: (out): the effort of the cell at @x, clamped to 1..5
 * @impact: (out): the impact of the cell at @y, clamped to 1..5
 *
 * Where a dragged measure lands. Outside the plot the scores are clamped to
 * the nearest cell, so a drag past the edge still lands on the edge.
 *
 * Returns: whether (@x, @y) lies inside the plot
 */
gboolean
tps_effort_matrix_score_at (TpsEffortMatrix *self,
                            double           x,
                            double           y,
                            int             *effort,
                            int             *impact)
{
  double cx, cy;

  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), FALSE);
  g_return_val_if_fail (self->cell > 0, FALSE);

  cx = floor ((x - self->plot_x) / self->cell);
  cy = floor ((y - self->plot_y) / self->cell);

  if (effort != NULL)
    *effort = CLAMP ((int) cx + TPS_SCORE_MIN, TPS_SCORE_MIN, TPS_SCORE_MAX);
  if (impact != NULL)
    *impact = CLAMP (TPS_SCORE_MAX - (int) cy, TPS_SCORE_MIN, TPS_SCORE_MAX);

  return cx >= 0 && cx < N_SCORES && cy >= 0 && cy < N_SCORES;
}

/* Returns: (transfer none) (nullable): the measure whose marker or key row is at (@x, @y) */
TpsMeasure *
tps_effort_matrix_hit_test (TpsEffortMatrix *self,
                            double           x,
                            double           y)
{
  g_return_val_if_fail (TPS_IS_EFFORT_MATRIX (self), NULL);

  /* Markers never overlap, so the first one containing the point is it. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);
      double dx = x - m->x, dy = y - m->y;

      if (dx * dx + dy * dy <= (m->radius + 1) * (m->radius + 1))
        return m->measure;

      /* A row of the key stands for its measure too. */
      if (m->key_y >= 0 && x >= self->key_x - 4 && x <= self->key_x + self->key_width
          && y >= m->key_y && y < m->key_y + KEY_ROW)
        return m->measure;
    }

  return NULL;
}

/* Drawing */

static void
quadrant_rect (TpsEffortMatrix   *self,
               TpsQuadrant        q,
               cairo_rectangle_t *r)
{
  gboolean left = q == TPS_QUADRANT_QUICK_WINS || q == TPS_QUADRANT_FILL_INS;
  gboolean top = q == TPS_QUADRANT_QUICK_WINS || q == TPS_QUADRANT_MAJOR_PROJECTS;

  r->x = self->plot_x + (left ? 0 : 2 * self->cell);
  r->width = (left ? 2 : 3) * self->cell;
  r->y = self->plot_y + (top ? 0 : 2 * self->cell);
  r->height = (top ? 2 : 3) * self->cell;
}

static gboolean
is_finished (TpsMeasure *measure)
{
  TpsMeasureStatus status = tps_measure_get_status (measure);

  return status == TPS_MEASURE_STATUS_DONE || status == TPS_MEASURE_STATUS_DROPPED;
}

static void
draw_marker (TpsEffortMatrix       *self,
             cairo_t               *cr,
             const TpsMatrixMarker *m,
             double                 x,
             double                 y,
             double                 radius,
             gboolean               dark)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  TpsMeasureStatus status = tps_measure_get_status (m->measure);
  TpsColor fill;
  g_autoptr(PangoLayout) number = tps_draw_layout_new (cr, MAX (radius * 0.95, 6), TRUE);
  g_autofree char *text = g_strdup_printf ("%u", m->number);

  tps_palette_measure_status (status, dark, &fill);

  if (m->measure == self->highlight)
    {
      tps_color_set_source (cr, &theme->accent, 1);
      cairo_arc (cr, x, y, radius + MARKER_GAP / 2 + 2, 0, 2 * G_PI);
      cairo_fill (cr);
      tps_color_set_source (cr, &theme->page, 1);
      cairo_arc (cr, x, y, radius + MARKER_GAP / 2, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* Finished measures differ by their colour and their muted entry in the
   * key, not by translucency: a translucent marker vanished on a tinted
   * quadrant in dark style.
   */
  tps_color_set_source (cr, &fill, 1.0);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);

  /* A quick win wears a ring in the quadrant's colour, so it stands out
   * even outside a printed colour legend.
   */
  if (m->quick_win)
    {
      set_quadrant_source (cr, TPS_QUADRANT_QUICK_WINS, dark, 1);
      cairo_set_line_width (cr, MAX (radius * 0.14, 1.5));
      cairo_arc (cr, x, y, radius + MARKER_GAP / 2 - cairo_get_line_width (cr) / 2,
                 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  /* Dark digits on light fills, white on dark ones. */
  if (0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue > 0.55)
    tps_color_set_source (cr, &theme->marker_text, 1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  tps_draw_text_line (cr, number, text, x, y, 0.5, -1);
}

static void
draw_key (TpsEffortMatrix *self,
          cairo_t         *cr,
          gboolean         dark)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  g_autoptr(PangoLayout) heading = tps_draw_layout_new (cr, 12.5, TRUE);
  g_autoptr(PangoLayout) entry = tps_draw_layout_new (cr, 12, FALSE);

  for (guint q = 0; q < TPS_N_QUADRANTS; q++)
    if (self->heading_y[q] >= 0)
      {
        set_quadrant_source (cr, q, dark, 1);
        tps_draw_text_line (cr, heading, tps_quadrant_get_label (q), self->key_x,
                            self->heading_y[q] + KEY_HEADING / 2, 0, self->key_width);
      }

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);
      const char *title = tps_measure_get_title (m->measure);
      double cy = m->key_y + KEY_ROW / 2;
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      if (m->key_y < 0)
        continue;

      if (m->measure == self->highlight)
        {
          tps_color_set_source (cr, &theme->accent, 0.14);
          cairo_rectangle (cr, self->key_x - 4, m->key_y, self->key_width + 4, KEY_ROW);
          cairo_fill (cr);
        }

      draw_marker (self, cr, m, self->key_x + 9, cy, 8, dark);

      if (tps_measure_get_status (m->measure) == TPS_MEASURE_STATUS_DROPPED)
        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (entry, attrs);
      tps_color_set_source (cr, is_finished (m->measure) ? &theme->muted : &theme->text, 1);
      tps_draw_text_line (cr, entry, title != NULL && *title ? title : _("Untitled"),
                          self->key_x + 26, cy, 0, self->key_width - 26);
      pango_layout_set_attributes (entry, NULL);
    }
}

/**
 * tps_effort_matrix_draw:
 *
 * Draws the matrix at the origin of @cr in layout units.
 */
void
tps_effort_matrix_draw (TpsEffortMatrix *self,
                        cairo_t         *cr,
                        gboolean         dark)
{
  Theme theme_colors;
  const Theme *theme = theme_init (&theme_colors, dark);
  double size;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) small = NULL;
  g_autoptr(PangoLayout) tick = NULL;
  g_autoptr(PangoLayout) axis = NULL;

  g_return_if_fail (TPS_IS_EFFORT_MATRIX (self));

  size = N_SCORES * self->cell;
  name = tps_draw_layout_new (cr, 14, TRUE);
  small = tps_draw_layout_new (cr, 11, FALSE);
  tick = tps_draw_layout_new (cr, 11.5, FALSE);
  axis = tps_draw_layout_new (cr, 12.5, TRUE);

  cairo_save (cr);

  tps_color_set_source (cr, &theme->page, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  for (guint q = 0; q < TPS_N_QUADRANTS; q++)
    {
      cairo_rectangle_t r;
      gboolean top = q == TPS_QUADRANT_QUICK_WINS || q == TPS_QUADRANT_MAJOR_PROJECTS;
      double label_y = top ? self->plot_y - 30 : self->plot_y + size + 30;

      quadrant_rect (self, q, &r);
      set_quadrant_source (cr, q, dark, quadrant_tints[q] * (dark ? 1.4 : 1));
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill (cr);

      /* Names above the top quadrants and below the bottom ones. */
      set_quadrant_source (cr, q, dark, 1);
      tps_draw_text_line (cr, name, tps_quadrant_get_label (q), r.x + r.width / 2, label_y, 0.5,
                          r.width - 8);
      tps_color_set_source (cr, &theme->muted, 1);
      tps_draw_text_line (cr, small, tps_quadrant_get_description (q), r.x + r.width / 2,
                          label_y + (top ? 16 : 16), 0.5, r.width - 8);
    }

  /* Cell grid, then the quadrant dividers over it. */
  tps_color_set_source (cr, &theme->grid, 1);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= N_SCORES; i++)
    {
      cairo_move_to (cr, self->plot_x + i * self->cell + 0.5, self->plot_y);
      cairo_line_to (cr, self->plot_x + i * self->cell + 0.5, self->plot_y + size);
      cairo_move_to (cr, self->plot_x, self->plot_y + i * self->cell + 0.5);
      cairo_line_to (cr, self->plot_x + size, self->plot_y + i * self->cell + 0.5);
    }
  cairo_stroke (cr);

  tps_color_set_source (cr, &theme->divider, 1);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, self->plot_x + 2 * self->cell + 0.5, self->plot_y);
  cairo_line_to (cr, self->plot_x + 2 * self->cell + 0.5, self->plot_y + size);
  cairo_move_to (cr, self->plot_x, self->plot_y + 2 * self->cell + 0.5);
  cairo_line_to (cr, self->plot_x + size, self->plot_y + 2 * self->cell + 0.5);
  cairo_stroke (cr);
  cairo_rectangle (cr, self->plot_x + 0.5, self->plot_y + 0.5, size, size);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* Ticks: the score of each column and row. */
  tps_color_set_source (cr, &theme->muted, 1);
  for (int s = TPS_SCORE_MIN; s <= TPS_SCORE_MAX; s++)
    {
      g_autofree char *label = g_strdup_printf ("%d", s);
      cairo_rectangle_t cell;

      tps_effort_matrix_get_cell (self, s, s, &cell);
      tps_draw_text_line (cr, tick, label, cell.x + cell.width / 2, self->plot_y + size + 10, 0.5,
                          -1);
      tps_draw_text_line (cr, tick, label, self->plot_x - 10, cell.y + cell.height / 2, 1, -1);
    }

  tps_color_set_source (cr, &theme->text, 1);
  /* Translators: the matrix's x axis; the arrow points to more effort */
  tps_draw_text_line (cr, axis, _("Effort →"), self->plot_x + size / 2, self->plot_y + size + 74,
                      0.5, -1);
  cairo_save (cr);
  cairo_translate (cr, self->plot_x - 40, self->plot_y + size / 2);
  cairo_rotate (cr, -G_PI / 2);
  /* Translators: the matrix's y axis; the arrow points to more impact */
  tps_draw_text_line (cr, axis, _("Impact →"), 0, 0, 0.5, -1);
  cairo_restore (cr);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TpsMatrixMarker *m = &g_array_index (self->markers, TpsMatrixMarker, i);

      draw_marker (self, cr, m, m->x, m->y, m->radius, dark);
    }

  if (self->key_width > 0)
    draw_key (self, cr, dark);

  cairo_restore (cr);
}
