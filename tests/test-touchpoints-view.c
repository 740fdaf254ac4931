/* test-touchpoints-view.c — the Touchpoints table sorts, searches, filters,
 * edits ratings in place and changes many touchpoints in one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>

#include "tps-project-io.h"
#include "tps-project-structure.h"
#include "tps-touchpoints-view.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  GtkWindow *window;
  TpsTouchpointsView *view;
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets the frame clock lay the table out, so that its rows get cells. */
static void
wait_for_layout (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (150, quit_loop, loop);
  g_main_loop_run (loop);
}

static TpsProject *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
set_up_with (Fixture    *fixture,
             const char *name)
{
  fixture->project = load_fixture (name);
  fixture->history = tps_history_new ();
  fixture->view = TPS_TOUCHPOINTS_VIEW (tps_touchpoints_view_new ());
  g_object_set (fixture->view, "project", fixture->project, "history", fixture->history, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1400, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  flush_events ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up_with (fixture, data != NULL ? data : "all-fields.touchpoints");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  flush_events ();
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->project);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   TPS_TYPE_TOUCHPOINTS_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

/* The ids of the rows as shown, "t-one t-four …": once the table has
 * applied the changes it was told about, as it does before each frame.
 */
static char *
row_ids (Fixture *fixture)
{
  GListModel *rows = tps_touchpoints_view_get_rows (fixture->view);
  g_autoptr(GString) ids = g_string_new (NULL);

  flush_events ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TpsObject) tp = g_list_model_get_item (rows, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, tps_object_get_id (tp));
    }

  return g_strdup (ids->str);
}

static guint
n_rows (Fixture *fixture)
{
  flush_events ();
  return g_list_model_get_n_items (tps_touchpoints_view_get_rows (fixture->view));
}

static TpsTouchpoint *
touchpoint (Fixture    *fixture,
            const char *id)
{
  TpsTouchpoint *tp = tps_project_find_touchpoint (fixture->project, id);

  g_assert_nonnull (tp);
  return tp;
}

/* Sorting ------------------------------------------------------------------- */

static void
test_default_is_journey_order (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *ids = row_ids (fixture);

  /* Stages in order (Aufmerksamkeit, Kauf), the map's order within each. */
  g_assert_cmpstr (ids, ==, "t-one t-four t-two t-three t-five t-six t-seven");
}

static void
test_sort_by_priority (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *ids = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.sort-priority", NULL);
  ids = row_ids (fixture);

  /* 20, 3, 3, 2, 1, 0, 0 — ties in journey order */
  g_assert_cmpstr (ids, ==, "t-one t-two t-seven t-four t-three t-five t-six");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.sort-journey", NULL);
  g_free (ids);
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-one t-four t-two t-three t-five t-six t-seven");
}

static void
test_sort_by_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *descending = NULL;
  g_autofree char *ascending = NULL;

  tps_touchpoints_view_sort_by (fixture->view, "gap", GTK_SORT_DESCENDING);
  descending = row_ids (fixture);
  g_assert_cmpstr (descending, ==, "t-one t-four t-two t-three t-seven t-five t-six");

  tps_touchpoints_view_sort_by (fixture->view, "gap", GTK_SORT_ASCENDING);
  ascending = row_ids (fixture);
  g_assert_cmpstr (ascending, ==, "t-five t-six t-four t-two t-three t-seven t-one");
}

static void
test_sort_by_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *ids = NULL;

  tps_touchpoints_view_sort_by (fixture->view, "title", GTK_SORT_ASCENDING);
  ids = row_ids (fixture);

  /* The touchpoint without a title comes last. */
  g_assert_cmpstr (ids, ==, "t-two t-six t-three t-five t-four t-one t-seven");
}

static void
test_sort_by_priority_german_example (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *rows = tps_touchpoints_view_get_rows (fixture->view);
  int previous = G_MAXINT;

  g_assert_cmpuint (n_rows (fixture), ==, 35);
  tps_touchpoints_view_sort_by (fixture->view, "priority", GTK_SORT_DESCENDING);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (rows, i);
      int priority = tps_touchpoint_get_priority (tp);

      g_assert_cmpint (priority, <=, previous);
      previous = priority;

      /* The two painpoints with the widest gap at importance 5 lead. */
      if (i == 0)
        g_assert_cmpint (priority, ==, 15);
    }
}

static void
test_sort_by_other_columns (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const columns[] = {
    "stage", "channel", "current", "target", "importance", "moment", "status", "owner",
    "measures", "kpi",
  };
  g_autofree char *ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      tps_touchpoints_view_sort_by (fixture->view, columns[i], GTK_SORT_ASCENDING);
      g_assert_cmpuint (n_rows (fixture), ==, 7);
    }

  /* Only t-one has an owner; an empty owner sorts last. */
  tps_touchpoints_view_sort_by (fixture->view, "owner", GTK_SORT_ASCENDING);
  ids = row_ids (fixture);
  g_assert_true (g_str_has_prefix (ids, "t-one "));

  /* t-one and t-three have a measure each, t-two one: the rest have none. */
  tps_touchpoints_view_sort_by (fixture->view, "measures", GTK_SORT_DESCENDING);
  g_free (ids);
  ids = row_ids (fixture);
  g_assert_true (g_str_has_prefix (ids, "t-one t-two t-three "));
}

/* Searching and filtering ------------------------------------------------- */

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = child (fixture, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What the entry emits after a short pause in typing. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_search_matches_title_description_owner_systems (Fixture       *fixture,
                                                     gconstpointer  data)
{
  g_autofree char *ids = NULL;

  search (fixture, "hotline");          /* title */
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-three");

  search (fixture, "PREIS");            /* description "Berechnet den Preis." */
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  search (fixture, "marketing");        /* owner */
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  search (fixture, "crm");              /* a system */
  g_free (ids);
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-one");

  search (fixture, "kein solcher text");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==,
                   "no-results");

  search (fixture, "");
  g_assert_cmpuint (n_rows (fixture), ==, 7);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==, "table");
}

static void
test_filters_reduce_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkDropDown *moment = child (fixture, "moment_filter");
  GtkDropDown *status = child (fixture, "status_filter");
  GtkDropDown *persona = child (fixture, "persona_filter");
  g_autofree char *ids = NULL;

  /* Position 0 is "all"; then the values in their order. */
  gtk_drop_down_set_selected (moment, 1 + TPS_MOMENT_PAINPOINT);
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-one");
  gtk_drop_down_set_selected (moment, 0);

  gtk_drop_down_set_selected (status, 1 + TPS_TOUCHPOINT_STATUS_EXISTING);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  gtk_drop_down_set_selected (moment, 1 + TPS_MOMENT_NONE);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  gtk_drop_down_set_selected (moment, 0);
  gtk_drop_down_set_selected (status, 0);

  /* Personas by name: Anna Größe, Bernd. Only t-one has personas. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (persona)), ==, 3);
  gtk_drop_down_set_selected (persona, 2);
  g_free (ids);
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-one");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.clear-filters", NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 7);
  g_assert_cmpuint (gtk_drop_down_get_selected (persona), ==, 0);
}

static void
test_filtered_rows_follow_model (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkDropDown *moment = child (fixture, "moment_filter");

  gtk_drop_down_set_selected (moment, 1 + TPS_MOMENT_PAINPOINT);
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  /* A touchpoint that becomes a painpoint joins the filtered rows. */
  tps_history_set (fixture->history, touchpoint (fixture, "t-four"), "moment",
                   TPS_MOMENT_PAINPOINT, NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  tps_history_undo (fixture->history);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
}

/* Following the model ------------------------------------------------------ */

static void
test_rows_follow_model (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *touchpoints = tps_project_get_touchpoints (fixture->project);
  g_autoptr(TpsTouchpoint) added = tps_touchpoint_new ("t-new");
  g_autofree char *ids = NULL;

  tps_touchpoints_view_sort_by (fixture->view, "priority", GTK_SORT_DESCENDING);

  /* Lower importance moves t-one down the priority order: 1 × 4 = 4. */
  tps_history_set (fixture->history, touchpoint (fixture, "t-one"), "importance", 1, NULL);
  ids = row_ids (fixture);
  g_assert_cmpstr (ids, ==, "t-one t-two t-seven t-four t-three t-five t-six");
  tps_history_set (fixture->history, touchpoint (fixture, "t-two"), "target", 2, "current", -2,
                   NULL);
  g_free (ids);
  ids = row_ids (fixture);
  g_assert_true (g_str_has_prefix (ids, "t-two t-one "));

  tps_touchpoint_set_stage_id (added, "s-aware");
  tps_touchpoint_set_title (added, "Neu");
  tps_history_append (fixture->history, touchpoints, added);
  g_assert_cmpuint (n_rows (fixture), ==, 8);
  tps_history_undo (fixture->history);
  g_assert_cmpuint (n_rows (fixture), ==, 7);
}

/* A hidden table does no work for changes; it catches up when shown. A
 * change to one touchpoint re-sorts that row, and a selected row stays
 * selected.
 */
static void
test_hidden_table_waits (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSelectionModel *selection = tps_touchpoints_view_get_selection (fixture->view);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(TpsObject) still = NULL;
  g_autofree char *before = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *moved = NULL;

  tps_touchpoints_view_sort_by (fixture->view, "priority", GTK_SORT_DESCENDING);
  before = row_ids (fixture);
  g_assert_true (g_str_has_prefix (before, "t-one "));
  gtk_selection_model_select_item (selection, 0, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  tps_history_set (fixture->history, touchpoint (fixture, "t-three"), "importance", 5, NULL);
  hidden = row_ids (fixture);
  g_assert_cmpstr (hidden, ==, before);

  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  shown = row_ids (fixture);
  g_assert_cmpstr (shown, ==, "t-one t-three t-two t-seven t-four t-five t-six");

  tps_history_undo (fixture->history);
  moved = row_ids (fixture);
  g_assert_cmpstr (moved, ==, before);

  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  still = g_list_model_get_item (tps_touchpoints_view_get_rows (fixture->view),
                                 gtk_bitset_get_nth (selected, 0));
  g_assert_cmpstr (tps_object_get_id (still), ==, "t-one");
}

/* Finds the cell widget of a column showing @tp, among the laid-out rows. */
static GtkWidget *
find_cell (GtkWidget     *widget,
           GType          type,
           TpsTouchpoint *tp)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && g_object_get_data (G_OBJECT (widget), "touchpoint") == tp)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (c, type, tp);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_inline_rating_edit_is_one_step (Fixture       *fixture,
                                     gconstpointer  data)
{
  TpsTouchpoint *one = touchpoint (fixture, "t-one");
  GtkDropDown *ist;

  wait_for_layout ();

  /* The first rating cell of a row is Ist; rows get their cells over as
   * many frames as a loaded machine needs.
   */
  ist = GTK_DROP_DOWN (find_cell (child (fixture, "column_view"), GTK_TYPE_DROP_DOWN, one));
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       ist == NULL && g_get_monotonic_time () < deadline;
       ist = GTK_DROP_DOWN (find_cell (child (fixture, "column_view"), GTK_TYPE_DROP_DOWN, one)))
    wait_for_layout ();
  g_assert_nonnull (ist);
  g_assert_cmpuint (gtk_drop_down_get_selected (ist), ==, -2 - TPS_RATING_MIN);

  gtk_drop_down_set_selected (ist, 1 - TPS_RATING_MIN);
  g_assert_cmpint (tps_touchpoint_get_current (one), ==, 1);

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpint (tps_touchpoint_get_current (one), ==, -2);
  g_assert_false (tps_history_get_can_undo (fixture->history));

  /* The cell shows what the model says after the undo. */
  ist = GTK_DROP_DOWN (find_cell (child (fixture, "column_view"), GTK_TYPE_DROP_DOWN, one));
  g_assert_cmpuint (gtk_drop_down_get_selected (ist), ==, -2 - TPS_RATING_MIN);
}

static gboolean
shows_text (GtkWidget     *widget,
            TpsTouchpoint *tp,
            const char    *text)
{
  if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), "touchpoint") == tp
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, tp, text))
      return TRUE;

  return FALSE;
}

static void
test_cells_follow_model (Fixture       *fixture,
                         gconstpointer  data)
{
  TpsTouchpoint *one = touchpoint (fixture, "t-one");
  GtkWidget *view = child (fixture, "column_view");

  wait_for_layout ();
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !shows_text (view, one, "Tarifrechner") && g_get_monotonic_time () < deadline;)
    wait_for_layout ();
  g_assert_true (shows_text (view, one, "Tarifrechner"));
  g_assert_true (shows_text (view, one, "Marketing"));

  tps_history_set (fixture->history, one, "title", "Preisrechner", "owner", "Vertrieb", NULL);
  g_assert_true (shows_text (view, one, "Preisrechner"));
  g_assert_true (shows_text (view, one, "Vertrieb"));

  /* A measure linked elsewhere in the project changes the count. */
  g_assert_true (shows_text (view, one, "1"));
  tps_history_set (fixture->history, tps_project_find_measure (fixture->project, "x-tech"),
                   "touchpoint-ids", (const char * const[]) { "t-one", NULL }, NULL);
  flush_events ();
  g_assert_true (shows_text (view, one, "2"));
}

/* Selection and bulk changes ----------------------------------------------- */

static void
select_rows (Fixture            *fixture,
             const char * const *ids)
{
  GtkSelectionModel *selection = tps_touchpoints_view_get_selection (fixture->view);
  GListModel *rows = tps_touchpoints_view_get_rows (fixture->view);

  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TpsObject) tp = g_list_model_get_item (rows, i);

      if (g_strv_contains (ids, tps_object_get_id (tp)))
        gtk_selection_model_select_item (selection, i, FALSE);
    }
}

static void
test_bulk_bar_shows_with_several_selected (Fixture       *fixture,
                                           gconstpointer  data)
{
  const char * const one[] = { "t-two", NULL };
  const char * const two[] = { "t-two", "t-three", NULL };
  GtkRevealer *bar = child (fixture, "bulk_revealer");

  select_rows (fixture, one);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  select_rows (fixture, two);
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "selection_label")), ==,
                   "2 touchpoints selected");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.unselect-all", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
}

static void
test_bulk_changes_are_one_step (Fixture       *fixture,
                                gconstpointer  data)
{
  const char * const ids[] = { "t-two", "t-three", "t-five", NULL };
  TpsTouchpoint *two = touchpoint (fixture, "t-two");
  TpsTouchpoint *three = touchpoint (fixture, "t-three");
  TpsTouchpoint *five = touchpoint (fixture, "t-five");

  select_rows (fixture, ids);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.set-stage", "s",
                              "s-aware");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (two), ==, "s-aware");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (three), ==, "s-aware");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (five), ==, "s-aware");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (touchpoint (fixture, "t-six")), ==, "s-buy");
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpstr (tps_touchpoint_get_stage_id (two), ==, "s-buy");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (three), ==, "s-buy");
  g_assert_cmpstr (tps_touchpoint_get_stage_id (five), ==, "s-buy");
  g_assert_false (tps_history_get_can_undo (fixture->history));

  select_rows (fixture, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.set-channel", "s",
                              "c-phone");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (two), ==, "c-phone");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (five), ==, "c-phone");
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpstr (tps_touchpoint_get_channel_id (two), ==, "c-shop");
  g_assert_cmpstr (tps_touchpoint_get_channel_id (five), ==, "c-web");

  select_rows (fixture, ids);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.set-status", "s",
                              "retire");
  g_assert_cmpint (tps_touchpoint_get_status (two), ==, TPS_TOUCHPOINT_STATUS_RETIRE);
  g_assert_cmpint (tps_touchpoint_get_status (five), ==, TPS_TOUCHPOINT_STATUS_RETIRE);
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpint (tps_touchpoint_get_status (two), ==, TPS_TOUCHPOINT_STATUS_NEW);
  g_assert_cmpint (tps_touchpoint_get_status (five), ==, TPS_TOUCHPOINT_STATUS_EXISTING);

  select_rows (fixture, ids);
  gtk_editable_set_text (child (fixture, "bulk_owner_entry"), " Kundenservice ");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "touchpoints.apply-owner", NULL);
  g_assert_cmpstr (tps_touchpoint_get_owner (two), ==, "Kundenservice");
  g_assert_cmpstr (tps_touchpoint_get_owner (three), ==, "Kundenservice");
  g_assert_cmpstr (tps_touchpoint_get_owner (five), ==, "Kundenservice");
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_null (tps_touchpoint_get_owner (two));
  g_assert_null (tps_touchpoint_get_owner (five));
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

/* Activation ----------------------------------------------------------------- */

static void
test_activation_emits_touchpoint (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsTouchpoint) activated = NULL;

  gt_signal_logger_connect (logger, fixture->view, "touchpoint-activated");
  tps_touchpoints_view_sort_by (fixture->view, "title", GTK_SORT_ASCENDING);

  /* Row 0 by title is "Beratung in der Filiale". */
  g_signal_emit_by_name (child (fixture, "column_view"), "activate", 0);
  gt_signal_logger_assert_emission_pop (logger, fixture->view, "touchpoint-activated",
                                        &activated);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (activated)), ==, "t-two");
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_empty_project_shows_status_page (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(TpsProject) empty = tps_project_new ();

  tps_touchpoints_view_set_project (fixture->view, empty);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==, "empty");
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  tps_touchpoints_view_set_project (fixture->view, fixture->project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==, "table");
  g_assert_cmpuint (n_rows (fixture), ==, 7);
}

static void
test_ctrl_f_focuses_search (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  GtkWidget *entry = child (fixture, "search_entry");
  gboolean found = FALSE;

  gtk_widget_grab_focus (child (fixture, "column_view"));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));

  /* Run what the view binds to Ctrl+F, as a key press would. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, "<Control>f") != 0)
            continue;

          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (fixture->view), NULL));
        }
    }

  g_assert_true (found);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));
}

static guint
count_columns (Fixture *fixture)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (child (fixture, "column_view")));
}

static const char *
last_column_title (Fixture *fixture)
{
  GListModel *columns = gtk_column_view_get_columns (child (fixture, "column_view"));
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);

  return gtk_column_view_column_get_title (column);
}

/* One column per comparator, named after it, following the comparators as
 * they are added, renamed and deleted.
 */
static void
test_comparator_columns (Fixture       *fixture,
                         gconstpointer  data)
{
  guint fixed;
  TpsComparator *added;

  wait_for_layout ();
  fixed = count_columns (fixture) - 2;
  g_assert_cmpstr (last_column_title (fixture), ==, "Direktbank-App");

  added = tps_project_add_comparator (fixture->project, fixture->history, "Neu",
                                      TPS_COMPARATOR_KIND_COMPETITOR);
  wait_for_layout ();
  g_assert_cmpuint (count_columns (fixture), ==, fixed + 3);
  g_assert_cmpstr (last_column_title (fixture), ==, "Neu");

  tps_history_set (fixture->history, added, "name", "Umbenannt", NULL);
  wait_for_layout ();
  g_assert_cmpstr (last_column_title (fixture), ==, "Umbenannt");

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_true (tps_history_undo (fixture->history));
  wait_for_layout ();
  g_assert_cmpuint (count_columns (fixture), ==, fixed + 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DE(path, func) \
  g_test_add (path, Fixture, "../../data/examples/de/stadtwerke.touchpoints", fixture_set_up, \
              func, fixture_tear_down)

  ADD ("/touchpoints-view/sort/journey-order-by-default", test_default_is_journey_order);
  ADD ("/touchpoints-view/sort/priority-quick-sort", test_sort_by_priority);
  ADD ("/touchpoints-view/sort/gap", test_sort_by_gap);
  ADD ("/touchpoints-view/sort/title-untitled-last", test_sort_by_title);
  ADD_DE ("/touchpoints-view/sort/priority-german-example", test_sort_by_priority_german_example);
  ADD ("/touchpoints-view/sort/other-columns", test_sort_by_other_columns);
  ADD ("/touchpoints-view/search/title-description-owner-systems",
       test_search_matches_title_description_owner_systems);
  ADD ("/touchpoints-view/filter/persona-moment-status", test_filters_reduce_rows);
  ADD ("/touchpoints-view/filter/follows-model", test_filtered_rows_follow_model);
  ADD ("/touchpoints-view/model/rows-follow-changes", test_rows_follow_model);
  ADD ("/touchpoints-view/model/cells-follow-changes", test_cells_follow_model);
  ADD ("/touchpoints-view/model/hidden-table-waits", test_hidden_table_waits);
  ADD ("/touchpoints-view/inline/rating-edit-is-one-step", test_inline_rating_edit_is_one_step);
  ADD ("/touchpoints-view/bulk/bar-with-several-selected",
       test_bulk_bar_shows_with_several_selected);
  ADD ("/touchpoints-view/bulk/changes-are-one-step", test_bulk_changes_are_one_step);
  ADD ("/touchpoints-view/activate/emits-touchpoint", test_activation_emits_touchpoint);
  ADD ("/touchpoints-view/empty/status-page", test_empty_project_shows_status_page);
  ADD ("/touchpoints-view/search/ctrl-f-focuses-search", test_ctrl_f_focuses_search);
  ADD ("/touchpoints-view/comparators/one-column-each", test_comparator_columns);

  return g_test_run ();
}
