/* tps-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <string.h>

#include "tps-i18n-private.h"
#include "tps-types.h"

/* value_name holds the translatable label (marked with N_), value_nick the
 * file-format word. The labels are translated when asked for, in
 * tps_enum_get_label(), so the table itself stays constant.
 */
#define DEFINE_ENUM(func, TypeName, ...)                                   \
  GType                                                                    \
  func (void)                                                              \
  {                                                                        \
    static gsize type_id = 0;                                              \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
                                                                           \
    if (g_once_init_enter (&type_id))                                      \
      g_once_init_leave (&type_id,                                         \
                         g_enum_register_static (g_intern_static_string (TypeName), \
                                                 values));                 \
    return type_id;                                                        \
  }

DEFINE_ENUM (tps_channel_kind_get_type, "TpsChannelKind",
  { TPS_CHANNEL_KIND_ONLINE, N_("Online"), "online" },
  { TPS_CHANNEL_KIND_OFFLINE, N_("Offline"), "offline" },
  { TPS_CHANNEL_KIND_HYBRID, N_("Hybrid"), "hybrid" })

DEFINE_ENUM (tps_function_get_type, "TpsFunction",
  { TPS_FUNCTION_INFORM, N_("Inform"), "inform" },
  { TPS_FUNCTION_ADVISE, N_("Advise"), "advise" },
  { TPS_FUNCTION_SELL, N_("Sell"), "sell" },
  { TPS_FUNCTION_DELIVER, N_("Deliver"), "deliver" },
  { TPS_FUNCTION_SUPPORT, N_("Support"), "support" },
  { TPS_FUNCTION_FEEDBACK, N_("Feedback"), "feedback" },
  { TPS_FUNCTION_OTHER, N_("Other"), "other" })

DEFINE_ENUM (tps_touchpoint_status_get_type, "TpsTouchpointStatus",
  { TPS_TOUCHPOINT_STATUS_EXISTING, N_("Existing"), "existing" },
  { TPS_TOUCHPOINT_STATUS_NEW, N_("New"), "new" },
  { TPS_TOUCHPOINT_STATUS_RETIRE, N_("To be retired"), "retire" })

DEFINE_ENUM (tps_moment_get_type, "TpsMoment",
  { TPS_MOMENT_NONE, N_("None"), "none" },
  { TPS_MOMENT_LOVEPOINT, N_("Lovepoint"), "lovepoint" },
  { TPS_MOMENT_PAINPOINT, N_("Painpoint"), "painpoint" },
  { TPS_MOMENT_OF_TRUTH, N_("Moment of truth"), "moment-of-truth" })

DEFINE_ENUM (tps_metric_get_type, "TpsMetric",
  { TPS_METRIC_CSAT, N_("Customer satisfaction (CSAT)"), "csat" },
  { TPS_METRIC_NPS, N_("Net Promoter Score (NPS)"), "nps" },
  { TPS_METRIC_CES, N_("Customer effort (CES)"), "ces" },
  { TPS_METRIC_CONVERSION, N_("Conversion rate"), "conversion" },
  { TPS_METRIC_COMPLAINTS, N_("Complaints"), "complaints" },
  { TPS_METRIC_CUSTOM, N_("Custom metric"), "custom" })

DEFINE_ENUM (tps_source_get_type, "TpsSource",
  { TPS_SOURCE_SURVEY, N_("Customer survey"), "survey" },
  { TPS_SOURCE_OBSERVATION, N_("Observation"), "observation" },
  { TPS_SOURCE_SERVICE_LOG, N_("Service log"), "service-log" },
  { TPS_SOURCE_MYSTERY_SHOPPING, N_("Mystery shopping"), "mystery-shopping" },
  { TPS_SOURCE_BENCHMARK, N_("Benchmark"), "benchmark" },
  { TPS_SOURCE_OTHER, N_("Other"), "other" })

DEFINE_ENUM (tps_measure_type_get_type, "TpsMeasureType",
  { TPS_MEASURE_TYPE_PROCESS, N_("Process change"), "process" },
  { TPS_MEASURE_TYPE_TRAINING, N_("Staff training"), "training" },
  { TPS_MEASURE_TYPE_TECHNOLOGY, N_("Technology"), "technology" },
  { TPS_MEASURE_TYPE_COMMUNICATION, N_("Communication"), "communication" },
  { TPS_MEASURE_TYPE_OTHER, N_("Other"), "other" })

DEFINE_ENUM (tps_measure_status_get_type, "TpsMeasureStatus",
  { TPS_MEASURE_STATUS_IDEA, N_("Idea"), "idea" },
  { TPS_MEASURE_STATUS_PLANNED, N_("Planned"), "planned" },
  { TPS_MEASURE_STATUS_IN_PROGRESS, N_("In progress"), "in-progress" },
  { TPS_MEASURE_STATUS_PILOT, N_("Pilot"), "pilot" },
  { TPS_MEASURE_STATUS_ROLLED_OUT, N_("Rolled out"), "rolled-out" },
  { TPS_MEASURE_STATUS_DONE, N_("Done"), "done" },
  { TPS_MEASURE_STATUS_DROPPED, N_("Dropped"), "dropped" })

DEFINE_ENUM (tps_comparator_kind_get_type, "TpsComparatorKind",
  { TPS_COMPARATOR_KIND_COMPETITOR, N_("Competitor"), "competitor" },
  { TPS_COMPARATOR_KIND_BEST_PRACTICE, N_("Best-practice provider"), "best-practice" })

DEFINE_ENUM (tps_step_get_type, "TpsStep",
  { TPS_STEP_CTM_1A, N_("Capture the customer-relevant touchpoints"), "ctm-1a" },
  { TPS_STEP_CTM_1B, N_("Document today's situation from the customer's view"), "ctm-1b" },
  { TPS_STEP_CTM_2A, N_("Define the ideal situation from the customer's view"), "ctm-2a" },
  { TPS_STEP_CTM_2B, N_("Find better approaches"), "ctm-2b" },
  { TPS_STEP_CTM_3A, N_("Plan the measures that lead to the ideal"), "ctm-3a" },
  { TPS_STEP_CTM_3B, N_("Implement a fitting mix of measures"), "ctm-3b" },
  { TPS_STEP_CTM_4A, N_("Measure the results per touchpoint"), "ctm-4a" },
  { TPS_STEP_CTM_4B, N_("Optimise the processes for the customer"), "ctm-4b" },
  { TPS_STEP_BEST_1, N_("Initiation"), "best-1" },
  { TPS_STEP_BEST_2, N_("Project preparation and kickoff"), "best-2" },
  { TPS_STEP_BEST_3, N_("Identify and analyse the customer touchpoints"), "best-3" },
  { TPS_STEP_BEST_4, N_("Analyse resources, processes and data"), "best-4" },
  { TPS_STEP_BEST_5, N_("Effectiveness analysis and benchmarking"), "best-5" },
  { TPS_STEP_BEST_6, N_("Prioritise and design the decisive touchpoints"), "best-6" },
  { TPS_STEP_BEST_7, N_("Develop the implementation measures"), "best-7" },
  { TPS_STEP_BEST_8, N_("Trial in a test market"), "best-8" },
  { TPS_STEP_BEST_9, N_("Step-by-step integration into daily business"), "best-9" },
  { TPS_STEP_BEST_10, N_("Measure and communicate success"), "best-10" })

/* Registered static types keep their class alive once it exists, so one
 * reference, taken the first time, is all a lookup needs: loading a big
 * project looks up words tens of thousands of times.
 */
static GEnumClass *
enum_class (GType enum_type)
{
  gpointer klass = g_type_class_peek (enum_type);

  if (klass == NULL)
    klass = g_type_class_ref (enum_type);

  return klass;
}

static const GEnumValue *
lookup_value (GType enum_type,
              int   value)
{
  return g_enum_get_value (enum_class (enum_type), value);
}

/* Returns: (transfer none) (nullable): the file-format word of @value */
const char *
tps_enum_get_word (GType enum_type,
                   int   value)
{
  const GEnumValue *v = lookup_value (enum_type, value);

  return v ? v->value_nick : NULL;
}

gboolean
tps_enum_parse_word (GType       enum_type,
                     const char *word,
                     int        *value)
{
  const GEnumValue *v;

  if (word == NULL)
    return FALSE;

  v = g_enum_get_value_by_nick (enum_class (enum_type), word);
  if (v == NULL)
    return FALSE;

  if (value != NULL)
    *value = v->value;

  return TRUE;
}

/* Returns: (transfer none): the translated label of @value */
const char *
tps_enum_get_label (GType enum_type,
                    int   value)
{
  const GEnumValue *v = lookup_value (enum_type, value);

  return v ? g_dgettext (GETTEXT_PACKAGE, v->value_name) : "";
}

guint
tps_enum_get_n_values (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  return klass->n_values;
}

/* Returns: (transfer full): "−2", "−1", "0", "+1", "+2", with a real
 * minus sign, as the map's chips and every list write a rating
 */
char *
tps_rating_format (int rating)
{
  if (rating < 0)
    return g_strdup_printf ("\u2212%d", -rating);
  if (rating > 0)
    return g_strdup_printf ("+%d", rating);
  return g_strdup ("0");
}

/* The five-step scale of seed 003: enttäuschend, okay, begeisternd. */
const char *
tps_rating_get_label (int rating)
{
  static const char * const labels[] = {
    N_("Very disappointing"),
    N_("Disappointing"),
    N_("Okay"),
    N_("Delightful"),
    N_("Very delightful"),
  };

  if (rating < TPS_RATING_MIN || rating > TPS_RATING_MAX)
    return "";

  return g_dgettext (GETTEXT_PACKAGE, labels[rating - TPS_RATING_MIN]);
}

/* The values a metric can sensibly take; the UI refuses anything else. */
gboolean
tps_metric_get_range (TpsMetric  metric,
                      double    *min,
                      double    *max)
{
  double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;
  gboolean bounded = TRUE;

  switch (metric)
    {
    case TPS_METRIC_CSAT:
      lo = 1, hi = 5;
      break;
    case TPS_METRIC_NPS:
      lo = -100, hi = 100;
      break;
    case TPS_METRIC_CES:
      lo = 1, hi = 7;
      break;
    case TPS_METRIC_CONVERSION:
      lo = 0, hi = 100;
      break;
    case TPS_METRIC_COMPLAINTS:
      lo = 0;
      break;
    case TPS_METRIC_CUSTOM:
    default:
      bounded = FALSE;
      break;
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;

  return bounded;
}

/* Finite and within ±TPS_KPI_VALUE_LIMIT, for every metric. */
gboolean
tps_kpi_value_is_sane (double value)
{
  return isfinite (value) && fabs (value) <= TPS_KPI_VALUE_LIMIT;
}

/* Returns: (transfer full): why @text cannot be a measured value */
char *
tps_kpi_value_too_large_message (const char *text)
{
  return g_strdup_printf (_("“%s” is too large for a measured value; measured values lie "
                            "between −10¹² and 10¹²."), text);
}

gboolean
tps_step_is_ctm (TpsStep step)
{
  return step >= TPS_STEP_CTM_1A && step <= TPS_STEP_CTM_4B;
}

/* The phase a step belongs to: the four CTM stages of seed 000 and the four
 * BEST IMPACT phases of seed 001.
 */
const char *
tps_step_get_phase_label (TpsStep step)
{
  static const char * const ctm[] = {
    N_("1 Analysis of today (Ist)"),
    N_("2 Target strategy (Soll)"),
    N_("3 Implementation"),
    N_("4 Monitoring"),
  };
  static const char * const best[] = {
    N_("Setup and kickoff"),
    N_("Identification and analysis (Ist)"),
    N_("Concept and planning (Soll)"),
    N_("Agile implementation"),
  };
  static const int best_phase[] = { 0, 0, 1, 1, 2, 2, 3, 3, 3, 3 };

  if (tps_step_is_ctm (step))
    return g_dgettext (GETTEXT_PACKAGE, ctm[(step - TPS_STEP_CTM_1A) / 2]);

  if (step >= TPS_STEP_BEST_1 && step <= TPS_STEP_BEST_10)
    return g_dgettext (GETTEXT_PACKAGE, best[best_phase[step - TPS_STEP_BEST_1]]);

  return "";
}

/* Strict ISO 8601 calendar date, YYYY-MM-DD, and a real day. */
gboolean
tps_date_is_valid (const char *iso_date)
{
  unsigned y, m, d;

  if (iso_date == NULL || strlen (iso_date) != 10
      || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

#define DIGIT(i) ((unsigned) (iso_date[i] - '0'))
  y = DIGIT (0) * 1000 + DIGIT (1) * 100 + DIGIT (2) * 10 + DIGIT (3);
  m = DIGIT (5) * 10 + DIGIT (6);
  d = DIGIT (8) * 10 + DIGIT (9);
#undef DIGIT

  return g_date_valid_dmy (d, m, y);
}

gboolean
tps_timestamp_is_valid (const char *iso_timestamp)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso_timestamp == NULL)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (iso_timestamp, NULL);
  return dt != NULL;
}
