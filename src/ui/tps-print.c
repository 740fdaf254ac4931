/* tps-print.c
 *
 * Printing lays the map out with the paper and margins of the print
 * dialog's page setup and then draws each page with TpsMapPages, the code
 * behind the PDF export; so the paper, the preview and the PDF show the
 * same pages. The operation uses the full page in points and keeps its
 * own margin (at least the printer's), as the PDF writer does.
 *
 * The layout choices of the "Journey Map" tab travel in the print
 * settings under keys of our own, so they are remembered with the rest of
 * the print settings in GSettings.
 *
 * The preview is our own window: GTK's default preview hands a PDF to an
 * external viewer that many systems do not have.
 *
 * "Print to File" never writes the chosen file itself: GTK's file printer
 * writes into a folder of our own, and only a finished job is copied over
 * the chosen file through the atomic writer (tps-file-io), so a full disk
 * or a cancelled job leaves the old file as it was, a symlink stays a
 * link, and a write-protected file is replaced only when the user says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "tps-view-util.h"
#include "tps-file-io.h"
#include "tps-map-layout.h"
#include "tps-map-pages.h"
#include "tps-print.h"

#define KEY_LAYOUT     "touchpoint-studio-layout"
#define KEY_SCALE      "touchpoint-studio-scale"
#define KEY_OVERLAP    "touchpoint-studio-overlap-mm"
#define KEY_CROP_MARKS "touchpoint-studio-crop-marks"
#define KEY_ALL_LANES  "touchpoint-studio-all-lanes"

struct _TpsPrintOperation
{
  GtkPrintOperation parent_instance;

  TpsProject *project;
  GSettings *settings;
  TpsMapLayout *map_layout;    /* as printed: print style, the lanes asked for */
  TpsMapPages *pages;          /* for the page setup of this run */
  GError *error;               /* why begin-print gave up */
  GtkWindow *parent;           /* weak */
  struct _Preview *preview;    /* the preview window, while open */

  TpsPageMode mode;
  double scale;                /* 1 = natural size */
  double overlap;              /* points */
  gboolean crop_marks;
  gboolean hide_empty_lanes;

  /* The custom tab, while the dialog shows it. */
  GtkWidget *fit_check;
  GtkWidget *poster_check;
  GtkWidget *scale_spin;
  GtkWidget *overlap_spin;
  GtkWidget *marks_check;
  GtkWidget *lanes_check;
  GtkWidget *summary_label;
  GtkPageSetup *tab_page_setup;

  /* Print to File: where the user wants it, and where GTK writes it. */
  char *output_uri;
  char *output_dir;
  char *output_path;
};

G_DEFINE_FINAL_TYPE (TpsPrintOperation, tps_print_operation, GTK_TYPE_PRINT_OPERATION)

static void redirect_file_output (TpsPrintOperation *self,
                                  GtkPrintSettings  *print_settings);

/* Settings ----------------------------------------------------------------- */

static GtkPaperSize *
paper_size_for (TpsPaper paper)
{
  static const char * const names[TPS_N_PAPERS] = {
    [TPS_PAPER_A4] = GTK_PAPER_NAME_A4,
    [TPS_PAPER_A3] = "iso_a3",
    [TPS_PAPER_A2] = "iso_a2",
    [TPS_PAPER_A1] = "iso_a1",
    [TPS_PAPER_A0] = "iso_a0",
    [TPS_PAPER_LETTER] = GTK_PAPER_NAME_LETTER,
    [TPS_PAPER_TABLOID] = "na_ledger",
  };

  return gtk_paper_size_new (names[paper]);
}

/* The page setup of the last print, or the default paper of the
 * preferences the first time.
 */
static void
restore_settings (TpsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPrintSettings) print_settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GVariant) stored_settings = NULL;
  g_autoptr(GVariant) stored_setup = NULL;

  if (self->settings != NULL)
    {
      stored_settings = g_settings_get_value (self->settings, "print-settings");
      stored_setup = g_settings_get_value (self->settings, "page-setup");
    }

  if (stored_settings != NULL && g_variant_n_children (stored_settings) > 0)
    print_settings = gtk_print_settings_new_from_gvariant (stored_settings);
  else
    print_settings = gtk_print_settings_new ();

  if (stored_setup != NULL && g_variant_n_children (stored_setup) > 0)
    page_setup = gtk_page_setup_new_from_gvariant (stored_setup);

  if (page_setup == NULL)
    {
      TpsPaper paper = TPS_PAPER_A3;
      gboolean landscape = TRUE;
      GtkPaperSize *size;

      if (self->settings != NULL)
        {
          g_autofree char *name = g_settings_get_string (self->settings, "default-paper");

          tps_paper_parse (name, &paper);
          landscape = g_settings_get_boolean (self->settings, "default-landscape");
        }

      page_setup = gtk_page_setup_new ();
      size = paper_size_for (paper);
      gtk_page_setup_set_paper_size_and_default_margins (page_setup, size);
      gtk_paper_size_free (size);
      gtk_page_setup_set_orientation (page_setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
    }

  if (g_strcmp0 (gtk_print_settings_get (print_settings, KEY_LAYOUT), "poster") == 0)
    self->mode = TPS_PAGE_MODE_POSTER;
  self->scale = CLAMP (gtk_print_settings_get_double_with_default (print_settings, KEY_SCALE,
                                                                   self->scale), 0.05, 10);
  self->overlap = TPS_PAGE_MM (CLAMP (gtk_print_settings_get_double_with_default (
                                        print_settings, KEY_OVERLAP,
                                        self->overlap * 25.4 / 72), 0, 30));
  if (gtk_print_settings_has_key (print_settings, KEY_CROP_MARKS))
    self->crop_marks = gtk_print_settings_get_bool (print_settings, KEY_CROP_MARKS);
  if (gtk_print_settings_has_key (print_settings, KEY_ALL_LANES))
    self->hide_empty_lanes = !gtk_print_settings_get_bool (print_settings, KEY_ALL_LANES);

  gtk_print_operation_set_print_settings (operation, print_settings);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
}

static void
store_settings (TpsPrintOperation *self,
                GtkPageSetup      *page_setup)
{
  GtkPrintSettings *print_settings;

  if (self->settings == NULL)
    return;

  print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (print_settings != NULL)
    {
      g_autoptr(GtkPrintSettings) remembered = gtk_print_settings_copy (print_settings);

      /* The file the user chose, not the one GTK writes first. */
      if (self->output_uri != NULL)
        gtk_print_settings_set (remembered, GTK_PRINT_SETTINGS_OUTPUT_URI, self->output_uri);
      print_settings = remembered;
      gtk_print_settings_set (print_settings, KEY_LAYOUT,
                              self->mode == TPS_PAGE_MODE_POSTER ? "poster" : "fit");
      gtk_print_settings_set_double (print_settings, KEY_SCALE, self->scale);
      gtk_print_settings_set_double (print_settings, KEY_OVERLAP, self->overlap * 25.4 / 72);
      gtk_print_settings_set_bool (print_settings, KEY_CROP_MARKS, self->crop_marks);
      gtk_print_settings_set_bool (print_settings, KEY_ALL_LANES, !self->hide_empty_lanes);
      g_settings_set_value (self->settings, "print-settings",
                            gtk_print_settings_to_gvariant (print_settings));
    }

  if (page_setup != NULL)
    g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
}

/* Pages -------------------------------------------------------------------- */

/**
 * tps_print_operation_get_page_options:
 *
 * What the pages of @page_setup look like with the operation's layout: the
 * paper in points with its orientation, and a margin of 10 mm or the
 * printer's, whichever is larger. The same options given to
 * tps_export_pdf() give the same pages.
 */
void
tps_print_operation_get_page_options (TpsPrintOperation *self,
                                      GtkPageSetup      *page_setup,
                                      TpsPageOptions    *options)
{
  double margin;

  g_return_if_fail (TPS_IS_PRINT_OPERATION (self));
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  tps_page_options_init (options, TPS_PAPER_A4, FALSE);
  options->paper_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  options->paper_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);

  margin = MAX (gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS),
                gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS));
  margin = MAX (margin, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS));
  margin = MAX (margin, gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS));
  options->margin = MAX (options->margin, margin);

  options->mode = self->mode;
  options->scale = self->scale;
  options->overlap = self->overlap;
  options->crop_marks = self->crop_marks;
  options->hide_empty_lanes = self->hide_empty_lanes;
}

/* The map as printed; laid out again when the lanes asked for change. */
static TpsMapLayout *
map_layout (TpsPrintOperation *self,
            gboolean           hide_empty_lanes)
{
  TpsMapLayoutOptions options;

  if (self->map_layout != NULL
      && tps_map_layout_get_options (self->map_layout)->hide_empty_lanes == hide_empty_lanes)
    return self->map_layout;

  tps_map_layout_options_init_print (&options);
  options.hide_empty_lanes = hide_empty_lanes;
  g_clear_object (&self->map_layout);
  self->map_layout = tps_map_layout_new (self->project, &options);

  return self->map_layout;
}

static void
tps_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  TpsPageOptions options;

  g_clear_object (&self->pages);
  g_clear_error (&self->error);

  tps_print_operation_get_page_options (self, page_setup, &options);
  self->pages = tps_map_pages_new_for_layout (map_layout (self, options.hide_empty_lanes),
                                              &options, &self->error);

  if (self->pages == NULL)
    {
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, tps_map_pages_get_n_pages (self->pages));
  store_settings (self, page_setup);
}

static void
tps_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);

  if (self->pages == NULL || page_nr < 0
      || (guint) page_nr >= tps_map_pages_get_n_pages (self->pages))
    return;

  tps_map_pages_draw_page (self->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

/* The Journey Map tab ------------------------------------------------------ */

static void
update_tab (TpsPrintOperation *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(TpsMapPages) pages = NULL;
  TpsPageOptions options;
  TpsPageLayout layout;
  TpsMapLayout *map;
  gboolean poster;
  double width, height;

  if (self->fit_check == NULL)
    return;

  poster = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->poster_check));
  gtk_widget_set_sensitive (self->scale_spin, poster);
  gtk_widget_set_sensitive (self->overlap_spin, poster);
  gtk_widget_set_sensitive (self->marks_check, poster);

  if (self->tab_page_setup == NULL)
    return;

  tps_print_operation_get_page_options (self, self->tab_page_setup, &options);
  options.mode = poster ? TPS_PAGE_MODE_POSTER : TPS_PAGE_MODE_FIT;
  options.scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin)) / 100;
  options.overlap = TPS_PAGE_MM (gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->overlap_spin)));
  options.crop_marks = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->marks_check));
  options.hide_empty_lanes = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->lanes_check));

  map = map_layout (self, options.hide_empty_lanes);
  tps_map_layout_get_size (map, &width, &height);
  if (!tps_page_layout_compute (&layout, &options, width, height, &error))
    summary = g_strdup (error->message);
  else if (!poster && (pages = tps_map_pages_new_for_layout (map, &options, NULL)) != NULL)
    summary = tps_map_pages_describe_fit (pages);
  else
    {
      guint n = tps_page_layout_get_n_tiles (&layout);

      /* Translators: the first %u is a number of pages, then columns × rows */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u page in %u × %u, and an assembly page.",
                                              "%u pages in %u × %u, and an assembly page.", n),
                                 n, layout.columns, layout.rows);
    }

  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
}

static GtkWidget *
tab_label (const char *mnemonic,
           GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
tps_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *unit;
  GtkAdjustment *adjustment;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);

  self->fit_check = gtk_check_button_new_with_mnemonic (_("_Fit to the page, split where too small"));
  self->poster_check = gtk_check_button_new_with_mnemonic (_("_Poster over several pages"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->poster_check),
                              GTK_CHECK_BUTTON (self->fit_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->mode == TPS_PAGE_MODE_POSTER
                                                 ? self->poster_check : self->fit_check),
                               TRUE);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Layout")), 0, 0, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0), GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), self->fit_check, 1, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), self->poster_check, 1, 1, 2, 1);

  adjustment = gtk_adjustment_new (self->scale * 100, 5, 1000, 5, 25, 0);
  self->scale_spin = gtk_spin_button_new (adjustment, 5, 0);
  unit = gtk_label_new ("%");
  gtk_widget_set_halign (unit, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), tab_label (_("_Scale"), self->scale_spin), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->scale_spin, 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), unit, 2, 2, 1, 1);

  adjustment = gtk_adjustment_new (self->overlap * 25.4 / 72, 0, 30, 1, 5, 0);
  self->overlap_spin = gtk_spin_button_new (adjustment, 1, 0);
  /* Translators: millimetres */
  unit = gtk_label_new (_("mm"));
  gtk_widget_set_halign (unit, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), tab_label (_("_Overlap"), self->overlap_spin), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->overlap_spin, 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), unit, 2, 3, 1, 1);

  self->marks_check = gtk_check_button_new_with_mnemonic (_("_Crop and glue marks"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->marks_check), self->crop_marks);
  gtk_grid_attach (GTK_GRID (grid), self->marks_check, 1, 4, 2, 1);

  self->lanes_check = gtk_check_button_new_with_mnemonic (_("_Leave out empty lanes"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->lanes_check), self->hide_empty_lanes);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new (_("Channels")), 0, 5, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (GTK_GRID (grid), 0, 5), GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), self->lanes_check, 1, 5, 2, 1);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->summary_label), 40);
  gtk_widget_add_css_class (self->summary_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), self->summary_label, 1, 6, 2, 1);

  g_signal_connect_swapped (self->poster_check, "toggled", G_CALLBACK (update_tab), self);
  g_signal_connect_swapped (self->scale_spin, "value-changed", G_CALLBACK (update_tab), self);
  g_signal_connect_swapped (self->overlap_spin, "value-changed", G_CALLBACK (update_tab), self);
  g_signal_connect_swapped (self->marks_check, "toggled", G_CALLBACK (update_tab), self);
  g_signal_connect_swapped (self->lanes_check, "toggled", G_CALLBACK (update_tab), self);

  /* The widgets go with the dialog; forget them then. */
  g_object_add_weak_pointer (G_OBJECT (self->fit_check), (gpointer *) &self->fit_check);

  update_tab (self);
  return grid;
}

static void
tps_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                          GtkWidget         *widget,
                                          GtkPageSetup      *setup,
                                          GtkPrintSettings  *settings)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);

  g_set_object (&self->tab_page_setup, setup);
  update_tab (self);
}

static void
tps_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);

  /* GTK has just set the dialog's settings on the operation, and prints
   * with that very object.
   */
  if (print_settings != NULL)
    redirect_file_output (self, print_settings);

  if (self->fit_check == NULL)
    return;

  tps_print_operation_set_layout (self,
    gtk_check_button_get_active (GTK_CHECK_BUTTON (self->poster_check))
      ? TPS_PAGE_MODE_POSTER : TPS_PAGE_MODE_FIT,
    gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin)) / 100,
    TPS_PAGE_MM (gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->overlap_spin))),
    gtk_check_button_get_active (GTK_CHECK_BUTTON (self->marks_check)));
  self->hide_empty_lanes = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->lanes_check));
}

/* Print to File ------------------------------------------------------------- */

static void
remove_output_dir (TpsPrintOperation *self)
{
  if (self->output_path != NULL)
    g_unlink (self->output_path);
  if (self->output_dir != NULL)
    g_rmdir (self->output_dir);
  g_clear_pointer (&self->output_path, g_free);
  g_clear_pointer (&self->output_dir, g_free);
}

/* Points GTK's file printer at a file in a folder of our own; the chosen
 * file is replaced when the job has finished (finish_file_output).
 */
static void
redirect_file_output (TpsPrintOperation *self,
                      GtkPrintSettings  *print_settings)
{
  const char *uri = gtk_print_settings_get (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *output_uri = NULL;

  if (uri == NULL || self->output_path != NULL)
    return;

  target = g_file_new_for_uri (uri);
  if (!g_file_is_native (target))
    return;

  self->output_dir = g_dir_make_tmp ("touchpoint-studio-print-XXXXXX", &error);
  if (self->output_dir == NULL)
    {
      g_warning ("Printing to “%s” directly: %s", uri, error->message);
      return;
    }

  basename = g_file_get_basename (target);
  self->output_path = g_build_filename (self->output_dir, basename, NULL);
  self->output_uri = g_strdup (uri);
  output_uri = g_filename_to_uri (self->output_path, NULL, NULL);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, output_uri);
  gtk_print_operation_set_track_print_status (GTK_PRINT_OPERATION (self), TRUE);
}

static void show_error (GtkWindow  *parent,
                        const char *message);

static gboolean
copy_output (TpsPrintOperation    *self,
             TpsFileReplaceFlags   flags,
             GError              **error)
{
  g_autoptr(GFile) target = g_file_new_for_uri (self->output_uri);
  g_autoptr(GFile) printed = g_file_new_for_path (self->output_path);
  g_autofree char *contents = NULL;
  gsize length;

  return tps_file_load (printed, G_MAXSIZE, &contents, &length, NULL, error)
         && tps_file_replace_contents (target, contents, length, flags, error);
}

static void
on_overwrite_response (AdwMessageDialog  *dialog,
                       const char        *response,
                       TpsPrintOperation *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "overwrite") == 0
      && !copy_output (self, TPS_FILE_REPLACE_READ_ONLY, &error)
      && self->parent != NULL)
    show_error (self->parent, error->message);

  remove_output_dir (self);
  g_object_unref (self);
}

/* The job has written its file: it replaces the chosen one, or asks first
 * when that one is write-protected.
 */
static void
finish_file_output (TpsPrintOperation *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  if (copy_output (self, TPS_FILE_REPLACE_NONE, &error))
    {
      remove_output_dir (self);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) || self->parent == NULL)
    {
      if (self->parent != NULL)
        show_error (self->parent, error->message);
      else
        {
          g_clear_error (&self->error);
          g_propagate_error (&self->error, g_steal_pointer (&error));
        }
      remove_output_dir (self);
      return;
    }

  name = g_filename_display_basename (self->output_path);
  dialog = tps_confirm_overwrite_protected (self->parent, name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response),
                    g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tps_print_operation_status_changed (GtkPrintOperation *operation)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);

  if (self->output_path == NULL)
    return;

  switch ((int) gtk_print_operation_get_status (operation))
    {
    case GTK_PRINT_STATUS_FINISHED:
      finish_file_output (self);
      break;

    case GTK_PRINT_STATUS_FINISHED_ABORTED:
      remove_output_dir (self);
      break;

    default:
      break;
    }
}

/**
 * tps_print_operation_get_file_error:
 *
 * Returns: (nullable): why the printed file could not replace the chosen
 *   one, when there was no window to tell
 */
const GError *
tps_print_operation_get_file_error (TpsPrintOperation *self)
{
  g_return_val_if_fail (TPS_IS_PRINT_OPERATION (self), NULL);

  return self->error;
}

/* The preview -------------------------------------------------------------- */

typedef struct _Preview
{
  TpsPrintOperation *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext *context;
  GtkWidget *window;
  GtkWidget *area;
  GtkWidget *title;
  GtkWidget *previous;
  GtkWidget *next;
  guint page;
  guint n_pages;
  gboolean ready;
  gboolean ended;
} Preview;

static void
preview_free (Preview *preview)
{
  if (preview->operation->preview == preview)
    preview->operation->preview = NULL;
  g_object_unref (preview->operation);
  g_object_unref (preview->context);
  g_free (preview);
}

static void
preview_update (Preview *preview)
{
  g_autofree char *number = NULL;

  if (preview->n_pages > 0)
    number = tps_page_format_number (preview->page + 1, preview->n_pages);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (preview->title), number ? number : "");
  gtk_widget_set_sensitive (preview->previous, preview->ready && preview->page > 0);
  gtk_widget_set_sensitive (preview->next, preview->ready && preview->page + 1 < preview->n_pages);
  gtk_widget_queue_draw (preview->area);
}

/* Draws the current page scaled to the window, through the operation's
 * own draw-page, as on paper.
 */
static void
preview_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  Preview *preview = data;
  GtkPageSetup *page_setup;
  GdkRGBA ink;
  double paper_width, paper_height, zoom, x, y;

  if (!preview->ready || preview->ended)
    return;

  page_setup = gtk_print_context_get_page_setup (preview->context);
  paper_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  paper_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  zoom = MIN ((width - 48) / paper_width, (height - 48) / paper_height);
  if (zoom <= 0)
    return;
  x = floor ((width - paper_width * zoom) / 2);
  y = floor ((height - paper_height * zoom) / 2);

  /* The sheet is white whatever the style, as paper is; its edge and
   * shadow take the text colour so that it stands out in both.
   */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &ink);
  for (int i = 3; i > 0; i--)
    {
      cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.06);
      cairo_rectangle (cr, x - i + 1, y - i + 2, paper_width * zoom + 2 * i - 2,
                       paper_height * zoom + 2 * i - 1);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, paper_width * zoom, paper_height * zoom);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, paper_width * zoom, paper_height * zoom);
  cairo_clip (cr);
  gtk_print_context_set_cairo_context (preview->context, cr, 72 * zoom, 72 * zoom);
  gtk_print_operation_preview_render_page (preview->preview, preview->page);
  cairo_restore (cr);
}

static void
on_preview_ready (GtkPrintOperationPreview *print_preview,
                  GtkPrintContext          *context,
                  Preview                  *preview)
{
  preview->ready = TRUE;
  preview->n_pages = preview->operation->pages != NULL
                     ? tps_map_pages_get_n_pages (preview->operation->pages) : 0;
  preview->page = 0;
  preview_update (preview);
}

static void
on_previous_clicked (Preview *preview)
{
  if (preview->page > 0)
    preview->page--;
  preview_update (preview);
}

static void
on_next_clicked (Preview *preview)
{
  if (preview->page + 1 < preview->n_pages)
    preview->page++;
  preview_update (preview);
}

static gboolean
on_preview_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Preview               *preview)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Up:
      on_previous_clicked (preview);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Down:
    case GDK_KEY_space:
      on_next_clicked (preview);
      return TRUE;
    case GDK_KEY_Home:
      preview->page = 0;
      preview_update (preview);
      return TRUE;
    case GDK_KEY_End:
      preview->page = preview->n_pages > 0 ? preview->n_pages - 1 : 0;
      preview_update (preview);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (preview->window));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_preview_destroy (Preview *preview)
{
  /* Closing the window ends the preview, and with it the operation,
   * unless the operation ended first (it failed to lay the pages out).
   */
  if (!preview->ended)
    {
      preview->ended = TRUE;
      gtk_print_operation_preview_end_preview (preview->preview);
    }
  preview_free (preview);
}

static gboolean
tps_print_operation_preview (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *print_preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *header, *box;
  GtkEventController *keys;
  cairo_surface_t *scratch;
  cairo_t *cr;

  preview->operation = g_object_ref (self);
  preview->preview = print_preview;
  self->preview = preview;
  preview->context = g_object_ref (context);

  /* GTK wants a cairo context on the print context before it paginates;
   * the real one comes with each draw.
   */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  preview->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (preview->window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (preview->window), 1000, 760);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (preview->window), parent);
      gtk_window_set_modal (GTK_WINDOW (preview->window), TRUE);
    }

  header = adw_header_bar_new ();
  preview->title = adw_window_title_new (_("Print Preview"), "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), preview->title);
  preview->previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (preview->previous, _("Previous Page"));
  preview->next = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (preview->next, _("Next Page"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), preview->previous);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), preview->next);

  preview->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (preview->area, TRUE);
  gtk_widget_set_hexpand (preview->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (preview->area), preview_draw, preview, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Printed page"), -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), preview->area);
  adw_window_set_content (ADW_WINDOW (preview->window), box);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_preview_key), preview);
  gtk_widget_add_controller (preview->window, keys);

  g_signal_connect_swapped (preview->previous, "clicked", G_CALLBACK (on_previous_clicked),
                            preview);
  g_signal_connect_swapped (preview->next, "clicked", G_CALLBACK (on_next_clicked), preview);
  g_signal_connect (print_preview, "ready", G_CALLBACK (on_preview_ready), preview);
  g_signal_connect_swapped (preview->window, "destroy", G_CALLBACK (on_preview_destroy),
                            preview);

  preview_update (preview);
  gtk_window_present (GTK_WINDOW (preview->window));

  return TRUE;
}

/* The operation -------------------------------------------------------------- */

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Printing Failed"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tps_print_operation_done (GtkPrintOperation       *operation,
                          GtkPrintOperationResult  result)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  /* A preview whose pages could not be laid out has nothing to show. */
  if (self->preview != NULL && !self->preview->ended)
    {
      self->preview->ended = TRUE;
      gtk_window_destroy (GTK_WINDOW (self->preview->window));
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (self->parent != NULL && error != NULL)
        show_error (self->parent, error->message);
    }
  else if (self->error != NULL && self->parent != NULL)
    show_error (self->parent, self->error->message);
}

static void
tps_print_operation_dispose (GObject *object)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  if (self->fit_check != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->fit_check), (gpointer *) &self->fit_check);
  self->fit_check = NULL;

  G_OBJECT_CLASS (tps_print_operation_parent_class)->dispose (object);
}

static void
tps_print_operation_finalize (GObject *object)
{
  TpsPrintOperation *self = TPS_PRINT_OPERATION (object);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->map_layout);
  g_clear_object (&self->pages);
  g_clear_object (&self->tab_page_setup);
  g_clear_error (&self->error);
  remove_output_dir (self);
  g_free (self->output_uri);

  G_OBJECT_CLASS (tps_print_operation_parent_class)->finalize (object);
}

static void
tps_print_operation_class_init (TpsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = tps_print_operation_dispose;
  object_class->finalize = tps_print_operation_finalize;

  operation_class->begin_print = tps_print_operation_begin_print;
  operation_class->draw_page = tps_print_operation_draw_page;
  operation_class->create_custom_widget = tps_print_operation_create_custom_widget;
  operation_class->update_custom_widget = tps_print_operation_update_custom_widget;
  operation_class->custom_widget_apply = tps_print_operation_custom_widget_apply;
  operation_class->preview = tps_print_operation_preview;
  operation_class->done = tps_print_operation_done;
  operation_class->status_changed = tps_print_operation_status_changed;
}

static void
tps_print_operation_init (TpsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->mode = TPS_PAGE_MODE_FIT;
  self->scale = 1.0;
  self->overlap = TPS_PAGE_MM (10);
  self->crop_marks = TRUE;
  self->hide_empty_lanes = TRUE;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Journey Map"));
}

/**
 * tps_print_operation_new:
 * @settings: (nullable): the application's settings, where the print
 *   settings and page setup are remembered
 *
 * Returns: (transfer full): an operation that prints the journey map of
 *   @project
 */
TpsPrintOperation *
tps_print_operation_new (TpsProject *project,
                         GSettings  *settings)
{
  TpsPrintOperation *self;
  const char *title;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TPS_TYPE_PRINT_OPERATION, NULL);
  self->project = g_object_ref (project);
  self->settings = settings ? g_object_ref (settings) : NULL;
  title = tps_project_get_title (project);
  if (title != NULL && *title != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);

  restore_settings (self);

  return self;
}

/* Sets what the "Journey Map" tab sets: fit or poster, the poster's scale
 * (1 = natural size), the overlap in points and the crop marks.
 */
void
tps_print_operation_set_layout (TpsPrintOperation *self,
                                TpsPageMode        mode,
                                double             scale,
                                double             overlap,
                                gboolean           crop_marks)
{
  g_return_if_fail (TPS_IS_PRINT_OPERATION (self));

  self->mode = mode;
  self->scale = CLAMP (scale, 0.05, 10);
  self->overlap = MAX (overlap, 0);
  self->crop_marks = crop_marks;
}

void
tps_print_operation_get_layout (TpsPrintOperation *self,
                                TpsPageMode       *mode,
                                double            *scale,
                                double            *overlap,
                                gboolean          *crop_marks)
{
  g_return_if_fail (TPS_IS_PRINT_OPERATION (self));

  if (mode != NULL)
    *mode = self->mode;
  if (scale != NULL)
    *scale = self->scale;
  if (overlap != NULL)
    *overlap = self->overlap;
  if (crop_marks != NULL)
    *crop_marks = self->crop_marks;
}

/**
 * tps_print_project:
 * @parent: the window the dialogs belong to
 * @settings: (nullable): the application's settings, to remember the print
 *   settings and page setup in
 *
 * Opens the print dialog for the journey map of @project, with its
 * "Journey Map" tab and preview, and prints it. Returns at once; errors
 * are shown in a dialog on @parent.
 */
void
tps_print_project (GtkWindow  *parent,
                   TpsProject *project,
                   GSettings  *settings)
{
  g_autoptr(TpsPrintOperation) self = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TPS_IS_PROJECT (project));

  self = tps_print_operation_new (project, settings);
  g_set_weak_pointer (&self->parent, parent);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);

  /* Errors arrive in ::done, which shows them. */
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}
