/* test-model.c — the model objects, their notifications and enum tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "tps-project.h"

static const GType *
enum_types (guint *n)
{
  static GType types[9];

  types[0] = TPS_TYPE_CHANNEL_KIND;
  types[1] = TPS_TYPE_FUNCTION;
  types[2] = TPS_TYPE_TOUCHPOINT_STATUS;
  types[3] = TPS_TYPE_MOMENT;
  types[4] = TPS_TYPE_METRIC;
  types[5] = TPS_TYPE_SOURCE;
  types[6] = TPS_TYPE_MEASURE_TYPE;
  types[7] = TPS_TYPE_MEASURE_STATUS;
  types[8] = TPS_TYPE_STEP;
  *n = G_N_ELEMENTS (types);
  return types;
}

/* Every value maps to a unique file word and a label, and back. */
static void
test_enum_tables (void)
{
  guint n_types;
  const GType *types = enum_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = tps_enum_get_n_values (types[t]);

      g_assert_cmpuint (n, >=, 3);
      for (guint v = 0; v < n; v++)
        {
          const char *word = tps_enum_get_word (types[t], v);
          const char *label = tps_enum_get_label (types[t], v);
          int parsed = -1;

          g_assert_nonnull (word);
          g_assert_cmpstr (label, !=, "");
          g_assert_false (g_hash_table_contains (words, word));
          g_hash_table_add (words, (gpointer) word);
          g_assert_true (tps_enum_parse_word (types[t], word, &parsed));
          g_assert_cmpint (parsed, ==, v);

          /* File words are lowercase ASCII with hyphens. */
          for (const char *p = word; *p; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
        }

      g_assert_false (tps_enum_parse_word (types[t], "Nonsense", NULL));
      g_assert_false (tps_enum_parse_word (types[t], NULL, NULL));
      g_assert_null (tps_enum_get_word (types[t], 999));
    }

  g_assert_cmpstr (tps_enum_get_word (TPS_TYPE_MOMENT, TPS_MOMENT_OF_TRUTH), ==,
                   "moment-of-truth");
  g_assert_cmpstr (tps_enum_get_label (TPS_TYPE_MOMENT, TPS_MOMENT_PAINPOINT), ==, "Painpoint");
  g_assert_cmpstr (tps_enum_get_word (TPS_TYPE_MEASURE_STATUS, TPS_MEASURE_STATUS_ROLLED_OUT),
                   ==, "rolled-out");
  g_assert_cmpstr (tps_enum_get_word (TPS_TYPE_SOURCE, TPS_SOURCE_MYSTERY_SHOPPING), ==,
                   "mystery-shopping");
  g_assert_cmpuint (tps_enum_get_n_values (TPS_TYPE_STEP), ==, 18);
  g_assert_cmpstr (tps_enum_get_word (TPS_TYPE_STEP, TPS_STEP_BEST_10), ==, "best-10");
}

static void
test_rating_labels (void)
{
  g_assert_cmpstr (tps_rating_get_label (-2), ==, "Very disappointing");
  g_assert_cmpstr (tps_rating_get_label (-1), ==, "Disappointing");
  g_assert_cmpstr (tps_rating_get_label (0), ==, "Okay");
  g_assert_cmpstr (tps_rating_get_label (1), ==, "Delightful");
  g_assert_cmpstr (tps_rating_get_label (2), ==, "Very delightful");
  g_assert_cmpstr (tps_rating_get_label (3), ==, "");
}

static void
test_metric_ranges (void)
{
  double min, max;

  g_assert_true (tps_metric_get_range (TPS_METRIC_NPS, &min, &max));
  g_assert_cmpfloat (min, ==, -100);
  g_assert_cmpfloat (max, ==, 100);
  g_assert_true (tps_metric_get_range (TPS_METRIC_CSAT, &min, &max));
  g_assert_cmpfloat (max, ==, 5);
  g_assert_false (tps_metric_get_range (TPS_METRIC_CUSTOM, &min, &max));
}

static void
test_dates (void)
{
  g_assert_true (tps_date_is_valid ("2026-02-28"));
  g_assert_true (tps_date_is_valid ("2024-02-29"));
  g_assert_false (tps_date_is_valid ("2026-02-29"));
  g_assert_false (tps_date_is_valid ("2026-13-01"));
  g_assert_false (tps_date_is_valid ("2026-1-01"));
  g_assert_false (tps_date_is_valid ("01.02.2026"));
  g_assert_false (tps_date_is_valid (""));
  g_assert_false (tps_date_is_valid (NULL));
  g_assert_true (tps_timestamp_is_valid ("2026-01-12T09:30:00Z"));
  g_assert_false (tps_timestamp_is_valid ("yesterday"));
}

static void
test_ids (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsStage) stage = tps_stage_new ("s-1");
  g_autofree char *id = NULL;

  g_assert_true (tps_id_is_valid ("t-hotline.2_b"));
  g_assert_false (tps_id_is_valid ("1abc"));
  g_assert_false (tps_id_is_valid ("a b"));
  g_assert_false (tps_id_is_valid ("a\"b"));
  g_assert_false (tps_id_is_valid (""));

  g_list_store_append (G_LIST_STORE (tps_project_get_stages (project)), stage);
  g_assert_true (tps_project_lookup (project, "s-1") == TPS_OBJECT (stage));
  id = tps_project_make_id (project, "s");
  g_assert_cmpstr (id, ==, "s-2");
  g_assert_null (tps_project_lookup (project, "s-2"));
}

/* Pops one emission and asserts it is notify for @property of @object. */
static void
assert_notified (GtSignalLogger *logger,
                 gpointer        object,
                 const char     *property)
{
  gpointer emitter = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *signal_name = NULL;
  g_autoptr(GtSignalLoggerEmission) emission = NULL;
  GParamSpec *pspec = NULL;

  g_assert_true (gt_signal_logger_pop_emission (logger, &emitter, &type_name, &signal_name,
                                                &emission));
  g_assert_true (emitter == object);
  g_assert_cmpstr (signal_name, ==, "notify");
  gt_signal_logger_emission_get_params (emission, &pspec);
  g_assert_cmpstr (pspec->name, ==, property);
  g_param_spec_unref (pspec);
}

/* A value different from the current one, for any property type used by
 * the model.
 */
static void
other_value (GObject    *object,
             GParamSpec *pspec,
             GValue     *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (value, "Geänderter Wert");
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const strv[] = { "CRM", "ERP", NULL };
      g_value_set_boxed (value, strv);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, !g_value_get_boolean (&current));
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (&current);
      g_value_set_int (value, v == ispec->maximum ? ispec->minimum : ispec->maximum);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    g_value_set_double (value, g_value_get_double (&current) + 42.5);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int v = g_value_get_enum (&current);
      g_value_set_enum (value, v == klass->values[1].value ? klass->values[0].value
                                                           : klass->values[1].value);
    }
  else
    g_assert_not_reached ();
}

/* One notify per real change, none when a value is set to what it already
 * is — for every writable property of every model type.
 */
static void
test_notify_once_per_change (void)
{
  GObject *objects[] = {
    G_OBJECT (tps_project_new ()),
    G_OBJECT (tps_persona_new ("p-1")),
    G_OBJECT (tps_stage_new ("s-1")),
    G_OBJECT (tps_channel_new ("c-1")),
    G_OBJECT (tps_touchpoint_new ("t-1")),
    G_OBJECT (tps_measurement_new ("m-1")),
    G_OBJECT (tps_measure_new ("x-1")),
    G_OBJECT (tps_process_step_new (TPS_STEP_CTM_2B)),
  };
  guint n_checked = 0;

  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      guint n_props;
      g_autofree GParamSpec **pspecs =
        g_object_class_list_properties (G_OBJECT_GET_CLASS (objects[o]), &n_props);

      for (guint i = 0; i < n_props; i++)
        {
          g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
          g_auto(GValue) value = G_VALUE_INIT;

          if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
              || g_strcmp0 (pspecs[i]->name, "effort") == 0
              || g_strcmp0 (pspecs[i]->name, "impact") == 0)
            continue;

          other_value (objects[o], pspecs[i], &value);
          gt_signal_logger_connect (logger, objects[o], "notify");

          g_object_set_property (objects[o], pspecs[i]->name, &value);
          assert_notified (logger, objects[o], pspecs[i]->name);
          gt_signal_logger_assert_no_emissions (logger);

          g_object_set_property (objects[o], pspecs[i]->name, &value);
          gt_signal_logger_assert_no_emissions (logger);
          n_checked++;
        }

      g_object_unref (objects[o]);
    }

  g_assert_cmpuint (n_checked, >=, 60);
}

static void
test_empty_string_is_unset (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  gt_signal_logger_connect (logger, touchpoint, "notify");
  tps_touchpoint_set_notes (touchpoint, "");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_null (tps_touchpoint_get_notes (touchpoint));
}

/* Quick win = impact ≥ 4 and effort ≤ 2, derived and notified. */
static void
test_quick_win (void)
{
  g_autoptr(TpsMeasure) measure = tps_measure_new ("x-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  gboolean quick_win;

  g_assert_false (tps_measure_is_quick_win (measure));
  gt_signal_logger_connect (logger, measure, "notify");

  tps_measure_set_impact (measure, 4);
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "impact");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_false (tps_measure_is_quick_win (measure));

  tps_measure_set_effort (measure, 2);
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "effort");
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "quick-win");
  gt_signal_logger_assert_no_emissions (logger);
  g_object_get (measure, "quick-win", &quick_win, NULL);
  g_assert_true (quick_win);

  tps_measure_set_effort (measure, 1);
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "effort");
  gt_signal_logger_assert_no_emissions (logger);

  tps_measure_set_impact (measure, 3);
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "impact");
  gt_signal_logger_assert_notify_emission_pop (logger, measure, "quick-win");
  g_assert_false (tps_measure_is_quick_win (measure));

  tps_measure_set_impact (measure, 5);
  tps_measure_set_effort (measure, 3);
  g_assert_false (tps_measure_is_quick_win (measure));
}

static void
test_gap_and_priority (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");

  g_assert_cmpint (tps_touchpoint_get_importance (touchpoint), ==, 3);
  tps_touchpoint_set_current (touchpoint, -1);
  tps_touchpoint_set_target (touchpoint, 2);
  tps_touchpoint_set_internal (touchpoint, 1);
  tps_touchpoint_set_importance (touchpoint, 5);
  g_assert_cmpint (tps_touchpoint_get_gap (touchpoint), ==, 3);
  g_assert_cmpint (tps_touchpoint_get_priority (touchpoint), ==, 15);
  g_assert_cmpint (tps_touchpoint_get_perception_gap (touchpoint), ==, 2);

  /* Better than the ideal: no gap to close, no priority. */
  tps_touchpoint_set_current (touchpoint, 2);
  tps_touchpoint_set_target (touchpoint, 1);
  g_assert_cmpint (tps_touchpoint_get_gap (touchpoint), ==, -1);
  g_assert_cmpint (tps_touchpoint_get_priority (touchpoint), ==, 0);
}

static void
test_lists_emit_items_changed (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-1");
  g_autoptr(TpsMeasurement) measurement = tps_measurement_new ("m-1");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GListModel *measurements = tps_touchpoint_get_measurements (touchpoint);
  guint position, removed, added;

  gt_signal_logger_connect (logger, touchpoints, "items-changed");
  gt_signal_logger_connect (logger, measurements, "items-changed");

  g_list_store_append (G_LIST_STORE (touchpoints), touchpoint);
  gt_signal_logger_assert_emission_pop (logger, touchpoints, "items-changed",
                                        &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);

  g_list_store_append (G_LIST_STORE (measurements), measurement);
  gt_signal_logger_assert_emission_pop (logger, measurements, "items-changed",
                                        &position, &removed, &added);
  g_assert_cmpuint (added, ==, 1);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_process_steps (void)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  GListModel *steps = tps_project_get_process_steps (project);
  TpsProcessStep *step;

  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 18);
  step = tps_project_get_step (project, TPS_STEP_CTM_3A);
  g_assert_cmpint (tps_process_step_get_step (step), ==, TPS_STEP_CTM_3A);
  g_assert_cmpstr (tps_object_get_id (TPS_OBJECT (step)), ==, "ctm-3a");
  g_assert_cmpstr (tps_object_get_display_name (TPS_OBJECT (step)), ==,
                   "Plan the measures that lead to the ideal");
  g_assert_true (tps_step_is_ctm (TPS_STEP_CTM_4B));
  g_assert_false (tps_step_is_ctm (TPS_STEP_BEST_1));
  g_assert_cmpstr (tps_step_get_phase_label (TPS_STEP_CTM_3A), ==, "3 Implementation");
  g_assert_cmpstr (tps_step_get_phase_label (TPS_STEP_BEST_5), ==,
                   "Concept and planning (Soll)");
}

static void
test_display_names (void)
{
  g_autoptr(TpsTouchpoint) touchpoint = tps_touchpoint_new ("t-7");
  g_autoptr(TpsMeasurement) measurement = tps_measurement_new ("m-1");

  /* Untitled objects fall back to their id. */
  g_assert_cmpstr (tps_object_get_display_name (TPS_OBJECT (touchpoint)), ==, "t-7");
  tps_touchpoint_set_title (touchpoint, "Hotline");
  g_assert_cmpstr (tps_object_get_display_name (TPS_OBJECT (touchpoint)), ==, "Hotline");

  tps_measurement_set_metric (measurement, TPS_METRIC_NPS);
  g_assert_cmpstr (tps_measurement_get_metric_name (measurement), ==,
                   "Net Promoter Score (NPS)");
  tps_measurement_set_metric (measurement, TPS_METRIC_CUSTOM);
  tps_measurement_set_label (measurement, "Rückrufquote");
  g_assert_cmpstr (tps_measurement_get_metric_name (measurement), ==, "Rückrufquote");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enum-tables", test_enum_tables);
  g_test_add_func ("/model/rating-labels", test_rating_labels);
  g_test_add_func ("/model/metric-ranges", test_metric_ranges);
  g_test_add_func ("/model/dates", test_dates);
  g_test_add_func ("/model/ids", test_ids);
  g_test_add_func ("/model/notify/once-per-change", test_notify_once_per_change);
  g_test_add_func ("/model/notify/empty-string-is-unset", test_empty_string_is_unset);
  g_test_add_func ("/model/measure/quick-win", test_quick_win);
  g_test_add_func ("/model/touchpoint/gap-and-priority", test_gap_and_priority);
  g_test_add_func ("/model/lists/items-changed", test_lists_emit_items_changed);
  g_test_add_func ("/model/process-steps", test_process_steps);
  g_test_add_func ("/model/display-names", test_display_names);

  return g_test_run ();
}
