/* tps-history.c
 *
 * The history is the only way views change the model. Each change is a
 * command that knows how to apply itself forwards and backwards: setting a
 * property (old and new value), inserting into or removing from a
 * GListStore, or a group of commands that is undone as one step.
 *
 * Commands are applied when they are recorded, so callers never touch the
 * model themselves and can never forget to record a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gobject/gvaluecollector.h>
#include <string.h>

#include "tps-history.h"
#include "tps-i18n-private.h"
#include "tps-model-private.h"
#include "tps-object.h"

typedef enum {
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_GROUP,
} CommandKind;

typedef struct
{
  CommandKind kind;
  char *label;

  /* COMMAND_SET: the changed object; INSERT/REMOVE: the item */
  GObject *object;

  /* COMMAND_SET */
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
  gboolean mergeable;

  /* COMMAND_INSERT, COMMAND_REMOVE */
  GListStore *list;
  guint position;

  /* COMMAND_GROUP */
  GPtrArray *children;
} Command;

struct _TpsHistory
{
  GObject parent_instance;

  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  GPtrArray *open_groups;

  /* Depth of the undo stack at which the document equals the saved file,
   * or -1 when that state can no longer be reached.
   */
  int clean_depth;
  gboolean merge_broken;

  /* Counts the changes, for a save that ends after more of them. */
  guint64 serial;

  /* Last notified state, to notify only on real changes. */
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;

  /* What the last emission of ::changed was about. */
  TpsHistoryChange change;
};

G_DEFINE_FINAL_TYPE (TpsHistory, tps_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
command_free (gpointer data)
{
  Command *command = data;

  g_clear_pointer (&command->label, g_free);
  g_clear_object (&command->object);
  g_clear_object (&command->list);
  if (G_IS_VALUE (&command->old_value))
    g_value_unset (&command->old_value);
  if (G_IS_VALUE (&command->new_value))
    g_value_unset (&command->new_value);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

static void
command_apply (Command  *command,
               gboolean  forward)
{
  switch (command->kind)
    {
    case COMMAND_SET:
      g_object_set_property (command->object, command->pspec->name,
                             forward ? &command->new_value : &command->old_value);
      break;

    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if (forward == (command->kind == COMMAND_INSERT))
        g_list_store_insert (command->list, command->position, command->object);
      else
        g_list_store_remove (command->list, command->position);
      break;

    case COMMAND_GROUP:
      if (forward)
        {
          for (guint i = 0; i < command->children->len; i++)
            command_apply (g_ptr_array_index (command->children, i), TRUE);
        }
      else
        {
          for (guint i = command->children->len; i > 0; i--)
            command_apply (g_ptr_array_index (command->children, i - 1), FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
object_name (GObject *object)
{
  if (TPS_IS_OBJECT (object))
    return tps_object_get_display_name (TPS_OBJECT (object));

  return "";
}

static const char *
command_get_label (Command *command)
{
  if (command->label != NULL)
    return command->label;

  switch (command->kind)
    {
    case COMMAND_SET:
      if (TPS_IS_OBJECT (command->object))
        /* Translators: "Soll rating of “Hotline” changed" */
        command->label = g_strdup_printf (_("%s of “%s” changed"),
                                          tps_property_get_label (command->pspec->owner_type,
                                                                  command->pspec->name),
                                          object_name (command->object));
      else
        command->label = g_strdup_printf (_("%s changed"),
                                          tps_property_get_label (command->pspec->owner_type,
                                                                  command->pspec->name));
      break;

    case COMMAND_INSERT:
      command->label = g_strdup_printf (_("“%s” added"), object_name (command->object));
      break;

    case COMMAND_REMOVE:
      command->label = g_strdup_printf (_("“%s” removed"), object_name (command->object));
      break;

    case COMMAND_GROUP:
      if (command->children->len > 0)
        return command_get_label (g_ptr_array_index (command->children, 0));
      return "";

    default:
      g_assert_not_reached ();
    }

  return command->label;
}

static void
update_state (TpsHistory *self)
{
  gboolean can_undo = self->undo_stack->len > 0;
  gboolean can_redo = self->redo_stack->len > 0;
  gboolean modified = self->clean_depth != (int) self->undo_stack->len;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* Folds @command into @change, which starts zeroed with @seen FALSE. */
static void
describe (Command          *command,
          TpsHistoryChange *change,
          gboolean         *seen)
{
  switch (command->kind)
    {
    case COMMAND_SET:
      if (!*seen)
        {
          change->object = command->object;
          change->property = command->pspec->name;
        }
      else if (change->object != command->object)
        change->object = NULL;
      else if (g_strcmp0 (change->property, command->pspec->name) != 0)
        change->property = NULL;
      break;

    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      change->structure = TRUE;
      change->object = NULL;
      break;

    case COMMAND_GROUP:
      for (guint i = 0; i < command->children->len; i++)
        describe (g_ptr_array_index (command->children, i), change, seen);
      return;

    default:
      g_assert_not_reached ();
    }

  /* Once several objects changed, no later command names one again. */
  if (change->object == NULL)
    change->property = NULL;
  *seen = TRUE;
}

static void
changed (TpsHistory *self,
         Command    *command)
{
  gboolean seen = FALSE;

  memset (&self->change, 0, sizeof self->change);
  describe (command, &self->change, &seen);
  self->serial++;
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Records a command that has already been applied. */
static void
push (TpsHistory *self,
      Command    *command)
{
  if (self->open_groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  if (self->redo_stack->len > 0)
    {
      if (self->clean_depth > (int) self->undo_stack->len)
        self->clean_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  g_ptr_array_add (self->undo_stack, command);
  self->merge_broken = FALSE;
  changed (self, command);
}

static void
tps_history_finalize (GObject *object)
{
  TpsHistory *self = TPS_HISTORY (object);

  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_history_parent_class)->finalize (object);
}

static void
tps_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpsHistory *self = TPS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tps_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tps_history_get_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tps_history_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, tps_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, tps_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_history_class_init (TpsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tps_history_finalize;
  object_class->get_property = tps_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpsHistory::changed:
   *
   * Emitted after the model changed through the history: a new command,
   * an undo or a redo (once for a whole group). tps_history_get_change()
   * says which object and property changed, or that lists did.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tps_history_init (TpsHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
  self->open_groups = g_ptr_array_new ();
}

TpsHistory *
tps_history_new (void)
{
  return g_object_new (TPS_TYPE_HISTORY, NULL);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return tps_strv_equal0 (g_value_get_boxed (a), g_value_get_boxed (b));

  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      /* The model stores empty text as unset. */
      return g_strcmp0 (sa && *sa ? sa : NULL, sb && *sb ? sb : NULL) == 0;
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static Command *
make_set_command (gpointer      object,
                  const char   *property,
                  const GValue *value)
{
  GParamSpec *pspec;
  Command *command;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (pspec->flags & G_PARAM_WRITABLE, NULL);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SET;
  command->object = g_object_ref (object);
  command->pspec = pspec;
  g_value_init (&command->old_value, pspec->value_type);
  g_value_init (&command->new_value, pspec->value_type);
  g_object_get_property (object, property, &command->old_value);
  if (!g_value_transform (value, &command->new_value))
    {
      g_critical ("Cannot store a %s in property “%s”", G_VALUE_TYPE_NAME (value), property);
      command_free (command);
      return NULL;
    }

  if (values_equal (pspec, &command->old_value, &command->new_value))
    {
      command_free (command);
      return NULL;
    }

  return command;
}

/**
 * tps_history_set_property:
 *
 * Sets @property of @object to @value as one undoable step. Setting a value
 * the property already has records nothing.
 */
void
tps_history_set_property (TpsHistory   *self,
                          gpointer      object,
                          const char   *property,
                          const GValue *value)
{
  Command *command;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  command = make_set_command (object, property, value);
  if (command == NULL)
    return;

  command_apply (command, TRUE);
  push (self, command);
}

/**
 * tps_history_set:
 *
 * Like g_object_set(), as one undoable step.
 */
void
tps_history_set (TpsHistory *self,
                 gpointer    object,
                 const char *first_property,
                 ...)
{
  va_list args;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  tps_history_begin_group (self, NULL);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      tps_history_set_property (self, object, name, &value);
    }
  va_end (args);

  tps_history_end_group (self);
}

/**
 * tps_history_set_merged:
 *
 * Like tps_history_set_property(), but merges into the previous step when
 * that step set the same property of the same object, so that typing into
 * a field is one undo step rather than one per key. A later
 * tps_history_break_merge() (focus leaving the field) starts a new step.
 */
void
tps_history_set_merged (TpsHistory   *self,
                        gpointer      object,
                        const char   *property,
                        const GValue *value)
{
  Command *top = NULL;
  Command *command;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  if (self->open_groups->len == 0 && self->redo_stack->len == 0 && !self->merge_broken
      && self->undo_stack->len > 0)
    top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);

  if (top != NULL && top->kind == COMMAND_SET && top->mergeable
      && top->object == object && g_strcmp0 (top->pspec->name, property) == 0)
    {
      g_auto(GValue) new_value = G_VALUE_INIT;

      g_value_init (&new_value, top->pspec->value_type);
      if (!g_value_transform (value, &new_value))
        return;

      g_value_copy (&new_value, &top->new_value);
      g_object_set_property (top->object, property, &top->new_value);

      if (self->clean_depth == (int) self->undo_stack->len)
        self->clean_depth = -1;

      changed (self, top);
      return;
    }

  command = make_set_command (object, property, value);
  if (command == NULL)
    return;

  command->mergeable = TRUE;
  command_apply (command, TRUE);
  push (self, command);
}

void
tps_history_break_merge (TpsHistory *self)
{
  g_return_if_fail (TPS_IS_HISTORY (self));

  self->merge_broken = TRUE;
}

void
tps_history_insert (TpsHistory *self,
                    GListModel *list,
                    guint       position,
                    gpointer    item)
{
  Command *command;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (position <= g_list_model_get_n_items (list));

  command = g_new0 (Command, 1);
  command->kind = COMMAND_INSERT;
  command->list = g_object_ref (G_LIST_STORE (list));
  command->position = position;
  command->object = g_object_ref (item);

  command_apply (command, TRUE);
  push (self, command);
}

void
tps_history_append (TpsHistory *self,
                    GListModel *list,
                    gpointer    item)
{
  tps_history_insert (self, list, g_list_model_get_n_items (list), item);
}

void
tps_history_remove (TpsHistory *self,
                    GListModel *list,
                    guint       position)
{
  Command *command;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (position < g_list_model_get_n_items (list));

  command = g_new0 (Command, 1);
  command->kind = COMMAND_REMOVE;
  command->list = g_object_ref (G_LIST_STORE (list));
  command->position = position;
  command->object = g_list_model_get_item (list, position);

  command_apply (command, TRUE);
  push (self, command);
}

/* Moves the item at @from so that it ends up at index @to. */
void
tps_history_move (TpsHistory *self,
                  GListModel *list,
                  guint       from,
                  guint       to)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (from < g_list_model_get_n_items (list));
  g_return_if_fail (to < g_list_model_get_n_items (list));

  if (from == to)
    return;

  item = g_list_model_get_item (list, from);
  label = g_strdup_printf (_("“%s” moved"), object_name (item));

  tps_history_begin_group (self, label);
  tps_history_remove (self, list, from);
  tps_history_insert (self, list, to, item);
  tps_history_end_group (self);
}

/**
 * tps_history_begin_group:
 * @label: (nullable): what the group does, for the undo toast; the first
 *   command's label when %NULL
 *
 * Everything recorded until the matching tps_history_end_group() is undone
 * and redone as one step. Groups nest.
 */
void
tps_history_begin_group (TpsHistory *self,
                         const char *label)
{
  Command *group;

  g_return_if_fail (TPS_IS_HISTORY (self));

  group = g_new0 (Command, 1);
  group->kind = COMMAND_GROUP;
  group->label = g_strdup (label);
  group->children = g_ptr_array_new_with_free_func (command_free);

  g_ptr_array_add (self->open_groups, group);
}

void
tps_history_end_group (TpsHistory *self)
{
  Command *group;

  g_return_if_fail (TPS_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);

  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  push (self, group);
}

gboolean
tps_history_undo (TpsHistory *self)
{
  Command *command;

  g_return_val_if_fail (TPS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  command_apply (command, FALSE);
  g_ptr_array_add (self->redo_stack, command);
  self->merge_broken = TRUE;
  changed (self, command);

  return TRUE;
}

gboolean
tps_history_redo (TpsHistory *self)
{
  Command *command;

  g_return_val_if_fail (TPS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  command_apply (command, TRUE);
  g_ptr_array_add (self->undo_stack, command);
  self->merge_broken = TRUE;
  changed (self, command);

  return TRUE;
}

gboolean
tps_history_get_can_undo (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
tps_history_get_can_redo (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/* Returns: (nullable): what undo would take back, e.g. "“Hotline” removed" */
const char *
tps_history_get_undo_label (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  return command_get_label (g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1));
}

const char *
tps_history_get_redo_label (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;

  return command_get_label (g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1));
}

/**
 * tps_history_get_change:
 *
 * What the last emission of #TpsHistory::changed was about: read it in a
 * handler of that signal. Its object stays valid while the handler runs.
 *
 * Returns: (transfer none): the change
 */
const TpsHistoryChange *
tps_history_get_change (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), NULL);

  return &self->change;
}

/* Whether the model differs from the last saved (clean) state. */
gboolean
tps_history_get_modified (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), FALSE);

  return self->clean_depth != (int) self->undo_stack->len;
}

/* Called after a save: the current state is what is on disk. */
void
tps_history_mark_clean (TpsHistory *self)
{
  g_return_if_fail (TPS_IS_HISTORY (self));

  self->clean_depth = self->undo_stack->len;
  self->merge_broken = TRUE;
  update_state (self);
}

/**
 * tps_history_get_serial:
 *
 * Returns: a number that changes with every change, undo and redo: a save
 *   that serialised the project at one serial and finishes at another has
 *   not saved what the user sees now
 */
guint64
tps_history_get_serial (TpsHistory *self)
{
  g_return_val_if_fail (TPS_IS_HISTORY (self), 0);

  return self->serial;
}

/* The model differs from the file although there is nothing to undo, for
 * example after restoring a recovered project.
 */
void
tps_history_mark_unsaved (TpsHistory *self)
{
  g_return_if_fail (TPS_IS_HISTORY (self));

  self->clean_depth = -1;
  update_state (self);
}

void
tps_history_clear (TpsHistory *self)
{
  g_return_if_fail (TPS_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->clean_depth = 0;
  self->serial++;
  update_state (self);
}

/* The human name of a model property, for undo labels and messages: the
 * property's nick, which each model class marks for translation where it
 * installs the property. */
const char *
tps_property_get_label (GType       owner_type,
                        const char *property)
{
  g_autoptr(GTypeClass) klass = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (property != NULL, NULL);

  if (!G_TYPE_IS_OBJECT (owner_type))
    return property;

  klass = g_type_class_ref (owner_type);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL)
    return property;

  return _(g_param_spec_get_nick (pspec));
}
