/* tps-export-dialog.c
 *
 * One dialog for every export: the format decides which groups of options
 * show, the file chooser comes last, and what each format is, its file's
 * extension and MIME type and its writer come from the core's table of
 * exporters (tps-exporter), the same the command line uses. Paper and
 * orientation are remembered per format while the dialog is open, because
 * a map for the wall and a report for management rarely share a paper.
 *
 * Labels in the files follow the language chosen here, which is handed to
 * the export's thread (tps_i18n_set_thread_language()); the window keeps
 * its own. The export runs in a thread of its own on a copy of the project,
 * so the window stays responsive; a long one shows its progress and can be
 * stopped, and a stopped export leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tps-csv.h"
#include "tps-export-dialog.h"
#include "tps-file-io.h"
#include "tps-view-util.h"
#include "tps-i18n.h"
#include "tps-project-io.h"
#include "tps-map-layout.h"
#include "tps-map-pages.h"
#include "tps-page-layout.h"

/* The formats the dialog offers, in the table's order: all but the project
 * file itself, which is what Save As writes.
 */
#define N_FORMATS (TPS_EXPORT_FORMAT_CSV + 1)

/* cairo's image surfaces stop at this many pixels a side. */
#define MAX_IMAGE_SIDE 32767

struct _TpsExportDialog
{
  AdwWindow parent_instance;

  GtkWidget *export_button;
  AdwPreferencesGroup *format_group;
  AdwComboRow *format_row;
  AdwPreferencesGroup *paper_group;
  AdwComboRow *paper_row;
  GtkSwitch *landscape_switch;
  AdwPreferencesGroup *layout_group;
  AdwComboRow *layout_row;
  AdwComboRow *poster_size_row;
  AdwActionRow *scale_row;
  GtkSpinButton *scale_spin;
  AdwActionRow *overlap_row;
  GtkSpinButton *overlap_spin;
  AdwActionRow *marks_row;
  GtkSwitch *marks_switch;
  AdwPreferencesGroup *lanes_group;
  GtkSwitch *lanes_switch;
  AdwPreferencesGroup *image_group;
  GtkSpinButton *dpi_spin;
  AdwPreferencesGroup *language_group;
  AdwComboRow *language_row;
  AdwPreferencesGroup *table_group;
  AdwComboRow *separator_row;
  GtkSwitch *decimal_comma_switch;
  GtkSwitch *bom_switch;
  GtkSwitch *monitoring_switch;
  AdwPreferencesPage *options_page;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;

  TpsDocument *document;
  GSettings *settings;
  TpsMapLayout *map_layout;        /* as printed, for page counts and image sizes */
  GtkFileChooserNative *chooser;
  GFile *chosen;                   /* waiting to be written */
  GCancellable *exporting;         /* an export is running */
  guint progress_timeout;
  gint progress_permille;          /* written by the export's thread; -1: unknown */
  gboolean close_when_stopped;

  TpsExportFormat paper_format;    /* whose paper the rows show */
  TpsPaper paper[N_FORMATS];
  gboolean landscape[N_FORMATS];
  gboolean valid;                  /* the options make a file */
};

G_DEFINE_FINAL_TYPE (TpsExportDialog, tps_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const languages[] = { "de", "en" };

static TpsProject *
project_of (TpsExportDialog *self)
{
  return tps_document_get_project (self->document);
}

static gboolean
uses (TpsExportFormat format,
      TpsExportUses   group)
{
  return (tps_exporter_get (format)->uses & group) != 0;
}

static const char *
chosen_language (TpsExportDialog *self)
{
  return languages[MIN (adw_combo_row_get_selected (self->language_row), 1)];
}

/* The poster scale the rows ask for: the spin's, or the one that makes the
 * poster as large as the chosen paper.
 */
static double
chosen_scale (TpsExportDialog *self,
              double           margin)
{
  static const TpsPaper posters[] = { TPS_PAPER_A2, TPS_PAPER_A2, TPS_PAPER_A1, TPS_PAPER_A0 };
  guint size = adw_combo_row_get_selected (self->poster_size_row);
  double width, height;

  if (size == 0 || size >= G_N_ELEMENTS (posters))
    return gtk_spin_button_get_value (self->scale_spin) / 100;

  tps_map_layout_get_size (self->map_layout, &width, &height);
  return tps_page_poster_scale_for_paper (width, height, posters[size], margin);
}

static void
map_options (TpsExportDialog     *self,
             TpsMapLayoutOptions *options)
{
  tps_map_layout_options_init_print (options);
  options->hide_empty_lanes = gtk_switch_get_active (self->lanes_switch);
}

/* The map as it will be printed, laid out again when the lanes change. */
static void
update_map_layout (TpsExportDialog *self)
{
  TpsMapLayoutOptions options;

  map_options (self, &options);
  g_clear_object (&self->map_layout);
  self->map_layout = tps_map_layout_new (project_of (self), &options);
}

static void
page_options (TpsExportDialog *self,
              TpsPageOptions  *options)
{
  TpsPaper paper = adw_combo_row_get_selected (self->paper_row);

  tps_page_options_init (options, MIN (paper, TPS_N_PAPERS - 1),
                         gtk_switch_get_active (self->landscape_switch));
  options->hide_empty_lanes = gtk_switch_get_active (self->lanes_switch);
  if (adw_combo_row_get_selected (self->layout_row) == 1)
    {
      options->mode = TPS_PAGE_MODE_POSTER;
      options->scale = chosen_scale (self, options->margin);
      options->overlap = TPS_PAGE_MM (gtk_spin_button_get_value (self->overlap_spin));
      options->crop_marks = gtk_switch_get_active (self->marks_switch);
    }
}

/* What the options make, told under the groups; an impossible poster or
 * image disables the export.
 */
static void
update_summary (TpsExportDialog *self)
{
  TpsExportFormat format = tps_export_dialog_get_format (self);
  double width, height;

  self->valid = TRUE;
  tps_map_layout_get_size (self->map_layout, &width, &height);

  if (uses (format, TPS_EXPORT_USES_POSTER))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(TpsMapPages) pages = NULL;
      TpsPageOptions options;
      TpsPageLayout layout;

      page_options (self, &options);
      if (!tps_page_layout_compute (&layout, &options, width, height, &error))
        {
          summary = g_strdup (error->message);
          self->valid = FALSE;
        }
      else if (options.mode == TPS_PAGE_MODE_FIT
               && (pages = tps_map_pages_new_for_layout (self->map_layout, &options,
                                                          NULL)) != NULL)
        summary = tps_map_pages_describe_fit (pages);
      else
        {
          guint n = tps_page_layout_get_n_tiles (&layout);
          double points = options.scale * TPS_PAGE_POINTS_PER_UNIT;

          /* Translators: a number of pages, then columns × rows, then the
           * poster's size in centimetres
           */
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u page in %u × %u and an assembly page; "
                                                  "the poster is %.0f × %.0f cm.",
                                                  "%u pages in %u × %u and an assembly page; "
                                                  "the poster is %.0f × %.0f cm.", n),
                                     n, layout.columns, layout.rows,
                                     width * points / 72 * 2.54, height * points / 72 * 2.54);
        }
      adw_preferences_group_set_description (self->layout_group, summary);
    }
  else if (uses (format, TPS_EXPORT_USES_ZOOM))
    {
      double scale = gtk_spin_button_get_value (self->dpi_spin) / 96;
      int pixel_width = (int) ceil (width * scale);
      int pixel_height = (int) ceil (height * scale);
      g_autofree char *summary = NULL;

      if (pixel_width > MAX_IMAGE_SIDE || pixel_height > MAX_IMAGE_SIDE)
        {
          summary = g_strdup_printf (_("%d × %d pixels is too large; choose a lower "
                                       "resolution."), pixel_width, pixel_height);
          self->valid = FALSE;
        }
      else
        summary = g_strdup_printf (_("%d × %d pixels."), pixel_width, pixel_height);
      adw_preferences_group_set_description (self->image_group, summary);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", self->valid);
}

/* The list shows two lines an entry: what it is, and the kind of file. */
static void
format_line_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *file_type = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (file_type), 0);
  gtk_widget_add_css_class (file_type, "dim-label");
  gtk_widget_add_css_class (file_type, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), file_type);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
format_line_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint position = MIN (gtk_list_item_get_position (item), N_FORMATS - 1);
  const TpsExporter *exporter = tps_exporter_get (position);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), _(exporter->name));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), _(exporter->file_type));
}

static void
update_visibility (TpsExportDialog *self)
{
  TpsExportFormat format = tps_export_dialog_get_format (self);
  gboolean poster = adw_combo_row_get_selected (self->layout_row) == 1;

  adw_preferences_group_set_description (self->format_group,
                                         _(tps_exporter_get (format)->description));

  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), uses (format, TPS_EXPORT_USES_PAGE));
  gtk_widget_set_visible (GTK_WIDGET (self->layout_group),
                          uses (format, TPS_EXPORT_USES_POSTER));
  gtk_widget_set_visible (GTK_WIDGET (self->poster_size_row), poster);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), poster);
  gtk_widget_set_visible (GTK_WIDGET (self->overlap_row), poster);
  gtk_widget_set_visible (GTK_WIDGET (self->marks_row), poster);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_spin),
                            adw_combo_row_get_selected (self->poster_size_row) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_group), uses (format, TPS_EXPORT_USES_LANES));
  gtk_widget_set_visible (GTK_WIDGET (self->image_group), uses (format, TPS_EXPORT_USES_ZOOM));
  gtk_widget_set_visible (GTK_WIDGET (self->language_group),
                          uses (format, TPS_EXPORT_USES_LABELS));
  gtk_widget_set_visible (GTK_WIDGET (self->table_group), uses (format, TPS_EXPORT_USES_CSV));

  update_summary (self);
}

/* Each paper-using format keeps its own paper and orientation. */
static void
on_format_changed (TpsExportDialog *self)
{
  TpsExportFormat format = tps_export_dialog_get_format (self);

  if (uses (self->paper_format, TPS_EXPORT_USES_PAGE))
    {
      self->paper[self->paper_format] = adw_combo_row_get_selected (self->paper_row);
      self->landscape[self->paper_format] = gtk_switch_get_active (self->landscape_switch);
    }
  if (uses (format, TPS_EXPORT_USES_PAGE))
    {
      adw_combo_row_set_selected (self->paper_row, self->paper[format]);
      gtk_switch_set_active (self->landscape_switch, self->landscape[format]);
      self->paper_format = format;
    }

  update_visibility (self);
}

/* Exporting ---------------------------------------------------------------- */

/* Everything one export needs, taken from the dialog on the main thread,
 * so that the export's thread never touches a widget or the live project.
 */
typedef struct
{
  const TpsExporter *exporter;
  char *project_data;       /* the project as saved: the export loads its own copy */
  gsize project_length;
  GFile *file;
  char *language;           /* the labels' language; %NULL for the window's */
  TpsExportOptions options;
  TpsFileReplaceFlags flags;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->project_data);
  g_clear_object (&job->file);
  g_free (job->language);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (TpsExportDialog     *self,
                GFile               *file,
                TpsFileReplaceFlags  flags)
{
  TpsProject *project = project_of (self);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->exporter = tps_exporter_get (tps_export_dialog_get_format (self));
  job->flags = flags;
  job->project_data = tps_project_save_to_data (project, &job->project_length);
  job->file = g_object_ref (file);
  if (job->exporter->uses & TPS_EXPORT_USES_LABELS)
    job->language = g_strdup (chosen_language (self));

  /* Every group from its rows, shown or not: the writer reads its own. */
  tps_export_options_init (&job->options, tps_project_get_language (project));
  map_options (self, &job->options.map);
  page_options (self, &job->options.page);
  job->options.report.paper = MIN (adw_combo_row_get_selected (self->paper_row),
                                   TPS_N_PAPERS - 1);
  job->options.report.landscape = gtk_switch_get_active (self->landscape_switch);
  job->options.zoom = gtk_spin_button_get_value (self->dpi_spin) / 96;
  job->options.csv.separator = adw_combo_row_get_selected (self->separator_row) == 0 ? ';' : ',';
  job->options.csv.decimal_comma = gtk_switch_get_active (self->decimal_comma_switch);
  job->options.csv.bom = gtk_switch_get_active (self->bom_switch);
  job->options.csv.monitoring = gtk_switch_get_active (self->monitoring_switch);

  return job;
}

/* Runs in any thread. */
static gboolean
export_job_run (ExportJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(TpsProject) project = NULL;
  gboolean ok;

  project = tps_project_load_from_data (job->project_data, job->project_length, error);
  if (project == NULL)
    return FALSE;

  tps_i18n_set_thread_language (job->language);
  tps_file_set_thread_replace_flags (job->flags);

  ok = job->exporter->write (project, &job->options, job->file, cancellable, error);

  tps_file_set_thread_replace_flags (TPS_FILE_REPLACE_NONE);
  tps_i18n_set_thread_language (NULL);
  return ok;
}

/**
 * tps_export_dialog_export_to_file:
 *
 * Writes the project in the chosen format with the chosen options to
 * @file, in the calling thread; tps_export_dialog_export_async() does the
 * same in a thread of its own.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tps_export_dialog_export_to_file (TpsExportDialog  *self,
                                  GFile            *file,
                                  GError          **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (TPS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (self, file, TPS_FILE_REPLACE_NONE);
  return export_job_run (job, NULL, error);
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  TpsExportDialog *self = user_data;

  g_atomic_int_set (&self->progress_permille, (gint) (fraction * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_job_run (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
update_progress (gpointer data)
{
  TpsExportDialog *self = data;
  gint permille = g_atomic_int_get (&self->progress_permille);

  if (permille < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
set_exporting (TpsExportDialog *self,
               GCancellable    *cancellable)
{
  g_set_object (&self->exporting, cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_page), cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", cancellable != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  if (cancellable != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_timeout = g_timeout_add (100, update_progress, self);
    }
}

static void
export_async (TpsExportDialog     *self,
              GFile               *file,
              TpsFileReplaceFlags  flags,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GCancellable) own = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  own = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  job = export_job_new (self, file, flags);
  g_atomic_int_set (&self->progress_permille, -1);
  if (job->exporter->uses & TPS_EXPORT_USES_REPORT)
    {
      job->options.report.progress = report_progress;
      job->options.report.progress_data = self;
      g_atomic_int_set (&self->progress_permille, 0);
    }

  set_exporting (self, own);

  task = g_task_new (self, own, callback, user_data);
  g_task_set_source_tag (task, tps_export_dialog_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * tps_export_dialog_export_async:
 *
 * Like tps_export_dialog_export_to_file(), in a thread of its own: the
 * window stays responsive, the dialog shows the progress and a button that
 * stops the export (or @cancellable does). A stopped export leaves @file as
 * it was. Finish with tps_export_dialog_export_finish().
 */
void
tps_export_dialog_export_async (TpsExportDialog     *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TPS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->exporting == NULL);

  export_async (self, file, TPS_FILE_REPLACE_NONE, cancellable, callback, user_data);
}

gboolean
tps_export_dialog_export_finish (TpsExportDialog  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  set_exporting (self, NULL);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Stops a running export, as its Stop button does. */
void
tps_export_dialog_cancel (TpsExportDialog *self)
{
  g_return_if_fail (TPS_IS_EXPORT_DIALOG (self));

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tps_export_dialog_cancel (TPS_EXPORT_DIALOG (widget));
}

static void
show_error (TpsExportDialog *self,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TpsExportDialog *self = TPS_EXPORT_DIALOG (source);
  GFile *file = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = tps_export_dialog_export_finish (self, result, &error);

  if (self->close_when_stopped)
    gtk_window_close (GTK_WINDOW (self));
  else if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
  else if (ok)
    {
      g_signal_emit (self, signals[EXPORTED], 0, file);
      gtk_window_close (GTK_WINDOW (self));
    }

  g_object_unref (file);
}

static void
start_export (TpsExportDialog     *self,
              GFile               *file,
              TpsFileReplaceFlags  flags)
{
  export_async (self, file, flags, NULL, on_exported, g_object_ref (file));
}

static void
on_protected_response (AdwMessageDialog *dialog,
                       const char       *response,
                       TpsExportDialog  *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->chosen);

  if (g_strcmp0 (response, "overwrite") == 0 && file != NULL && self->exporting == NULL)
    start_export (self, file, TPS_FILE_REPLACE_READ_ONLY);
}

/* A write-protected file is replaced only when the user says so, before
 * the export starts rather than after it; it stays write-protected.
 */
static void
confirm_protected (TpsExportDialog *self,
                   GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;

  g_set_object (&self->chosen, file);
  dialog = tps_confirm_overwrite_protected (GTK_WINDOW (self), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_protected_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_chosen (gpointer data)
{
  g_autoptr(TpsExportDialog) self = data;
  g_autoptr(GFile) file = g_steal_pointer (&self->chosen);

  if (file == NULL || self->document == NULL || self->exporting != NULL)
    return;

  if (tps_file_is_write_protected (file))
    confirm_protected (self, file);
  else
    start_export (self, file, TPS_FILE_REPLACE_NONE);
}

/* Closing the dialog while it exports stops the export first; the dialog
 * closes once the thread has let go of the file.
 */
static gboolean
on_close_request (TpsExportDialog *self)
{
  if (self->exporting == NULL)
    return FALSE;

  self->close_when_stopped = TRUE;
  g_cancellable_cancel (self->exporting);
  return TRUE;
}

/* The export runs once the file chooser is gone, so that it does not stay
 * on screen while the file is written, and so that closing this window
 * does not pull it away from under its own response.
 */
static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     TpsExportDialog *self)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  tps_export_dialog_export_file (self, file);
  g_object_unref (file);
}

/**
 * tps_export_dialog_export_file:
 *
 * Exports to @file as when the user chose it in the file chooser: asks
 * first when @file is write-protected, then exports in a thread; on
 * success emits ::exported and closes the dialog, on failure says why.
 */
void
tps_export_dialog_export_file (TpsExportDialog *self,
                               GFile           *file)
{
  g_return_if_fail (TPS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->chosen, file);
  g_idle_add_once (export_chosen, g_object_ref (self));
}

/**
 * tps_export_dialog_suggest_name:
 *
 * Returns: (transfer full): a file name for the export: the project file's
 *   name (or the project's title) with the format's extension
 */
char *
tps_export_dialog_suggest_name (TpsExportDialog *self)
{
  TpsExportFormat format = tps_export_dialog_get_format (self);
  const char *extension = tps_exporter_get (format)->extension;
  GFile *file = tps_document_get_file (self->document);
  const char *title = tps_project_get_title (project_of (self));
  g_autofree char *base = NULL;
  char *dot;

  if (file != NULL)
    base = g_file_get_basename (file);
  else if (title != NULL && *title != '\0')
    base = g_strdelimit (g_strdup (title), "/\\:", '-');
  else
    base = g_strdup (_("journey-map"));

  dot = strrchr (base, '.');
  if (file != NULL && dot != NULL && dot != base)
    *dot = '\0';

  if (format == TPS_EXPORT_FORMAT_PDF_REPORT)
    {
      /* Translators: the file name of a report; %s is the project's */
      g_autofree char *named = g_strdup_printf (_("%s report"), base);

      return g_strdup_printf ("%s.%s", named, extension);
    }

  return g_strdup_printf ("%s.%s", base, extension);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpsExportDialog *self = TPS_EXPORT_DIALOG (widget);
  const TpsExporter *exporter = tps_exporter_get (tps_export_dialog_get_format (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = tps_export_dialog_suggest_name (self);
  g_autofree char *pattern = NULL;
  GFile *document_file = tps_document_get_file (self->document);

  if (self->chooser != NULL || !self->valid)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, adw_combo_row_get_selected (self->format_row) < N_FORMATS
                            ? gtk_string_object_get_string (adw_combo_row_get_selected_item (
                                                              self->format_row)) : "");
  pattern = g_strconcat ("*.", exporter->extension, NULL);
  gtk_file_filter_add_mime_type (filter, exporter->mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (document_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (document_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The object ----------------------------------------------------------------- */

static void
tps_export_dialog_dispose (GObject *object)
{
  TpsExportDialog *self = TPS_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->map_layout);
  g_clear_object (&self->chosen);
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);

  G_OBJECT_CLASS (tps_export_dialog_parent_class)->dispose (object);
}

static void
tps_export_dialog_class_init (TpsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tps_export_dialog_dispose;

  /**
   * TpsExportDialog::exported:
   * @file: the file written
   *
   * Emitted when a file was written, right before the dialog closes; the
   * window tells the user with a toast.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/touchpointstudio/TouchpointStudio/tps-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, paper_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, layout_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, poster_size_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, overlap_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, overlap_spin);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, marks_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, marks_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, lanes_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, lanes_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, language_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, table_group);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, decimal_comma_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, monitoring_switch);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TpsExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tps_export_dialog_init (TpsExportDialog *self)
{
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  tps_accessible_name_controls (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", FALSE);
  tps_combo_row_show_whole_value (self->format_row);
  {
    g_autoptr(GtkListItemFactory) lines = gtk_signal_list_item_factory_new ();

    g_signal_connect (lines, "setup", G_CALLBACK (format_line_setup), NULL);
    g_signal_connect (lines, "bind", G_CALLBACK (format_line_bind), NULL);
    adw_combo_row_set_list_factory (self->format_row, lines);
  }
  tps_combo_row_show_whole_value (self->layout_row);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  for (guint i = 0; i < TPS_N_PAPERS; i++)
    gtk_string_list_append (papers, tps_paper_get_label (i));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (papers));
}

static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* The project's language when it has one we translate to, else the UI's. */
static guint
default_language (TpsProject *project)
{
  const char *language = tps_project_get_language (project);
  const char * const *names = g_get_language_names ();

  if (language != NULL && g_str_has_prefix (language, "de"))
    return 0;
  if (language != NULL && g_str_has_prefix (language, "en"))
    return 1;

  return names[0] != NULL && g_str_has_prefix (names[0], "de") ? 0 : 1;
}

/**
 * tps_export_dialog_new:
 * @parent: the window the dialog belongs to
 * @document: the document to export
 *
 * Returns: (transfer none): the dialog, to be presented; it emits
 *   TpsExportDialog::exported with the file written
 */
GtkWindow *
tps_export_dialog_new (GtkWindow   *parent,
                       TpsDocument *document)
{
  TpsExportDialog *self;
  TpsProject *project;
  TpsCsvOptions csv;
  TpsPaper paper = TPS_PAPER_A3;
  gboolean landscape = TRUE;
  guint language;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->settings = app_settings ();
  project = project_of (self);
  update_map_layout (self);

  if (self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "default-paper");

      tps_paper_parse (name, &paper);
      landscape = g_settings_get_boolean (self->settings, "default-landscape");
    }
  self->paper[TPS_EXPORT_FORMAT_PDF_MAP] = paper;
  self->landscape[TPS_EXPORT_FORMAT_PDF_MAP] = landscape;
  self->paper[TPS_EXPORT_FORMAT_PDF_REPORT] = TPS_PAPER_A4;
  self->landscape[TPS_EXPORT_FORMAT_PDF_REPORT] = FALSE;
  self->paper_format = TPS_EXPORT_FORMAT_PDF_MAP;
  adw_combo_row_set_selected (self->paper_row, paper);
  gtk_switch_set_active (self->landscape_switch, landscape);

  language = default_language (project);
  adw_combo_row_set_selected (self->language_row, language);

  /* The table's defaults: what spreadsheet programs in the project's
   * language expect, unless the preferences name a separator.
   */
  tps_csv_options_init (&csv, languages[language]);
  if (self->settings != NULL)
    {
      g_autofree char *separator = g_settings_get_string (self->settings, "csv-separator");

      if (g_strcmp0 (separator, "comma") == 0)
        csv.separator = ',';
      else if (g_strcmp0 (separator, "semicolon") == 0)
        csv.separator = ';';
    }
  adw_combo_row_set_selected (self->separator_row, csv.separator == ';' ? 0 : 1);
  gtk_switch_set_active (self->decimal_comma_switch, csv.decimal_comma);
  gtk_switch_set_active (self->bom_switch, csv.bom);
  gtk_switch_set_active (self->monitoring_switch, csv.monitoring);

  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (on_format_changed), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->poster_size_row, "notify::selected",
                            G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected",
                            G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->landscape_switch, "notify::active",
                            G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->scale_spin, "value-changed", G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->overlap_spin, "value-changed",
                            G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->marks_switch, "notify::active",
                            G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->lanes_switch, "notify::active",
                            G_CALLBACK (update_map_layout), self);
  g_signal_connect_swapped (self->lanes_switch, "notify::active",
                            G_CALLBACK (update_summary), self);

  update_visibility (self);

  return GTK_WINDOW (self);
}

void
tps_export_dialog_set_format (TpsExportDialog *self,
                              TpsExportFormat  format)
{
  g_return_if_fail (TPS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

TpsExportFormat
tps_export_dialog_get_format (TpsExportDialog *self)
{
  g_return_val_if_fail (TPS_IS_EXPORT_DIALOG (self), TPS_EXPORT_FORMAT_PDF_MAP);

  return MIN (adw_combo_row_get_selected (self->format_row), N_FORMATS - 1);
}
