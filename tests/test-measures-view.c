/* test-measures-view.c — the measures planner, driven through its actions
 * and its editor's fields under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "tps-effort-matrix.h"
#include "tps-matrix-view.h"
#include "tps-measures-view.h"
#include "tps-project-io.h"
#include "tps-timeline.h"
#include "tps-timeline-view.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  GtkWindow *window;
  TpsMeasuresView *view;
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "de",
                                                 "stadtwerke.touchpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->project = tps_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->history = tps_history_new ();

  f->view = TPS_MEASURES_VIEW (tps_measures_view_new ());
  g_object_set (f->view, "project", f->project, "history", f->history, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 900);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  flush_events ();
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

/* Template children are found by their id in the .ui file. */
static GtkWidget *
find_child (GtkWidget  *root,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;

      found = find_child (child, id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
editor_of (Fixture *f)
{
  GtkWidget *bin = find_child (GTK_WIDGET (f->view), "editor_bin");

  g_assert_nonnull (bin);
  return adw_bin_get_child (ADW_BIN (bin));
}

static GtkWidget *
editor_field (Fixture    *f,
              const char *id)
{
  GtkWidget *editor = editor_of (f);
  GtkWidget *field;

  g_assert_nonnull (editor);
  field = find_child (editor, id);
  g_assert_nonnull (field);
  return field;
}

static guint
n_measures (Fixture *f)
{
  return g_list_model_get_n_items (tps_project_get_measures (f->project));
}

static gboolean
links (TpsMeasure *measure,
       const char *id)
{
  const char * const *ids = tps_measure_get_touchpoint_ids (measure);

  return ids != NULL && g_strv_contains (ids, id);
}

/* The measures the list shows, in order. */
static GPtrArray *
listed_measures (Fixture *f)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_child (GTK_WIDGET (f->view), "column_view"));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      g_ptr_array_add (measures, gtk_tree_list_row_get_item (row));
    }

  return measures;
}

static gboolean
listed (GPtrArray  *measures,
        const char *id)
{
  for (guint i = 0; i < measures->len; i++)
    if (g_strcmp0 (tps_object_get_id (g_ptr_array_index (measures, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_create_select_undo (Fixture       *f,
                         gconstpointer  data)
{
  guint n = n_measures (f);
  TpsMeasure *created;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.add", NULL));
  flush_events ();

  g_assert_cmpuint (n_measures (f), ==, n + 1);
  created = tps_measures_view_get_selected_measure (f->view);
  g_assert_nonnull (created);
  g_assert_cmpstr (tps_measure_get_title (created), ==, "New measure");
  g_assert_true (tps_project_find_measure (f->project, tps_object_get_id (TPS_OBJECT (created)))
                 == created);
  rows = listed_measures (f);
  g_assert_true (listed (rows, tps_object_get_id (TPS_OBJECT (created))));
  g_assert_nonnull (editor_of (f));

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_cmpuint (n_measures (f), ==, n);
  g_assert_null (tps_measures_view_get_selected_measure (f->view));
  g_assert_null (editor_of (f));
}

/* Typing in the title field is one undo step; undo shows the old title. */
static void
test_edit_title (Fixture       *f,
                 gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkEditable *title;

  tps_measures_view_set_selected_measure (f->view, measure);
  flush_events ();
  title = GTK_EDITABLE (editor_field (f, "title_row"));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Tarifrechner mobil optimieren");

  gtk_editable_set_text (title, "Tarifrechner mobil");
  gtk_editable_set_text (title, "Tarifrechner mobil und barrierefrei");
  g_assert_cmpstr (tps_measure_get_title (measure), ==, "Tarifrechner mobil und barrierefrei");

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpstr (tps_measure_get_title (measure), ==, "Tarifrechner mobil optimieren");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Tarifrechner mobil optimieren");
}

/* The effort buttons write the score; the quick-win row follows it. */
static void
test_edit_effort (Fixture       *f,
                  gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkWidget *box;
  GtkWidget *button;

  tps_measures_view_set_selected_measure (f->view, measure);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (editor_field (f, "quick_win_row")));

  box = editor_field (f, "effort_box");
  button = gtk_widget_get_first_child (box);   /* effort 1 */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 1);
  g_assert_true (tps_measure_is_quick_win (measure));
  g_assert_true (gtk_widget_get_visible (editor_field (f, "quick_win_row")));

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 3);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (gtk_widget_get_visible (editor_field (f, "quick_win_row")));
}

static void
test_link_unlink (Fixture       *f,
                  gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkWidget *editor;
  GtkListBox *links_list;

  tps_measures_view_set_selected_measure (f->view, measure);
  flush_events ();
  editor = editor_of (f);
  links_list = GTK_LIST_BOX (editor_field (f, "links_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (links_list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (links_list, 3));

  g_assert_true (gtk_widget_activate_action (editor, "editor.link-touchpoint", "s", "t-dunning"));
  flush_events ();
  g_assert_true (links (measure, "t-dunning"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (links_list, 3));

  /* A touchpoint that does not exist is refused and records nothing. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.link-touchpoint", "s", "t-nowhere"));
  g_assert_false (links (measure, "t-nowhere"));

  g_assert_true (gtk_widget_activate_action (editor, "editor.unlink-touchpoint", "s",
                                             "t-tariff-calc"));
  flush_events ();
  g_assert_false (links (measure, "t-tariff-calc"));

  g_assert_true (tps_history_undo (f->history));
  g_assert_true (links (measure, "t-tariff-calc"));
  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_false (links (measure, "t-dunning"));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_null (gtk_list_box_get_row_at_index (links_list, 3));
}

/* "Create measure" on a flagged painpoint makes a linked measure in one
 * step, and the painpoint is no longer flagged.
 */
static void
test_create_for_painpoint (Fixture       *f,
                           gconstpointer  data)
{
  GtkListView *list = GTK_LIST_VIEW (find_child (GTK_WIDGET (f->view), "painpoint_list"));
  GListModel *painpoints = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkRevealer *banner = GTK_REVEALER (find_child (GTK_WIDGET (f->view), "painpoint_revealer"));
  TpsMeasure *created;

  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpuint (g_list_model_get_n_items (painpoints), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view),
                                             "measures.create-for-painpoint", "s", "t-dunning"));
  flush_events ();
  created = tps_measures_view_get_selected_measure (f->view);
  g_assert_nonnull (created);
  g_assert_true (links (created, "t-dunning"));
  g_assert_cmpuint (g_list_model_get_n_items (painpoints), ==, 1);

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (painpoints), ==, 2);
}

/* The banner's rows are made by its list view: each row's button creates a
 * measure for the row's painpoint.
 */
static GtkWidget *
find_button_for (GtkWidget  *root,
                 const char *action,
                 const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), id) == 0)
            return child;
        }

      found = find_button_for (child, action, id);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_painpoint_rows (Fixture       *f,
                     gconstpointer  data)
{
  GtkToggleButton *toggle =
    GTK_TOGGLE_BUTTON (find_child (GTK_WIDGET (f->view), "painpoint_toggle"));
  GtkWidget *list = find_child (GTK_WIDGET (f->view), "painpoint_list");
  GtkWidget *button;

  gtk_toggle_button_set_active (toggle, TRUE);
  flush_events ();

  button = find_button_for (list, "measures.create-for-painpoint", "t-dunning");
  g_assert_nonnull (button);
  g_assert_nonnull (find_button_for (list, "measures.show-touchpoint", "t-dunning"));

  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_true (links (tps_measures_view_get_selected_measure (f->view), "t-dunning"));
  g_assert_null (find_button_for (list, "measures.create-for-painpoint", "t-dunning"));
}

static void
test_delete_reparents (Fixture       *f,
                       gconstpointer  data)
{
  TpsMeasure *parent = tps_project_find_measure (f->project, "x-hotline");
  TpsMeasure *child = tps_project_find_measure (f->project, "x-hotline-peak");
  g_autoptr(GPtrArray) rows = NULL;

  tps_measures_view_set_selected_measure (f->view, parent);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.delete", NULL));
  flush_events ();

  g_assert_null (tps_project_find_measure (f->project, "x-hotline"));
  g_assert_null (tps_measure_get_parent_id (child));
  g_assert_null (tps_measures_view_get_selected_measure (f->view));
  rows = listed_measures (f);
  g_assert_true (listed (rows, "x-hotline-peak"));
  g_assert_false (listed (rows, "x-hotline"));

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_cmpstr (tps_measure_get_parent_id (child), ==, "x-hotline");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = listed_measures (f);
  g_assert_true (listed (rows, "x-hotline"));
}

/* Choosing one of its own sub-projects as the parent is refused at the field. */
static void
test_parent_cycle_refused (Fixture       *f,
                           gconstpointer  data)
{
  TpsMeasure *parent = tps_project_find_measure (f->project, "x-hotline");
  AdwComboRow *row;
  GtkWidget *error;
  GListModel *choices;
  guint cycle = GTK_INVALID_LIST_POSITION;
  guint fine = GTK_INVALID_LIST_POSITION;

  tps_measures_view_set_selected_measure (f->view, parent);
  flush_events ();
  row = ADW_COMBO_ROW (editor_field (f, "parent_row"));
  error = editor_field (f, "parent_error");
  choices = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      if (strstr (label, "Rückrufangebot") != NULL)
        cycle = i;
      if (strstr (label, "Tarifrechner mobil") != NULL)
        fine = i;
    }
  g_assert_cmpuint (cycle, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (row, cycle);
  flush_events ();
  g_assert_null (tps_measure_get_parent_id (parent));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "sub-project"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (tps_history_get_can_undo (f->history));

  adw_combo_row_set_selected (row, fine);
  flush_events ();
  g_assert_cmpstr (tps_measure_get_parent_id (parent), ==, "x-calc");
  g_assert_false (gtk_widget_get_visible (error));
}

/* The parent choices are the tree of measures: none first, then each
 * measure with its sub-projects indented below it, without the measure
 * being edited.
 */
static void
test_parent_choices_tree (Fixture       *f,
                          gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GListModel *choices;
  guint hotline = GTK_INVALID_LIST_POSITION;

  tps_measures_view_set_selected_measure (f->view, measure);
  flush_events ();
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (editor_field (f, "parent_row")));

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   "None (a measure of its own)");
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      g_assert_null (strstr (label, tps_measure_get_title (measure)));
      if (g_str_equal (label, "Erreichbarkeit der Service-Hotline neu aufstellen"))
        hotline = i;
    }
  g_assert_cmpuint (hotline, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), hotline + 1), ==,
                   "    ↳ Rückrufangebot statt Warteschleife");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), hotline + 2), ==,
                   "    ↳ Schulung „Erster Kontakt löst“ für das Hotline-Team");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), hotline + 3), ==,
                   "    ↳ Personalplanung für die Rechnungsspitze im Januar und Februar");
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==,
                    g_list_model_get_n_items (tps_project_get_measures (f->project)));
}

/* The editor stays as the selection moves and edits the measure now
 * selected, never the one before.
 */
static void
test_editor_follows_selection (Fixture       *f,
                               gconstpointer  data)
{
  TpsMeasure *calc = tps_project_find_measure (f->project, "x-calc");
  TpsMeasure *hotline = tps_project_find_measure (f->project, "x-hotline");
  g_autofree char *hotline_title = g_strdup (tps_measure_get_title (hotline));
  GtkWidget *editor;
  GtkEditable *title;
  GListModel *choices;
  gboolean calc_offered = FALSE, hotline_offered = FALSE;

  tps_measures_view_set_selected_measure (f->view, calc);
  flush_events ();
  editor = editor_of (f);

  tps_measures_view_set_selected_measure (f->view, hotline);
  flush_events ();
  g_assert_true (editor_of (f) == editor);
  title = GTK_EDITABLE (editor_field (f, "title_row"));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, hotline_title);

  choices = adw_combo_row_get_model (ADW_COMBO_ROW (editor_field (f, "parent_row")));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      calc_offered |= g_str_equal (label, "Tarifrechner mobil optimieren");
      hotline_offered |= g_str_equal (label, hotline_title);
    }
  g_assert_true (calc_offered);
  g_assert_false (hotline_offered);

  gtk_editable_set_text (title, "Hotline neu");
  g_assert_cmpstr (tps_measure_get_title (hotline), ==, "Hotline neu");
  g_assert_cmpstr (tps_measure_get_title (calc), ==, "Tarifrechner mobil optimieren");

  g_assert_true (tps_history_undo (f->history));
  flush_events ();
  g_assert_cmpstr (tps_measure_get_title (hotline), ==, hotline_title);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, hotline_title);
}

/* A due date before the start, or text that is no date, is refused at the field. */
static void
test_dates_validated (Fixture       *f,
                      gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkWidget *due_row;
  GtkWidget *error;

  tps_measures_view_set_selected_measure (f->view, measure);
  flush_events ();
  due_row = editor_field (f, "due_row");
  error = editor_field (f, "dates_error");

  gtk_editable_set_text (GTK_EDITABLE (due_row), "2026-05-01");
  g_signal_emit_by_name (due_row, "apply");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "The due date cannot be before the start date.");

  gtk_editable_set_text (GTK_EDITABLE (due_row), "next spring");
  g_signal_emit_by_name (due_row, "apply");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "is not a date"));
  g_assert_false (tps_history_get_can_undo (f->history));

  gtk_editable_set_text (GTK_EDITABLE (due_row), "2027-02-28");
  g_signal_emit_by_name (due_row, "apply");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-02-28");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
}

/* Search keeps a matching sub-project's parent in the tree; the status
 * filter shows only measures with that status (and their parents).
 */
static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  GtkEditable *search = GTK_EDITABLE (find_child (GTK_WIDGET (f->view), "search_entry"));
  GtkDropDown *status = GTK_DROP_DOWN (find_child (GTK_WIDGET (f->view), "status_filter"));
  g_autoptr(GPtrArray) all = listed_measures (f);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) pilots = NULL;

  g_assert_cmpuint (all->len, ==, 18);

  gtk_editable_set_text (search, "Erster Kontakt");
  g_signal_emit_by_name (search, "search-changed");
  flush_events ();
  found = listed_measures (f);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (listed (found, "x-hotline"));
  g_assert_true (listed (found, "x-hotline-training"));

  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  gtk_drop_down_set_selected (status, TPS_MEASURE_STATUS_PILOT + 1);
  flush_events ();
  pilots = listed_measures (f);
  g_assert_true (listed (pilots, "x-movein"));
  g_assert_true (listed (pilots, "x-winback"));
  g_assert_true (listed (pilots, "x-hotline-training"));
  g_assert_false (listed (pilots, "x-calc"));
  for (guint i = 0; i < pilots->len; i++)
    {
      TpsMeasure *m = g_ptr_array_index (pilots, i);

      if (tps_measure_get_status (m) != TPS_MEASURE_STATUS_PILOT)
        g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (m)), ==, "x-hotline");
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.clear-filters",
                                             NULL));
  flush_events ();
  g_clear_pointer (&all, g_ptr_array_unref);
  all = listed_measures (f);
  g_assert_cmpuint (all->len, ==, 18);
}

static void
test_selected_measure_notifies (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-winback");

  gt_signal_logger_connect (logger, f->view, "notify::selected-measure");
  tps_measures_view_set_selected_measure (f->view, measure);
  gt_signal_logger_assert_emission_pop (logger, f->view, "notify::selected-measure", NULL);
  tps_measures_view_set_selected_measure (f->view, measure);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
on_show_touchpoint (TpsMeasuresView  *view,
                    TpsTouchpoint    *touchpoint,
                    TpsTouchpoint   **shown)
{
  *shown = touchpoint;
}

static void
test_show_touchpoint (Fixture       *f,
                      gconstpointer  data)
{
  TpsTouchpoint *shown = NULL;

  g_signal_connect (f->view, "show-touchpoint", G_CALLBACK (on_show_touchpoint), &shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.show-touchpoint",
                                             "s", "t-move-out"));
  g_assert_true (shown == tps_project_find_touchpoint (f->project, "t-move-out"));

  /* From a linked touchpoint in the editor, too. */
  shown = NULL;
  tps_measures_view_set_selected_measure (f->view, tps_project_find_measure (f->project, "x-calc"));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (editor_of (f), "editor.show-touchpoint", "s",
                                             "t-online-order"));
  g_assert_true (shown == tps_project_find_touchpoint (f->project, "t-online-order"));
}

static void
test_summary_line (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *summary = GTK_LABEL (find_child (GTK_WIDGET (f->view), "summary_label"));

  g_assert_nonnull (strstr (gtk_label_get_text (summary), "18 measures"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Pilot: 3"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "3 open quick wins"));

  tps_history_set (f->history, tps_project_find_measure (f->project, "x-winback"),
                   "status", TPS_MEASURE_STATUS_DONE, NULL);
  flush_events ();
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "2 open quick wins"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Pilot: 2"));
}

/* The tabs draw the core renderers without complaint. */
static void
test_tabs_draw (Fixture       *f,
                gconstpointer  data)
{
  const char *tabs[] = { "timeline", "matrix", "list" };

  tps_measures_view_set_selected_measure (f->view, tps_project_find_measure (f->project, "x-calc"));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.show-view", "s",
                                                 tabs[i]));
      flush_events ();
      paintable = gtk_widget_paintable_new (GTK_WIDGET (f->view));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >, 0);
    }
}

static GtkGestureDrag *
drag_gesture_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE_DRAG (controller);
    }

  g_assert_not_reached ();
}

/* The drag gesture's signals stand in for a pointer: Xvfb has none to move. */
static void
drag (GtkWidget *widget,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
  GtkGestureDrag *gesture = drag_gesture_of (widget);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  flush_events ();
}

/* Dragging a bar's right end moves the due date, snapped to a day, as one
 * undo step; dragging the bar moves both dates.
 */
static void
test_timeline_drag (Fixture       *f,
                    gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkWidget *area = find_child (GTK_WIDGET (f->view), "timeline_view");
  g_autoptr(TpsTimeline) timeline = tps_timeline_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const TpsTimelineRow *row;
  GDate feb1, mar1;
  double month;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.show-view", "s",
                                             "timeline"));
  flush_events ();

  /* The same layout the view draws: same project, same today. */
  tps_timeline_set_today (timeline, today);
  tps_timeline_update (timeline, f->project);
  row = tps_timeline_find_row (timeline, measure);
  g_assert_nonnull (row);
  g_date_clear (&feb1, 1);
  g_date_clear (&mar1, 1);
  g_date_set_dmy (&feb1, 1, 2, 2027);
  g_date_set_dmy (&mar1, 1, 3, 2027);
  month = tps_timeline_x_for_date (timeline, &mar1) - tps_timeline_x_for_date (timeline, &feb1);

  /* Due 2027-01-31: the bar ends at 1 February; drag it one month on. */
  drag (area, row->bar_x1 - 1, row->y + row->height / 2, month, 0);
  g_assert_cmpstr (tps_measure_get_start (measure), ==, "2026-06-01");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-02-28");

  g_assert_true (tps_history_undo (f->history));
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
  g_assert_false (tps_history_get_can_undo (f->history));

  /* A click without moving records nothing. */
  drag (area, (row->bar_x0 + row->bar_x1) / 2, row->y + row->height / 2, 0, 0);
  g_assert_false (tps_history_get_can_undo (f->history));

  /* Dragging the whole bar moves both dates and keeps the duration. */
  drag (area, (row->bar_x0 + row->bar_x1) / 2, row->y + row->height / 2, month, 0);
  {
    g_autoptr(GDate) start = g_date_new ();
    g_autoptr(GDate) due = g_date_new ();
    g_autoptr(GDate) old_start = g_date_new_dmy (1, 6, 2026);

    g_date_set_parse (start, tps_measure_get_start (measure));
    g_date_set_parse (due, tps_measure_get_due (measure));
    g_assert_cmpint (g_date_days_between (old_start, start), >=, 25);
    g_assert_cmpint (g_date_days_between (old_start, start), <=, 35);
    g_assert_cmpint (g_date_days_between (start, due), ==, 244);
  }
  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpstr (tps_measure_get_start (measure), ==, "2026-06-01");
  g_assert_cmpstr (tps_measure_get_due (measure), ==, "2027-01-31");
}

/* Dragging a marker to another cell sets effort and impact in one step. */
static void
test_matrix_drag (Fixture       *f,
                  gconstpointer  data)
{
  TpsMeasure *measure = tps_project_find_measure (f->project, "x-calc");
  GtkWidget *area = find_child (GTK_WIDGET (f->view), "matrix_view");
  GtkWidget *scrolled;
  g_autoptr(TpsEffortMatrix) matrix = tps_effort_matrix_new ();
  const TpsMatrixMarker *marker;
  cairo_rectangle_t cell;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.show-view", "s",
                                             "matrix"));
  flush_events ();
  scrolled = gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
  tps_effort_matrix_update (matrix, f->project, MAX (gtk_widget_get_width (area), 480),
                            MAX (gtk_widget_get_height (scrolled), 420));
  marker = tps_effort_matrix_find_marker (matrix, measure);
  tps_effort_matrix_get_cell (matrix, 2, 4, &cell);

  drag (area, marker->x, marker->y, cell.x + cell.width / 2 - marker->x,
        cell.y + cell.height / 2 - marker->y);
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 2);
  g_assert_cmpint (tps_measure_get_impact (measure), ==, 4);
  g_assert_true (tps_measure_is_quick_win (measure));
  g_assert_cmpstr (tps_history_get_undo_label (f->history), ==,
                   "Effort and impact of “Tarifrechner mobil optimieren” changed");

  g_assert_true (tps_history_undo (f->history));
  g_assert_false (tps_history_get_can_undo (f->history));
  g_assert_cmpint (tps_measure_get_effort (measure), ==, 3);
  g_assert_cmpint (tps_measure_get_impact (measure), ==, 5);
}

/* One selection across the list, the timeline and the matrix: a press on
 * a marker selects that measure everywhere and opens it in the editor.
 */
static void
test_plan_selection (Fixture       *f,
                     gconstpointer  data)
{
  TpsTimelineView *timeline = TPS_TIMELINE_VIEW (find_child (GTK_WIDGET (f->view),
                                                             "timeline_view"));
  TpsMatrixView *matrix = TPS_MATRIX_VIEW (find_child (GTK_WIDGET (f->view), "matrix_view"));
  TpsMeasure *calc = tps_project_find_measure (f->project, "x-calc");
  TpsMeasure *winback = tps_project_find_measure (f->project, "x-winback");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  const TpsMatrixMarker *marker;

  tps_measures_view_set_selected_measure (f->view, calc);
  g_assert_true (tps_timeline_view_get_selected_measure (timeline) == calc);
  g_assert_true (tps_matrix_view_get_selected_measure (matrix) == calc);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "measures.show-view", "s",
                                             "matrix"));
  flush_events ();
  marker = tps_effort_matrix_find_marker (tps_matrix_view_get_matrix (matrix), winback);
  g_assert_nonnull (marker);
  gt_signal_logger_connect (logger, f->view, "notify::selected-measure");

  drag (GTK_WIDGET (matrix), marker->x, marker->y, 0, 0);
  gt_signal_logger_assert_notify_emission_pop (logger, f->view, "selected-measure");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (tps_measures_view_get_selected_measure (f->view) == winback);
  g_assert_true (tps_timeline_view_get_selected_measure (timeline) == winback);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_field (f, "title_row"))), ==,
                   tps_measure_get_title (winback));
  g_assert_false (tps_history_get_can_undo (f->history));

  tps_measures_view_set_project (f->view, NULL);
  g_assert_null (tps_timeline_view_get_project (timeline));
  g_assert_null (tps_matrix_view_get_selected_measure (matrix));
}

/* The drop-downs above the timeline set its scale and grouping. */
static void
test_timeline_options (Fixture       *f,
                       gconstpointer  data)
{
  TpsTimelineView *timeline = TPS_TIMELINE_VIEW (find_child (GTK_WIDGET (f->view),
                                                             "timeline_view"));
  GtkDropDown *scale = GTK_DROP_DOWN (find_child (GTK_WIDGET (f->view), "scale_dropdown"));
  GtkDropDown *grouping = GTK_DROP_DOWN (find_child (GTK_WIDGET (f->view), "grouping_dropdown"));

  g_assert_cmpint (tps_timeline_view_get_scale (timeline), ==, TPS_TIMELINE_SCALE_AUTO);
  gtk_drop_down_set_selected (scale, 1);
  g_assert_cmpint (tps_timeline_view_get_scale (timeline), ==, TPS_TIMELINE_SCALE_MONTH);
  gtk_drop_down_set_selected (scale, 2);
  g_assert_cmpint (tps_timeline_view_get_scale (timeline), ==, TPS_TIMELINE_SCALE_QUARTER);
  g_assert_cmpint (tps_timeline_get_effective_scale (tps_timeline_view_get_timeline (timeline)),
                   ==, TPS_TIMELINE_SCALE_QUARTER);

  g_assert_cmpint (tps_timeline_view_get_grouping (timeline), ==, TPS_TIMELINE_GROUP_BY_PARENT);
  gtk_drop_down_set_selected (grouping, 1);
  g_assert_cmpint (tps_timeline_view_get_grouping (timeline), ==, TPS_TIMELINE_GROUP_BY_TYPE);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/measures-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create/selects-and-undoes", test_create_select_undo);
  ADD ("edit/title-is-one-undo-step", test_edit_title);
  ADD ("edit/effort-buttons-and-quick-win", test_edit_effort);
  ADD ("link/link-refuse-missing-unlink-undo", test_link_unlink);
  ADD ("painpoints/create-measure-for-painpoint", test_create_for_painpoint);
  ADD ("painpoints/rows", test_painpoint_rows);
  ADD ("delete/reparents-and-undoes", test_delete_reparents);
  ADD ("edit/parent-cycle-refused-at-field", test_parent_cycle_refused);
  ADD ("edit/parent-choices-tree", test_parent_choices_tree);
  ADD ("edit/editor-follows-selection", test_editor_follows_selection);
  ADD ("edit/dates-validated-at-field", test_dates_validated);
  ADD ("list/search-and-status-filter", test_search_and_filter);
  ADD ("selection/notifies-once", test_selected_measure_notifies);
  ADD ("signals/show-touchpoint", test_show_touchpoint);
  ADD ("summary/counts-and-updates", test_summary_line);
  ADD ("tabs/draw", test_tabs_draw);
  ADD ("timeline/drag-changes-dates", test_timeline_drag);
  ADD ("matrix/drag-changes-effort-and-impact", test_matrix_drag);
  ADD ("selection/shared-with-timeline-and-matrix", test_plan_selection);
  ADD ("timeline/options-set-scale-and-grouping", test_timeline_options);

  return g_test_run ();
}
