/* tps-timeline.h — the measures plan as a timeline: layout, hit testing, drawing
 *
 * A TpsTimeline turns a project's measures into rows of bars on a month or
 * quarter scale. The layout is computed from the model on
 * tps_timeline_update() and kept until the next update; drawing and hit
 * testing only read it. The same tps_timeline_draw() serves the planner's
 * timeline tab and the report PDF, so both show the same plan.
 *
 * Coordinates are in device-independent units (1 unit = 1 px at 100 %,
 * 1 pt in a PDF), origin at the top left of the whole drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tps-project.h"

G_BEGIN_DECLS

typedef enum {
  TPS_TIMELINE_SCALE_AUTO,     /* months for up to 18 months, quarters beyond */
  TPS_TIMELINE_SCALE_MONTH,
  TPS_TIMELINE_SCALE_QUARTER,
} TpsTimelineScale;

typedef enum {
  TPS_TIMELINE_GROUP_BY_PARENT, /* sub-projects under their parent measure */
  TPS_TIMELINE_GROUP_BY_TYPE,   /* one group per measure type */
} TpsTimelineGrouping;

typedef enum {
  TPS_TIMELINE_ROW_GROUP,       /* a group heading ("Training", "Not scheduled") */
  TPS_TIMELINE_ROW_MEASURE,
} TpsTimelineRowKind;

typedef enum {
  TPS_TIMELINE_HIT_NONE,
  TPS_TIMELINE_HIT_LABEL,       /* the measure's title in the label column */
  TPS_TIMELINE_HIT_BAR,         /* the body of the bar: drag to move both dates */
  TPS_TIMELINE_HIT_START,       /* the bar's left end: drag to change the start */
  TPS_TIMELINE_HIT_DUE,         /* the bar's right end: drag to change the due date */
} TpsTimelineHit;

/* One row of the layout, read-only for callers. */
typedef struct
{
  TpsTimelineRowKind kind;
  TpsMeasure *measure;   /* TPS_TIMELINE_ROW_MEASURE: the measure (not owned by the caller) */
  const char *label;     /* TPS_TIMELINE_ROW_GROUP: the heading */
  guint depth;           /* nesting of sub-projects (0 for a top-level measure) */
  gboolean has_children; /* the measure has sub-projects shown below it */
  double y;
  double height;
  gboolean scheduled;    /* has at least one date and so a bar */
  gboolean milestone;    /* only one date, or start = due: drawn as a diamond */
  gboolean overdue;      /* due before today and not rolled out, done or dropped */
  double bar_x0;         /* start of the start day */
  double bar_x1;         /* end of the due day */
} TpsTimelineRow;

#define TPS_TYPE_TIMELINE (tps_timeline_get_type ())
G_DECLARE_FINAL_TYPE (TpsTimeline, tps_timeline, TPS, TIMELINE, GObject)

TpsTimeline          *tps_timeline_new                (void);

void                  tps_timeline_set_scale          (TpsTimeline          *self,
                                                       TpsTimelineScale      scale);
TpsTimelineScale      tps_timeline_get_scale          (TpsTimeline          *self);
TpsTimelineScale      tps_timeline_get_effective_scale (TpsTimeline         *self);
void                  tps_timeline_set_grouping       (TpsTimeline          *self,
                                                       TpsTimelineGrouping   grouping);
TpsTimelineGrouping   tps_timeline_get_grouping       (TpsTimeline          *self);
void                  tps_timeline_set_today          (TpsTimeline          *self,
                                                       const char           *iso_date);
const char           *tps_timeline_get_today          (TpsTimeline          *self);
void                  tps_timeline_set_highlight      (TpsTimeline          *self,
                                                       TpsMeasure           *measure);

void                  tps_timeline_update             (TpsTimeline          *self,
                                                       TpsProject           *project);

double                tps_timeline_get_width          (TpsTimeline          *self);
double                tps_timeline_get_height         (TpsTimeline          *self);
double                tps_timeline_get_label_width    (TpsTimeline          *self);
double                tps_timeline_get_header_height  (TpsTimeline          *self);
double                tps_timeline_get_legend_height  (TpsTimeline          *self);
guint                 tps_timeline_get_n_rows         (TpsTimeline          *self);
const TpsTimelineRow *tps_timeline_get_row            (TpsTimeline          *self,
                                                       guint                 index);
const TpsTimelineRow *tps_timeline_find_row           (TpsTimeline          *self,
                                                       TpsMeasure           *measure);

double                tps_timeline_x_for_date         (TpsTimeline          *self,
                                                       const GDate          *date);
gboolean              tps_timeline_date_at_x          (TpsTimeline          *self,
                                                       double                x,
                                                       GDate                *date);
double                tps_timeline_get_today_x        (TpsTimeline          *self);

TpsTimelineHit        tps_timeline_hit_test           (TpsTimeline          *self,
                                                       double                x,
                                                       double                y,
                                                       TpsMeasure          **measure);

void                  tps_timeline_draw               (TpsTimeline          *self,
                                                       cairo_t              *cr,
                                                       gboolean              dark);


G_END_DECLS
