/* tps-analysis-lists.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tps-analysis-lists.h"
#include "tps-map-renderer.h"
#include "tps-rating-style.h"

static void
clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A row whose title and subtitle are plain text, not markup. */
static AdwActionRow *
row_new (const char *title,
         const char *subtitle,
         gpointer    target)
{
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (escaped_subtitle != NULL)
    adw_action_row_set_subtitle (row, escaped_subtitle);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle_lines (row, 0);

  if (target != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "tps-target", g_object_ref (target),
                              g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }

  return row;
}

/* Appends @row, with the arrow of a row that goes somewhere last. */
static void
append_row (GtkListBox   *list,
            AdwActionRow *row)
{
  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_append (list, GTK_WIDGET (row));
}

static void
placeholder (GtkListBox *list,
             const char *text)
{
  AdwActionRow *row = row_new (text, NULL, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  append_row (list, row);
}

/* A rating as the map shows it: its number on its colour. */
static GtkWidget *
rating_chip (int rating)
{
  g_autofree char *text = tps_rating_format (rating);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "tps-badge");
  gtk_widget_add_css_class (label, "tps-rating-fill");
  gtk_widget_add_css_class (label, tps_rating_style_class (rating));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

TpsObject *
tps_analysis_list_row_get_target (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "tps-target");
}

void
tps_health_list_fill (GtkListBox *list,
                      GPtrArray  *findings)
{
  static const struct {
    const char *icon;
    const char *style;
  } looks[TPS_HEALTH_N_SEVERITIES] = {
    [TPS_HEALTH_CRITICAL] = { "dialog-error-symbolic", "error" },
    [TPS_HEALTH_WARNING] = { "dialog-warning-symbolic", "warning" },
    [TPS_HEALTH_HINT] = { "dialog-information-symbolic", "accent" },
  };

  tps_rating_style_init ();
  clear (list);

  if (findings->len == 0)
    {
      placeholder (list, _("Nothing to look at: no painpoint is left alone, every measure "
                           "is proven and the channels agree."));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      TpsHealthFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   tps_health_severity_get_label (
                                                     finding->severity),
                                                   tps_health_check_get_title (finding->check));
      AdwActionRow *row = row_new (finding->message, subtitle, finding->target);
      GtkWidget *icon = gtk_image_new_from_icon_name (looks[finding->severity].icon);

      gtk_widget_add_css_class (icon, looks[finding->severity].style);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tps_health_severity_get_label (finding->severity), -1);
      adw_action_row_add_prefix (row, icon);
      append_row (list, row);
    }
}

void
tps_benchmark_list_fill (GtkListBox *list,
                         TpsProject *project,
                         GArray     *gaps)
{
  tps_rating_style_init ();
  clear (list);

  if (g_list_model_get_n_items (tps_project_get_comparators (project)) == 0)
    {
      placeholder (list, _("No comparators yet. Add competitors and best-practice providers "
                           "in the project settings and rate them in the inspector."));
      return;
    }
  if (gaps->len == 0)
    {
      placeholder (list, _("No comparator is rated above us at any touchpoint."));
      return;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      TpsBenchmarkGap *gap = &g_array_index (gaps, TpsBenchmarkGap, i);
      TpsStage *stage = tps_project_find_stage (project,
                                                tps_touchpoint_get_stage_id (gap->touchpoint));
      g_autofree char *subtitle = NULL;
      g_autofree char *weight = NULL;
      AdwActionRow *row;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *arrow = gtk_label_new ("→");
      GtkWidget *weight_label;

      /* Translators: "Stage · best: Comparator" under a touchpoint */
      subtitle = g_strdup_printf (_("%s · best: %s"),
                                  stage ? tps_object_get_display_name (TPS_OBJECT (stage)) : "",
                                  tps_comparator_get_name (gap->best));
      row = row_new (tps_touchpoint_get_title (gap->touchpoint), subtitle, gap->touchpoint);

      /* Translators: the importance-weighted gap, "+3 × 5 = 15" */
      weight = g_strdup_printf (_("%+d × %d = %d"), gap->gap,
                                tps_touchpoint_get_importance (gap->touchpoint), gap->weighted);
      weight_label = gtk_label_new (weight);
      gtk_widget_add_css_class (weight_label, "numeric");
      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_box_append (GTK_BOX (box), rating_chip (gap->current));
      gtk_box_append (GTK_BOX (box), arrow);
      gtk_box_append (GTK_BOX (box), rating_chip (gap->best_rating));
      gtk_box_append (GTK_BOX (box), weight_label);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, box);
      append_row (list, row);
    }
}

void
tps_consistency_list_fill (GtkListBox *list,
                           GPtrArray  *stages)
{
  tps_rating_style_init ();
  clear (list);

  if (stages->len == 0)
    {
      placeholder (list, _("Add stages and touchpoints to compare their channels."));
      return;
    }

  for (guint i = 0; i < stages->len; i++)
    {
      TpsStageConsistency *consistency = g_ptr_array_index (stages, i);
      g_autofree char *description = tps_stage_consistency_describe (consistency);
      gboolean inconsistent = tps_stage_consistency_is_inconsistent (consistency);
      AdwActionRow *row = row_new (tps_object_get_display_name (TPS_OBJECT (consistency->stage)),
                                   description, inconsistent ? consistency->stage : NULL);
      GtkWidget *chips = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 4);
      gtk_widget_set_valign (chips, GTK_ALIGN_CENTER);
      gtk_widget_set_can_target (chips, FALSE);

      for (guint c = 0; c < consistency->channels->len; c++)
        {
          TpsChannelRating *rating = &g_array_index (consistency->channels, TpsChannelRating,
                                                     c);
          g_autofree char *mean = tps_benchmark_format_mean (rating->mean);
          g_autofree char *text = g_strdup_printf ("%s %s",
                                                   tps_object_get_display_name (
                                                     TPS_OBJECT (rating->channel)), mean);
          GtkWidget *chip = gtk_label_new (text);

          gtk_widget_add_css_class (chip, "tps-badge");
          if (rating->outlier)
            {
              gtk_widget_add_css_class (chip, "tps-rating-fill");
              gtk_widget_add_css_class (chip, tps_rating_style_class ((int) lround (rating->mean)));
            }
          gtk_flow_box_append (GTK_FLOW_BOX (chips), chip);
        }

      if (inconsistent)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (row, icon);
        }
      adw_action_row_add_suffix (row, chips);
      append_row (list, row);
    }
}
