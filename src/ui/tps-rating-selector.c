/* tps-rating-selector.c
 *
 * One toggle button per step, linked into a segmented control. With
 * "colored" set the steps are the experience scale −2 … +2: each button is
 * tinted with its rating colour from the core palette, filled when chosen,
 * and names its step ("Disappointing") in its tooltip and for screen
 * readers. Without it, the steps are plain numbers (importance 1–5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-rating-selector.h"
#include "tps-rating-style.h"
#include "tps-types.h"

struct _TpsRatingSelector
{
  GtkWidget parent_instance;

  int min;
  int max;
  int value;
  gboolean colored;
  GPtrArray *buttons;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (TpsRatingSelector, tps_rating_selector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MIN,
  PROP_MAX,
  PROP_VALUE,
  PROP_COLORED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_button_toggled (GtkToggleButton   *button,
                   TpsRatingSelector *self)
{
  int value;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));
  if (value == self->value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static char *
step_text (TpsRatingSelector *self,
           int                value)
{
  /* Signed steps with a real minus sign, as the scale is printed. */
  if (self->colored && value < 0)
    return g_strdup_printf ("−%d", -value);
  if (self->colored && value > 0)
    return g_strdup_printf ("+%d", value);
  return g_strdup_printf ("%d", value);
}

static void
build_buttons (TpsRatingSelector *self)
{
  GtkToggleButton *group = NULL;

  for (int value = self->min; value <= self->max; value++)
    {
      g_autofree char *text = step_text (self, value);
      g_autofree char *description = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      if (self->colored)
        {
          description = g_strdup_printf ("%s (%s)", tps_rating_get_label (value), text);
          gtk_widget_add_css_class (button, "tps-rating-button");
          gtk_widget_add_css_class (button, tps_rating_style_class (value));
        }
      else
        {
          /* Translators: a step of a scale, e.g. "3 of 5" */
          description = g_strdup_printf (_("%d of %d"), value, self->max);
        }

      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_widget_add_css_class (button, "tps-scale-step");
      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (value));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), value == self->value);
      g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_ptr_array_add (self->buttons, button);
    }
}

static void
tps_rating_selector_constructed (GObject *object)
{
  TpsRatingSelector *self = TPS_RATING_SELECTOR (object);

  G_OBJECT_CLASS (tps_rating_selector_parent_class)->constructed (object);

  if (self->max < self->min)
    self->max = self->min;
  self->value = CLAMP (self->value, self->min, self->max);
  build_buttons (self);
}

static void
tps_rating_selector_dispose (GObject *object)
{
  TpsRatingSelector *self = TPS_RATING_SELECTOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->buttons, 0);

  G_OBJECT_CLASS (tps_rating_selector_parent_class)->dispose (object);
}

static void
tps_rating_selector_finalize (GObject *object)
{
  TpsRatingSelector *self = TPS_RATING_SELECTOR (object);

  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (tps_rating_selector_parent_class)->finalize (object);
}

static void
tps_rating_selector_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpsRatingSelector *self = TPS_RATING_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_MIN:
      g_value_set_int (value, self->min);
      break;
    case PROP_MAX:
      g_value_set_int (value, self->max);
      break;
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_COLORED:
      g_value_set_boolean (value, self->colored);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_rating_selector_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TpsRatingSelector *self = TPS_RATING_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_MIN:
      self->min = g_value_get_int (value);
      break;
    case PROP_MAX:
      self->max = g_value_get_int (value);
      break;
    case PROP_VALUE:
      tps_rating_selector_set_value (self, g_value_get_int (value));
      break;
    case PROP_COLORED:
      self->colored = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_rating_selector_class_init (TpsRatingSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tps_rating_selector_constructed;
  object_class->dispose = tps_rating_selector_dispose;
  object_class->finalize = tps_rating_selector_finalize;
  object_class->get_property = tps_rating_selector_get_property;
  object_class->set_property = tps_rating_selector_set_property;

  properties[PROP_MIN] =
    g_param_spec_int ("min", NULL, NULL, -100, 100, TPS_RATING_MIN, construct);
  properties[PROP_MAX] =
    g_param_spec_int ("max", NULL, NULL, -100, 100, TPS_RATING_MAX, construct);
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, -100, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLORED] =
    g_param_spec_boolean ("colored", NULL, NULL, TRUE, construct);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tps-rating-selector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  tps_rating_style_init ();
}

static void
tps_rating_selector_init (TpsRatingSelector *self)
{
  self->buttons = g_ptr_array_new ();
  self->min = TPS_RATING_MIN;
  self->max = TPS_RATING_MAX;
  self->colored = TRUE;

  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
tps_rating_selector_new (int      min,
                         int      max,
                         gboolean colored)
{
  return g_object_new (TPS_TYPE_RATING_SELECTOR,
                       "min", min,
                       "max", max,
                       "colored", colored,
                       NULL);
}

int
tps_rating_selector_get_value (TpsRatingSelector *self)
{
  g_return_val_if_fail (TPS_IS_RATING_SELECTOR (self), 0);

  return self->value;
}

void
tps_rating_selector_set_value (TpsRatingSelector *self,
                               int                value)
{
  g_return_if_fail (TPS_IS_RATING_SELECTOR (self));

  /* Before construction the buttons do not exist yet; constructed()
   * clamps and applies the value.
   */
  if (self->buttons->len == 0)
    {
      self->value = value;
      return;
    }

  value = CLAMP (value, self->min, self->max);
  if (value == self->value)
    return;

  self->value = value;
  self->updating = TRUE;
  gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, value - self->min), TRUE);
  self->updating = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* Returns: (transfer none) (nullable): the button of step @value */
GtkWidget *
tps_rating_selector_get_button (TpsRatingSelector *self,
                                int                value)
{
  g_return_val_if_fail (TPS_IS_RATING_SELECTOR (self), NULL);

  if (value < self->min || value > self->max || self->buttons->len == 0)
    return NULL;

  return g_ptr_array_index (self->buttons, value - self->min);
}
