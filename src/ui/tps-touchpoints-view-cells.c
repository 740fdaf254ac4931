/* tps-touchpoints-view-cells.c — the touchpoints table's cells: one
 * factory per column, editing in place through the history, and the
 * comparator columns
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


/* The table's columns: id (for the settings), title, width, whether it
 * takes the spare width.
 */
const TpsTouchpointsColumn tps_touchpoints_view_columns[N_COLUMNS] = {
  [COLUMN_STAGE] = { "stage", N_("Stage"), 140, FALSE },
  [COLUMN_CHANNEL] = { "channel", N_("Channel"), 130, FALSE },
  [COLUMN_TITLE] = { "title", N_("Touchpoint"), 260, TRUE },
  [COLUMN_CURRENT] = { "current", N_("Ist"), -1, FALSE },
  [COLUMN_TARGET] = { "target", N_("Soll"), -1, FALSE },
  [COLUMN_GAP] = { "gap", N_("Gap"), -1, FALSE },
  [COLUMN_IMPORTANCE] = { "importance", N_("Importance"), -1, FALSE },
  [COLUMN_PRIORITY] = { "priority", N_("Priority"), -1, FALSE },
  [COLUMN_MOMENT] = { "moment", N_("Moment"), 130, FALSE },
  [COLUMN_STATUS] = { "status", N_("Status"), 100, FALSE },
  [COLUMN_OWNER] = { "owner", N_("Owner"), 150, FALSE },
  [COLUMN_MEASURES] = { "measures", N_("Measures"), -1, FALSE },
  [COLUMN_KPI] = { "kpi", N_("Latest KPI vs. Baseline"), 210, FALSE },
};

/* How many measures work on @tp (counted once per refresh). */
guint
tps_touchpoints_view_measures_of (TpsTouchpointsView *self,
                                  TpsTouchpoint      *tp)
{
  const char *id = tps_object_get_id (TPS_OBJECT (tp));

  return id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->measure_counts, id)) : 0;
}

/* Cells ---------------------------------------------------------------------- */

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

/* Replaces the colour class a widget had from the last row it showed. */
static void
set_style_class (GtkWidget  *widget,
                 const char *key,
                 const char *style_class)
{
  const char *old = g_object_get_data (G_OBJECT (widget), key);

  if (old != NULL)
    gtk_widget_remove_css_class (widget, old);
  if (style_class != NULL)
    gtk_widget_add_css_class (widget, style_class);
  g_object_set_data (G_OBJECT (widget), key, (gpointer) style_class);
}

static void
update_kpi_cell (GtkWidget     *label,
                 TpsTouchpoint *tp)
{
  g_autoptr(GPtrArray) all = tps_analysis_get_kpi_series_for (tp);
  TpsKpiSeries *series = tps_kpi_series_pick_latest (all);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (series != NULL)
    {
      text = tps_kpi_series_summarize (series);
      tooltip = tps_kpi_series_describe (series);
    }

  set_label (label, text);
  gtk_widget_set_tooltip_text (label, tooltip);
  set_style_class (label, "trend-class",
                   series != NULL ? tps_kpi_verdict_style_class (series->verdict) : NULL);
}

/* A comparator's rating of the row's touchpoint, in the rating colour;
 * a dash where it was not rated.
 */
static void
update_comparator_cell (GtkWidget     *cell,
                        TpsComparator *comparator,
                        TpsTouchpoint *tp)
{
  int rating;

  if (!tps_comparator_get_rating (comparator, tps_object_get_id (TPS_OBJECT (tp)), &rating))
    {
      set_label (cell, "—");
      set_style_class (cell, "rating-class", NULL);
      gtk_widget_remove_css_class (cell, "tps-rating-text");
      gtk_widget_set_tooltip_text (cell, _("Not rated"));
      return;
    }

  {
    g_autofree char *text = tps_rating_format (rating);
    g_autofree char *tooltip = g_strdup_printf ("%s: %s", tps_comparator_get_name (comparator),
                                                tps_rating_get_label (rating));

    set_label (cell, text);
    gtk_widget_add_css_class (cell, "tps-rating-text");
    set_style_class (cell, "rating-class", tps_rating_style_class (rating));
    gtk_widget_set_tooltip_text (cell, tooltip);
  }
}

void
tps_touchpoints_view_update_cell (TpsTouchpointsView *self,
                                  GtkWidget          *cell)
{
  TpsTouchpoint *tp = g_object_get_data (G_OBJECT (cell), "touchpoint");
  TpsComparator *comparator = g_object_get_data (G_OBJECT (cell), "comparator");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  g_autofree char *text = NULL;
  int rating;

  if (tp == NULL || self->project == NULL)
    return;

  if (comparator != NULL)
    {
      update_comparator_cell (cell, comparator, tp);
      return;
    }

  switch (column)
    {
    case COLUMN_STAGE:
      {
        TpsStage *stage = tps_project_find_stage (self->project,
                                                  tps_touchpoint_get_stage_id (tp));

        set_label (cell, tps_view_name_or (TPS_OBJECT (stage), "—"));
      }
      gtk_widget_set_tooltip_text (cell, gtk_label_get_text (GTK_LABEL (cell)));
      break;
    case COLUMN_CHANNEL:
      {
        TpsChannel *channel = tps_project_find_channel (self->project,
                                                        tps_touchpoint_get_channel_id (tp));

        set_label (cell, tps_view_name_or (TPS_OBJECT (channel), "—"));
      }
      gtk_widget_set_tooltip_text (cell, gtk_label_get_text (GTK_LABEL (cell)));
      break;
    case COLUMN_TITLE:
      set_label (cell, tps_view_name_or (TPS_OBJECT (tp), _("Untitled touchpoint")));
      gtk_widget_set_tooltip_text (cell, tps_touchpoint_get_description (tp));
      break;
    case COLUMN_CURRENT:
    case COLUMN_TARGET:
      rating = column == COLUMN_CURRENT ? tps_touchpoint_get_current (tp)
                                        : tps_touchpoint_get_target (tp);
      g_object_set_data (G_OBJECT (cell), "updating", GINT_TO_POINTER (TRUE));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), rating - TPS_RATING_MIN);
      g_object_set_data (G_OBJECT (cell), "updating", NULL);
      gtk_widget_set_tooltip_text (cell, tps_rating_get_label (rating));
      /* Translators: the accessible name of a rating in the table, e.g.
       * "Ist rating of “Hotline”"
       */
      text = g_strdup_printf (_("%s rating of “%s”"),
                              _(tps_touchpoints_view_columns[column].title),
                              tps_view_name_or (TPS_OBJECT (tp),
                                                            _("Untitled touchpoint")));
      tps_accessible_set_name (cell, text);
      break;
    case COLUMN_GAP:
      text = tps_rating_format (tps_touchpoint_get_gap (tp));
      set_label (cell, text);
      break;
    case COLUMN_IMPORTANCE:
      text = g_strdup_printf ("%d", tps_touchpoint_get_importance (tp));
      set_label (cell, text);
      break;
    case COLUMN_PRIORITY:
      text = g_strdup_printf ("%d", tps_touchpoint_get_priority (tp));
      set_label (cell, text);
      break;
    case COLUMN_MOMENT:
      set_label (cell, tps_touchpoint_get_moment (tp) == TPS_MOMENT_NONE
                       ? "" : tps_enum_get_label (TPS_TYPE_MOMENT, tps_touchpoint_get_moment (tp)));
      gtk_widget_set_visible (cell, tps_touchpoint_get_moment (tp) != TPS_MOMENT_NONE);
      set_style_class (cell, "moment-class",
                       tps_moment_style_class (tps_touchpoint_get_moment (tp)));
      break;
    case COLUMN_STATUS:
      set_label (cell, tps_enum_get_label (TPS_TYPE_TOUCHPOINT_STATUS,
                                           tps_touchpoint_get_status (tp)));
      break;
    case COLUMN_OWNER:
      set_label (cell, tps_touchpoint_get_owner (tp));
      gtk_widget_set_tooltip_text (cell, tps_touchpoint_get_owner (tp));
      break;
    case COLUMN_MEASURES:
      text = g_strdup_printf ("%u", tps_touchpoints_view_measures_of (self, tp));
      set_label (cell, tps_touchpoints_view_measures_of (self, tp) > 0 ? text : "—");
      break;
    case COLUMN_KPI:
      update_kpi_cell (cell, tp);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_cell_touchpoint_notify (TpsTouchpoint *tp,
                           GParamSpec    *pspec,
                           GtkWidget     *cell)
{
  TpsTouchpointsView *self = g_object_get_data (G_OBJECT (cell), "view");

  tps_touchpoints_view_update_cell (self, cell);
}

/* Ist and Soll are chosen in the cell, as in a spreadsheet. */
static void
on_rating_selected (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  TpsTouchpointsView *self = g_object_get_data (G_OBJECT (drop_down), "view");
  TpsTouchpoint *tp = g_object_get_data (G_OBJECT (drop_down), "touchpoint");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop_down), "column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (tp == NULL || self->history == NULL || selected == GTK_INVALID_LIST_POSITION
      || g_object_get_data (G_OBJECT (drop_down), "updating") != NULL)
    return;

  tps_history_set (self->history, tp, column == COLUMN_CURRENT ? "current" : "target",
                   (int) selected + TPS_RATING_MIN, NULL);
}

/* The items of a rating drop-down: a colour swatch, the step and, in the
 * list, its name.
 */
static void
setup_rating_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  with_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *number = gtk_label_new (NULL);

  gtk_widget_add_css_class (swatch, "tps-rating-swatch");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_add_css_class (number, "numeric");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), number);
  if (with_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_rating_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  with_name)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *number = gtk_widget_get_next_sibling (swatch);
  int rating = (int) gtk_list_item_get_position (item) + TPS_RATING_MIN;
  g_autofree char *text = tps_rating_format (rating);

  set_style_class (swatch, "rating-class", tps_rating_style_class (rating));
  gtk_label_set_text (GTK_LABEL (number), text);
  if (with_name != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (number)),
                        tps_rating_get_label (rating));
}

static GtkListItemFactory *
rating_item_factory (gboolean with_name)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_rating_item),
                    GINT_TO_POINTER (with_name));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_rating_item),
                    GINT_TO_POINTER (with_name));
  return factory;
}

static GtkWidget *
rating_drop_down_new (void)
{
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = rating_item_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = rating_item_factory (TRUE);
  GtkWidget *drop_down;

  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    gtk_string_list_append (ratings, tps_rating_get_label (rating));

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&ratings)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_widget_add_css_class (drop_down, "flat");
  gtk_widget_add_css_class (drop_down, "tps-rating-cell");
  return drop_down;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TpsTouchpointsView       *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;

  switch (column)
    {
    case COLUMN_CURRENT:
    case COLUMN_TARGET:
      cell = rating_drop_down_new ();
      g_signal_connect (cell, "notify::selected", G_CALLBACK (on_rating_selected), NULL);
      break;

    case COLUMN_GAP:
    case COLUMN_IMPORTANCE:
    case COLUMN_PRIORITY:
    case COLUMN_MEASURES:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
      gtk_widget_add_css_class (cell, "numeric");
      if (column == COLUMN_PRIORITY)
        gtk_widget_add_css_class (cell, "heading");
      break;

    case COLUMN_MOMENT:
      cell = gtk_label_new (NULL);
      gtk_widget_set_halign (cell, GTK_ALIGN_START);
      gtk_widget_add_css_class (cell, "tps-badge");
      gtk_widget_add_css_class (cell, "tps-moment-badge");
      break;

    case COLUMN_STAGE:
    case COLUMN_CHANNEL:
    case COLUMN_TITLE:
    case COLUMN_STATUS:
    case COLUMN_OWNER:
    case COLUMN_KPI:
    case N_COLUMNS:
    default:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_KPI)
        gtk_widget_add_css_class (cell, "numeric");
      break;
    }

  g_object_set_data (G_OBJECT (cell), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "view", self);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TpsTouchpointsView       *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  TpsTouchpoint *tp = gtk_list_item_get_item (item);
  gulong id;

  g_object_set_data (G_OBJECT (cell), "touchpoint", tp);
  id = g_signal_connect_object (tp, "notify", G_CALLBACK (on_cell_touchpoint_notify), cell, 0);
  g_object_set_data (G_OBJECT (cell), "notify-id", GSIZE_TO_POINTER (id));
  g_hash_table_add (self->bound_cells, cell);
  tps_touchpoints_view_update_cell (self, cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TpsTouchpointsView       *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  TpsTouchpoint *tp = g_object_get_data (G_OBJECT (cell), "touchpoint");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "notify-id"));

  if (tp != NULL && id != 0)
    g_signal_handler_disconnect (tp, id);
  g_object_set_data (G_OBJECT (cell), "notify-id", NULL);
  g_object_set_data (G_OBJECT (cell), "touchpoint", NULL);
  g_hash_table_remove (self->bound_cells, cell);
}

void
tps_touchpoints_view_add_columns (TpsTouchpointsView *self,
                                  GCompareDataFunc    compare)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnSort *sort = g_new0 (ColumnSort, 1);
      g_autoptr(GtkSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      sort->view = self;
      sort->column = c;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare, sort,
                                                  g_free));

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

      column = gtk_column_view_column_new (_(tps_touchpoints_view_columns[c].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, tps_touchpoints_view_columns[c].expand);
      if (tps_touchpoints_view_columns[c].width > 0)
        gtk_column_view_column_set_fixed_width (column, tps_touchpoints_view_columns[c].width);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
      g_object_unref (column);
    }
}

/* Comparator columns ------------------------------------------------------- */

static void
setup_comparator_cell (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       TpsTouchpointsView       *self)
{
  GtkWidget *cell = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (cell), 1);
  gtk_widget_add_css_class (cell, "numeric");
  g_object_set_data (G_OBJECT (cell), "comparator",
                     g_object_get_data (G_OBJECT (factory), "comparator"));
  g_object_set_data (G_OBJECT (cell), "view", self);
  gtk_list_item_set_child (item, cell);
}

/* Unrated rows sort below the lowest rating. */
static int
compare_comparator (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  TpsComparator *comparator = user_data;
  int ra = TPS_RATING_MIN - 1, rb = TPS_RATING_MIN - 1;

  tps_comparator_get_rating (comparator, tps_object_get_id ((TpsObject *) a), &ra);
  tps_comparator_get_rating (comparator, tps_object_get_id ((TpsObject *) b), &rb);
  return ra < rb ? GTK_ORDERING_SMALLER : ra > rb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
tps_touchpoints_view_update_comparator_columns (TpsTouchpointsView *self)
{
  GListModel *comparators = tps_project_get_comparators (self->project);
  g_autoptr(GString) sig = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);

      g_string_append_printf (sig, "%p|%s\x1e", (gpointer) comparator,
                              tps_comparator_get_name (comparator));
    }

  if (g_strcmp0 (sig->str, self->comparators_signature) == 0)
    return;
  g_free (self->comparators_signature);
  self->comparators_signature = g_strdup (sig->str);

  for (guint i = 0; i < self->comparator_columns->len; i++)
    gtk_column_view_remove_column (self->column_view,
                                   g_ptr_array_index (self->comparator_columns, i));
  g_ptr_array_set_size (self->comparator_columns, 0);

  for (guint i = 0; i < g_list_model_get_n_items (comparators); i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter =
        GTK_SORTER (gtk_custom_sorter_new (compare_comparator, g_object_ref (comparator),
                                           g_object_unref));
      GtkColumnViewColumn *column;

      g_object_set_data_full (G_OBJECT (factory), "comparator", g_object_ref (comparator),
                              g_object_unref);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_comparator_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

      column = gtk_column_view_column_new (tps_comparator_get_name (comparator), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->comparator_columns, column);
    }
}
