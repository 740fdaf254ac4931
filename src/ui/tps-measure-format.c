/* tps-measure-format.c
 *
 * Dates are stored as ISO 8601 but shown the way the user's locale writes
 * them ("19.10.2026" in German), and typed in either form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tps-health.h"
#include "tps-palette.h"
#include "tps-measure-format.h"
#include "tps-project-edit.h"
#include "tps-timeline.h"

/* Returns: (transfer full): @iso_date in the locale's short form, or an
 * empty string for no date
 */
char *
tps_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (!tps_date_is_valid (iso_date))
    return g_strdup ("");

  sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  return g_date_time_format (dt, "%x");
}

/* Reads a date typed by a person: ISO 8601 or the locale's own form.
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL when @text
 *   is not a date
 */
char *
tps_parse_date_input (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;

  if (tps_date_is_valid (stripped))
    return g_steal_pointer (&stripped);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (!g_date_valid (&date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* "€" for EUR and the other common codes; any other code as it is. */
const char *
tps_currency_symbol (const char *currency)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
  };

  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;

  return currency != NULL && *currency != '\0' ? currency : "€";
}

/* Digits of a whole amount in groups of three: "183500" → "183,500". */
static char *
group_digits (double      amount,
              const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (amount));
  GString *out = g_string_new (amount <= -0.5 ? "−" : NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Money the way the user's locale writes it: "£183,500" in English,
 * "183.500 €" in German. A real locale's monetary rules win; under the C
 * locale (no rules at all) the translation of the UI language says where
 * the symbol goes and how digits are grouped.
 *
 * Returns: (transfer full): the amount, rounded to whole units
 */
char *
tps_format_cost (double      cost,
                 const char *currency)
{
  const struct lconv *rules = localeconv ();
  const char *symbol = tps_currency_symbol (currency);
  g_autofree char *amount = NULL;

  if (rules->p_cs_precedes != CHAR_MAX && rules->mon_thousands_sep != NULL
      && *rules->mon_thousands_sep != '\0')
    {
      amount = group_digits (cost, rules->mon_thousands_sep);
      if (rules->p_cs_precedes)
        return g_strconcat (symbol, rules->p_sep_by_space ? " " : "", amount, NULL);
      return g_strconcat (amount, rules->p_sep_by_space ? " " : "", symbol, NULL);
    }

  /* Translators: the separator between groups of three digits in money,
   * "183,500" in English; German writes "183.500".
   */
  amount = group_digits (cost, C_("money", ","));
  if (g_strcmp0 (symbol, currency) == 0)
    /* Translators: an amount of money in a currency without a symbol:
     * %1$s is the amount ("183,500"), %2$s the currency's code ("CHF").
     * German writes "%1$s %2$s" (183.500 CHF).
     */
    return g_strdup_printf (C_("money", "%2$s %1$s"), amount, symbol);

  /* Translators: an amount of money: %1$s is the amount ("183,500"), %2$s
   * the currency symbol ("£"). English puts the symbol first; German writes
   * "%1$s %2$s" (183.500 €).
   */
  return g_strdup_printf (C_("money", "%2$s%1$s"), amount, symbol);
}

/* Where a touchpoint sits and what it is: "Research · Website · Painpoint". */
char *
tps_format_touchpoint_context (TpsProject    *project,
                               TpsTouchpoint *touchpoint)
{
  TpsStage *stage = tps_project_find_stage (project, tps_touchpoint_get_stage_id (touchpoint));
  TpsChannel *channel = tps_project_find_channel (project,
                                                  tps_touchpoint_get_channel_id (touchpoint));
  TpsMoment moment = tps_touchpoint_get_moment (touchpoint);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (stage != NULL)
    g_ptr_array_add (parts, (gpointer) tps_object_get_display_name (TPS_OBJECT (stage)));
  if (channel != NULL)
    g_ptr_array_add (parts, (gpointer) tps_object_get_display_name (TPS_OBJECT (channel)));
  if (moment != TPS_MOMENT_NONE)
    g_ptr_array_add (parts, (gpointer) tps_enum_get_label (TPS_TYPE_MOMENT, moment));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* A list row's text for a touchpoint: its title over where it sits and
 * what it is, both cut short with an ellipsis.
 */
GtkWidget *
tps_touchpoint_label_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (context, "dim-label");
  gtk_widget_add_css_class (context, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), context);
  return box;
}

void
tps_touchpoint_label_set (GtkWidget     *label,
                          TpsProject    *project,
                          TpsTouchpoint *touchpoint)
{
  g_autofree char *context = tps_format_touchpoint_context (project, touchpoint);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (label)),
                      tps_touchpoint_get_title (touchpoint) ?: _("Untitled"));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (label)), context);
}

/* A small dot in the status colour of the timeline and matrix, drawn from
 * the same core palette so list, timeline and matrix agree.
 */
static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  TpsMeasureStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "status"));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  TpsColor color;

  tps_palette_measure_status (status, dark, &color);
  tps_color_set_source (cr, &color, 1.0);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

GtkWidget *
tps_status_dot_new (void)
{
  GtkWidget *dot = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);
  return dot;
}

void
tps_status_dot_set (GtkWidget        *dot,
                    TpsMeasureStatus  status)
{
  g_object_set_data (G_OBJECT (dot), "status", GINT_TO_POINTER (status));
  gtk_widget_queue_draw (dot);
}

/* Due before today (tps_health_today(), which honours SOURCE_DATE_EPOCH)
 * and neither finished nor dropped: the list, the timeline and the matrix
 * mark it alike.
 */
gboolean
tps_measure_is_overdue_today (TpsMeasure *measure)
{
  g_autofree char *today = tps_health_today ();
  const char *due = tps_measure_get_due (measure);

  return tps_date_is_valid (due) && strcmp (due, today) < 0
         && !tps_measure_status_is_finished (tps_measure_get_status (measure));
}

/* Returns: (transfer full): Pango markup saying what a measure is, when it
 * runs and how it scores, for the timeline's and the matrix's tooltips
 */
char *
tps_format_measure_tooltip (TpsMeasure *measure)
{
  g_autofree char *start = tps_format_date (tps_measure_get_start (measure));
  g_autofree char *due = tps_format_date (tps_measure_get_due (measure));
  const char *title = tps_measure_get_title (measure);
  const char *owner = tps_measure_get_owner (measure);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (title != NULL && *title ? title : _("Untitled"),
                                                   -1);

  g_string_append_printf (markup, "<b>%s</b>\n%s", escaped,
                          tps_enum_get_label (TPS_TYPE_MEASURE_STATUS,
                                              tps_measure_get_status (measure)));
  if (owner != NULL)
    {
      g_autofree char *o = g_markup_escape_text (owner, -1);

      g_string_append_printf (markup, " · %s", o);
    }
  if (*start != '\0' || *due != '\0')
    g_string_append_printf (markup, "\n%s – %s", start, due);
  if (tps_measure_is_overdue_today (measure))
    g_string_append_printf (markup, "\n<b>%s</b>", _("Overdue"));
  g_string_append_c (markup, '\n');
  /* Translators: effort and impact scores in a tooltip */
  g_string_append_printf (markup, _("Effort %d · Impact %d"), tps_measure_get_effort (measure),
                          tps_measure_get_impact (measure));
  if (tps_measure_is_quick_win (measure))
    g_string_append_printf (markup, " · %s", _("Quick win"));

  return g_string_free (g_steal_pointer (&markup), FALSE);
}
