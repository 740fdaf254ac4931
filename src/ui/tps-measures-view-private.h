/* tps-measures-view-private.h — what the planner's files share
 *
 * tps-measures-view.c: the list and its filters, the editor, the summary
 * and actions. tps-measures-view-columns.c: the list's columns.
 * tps-measures-view-plan.c: the timeline and the impact/effort matrix with
 * their dragging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-effort-matrix.h"
#include "tps-health.h"
#include "tps-measure-editor.h"
#include "tps-measures-view.h"
#include "tps-timeline.h"
#include "tps-view-util.h"

G_BEGIN_DECLS

typedef enum {
  COLUMN_TITLE,
  COLUMN_TYPE,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_START,
  COLUMN_DUE,
  COLUMN_EFFORT,
  COLUMN_IMPACT,
  COLUMN_QUICK_WIN,
  COLUMN_COST,
  COLUMN_TOUCHPOINTS,
  N_COLUMNS
} Column;

#define DRAG_THRESHOLD 3.0

struct _TpsMeasuresView
{
  GtkWidget parent_instance;

  TpsProject *project;
  TpsHistory *history;
  TpsMeasure *selected;

  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  gulong history_changed_id;
  GtkWidget *switcher_bar;
  GtkWidget *delete_button;
  gboolean compact;
  GtkDropDown *status_filter;
  GtkDropDown *type_filter;
  GtkDropDown *owner_filter;
  GtkDropDown *touchpoint_filter;
  GtkRevealer *painpoint_revealer;
  GtkLabel *painpoint_label;
  GtkToggleButton *painpoint_toggle;
  GtkListView *painpoint_list;
  GListStore *painpoints;       /* the touchpoints the banner lists */
  AdwViewStack *view_stack;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  AdwStatusPage *list_empty;
  GtkDrawingArea *timeline_area;
  GtkDropDown *scale_dropdown;
  GtkDropDown *grouping_dropdown;
  GtkDrawingArea *matrix_area;
  GtkStack *editor_stack;
  AdwBin *editor_bin;
  GtkLabel *summary_label;
  AdwFlap *flap;
  GtkWidget *editor_back_bar;
  AdwViewSwitcher *switcher;
  GtkButton *add_button;
  GtkButton *add_sub_button;
  GtkWidget *toolbar;
  GtkWidget *filter_popover_box;
  GtkWidget *timeline_toolbar;
  GtkWidget *timeline_hint;
  GtkWidget *scale_label;
  GtkWidget *grouping_label;
  GtkWidget *add_content;      /* owned: the buttons' icon and label, */
  GtkWidget *add_sub_content;  /* kept while they show only the icon */

  /* List models, all views of the project's measure store. */
  GtkFilter *visible_filter;    /* the measure or one of its sub-projects matches */
  GtkFilter *root_filter;       /* top-level measures */
  GtkFilterListModel *roots;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkSorter *column_sorters[N_COLUMNS];
  char *structure;              /* ids and parents the tree was built from */

  GPtrArray *owner_choices;     /* owner filter position → owner (NULL: any) */
  GPtrArray *touchpoint_choices;
  char *owner_signature;
  char *touchpoint_signature;
  char *painpoint_signature;

  TpsTimeline *timeline;
  GtkAdjustment *timeline_hadjustment;
  GtkAdjustment *timeline_vadjustment;
  gboolean timeline_scrolled;     /* opened on today or the selection once */
  guint scroll_idle;
  TpsEffortMatrix *matrix;
  GtkWidget *editor;
  TpsViewUpdate *update;        /* refresh once per frame, only while shown */
  gboolean updating_selection;
  gboolean updating_filters;

  /* A drag in the timeline or the matrix, previewed until released. */
  TpsMeasure *drag_measure;
  TpsTimelineHit drag_hit;
  GDate drag_start;
  GDate drag_due;
  gboolean drag_had_start;
  gboolean drag_had_due;
  double drag_x0;               /* where the grabbed bar starts and ends */
  double drag_x1;
  double drag_origin_x;
  double drag_origin_y;
  double drag_dx;
  double drag_dy;
  gboolean dragging;
};

void        tps_measures_view_draw_matrix (GtkDrawingArea *area,
                                           cairo_t *cr,
                                           int width,
                                           int height,
                                           gpointer user_data);
void        tps_measures_view_draw_timeline (GtkDrawingArea *area,
                                             cairo_t *cr,
                                             int width,
                                             int height,
                                             gpointer user_data);
void        tps_measures_view_end_drag (TpsMeasuresView *self);
gboolean    tps_measures_view_is_dark (void);
gboolean    tps_measures_view_is_overdue (TpsMeasure *measure);
void        tps_measures_view_on_matrix_drag_begin (GtkGestureDrag *gesture,
                                                    double x,
                                                    double y,
                                                    TpsMeasuresView *self);
void        tps_measures_view_on_matrix_drag_end (GtkGestureDrag *gesture,
                                                  double dx,
                                                  double dy,
                                                  TpsMeasuresView *self);
void        tps_measures_view_on_matrix_drag_update (GtkGestureDrag *gesture,
                                                     double dx,
                                                     double dy,
                                                     TpsMeasuresView *self);
void        tps_measures_view_on_matrix_motion (GtkEventControllerMotion *motion,
                                                double x,
                                                double y,
                                                TpsMeasuresView *self);
gboolean    tps_measures_view_on_matrix_query_tooltip (GtkWidget *widget,
                                                       int x,
                                                       int y,
                                                       gboolean keyboard,
                                                       GtkTooltip *tooltip,
                                                       TpsMeasuresView *self);
void        tps_measures_view_on_matrix_resize (GtkDrawingArea *area,
                                                int width,
                                                int height,
                                                TpsMeasuresView *self);
void        tps_measures_view_on_timeline_adjustment_changed (TpsMeasuresView *self);
void        tps_measures_view_on_timeline_drag_begin (GtkGestureDrag *gesture,
                                                      double x,
                                                      double y,
                                                      TpsMeasuresView *self);
void        tps_measures_view_on_timeline_drag_end (GtkGestureDrag *gesture,
                                                    double dx,
                                                    double dy,
                                                    TpsMeasuresView *self);
void        tps_measures_view_on_timeline_drag_update (GtkGestureDrag *gesture,
                                                       double dx,
                                                       double dy,
                                                       TpsMeasuresView *self);
void        tps_measures_view_on_timeline_motion (GtkEventControllerMotion *motion,
                                                  double x,
                                                  double y,
                                                  TpsMeasuresView *self);
void        tps_measures_view_on_timeline_option_changed (TpsMeasuresView *self);
gboolean    tps_measures_view_on_timeline_query_tooltip (GtkWidget *widget,
                                                         int x,
                                                         int y,
                                                         gboolean keyboard,
                                                         GtkTooltip *tooltip,
                                                         TpsMeasuresView *self);
gboolean    tps_measures_view_scroll_timeline_idle (gpointer user_data);
void        tps_measures_view_update_matrix (TpsMeasuresView *self);
void        tps_measures_view_update_timeline (TpsMeasuresView *self);

/* tps-measures-view-columns.c */
void      tps_measures_view_setup_columns (TpsMeasuresView *self);

G_END_DECLS
