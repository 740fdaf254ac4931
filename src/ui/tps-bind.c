/* tps-bind.c
 *
 * A field shows the property's value and writes what the user types back
 * through the history. Typing is merged into one undo step until the field
 * loses focus; an undo that changes the property updates the field. The
 * binding lives as long as the widget and holds no reference that would
 * keep the model alive after the view is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-bind.h"
#include "tps-types.h"

typedef struct
{
  GWeakRef object;
  TpsHistory *history;
  char *property;
  gboolean updating;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_weak_ref_clear (&binding->object);
  g_clear_object (&binding->history);
  g_free (binding->property);
  g_free (binding);
}

static Binding *
binding_new (GtkWidget  *widget,
             TpsHistory *history,
             gpointer    object,
             const char *property)
{
  Binding *binding = g_new0 (Binding, 1);

  g_weak_ref_init (&binding->object, object);
  binding->history = g_object_ref (history);
  binding->property = g_strdup (property);
  g_object_set_data_full (G_OBJECT (widget), "tps-binding", binding, binding_free);
  return binding;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Binding                 *binding)
{
  tps_history_break_merge (binding->history);
}

static void
watch_focus (GtkWidget *widget,
             Binding   *binding)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), binding);
  gtk_widget_add_controller (widget, focus);
}

static void
set_string_merged (Binding    *binding,
                   const char *text)
{
  g_autoptr(GObject) object = g_weak_ref_get (&binding->object);
  g_auto(GValue) value = G_VALUE_INIT;

  if (object == NULL || binding->updating)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  tps_history_set_merged (binding->history, object, binding->property, &value);
}

static char *
get_string (GObject    *object,
            const char *property)
{
  char *text = NULL;

  g_object_get (object, property, &text, NULL);
  return text;
}

/* Editable (GtkEntry, AdwEntryRow) ------------------------------------ */

static void
on_editable_changed (GtkEditable *editable,
                     Binding     *binding)
{
  set_string_merged (binding, gtk_editable_get_text (editable));
}

static void
on_property_for_editable (GObject     *object,
                          GParamSpec  *pspec,
                          GtkEditable *editable)
{
  Binding *binding = g_object_get_data (G_OBJECT (editable), "tps-binding");
  g_autofree char *text = get_string (object, binding->property);

  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (editable)) == 0)
    return;

  binding->updating = TRUE;
  gtk_editable_set_text (editable, text ? text : "");
  binding->updating = FALSE;
}

void
tps_bind_editable (GtkEditable *editable,
                   TpsHistory  *history,
                   gpointer     object,
                   const char  *property)
{
  Binding *binding = binding_new (GTK_WIDGET (editable), history, object, property);
  g_autofree char *text = get_string (object, property);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  binding->updating = TRUE;
  gtk_editable_set_text (editable, text ? text : "");
  binding->updating = FALSE;

  g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed), binding);
  g_signal_connect_object (object, signal, G_CALLBACK (on_property_for_editable), editable, 0);
  watch_focus (GTK_WIDGET (editable), binding);
}

/* Text view ------------------------------------------------------------ */

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Binding       *binding)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string_merged (binding, text);
}

static void
on_property_for_text_view (GObject     *object,
                           GParamSpec  *pspec,
                           GtkTextView *text_view)
{
  Binding *binding = g_object_get_data (G_OBJECT (text_view), "tps-binding");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autofree char *text = get_string (object, binding->property);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text ? text : "", current) == 0)
    return;

  binding->updating = TRUE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  binding->updating = FALSE;
}

void
tps_bind_text_view (GtkTextView *text_view,
                    TpsHistory  *history,
                    gpointer     object,
                    const char  *property)
{
  Binding *binding = binding_new (GTK_WIDGET (text_view), history, object, property);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autofree char *text = get_string (object, property);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  binding->updating = TRUE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  binding->updating = FALSE;

  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), binding);
  g_signal_connect_object (object, signal, G_CALLBACK (on_property_for_text_view), text_view, 0);
  watch_focus (GTK_WIDGET (text_view), binding);
}

/* Combo rows ------------------------------------------------------------ */

typedef struct
{
  Binding *binding;
  char **values;   /* NULL for an enum property: the position is the value */
} ComboBinding;

static void
combo_binding_free (gpointer data)
{
  ComboBinding *combo = data;

  g_strfreev (combo->values);
  g_free (combo);
}

static guint
combo_position_of (ComboBinding *combo,
                   GObject      *object)
{
  if (combo->values == NULL)
    {
      int value;
      g_object_get (object, combo->binding->property, &value, NULL);
      return value;
    }
  else
    {
      g_autofree char *text = get_string (object, combo->binding->property);

      for (guint i = 0; combo->values[i] != NULL; i++)
        if (g_strcmp0 (combo->values[i], text) == 0)
          return i;

      return GTK_INVALID_LIST_POSITION;
    }
}

static void
on_combo_selected (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   ComboBinding *combo)
{
  g_autoptr(GObject) object = g_weak_ref_get (&combo->binding->object);
  guint selected = adw_combo_row_get_selected (row);

  if (object == NULL || combo->binding->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (combo->values == NULL)
    tps_history_set (combo->binding->history, object, combo->binding->property, selected, NULL);
  else
    tps_history_set (combo->binding->history, object, combo->binding->property,
                     combo->values[selected], NULL);
}

static void
on_property_for_combo (GObject     *object,
                       GParamSpec  *pspec,
                       AdwComboRow *row)
{
  ComboBinding *combo = g_object_get_data (G_OBJECT (row), "tps-combo-binding");

  combo->binding->updating = TRUE;
  adw_combo_row_set_selected (row, combo_position_of (combo, object));
  combo->binding->updating = FALSE;
}

static void
bind_combo (AdwComboRow        *row,
            TpsHistory         *history,
            gpointer            object,
            const char         *property,
            const char * const *values)
{
  ComboBinding *combo = g_new0 (ComboBinding, 1);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  combo->binding = binding_new (GTK_WIDGET (row), history, object, property);
  combo->values = g_strdupv ((char **) values);
  g_object_set_data_full (G_OBJECT (row), "tps-combo-binding", combo, combo_binding_free);

  on_property_for_combo (object, NULL, row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), combo);
  g_signal_connect_object (object, signal, G_CALLBACK (on_property_for_combo), row, 0);
}

/* Fills @row with the translated labels of the enum property's values. */
void
tps_bind_combo_enum (AdwComboRow *row,
                     TpsHistory  *history,
                     gpointer     object,
                     const char  *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GType enum_type;

  g_return_if_fail (G_IS_PARAM_SPEC_ENUM (pspec));

  enum_type = pspec->value_type;
  for (guint i = 0; i < tps_enum_get_n_values (enum_type); i++)
    gtk_string_list_append (labels, tps_enum_get_label (enum_type, i));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  bind_combo (row, history, object, property, NULL);
}

/* A string property chosen from @values; the row's model holds the labels. */
void
tps_bind_combo_strings (AdwComboRow        *row,
                        TpsHistory         *history,
                        gpointer            object,
                        const char         *property,
                        const char * const *values)
{
  bind_combo (row, history, object, property, values);
}
