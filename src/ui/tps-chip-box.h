/* tps-chip-box.h — lays out chips (badges, tags, toggles) in lines that
 * wrap like words in a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TPS_TYPE_CHIP_BOX (tps_chip_box_get_type ())
G_DECLARE_FINAL_TYPE (TpsChipBox, tps_chip_box, TPS, CHIP_BOX, GtkWidget)

GtkWidget *tps_chip_box_new       (void);
void       tps_chip_box_append    (TpsChipBox *self,
                                   GtkWidget  *child);
void       tps_chip_box_remove_all (TpsChipBox *self);

G_END_DECLS
