/* tps-measures-view-private.h — what the planner's files share
 *
 * tps-measures-view.c: the list and its filters, the editor, the summary
 * and actions. tps-measures-view-columns.c: the list's columns. The
 * timeline and the impact/effort matrix are widgets of their own
 * (tps-timeline-view, tps-matrix-view).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-matrix-view.h"
#include "tps-measure-editor.h"
#include "tps-measures-view.h"
#include "tps-timeline-view.h"
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
  TpsTimelineView *timeline_view;
  GtkDropDown *scale_dropdown;
  GtkDropDown *grouping_dropdown;
  TpsMatrixView *matrix_view;
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

  GtkWidget *editor;
  TpsViewUpdate *update;        /* refresh once per frame, only while shown */
  gboolean updating_selection;
  gboolean updating_filters;
};

/* tps-measures-view-columns.c */
void      tps_measures_view_setup_columns (TpsMeasuresView *self);

void        tps_measures_view_install_actions   (GtkWidgetClass  *widget_class);
void        tps_measures_view_on_filter_changed (TpsMeasuresView *self);
void        tps_measures_view_show_touchpoint   (TpsMeasuresView *self,
                                                 TpsTouchpoint   *touchpoint);

G_END_DECLS
