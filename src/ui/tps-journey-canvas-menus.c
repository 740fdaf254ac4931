/* tps-journey-canvas-menus.c
 *
 * The map's context menus: on a card (edit, mark), on a stage header
 * (rename, insert before/after, delete), on a channel label (rename, kind,
 * move up/down) and on an empty cell (new touchpoint here). One popover
 * shows whichever menu fits what was clicked; its items are "menu.*"
 * actions acting on the stage, channel or cell the menu was opened for, so
 * the tests drive them as the menu does. Every edit is one undo step.
 *
 * Keyboard users open the menu of the selected card with Shift+F10 or the
 * Menu key; its Stage and Channel submenus reach the same items as a right
 * click on the header or label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tps-journey-canvas-private.h"
#include "tps-view-util.h"
#include "tps-project-structure.h"

/* Menu models */

static GMenuModel *
stage_section (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Rename…"), "menu.rename-stage");
  g_menu_append (menu, _("Insert Stage _Before"), "menu.insert-stage-before");
  g_menu_append (menu, _("Insert Stage _After"), "menu.insert-stage-after");
  g_menu_append (menu, _("_Delete Stage"), "menu.delete-stage");
  return G_MENU_MODEL (menu);
}

static GMenuModel *
channel_section (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();

  for (guint k = 0; k < tps_enum_get_n_values (TPS_TYPE_CHANNEL_KIND); k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (tps_enum_get_label (TPS_TYPE_CHANNEL_KIND,
                                                                       k), NULL);

      g_menu_item_set_action_and_target_value (item, "menu.channel-kind",
                                               g_variant_new_string (
                                                 tps_enum_get_word (TPS_TYPE_CHANNEL_KIND, k)));
      g_menu_append_item (kinds, item);
    }

  g_menu_append (menu, _("_Rename…"), "menu.rename-channel");
  g_menu_append_submenu (menu, _("_Kind"), G_MENU_MODEL (kinds));
  g_menu_append (menu, _("Move _Up"), "menu.move-channel-up");
  g_menu_append (menu, _("Move _Down"), "menu.move-channel-down");
  return G_MENU_MODEL (menu);
}

/* The stage and channel of a card or cell, as submenus below its own
 * items: the keyboard's way to the header's and label's menus.
 */
static void
append_frame_submenus (GMenu *menu)
{
  g_autoptr(GMenu) frame = g_menu_new ();
  g_autoptr(GMenuModel) stage = stage_section ();
  g_autoptr(GMenuModel) channel = channel_section ();

  g_menu_append_submenu (frame, _("_Stage"), stage);
  g_menu_append_submenu (frame, _("C_hannel"), channel);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (frame));
}

static GMenuModel *
card_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) mark = g_menu_new ();

  g_menu_append (edit, _("_Edit"), "canvas.edit");
  g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
  g_menu_append (edit, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  g_menu_append (mark, _("Mark as _Painpoint"), "canvas.mark::painpoint");
  g_menu_append (mark, _("Mark as _Lovepoint"), "canvas.mark::lovepoint");
  g_menu_append (mark, _("Mark as _Moment of Truth"), "canvas.mark::moment-of-truth");
  g_menu_append (mark, _("_No Moment"), "canvas.mark::none");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (mark));

  append_frame_submenus (menu);
  return G_MENU_MODEL (menu);
}

static GMenuModel *
cell_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();

  g_menu_append (add, _("_New Touchpoint Here"), "menu.add-here");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  append_frame_submenus (menu);
  return G_MENU_MODEL (menu);
}

/* Dialogs */

static GtkWindow *
parent_window (TpsJourneyCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TpsJourneyCanvas *self)
{
  TpsObject *object = g_object_get_data (G_OBJECT (dialog), "object");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") != 0 || self->history == NULL || *name == '\0')
    return;

  if (g_strcmp0 (name, tps_object_get_display_name (object)) != 0)
    tps_history_set (self->history, object, "name", name, NULL);
}

static void
on_rename_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

/* Asks for the new name of a stage or channel, prefilled with the old. */
static void
rename_object (TpsJourneyCanvas *self,
               TpsObject        *object)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (parent_window (self),
                                   TPS_IS_STAGE (object) ? _("Rename Stage")
                                                         : _("Rename Channel"),
                                   NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), tps_object_get_display_name (object));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "object", g_object_ref (object), g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_stage_response (AdwMessageDialog *dialog,
                          const char       *response,
                          TpsJourneyCanvas *self)
{
  TpsStage *stage = g_object_get_data (G_OBJECT (dialog), "stage");

  if (g_strcmp0 (response, "delete") == 0 && self->history != NULL && self->project != NULL)
    tps_project_delete_stage (self->project, self->history, stage);
}

/* A stage with touchpoints takes them with it, so that asks first; an
 * empty one goes at once (undo brings it back either way).
 */
static void
delete_stage (TpsJourneyCanvas *self,
              TpsStage         *stage)
{
  AdwMessageDialog *dialog = NULL;

  if (parent_window (self) != NULL)
    dialog = tps_confirm_delete_used (parent_window (self), self->project, TPS_OBJECT (stage));
  if (dialog == NULL)
    {
      tps_project_delete_stage (self->project, self->history, stage);
      return;
    }

  g_object_set_data_full (G_OBJECT (dialog), "stage", g_object_ref (stage), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_stage_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static guint
stage_position (TpsJourneyCanvas *self)
{
  guint position = 0;

  tps_list_find (tps_project_get_stages (self->project), self->menu_stage, &position);
  return position;
}

static void
move_channel (TpsJourneyCanvas *self,
              int               delta)
{
  GListModel *channels = tps_project_get_channels (self->project);
  guint from;

  if (!tps_list_find (channels, self->menu_channel, &from)
      || (delta < 0 && from == 0)
      || (delta > 0 && from + 1 >= g_list_model_get_n_items (channels)))
    return;

  tps_history_move (self->history, channels, from, from + delta);
}

static void
on_menu_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TpsJourneyCanvas *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (self->project == NULL || self->history == NULL)
    return;

  if (g_str_equal (name, "rename-stage") && self->menu_stage != NULL)
    rename_object (self, TPS_OBJECT (self->menu_stage));
  else if (g_str_equal (name, "insert-stage-before") && self->menu_stage != NULL)
    tps_project_insert_stage (self->project, self->history, stage_position (self),
                              _("New stage"));
  else if (g_str_equal (name, "insert-stage-after") && self->menu_stage != NULL)
    tps_project_insert_stage (self->project, self->history, stage_position (self) + 1,
                              _("New stage"));
  else if (g_str_equal (name, "delete-stage") && self->menu_stage != NULL)
    delete_stage (self, self->menu_stage);
  else if (g_str_equal (name, "rename-channel") && self->menu_channel != NULL)
    rename_object (self, TPS_OBJECT (self->menu_channel));
  else if (g_str_equal (name, "move-channel-up") && self->menu_channel != NULL)
    move_channel (self, -1);
  else if (g_str_equal (name, "move-channel-down") && self->menu_channel != NULL)
    move_channel (self, 1);
  else if (g_str_equal (name, "add-here") && self->menu_cell && self->layout != NULL)
    tps_journey_canvas_add_at_cell (self, self->menu_column, self->menu_lane,
                                    self->menu_position);
}

static void
on_channel_kind_change (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  TpsJourneyCanvas *self = user_data;
  int kind;

  if (self->menu_channel == NULL || self->history == NULL
      || !tps_enum_parse_word (TPS_TYPE_CHANNEL_KIND, g_variant_get_string (value, NULL), &kind))
    return;

  g_simple_action_set_state (action, value);
  if ((TpsChannelKind) kind != tps_channel_get_kind (self->menu_channel))
    tps_history_set (self->history, self->menu_channel, "kind", kind, NULL);
}

static void
set_enabled (TpsJourneyCanvas *self,
             const char       *name,
             gboolean          enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Points the "menu.*" actions at @stage, @channel and the cell. */
static void
set_target (TpsJourneyCanvas *self,
            TpsStage         *stage,
            TpsChannel       *channel,
            const TpsMapHit  *cell)
{
  gboolean editable = self->history != NULL && self->project != NULL;
  GListModel *channels = self->project != NULL ? tps_project_get_channels (self->project) : NULL;
  guint position = 0;
  gboolean found = channel != NULL && channels != NULL
                   && tps_list_find (channels, channel, &position);
  GAction *kind = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions),
                                              "channel-kind");

  g_set_object (&self->menu_stage, stage);
  g_set_object (&self->menu_channel, channel);
  self->menu_cell = cell != NULL;
  if (cell != NULL)
    {
      self->menu_column = cell->column;
      self->menu_lane = cell->lane;
      self->menu_position = cell->insert_position;
    }

  set_enabled (self, "rename-stage", editable && stage != NULL);
  set_enabled (self, "insert-stage-before", editable && stage != NULL);
  set_enabled (self, "insert-stage-after", editable && stage != NULL);
  set_enabled (self, "delete-stage", editable && stage != NULL);
  set_enabled (self, "rename-channel", editable && channel != NULL);
  set_enabled (self, "channel-kind", editable && channel != NULL);
  set_enabled (self, "move-channel-up", editable && found && position > 0);
  set_enabled (self, "move-channel-down",
               editable && found && position + 1 < g_list_model_get_n_items (channels));
  set_enabled (self, "add-here", editable && cell != NULL);

  if (channel != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (kind),
                               g_variant_new_string (
                                 tps_enum_get_word (TPS_TYPE_CHANNEL_KIND,
                                                    tps_channel_get_kind (channel))));
}

/* Showing the menus */

static void
popup_at (TpsJourneyCanvas *self,
          GMenuModel       *model,
          double            wx,
          double            wy)
{
  /* Within the widget: a point off it may be off every monitor. */
  GdkRectangle rect = {
    CLAMP ((int) wx, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1)),
    CLAMP ((int) wy, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1)),
    1, 1
  };

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  /* Takes down a card's tooltip that is showing: the query now says no. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* Opens the menu that fits @hit (from tps_journey_canvas_hit_test()) at
 * (@wx, @wy) in widget coordinates. Nothing opens over the map's margin.
 */
void
tps_journey_canvas_popup_menu (TpsJourneyCanvas *self,
                               const TpsMapHit  *hit,
                               double            wx,
                               double            wy)
{
  const TpsMapColumn *column = NULL;
  const TpsMapLane *lane = NULL;
  g_autoptr(GMenuModel) model = NULL;

  if (self->layout == NULL)
    return;

  if (hit->column >= 0 && (guint) hit->column < tps_map_layout_get_n_columns (self->layout))
    column = tps_map_layout_get_column (self->layout, hit->column);
  if (hit->lane >= 0 && (guint) hit->lane < tps_map_layout_get_n_lanes (self->layout))
    lane = tps_map_layout_get_lane (self->layout, hit->lane);

  switch (hit->kind)
    {
    case TPS_MAP_HIT_CARD:
    case TPS_MAP_HIT_CURVE_POINT:
      {
        int index = tps_map_layout_find_step (self->layout, hit->touchpoint);
        const TpsMapStep *step = index >= 0 ? tps_map_layout_get_step (self->layout, index)
                                            : NULL;

        if (step == NULL)
          return;
        column = tps_map_layout_get_column (self->layout, step->column);
        lane = step->lane != G_MAXUINT ? tps_map_layout_get_lane (self->layout, step->lane)
                                       : NULL;
        set_target (self, column->stage, lane != NULL ? lane->channel : NULL, NULL);
        model = card_menu ();
      }
      break;

    case TPS_MAP_HIT_STAGE_HEADER:
      if (column == NULL)
        return;
      set_target (self, column->stage, NULL, NULL);
      model = stage_section ();
      break;

    case TPS_MAP_HIT_LANE_LABEL:
      if (lane == NULL)
        return;
      set_target (self, NULL, lane->channel, NULL);
      model = channel_section ();
      break;

    case TPS_MAP_HIT_CELL:
      if (column == NULL || lane == NULL)
        return;
      set_target (self, column->stage, lane->channel, hit);
      model = cell_menu ();
      break;

    case TPS_MAP_HIT_NONE:
    case TPS_MAP_HIT_BAND:
    default:
      return;
    }

  popup_at (self, model, wx, wy);
}

/* Shift+F10 and the Menu key: the selected card's menu, else the menu of
 * the first stage in view.
 */
void
tps_journey_canvas_popup_menu_for_focus (TpsJourneyCanvas *self)
{
  cairo_rectangle_t rect;
  TpsMapHit hit;
  double lx, ly, wx, wy;

  if (self->layout == NULL || tps_map_layout_get_n_columns (self->layout) == 0)
    return;

  if (self->selected != NULL && tps_map_layout_get_card_rect (self->layout, self->selected, &rect))
    {
      tps_journey_canvas_scroll_to_rect (self, &rect);
      tps_journey_canvas_layout_to_widget (self, rect.x + rect.width / 2,
                                           rect.y + rect.height / 2, &wx, &wy);
      tps_journey_canvas_hit_test (self, wx, wy, &hit);
      if (hit.touchpoint != self->selected)
        {
          hit.kind = TPS_MAP_HIT_CARD;
          hit.touchpoint = self->selected;
        }
      tps_journey_canvas_popup_menu (self, &hit, wx, wy);
      return;
    }

  /* The stage whose header is at the left edge of the view. */
  tps_journey_canvas_widget_to_layout (self, 0, 0, &lx, &ly);
  rect = tps_map_layout_get_column (self->layout, 0)->header;
  lx = MAX (lx, rect.x) + 1;
  for (guint i = tps_map_layout_get_n_columns (self->layout); i-- > 0;)
    {
      rect = tps_map_layout_get_column (self->layout, i)->header;
      if (rect.x <= lx || i == 0)
        break;
    }
  tps_journey_canvas_scroll_to_rect (self, &rect);
  tps_journey_canvas_layout_to_widget (self, rect.x + MIN (rect.width / 2, 40),
                                       rect.y + rect.height / 2, &wx, &wy);
  tps_journey_canvas_hit_test (self, wx, wy, &hit);
  if (hit.kind != TPS_MAP_HIT_STAGE_HEADER)
    return;
  tps_journey_canvas_popup_menu (self, &hit, wx, wy);
}

gboolean
tps_journey_canvas_menu_is_open (TpsJourneyCanvas *self)
{
  return self->context_menu != NULL && gtk_widget_get_visible (self->context_menu);
}

static void
on_menu_closed (TpsJourneyCanvas *self)
{
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

void
tps_journey_canvas_menus_init (TpsJourneyCanvas *self)
{
  static const GActionEntry entries[] = {
    { "rename-stage", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "insert-stage-before", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "insert-stage-after", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "delete-stage", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "rename-channel", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "channel-kind", NULL, "s", "'online'", on_channel_kind_change, { 0 } },
    { "move-channel-up", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "move-channel-down", on_menu_action, NULL, NULL, NULL, { 0 } },
    { "add-here", on_menu_action, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenuModel) model = card_menu ();

  self->menu_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->menu_actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "menu", G_ACTION_GROUP (self->menu_actions));
  set_target (self, NULL, NULL, NULL);

  self->context_menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  g_signal_connect_swapped (self->context_menu, "closed", G_CALLBACK (on_menu_closed), self);
}

void
tps_journey_canvas_menus_dispose (TpsJourneyCanvas *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->menu_actions != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self), "menu", NULL);
  g_clear_object (&self->menu_actions);
  g_clear_object (&self->menu_stage);
  g_clear_object (&self->menu_channel);
}
