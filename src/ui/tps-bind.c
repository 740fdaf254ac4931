/* tps-bind.c
 *
 * A field shows the property's value and writes what the user types back
 * through the history. Typing is merged into one undo step until the field
 * loses focus; an undo that changes the property updates the field. The
 * binding lives as long as the widget and holds no reference that would
 * keep the model alive after the view is gone.
 *
 * A widget can be bound again to another object (an inspector showing the
 * next touchpoint): the new binding replaces the old one, which disconnects
 * from its object. The widget's own signals are connected once and look up
 * the current binding, so nothing is left pointing at a freed binding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-bind.h"
#include "tps-types.h"

#define BINDING_KEY "tps-binding"

typedef struct
{
  GWeakRef object;
  TpsHistory *history;
  char *property;
  gulong notify_id;
  gboolean updating;

  /* Combo rows: the stored strings by position, or NULL for an enum
   * property whose value is the position.
   */
  char **values;

  /* tps_bind_property(): the widget's property that mirrors the model's. */
  char *widget_property;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;
  g_autoptr(GObject) object = g_weak_ref_get (&binding->object);

  if (object != NULL && binding->notify_id != 0
      && g_signal_handler_is_connected (object, binding->notify_id))
    g_signal_handler_disconnect (object, binding->notify_id);

  g_weak_ref_clear (&binding->object);
  g_clear_object (&binding->history);
  g_free (binding->property);
  g_strfreev (binding->values);
  g_free (binding->widget_property);
  g_free (binding);
}

static Binding *
binding_get (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), BINDING_KEY);
}

/* Replaces any earlier binding of @widget. */
static Binding *
binding_new (GtkWidget  *widget,
             TpsHistory *history,
             gpointer    object,
             const char *property)
{
  Binding *binding = g_new0 (Binding, 1);

  g_object_set_data (G_OBJECT (widget), BINDING_KEY, NULL);

  g_weak_ref_init (&binding->object, object);
  binding->history = g_object_ref (history);
  binding->property = g_strdup (property);
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, binding, binding_free);
  return binding;
}

/* Calls @callback on @widget's property changes through the binding. */
static void
binding_watch_object (Binding    *binding,
                      gpointer    object,
                      GCallback   callback,
                      GtkWidget  *widget)
{
  g_autofree char *signal = g_strconcat ("notify::", binding->property, NULL);

  binding->notify_id = g_signal_connect_object (object, signal, callback, widget, 0);
}

/* Connects a widget-side handler only the first time the widget is bound. */
static gboolean
first_time (gpointer    instance,
            const char *key)
{
  if (g_object_get_data (G_OBJECT (instance), key) != NULL)
    return FALSE;

  g_object_set_data (G_OBJECT (instance), key, GINT_TO_POINTER (TRUE));
  return TRUE;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtkWidget               *widget)
{
  Binding *binding = binding_get (widget);

  if (binding != NULL)
    tps_history_break_merge (binding->history);
}

static void
watch_focus (GtkWidget *widget)
{
  GtkEventController *focus;

  if (!first_time (widget, "tps-binding-focus"))
    return;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), widget);
  gtk_widget_add_controller (widget, focus);
}

static void
set_string_merged (Binding    *binding,
                   const char *text)
{
  g_autoptr(GObject) object = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (binding == NULL || binding->updating)
    return;

  object = g_weak_ref_get (&binding->object);
  if (object == NULL)
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

/**
 * tps_bind_clear:
 *
 * Ends @widget's binding: it no longer shows or writes the property. Its
 * content stays as it is.
 */
void
tps_bind_clear (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), BINDING_KEY, NULL);
}

/* Editable (GtkEntry, AdwEntryRow) ------------------------------------ */

static void
on_editable_changed (GtkEditable *editable,
                     gpointer     user_data)
{
  set_string_merged (binding_get (editable), gtk_editable_get_text (editable));
}

static void
on_property_for_editable (GObject     *object,
                          GParamSpec  *pspec,
                          GtkEditable *editable)
{
  Binding *binding = binding_get (editable);
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

  binding->updating = TRUE;
  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (editable)) != 0)
    gtk_editable_set_text (editable, text ? text : "");
  binding->updating = FALSE;

  if (first_time (editable, "tps-binding-editable"))
    g_signal_connect (editable, "changed", G_CALLBACK (on_editable_changed), NULL);
  binding_watch_object (binding, object, G_CALLBACK (on_property_for_editable),
                        GTK_WIDGET (editable));
  watch_focus (GTK_WIDGET (editable));
}

/* Text view ------------------------------------------------------------ */

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   GtkTextView   *text_view)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_string_merged (binding_get (text_view), text);
}

static void
text_view_show (GtkTextView *text_view,
                Binding     *binding,
                const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
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

static void
on_property_for_text_view (GObject     *object,
                           GParamSpec  *pspec,
                           GtkTextView *text_view)
{
  Binding *binding = binding_get (text_view);
  g_autofree char *text = get_string (object, binding->property);

  text_view_show (text_view, binding, text);
}

void
tps_bind_text_view (GtkTextView *text_view,
                    TpsHistory  *history,
                    gpointer     object,
                    const char  *property)
{
  Binding *binding = binding_new (GTK_WIDGET (text_view), history, object, property);
  g_autofree char *text = get_string (object, property);

  text_view_show (text_view, binding, text);

  if (first_time (text_view, "tps-binding-text-view"))
    g_signal_connect_object (gtk_text_view_get_buffer (text_view), "changed",
                             G_CALLBACK (on_buffer_changed), text_view, 0);
  binding_watch_object (binding, object, G_CALLBACK (on_property_for_text_view),
                        GTK_WIDGET (text_view));
  watch_focus (GTK_WIDGET (text_view));
}

/* Combo rows ------------------------------------------------------------ */

static guint
combo_position_of (Binding *binding,
                   GObject *object)
{
  if (binding->values == NULL)
    {
      int value;
      g_object_get (object, binding->property, &value, NULL);
      return value;
    }
  else
    {
      g_autofree char *text = get_string (object, binding->property);

      for (guint i = 0; binding->values[i] != NULL; i++)
        if (g_strcmp0 (binding->values[i], text) == 0)
          return i;

      return GTK_INVALID_LIST_POSITION;
    }
}

static void
on_combo_selected (AdwComboRow *row,
                   GParamSpec  *pspec,
                   gpointer     user_data)
{
  Binding *binding = binding_get (row);
  g_autoptr(GObject) object = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (binding == NULL || binding->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  object = g_weak_ref_get (&binding->object);
  if (object == NULL)
    return;

  if (binding->values == NULL)
    tps_history_set (binding->history, object, binding->property, selected, NULL);
  else if (selected < g_strv_length (binding->values))
    tps_history_set (binding->history, object, binding->property,
                     binding->values[selected], NULL);
}

static void
on_property_for_combo (GObject     *object,
                       GParamSpec  *pspec,
                       AdwComboRow *row)
{
  Binding *binding = binding_get (row);

  binding->updating = TRUE;
  adw_combo_row_set_selected (row, combo_position_of (binding, object));
  binding->updating = FALSE;
}

static void
bind_combo (AdwComboRow        *row,
            TpsHistory         *history,
            gpointer            object,
            const char         *property,
            const char * const *values)
{
  Binding *binding = binding_new (GTK_WIDGET (row), history, object, property);

  binding->values = g_strdupv ((char **) values);

  on_property_for_combo (object, NULL, row);
  if (first_time (row, "tps-binding-combo"))
    g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), NULL);
  binding_watch_object (binding, object, G_CALLBACK (on_property_for_combo), GTK_WIDGET (row));
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

  /* Without the old binding, refilling the row cannot write to its object. */
  tps_bind_clear (GTK_WIDGET (row));

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

/* Any widget property ---------------------------------------------------- */

static void
on_widget_property (GObject    *widget,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  Binding *binding = binding_get (widget);
  g_autoptr(GObject) object = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (binding == NULL || binding->updating
      || g_strcmp0 (pspec->name, binding->widget_property) != 0)
    return;

  object = g_weak_ref_get (&binding->object);
  if (object == NULL)
    return;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (widget, pspec->name, &value);
  tps_history_set_property (binding->history, object, binding->property, &value);
}

static void
on_property_for_widget (GObject    *object,
                        GParamSpec *pspec,
                        GtkWidget  *widget)
{
  Binding *binding = binding_get (widget);
  GParamSpec *widget_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget),
                                                           binding->widget_property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) shown = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  g_value_init (&shown, widget_pspec->value_type);
  if (!g_value_transform (&value, &shown))
    return;

  binding->updating = TRUE;
  g_object_set_property (G_OBJECT (widget), binding->widget_property, &shown);
  binding->updating = FALSE;
}

/**
 * tps_bind_property:
 * @widget: a widget, e.g. a GtkSwitch
 * @widget_property: its property that shows the value, e.g. "active"
 *
 * Keeps @widget_property equal to @object's @property, and records every
 * change the user makes to it as one undo step. The two properties' types
 * must transform into each other (int and double, boolean and boolean).
 */
void
tps_bind_property (GtkWidget  *widget,
                   const char *widget_property,
                   TpsHistory *history,
                   gpointer    object,
                   const char *property)
{
  Binding *binding;
  GParamSpec *pspec;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (widget),
                                                  widget_property) != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  binding = binding_new (widget, history, object, property);
  binding->widget_property = g_strdup (widget_property);

  on_property_for_widget (object, pspec, widget);
  if (first_time (widget, "tps-binding-property"))
    g_signal_connect (widget, "notify", G_CALLBACK (on_widget_property), NULL);
  binding_watch_object (binding, object, G_CALLBACK (on_property_for_widget), widget);
}
