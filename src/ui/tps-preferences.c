/* tps-preferences.c
 *
 * Every row is bound to its GSettings key, so changes apply at once and
 * windows react through GSettings::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-preferences.h"
#include "tps-view-util.h"

struct _TpsPreferences
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton *autosave_spin;
  AdwComboRow *paper_row;
  GtkSwitch *landscape_switch;
  AdwComboRow *separator_row;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (TpsPreferences, tps_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const papers[] = { "A4", "A3", "A2", "A1", "A0", "letter", "tabloid", NULL };
static const char * const separators[] = { "auto", "comma", "semicolon", NULL };

/* Maps between a string key and the position of its value in @choices. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  choices)
{
  const char *current = g_variant_get_string (variant, NULL);
  const char * const *list = choices;

  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], current) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            choices)
{
  const char * const *list = choices;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) list))
    return NULL;

  return g_variant_new_string (list[position]);
}

static void
tps_preferences_dispose (GObject *object)
{
  TpsPreferences *self = TPS_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPS_TYPE_PREFERENCES);

  G_OBJECT_CLASS (tps_preferences_parent_class)->dispose (object);
}

static void
tps_preferences_class_init (TpsPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsPreferences, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, TpsPreferences, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TpsPreferences, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsPreferences, separator_row);
}

static void
tps_preferences_init (TpsPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
  tps_combo_row_show_whole_value (self->paper_row);
  tps_combo_row_show_whole_value (self->separator_row);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "autosave-interval",
                   gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-landscape", self->landscape_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-paper", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) papers, NULL);
  g_settings_bind_with_mapping (self->settings, "csv-separator", self->separator_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) separators, NULL);
}

/* Returns: (transfer none) */
GtkWindow *
tps_preferences_new (GtkWindow *parent)
{
  return g_object_new (TPS_TYPE_PREFERENCES, "transient-for", parent, NULL);
}
