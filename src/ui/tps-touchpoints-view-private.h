/* tps-touchpoints-view-private.h — what the touchpoints table's files share
 *
 * tps-touchpoints-view.c: the table, its sorting, filtering, selection and
 * bulk changes; tps-touchpoints-view-cells.c: the cells and their editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-analysis.h"
#include "tps-measurement-series.h"
#include "tps-rating-style.h"
#include "tps-touchpoints-view.h"
#include "tps-view-util.h"

G_BEGIN_DECLS

typedef enum {
  COLUMN_STAGE,
  COLUMN_CHANNEL,
  COLUMN_TITLE,
  COLUMN_CURRENT,
  COLUMN_TARGET,
  COLUMN_GAP,
  COLUMN_IMPORTANCE,
  COLUMN_PRIORITY,
  COLUMN_MOMENT,
  COLUMN_STATUS,
  COLUMN_OWNER,
  COLUMN_MEASURES,
  COLUMN_KPI,
  N_COLUMNS
} Column;

typedef struct
{
  const char *id;
  const char *title;
  int width;        /* fixed width in pixels, or -1 to fit the content */
  gboolean expand;
} TpsTouchpointsColumn;

extern const TpsTouchpointsColumn tps_touchpoints_view_columns[N_COLUMNS];

/* A column's sorter compares with the view's caches. */
typedef struct
{
  TpsTouchpointsView *view;
  Column column;
} ColumnSort;

struct _TpsTouchpointsView
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkWidget *toolbar;
  GtkWidget *filter_box;
  GtkWidget *sort_box;
  GtkWidget *overflow_button;
  GtkWidget *overflow_box;
  GtkDropDown *persona_filter;
  GtkDropDown *moment_filter;
  GtkDropDown *status_filter;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView *column_view;
  GtkRevealer *bulk_revealer;
  GtkWidget *bulk_grid;
  GtkWidget *bulk_actions;
  GtkWidget *bulk_clear_button;
  GtkLabel *selection_label;
  GtkMenuButton *bulk_stage_button;
  GtkMenuButton *bulk_channel_button;
  GtkMenuButton *bulk_status_button;
  GtkPopover *bulk_owner_popover;
  GtkEntry *bulk_owner_entry;

  TpsProject *project;
  TpsHistory *history;
  gulong history_changed_id;

  /* A view of the project's touchpoints that the table tells "this row
   * changed", so that filter and sort look at that row again, not at all.
   */
  GtkMapListModel *rows_source;
  GtkCustomFilter *filter;
  GtkFilterListModel *filter_model;
  GtkMultiSorter *sorter;
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* One read-only column per comparator after the fixed ones, rebuilt when
   * the comparators change (signature: their order, names and kinds).
   */
  GPtrArray *comparator_columns;
  char *comparators_signature;

  /* Looked up while sorting, so rebuilt once per change instead of being
   * searched for in every comparison. Values are index + 1.
   */
  GHashTable *stage_index;
  GHashTable *channel_index;
  GHashTable *document_index;
  GHashTable *measure_counts;

  /* The cell widgets currently showing a row, to refresh after a change
   * elsewhere in the project (a measure linked, a stage renamed).
   */
  GHashTable *bound_cells;

  /* Changes the history reported, applied once per frame while shown. */
  TpsViewUpdate *update;
  GHashTable *changed_rows;     /* touchpoints whose properties changed */
  gboolean refresh_all;         /* anything else changed */

  GPtrArray *persona_filter_ids;
  char *personas_signature;
  char *stages_signature;
  char *channels_signature;
};

void      tps_touchpoints_view_add_columns (TpsTouchpointsView *self,
                                            GCompareDataFunc    compare);
guint     tps_touchpoints_view_measures_of (TpsTouchpointsView *self,
                                            TpsTouchpoint *tp);
void      tps_touchpoints_view_update_cell (TpsTouchpointsView *self,
                                            GtkWidget *cell);
void      tps_touchpoints_view_update_comparator_columns (TpsTouchpointsView *self);

G_END_DECLS
