/* tps-touchpoint-inspector.c
 *
 * The pane beside the journey map where a workshop types in what it knows
 * about one touchpoint. Fields are bound to the touchpoint through the
 * undo history (tps-bind), so typing into a field is one undo step and an
 * undo shows up in the field. Selecting another touchpoint binds the same
 * fields to it.
 *
 * The parts that depend on the rest of the project — the stage and channel
 * choices, persona and system chips, KPI series and linked measures — are
 * rebuilt from the model after every change the history reports. Each part
 * remembers a signature of what it shows and is only rebuilt when that
 * changed, so typing in a text field does not rebuild (and unfocus) a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tps-palette.h"
#include "tps-analysis.h"
#include "tps-bind.h"
#include "tps-chip-box.h"
#include "tps-completion.h"
#include "tps-measurement-dialog.h"
#include "tps-map-renderer.h"
#include "tps-measurement-series.h"
#include "tps-project-edit.h"
#include "tps-rating-selector.h"
#include "tps-rating-style.h"
#include "tps-touchpoint-inspector.h"
#include "tps-touchpoint-inspector-private.h"
#include "tps-view-util.h"


G_DEFINE_FINAL_TYPE (TpsTouchpointInspector, tps_touchpoint_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_TOUCHPOINT,
  N_PROPS
};

enum {
  SHOW_MEASURE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (TpsTouchpointInspector *self);


/* Header ------------------------------------------------------------------ */


static void
update_header (TpsTouchpointInspector *self)
{
  TpsTouchpoint *tp = self->touchpoint;
  const char *title = tps_touchpoint_get_title (tp);
  TpsStage *stage = tps_project_find_stage (self->project, tps_touchpoint_get_stage_id (tp));
  TpsChannel *channel = tps_project_find_channel (self->project,
                                                  tps_touchpoint_get_channel_id (tp));
  TpsMoment moment = tps_touchpoint_get_moment (tp);
  TpsTouchpointStatus status = tps_touchpoint_get_status (tp);
  g_autofree char *place = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *current = tps_rating_format (tps_touchpoint_get_current (tp));
  g_autofree char *target = tps_rating_format (tps_touchpoint_get_target (tp));
  g_autofree char *ist = NULL;
  g_autofree char *soll = NULL;
  g_autofree char *priority = NULL;
  GtkWidget *badge;

  gtk_label_set_text (self->header_title, title != NULL && *title != '\0'
                                          ? title : _("Untitled touchpoint"));

  /* Translators: where a touchpoint sits on the map, "Stage · Channel" */
  place = g_strdup_printf (_("%s · %s"), tps_view_name_or (TPS_OBJECT (stage),
                                                                           _("No stage")),
                           tps_view_name_or (TPS_OBJECT (channel),
                                                             _("No channel")));
  gtk_label_set_text (self->header_place, place);

  signature = g_strdup_printf ("%d|%d|%d|%d|%d|%d|%d", moment, status,
                               tps_touchpoint_get_entry_point (tp),
                               tps_touchpoint_get_exit_point (tp),
                               tps_touchpoint_get_current (tp), tps_touchpoint_get_target (tp),
                               tps_touchpoint_get_priority (tp));
  if (!tps_view_signature_changed (&self->header_signature, signature))
    return;

  tps_chip_box_remove_all (self->header_badges);

  /* Translators: a badge, the customer's experience today (Ist), e.g. "Ist −1" */
  ist = g_strdup_printf (_("Ist %s"), current);
  badge = tps_view_badge_new (ist, "tps-rating-fill",
                                              tps_rating_get_label (
                                                tps_touchpoint_get_current (tp)));
  gtk_widget_add_css_class (badge, tps_rating_style_class (tps_touchpoint_get_current (tp)));
  tps_chip_box_append (self->header_badges, badge);

  /* Translators: a badge, the ideal experience (Soll), e.g. "Soll +1" */
  soll = g_strdup_printf (_("Soll %s"), target);
  badge = tps_view_badge_new (soll, "tps-rating-fill",
                                              tps_rating_get_label (
                                                tps_touchpoint_get_target (tp)));
  gtk_widget_add_css_class (badge, tps_rating_style_class (tps_touchpoint_get_target (tp)));
  tps_chip_box_append (self->header_badges, badge);

  /* Translators: a badge, importance × gap */
  priority = g_strdup_printf (_("Priority %d"), tps_touchpoint_get_priority (tp));
  badge = tps_view_badge_new (priority, NULL,
                                              _("Importance × gap between Soll and Ist"));
  tps_chip_box_append (self->header_badges, badge);

  if (moment != TPS_MOMENT_NONE)
    {
      badge = tps_view_badge_new (tps_enum_get_label (TPS_TYPE_MOMENT, moment),
                                                  "tps-moment-badge", NULL);
      gtk_widget_add_css_class (badge, tps_moment_style_class (moment));
      tps_chip_box_append (self->header_badges, badge);
    }

  if (tps_touchpoint_get_entry_point (tp))
    tps_chip_box_append (self->header_badges,
                         tps_view_badge_new (_("Entry point"), NULL, NULL));
  if (tps_touchpoint_get_exit_point (tp))
    tps_chip_box_append (self->header_badges, tps_view_badge_new (_("Exit point"),
                                                                                  NULL, NULL));
  if (status != TPS_TOUCHPOINT_STATUS_EXISTING)
    tps_chip_box_append (self->header_badges,
                         tps_view_badge_new (
                           tps_enum_get_label (TPS_TYPE_TOUCHPOINT_STATUS, status),
                           NULL, _("Status")));
}

/* Experience subtitles ---------------------------------------------------- */

static void
update_rating_rows (TpsTouchpointInspector *self)
{
  TpsTouchpoint *tp = self->touchpoint;
  int gap = tps_touchpoint_get_gap (tp);
  int perception = tps_touchpoint_get_perception_gap (tp);
  g_autofree char *target = NULL;
  g_autofree char *internal = NULL;
  g_autofree char *importance = NULL;

  adw_action_row_set_subtitle (self->current_row,
                               tps_rating_get_label (tps_touchpoint_get_current (tp)));

  if (gap != 0)
    {
      g_autofree char *steps = tps_rating_format (gap);

      /* Translators: a rating, then the gap between Soll and Ist in steps */
      target = g_strdup_printf (_("%s · gap %s"),
                                tps_rating_get_label (tps_touchpoint_get_target (tp)), steps);
    }
  else
    target = g_strdup (tps_rating_get_label (tps_touchpoint_get_target (tp)));
  adw_action_row_set_subtitle (self->target_row, target);

  if (perception != 0)
    {
      g_autofree char *steps = tps_rating_format (perception);

      /* Translators: the employees' rating, then how far it is from the customers' Ist */
      internal = g_strdup_printf (_("%s · %s against the customers"),
                                  tps_rating_get_label (tps_touchpoint_get_internal (tp)), steps);
    }
  else
    internal = g_strdup (tps_rating_get_label (tps_touchpoint_get_internal (tp)));
  adw_action_row_set_subtitle (self->internal_row, internal);

  /* Translators: the priority of a touchpoint, importance × (Soll − Ist) */
  importance = g_strdup_printf (_("Priority %d (importance × gap)"),
                                tps_touchpoint_get_priority (tp));
  adw_action_row_set_subtitle (self->importance_row, importance);
}

/* Stage and channel ------------------------------------------------------- */

/* Fills @row with the names of @list's objects and binds it to @property,
 * which holds an object's id; only when the names or ids changed.
 */
static void
update_object_combo (TpsTouchpointInspector  *self,
                     AdwComboRow             *row,
                     GListModel              *list,
                     const char              *property,
                     const char              *unnamed,
                     char                   **signature)
{
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_autoptr(GString) sig = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);
      const char *name = tps_view_name_or (object, unnamed);

      gtk_string_list_append (names, name);
      g_strv_builder_add (ids, tps_object_get_id (object));
      g_string_append_printf (sig, "%s\x1f%s\x1e", tps_object_get_id (object), name);
    }

  if (!tps_view_signature_changed (signature, sig->str))
    return;

  values = g_strv_builder_end (ids);
  tps_bind_clear (GTK_WIDGET (row));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  tps_bind_combo_strings (row, self->history, self->touchpoint, property,
                          (const char * const *) values);
}

/* Personas ---------------------------------------------------------------- */

static void
draw_persona_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  GdkRGBA rgba;

  /* A persona without a colour gets the accent blue the settings offer. */
  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, TPS_PERSONA_DEFAULT_COLOR);

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
on_persona_toggled (GtkToggleButton        *button,
                    TpsTouchpointInspector *self)
{
  GListModel *personas;
  const char *toggled = g_object_get_data (G_OBJECT (button), "persona-id");
  const char * const *current;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->syncing_personas || !tps_touchpoint_inspector_is_ready (self))
    return;

  /* The touchpoint's personas in the project's order, plus any reference
   * the project no longer resolves, so that nothing is dropped silently.
   */
  personas = tps_project_get_personas (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TpsObject) persona = g_list_model_get_item (personas, i);
      const char *id = tps_object_get_id (persona);
      gboolean on = g_strcmp0 (id, toggled) == 0
                    ? gtk_toggle_button_get_active (button)
                    : tps_touchpoint_has_persona (self->touchpoint, id);

      if (on)
        g_strv_builder_add (builder, id);
    }

  current = tps_touchpoint_get_persona_ids (self->touchpoint);
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (tps_project_find_persona (self->project, current[i]) == NULL)
      g_strv_builder_add (builder, current[i]);

  ids = g_strv_builder_end (builder);
  tps_history_set (self->history, self->touchpoint, "persona-ids", ids, NULL);
}

static void
sync_persona_chips (TpsTouchpointInspector *self)
{
  self->syncing_personas = TRUE;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->personas_box));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      const char *id = g_object_get_data (G_OBJECT (button), "persona-id");

      if (!GTK_IS_TOGGLE_BUTTON (button))
        continue;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    tps_touchpoint_has_persona (self->touchpoint, id));
    }
  self->syncing_personas = FALSE;
}

static void
update_personas (TpsTouchpointInspector *self)
{
  GListModel *personas = tps_project_get_personas (self->project);
  guint n = g_list_model_get_n_items (personas);
  g_autoptr(GString) sig = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);

      g_string_append_printf (sig, "%s\x1f%s\x1f%s\x1e", tps_object_get_id (TPS_OBJECT (persona)),
                              tps_persona_get_name (persona),
                              tps_persona_get_color (persona));
    }

  if (!tps_view_signature_changed (&self->personas_signature, sig->str))
    {
      sync_persona_chips (self);
      return;
    }

  tps_chip_box_remove_all (self->personas_box);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);
      const char *name = tps_view_name_or (TPS_OBJECT (persona),
                                                           _("Unnamed persona"));
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (name);

      g_object_set_data_full (G_OBJECT (dot), "color",
                              g_strdup (tps_persona_get_color (persona)), g_free);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_persona_dot, NULL, NULL);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), label);

      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "tps-chip");
      gtk_widget_add_css_class (button, "tps-toggle-chip");
      gtk_widget_set_tooltip_text (button, tps_persona_get_description (persona));
      tps_accessible_set_name (button, name);
      g_object_set_data_full (G_OBJECT (button), "persona-id",
                              g_strdup (tps_object_get_id (TPS_OBJECT (persona))), g_free);
      g_signal_connect (button, "toggled", G_CALLBACK (on_persona_toggled), self);
      tps_chip_box_append (self->personas_box, button);
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("The project has no personas yet. Add them in the "
                                          "project settings."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      tps_chip_box_append (self->personas_box, label);
    }

  sync_persona_chips (self);
}

/* Systems ----------------------------------------------------------------- */

static void
set_systems (TpsTouchpointInspector *self,
             const char * const     *systems)
{
  tps_history_set (self->history, self->touchpoint, "systems", systems, NULL);
}

static gboolean
strv_contains_casefold (const char * const *strv,
                        const char         *needle)
{
  g_autofree char *folded = g_utf8_casefold (needle, -1);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (strv[i], -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_system (TpsTouchpointInspector *self,
            const char             *text)
{
  const char * const *systems = tps_touchpoint_get_systems (self->touchpoint);
  g_autofree char *name = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  if (*name == '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->system_entry), "");

  /* "crm" when "CRM" is already there adds nothing. */
  if (strv_contains_casefold (systems, name))
    return;

  builder = g_strv_builder_new ();
  if (systems != NULL)
    g_strv_builder_addv (builder, (const char **) systems);
  g_strv_builder_add (builder, name);
  updated = g_strv_builder_end (builder);
  set_systems (self, (const char * const *) updated);
}

static void
add_system_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);

  if (tps_touchpoint_inspector_is_ready (self))
    add_system (self, gtk_editable_get_text (GTK_EDITABLE (self->system_entry)));
}

static void
remove_system_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);
  const char *removed = g_variant_get_string (parameter, NULL);
  const char * const *systems;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  systems = tps_touchpoint_get_systems (self->touchpoint);
  for (guint i = 0; systems != NULL && systems[i] != NULL; i++)
    if (g_strcmp0 (systems[i], removed) != 0)
      g_strv_builder_add (builder, systems[i]);

  updated = g_strv_builder_end (builder);
  set_systems (self, (const char * const *) updated);
}

static void
update_systems (TpsTouchpointInspector *self)
{
  const char * const *systems = tps_touchpoint_get_systems (self->touchpoint);
  g_autofree char *sig = systems != NULL ? g_strjoinv ("\x1e", (char **) systems) : g_strdup ("");

  if (!tps_view_signature_changed (&self->systems_signature, sig))
    return;

  tps_chip_box_remove_all (self->systems_box);

  for (guint i = 0; systems != NULL && systems[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (systems[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), systems[i]);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_add_css_class (remove, "tps-chip-remove");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "inspector.remove-system");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", systems[i]);

      gtk_widget_add_css_class (chip, "tps-chip");
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      tps_chip_box_append (self->systems_box, chip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->systems_box), systems != NULL && systems[0] != NULL);
}

/* Completion -------------------------------------------------------------- */

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* Returns: (transfer full): the distinct strings of @table, sorted */
static GStrv
sorted_keys (GHashTable *table)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_collate);

  for (guint i = 0; i < keys->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (keys, i));

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* The departments named anywhere in the project: owners of touchpoints and
 * of measures.
 */
static GStrv
owner_candidates (gpointer user_data)
{
  TpsTouchpointInspector *self = user_data;
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *touchpoints, *measures;

  if (!tps_touchpoint_inspector_is_ready (self))
    return NULL;

  touchpoints = tps_project_get_touchpoints (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      if (tps_touchpoint_get_owner (tp) != NULL)
        g_hash_table_add (owners, (gpointer) tps_touchpoint_get_owner (tp));
    }

  measures = tps_project_get_measures (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(TpsMeasure) measure = g_list_model_get_item (measures, i);

      if (tps_measure_get_owner (measure) != NULL)
        g_hash_table_add (owners, (gpointer) tps_measure_get_owner (measure));
    }

  return sorted_keys (owners);
}

/* The systems other touchpoints use that this one does not have yet. */
static GStrv
system_candidates (gpointer user_data)
{
  TpsTouchpointInspector *self = user_data;
  g_autoptr(GHashTable) systems = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *touchpoints;
  const char * const *own;

  if (!tps_touchpoint_inspector_is_ready (self))
    return NULL;

  own = tps_touchpoint_get_systems (self->touchpoint);
  touchpoints = tps_project_get_touchpoints (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      const char * const *used = tps_touchpoint_get_systems (tp);

      for (guint s = 0; used != NULL && used[s] != NULL; s++)
        if (!strv_contains_casefold (own, used[s]))
          g_hash_table_add (systems, (gpointer) used[s]);
    }

  return sorted_keys (systems);
}

static void
accept_system (GtkWidget  *editable,
               const char *choice,
               gpointer    user_data)
{
  TpsTouchpointInspector *self = user_data;

  if (tps_touchpoint_inspector_is_ready (self))
    add_system (self, choice);
}

/* Binding ----------------------------------------------------------------- */

static void
update_actions (TpsTouchpointInspector *self)
{
  gboolean ready = tps_touchpoint_inspector_is_ready (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.add-system", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.remove-system", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.add-measurement", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.edit-measurement", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.delete-measurement", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.create-measure", ready);
}

static void
clear_signatures (TpsTouchpointInspector *self)
{
  g_clear_pointer (&self->stages_signature, g_free);
  g_clear_pointer (&self->channels_signature, g_free);
  g_clear_pointer (&self->personas_signature, g_free);
  g_clear_pointer (&self->systems_signature, g_free);
  g_clear_pointer (&self->measurements_signature, g_free);
  g_clear_pointer (&self->measures_signature, g_free);
  g_clear_pointer (&self->comparators_signature, g_free);
  g_clear_pointer (&self->header_signature, g_free);
}

static void
unbind_all (TpsTouchpointInspector *self)
{
  tps_bind_clear (GTK_WIDGET (self->title_row));
  tps_bind_clear (GTK_WIDGET (self->stage_row));
  tps_bind_clear (GTK_WIDGET (self->channel_row));
  tps_bind_clear (GTK_WIDGET (self->status_row));
  tps_bind_clear (GTK_WIDGET (self->function_row));
  tps_bind_clear (GTK_WIDGET (self->moment_row));
  tps_bind_clear (GTK_WIDGET (self->current_selector));
  tps_bind_clear (GTK_WIDGET (self->target_selector));
  tps_bind_clear (GTK_WIDGET (self->internal_selector));
  tps_bind_clear (GTK_WIDGET (self->importance_selector));
  tps_bind_clear (GTK_WIDGET (self->entry_switch));
  tps_bind_clear (GTK_WIDGET (self->exit_switch));
  tps_bind_clear (GTK_WIDGET (self->owner_row));
  for (guint i = 0; i < self->text_fields->len; i++)
    tps_bind_clear (g_ptr_array_index (self->text_fields, i));
}

static void
on_touchpoint_notify (TpsTouchpoint          *touchpoint,
                      GParamSpec             *pspec,
                      TpsTouchpointInspector *self)
{
  refresh (self);
}

/* A GtkTextView measures its height for the width it was last given, so one
 * that gets its text before it was ever allocated (the page or the pane was
 * hidden) stays one line high. Once the views have their width, they are
 * asked to measure again.
 */
static gboolean
resize_text_views (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (widget);

  if (gtk_widget_get_width (g_ptr_array_index (self->text_fields, 0)) == 0
      && ++self->resize_frames < 5)
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < self->text_fields->len; i++)
    gtk_widget_queue_resize (g_ptr_array_index (self->text_fields, i));

  self->resize_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_text_resize (TpsTouchpointInspector *self)
{
  /* An unmapped page gets its turn when it is mapped. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->scrolled)) || self->resize_tick != 0)
    return;

  self->resize_frames = 0;
  self->resize_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), resize_text_views, NULL,
                                                    NULL);
}

static void
rebind (TpsTouchpointInspector *self)
{
  TpsHistory *h = self->history;
  TpsTouchpoint *tp = self->touchpoint;
  GtkAdjustment *vadjustment;

  update_actions (self);
  clear_signatures (self);

  if (!tps_touchpoint_inspector_is_ready (self))
    {
      unbind_all (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "touchpoint");

  tps_bind_editable (GTK_EDITABLE (self->title_row), h, tp, "title");
  for (guint i = 0; i < self->text_fields->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (self->text_fields, i);

      tps_bind_text_view (GTK_TEXT_VIEW (view), h, tp, gtk_widget_get_name (view));
    }
  tps_bind_combo_enum (self->status_row, h, tp, "status");
  tps_bind_combo_enum (self->function_row, h, tp, "function");
  tps_bind_combo_enum (self->moment_row, h, tp, "moment");
  tps_bind_property (GTK_WIDGET (self->current_selector), "value", h, tp, "current");
  tps_bind_property (GTK_WIDGET (self->target_selector), "value", h, tp, "target");
  tps_bind_property (GTK_WIDGET (self->internal_selector), "value", h, tp, "internal");
  tps_bind_property (GTK_WIDGET (self->importance_selector), "value", h, tp, "importance");
  tps_bind_property (GTK_WIDGET (self->entry_switch), "active", h, tp, "entry-point");
  tps_bind_property (GTK_WIDGET (self->exit_switch), "active", h, tp, "exit-point");
  tps_bind_editable (GTK_EDITABLE (self->owner_row), h, tp, "owner");
  gtk_editable_set_text (GTK_EDITABLE (self->system_entry), "");

  refresh (self);
  schedule_text_resize (self);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* Brings every rebuilt part up to date with the model. */
static void
refresh (TpsTouchpointInspector *self)
{
  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  update_object_combo (self, self->stage_row, tps_project_get_stages (self->project),
                       "stage-id", _("Unnamed stage"), &self->stages_signature);
  update_object_combo (self, self->channel_row, tps_project_get_channels (self->project),
                       "channel-id", _("Unnamed channel"), &self->channels_signature);
  update_personas (self);
  update_systems (self);
  tps_touchpoint_inspector_update_measurements (self);
  tps_touchpoint_inspector_update_measures (self);
  tps_touchpoint_inspector_update_comparators (self);
  update_header (self);
  update_rating_rows (self);
}

static void
update (TpsTouchpointInspector *self)
{
  gboolean others_changed = self->others_changed;

  self->others_changed = FALSE;
  if (!tps_touchpoint_inspector_is_ready (self))
    return;

  /* An undo or a delete elsewhere can take the touchpoint out of the
   * project; then there is nothing left to edit.
   */
  if (others_changed
      && !tps_list_find (tps_project_get_touchpoints (self->project), self->touchpoint, NULL))
    {
      tps_touchpoint_inspector_set_touchpoint (self, NULL);
      return;
    }

  refresh (self);
}

static void
on_history_changed (TpsHistory             *history,
                    TpsTouchpointInspector *self)
{
  const TpsHistoryChange *change = tps_history_get_change (history);

  if (change->structure || change->object != (GObject *) self->touchpoint)
    self->others_changed = TRUE;
  tps_view_update_queue (self->update);
}

/* GObject ----------------------------------------------------------------- */

static void
tps_touchpoint_inspector_dispose (GObject *object)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (object);

  g_clear_signal_handler (&self->history_changed_id, self->history);
  g_clear_pointer (&self->update, tps_view_update_free);
  g_clear_signal_handler (&self->touchpoint_notify_id, self->touchpoint);
  if (self->resize_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->resize_tick);
  self->resize_tick = 0;
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_object (&self->touchpoint);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_TOUCHPOINT_INSPECTOR);

  G_OBJECT_CLASS (tps_touchpoint_inspector_parent_class)->dispose (object);
}

static void
tps_touchpoint_inspector_finalize (GObject *object)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (object);

  clear_signatures (self);
  g_hash_table_unref (self->expanded_series);
  g_ptr_array_unref (self->text_fields);

  G_OBJECT_CLASS (tps_touchpoint_inspector_parent_class)->finalize (object);
}

static void
tps_touchpoint_inspector_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_TOUCHPOINT:
      g_value_set_object (value, self->touchpoint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoint_inspector_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TpsTouchpointInspector *self = TPS_TOUCHPOINT_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      tps_touchpoint_inspector_set_project (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      tps_touchpoint_inspector_set_history (self, g_value_get_object (value));
      break;
    case PROP_TOUCHPOINT:
      tps_touchpoint_inspector_set_touchpoint (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_touchpoint_inspector_class_init (TpsTouchpointInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tps_touchpoint_inspector_dispose;
  object_class->finalize = tps_touchpoint_inspector_finalize;
  object_class->get_property = tps_touchpoint_inspector_get_property;
  object_class->set_property = tps_touchpoint_inspector_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT, flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, flags);
  properties[PROP_TOUCHPOINT] =
    g_param_spec_object ("touchpoint", NULL, NULL, TPS_TYPE_TOUCHPOINT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsTouchpointInspector::show-measure:
   * @measure: the measure to show
   *
   * Asks for @measure to be shown in the measures planner: one of the
   * touchpoint's measures was activated, or a new one was created for it.
   */
  signals[SHOW_MEASURE] =
    g_signal_new ("show-measure", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TPS_TYPE_MEASURE);

  g_type_ensure (TPS_TYPE_RATING_SELECTOR);
  g_type_ensure (TPS_TYPE_CHIP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-touchpoint-inspector.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tps-touchpoint-inspector");

  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, header_title);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, header_place);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, header_badges);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, title_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, personas_box);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, status_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, function_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, current_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, target_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, internal_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, importance_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, current_selector);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, target_selector);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, internal_selector);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector,
                                        importance_selector);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, moment_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, entry_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, exit_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, systems_box);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, system_entry);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector,
                                        measurements_list);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, measures_list);
  gtk_widget_class_bind_template_child (widget_class, TpsTouchpointInspector, comparators_list);

  gtk_widget_class_install_action (widget_class, "inspector.add-system", NULL,
                                   add_system_action);
  gtk_widget_class_install_action (widget_class, "inspector.remove-system", "s",
                                   remove_system_action);
  gtk_widget_class_install_action (widget_class, "inspector.add-measurement", NULL,
                                   tps_touchpoint_inspector_add_measurement_action);
  gtk_widget_class_install_action (widget_class, "inspector.edit-measurement", "s",
                                   tps_touchpoint_inspector_edit_measurement_action);
  gtk_widget_class_install_action (widget_class, "inspector.delete-measurement", "s",
                                   tps_touchpoint_inspector_delete_measurement_action);
  gtk_widget_class_install_action (widget_class, "inspector.create-measure", NULL,
                                   tps_touchpoint_inspector_create_measure_action);
  gtk_widget_class_install_action (widget_class, "inspector.show-measure", "s",
                                   tps_touchpoint_inspector_show_measure_action);

  tps_rating_style_init ();
}

/* A click anywhere on a text row, its title included, puts the cursor in
 * its text, as it does for an entry row.
 */
static void
on_text_row_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkWidget       *text_view)
{
  if (!gtk_widget_has_focus (text_view))
    gtk_widget_grab_focus (text_view);
}

/* The multi-line text fields: each GtkTextView named (in
 * tps-touchpoint-inspector.ui) after a text attribute of the touchpoint
 * edits that attribute.
 */
static void
collect_text_fields (TpsTouchpointInspector *self,
                     GtkWidget              *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const TpsTouchpointAttribute *attribute = NULL;

      if (GTK_IS_TEXT_VIEW (child))
        attribute = tps_touchpoint_find_attribute (gtk_widget_get_name (child));

      if (attribute != NULL && attribute->type == TPS_ATTRIBUTE_TEXT)
        g_ptr_array_add (self->text_fields, child);
      else
        collect_text_fields (self, child);
    }
}

/**
 * tps_touchpoint_inspector_get_text_field:
 * @name: a text attribute of the touchpoint, such as "expectation"
 *
 * Returns: (transfer none) (nullable): the text view that edits it
 */
GtkWidget *
tps_touchpoint_inspector_get_text_field (TpsTouchpointInspector *self,
                                         const char             *name)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self), NULL);

  for (guint i = 0; i < self->text_fields->len; i++)
    if (strcmp (gtk_widget_get_name (g_ptr_array_index (self->text_fields, i)), name) == 0)
      return g_ptr_array_index (self->text_fields, i);

  return NULL;
}

static void
on_system_entry_activate (GtkEntry               *entry,
                          TpsTouchpointInspector *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inspector.add-system", NULL);
}

static void
tps_touchpoint_inspector_init (TpsTouchpointInspector *self)
{
  self->expanded_series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->update = tps_view_update_new (GTK_WIDGET (self), G_CALLBACK (update));

  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));

  self->text_fields = g_ptr_array_new ();
  collect_text_fields (self, GTK_WIDGET (self));
  for (guint i = 0; i < self->text_fields->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (self->text_fields, i);
      GtkWidget *row = gtk_widget_get_ancestor (view, GTK_TYPE_LIST_BOX_ROW);
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click),
                                                  GTK_PHASE_CAPTURE);
      g_signal_connect (click, "pressed", G_CALLBACK (on_text_row_pressed), view);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
    }

  g_signal_connect (self->system_entry, "activate", G_CALLBACK (on_system_entry_activate), self);
  g_signal_connect_swapped (self->scrolled, "map", G_CALLBACK (schedule_text_resize), self);
  tps_completion_attach (GTK_WIDGET (self->owner_row), owner_candidates, NULL, self);
  tps_completion_attach (GTK_WIDGET (self->system_entry), system_candidates, accept_system,
                         self);

  gtk_list_box_set_placeholder (self->measurements_list,
                                tps_touchpoint_inspector_placeholder_row (_("No measurements "
                                                                            "yet. Start with the "
                                                                            "baseline "
                                                                            "(Nullmessung) of a "
                                                                            "KPI such as "
                                                                            "CSAT.")));
  gtk_list_box_set_placeholder (self->measures_list,
                                tps_touchpoint_inspector_placeholder_row (_("No measures yet.")));
  gtk_list_box_set_placeholder (self->comparators_list,
                                tps_touchpoint_inspector_placeholder_row (_("No comparators yet. "
                                                                            "Add competitors and "
                                                                            "best-practice "
                                                                            "providers in the "
                                                                            "project "
                                                                            "settings.")));

  update_actions (self);
}

GtkWidget *
tps_touchpoint_inspector_new (void)
{
  return g_object_new (TPS_TYPE_TOUCHPOINT_INSPECTOR, NULL);
}

TpsProject *
tps_touchpoint_inspector_get_project (TpsTouchpointInspector *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self), NULL);

  return self->project;
}

/* Setting another project forgets the touchpoint, which belonged to the
 * old one.
 */
void
tps_touchpoint_inspector_set_project (TpsTouchpointInspector *self,
                                      TpsProject             *project)
{
  g_return_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self));
  g_return_if_fail (project == NULL || TPS_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->touchpoint != NULL)
    tps_touchpoint_inspector_set_touchpoint (self, NULL);
  g_set_object (&self->project, project);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}

TpsHistory *
tps_touchpoint_inspector_get_history (TpsTouchpointInspector *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self), NULL);

  return self->history;
}

void
tps_touchpoint_inspector_set_history (TpsTouchpointInspector *self,
                                      TpsHistory             *history)
{
  g_return_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self));
  g_return_if_fail (history == NULL || TPS_IS_HISTORY (history));

  if (!tps_view_follow_history (&self->history, &self->history_changed_id, history,
                                G_CALLBACK (on_history_changed), self, 0))
    return;

  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Returns: (transfer none) (nullable): the touchpoint shown */
TpsTouchpoint *
tps_touchpoint_inspector_get_touchpoint (TpsTouchpointInspector *self)
{
  g_return_val_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self), NULL);

  return self->touchpoint;
}

/**
 * tps_touchpoint_inspector_set_touchpoint:
 * @touchpoint: (nullable): a touchpoint of the project, or %NULL to show
 *   that nothing is selected
 */
void
tps_touchpoint_inspector_set_touchpoint (TpsTouchpointInspector *self,
                                         TpsTouchpoint          *touchpoint)
{
  g_return_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self));
  g_return_if_fail (touchpoint == NULL || TPS_IS_TOUCHPOINT (touchpoint));

  if (self->touchpoint == touchpoint)
    return;

  /* Whatever was typed for the previous touchpoint is its own step. */
  if (self->history != NULL)
    tps_history_break_merge (self->history);

  g_clear_signal_handler (&self->touchpoint_notify_id, self->touchpoint);
  g_set_object (&self->touchpoint, touchpoint);
  if (touchpoint != NULL)
    self->touchpoint_notify_id = g_signal_connect (touchpoint, "notify",
                                                   G_CALLBACK (on_touchpoint_notify), self);
  rebind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCHPOINT]);
}

/* Puts the cursor in the title, e.g. right after adding a touchpoint. */
void
tps_touchpoint_inspector_focus_title (TpsTouchpointInspector *self)
{
  g_return_if_fail (TPS_IS_TOUCHPOINT_INSPECTOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
