/* tps-chip-box.c
 *
 * GTK 4.8 has no wrapping box, and a GtkFlowBox puts its children into
 * columns, which stretches short chips to the width of long ones. Here
 * each chip keeps its natural width and goes onto the next line only when
 * it no longer fits, so "CRM" next to "Abrechnungssystem (SAP IS-U)" looks
 * like two tags, not like a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-chip-box.h"

#define SPACING      6
#define LINE_SPACING 6

struct _TpsChipBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TpsChipBox, tps_chip_box, GTK_TYPE_WIDGET)

/* Walks the children as they would be laid out in @width and reports each
 * one's place; returns the total height.
 */
static int
layout (GtkWidget *widget,
        int        width,
        gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, min_h, nat_h, w;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = width > 0 ? MAX (min_w, MIN (nat_w, width)) : nat_w;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);

      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line_height + LINE_SPACING;
          line_height = 0;
        }

      if (allocate)
        {
          GtkAllocation place = { x, y, w, nat_h };

          if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
            place.x = width - x - w;
          gtk_widget_size_allocate (child, &place, -1);
        }

      x += w + SPACING;
      line_height = MAX (line_height, nat_h);
    }

  return line_height > 0 ? y + line_height : 0;
}

static GtkSizeRequestMode
tps_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tps_chip_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (n++ > 0 ? SPACING : 0);
        }

      *minimum = min;
      *natural = nat;
    }
  else
    {
      int height = layout (widget, for_size, FALSE);

      *minimum = height;
      *natural = height;
    }
}

static void
tps_chip_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  layout (widget, width, TRUE);
}

static void
tps_chip_box_dispose (GObject *object)
{
  tps_chip_box_remove_all (TPS_CHIP_BOX (object));

  G_OBJECT_CLASS (tps_chip_box_parent_class)->dispose (object);
}

static void
tps_chip_box_class_init (TpsChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_chip_box_dispose;
  widget_class->get_request_mode = tps_chip_box_get_request_mode;
  widget_class->measure = tps_chip_box_measure;
  widget_class->size_allocate = tps_chip_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "tps-chip-box");
}

static void
tps_chip_box_init (TpsChipBox *self)
{
}

GtkWidget *
tps_chip_box_new (void)
{
  return g_object_new (TPS_TYPE_CHIP_BOX, NULL);
}

void
tps_chip_box_append (TpsChipBox *self,
                     GtkWidget  *child)
{
  g_return_if_fail (TPS_IS_CHIP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
tps_chip_box_remove_all (TpsChipBox *self)
{
  GtkWidget *child;

  g_return_if_fail (TPS_IS_CHIP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
