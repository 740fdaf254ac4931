/* test-history.c — undo and redo of every command kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "tps-history.h"
#include "tps-project.h"

static void
set_int (TpsHistory *history,
         gpointer    object,
         const char *property,
         int         value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  tps_history_set_property (history, object, property, &v);
}

static void
test_set_undo_redo (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");

  tps_touchpoint_set_title (touchpoint, "Hotline");
  g_assert_false (tps_history_get_can_undo (history));

  set_int (history, touchpoint, "current", -2);
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, -2);
  g_assert_true (tps_history_get_can_undo (history));
  g_assert_false (tps_history_get_can_redo (history));
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "Ist rating of “Hotline” changed");

  g_assert_true (tps_history_undo (history));
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, 0);
  g_assert_false (tps_history_get_can_undo (history));
  g_assert_true (tps_history_get_can_redo (history));
  g_assert_cmpstr (tps_history_get_redo_label (history), ==, "Ist rating of “Hotline” changed");

  g_assert_true (tps_history_redo (history));
  g_assert_cmpint (tps_touchpoint_get_current (touchpoint), ==, -2);
  g_assert_false (tps_history_redo (history));
}

static void
test_set_same_value_records_nothing (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  const char * const systems[] = { "CRM", NULL };
  const char * const same_systems[] = { "CRM", NULL };

  tps_touchpoint_set_systems (touchpoint, systems);
  gt_signal_logger_connect (logger, history, "changed");

  set_int (history, touchpoint, "current", 0);
  tps_history_set (history, touchpoint, "systems", same_systems, "notes", "", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_set_strings_and_strv (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  const char * const systems[] = { "CRM", "ERP", NULL };

  tps_history_set (history, touchpoint,
                   "title", "Tarifrechner",
                   "systems", systems,
                   "moment", TPS_MOMENT_PAINPOINT,
                   "entry-point", TRUE,
                   NULL);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Tarifrechner");
  g_assert_true (g_strv_equal (tps_touchpoint_get_systems (touchpoint), systems));
  g_assert_cmpint (tps_touchpoint_get_moment (touchpoint), ==, TPS_MOMENT_PAINPOINT);

  /* Several properties in one call are one step. */
  g_assert_true (tps_history_undo (history));
  g_assert_null (tps_touchpoint_get_title (touchpoint));
  g_assert_null (tps_touchpoint_get_systems (touchpoint));
  g_assert_cmpint (tps_touchpoint_get_moment (touchpoint), ==, TPS_MOMENT_NONE);
  g_assert_false (tps_touchpoint_get_entry_point (touchpoint));
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_insert_remove (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsProject) project = tps_project_new ();
  GListModel *stages = tps_project_get_stages (project);
  g_autoptr(TpsStage) a = tps_stage_new ("s-a");
  g_autoptr(TpsStage) b = tps_stage_new ("s-b");
  g_autoptr(TpsStage) c = tps_stage_new ("s-c");
  g_autoptr(GObject) item = NULL;

  tps_stage_set_name (b, "Kauf");
  tps_history_append (history, stages, a);
  tps_history_append (history, stages, c);
  tps_history_insert (history, stages, 1, b);
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "“Kauf” added");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);

  tps_history_remove (history, stages, 1);
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "“Kauf” removed");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 2);

  /* Undoing a removal puts the item back where it was. */
  tps_history_undo (history);
  item = g_list_model_get_item (stages, 1);
  g_assert_true (item == G_OBJECT (b));

  tps_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 2);
  tps_history_undo (history);
  tps_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 0);

  while (tps_history_redo (history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 2);
}

static void
test_move (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(GListStore) store = g_list_store_new (TPS_TYPE_STAGE);
  const char *ids[] = { "s-0", "s-1", "s-2", "s-3" };
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(TpsStage) stage = tps_stage_new (ids[i]);
      g_list_store_append (store, stage);
    }

  gt_signal_logger_connect (logger, history, "changed");
  tps_history_move (history, G_LIST_MODEL (store), 0, 2);

  /* One move is one step and one "changed". */
  gt_signal_logger_assert_emission_pop (logger, history, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);

  {
    g_autoptr(TpsObject) at2 = g_list_model_get_item (G_LIST_MODEL (store), 2);
    g_assert_cmpstr (tps_object_get_id (at2), ==, "s-0");
  }
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "“s-0” moved");

  tps_history_undo (history);
  {
    g_autoptr(TpsObject) at0 = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_cmpstr (tps_object_get_id (at0), ==, "s-0");
  }
  g_assert_false (tps_history_get_can_undo (history));
}

static void
test_group (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  gt_signal_logger_connect (logger, history, "changed");

  tps_history_begin_group (history, "Touchpoint angelegt");
  tps_history_append (history, tps_project_get_touchpoints (project), touchpoint);
  tps_history_begin_group (history, NULL);
  set_int (history, touchpoint, "importance", 5);
  set_int (history, touchpoint, "target", 2);
  tps_history_end_group (history);
  tps_history_end_group (history);

  gt_signal_logger_assert_emission_pop (logger, history, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "Touchpoint angelegt");

  tps_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 0);
  g_assert_cmpint (tps_touchpoint_get_importance (touchpoint), ==, 3);
  g_assert_cmpint (tps_touchpoint_get_target (touchpoint), ==, 0);
  g_assert_false (tps_history_get_can_undo (history));

  tps_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (tps_project_get_touchpoints (project)), ==, 1);
  g_assert_cmpint (tps_touchpoint_get_importance (touchpoint), ==, 5);

  /* An empty group records nothing. */
  tps_history_begin_group (history, "nichts");
  tps_history_end_group (history);
  g_assert_cmpstr (tps_history_get_undo_label (history), ==, "Touchpoint angelegt");
}

static void
set_text_merged (TpsHistory *history,
                 gpointer    object,
                 const char *text)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, text);
  tps_history_set_merged (history, object, "title", &v);
}

/* Typing into a field is one undo step, not one per key. */
static void
test_merge_typing (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");

  set_text_merged (history, touchpoint, "H");
  set_text_merged (history, touchpoint, "Ho");
  set_text_merged (history, touchpoint, "Hot");
  set_text_merged (history, touchpoint, "Hotline");
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Hotline");

  tps_history_break_merge (history);
  set_text_merged (history, touchpoint, "Hotline 24/7");

  tps_history_undo (history);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Hotline");
  tps_history_undo (history);
  g_assert_null (tps_touchpoint_get_title (touchpoint));
  g_assert_false (tps_history_get_can_undo (history));

  tps_history_redo (history);
  g_assert_cmpstr (tps_touchpoint_get_title (touchpoint), ==, "Hotline");
}

static void
test_modified_and_clean_point (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  g_assert_false (tps_history_get_modified (history));
  gt_signal_logger_connect (logger, history, "notify::modified");

  set_int (history, touchpoint, "current", 1);
  g_assert_true (tps_history_get_modified (history));
  gt_signal_logger_assert_notify_emission_pop (logger, history, "modified");

  set_int (history, touchpoint, "current", 2);
  gt_signal_logger_assert_no_emissions (logger);

  tps_history_mark_clean (history);
  g_assert_false (tps_history_get_modified (history));
  gt_signal_logger_assert_notify_emission_pop (logger, history, "modified");

  /* Undo away from the saved state and redo back to it. */
  tps_history_undo (history);
  g_assert_true (tps_history_get_modified (history));
  tps_history_redo (history);
  g_assert_false (tps_history_get_modified (history));
  gt_signal_logger_assert_notify_emission_pop (logger, history, "modified");
  gt_signal_logger_assert_notify_emission_pop (logger, history, "modified");
  gt_signal_logger_assert_no_emissions (logger);

  /* After undo and a different change, the saved state is unreachable. */
  tps_history_undo (history);
  set_int (history, touchpoint, "current", -1);
  g_assert_false (tps_history_get_can_redo (history));
  while (tps_history_undo (history))
    g_assert_true (tps_history_get_modified (history));
  g_assert_true (tps_history_get_modified (history));
}

static void
test_merge_after_save_is_modified (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");

  set_text_merged (history, touchpoint, "Hot");
  tps_history_mark_clean (history);
  set_text_merged (history, touchpoint, "Hotline");
  g_assert_true (tps_history_get_modified (history));
}

/* Each ::changed says which object and property changed, or that a list
 * did, for the command, its undo and its redo alike.
 */
static void
test_change_detail (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) a = tps_touchpoint_new ("t-a");
  g_autoptr(TpsTouchpoint) b = tps_touchpoint_new ("t-b");
  g_autoptr(GListStore) list = g_list_store_new (TPS_TYPE_TOUCHPOINT);
  const TpsHistoryChange *change = tps_history_get_change (history);
  g_auto(GValue) title = G_VALUE_INIT;

  set_int (history, a, "current", 1);
  g_assert_false (change->structure);
  g_assert_true (change->object == G_OBJECT (a));
  g_assert_cmpstr (change->property, ==, "current");

  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Hot");
  tps_history_set_merged (history, a, "title", &title);
  g_value_set_string (&title, "Hotline");
  tps_history_set_merged (history, a, "title", &title);
  g_assert_true (change->object == G_OBJECT (a));
  g_assert_cmpstr (change->property, ==, "title");

  tps_history_set (history, a, "current", 2, "target", 2, NULL);
  g_assert_true (change->object == G_OBJECT (a));
  g_assert_null (change->property);

  tps_history_begin_group (history, "both");
  set_int (history, a, "importance", 5);
  set_int (history, b, "importance", 5);
  tps_history_end_group (history);
  g_assert_false (change->structure);
  g_assert_null (change->object);

  tps_history_append (history, G_LIST_MODEL (list), a);
  g_assert_true (change->structure);
  g_assert_null (change->object);

  g_assert_true (tps_history_undo (history));
  g_assert_true (change->structure);
  g_assert_true (tps_history_undo (history));
  g_assert_false (change->structure);
  g_assert_null (change->object);
  g_assert_true (tps_history_undo (history));
  g_assert_true (change->object == G_OBJECT (a));
  g_assert_null (change->property);
  g_assert_true (tps_history_redo (history));
  g_assert_true (change->object == G_OBJECT (a));
  g_assert_null (change->property);
  g_assert_true (tps_history_undo (history));
  g_assert_true (tps_history_undo (history));
  g_assert_cmpstr (change->property, ==, "title");
}

static void
test_clear (void)
{
  g_autoptr(TpsHistory) history = tps_history_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");

  set_int (history, touchpoint, "current", 1);
  tps_history_undo (history);
  tps_history_clear (history);
  g_assert_false (tps_history_get_can_undo (history));
  g_assert_false (tps_history_get_can_redo (history));
  g_assert_false (tps_history_get_modified (history));
}

/* Undo labels and conflict messages name a property by the nick its class
 * gives it: every property a user can edit has one, and the same property
 * name may mean different things on different objects. */
static void
test_property_labels (void)
{
  /* Set by the loader or derived, never named in an undo label. */
  static const char * const unnamed[] = {
    "id", "created", "modified", "measurements", "quick-win", "touchpoint-id", "step",
  };
  const GType types[] = {
    TPS_TYPE_PROJECT, TPS_TYPE_STAGE, TPS_TYPE_CHANNEL, TPS_TYPE_PERSONA,
    TPS_TYPE_TOUCHPOINT, TPS_TYPE_MEASUREMENT, TPS_TYPE_MEASURE, TPS_TYPE_COMPARATOR,
    TPS_TYPE_COMPARATOR_RATING, TPS_TYPE_PROCESS_STEP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          const char *label = tps_property_get_label (types[i], pspecs[j]->name);

          if (g_strv_contains (unnamed, pspecs[j]->name))
            continue;
          if (g_strcmp0 (label, pspecs[j]->name) == 0)
            g_error ("%s:%s has no label", g_type_name (types[i]), pspecs[j]->name);
        }
    }

  g_assert_cmpstr (tps_property_get_label (TPS_TYPE_TOUCHPOINT, "current"), ==, "Ist rating");
  g_assert_cmpstr (tps_property_get_label (TPS_TYPE_TOUCHPOINT, "target"), ==, "Soll rating");
  g_assert_cmpstr (tps_property_get_label (TPS_TYPE_MEASUREMENT, "target"), ==, "Target value");
  g_assert_cmpstr (tps_property_get_label (TPS_TYPE_CHANNEL, "kind"), ==, "Type");
  g_assert_cmpstr (tps_property_get_label (TPS_TYPE_CHANNEL, "no-such-property"), ==,
                   "no-such-property");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set/undo-redo", test_set_undo_redo);
  g_test_add_func ("/history/set/same-value-records-nothing", test_set_same_value_records_nothing);
  g_test_add_func ("/history/set/strings-strv-enums", test_set_strings_and_strv);
  g_test_add_func ("/history/list/insert-remove", test_insert_remove);
  g_test_add_func ("/history/list/move", test_move);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/merge/typing", test_merge_typing);
  g_test_add_func ("/history/merge/after-save-is-modified", test_merge_after_save_is_modified);
  g_test_add_func ("/history/modified/clean-point", test_modified_and_clean_point);
  g_test_add_func ("/history/clear", test_clear);
  g_test_add_func ("/history/change-detail", test_change_detail);
  g_test_add_func ("/history/property-labels", test_property_labels);

  return g_test_run ();
}
