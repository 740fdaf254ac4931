/* tps-project-settings.c
 *
 * Every field writes through the document's history, so each change can be
 * undone from the main window. Lists are rebuilt when the model's lists
 * change (they are short); names update in place as they are typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-palette.h"
#include "tps-bind.h"
#include "tps-measure-format.h"
#include "tps-project-settings.h"
#include "tps-view-util.h"
#include "tps-project-structure.h"

struct _TpsProjectSettings
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *organisation_row;
  AdwComboRow *language_row;
  AdwEntryRow *currency_row;
  GtkTextView *description_view;
  AdwPreferencesGroup *stages_group;
  AdwPreferencesGroup *channels_group;
  AdwPreferencesGroup *personas_group;
  AdwPreferencesGroup *comparators_group;

  TpsDocument *document;
  GPtrArray *stage_rows;
  GPtrArray *channel_rows;
  GPtrArray *persona_rows;
  GPtrArray *comparator_rows;
};

G_DEFINE_FINAL_TYPE (TpsProjectSettings, tps_project_settings, ADW_TYPE_PREFERENCES_WINDOW)

static TpsProject *
project_of (TpsProjectSettings *self)
{
  return tps_document_get_project (self->document);
}

static TpsHistory *
history_of (TpsProjectSettings *self)
{
  return tps_document_get_history (self->document);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Moving and deleting --------------------------------------------------- */

static GListModel *
list_of (TpsProjectSettings *self,
         TpsObject          *object)
{
  if (TPS_IS_STAGE (object))
    return tps_project_get_stages (project_of (self));
  if (TPS_IS_CHANNEL (object))
    return tps_project_get_channels (project_of (self));
  if (TPS_IS_COMPARATOR (object))
    return tps_project_get_comparators (project_of (self));
  return tps_project_get_personas (project_of (self));
}

static void
on_move_clicked (GtkButton *button,
                 TpsObject *object)
{
  TpsProjectSettings *self = g_object_get_data (G_OBJECT (button), "settings");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  GListModel *list = list_of (self, object);
  guint position;
  int target;

  if (!tps_list_find (list, object, &position))
    return;

  target = (int) position + delta;
  if (target < 0 || target >= (int) g_list_model_get_n_items (list))
    return;

  tps_history_move (history_of (self), list, position, target);
}

static void
delete_now (TpsProjectSettings *self,
            TpsObject          *object)
{
  if (TPS_IS_STAGE (object))
    tps_project_delete_stage (project_of (self), history_of (self), TPS_STAGE (object));
  else if (TPS_IS_CHANNEL (object))
    tps_project_delete_channel (project_of (self), history_of (self), TPS_CHANNEL (object));
  else if (TPS_IS_COMPARATOR (object))
    tps_project_delete_comparator (project_of (self), history_of (self),
                                   TPS_COMPARATOR (object));
  else
    tps_project_delete_persona (project_of (self), history_of (self), TPS_PERSONA (object));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TpsObject        *object)
{
  TpsProjectSettings *self = g_object_get_data (G_OBJECT (dialog), "settings");

  if (g_strcmp0 (response, "delete") == 0)
    delete_now (self, object);
}

/**
 * tps_project_settings_delete:
 *
 * Deletes a stage, channel or persona. Deleting something touchpoints still
 * use asks first and says how many are affected; everything stays undoable.
 */
void
tps_project_settings_delete (TpsProjectSettings *self,
                             TpsObject          *object)
{
  AdwMessageDialog *dialog = tps_confirm_delete_used (GTK_WINDOW (self), project_of (self),
                                                      object);

  if (dialog == NULL)
    {
      delete_now (self, object);
      return;
    }

  g_object_set_data (G_OBJECT (dialog), "settings", self);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), object, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_clicked (GtkButton *button,
                   TpsObject *object)
{
  tps_project_settings_delete (g_object_get_data (G_OBJECT (button), "settings"), object);
}

static GtkWidget *
icon_button (TpsProjectSettings *self,
             TpsObject          *object,
             const char         *icon_name,
             const char         *tooltip,
             GCallback           callback,
             int                 delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "settings", self);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", callback, object, 0);
  return button;
}

/* Up, down and delete buttons after a row. */
static void
add_row_buttons (TpsProjectSettings *self,
                 TpsObject          *object,
                 GtkWidget          *row,
                 guint               position,
                 guint               n)
{
  GtkWidget *up = icon_button (self, object, "go-up-symbolic", _("Move Up"),
                               G_CALLBACK (on_move_clicked), -1);
  GtkWidget *down = icon_button (self, object, "go-down-symbolic", _("Move Down"),
                                 G_CALLBACK (on_move_clicked), 1);
  GtkWidget *delete = icon_button (self, object, "user-trash-symbolic", _("Delete"),
                                   G_CALLBACK (on_delete_clicked), 0);

  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n);

  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);
    }
  else
    {
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);
    }
}

/* Stages ------------------------------------------------------------------ */

static void
rebuild_stages (TpsProjectSettings *self)
{
  GListModel *stages = tps_project_get_stages (project_of (self));
  guint n = g_list_model_get_n_items (stages);

  clear_rows (self->stages_group, self->stage_rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *title = g_strdup_printf (_("Stage %u"), i + 1);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      tps_bind_editable (GTK_EDITABLE (row), history_of (self), stage, "name");
      add_row_buttons (self, TPS_OBJECT (stage), row, i, n);
      adw_preferences_group_add (self->stages_group, row);
      g_ptr_array_add (self->stage_rows, row);
    }

  tps_accessible_name_controls (GTK_WIDGET (self->stages_group));
}

/* Channels ---------------------------------------------------------------- */

static void
on_kind_selected (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  TpsChannel  *channel)
{
  TpsProjectSettings *self = g_object_get_data (G_OBJECT (drop_down), "settings");
  guint kind = gtk_drop_down_get_selected (drop_down);

  if (kind != GTK_INVALID_LIST_POSITION && kind != tps_channel_get_kind (channel))
    tps_history_set (history_of (self), channel, "kind", kind, NULL);
}

static GtkWidget *
kind_drop_down (TpsProjectSettings *self,
                TpsChannel         *channel)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint k = 0; k < tps_enum_get_n_values (TPS_TYPE_CHANNEL_KIND); k++)
    gtk_string_list_append (kinds, tps_enum_get_label (TPS_TYPE_CHANNEL_KIND, k));

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), tps_channel_get_kind (channel));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (drop_down, _("Kind of channel"));
  g_object_set_data (G_OBJECT (drop_down), "settings", self);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_kind_selected),
                           channel, 0);
  return drop_down;
}

static void
rebuild_channels (TpsProjectSettings *self)
{
  GListModel *channels = tps_project_get_channels (project_of (self));
  guint n = g_list_model_get_n_items (channels);

  clear_rows (self->channels_group, self->channel_rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsChannel) channel = g_list_model_get_item (channels, i);
      g_autofree char *title = g_strdup_printf (_("Channel %u"), i + 1);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      tps_bind_editable (GTK_EDITABLE (row), history_of (self), channel, "name");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), kind_drop_down (self, channel));
      add_row_buttons (self, TPS_OBJECT (channel), row, i, n);
      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
    }

  tps_accessible_name_controls (GTK_WIDGET (self->channels_group));
}

/* Personas ---------------------------------------------------------------- */

static void
on_color_set (GtkColorButton *button,
              TpsPersona     *persona)
{
  TpsProjectSettings *self = g_object_get_data (G_OBJECT (button), "settings");
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  tps_history_set (history_of (self), persona, "color", color, NULL);
}

static void
on_persona_name (TpsPersona  *persona,
                 GParamSpec  *pspec,
                 AdwExpanderRow *row)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 tps_object_get_display_name (TPS_OBJECT (persona)));
}

/* A text property of a persona or comparator as a row of its expander.
 * The "name" row is remembered on the expander, to focus it when new.
 */
static void
add_text_field (TpsProjectSettings *self,
                AdwExpanderRow     *expander,
                gpointer            object,
                const char         *title,
                const char         *property)
{
  GtkWidget *row = adw_entry_row_new ();
  /* Translators: the accessible name of a persona's or comparator's field,
   * e.g. "Goals of “Sofia”": every persona has a "Goals" row.
   */
  g_autofree char *name = g_strdup_printf (_("%s of “%s”"), title,
                                           tps_object_get_display_name (TPS_OBJECT (object)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  tps_accessible_set_name (row, name);
  tps_bind_editable (GTK_EDITABLE (row), history_of (self), object, property);
  adw_expander_row_add_row (expander, row);
  if (g_str_equal (property, "name"))
    g_object_set_data (G_OBJECT (expander), "name-row", row);
}

static void
rebuild_personas (TpsProjectSettings *self)
{
  GListModel *personas = tps_project_get_personas (project_of (self));
  guint n = g_list_model_get_n_items (personas);

  clear_rows (self->personas_group, self->persona_rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsPersona) persona = g_list_model_get_item (personas, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *color_row = adw_action_row_new ();
      GtkWidget *color_button = gtk_color_button_new ();
      g_autofree char *color_name = g_strdup_printf (_("%s of “%s”"), _("Colour"),
                                                     tps_object_get_display_name (
                                                       TPS_OBJECT (persona)));
      GdkRGBA rgba;

      on_persona_name (persona, NULL, ADW_EXPANDER_ROW (row));
      g_signal_connect_object (persona, "notify::name", G_CALLBACK (on_persona_name), row, 0);

      add_text_field (self, ADW_EXPANDER_ROW (row), persona, _("Name"), "name");
      add_text_field (self, ADW_EXPANDER_ROW (row), persona, _("Description"),
                      "description");
      add_text_field (self, ADW_EXPANDER_ROW (row), persona, _("Goals"), "goals");
      add_text_field (self, ADW_EXPANDER_ROW (row), persona, _("Expectations"),
                      "expectations");

      if (tps_persona_get_color (persona) == NULL
          || !gdk_rgba_parse (&rgba, tps_persona_get_color (persona)))
        gdk_rgba_parse (&rgba, TPS_PERSONA_DEFAULT_COLOR);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color_button), &rgba);
      tps_accessible_set_name (color_button, color_name);
      gtk_widget_set_valign (color_button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (color_button), "settings", self);
      g_signal_connect_object (color_button, "color-set", G_CALLBACK (on_color_set), persona, 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _("Colour"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), color_button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (color_row), color_button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), color_row);

      add_row_buttons (self, TPS_OBJECT (persona), row, i, n);
      adw_preferences_group_add (self->personas_group, row);
      g_ptr_array_add (self->persona_rows, row);
    }

  tps_accessible_name_controls (GTK_WIDGET (self->personas_group));
}

/* Comparators --------------------------------------------------------------- */

/* A date is written only once it reads as one; until then the row says so.
 * Empty clears it.
 */
static void
on_comparator_date_changed (GtkEditable   *editable,
                            TpsComparator *comparator)
{
  TpsProjectSettings *self = g_object_get_data (G_OBJECT (editable), "settings");
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *iso = tps_parse_date_input (text);
  gboolean empty = text == NULL || *text == '\0';

  if (g_object_get_data (G_OBJECT (editable), "tps-updating") != NULL)
    return;

  if (!empty && iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  if (g_strcmp0 (iso, tps_comparator_get_date (comparator)) != 0)
    tps_history_set (history_of (self), comparator, "date", iso, NULL);
}

static GtkWidget *
comparator_date_row (TpsProjectSettings *self,
                     TpsComparator      *comparator)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *shown = tps_comparator_get_date (comparator)
                           ? tps_format_date (tps_comparator_get_date (comparator)) : NULL;
  g_autofree char *name = g_strdup_printf (_("%s of “%s”"), _("Date of the comparison"),
                                           tps_object_get_display_name (TPS_OBJECT (comparator)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date of the comparison"));
  tps_accessible_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "tps-updating", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : "");
  g_object_set_data (G_OBJECT (row), "tps-updating", NULL);
  g_object_set_data (G_OBJECT (row), "settings", self);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_comparator_date_changed), comparator,
                           0);
  return row;
}

static void
on_comparator_name (TpsComparator  *comparator,
                    GParamSpec     *pspec,
                    AdwExpanderRow *row)
{
  g_autofree char *title = g_markup_escape_text (tps_comparator_get_name (comparator)
                                                 ? tps_comparator_get_name (comparator) : "",
                                                 -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row,
                                 tps_enum_get_label (TPS_TYPE_COMPARATOR_KIND,
                                                     tps_comparator_get_kind (comparator)));
}

static void
rebuild_comparators (TpsProjectSettings *self)
{
  GListModel *comparators = tps_project_get_comparators (project_of (self));
  guint n = g_list_model_get_n_items (comparators);

  clear_rows (self->comparators_group, self->comparator_rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsComparator) comparator = g_list_model_get_item (comparators, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *kind_row = adw_combo_row_new ();

      on_comparator_name (comparator, NULL, ADW_EXPANDER_ROW (row));
      g_signal_connect_object (comparator, "notify::name", G_CALLBACK (on_comparator_name),
                               row, 0);
      g_signal_connect_object (comparator, "notify::kind", G_CALLBACK (on_comparator_name),
                               row, 0);

      add_text_field (self, ADW_EXPANDER_ROW (row), comparator, _("Name"), "name");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
      tps_bind_combo_enum (ADW_COMBO_ROW (kind_row), history_of (self), comparator, "kind");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind_row);
      add_text_field (self, ADW_EXPANDER_ROW (row), comparator, _("Source"), "source");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comparator_date_row (self, comparator));
      add_text_field (self, ADW_EXPANDER_ROW (row), comparator, _("Note"), "note");

      add_row_buttons (self, TPS_OBJECT (comparator), row, i, n);
      adw_preferences_group_add (self->comparators_group, row);
      g_ptr_array_add (self->comparator_rows, row);
    }

  tps_accessible_name_controls (GTK_WIDGET (self->comparators_group));
}

/* Actions ------------------------------------------------------------------ */

/* A row that was just added is where the user types next: its name is
 * focused and selected, so typing replaces "New channel" at once.
 */
static void
focus_new_row (GPtrArray *rows)
{
  GtkWidget *row;

  if (rows->len == 0)
    return;

  row = g_ptr_array_index (rows, rows->len - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      row = g_object_get_data (G_OBJECT (row), "name-row");
    }
  if (row == NULL)
    return;

  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TpsProjectSettings *self = TPS_PROJECT_SETTINGS (widget);

  tps_project_add_stage (project_of (self), history_of (self), _("New stage"));
  focus_new_row (self->stage_rows);
}

static void
add_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TpsProjectSettings *self = TPS_PROJECT_SETTINGS (widget);
  GListModel *channels = tps_project_get_channels (project_of (self));
  guint n = g_list_model_get_n_items (channels);
  TpsChannelKind kind = TPS_CHANNEL_KIND_ONLINE;

  /* Teams list channels grouped by kind (digital first, then the shop,
   * then the phone), so a new channel is most likely of the last one's
   * kind; the drop-down beside its name changes it.
   */
  if (n > 0)
    {
      g_autoptr(TpsChannel) last = g_list_model_get_item (channels, n - 1);

      kind = tps_channel_get_kind (last);
    }

  tps_project_add_channel (project_of (self), history_of (self), _("New channel"), kind);
  focus_new_row (self->channel_rows);
}

static void
add_persona_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TpsProjectSettings *self = TPS_PROJECT_SETTINGS (widget);

  tps_project_add_persona (project_of (self), history_of (self), _("New persona"));
  focus_new_row (self->persona_rows);
}

static void
add_comparator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TpsProjectSettings *self = TPS_PROJECT_SETTINGS (widget);

  tps_project_add_comparator (project_of (self), history_of (self), _("New comparator"),
                              TPS_COMPARATOR_KIND_COMPETITOR);
  focus_new_row (self->comparator_rows);
}

/* GObject ------------------------------------------------------------------ */

static void
tps_project_settings_dispose (GObject *object)
{
  TpsProjectSettings *self = TPS_PROJECT_SETTINGS (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->channel_rows, g_ptr_array_unref);
  g_clear_pointer (&self->persona_rows, g_ptr_array_unref);
  g_clear_pointer (&self->comparator_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_PROJECT_SETTINGS);

  G_OBJECT_CLASS (tps_project_settings_parent_class)->dispose (object);
}

static void
tps_project_settings_class_init (TpsProjectSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_project_settings_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-project-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, title_row);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, language_row);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, currency_row);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, description_view);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, stages_group);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, channels_group);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, personas_group);
  gtk_widget_class_bind_template_child (widget_class, TpsProjectSettings, comparators_group);

  gtk_widget_class_install_action (widget_class, "settings.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "settings.add-channel", NULL,
                                   add_channel_action);
  gtk_widget_class_install_action (widget_class, "settings.add-persona", NULL,
                                   add_persona_action);
  gtk_widget_class_install_action (widget_class, "settings.add-comparator", NULL,
                                   add_comparator_action);
}

static void
tps_project_settings_init (TpsProjectSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));

  self->stage_rows = g_ptr_array_new ();
  self->channel_rows = g_ptr_array_new ();
  self->persona_rows = g_ptr_array_new ();
  self->comparator_rows = g_ptr_array_new ();
}

/**
 * tps_project_settings_new:
 *
 * Returns: (transfer none): the settings window of @document's project
 */
GtkWindow *
tps_project_settings_new (GtkWindow   *parent,
                          TpsDocument *document)
{
  static const char * const languages[] = { "de", "en", NULL };
  TpsProjectSettings *self;
  TpsProject *project;

  self = g_object_new (TPS_TYPE_PROJECT_SETTINGS, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  project = project_of (self);

  tps_bind_editable (GTK_EDITABLE (self->title_row), history_of (self), project, "title");
  tps_bind_editable (GTK_EDITABLE (self->organisation_row), history_of (self), project,
                     "organisation");
  tps_bind_editable (GTK_EDITABLE (self->currency_row), history_of (self), project, "currency");
  tps_bind_text_view (self->description_view, history_of (self), project, "description");
  tps_bind_combo_strings (self->language_row, history_of (self), project, "language", languages);

  g_signal_connect_object (tps_project_get_stages (project), "items-changed",
                           G_CALLBACK (rebuild_stages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tps_project_get_channels (project), "items-changed",
                           G_CALLBACK (rebuild_channels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tps_project_get_personas (project), "items-changed",
                           G_CALLBACK (rebuild_personas), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tps_project_get_comparators (project), "items-changed",
                           G_CALLBACK (rebuild_comparators), self, G_CONNECT_SWAPPED);
  rebuild_stages (self);
  rebuild_channels (self);
  rebuild_personas (self);
  rebuild_comparators (self);

  return GTK_WINDOW (self);
}
