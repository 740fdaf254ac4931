/* tps-touchpoints-view.c
 *
 * Where a team compares touchpoints and decides what to work on first. The
 * table is a view of the project's own list of touchpoints — filtered,
 * sorted and selected through list models stacked on it — and never holds
 * a copy: each cell reads its touchpoint when it is bound and again when the
 * touchpoint notifies or the history reports a change.
 *
 * Without a column to sort by, rows are in journey order: stages in their
 * order, touchpoints in the order they have on the map. Column sorts fall
 * back to journey order for ties, so equal priorities still read along the
 * journey.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tps-analysis.h"
#include "tps-measurement-series.h"
#include "tps-rating-style.h"
#include "tps-touchpoints-view.h"
#include "tps-touchpoints-view-private.h"
#include "tps-view-util.h"




G_DEFINE_FINAL_TYPE (TpsTouchpointsView, tps_touchpoints_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  N_PROPS
};

enum {
  TOUCHPOINT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (TpsTouchpointsView *self);

/* Caches ------------------------------------------------------------------- */

static void
index_list (GHashTable *table,
            GListModel *list,
            gboolean    by_id)
{
  g_hash_table_remove_all (table);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);

      if (by_id)
        g_hash_table_insert (table, g_strdup (tps_object_get_id (object)),
                             GUINT_TO_POINTER (i + 1));
      else
        g_hash_table_insert (table, object, GUINT_TO_POINTER (i + 1));
    }
}

static void
rebuild_caches (TpsTouchpointsView *self)
{

  index_list (self->stage_index, self->project ? tps_project_get_stages (self->project) : NULL,
              TRUE);
  index_list (self->channel_index,
              self->project ? tps_project_get_channels (self->project) : NULL, TRUE);
  index_list (self->document_index,
              self->project ? tps_project_get_touchpoints (self->project) : NULL, FALSE);

  g_hash_table_unref (self->measure_counts);
  self->measure_counts = self->project != NULL
                         ? tps_project_count_measures_by_touchpoint (self->project)
                         : g_hash_table_new (g_str_hash, g_str_equal);
}

/* Unknown stages and channels sort after the known ones. */
static guint
position_in (GHashTable *table,
             gconstpointer key)
{
  guint index = key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) : 0;

  return index > 0 ? index : G_MAXUINT;
}


/* Sorting ------------------------------------------------------------------ */

static int
compare_uint (guint a,
              guint b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_int (int a,
                                  int b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Empty text sorts last, whichever way: a missing owner is not "A". */
static int
compare_text (const char *a,
              const char *b)
{
  gboolean empty_a = a == NULL || *a == '\0';
  gboolean empty_b = b == NULL || *b == '\0';
  int cmp;

  if (empty_a || empty_b)
    return compare_int (empty_a, empty_b);

  cmp = g_utf8_collate (a, b);
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_journey (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TpsTouchpointsView *self = user_data;
  int cmp = compare_uint (position_in (self->stage_index,
                                       tps_touchpoint_get_stage_id ((TpsTouchpoint *) a)),
                          position_in (self->stage_index,
                                       tps_touchpoint_get_stage_id ((TpsTouchpoint *) b)));

  if (cmp != GTK_ORDERING_EQUAL)
    return cmp;

  return compare_uint (position_in (self->document_index, a),
                       position_in (self->document_index, b));
}

/* The score of the KPI shown in the row, NAN without one. */
static double
kpi_score (TpsTouchpoint *tp)
{
  g_autoptr(GPtrArray) series = tps_analysis_get_kpi_series_for (tp);
  TpsKpiSeries *latest = tps_kpi_series_pick_latest (series);

  return latest != NULL ? tps_kpi_series_get_score (latest) : NAN;
}


static int
compare_column (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  ColumnSort *sort = user_data;
  TpsTouchpointsView *self = sort->view;
  TpsTouchpoint *ta = (TpsTouchpoint *) a;
  TpsTouchpoint *tb = (TpsTouchpoint *) b;
  double sa, sb;

  switch (sort->column)
    {
    case COLUMN_STAGE:
      return compare_uint (position_in (self->stage_index, tps_touchpoint_get_stage_id (ta)),
                           position_in (self->stage_index, tps_touchpoint_get_stage_id (tb)));
    case COLUMN_CHANNEL:
      return compare_uint (position_in (self->channel_index, tps_touchpoint_get_channel_id (ta)),
                           position_in (self->channel_index,
                                        tps_touchpoint_get_channel_id (tb)));
    case COLUMN_TITLE:
      return compare_text (tps_touchpoint_get_title (ta), tps_touchpoint_get_title (tb));
    case COLUMN_CURRENT:
      return compare_int (tps_touchpoint_get_current (ta),
                                               tps_touchpoint_get_current (tb));
    case COLUMN_TARGET:
      return compare_int (tps_touchpoint_get_target (ta),
                                               tps_touchpoint_get_target (tb));
    case COLUMN_GAP:
      return compare_int (tps_touchpoint_get_gap (ta),
                                               tps_touchpoint_get_gap (tb));
    case COLUMN_IMPORTANCE:
      return compare_int (tps_touchpoint_get_importance (ta),
                                               tps_touchpoint_get_importance (tb));
    case COLUMN_PRIORITY:
      return compare_int (tps_touchpoint_get_priority (ta),
                                               tps_touchpoint_get_priority (tb));
    case COLUMN_MOMENT:
      return compare_int (tps_touchpoint_get_moment (ta),
                                               tps_touchpoint_get_moment (tb));
    case COLUMN_STATUS:
      return compare_int (tps_touchpoint_get_status (ta),
                                               tps_touchpoint_get_status (tb));
    case COLUMN_OWNER:
      return compare_text (tps_touchpoint_get_owner (ta), tps_touchpoint_get_owner (tb));
    case COLUMN_MEASURES:
      return compare_uint (tps_touchpoints_view_measures_of (self, ta),
                           tps_touchpoints_view_measures_of (self, tb));
    case COLUMN_KPI:
      /* Touchpoints without a comparison go after those with one. */
      sa = kpi_score (ta);
      sb = kpi_score (tb);
      if (isnan (sa) || isnan (sb))
        return compare_int (isnan (sa), isnan (sb));
      return sa < sb ? GTK_ORDERING_SMALLER : sa > sb ? GTK_ORDERING_LARGER
                                                      : GTK_ORDERING_EQUAL;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Filtering ---------------------------------------------------------------- */

static gboolean
matches_search (TpsTouchpoint *tp,
                const char    *needle)
{
  const char * const *systems = tps_touchpoint_get_systems (tp);

  if (tps_view_contains_folded (tps_touchpoint_get_title (tp), needle)
      || tps_view_contains_folded (tps_touchpoint_get_description (tp), needle)
      || tps_view_contains_folded (tps_touchpoint_get_owner (tp), needle))
    return TRUE;

  for (guint i = 0; systems != NULL && systems[i] != NULL; i++)
    if (tps_view_contains_folded (systems[i], needle))
      return TRUE;

  return FALSE;
}

static gboolean
filter_touchpoint (gpointer item,
                   gpointer user_data)
{
  TpsTouchpointsView *self = user_data;
  TpsTouchpoint *tp = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint persona = gtk_drop_down_get_selected (self->persona_filter);
  guint moment = gtk_drop_down_get_selected (self->moment_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);

  /* Position 0 of each filter is "all". */
  if (persona != GTK_INVALID_LIST_POSITION && persona > 0
      && persona <= self->persona_filter_ids->len
      && !tps_touchpoint_has_persona (tp, g_ptr_array_index (self->persona_filter_ids,
                                                             persona - 1)))
    return FALSE;

  if (moment != GTK_INVALID_LIST_POSITION && moment > 0
      && tps_touchpoint_get_moment (tp) != (TpsMoment) (moment - 1))
    return FALSE;

  if (status != GTK_INVALID_LIST_POSITION && status > 0
      && tps_touchpoint_get_status (tp) != (TpsTouchpointStatus) (status - 1))
    return FALSE;

  if (text != NULL && *text != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);

      if (!matches_search (tp, g_strstrip (needle)))
        return FALSE;
    }

  return TRUE;
}

static void
on_filter_changed (TpsTouchpointsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static GtkStringList *
all_and_enum (const char *all,
              GType       enum_type)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < tps_enum_get_n_values (enum_type); i++)
    gtk_string_list_append (list, tps_enum_get_label (enum_type, i));

  return list;
}

/* The persona choices follow the project's personas; the chosen one stays
 * chosen while it exists.
 */
static void
update_persona_filter (TpsTouchpointsView *self)
{
  GListModel *personas = self->project ? tps_project_get_personas (self->project) : NULL;
  g_autoptr(GString) sig = g_string_new (NULL);
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->persona_filter);
  guint n = personas != NULL ? g_list_model_get_n_items (personas) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);

      g_string_append_printf (sig, "%s\x1f%s\x1e", tps_object_get_id (TPS_OBJECT (persona)),
                              tps_persona_get_name (persona));
    }

  if (g_strcmp0 (sig->str, self->personas_signature) == 0)
    return;
  g_free (self->personas_signature);
  self->personas_signature = g_strdup (sig->str);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= self->persona_filter_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->persona_filter_ids, selected - 1));

  g_ptr_array_set_size (self->persona_filter_ids, 0);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All personas"));
  selected = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);
      const char *id = tps_object_get_id (TPS_OBJECT (persona));

      gtk_string_list_append (names, tps_view_name_or (TPS_OBJECT (persona),
                                                                   _("Unnamed persona")));
      g_ptr_array_add (self->persona_filter_ids, g_strdup (id));
      if (g_strcmp0 (id, chosen) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (self->persona_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->persona_filter, selected);
}

/* Selection and bulk changes ---------------------------------------------- */

/* Returns: (transfer full): the selected touchpoints, in table order */
static GPtrArray *
selected_touchpoints (TpsTouchpointsView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (result, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return result;
}

static void
update_selection (TpsTouchpointsView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (set);
  g_autofree char *text = NULL;

  /* Translators: the bulk-change bar, "3 touchpoints selected" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint selected",
                                       "%u touchpoints selected", (gulong) n), (guint) n);
  gtk_label_set_text (self->selection_label, text);
  gtk_revealer_set_reveal_child (self->bulk_revealer, n >= 2);
}

static void
on_selection_changed (GtkSelectionModel  *model,
                      guint               position,
                      guint               n_items,
                      TpsTouchpointsView *self)
{
  update_selection (self);
}

/* Sets @property of every selected touchpoint as one undo step. */
static void
bulk_set (TpsTouchpointsView *self,
          const char         *property,
          const GValue       *value)
{
  g_autoptr(GPtrArray) touchpoints = selected_touchpoints (self);
  g_autofree char *label = NULL;

  if (self->history == NULL || touchpoints->len == 0)
    return;

  /* Translators: undo label, "Stage of 3 touchpoints changed" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %u touchpoint changed",
                                        "%s of %u touchpoints changed", touchpoints->len),
                           tps_property_get_label (TPS_TYPE_TOUCHPOINT, property),
                           touchpoints->len);

  tps_history_begin_group (self->history, label);
  for (guint i = 0; i < touchpoints->len; i++)
    tps_history_set_property (self->history, g_ptr_array_index (touchpoints, i), property,
                              value);
  tps_history_end_group (self->history);
}

static void
bulk_set_string (TpsTouchpointsView *self,
                 const char         *property,
                 const char         *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  bulk_set (self, property, &value);
}

static void
set_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bulk_set_string (TPS_TOUCHPOINTS_VIEW (widget), "stage-id",
                   g_variant_get_string (parameter, NULL));
}

static void
set_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bulk_set_string (TPS_TOUCHPOINTS_VIEW (widget), "channel-id",
                   g_variant_get_string (parameter, NULL));
}

static void
set_owner_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *owner = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));

  bulk_set_string (TPS_TOUCHPOINTS_VIEW (widget), "owner", owner);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int status;

  if (!tps_enum_parse_word (TPS_TYPE_TOUCHPOINT_STATUS, g_variant_get_string (parameter, NULL),
                            &status))
    return;

  g_value_init (&value, TPS_TYPE_TOUCHPOINT_STATUS);
  g_value_set_enum (&value, status);
  bulk_set (TPS_TOUCHPOINTS_VIEW (widget), "status", &value);
}

static void
apply_owner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (widget);
  const char *owner = gtk_editable_get_text (GTK_EDITABLE (self->bulk_owner_entry));

  gtk_widget_activate_action (widget, "touchpoints.set-owner", "s", owner);
  gtk_popover_popdown (self->bulk_owner_popover);
}

static void
unselect_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static GMenuModel *
object_menu (GListModel *list,
             const char *action,
             const char *unnamed,
             char      **signature)
{
  g_autoptr(GString) sig = g_string_new (NULL);
  GMenu *menu;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);

      g_string_append_printf (sig, "%s\x1f%s\x1e", tps_object_get_id (object),
                              tps_view_name_or (object, unnamed));
    }

  if (g_strcmp0 (sig->str, *signature) == 0)
    return NULL;
  g_free (*signature);
  *signature = g_strdup (sig->str);

  menu = g_menu_new ();
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);
      g_autoptr(GMenuItem) entry = g_menu_item_new (tps_view_name_or (object,
                                                                                  unnamed), NULL);

      g_menu_item_set_action_and_target_value (entry, action,
                                               g_variant_new_string (tps_object_get_id (object)));
      g_menu_append_item (menu, entry);
    }

  return G_MENU_MODEL (menu);
}

static void
update_bulk_menus (TpsTouchpointsView *self)
{
  g_autoptr(GMenuModel) stages = NULL;
  g_autoptr(GMenuModel) channels = NULL;

  stages = object_menu (self->project ? tps_project_get_stages (self->project) : NULL,
                        "touchpoints.set-stage", _("Unnamed stage"), &self->stages_signature);
  if (stages != NULL)
    gtk_menu_button_set_menu_model (self->bulk_stage_button, stages);

  channels = object_menu (self->project ? tps_project_get_channels (self->project) : NULL,
                          "touchpoints.set-channel", _("Unnamed channel"),
                          &self->channels_signature);
  if (channels != NULL)
    gtk_menu_button_set_menu_model (self->bulk_channel_button, channels);
}

static void
build_status_menu (TpsTouchpointsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < tps_enum_get_n_values (TPS_TYPE_TOUCHPOINT_STATUS); i++)
    {
      g_autoptr(GMenuItem) entry =
        g_menu_item_new (tps_enum_get_label (TPS_TYPE_TOUCHPOINT_STATUS, i), NULL);

      g_menu_item_set_action_and_target_value (
        entry, "touchpoints.set-status",
        g_variant_new_string (tps_enum_get_word (TPS_TYPE_TOUCHPOINT_STATUS, i)));
      g_menu_append_item (menu, entry);
    }

  gtk_menu_button_set_menu_model (self->bulk_status_button, G_MENU_MODEL (menu));
}

/* Sorting and searching actions ------------------------------------------- */

static gboolean
scroll_to_top_tick (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (user_data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double lower = gtk_adjustment_get_lower (adjustment);

  if (g_object_get_data (G_OBJECT (self), "scroll-laid-out") == NULL)
    {
      g_object_set_data (G_OBJECT (self), "scroll-laid-out", GINT_TO_POINTER (TRUE));
      return G_SOURCE_CONTINUE;
    }

  /* Moving away and back makes the list take the first row as its anchor
   * even when the offset did not change.
   */
  if (gtk_adjustment_get_value (adjustment) <= lower)
    gtk_adjustment_set_value (adjustment, lower + 1);
  gtk_adjustment_set_value (adjustment, lower);
  return G_SOURCE_REMOVE;
}

/* A new order is read from its first row. The list keeps the row that was
 * at the top in view instead, and only knows where that row went once it
 * has been laid out; so the scrolling back waits for the next frame.
 */
static void
scroll_to_top (TpsTouchpointsView *self)
{
  g_object_set_data (G_OBJECT (self), "scroll-laid-out", NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), scroll_to_top_tick, self, NULL);
}

static void
sort_journey_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (widget);

  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  scroll_to_top (self);
}

static void
sort_priority_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (widget);

  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_PRIORITY],
                                  GTK_SORT_DESCENDING);
  scroll_to_top (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->persona_filter, 0);
  gtk_drop_down_set_selected (self->moment_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  on_filter_changed (self);
}

static gboolean
focus_search_shortcut (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  /* The shortcut belongs to the window; only the view on screen takes it. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  tps_touchpoints_view_focus_search (TPS_TOUCHPOINTS_VIEW (widget));
  return TRUE;
}

static void
on_stop_search (GtkSearchEntry     *entry,
                TpsTouchpointsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Keeping up with the model ------------------------------------------------ */

static void
update_count_and_page (TpsTouchpointsView *self)
{
  GListModel *touchpoints = self->project ? tps_project_get_touchpoints (self->project) : NULL;
  guint total = touchpoints != NULL ? g_list_model_get_n_items (touchpoints) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints",
                                         total), total);
  else
    /* Translators: "12 of 35 touchpoints" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u touchpoint",
                                         "%u of %u touchpoints", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
on_rows_changed (GListModel         *model,
                 guint               position,
                 guint               removed,
                 guint               added,
                 TpsTouchpointsView *self)
{
  update_count_and_page (self);
}

/* After any change: new values may move rows in the sort order or in or out
 * of the filter, and cells may show other objects' data.
 */
static void
refresh (TpsTouchpointsView *self)
{
  GHashTableIter iter;
  gpointer cell;

  rebuild_caches (self);
  tps_touchpoints_view_update_comparator_columns (self);
  update_persona_filter (self);
  update_bulk_menus (self);

  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    tps_touchpoints_view_update_cell (self, cell);

  update_count_and_page (self);
}

static void
update (TpsTouchpointsView *self)
{
  GHashTableIter iter;
  gpointer tp;

  if (self->refresh_all)
    {
      self->refresh_all = FALSE;
      g_hash_table_remove_all (self->changed_rows);
      refresh (self);
      return;
    }

  /* The row's cells follow its touchpoint already; filter and sort only
   * need to look at it again.
   */
  g_hash_table_iter_init (&iter, self->changed_rows);
  while (g_hash_table_iter_next (&iter, &tp, NULL))
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->document_index, tp));

      if (index > 0)
        g_list_model_items_changed (G_LIST_MODEL (self->rows_source), index - 1, 1, 1);
    }
  g_hash_table_remove_all (self->changed_rows);
}

static void
on_history_changed (TpsHistory         *history,
                    TpsTouchpointsView *self)
{
  const TpsHistoryChange *change = tps_history_get_change (history);

  if (!change->structure && TPS_IS_TOUCHPOINT (change->object))
    g_hash_table_add (self->changed_rows, g_object_ref (change->object));
  else
    self->refresh_all = TRUE;

  tps_view_update_queue (self->update);
}

static void
on_row_activated (GtkColumnView      *view,
                  guint               position,
                  TpsTouchpointsView *self)
{
  g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (tp != NULL)
    g_signal_emit (self, signals[TOUCHPOINT_ACTIVATED], 0, tp);
}

static void
on_first_map (TpsTouchpointsView *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* GObject ------------------------------------------------------------------- */

static void
tps_touchpoints_view_dispose (GObject *object)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (object);
  GtkWidget *child;

  g_clear_signal_handler (&self->history_changed_id, self->history);
  g_clear_pointer (&self->update, tps_view_update_free);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_TOUCHPOINTS_VIEW);
  /* The template's outer box has no name, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rows_source);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (tps_touchpoints_view_parent_class)->dispose (object);
}

static void
tps_touchpoints_view_finalize (GObject *object)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (object);

  g_hash_table_unref (self->stage_index);
  g_hash_table_unref (self->channel_index);
  g_hash_table_unref (self->document_index);
  g_hash_table_unref (self->measure_counts);
  g_hash_table_unref (self->bound_cells);
  g_clear_pointer (&self->comparator_columns, g_ptr_array_unref);
  g_clear_pointer (&self->comparators_signature, g_free);
  g_hash_table_unref (self->changed_rows);
  g_ptr_array_unref (self->persona_filter_ids);
  g_free (self->personas_signature);
  g_free (self->stages_signature);
  g_free (self->channels_signature);

  G_OBJECT_CLASS (tps_touchpoints_view_parent_class)->finalize (object);
}

static void
tps_touchpoints_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoints_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TpsTouchpointsView *self = TPS_TOUCHPOINTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_touchpoints_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_touchpoints_view_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoints_view_class_init (TpsTouchpointsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tps_touchpoints_view_dispose;
  object_class->finalize = tps_touchpoints_view_finalize;
  object_class->get_property = tps_touchpoints_view_get_property;
  object_class->set_property = tps_touchpoints_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsTouchpointsView::touchpoint-activated:
   * @touchpoint: the touchpoint of the activated row
   *
   * A row was activated (double click or Enter): the touchpoint is to be
   * shown on the map with the inspector open.
   */
  signals[TOUCHPOINT_ACTIVATED] =
    g_signal_new ("touchpoint-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_TOUCHPOINT);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-touchpoints-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tps-touchpoints-view");

  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, sort_box);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, overflow_button);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, overflow_box);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, persona_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, moment_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_grid);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_actions);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_clear_button);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_stage_button);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_channel_button);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_status_button);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_owner_popover);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointsView, bulk_owner_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "touchpoints.sort-journey", NULL,
                                   sort_journey_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.sort-priority", NULL,
                                   sort_priority_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.unselect-all", NULL,
                                   unselect_all_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.set-stage", "s",
                                   set_stage_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.set-channel", "s",
                                   set_channel_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.set-status", "s",
                                   set_status_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.set-owner", "s",
                                   set_owner_action);
  gtk_widget_class_install_action (widget_class, "touchpoints.apply-owner", NULL,
                                   apply_owner_action);

  tps_rating_style_init ();
}

static void place_bulk_bar (TpsTouchpointsView *self,
                            gboolean            compact);

static void
tps_touchpoints_view_init (TpsTouchpointsView *self)
{
  g_autoptr(GtkStringList) moments = NULL;
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) personas = NULL;
  GtkEventController *shortcuts;
  GtkCustomSorter *journey;

  self->stage_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->channel_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->document_index = g_hash_table_new (NULL, NULL);
  self->measure_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->comparator_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->update = tps_view_update_new (GTK_WIDGET (self), G_CALLBACK (update));
  self->persona_filter_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  place_bulk_bar (self, FALSE);
  /* The drop-downs' own buttons take the focus: they carry the names. */
  tps_accessible_set_name (GTK_WIDGET (self->persona_filter), _("Persona"));
  tps_accessible_set_name (GTK_WIDGET (self->moment_filter), _("Moment"));
  tps_accessible_set_name (GTK_WIDGET (self->status_filter), _("Status"));
  tps_accessible_name_controls (GTK_WIDGET (self));

  tps_touchpoints_view_add_columns (self, compare_column);

  /* project touchpoints → rows source → filter → sort (column, then
   * journey) → selection
   */
  self->rows_source = gtk_map_list_model_new (NULL, NULL, NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_touchpoint, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows_source)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  journey = gtk_custom_sorter_new (compare_journey, self, NULL);
  self->sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (self->sorter,
                           g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (self->sorter, GTK_SORTER (journey));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  /* The rows are made when the table is first shown: a list view makes a
   * couple of hundred rows ahead even while it is hidden, and a window
   * opens on the journey map.
   */
  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);

  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed),
                    self);
  g_signal_connect (self->sort_model, "items-changed", G_CALLBACK (on_rows_changed), self);

  personas = gtk_string_list_new (NULL);
  gtk_string_list_append (personas, _("All personas"));
  gtk_drop_down_set_model (self->persona_filter, G_LIST_MODEL (personas));
  moments = all_and_enum (_("All moments"), TPS_TYPE_MOMENT);
  gtk_drop_down_set_model (self->moment_filter, G_LIST_MODEL (moments));
  statuses = all_and_enum (_("All statuses"), TPS_TYPE_TOUCHPOINT_STATUS);
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->persona_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->moment_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->bulk_owner_entry, "activate",
                            G_CALLBACK (apply_owner_action), self);

  build_status_menu (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                      gtk_callback_action_new (focus_search_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_selection (self);
  update_count_and_page (self);
}

GtkWidget *
tps_touchpoints_view_new (void)
{
  return g_object_new (TPS_TYPE_TOUCHPOINTS_VIEW, NULL);
}

TpsProject *
tps_touchpoints_view_get_project (TpsTouchpointsView *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self), NULL);

  return self->project;
}

void
tps_touchpoints_view_set_project (TpsTouchpointsView *self,
                                  TpsProject         *project)
{
  g_return_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_set_object (&self->project, project);
  g_clear_pointer (&self->personas_signature, g_free);
  g_clear_pointer (&self->stages_signature, g_free);
  g_clear_pointer (&self->channels_signature, g_free);

  /* Caches first: the filter model sorts the new rows right away. */
  rebuild_caches (self);
  gtk_map_list_model_set_model (self->rows_source,
                                project != NULL ? tps_project_get_touchpoints (project) : NULL);
  g_hash_table_remove_all (self->changed_rows);
  self->refresh_all = FALSE;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

TpsHistory *
tps_touchpoints_view_get_history (TpsTouchpointsView *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self), NULL);

  return self->history;
}

void
tps_touchpoints_view_set_history (TpsTouchpointsView *self,
                                  TpsHistory         *history)
{
  g_return_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (!tps_view_follow_history (&self->history, &self->history_changed_id, history,
                                G_CALLBACK (on_history_changed), self, 0))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Returns: (transfer none): the rows as the table shows them, filtered and
 * sorted, a list of TpsTouchpoint
 */
GListModel *
tps_touchpoints_view_get_rows (TpsTouchpointsView *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/* Returns: (transfer none): the table's selection, over the rows */
GtkSelectionModel *
tps_touchpoints_view_get_selection (TpsTouchpointsView *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * tps_touchpoints_view_sort_by:
 * @column_id: (nullable): "stage", "channel", "title", "current", "target",
 *   "gap", "importance", "priority", "moment", "status", "owner",
 *   "measures" or "kpi"; %NULL for journey order
 *
 * Sorts the table as clicking a column header does.
 */
void
tps_touchpoints_view_sort_by (TpsTouchpointsView *self,
                              const char         *column_id,
                              GtkSortType         direction)
{
  g_return_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self));

  for (Column c = 0; column_id != NULL && c < N_COLUMNS; c++)
    if (g_strcmp0 (tps_touchpoints_view_columns[c].id, column_id) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, self->columns[c], direction);
        scroll_to_top (self);
        return;
      }

  g_return_if_fail (column_id == NULL);
  gtk_column_view_sort_by_column (self->column_view, NULL, direction);
  scroll_to_top (self);
}

/* Ctrl+F: puts the cursor in the search, with what was typed selected. */
void
tps_touchpoints_view_focus_search (TpsTouchpointsView *self)
{
  g_return_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
place_in_grid (GtkWidget *grid,
               GtkWidget *child,
               int        column,
               int        row,
               int        column_span)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (grid);
  GtkGridLayoutChild *cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout,
                                                                                         child));

  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
  gtk_grid_layout_child_set_column_span (cell, column_span);
}

/* Wide, the bulk bar is one row: count, the four changes, Clear. Narrow,
 * the count and Clear share the first row and the changes fill two more,
 * two to a row, each half the width, so none is cut off at 360 px.
 */
static void
place_bulk_bar (TpsTouchpointsView *self,
                gboolean            compact)
{
  guint i = 0;

  place_in_grid (self->bulk_grid, GTK_WIDGET (self->selection_label), 0, 0, 1);
  place_in_grid (self->bulk_grid, self->bulk_actions, compact ? 0 : 1, compact ? 1 : 0,
                 compact ? 2 : 1);
  place_in_grid (self->bulk_grid, self->bulk_clear_button, compact ? 1 : 2, 0, 1);

  for (GtkWidget *button = gtk_widget_get_first_child (self->bulk_actions); button != NULL;
       button = gtk_widget_get_next_sibling (button), i++)
    {
      place_in_grid (self->bulk_actions, button, compact ? i % 2 : i, compact ? i / 2 : 0, 1);
      gtk_widget_set_hexpand (button, compact);
    }
  gtk_grid_set_column_homogeneous (GTK_GRID (self->bulk_actions), compact);
  gtk_widget_set_hexpand (self->bulk_actions, compact);
}

/**
 * tps_touchpoints_view_set_compact:
 *
 * On a narrow window the filters and the sort buttons move behind one
 * button, and the search field takes the rest of the toolbar.
 */
void
tps_touchpoints_view_set_compact (TpsTouchpointsView *self,
                                  gboolean            compact)
{
  g_return_if_fail (TPS_IS_TOUCHPOINTS_VIEW (self));

  tps_view_place_compact (self->sort_box, self->toolbar, GTK_WIDGET (self->count_label),
                          self->overflow_box, self->overflow_button, compact);
  tps_view_place_compact (self->filter_box, self->toolbar, GTK_WIDGET (self->search_entry),
                          self->overflow_box, self->overflow_button, compact);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), compact ? 8 : 30);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), compact);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !compact);
  place_bulk_bar (self, compact);
}
