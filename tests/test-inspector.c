/* test-inspector.c — the touchpoint inspector edits every section of a
 * touchpoint through the undo history, one step per edit, and refuses
 * invalid measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libglib-testing/signal-logger.h>

#include "tps-analysis.h"
#include "tps-completion.h"
#include "tps-measurement-dialog.h"
#include "tps-measurement-series.h"
#include "tps-project-edit.h"
#include "tps-project-io.h"
#include "tps-rating-selector.h"
#include "tps-touchpoint-inspector.h"

typedef struct
{
  TpsProject *project;
  TpsHistory *history;
  TpsTouchpoint *touchpoint;   /* t-one, every field filled in */
  GtkWindow *window;
  TpsTouchpointInspector *inspector;
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = load_fixture ("all-fields.touchpoints");
  fixture->history = tps_history_new ();
  fixture->touchpoint = tps_project_find_touchpoint (fixture->project, "t-one");

  fixture->inspector = TPS_TOUCHPOINT_INSPECTOR (tps_touchpoint_inspector_new ());
  g_object_set (fixture->inspector,
                "project", fixture->project,
                "history", fixture->history,
                "touchpoint", fixture->touchpoint,
                NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->inspector));
  gtk_window_present (fixture->window);
  flush_events ();
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (TPS_IS_MEASUREMENT_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_dialogs ();
  gtk_window_destroy (fixture->window);
  flush_events ();
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->project);
}

static void wait_for_layout (void);

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector),
                                                   TPS_TYPE_TOUCHPOINT_INSPECTOR, name);

  g_assert_nonnull (object);
  return object;
}

static GtkTextView *
text_field (Fixture    *fixture,
            const char *name)
{
  GtkWidget *view = tps_touchpoint_inspector_get_text_field (fixture->inspector, name);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

/* Types text one character at a time, as a person does. */
static void
type_into (GtkEditable *editable,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (text, g_utf8_next_char (p) - text);

      gtk_editable_set_text (editable, prefix);
    }
}

static void
type_into_view (GtkTextView *view,
                const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_set_text (buffer, "", -1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
}

/* Asserts that exactly one undo step restores @property's old value. */
static void
assert_one_undo_restores (Fixture      *fixture,
                          gpointer      object,
                          const char   *property,
                          const GValue *before)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) after = G_VALUE_INIT;

  g_assert_true (tps_history_undo (fixture->history));
  g_value_init (&after, pspec->value_type);
  g_object_get_property (object, property, &after);
  if (G_VALUE_HOLDS (before, G_TYPE_STRV))
    g_assert_true (g_strv_equal (g_value_get_boxed (before), g_value_get_boxed (&after)));
  else
    g_assert_cmpint (g_param_values_cmp (pspec, before, &after), ==, 0);
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
get_value (gpointer    object,
           const char *property,
           GValue     *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_value_init (value, pspec->value_type);
  g_object_get_property (object, property, value);
}

/* Empty state --------------------------------------------------------------- */

static void
test_empty_shows_status_page (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkStack *stack = child (fixture, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "touchpoint");
  tps_touchpoint_inspector_set_touchpoint (fixture->inspector, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (stack)));
}

/* Basics ------------------------------------------------------------------ */

static void
test_basics_title_typing_is_one_step (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_auto(GValue) before = G_VALUE_INIT;

  get_value (fixture->touchpoint, "title", &before);
  gtk_editable_set_text (child (fixture, "title_row"), "");
  type_into (child (fixture, "title_row"), "Preisrechner");
  g_assert_cmpstr (tps_touchpoint_get_title (fixture->touchpoint), ==, "Preisrechner");

  assert_one_undo_restores (fixture, fixture->touchpoint, "title", &before);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==, "Tarifrechner");
}

static void
test_basics_description (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GValue) before = G_VALUE_INIT;

  get_value (fixture->touchpoint, "description", &before);
  type_into_view (text_field (fixture, "description"), "Zeigt Preise.");
  g_assert_cmpstr (tps_touchpoint_get_description (fixture->touchpoint), ==, "Zeigt Preise.");
  assert_one_undo_restores (fixture, fixture->touchpoint, "description", &before);
}

static void
test_basics_stage_and_channel (Fixture       *fixture,
                               gconstpointer  data)
{
  AdwComboRow *stage_row = child (fixture, "stage_row");
  AdwComboRow *channel_row = child (fixture, "channel_row");
  g_auto(GValue) stage = G_VALUE_INIT;
  g_auto(GValue) channel = G_VALUE_INIT;

  /* The rows offer the project's stages and channels by name. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (stage_row)), ==, 2);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (stage_row)),
                   ==, "Aufmerksamkeit");

  get_value (fixture->touchpoint, "stage-id", &stage);
  adw_combo_row_set_selected (stage_row, 1);
  g_assert_cmpstr (tps_touchpoint_get_stage_id (fixture->touchpoint), ==, "s-buy");
  assert_one_undo_restores (fixture, fixture->touchpoint, "stage-id", &stage);
  g_assert_cmpuint (adw_combo_row_get_selected (stage_row), ==, 0);

  get_value (fixture->touchpoint, "channel-id", &channel);
  adw_combo_row_set_selected (channel_row, 2);
  g_assert_cmpstr (tps_touchpoint_get_channel_id (fixture->touchpoint), ==, "c-phone");
  assert_one_undo_restores (fixture, fixture->touchpoint, "channel-id", &channel);
}

static GtkToggleButton *
persona_chip (Fixture    *fixture,
              const char *persona_id)
{
  GtkWidget *box = child (fixture, "personas_box");

  for (GtkWidget *chip = gtk_widget_get_first_child (box);
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (chip), "persona-id"), persona_id) == 0)
      return GTK_TOGGLE_BUTTON (chip);

  g_assert_not_reached ();
}

static void
test_basics_personas (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GValue) before = G_VALUE_INIT;
  const char * const *ids;

  g_assert_true (gtk_toggle_button_get_active (persona_chip (fixture, "p-anna")));
  g_assert_true (gtk_toggle_button_get_active (persona_chip (fixture, "p-bernd")));

  get_value (fixture->touchpoint, "persona-ids", &before);
  gtk_toggle_button_set_active (persona_chip (fixture, "p-anna"), FALSE);
  ids = tps_touchpoint_get_persona_ids (fixture->touchpoint);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "p-bernd");

  assert_one_undo_restores (fixture, fixture->touchpoint, "persona-ids", &before);
  g_assert_true (gtk_toggle_button_get_active (persona_chip (fixture, "p-anna")));
}

static void
test_basics_status_and_function (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(GValue) status = G_VALUE_INIT;
  g_auto(GValue) function = G_VALUE_INIT;

  get_value (fixture->touchpoint, "status", &status);
  adw_combo_row_set_selected (child (fixture, "status_row"), TPS_TOUCHPOINT_STATUS_RETIRE);
  g_assert_cmpint (tps_touchpoint_get_status (fixture->touchpoint), ==,
                   TPS_TOUCHPOINT_STATUS_RETIRE);
  assert_one_undo_restores (fixture, fixture->touchpoint, "status", &status);

  get_value (fixture->touchpoint, "function", &function);
  adw_combo_row_set_selected (child (fixture, "function_row"), TPS_FUNCTION_SELL);
  g_assert_cmpint (tps_touchpoint_get_function (fixture->touchpoint), ==, TPS_FUNCTION_SELL);
  assert_one_undo_restores (fixture, fixture->touchpoint, "function", &function);
}

/* Experience -------------------------------------------------------------- */

static void
click_step (Fixture    *fixture,
            const char *selector,
            int         value)
{
  GtkWidget *button = tps_rating_selector_get_button (child (fixture, selector), value);

  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static void
test_experience_ratings (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct { const char *selector; const char *property; int value; } cases[] = {
    { "current_selector", "current", 1 },
    { "target_selector", "target", 0 },
    { "internal_selector", "internal", -2 },
    { "importance_selector", "importance", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GValue) before = G_VALUE_INIT;
      int now;

      get_value (fixture->touchpoint, cases[i].property, &before);
      click_step (fixture, cases[i].selector, cases[i].value);
      g_object_get (fixture->touchpoint, cases[i].property, &now, NULL);
      g_assert_cmpint (now, ==, cases[i].value);
      assert_one_undo_restores (fixture, fixture->touchpoint, cases[i].property, &before);
      g_assert_cmpint (tps_rating_selector_get_value (child (fixture, cases[i].selector)), ==,
                       g_value_get_int (&before));
    }
}

static void
test_experience_rating_buttons_are_labelled (Fixture       *fixture,
                                             gconstpointer  data)
{
  TpsRatingSelector *selector = child (fixture, "current_selector");

  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      GtkWidget *button = tps_rating_selector_get_button (selector, rating);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      g_assert_true (g_str_has_prefix (tooltip, tps_rating_get_label (rating)));
    }

  /* The row names the chosen step in words. */
  g_assert_cmpstr (adw_action_row_get_subtitle (child (fixture, "current_row")), ==,
                   "Very disappointing");
}

static void
test_experience_moment_and_points (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_auto(GValue) moment = G_VALUE_INIT;
  g_auto(GValue) entry = G_VALUE_INIT;
  g_auto(GValue) exit_point = G_VALUE_INIT;

  get_value (fixture->touchpoint, "moment", &moment);
  adw_combo_row_set_selected (child (fixture, "moment_row"), TPS_MOMENT_OF_TRUTH);
  g_assert_cmpint (tps_touchpoint_get_moment (fixture->touchpoint), ==, TPS_MOMENT_OF_TRUTH);
  assert_one_undo_restores (fixture, fixture->touchpoint, "moment", &moment);

  get_value (fixture->touchpoint, "entry-point", &entry);
  gtk_switch_set_active (child (fixture, "entry_switch"), FALSE);
  g_assert_false (tps_touchpoint_get_entry_point (fixture->touchpoint));
  assert_one_undo_restores (fixture, fixture->touchpoint, "entry-point", &entry);
  g_assert_true (gtk_switch_get_active (child (fixture, "entry_switch")));

  get_value (fixture->touchpoint, "exit-point", &exit_point);
  gtk_switch_set_active (child (fixture, "exit_switch"), FALSE);
  g_assert_false (tps_touchpoint_get_exit_point (fixture->touchpoint));
  assert_one_undo_restores (fixture, fixture->touchpoint, "exit-point", &exit_point);
}

/* Every text attribute of the touchpoint (but the title, which has its
 * entry row) has its text view, and typing into it is one undoable step.
 */
static void
test_text_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  const TpsTouchpointAttribute *attribute;
  guint n_fields = 0;

  for (guint i = 0; (attribute = tps_touchpoint_get_attribute (i)) != NULL; i++)
    {
      g_auto(GValue) before = G_VALUE_INIT;
      g_autofree char *now = NULL;

      if (attribute->type != TPS_ATTRIBUTE_TEXT || strcmp (attribute->name, "title") == 0)
        continue;

      get_value (fixture->touchpoint, attribute->name, &before);
      type_into_view (text_field (fixture, attribute->name), "Neu");
      g_object_get (fixture->touchpoint, attribute->name, &now, NULL);
      g_assert_cmpstr (now, ==, "Neu");
      n_fields++;

      /* Focus leaving the field ends the step, as clicking elsewhere does. */
      assert_one_undo_restores (fixture, fixture->touchpoint, attribute->name, &before);
      tps_history_break_merge (fixture->history);
    }

  g_assert_cmpuint (n_fields, >=, 9);
}

/* A text view filled while its page was hidden used to stay one line high. */
static void
test_text_fields_grow_when_shown_later (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(TpsProject) project = load_fixture ("../../data/examples/de/stadtwerke.touchpoints");
  GtkWidget *inspector = tps_touchpoint_inspector_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *description;
  GtkWidget *goal;

  /* Nothing selected at first: the fields have never been laid out. */
  g_object_set (inspector, "project", project, "history", fixture->history, NULL);
  gtk_window_set_default_size (window, 420, 700);
  gtk_window_set_child (window, inspector);
  gtk_window_present (window);
  wait_for_layout ();

  tps_touchpoint_inspector_set_touchpoint (TPS_TOUCHPOINT_INSPECTOR (inspector),
                                           tps_project_find_touchpoint (project,
                                                                        "t-hotline-service"));
  wait_for_layout ();

  /* The description takes four lines at this width, the goal two. */
  description = tps_touchpoint_inspector_get_text_field (TPS_TOUCHPOINT_INSPECTOR (inspector),
                                                         "description");
  goal = tps_touchpoint_inspector_get_text_field (TPS_TOUCHPOINT_INSPECTOR (inspector), "goal");
  /* Layout takes as many frames as it takes (a loaded CI machine, a
   * sanitizer build): wait for it with a generous deadline, then assert.
   */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < deadline
           && !(gtk_widget_get_height (description) > 50
                && gtk_widget_get_height (description) >= 3 * gtk_widget_get_height (goal) / 2))
      {
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
  }

  g_assert_cmpint (gtk_widget_get_height (description), >=,
                   3 * gtk_widget_get_height (goal) / 2);
  g_assert_cmpint (gtk_widget_get_height (description), >, 50);

  gtk_window_destroy (window);
}

/* Organisation ------------------------------------------------------------ */

static void
test_organisation_owner (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GValue) before = G_VALUE_INIT;

  get_value (fixture->touchpoint, "owner", &before);
  gtk_editable_set_text (child (fixture, "owner_row"), "");
  type_into (child (fixture, "owner_row"), "Vertrieb");
  g_assert_cmpstr (tps_touchpoint_get_owner (fixture->touchpoint), ==, "Vertrieb");
  assert_one_undo_restores (fixture, fixture->touchpoint, "owner", &before);
}

static guint
n_chips (Fixture    *fixture,
         const char *box)
{
  guint n = 0;

  for (GtkWidget *chip = gtk_widget_get_first_child (child (fixture, box));
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    n++;

  return n;
}

static void
test_organisation_add_and_remove_system (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_auto(GValue) before = G_VALUE_INIT;
  const char * const *systems;

  get_value (fixture->touchpoint, "systems", &before);
  g_assert_cmpuint (n_chips (fixture, "systems_box"), ==, 2);

  gtk_editable_set_text (child (fixture, "system_entry"), "ERP");
  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.add-system", NULL);
  systems = tps_touchpoint_get_systems (fixture->touchpoint);
  g_assert_cmpuint (g_strv_length ((char **) systems), ==, 3);
  g_assert_cmpstr (systems[2], ==, "ERP");
  g_assert_cmpuint (n_chips (fixture, "systems_box"), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "system_entry")), ==, "");
  assert_one_undo_restores (fixture, fixture->touchpoint, "systems", &before);
  g_assert_cmpuint (n_chips (fixture, "systems_box"), ==, 2);

  /* A system already there, in other case, is not added twice. */
  gtk_editable_set_text (child (fixture, "system_entry"), "crm");
  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.add-system", NULL);
  g_assert_false (tps_history_get_can_undo (fixture->history));

  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.remove-system",
                              "s", "CMS");
  systems = tps_touchpoint_get_systems (fixture->touchpoint);
  g_assert_cmpuint (g_strv_length ((char **) systems), ==, 1);
  g_assert_cmpstr (systems[0], ==, "CRM");
  assert_one_undo_restores (fixture, fixture->touchpoint, "systems", &before);
}

/* A popup needs its window to be on a monitor, which the X server reports
 * a little after the window was presented.
 */
static void
wait_for_monitor (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

      if (surface != NULL && gdk_surface_get_mapped (surface)
          && gdk_display_get_monitor_at_surface (display, surface) != NULL)
        return;
      g_main_context_iteration (NULL, TRUE);
    }

  g_test_skip ("The window did not appear on a monitor");
}

/* Lets the frame clock lay the window out again. */
static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
wait_for_layout (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (150, quit_loop, loop);
  g_main_loop_run (loop);
}

/* The suggestions pop up below the entry, which must be on the screen. */
static void
scroll_into_view (Fixture   *fixture,
                  GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = child (fixture, "scrolled");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 100);
  wait_for_layout ();
}

static void
test_organisation_system_completion (Fixture       *fixture,
                                     gconstpointer  data)
{
  TpsTouchpoint *other = tps_project_find_touchpoint (fixture->project, "t-two");
  const char * const systems[] = { "Salesforce CRM", "ERP", NULL };
  GtkWidget *entry = child (fixture, "system_entry");
  const char * const *now;

  tps_history_set (fixture->history, other, "systems", systems, NULL);
  tps_history_break_merge (fixture->history);
  wait_for_monitor (fixture->window);

  /* Typing "sales" offers the system another touchpoint uses. */
  scroll_into_view (fixture, entry);
  gtk_widget_grab_focus (entry);
  flush_events ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "sales");
  flush_events ();
  /* A loaded machine may take a few frames to show the suggestions. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !gtk_widget_get_visible (tps_completion_get_popover (entry))
       && g_get_monotonic_time () < deadline;)
    {
      flush_events ();
      g_usleep (10 * 1000);
    }
  g_assert_true (gtk_widget_get_visible (tps_completion_get_popover (entry)));
  g_assert_true (tps_completion_accept_first (entry));

  now = tps_touchpoint_get_systems (fixture->touchpoint);
  g_assert_cmpuint (g_strv_length ((char **) now), ==, 3);
  g_assert_cmpstr (now[2], ==, "Salesforce CRM");
}

/* Measurements ------------------------------------------------------------ */

static TpsMeasurementDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TPS_IS_MEASUREMENT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TPS_MEASUREMENT_DIALOG (window);
    }

  return NULL;
}

static gpointer
dialog_child (TpsMeasurementDialog *dialog,
              const char           *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   TPS_TYPE_MEASUREMENT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static guint
n_measurements (Fixture *fixture)
{
  return g_list_model_get_n_items (tps_touchpoint_get_measurements (fixture->touchpoint));
}

static void
test_measurements_add_is_one_step (Fixture       *fixture,
                                   gconstpointer  data)
{
  TpsMeasurementDialog *dialog;
  g_autoptr(TpsMeasurement) added = NULL;
  GtkListBox *list = child (fixture, "measurements_list");

  g_assert_cmpuint (n_measurements (fixture), ==, 6);
  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.add-measurement",
                              NULL);
  flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* It continues the KPI measured last, so only the value is missing. */
  g_assert_false (tps_measurement_dialog_is_valid (dialog));
  gtk_editable_set_text (dialog_child (dialog, "date_row"), "2026-07-01");
  gtk_editable_set_text (dialog_child (dialog, "value_row"), "12");
  g_assert_true (tps_measurement_dialog_apply (dialog));
  flush_events ();

  g_assert_cmpuint (n_measurements (fixture), ==, 7);
  added = g_list_model_get_item (tps_touchpoint_get_measurements (fixture->touchpoint), 6);
  g_assert_cmpint (tps_measurement_get_metric (added), ==, TPS_METRIC_COMPLAINTS);
  g_assert_cmpfloat (tps_measurement_get_value (added), ==, 12);
  g_assert_cmpstr (tps_measurement_get_date (added), ==, "2026-07-01");

  /* The complaints series now compares 12 with 17: shown at the top. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpuint (n_measurements (fixture), ==, 6);
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
test_measurements_value_out_of_range_is_not_stored (Fixture       *fixture,
                                                    gconstpointer  data)
{
  TpsMeasurementDialog *dialog = tps_measurement_dialog_new (fixture->project, fixture->history,
                                                             fixture->touchpoint, NULL);
  GtkWidget *value_row = dialog_child (dialog, "value_row");
  GtkWidget *target_row = dialog_child (dialog, "target_row");

  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (dialog_child (dialog, "metric_row"), TPS_METRIC_CSAT);

  /* CSAT runs from 1 to 5. */
  gtk_editable_set_text (GTK_EDITABLE (value_row), "7");
  g_assert_true (gtk_widget_has_css_class (value_row, "error"));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "kpi_error")));
  g_assert_false (tps_measurement_dialog_apply (dialog));
  g_assert_cmpuint (n_measurements (fixture), ==, 6);
  g_assert_false (tps_history_get_can_undo (fixture->history));

  gtk_editable_set_text (GTK_EDITABLE (value_row), "drei");
  g_assert_true (gtk_widget_has_css_class (value_row, "error"));
  g_assert_false (tps_measurement_dialog_apply (dialog));

  /* A valid value with a target outside the range is refused as well. */
  gtk_editable_set_text (GTK_EDITABLE (value_row), "3,5");
  g_assert_false (gtk_widget_has_css_class (value_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (target_row), "6");
  g_assert_true (gtk_widget_has_css_class (target_row, "error"));
  g_assert_false (tps_measurement_dialog_apply (dialog));
  g_assert_cmpuint (n_measurements (fixture), ==, 6);

  gtk_editable_set_text (GTK_EDITABLE (target_row), "4.5");
  g_assert_true (tps_measurement_dialog_apply (dialog));
  g_assert_cmpuint (n_measurements (fixture), ==, 7);
}

static void
test_measurements_invalid_date_is_not_stored (Fixture       *fixture,
                                              gconstpointer  data)
{
  TpsMeasurementDialog *dialog = tps_measurement_dialog_new (fixture->project, fixture->history,
                                                             fixture->touchpoint, NULL);
  GtkWidget *date_row = dialog_child (dialog, "date_row");

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (dialog_child (dialog, "value_row"), "10");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "date_error")));
  g_assert_false (tps_measurement_dialog_apply (dialog));
  g_assert_cmpuint (n_measurements (fixture), ==, 6);

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-28");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (tps_measurement_dialog_apply (dialog));
  g_assert_cmpuint (n_measurements (fixture), ==, 7);
}

static void
test_measurements_edit_is_one_step (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TpsMeasurement) m = g_list_model_get_item (
    tps_touchpoint_get_measurements (fixture->touchpoint), 0);
  TpsMeasurementDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.edit-measurement",
                              "s", "m-1");
  flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (tps_measurement_dialog_get_measurement (dialog) == m);

  gtk_editable_set_text (dialog_child (dialog, "value_row"), "3.1");
  gtk_editable_set_text (dialog_child (dialog, "target_row"), "4.5");
  gtk_switch_set_active (dialog_child (dialog, "baseline_switch"), FALSE);
  g_assert_true (tps_measurement_dialog_apply (dialog));
  g_assert_cmpfloat (tps_measurement_get_value (m), ==, 3.1);
  g_assert_cmpfloat (tps_measurement_get_target (m), ==, 4.5);
  g_assert_false (tps_measurement_get_baseline (m));

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpfloat (tps_measurement_get_value (m), ==, 2.9);
  g_assert_cmpfloat (tps_measurement_get_target (m), ==, 4);
  g_assert_true (tps_measurement_get_baseline (m));
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
test_measurements_edit_unchanged_records_nothing (Fixture       *fixture,
                                                  gconstpointer  data)
{
  GListModel *measurements = tps_touchpoint_get_measurements (fixture->touchpoint);

  /* Values with two decimals survive the form unrounded. */
  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(TpsMeasurement) m = g_list_model_get_item (measurements, i);
      TpsMeasurementDialog *dialog = tps_measurement_dialog_new (fixture->project,
                                                                 fixture->history,
                                                                 fixture->touchpoint, m);

      gtk_window_present (GTK_WINDOW (dialog));
      g_assert_true (tps_measurement_dialog_apply (dialog));
    }

  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
test_measurements_delete_is_one_step (Fixture       *fixture,
                                      gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.delete-measurement",
                              "s", "m-2");
  g_assert_cmpuint (n_measurements (fixture), ==, 5);
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpuint (n_measurements (fixture), ==, 6);
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
test_measurements_series_describe_baseline (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(TpsProject) project = load_fixture ("../../data/examples/de/stadtwerke.touchpoints");
  TpsTouchpoint *hotline = tps_project_find_touchpoint (project, "t-hotline-service");
  g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series_for (hotline);
  gboolean found = FALSE;

  for (guint i = 0; i < series->len; i++)
    {
      TpsKpiSeries *s = g_ptr_array_index (series, i);
      g_autofree char *text = tps_kpi_series_describe (s);

      if (s->metric == TPS_METRIC_CSAT)
        {
          g_assert_cmpstr (text, ==, "CSAT 3.4 — baseline 2.4 (+1), target 4");
          found = TRUE;
        }
    }

  g_assert_true (found);
}

/* Measures ---------------------------------------------------------------- */

static void
test_measures_create_is_one_step (Fixture       *fixture,
                                  gconstpointer  data)
{
  GListModel *measures = tps_project_get_measures (fixture->project);
  guint n = g_list_model_get_n_items (measures);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsMeasure) created = NULL;
  g_autoptr(TpsMeasure) shown = NULL;
  const char * const *linked;

  gt_signal_logger_connect (logger, fixture->inspector, "show-measure");
  gtk_widget_activate_action (GTK_WIDGET (fixture->inspector), "inspector.create-measure", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, n + 1);
  created = g_list_model_get_item (measures, n);
  linked = tps_measure_get_touchpoint_ids (created);
  g_assert_cmpuint (g_strv_length ((char **) linked), ==, 1);
  g_assert_cmpstr (linked[0], ==, "t-one");
  g_assert_cmpstr (tps_measure_get_owner (created), ==, "Marketing");

  gt_signal_logger_assert_emission_pop (logger, fixture->inspector, "show-measure", &shown);
  g_assert_true (shown == created);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, n);
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

static void
test_measures_lists_linked_and_shows_one (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkListBox *list = child (fixture, "measures_list");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(TpsMeasure) shown = NULL;
  GtkListBoxRow *row;

  /* t-one is linked from "Prozess neu" only. */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Prozess neu");

  gt_signal_logger_connect (logger, fixture->inspector, "show-measure");
  g_signal_emit_by_name (row, "activate");
  gt_signal_logger_assert_emission_pop (logger, fixture->inspector, "show-measure", &shown);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (shown)), ==, "x-parent");
}

/* Following the model ---------------------------------------------------- */

static void
test_fields_follow_undo_and_redo (Fixture       *fixture,
                                  gconstpointer  data)
{
  tps_history_set (fixture->history, fixture->touchpoint, "title", "Rechner", "current", 1, NULL);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==, "Rechner");
  g_assert_cmpint (tps_rating_selector_get_value (child (fixture, "current_selector")), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "header_title")), ==, "Rechner");

  tps_history_undo (fixture->history);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==, "Tarifrechner");
  g_assert_cmpint (tps_rating_selector_get_value (child (fixture, "current_selector")), ==, -2);

  tps_history_redo (fixture->history);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==, "Rechner");
}

static void
test_switching_touchpoint_rebinds (Fixture       *fixture,
                                   gconstpointer  data)
{
  TpsTouchpoint *two = tps_project_find_touchpoint (fixture->project, "t-two");

  tps_touchpoint_inspector_set_touchpoint (fixture->inspector, two);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==,
                   "Beratung in der Filiale");
  g_assert_cmpuint (n_chips (fixture, "systems_box"), ==, 0);

  gtk_editable_set_text (child (fixture, "title_row"), "Beratung");
  click_step (fixture, "target_selector", 1);
  g_assert_cmpstr (tps_touchpoint_get_title (two), ==, "Beratung");
  g_assert_cmpint (tps_touchpoint_get_target (two), ==, 1);
  g_assert_cmpstr (tps_touchpoint_get_title (fixture->touchpoint), ==, "Tarifrechner");
  g_assert_cmpint (tps_touchpoint_get_target (fixture->touchpoint), ==, 2);

  /* Changes to the touchpoint no longer shown do not reach the fields. */
  tps_history_set (fixture->history, fixture->touchpoint, "title", "Anders", NULL);
  g_assert_cmpstr (gtk_editable_get_text (child (fixture, "title_row")), ==, "Beratung");
}

static void
test_deleted_touchpoint_empties_inspector (Fixture       *fixture,
                                           gconstpointer  data)
{
  tps_project_delete_touchpoint (fixture->project, fixture->history, fixture->touchpoint);
  flush_events ();
  g_assert_null (tps_touchpoint_inspector_get_touchpoint (fixture->inspector));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "stack")), ==, "empty");
}

static void
test_stage_renamed_updates_choice (Fixture       *fixture,
                                   gconstpointer  data)
{
  TpsStage *stage = tps_project_find_stage (fixture->project, "s-aware");
  AdwComboRow *stage_row = child (fixture, "stage_row");

  tps_history_set (fixture->history, stage, "name", "Awareness", NULL);
  flush_events ();
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (stage_row)),
                   ==, "Awareness");
  /* Refilling the choices wrote nothing to the touchpoint. */
  g_assert_cmpstr (tps_touchpoint_get_stage_id (fixture->touchpoint), ==, "s-aware");
  g_assert_true (tps_history_undo (fixture->history));
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

/* Each comparator has a row with its rating of the touchpoint; choosing
 * one is one undo step, "Not rated" removes the rating, and an undo shows
 * in the row.
 */
static void
test_comparator_ratings (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkListBox *list = child (fixture, "comparators_list");
  TpsComparator *rival = tps_project_find_comparator (fixture->project, "cmp-rival");
  AdwComboRow *rival_row = ADW_COMBO_ROW (gtk_list_box_get_row_at_index (list, 0));
  AdwComboRow *bank_row = ADW_COMBO_ROW (gtk_list_box_get_row_at_index (list, 1));
  int value = 0;

  g_assert_nonnull (rival_row);
  g_assert_nonnull (bank_row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  /* t-one: the rival +1, the bank app +2; index 0 is "Not rated" */
  g_assert_cmpuint (adw_combo_row_get_selected (rival_row), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (bank_row), ==, 5);

  adw_combo_row_set_selected (rival_row, 1);
  flush_events ();
  g_assert_true (tps_comparator_get_rating (rival, "t-one", &value));
  g_assert_cmpint (value, ==, -2);

  adw_combo_row_set_selected (rival_row, 0);
  flush_events ();
  g_assert_false (tps_comparator_get_rating (rival, "t-one", NULL));

  g_assert_true (tps_history_undo (fixture->history));
  g_assert_true (tps_history_undo (fixture->history));
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (rival_row), ==, 4);
  g_assert_false (tps_history_get_can_undo (fixture->history));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/inspector/empty/shows-status-page", test_empty_shows_status_page);
  ADD ("/inspector/basics/title-typing-is-one-undo-step", test_basics_title_typing_is_one_step);
  ADD ("/inspector/basics/description", test_basics_description);
  ADD ("/inspector/basics/stage-and-channel-by-name", test_basics_stage_and_channel);
  ADD ("/inspector/basics/personas-multi-select", test_basics_personas);
  ADD ("/inspector/basics/status-and-function", test_basics_status_and_function);
  ADD ("/inspector/experience/rating-steps", test_experience_ratings);
  ADD ("/inspector/experience/rating-steps-are-labelled",
       test_experience_rating_buttons_are_labelled);
  ADD ("/inspector/experience/moment-entry-exit", test_experience_moment_and_points);
  ADD ("/inspector/text-fields/one-undo-step-each", test_text_fields);
  ADD ("/inspector/text-fields/grow-when-shown-later", test_text_fields_grow_when_shown_later);
  ADD ("/inspector/organisation/owner", test_organisation_owner);
  ADD ("/inspector/organisation/add-and-remove-system", test_organisation_add_and_remove_system);
  ADD ("/inspector/organisation/system-completion", test_organisation_system_completion);
  ADD ("/inspector/measurements/add-is-one-step", test_measurements_add_is_one_step);
  ADD ("/inspector/measurements/value-out-of-range-not-stored",
       test_measurements_value_out_of_range_is_not_stored);
  ADD ("/inspector/measurements/invalid-date-not-stored",
       test_measurements_invalid_date_is_not_stored);
  ADD ("/inspector/measurements/edit-is-one-step", test_measurements_edit_is_one_step);
  ADD ("/inspector/measurements/edit-unchanged-records-nothing",
       test_measurements_edit_unchanged_records_nothing);
  ADD ("/inspector/measurements/delete-is-one-step", test_measurements_delete_is_one_step);
  ADD ("/inspector/measurements/series-against-baseline-and-target",
       test_measurements_series_describe_baseline);
  ADD ("/inspector/measures/create-is-one-step", test_measures_create_is_one_step);
  ADD ("/inspector/measures/linked-row-shows-measure", test_measures_lists_linked_and_shows_one);
  ADD ("/inspector/model/fields-follow-undo-and-redo", test_fields_follow_undo_and_redo);
  ADD ("/inspector/model/switching-touchpoint-rebinds", test_switching_touchpoint_rebinds);
  ADD ("/inspector/model/deleted-touchpoint-empties", test_deleted_touchpoint_empties_inspector);
  ADD ("/inspector/model/renamed-stage-updates-choice", test_stage_renamed_updates_choice);
  ADD ("/inspector/comparators/ratings", test_comparator_ratings);

  return g_test_run ();
}
