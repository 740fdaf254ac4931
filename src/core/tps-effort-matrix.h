/* tps-effort-matrix.h — measures on an impact/effort matrix with the quick-win quadrant
 *
 * Each measure is a numbered marker in the cell of its effort (x, 1..5,
 * left to right) and impact (y, 1..5, bottom to top); measures sharing a
 * cell are spread so no two markers overlap. A key lists the numbers with
 * the titles, grouped by quadrant. The layout is computed for a given size
 * on tps_effort_matrix_update(); tps_effort_matrix_draw() serves the
 * planner's matrix tab and the report PDF alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tps-project.h"

#include "tps-palette.h"

G_BEGIN_DECLS

/* The quadrant lines lie between effort 2 and 3 and between impact 3 and 4,
 * so the quick-win quadrant is exactly tps_measure_is_quick_win()'s rule
 * (impact ≥ 4, effort ≤ 2).
 */
typedef enum {
  TPS_QUADRANT_QUICK_WINS,     /* high impact, low effort */
  TPS_QUADRANT_MAJOR_PROJECTS, /* high impact, high effort */
  TPS_QUADRANT_FILL_INS,       /* low impact, low effort */
  TPS_QUADRANT_TIME_SINKS,     /* low impact, high effort */
  TPS_N_QUADRANTS
} TpsQuadrant;

typedef struct
{
  TpsMeasure *measure;  /* not owned by the caller */
  guint number;         /* shown in the marker and the key; the measure's place in the project */
  double x;             /* centre */
  double y;
  double radius;
  gboolean quick_win;
  double key_y;         /* top of the measure's row in the key, -1 without a key */
} TpsMatrixMarker;

#define TPS_TYPE_EFFORT_MATRIX (tps_effort_matrix_get_type ())
G_DECLARE_FINAL_TYPE (TpsEffortMatrix, tps_effort_matrix, TPS, EFFORT_MATRIX, GObject)

TpsEffortMatrix       *tps_effort_matrix_new            (void);

void                   tps_effort_matrix_set_show_key   (TpsEffortMatrix   *self,
                                                         gboolean           show_key);
void                   tps_effort_matrix_set_highlight  (TpsEffortMatrix   *self,
                                                         TpsMeasure        *measure);
void                   tps_effort_matrix_update         (TpsEffortMatrix   *self,
                                                         TpsProject        *project,
                                                         double             width,
                                                         double             height);

double                 tps_effort_matrix_get_width      (TpsEffortMatrix   *self);
double                 tps_effort_matrix_get_height     (TpsEffortMatrix   *self);
void                   tps_effort_matrix_get_plot_area  (TpsEffortMatrix   *self,
                                                         cairo_rectangle_t *area);
void                   tps_effort_matrix_get_cell       (TpsEffortMatrix   *self,
                                                         int                effort,
                                                         int                impact,
                                                         cairo_rectangle_t *cell);
guint                  tps_effort_matrix_get_n_markers  (TpsEffortMatrix   *self);
const TpsMatrixMarker *tps_effort_matrix_get_marker     (TpsEffortMatrix   *self,
                                                         guint              index);
const TpsMatrixMarker *tps_effort_matrix_find_marker    (TpsEffortMatrix   *self,
                                                         TpsMeasure        *measure);

gboolean               tps_effort_matrix_score_at       (TpsEffortMatrix   *self,
                                                         double             x,
                                                         double             y,
                                                         int               *effort,
                                                         int               *impact);
TpsMeasure            *tps_effort_matrix_hit_test       (TpsEffortMatrix   *self,
                                                         double             x,
                                                         double             y);

void                   tps_effort_matrix_draw           (TpsEffortMatrix   *self,
                                                         cairo_t           *cr,
                                                         gboolean           dark);

TpsQuadrant            tps_quadrant_for_scores          (int                effort,
                                                         int                impact);
const char            *tps_quadrant_get_label           (TpsQuadrant        quadrant);
const char            *tps_quadrant_get_description     (TpsQuadrant        quadrant);
void                   tps_quadrant_get_color           (TpsQuadrant        quadrant,
                                                         gboolean           dark,
                                                         TpsColor          *color);
void                   tps_quadrant_get_tint            (TpsQuadrant        quadrant,
                                                         gboolean           dark,
                                                         TpsColor          *color);

G_END_DECLS
