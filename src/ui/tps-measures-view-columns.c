/* tps-measures-view-columns.c — the measures list's columns: cells that
 * edit through the history, sorting by each column, the tree of
 * sub-projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-measure-format.h"
#include "tps-measures-view.h"
#include "tps-measures-view-private.h"

/* ------------------------------------------------------------------------
 * Columns
 * ------------------------------------------------------------------------ */

static TpsMeasure *
measure_of_item (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);

  return row != NULL ? g_object_get_data (G_OBJECT (item), "measure") : NULL;
}

static void
refresh_cell (TpsMeasuresView *self,
              GtkListItem     *item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  TpsMeasure *measure = measure_of_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = child;
  g_autofree char *text = NULL;

  if (measure == NULL || self->project == NULL)
    return;

  switch (column)
    {
    case COLUMN_TITLE:
      {
        const char *title = tps_measure_get_title (measure);
        TpsMeasureStatus status = tps_measure_get_status (measure);

        label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
        text = g_strdup (title != NULL && *title ? title : _("Untitled"));
        if (status == TPS_MEASURE_STATUS_DROPPED || status == TPS_MEASURE_STATUS_DONE)
          gtk_widget_add_css_class (label, "dim-label");
        else
          gtk_widget_remove_css_class (label, "dim-label");
        gtk_widget_set_tooltip_text (label, text);
      }
      break;

    case COLUMN_TYPE:
      text = g_strdup (tps_enum_get_label (TPS_TYPE_MEASURE_TYPE, tps_measure_get_kind (measure)));
      break;

    case COLUMN_STATUS:
      tps_status_dot_set (gtk_widget_get_first_child (child), tps_measure_get_status (measure));
      label = gtk_widget_get_last_child (child);
      text = g_strdup (tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                           tps_measure_get_status (measure)));
      break;

    case COLUMN_OWNER:
      text = g_strdup (tps_measure_get_owner (measure) ?: "");
      break;

    case COLUMN_START:
      text = tps_format_date (tps_measure_get_start (measure));
      break;

    case COLUMN_DUE:
      text = tps_format_date (tps_measure_get_due (measure));
      if (tps_measure_is_overdue_today (measure))
        {
          gtk_widget_add_css_class (label, "error");
          gtk_widget_set_tooltip_text (label, _("Overdue"));
        }
      else
        {
          gtk_widget_remove_css_class (label, "error");
          gtk_widget_set_tooltip_text (label, NULL);
        }
      break;

    case COLUMN_EFFORT:
      text = g_strdup_printf ("%d", tps_measure_get_effort (measure));
      break;

    case COLUMN_IMPACT:
      text = g_strdup_printf ("%d", tps_measure_get_impact (measure));
      break;

    case COLUMN_QUICK_WIN:
      gtk_widget_set_visible (label, tps_measure_is_quick_win (measure));
      return;

    case COLUMN_COST:
      text = tps_measure_get_cost (measure) > 0
             ? tps_format_cost (tps_measure_get_cost (measure),
                                tps_project_get_currency (self->project))
             : g_strdup ("");
      break;

    case COLUMN_TOUCHPOINTS:
      {
        const char * const *ids = tps_measure_get_touchpoint_ids (measure);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;
        g_autofree char *joined = NULL;

        for (guint i = 0; i < n; i++)
          {
            TpsTouchpoint *t = tps_project_find_touchpoint (self->project, ids[i]);

            if (t != NULL)
              g_ptr_array_add (names, (gpointer) (tps_touchpoint_get_title (t) ?: ids[i]));
          }
        g_ptr_array_add (names, NULL);

        joined = g_strjoinv (", ", (char **) names->pdata);
        text = n > 0 ? g_strdup_printf ("%u · %s", n, joined) : g_strdup ("—");
        g_clear_pointer (&joined, g_free);
        joined = g_strjoinv ("\n", (char **) names->pdata);
        gtk_widget_set_tooltip_text (label, n > 0 ? joined : NULL);
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
on_cell_measure_notify (TpsMeasure  *measure,
                        GParamSpec  *pspec,
                        GtkListItem *item)
{
  TpsMeasuresView *self = g_object_get_data (G_OBJECT (item), "view");

  refresh_cell (self, item);
}

static GtkWidget *
make_cell_label (double xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TpsMeasuresView          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_TITLE:
      child = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (child), make_cell_label (0));
      break;

    case COLUMN_STATUS:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_box_append (GTK_BOX (child), tps_status_dot_new ());
      gtk_box_append (GTK_BOX (child), make_cell_label (0));
      break;

    case COLUMN_QUICK_WIN:
      /* Translators: the badge of a quick win in the measures list */
      child = gtk_label_new (_("Quick win"));
      gtk_widget_add_css_class (child, "quick-win-badge");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      break;

    case COLUMN_EFFORT:
    case COLUMN_IMPACT:
      child = make_cell_label (0.5);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_COST:
      child = make_cell_label (1);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_TYPE:
    case COLUMN_OWNER:
    case COLUMN_START:
    case COLUMN_DUE:
    case COLUMN_TOUCHPOINTS:
      child = make_cell_label (0);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (item), "view", self);
  gtk_list_item_set_child (item, child);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TpsMeasuresView          *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  TpsMeasure *measure = gtk_tree_list_row_get_item (row);
  gulong handler;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column")) == COLUMN_TITLE)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), row);

  g_object_set_data_full (G_OBJECT (item), "measure", measure, g_object_unref);
  handler = g_signal_connect (measure, "notify", G_CALLBACK (on_cell_measure_notify), item);
  g_object_set_data (G_OBJECT (item), "handler", GSIZE_TO_POINTER (handler));
  refresh_cell (self, item);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TpsMeasuresView          *self)
{
  TpsMeasure *measure = g_object_get_data (G_OBJECT (item), "measure");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "handler"));

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column")) == COLUMN_TITLE)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);

  if (measure != NULL && handler != 0)
    g_signal_handler_disconnect (measure, handler);
  g_object_set_data (G_OBJECT (item), "handler", NULL);
  g_object_set_data (G_OBJECT (item), "measure", NULL);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Empty values sort last whichever way. */
  if (a == NULL || *a == '\0')
    return (b == NULL || *b == '\0') ? 0 : 1;
  if (b == NULL || *b == '\0')
    return -1;
  return g_utf8_collate (a, b);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

static int
compare_measures (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  TpsMeasure *ma = (TpsMeasure *) a;
  TpsMeasure *mb = (TpsMeasure *) b;
  const char * const *ta, * const *tb;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      return compare_strings (tps_measure_get_title (ma), tps_measure_get_title (mb));
    case COLUMN_TYPE:
      return CMP (tps_measure_get_kind (ma), tps_measure_get_kind (mb));
    case COLUMN_STATUS:
      return CMP (tps_measure_get_status (ma), tps_measure_get_status (mb));
    case COLUMN_OWNER:
      return compare_strings (tps_measure_get_owner (ma), tps_measure_get_owner (mb));
    case COLUMN_START:
      return compare_strings (tps_measure_get_start (ma), tps_measure_get_start (mb));
    case COLUMN_DUE:
      return compare_strings (tps_measure_get_due (ma), tps_measure_get_due (mb));
    case COLUMN_EFFORT:
      return CMP (tps_measure_get_effort (ma), tps_measure_get_effort (mb));
    case COLUMN_IMPACT:
      return CMP (tps_measure_get_impact (ma), tps_measure_get_impact (mb));
    case COLUMN_QUICK_WIN:
      /* Ascending puts the quick wins first: they come first in a plan. */
      return CMP (!tps_measure_is_quick_win (ma), !tps_measure_is_quick_win (mb));
    case COLUMN_COST:
      return CMP (tps_measure_get_cost (ma), tps_measure_get_cost (mb));
    case COLUMN_TOUCHPOINTS:
      ta = tps_measure_get_touchpoint_ids (ma);
      tb = tps_measure_get_touchpoint_ids (mb);
      return CMP (ta ? g_strv_length ((char **) ta) : 0, tb ? g_strv_length ((char **) tb) : 0);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (TpsMeasuresView *self,
            Column           column,
            const char      *title,
            int              width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_measures, GINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    {
      gtk_column_view_column_set_fixed_width (view_column, width);
    }
  else
    {
      gtk_column_view_column_set_expand (view_column, TRUE);
      gtk_column_view_column_set_fixed_width (view_column, 240);
    }

  self->column_sorters[column] = sorter;
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Eleven columns do not fit beside the editor, so the table scrolls
 * sideways and keeps the title wide enough to read; the linked
 * touchpoints take whatever room is left.
 */
void
tps_measures_view_setup_columns (TpsMeasuresView *self)
{
  add_column (self, COLUMN_TITLE, _("Measure"), 300);
  add_column (self, COLUMN_TYPE, _("Type"), 124);
  add_column (self, COLUMN_STATUS, _("Status"), 116);
  add_column (self, COLUMN_OWNER, _("Owner"), 140);
  add_column (self, COLUMN_START, _("Start"), 92);
  add_column (self, COLUMN_DUE, _("Due"), 92);
  /* Translators: short column heading for the effort score 1–5 */
  add_column (self, COLUMN_EFFORT, _("Effort"), 62);
  /* Translators: short column heading for the impact score 1–5 */
  add_column (self, COLUMN_IMPACT, _("Impact"), 66);
  add_column (self, COLUMN_QUICK_WIN, _("Quick win"), 92);
  add_column (self, COLUMN_COST, _("Cost"), 96);
  add_column (self, COLUMN_TOUCHPOINTS, _("Touchpoints"), -1);
}
