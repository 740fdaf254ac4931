/* tps-csv-import-dialog.c
 *
 * Reading the file changes nothing: the dialog shows what an import would
 * create (touchpoints, and the stages, channels and personas they name that
 * do not exist yet) and every problem with its row. Import adds everything
 * as one undoable step. When rows have problems, the valid ones are
 * imported only after the user agreed to leave the others out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tps-csv-import-dialog.h"
#include "tps-view-util.h"
#include "tps-csv.h"
#include "tps-window.h"

/* More rows than this are summed up rather than listed. */
#define MAX_LISTED 200

struct _TpsCsvImportDialog
{
  AdwWindow parent_instance;

  GtkWidget *import_button;
  GtkStack *stack;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *summary_group;
  GtkLabel *touchpoints_count;
  AdwActionRow *updates_row;
  GtkLabel *updates_count;
  AdwActionRow *stages_row;
  AdwActionRow *channels_row;
  AdwActionRow *personas_row;
  AdwPreferencesGroup *errors_group;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *rows_group;

  TpsDocument *document;
  TpsCsvImport *import;
};

G_DEFINE_FINAL_TYPE (TpsCsvImportDialog, tps_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Returns: the rows the import would add */
guint
tps_csv_import_dialog_get_n_importable (TpsCsvImportDialog *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT_DIALOG (self), 0);

  if (self->import == NULL)
    return 0;
  return g_list_model_get_n_items (tps_csv_import_get_touchpoints (self->import));
}

/* Returns: the rows left out because of problems */
guint
tps_csv_import_dialog_get_n_invalid (TpsCsvImportDialog *self)
{
  GPtrArray *errors;
  guint n = 0, last = 0;

  g_return_val_if_fail (TPS_IS_CSV_IMPORT_DIALOG (self), 0);

  if (self->import == NULL)
    return 0;

  errors = tps_csv_import_get_errors (self->import);
  for (guint i = 0; i < errors->len; i++)
    {
      TpsCsvProblem *problem = g_ptr_array_index (errors, i);

      if (problem->row != last)
        n++;
      last = problem->row;
    }

  return n;
}

/* Applying ------------------------------------------------------------------ */

/* "2 touchpoints updated, 3 added", as a toast in the window the import
 * went into.
 */
static void
say_what_was_imported (TpsCsvImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n_updated = tps_csv_import_get_n_changed (self->import);
  guint n_added = tps_csv_import_dialog_get_n_importable (self)
                  - tps_csv_import_get_n_updates (self->import);
  g_autofree char *updated = NULL;
  g_autofree char *added = NULL;
  g_autofree char *message = NULL;

  if (!TPS_IS_WINDOW (parent))
    return;

  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint updated",
                                          "%u touchpoints updated", n_updated), n_updated);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n_added),
                           n_added);
  /* Translators: "2 touchpoints updated, 3 added" */
  message = g_strdup_printf (_("%s, %s"), updated, added);
  tps_window_add_toast (TPS_WINDOW (parent), message);
}

static void
apply (TpsCsvImportDialog *self,
       gboolean            allow_partial)
{
  g_autoptr(GError) error = NULL;
  guint n = tps_csv_import_dialog_get_n_importable (self);

  if (!tps_csv_import_apply (self->import, tps_document_get_project (self->document),
                             tps_document_get_history (self->document), allow_partial, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  say_what_was_imported (self);
  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_partial (gpointer data)
{
  g_autoptr(TpsCsvImportDialog) self = data;

  if (self->import != NULL)
    apply (self, TRUE);
}

/* The import closes this window, so it waits until the question, which
 * belongs to the window, is gone.
 */
static void
on_confirm_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     TpsCsvImportDialog *self)
{
  if (g_strcmp0 (response, "import") == 0)
    g_idle_add_once (apply_partial, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpsCsvImportDialog *self = TPS_CSV_IMPORT_DIALOG (widget);
  guint n_valid = tps_csv_import_dialog_get_n_importable (self);
  guint n_invalid = tps_csv_import_dialog_get_n_invalid (self);
  g_autofree char *left_out = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->import == NULL || n_valid == 0)
    return;

  if (n_invalid == 0)
    {
      apply (self, FALSE);
      return;
    }

  /* Nothing is imported half-way without asking. */
  left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u row has problems and will be left out.",
                                           "%u rows have problems and will be left out.",
                                           n_invalid), n_invalid);
  imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u touchpoint will be imported; you can undo this.",
                                           "%u touchpoints will be imported; you can undo this.",
                                           n_valid), n_valid);
  body = g_strdup_printf ("%s %s", left_out, imported);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Import Without the Rows With Problems?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Valid Rows"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The preview ---------------------------------------------------------------- */

static const char *
object_name (GObject *object)
{
  if (TPS_IS_STAGE (object))
    return tps_stage_get_name (TPS_STAGE (object));
  if (TPS_IS_CHANNEL (object))
    return tps_channel_get_name (TPS_CHANNEL (object));
  if (TPS_IS_PERSONA (object))
    return tps_persona_get_name (TPS_PERSONA (object));
  return "";
}

/* "Beratung, Nachsorge" or "None". */
static void
set_names (AdwActionRow *row,
           GListModel   *objects)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (objects);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (objects, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, object_name (object));
    }

  adw_action_row_set_subtitle (row, n > 0 ? names->str : _("None"));
}

/* The name of stage or channel @id: in the project, or one the import
 * creates.
 */
static const char *
name_of (TpsProject *project,
         GListModel *created,
         const char *id)
{
  TpsObject *object = id != NULL ? tps_project_lookup (project, id) : NULL;
  guint n = g_list_model_get_n_items (created);

  if (object != NULL)
    return object_name (G_OBJECT (object));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) item = g_list_model_get_item (created, i);

      if (g_strcmp0 (tps_object_get_id (item), id) == 0)
        return object_name (G_OBJECT (item));
    }

  return "";
}

static void
add_problem_rows (AdwPreferencesGroup *group,
                  GPtrArray           *problems,
                  gboolean             errors)
{
  guint shown = MIN (problems->len, MAX_LISTED);

  gtk_widget_set_visible (GTK_WIDGET (group), problems->len > 0);

  for (guint i = 0; i < shown; i++)
    {
      TpsCsvProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (errors ? "dialog-error-symbolic"
                                                             : "dialog-information-symbolic");
      g_autofree char *title = NULL;

      if (problem->row == 0)
        title = g_strdup (_("The whole file"));
      else if (problem->column != NULL)
        /* Translators: a row of a CSV file, as spreadsheet programs count, and a column */
        title = g_strdup_printf (_("Row %u, column “%s”"), problem->row, problem->column);
      else
        title = g_strdup_printf (_("Row %u"), problem->row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (errors)
        gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (group, row);
    }

  if (problems->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more",
                                                            "and %u more",
                                                            problems->len - shown),
                                               problems->len - shown);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (group, row);
    }
}

/* "New" or "Update", so the preview says what each row will do. */
static GtkWidget *
row_kind_label (gboolean update)
{
  GtkWidget *label = gtk_label_new (update ? C_("csv import row", "Update")
                                           : C_("csv import row", "New"));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, update ? "accent" : "dim-label");
  return label;
}

static void
show_preview (TpsCsvImportDialog *self,
              GFile              *file)
{
  TpsProject *project = tps_document_get_project (self->document);
  GListModel *touchpoints = tps_csv_import_get_touchpoints (self->import);
  GListModel *stages = tps_csv_import_get_new_stages (self->import);
  GListModel *channels = tps_csv_import_get_new_channels (self->import);
  guint n_rows = tps_csv_import_get_n_rows (self->import);
  guint n_valid = g_list_model_get_n_items (touchpoints);
  guint n_invalid = tps_csv_import_dialog_get_n_invalid (self);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *rows = NULL;
  g_autofree char *description = NULL;
  guint n_updates = tps_csv_import_get_n_updates (self->import);
  g_autofree char *count = g_strdup_printf ("%u", n_valid - n_updates);
  g_autofree char *updates = g_strdup_printf ("%u", n_updates);
  const char *separated;

  switch (tps_csv_import_get_separator (self->import))
    {
    case ';':
      separated = _("cells separated by semicolons");
      break;
    case '\t':
      separated = _("cells separated by tabs");
      break;
    default:
      separated = _("cells separated by commas");
      break;
    }

  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n_rows), n_rows);
  description = g_strdup_printf ("%s, %s", rows, separated);
  adw_preferences_group_set_title (self->summary_group, name);
  adw_preferences_group_set_description (self->summary_group, description);

  gtk_label_set_text (self->touchpoints_count, count);
  gtk_label_set_text (self->updates_count, updates);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_row), n_updates > 0);
  set_names (self->stages_row, stages);
  set_names (self->channels_row, channels);
  set_names (self->personas_row, tps_csv_import_get_new_personas (self->import));

  if (n_invalid > 0)
    {
      g_autofree char *left_out = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u row cannot be imported; fix it in the table and import again, or "
                     "import the others without it.",
                     "%u rows cannot be imported; fix them in the table and import again, or "
                     "import the others without them.", n_invalid), n_invalid);

      adw_preferences_group_set_description (self->errors_group, left_out);
    }
  add_problem_rows (self->errors_group, tps_csv_import_get_errors (self->import), TRUE);
  add_problem_rows (self->warnings_group, tps_csv_import_get_warnings (self->import), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->rows_group), n_valid > 0);
  for (guint i = 0; i < MIN (n_valid, MAX_LISTED); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = g_strdup_printf ("%s · %s",
        name_of (project, stages, tps_touchpoint_get_stage_id (touchpoint)),
        name_of (project, channels, tps_touchpoint_get_channel_id (touchpoint)));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tps_touchpoint_get_title (touchpoint));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_kind_label (tps_csv_import_is_update (self->import,
                                                                           touchpoint)));
      adw_preferences_group_add (self->rows_group, row);
    }
  if (n_valid > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more", n_valid - MAX_LISTED),
                                               n_valid - MAX_LISTED);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (self->rows_group, row);
    }

  /* The button says what it will do. */
  if (n_invalid > 0)
    gtk_button_set_label (GTK_BUTTON (self->import_button), _("_Import Valid Rows…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", n_valid > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_failure (TpsCsvImportDialog *self,
              const char         *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The object ----------------------------------------------------------------- */

static void
tps_csv_import_dialog_dispose (GObject *object)
{
  TpsCsvImportDialog *self = TPS_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tps_csv_import_dialog_parent_class)->dispose (object);
}

static void
tps_csv_import_dialog_class_init (TpsCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_csv_import_dialog_dispose;

  /**
   * TpsCsvImportDialog::imported:
   * @n_touchpoints: how many touchpoints were added
   *
   * Emitted after the import, right before the dialog closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, touchpoints_count);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, updates_row);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, updates_count);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, stages_row);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, channels_row);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, personas_row);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, TpsCsvImportDialog, rows_group);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tps_csv_import_dialog_init (TpsCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
}

/**
 * tps_csv_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @document: the document the touchpoints go into
 * @file: the CSV table
 *
 * Reads @file and shows what importing it would do; nothing changes until
 * the user imports.
 *
 * Returns: (transfer none): the dialog, to be presented; it emits
 *   TpsCsvImportDialog::imported after an import
 */
GtkWindow *
tps_csv_import_dialog_new (GtkWindow   *parent,
                           TpsDocument *document,
                           GFile       *file)
{
  TpsCsvImportDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TPS_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);

  if (tps_csv_load_file (file, &data, &length, &error))
    self->import = tps_csv_import_parse (tps_document_get_project (document), data, length,
                                         &error);

  if (self->import == NULL)
    show_failure (self, error->message);
  else
    show_preview (self, file);

  return GTK_WINDOW (self);
}

typedef struct
{
  GtkWindow *parent;
  TpsDocument *document;
  GtkFileChooserNative *chooser;
} Choice;

static void
on_choose_response (GtkNativeDialog *chooser,
                    int              response,
                    Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    gtk_window_present (tps_csv_import_dialog_new (choice->parent, choice->document, file));

  g_clear_weak_pointer (&choice->parent);
  g_object_unref (choice->document);
  g_object_unref (choice->chooser);
  g_free (choice);
}

/**
 * tps_csv_import_dialog_choose:
 *
 * Asks for a CSV file and then shows the import dialog for it.
 */
void
tps_csv_import_dialog_choose (GtkWindow   *parent,
                              TpsDocument *document)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TPS_IS_DOCUMENT (document));

  g_set_weak_pointer (&choice->parent, parent);
  choice->document = g_object_ref (document);
  choice->chooser = gtk_file_chooser_native_new (_("Import Touchpoints"), parent,
                                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                 _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (choice->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Tables (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (choice->chooser), filter);

  g_signal_connect (choice->chooser, "response", G_CALLBACK (on_choose_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (choice->chooser));
}
