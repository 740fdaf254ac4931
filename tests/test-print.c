/* test-print.c — printing draws what the PDF export writes
 *
 * The print operation runs with GTK_PRINT_OPERATION_ACTION_EXPORT, which
 * sends its pages through the same draw-page path as printing and the
 * preview into a PDF; that PDF must have the pages and text of the core
 * PDF writer's. Runs under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include <gtk/gtkunixprint.h>

#include "tps-export-pdf.h"
#include "tps-print.h"
#include "tps-project-io.h"

static void
flush_events (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static TpsProject *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;

  g_ptr_array_add (args, program);
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "print-settings");
  g_settings_reset (settings, "page-setup");
  return settings;
}

static GtkPageSetup *
page_setup_new (const char *paper,
                gboolean    landscape)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size = gtk_paper_size_new (paper);

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (size);
  return setup;
}

/* Prints @project into @path without a dialog, through the print path. */
static void
print_to_pdf (TpsPrintOperation *operation,
              GtkPageSetup      *setup,
              const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* The printed PDF and the export of the same options have the same pages:
 * their number, size and every line of text.
 */
static void
assert_same_pdf (const char *printed,
                 const char *exported)
{
  g_autofree char *text_a = run_tool ((const char *[]) { "pdftotext", "-layout", printed, "-",
                                                         NULL });
  g_autofree char *text_b = NULL;
  g_autofree char *info_a = NULL;
  g_autofree char *info_b = NULL;
  const char *pages_a, *pages_b, *size_a, *size_b;

  if (text_a == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  text_b = run_tool ((const char *[]) { "pdftotext", "-layout", exported, "-", NULL });
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_nonnull (strstr (text_a, "Stadtwerke Nordlicht"));

  info_a = run_tool ((const char *[]) { "pdfinfo", printed, NULL });
  info_b = run_tool ((const char *[]) { "pdfinfo", exported, NULL });
  pages_a = strstr (info_a, "\nPages:");
  pages_b = strstr (info_b, "\nPages:");
  size_a = strstr (info_a, "\nPage size:");
  size_b = strstr (info_b, "\nPage size:");
  g_assert_nonnull (pages_a);
  g_assert_nonnull (size_a);
  g_assert_cmpint (strcspn (pages_a + 1, "\n"), ==, strcspn (pages_b + 1, "\n"));
  g_assert_cmpint (strncmp (pages_a, pages_b, strcspn (pages_a + 1, "\n") + 1), ==, 0);
  g_assert_cmpint (strncmp (size_a, size_b, strcspn (size_a + 1, "\n") + 1), ==, 0);
}

static void
test_print_fit_equals_pdf (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup_new ("iso_a3", TRUE);
  g_autofree char *printed = temp_path ("printed-a3.pdf");
  g_autofree char *exported = temp_path ("exported-a3.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;

  tps_print_operation_set_layout (operation, TPS_PAGE_MODE_FIT, 1, TPS_PAGE_MM (10), TRUE);
  print_to_pdf (operation, setup, printed);

  /* The options the print path used are those of an A3 landscape export. */
  tps_print_operation_get_page_options (operation, setup, &options);
  g_assert_cmpfloat_with_epsilon (options.paper_width, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (options.margin, TPS_PAGE_MM (10), 1e-6);
  g_assert_true (tps_export_pdf (project, &options, file, NULL, &error));
  g_assert_no_error (error);

  assert_same_pdf (printed, exported);
}

static void
test_print_poster_equals_pdf (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, FALSE);
  g_autofree char *printed = temp_path ("printed-poster.pdf");
  g_autofree char *exported = temp_path ("exported-poster.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(GError) error = NULL;
  TpsPageOptions options;
  g_autofree char *info = NULL;

  tps_print_operation_set_layout (operation, TPS_PAGE_MODE_POSTER, 0.5, TPS_PAGE_MM (8), TRUE);
  print_to_pdf (operation, setup, printed);

  tps_print_operation_get_page_options (operation, setup, &options);
  g_assert_cmpint (options.mode, ==, TPS_PAGE_MODE_POSTER);
  g_assert_true (tps_export_pdf (project, &options, file, NULL, &error));
  g_assert_no_error (error);

  assert_same_pdf (printed, exported);

  /* Several sheets and the overview. */
  info = run_tool ((const char *[]) { "pdfinfo", printed, NULL });
  if (info != NULL)
    g_assert_null (strstr (info, "Pages:           1\n"));
}

static void
test_print_remembers_page_setup (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autoptr(GtkPageSetup) setup = page_setup_new ("iso_a2", TRUE);
  g_autofree char *printed = temp_path ("remembered.pdf");
  GtkPageSetup *restored;
  TpsPageMode mode;
  double scale;
  gboolean marks;

  /* Nothing stored yet: the preferences' default paper, A3 landscape. */
  {
    g_autoptr(TpsPrintOperation) first = tps_print_operation_new (project, settings);

    restored = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (first));
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored)), ==,
                     "iso_a3");
    g_assert_cmpint (gtk_page_setup_get_orientation (restored), ==,
                     GTK_PAGE_ORIENTATION_LANDSCAPE);

    tps_print_operation_set_layout (first, TPS_PAGE_MODE_POSTER, 0.75, TPS_PAGE_MM (12), FALSE);
    print_to_pdf (first, setup, printed);
  }

  /* The next print starts from what was printed last. */
  {
    g_autoptr(TpsPrintOperation) second = tps_print_operation_new (project, settings);

    restored = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored)), ==,
                     "iso_a2");
    g_assert_cmpint (gtk_page_setup_get_orientation (restored), ==,
                     GTK_PAGE_ORIENTATION_LANDSCAPE);

    tps_print_operation_get_layout (second, &mode, &scale, NULL, &marks);
    g_assert_cmpint (mode, ==, TPS_PAGE_MODE_POSTER);
    g_assert_cmpfloat_with_epsilon (scale, 0.75, 1e-6);
    g_assert_false (marks);
  }
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (label == NULL
              || (GTK_IS_CHECK_BUTTON (child)
                  && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)),
                                label) == 0)))
        return child;

      found = find_child (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_custom_tab_applies (void)
{
  g_autoptr(TpsProject) project = load_example ("en/car-dealership.touchpoints");
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, FALSE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *tab = NULL;
  GtkWidget *poster, *spin, *summary;
  TpsPageMode mode;
  double scale;

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  gtk_window_set_child (GTK_WINDOW (window), tab);
  g_signal_emit_by_name (operation, "update-custom-widget", tab, setup,
                         gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation)));

  /* Fit is the default; the scale means nothing then. */
  spin = find_child (tab, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_false (gtk_widget_get_sensitive (spin));

  poster = find_child (tab, GTK_TYPE_CHECK_BUTTON, "_Poster over several pages");
  g_assert_nonnull (poster);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  g_assert_true (gtk_widget_get_sensitive (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 50);

  /* The tab says how many sheets that makes. */
  summary = find_child (tab, GTK_TYPE_LABEL, NULL);
  for (GtkWidget *w = summary; w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "assembly page"))
      summary = w;
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "assembly page"));

  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  tps_print_operation_get_layout (operation, &mode, &scale, NULL, NULL);
  g_assert_cmpint (mode, ==, TPS_PAGE_MODE_POSTER);
  g_assert_cmpfloat_with_epsilon (scale, 0.5, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              guint             *n_drawn)
{
  (*n_drawn)++;
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gboolean                *done)
{
  *done = TRUE;
}

static AdwWindow *
find_preview_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_WINDOW (window)
          && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Print Preview") == 0)
        return ADW_WINDOW (window);
    }

  return NULL;
}

static void
test_preview_draws_pages (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, FALSE);
  g_autoptr(GError) error = NULL;
  AdwWindow *window;
  AdwWindowTitle *title;
  GtkWidget *next;
  guint n_drawn = 0;
  gboolean done = FALSE;
  gint64 until;

  tps_print_operation_set_layout (operation, TPS_PAGE_MODE_POSTER, 0.5, TPS_PAGE_MM (10), TRUE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), &n_drawn);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), &done);

  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                           NULL, &error);
  g_assert_no_error (error);

  /* Wait for the preview to be ready and to draw its first page. */
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (n_drawn == 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  window = find_preview_window ();
  g_assert_nonnull (window);
  g_assert_cmpuint (n_drawn, >, 0);

  title = ADW_WINDOW_TITLE (find_child (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title), "Page 1 of "));

  /* The next button turns to page 2, drawn through draw-page again. */
  next = find_child (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL);
  next = gtk_widget_get_next_sibling (next);
  g_assert_true (GTK_IS_BUTTON (next));
  n_drawn = 0;
  g_signal_emit_by_name (next, "clicked");
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (n_drawn == 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_drawn, >, 0);
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title), "Page 2 of "));

  /* Closing the preview ends the operation. */
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_true (done);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_preview_of_impossible_poster (void)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup_new (GTK_PAPER_NAME_A4, FALSE);
  GtkWidget *parent = gtk_window_new ();
  AdwMessageDialog *dialog;
  gboolean done = FALSE;
  gint64 until;

  gtk_window_present (GTK_WINDOW (parent));
  tps_print_operation_set_layout (operation, TPS_PAGE_MODE_POSTER, 10, TPS_PAGE_MM (10), TRUE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), &done);

  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                           GTK_WINDOW (parent), NULL);
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();

  /* The operation ends, the empty preview goes away. */
  g_assert_true (done);
  g_assert_null (find_preview_window ());

  /* tps_print_project() shows why; here the operation has no parent. */
  dialog = find_message_dialog ();
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
}


/* Print to File ------------------------------------------------------------ */

static guint
count_print_dirs (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "touchpoint-studio-print-"))
      n++;
  return n;
}

static void
cancel_on_first_page (GtkPrintOperation *operation,
                      GtkPrintContext   *context,
                      int                page)
{
  gtk_print_operation_cancel (operation);
}

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window))
        return window;
    }
  return NULL;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* Not flush_events(): while the dialog lists printers, there is
   * always more to do.
   */
  while (!done (data) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_assert_true (done (data));
}

static gboolean
printer_chosen (gpointer data)
{
  GtkWidget *dialog = find_print_dialog ();

  return dialog != NULL
         && gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog)) != NULL;
}

static gboolean
operation_finished (gpointer operation)
{
  return gtk_print_operation_is_finished (operation);
}

/* GTK's print dialog asks before it names an existing file; the user
 * says Replace.
 */
static gboolean
answer_replace (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_ACCEPT);
          G_GNUC_END_IGNORE_DEPRECATIONS
          *(guint *) data = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* Prints the German example to @uri as a user does: the print dialog with
 * GTK's "Print to File" printer, then Print; and waits until the job has
 * ended.
 */
static TpsPrintOperation *
print_to_file (const char *uri,
               gboolean    cancel)
{
  g_autoptr(TpsProject) project = load_example ("de/stadtwerke.touchpoints");
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GError) error = NULL;
  TpsPrintOperation *operation = tps_print_operation_new (project, NULL);
  GtkWidget *parent = gtk_window_new ();
  guint replace_source;

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  if (cancel)
    g_signal_connect (operation, "draw-page", G_CALLBACK (cancel_on_first_page), NULL);

  gtk_window_present (GTK_WINDOW (parent));
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (parent), &error);
  g_assert_no_error (error);

  wait_until (printer_chosen, NULL);
  g_assert_cmpstr (gtk_printer_get_name (gtk_print_unix_dialog_get_selected_printer (
                     GTK_PRINT_UNIX_DIALOG (find_print_dialog ()))), ==, "Print to File");
  replace_source = g_timeout_add (20, answer_replace, &replace_source);
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_OK);
  g_clear_handle_id (&replace_source, g_source_remove);

  wait_until (operation_finished, operation);
  gtk_window_destroy (GTK_WINDOW (parent));

  return operation;
}

static void
assert_file_is (const char *path,
                const char *expected_start)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, expected_start));
}

/* The printed file replaces the old one only once the job has finished,
 * through the atomic writer: the link to it stays a link, and nothing of
 * ours is left in the temporary folder.
 */
static void
test_print_to_file_replaces_when_done (void)
{
  g_autofree char *path = temp_path ("printed.pdf");
  g_autofree char *link = temp_path ("link-to-printed.pdf");
  g_autofree char *link_uri = g_filename_to_uri (link, NULL, NULL);
  g_autoptr(TpsPrintOperation) operation = NULL;
  guint dirs_before = count_print_dirs ();

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (symlink ("printed.pdf", link), ==, 0);

  operation = print_to_file (link_uri, FALSE);

  g_assert_null (tps_print_operation_get_file_error (operation));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_is (path, "%PDF-");
  g_assert_cmpuint (count_print_dirs (), ==, dirs_before);
  g_unlink (link);
}

/* A cancelled job leaves the old file as it was. */
static void
test_print_to_file_cancelled_keeps_old (void)
{
  g_autofree char *path = temp_path ("cancelled.pdf");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(TpsPrintOperation) operation = NULL;
  guint dirs_before = count_print_dirs ();

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  operation = print_to_file (uri, TRUE);

  g_assert_cmpint (gtk_print_operation_get_status (GTK_PRINT_OPERATION (operation)), ==,
                   GTK_PRINT_STATUS_FINISHED_ABORTED);
  assert_file_is (path, "old contents");
  g_assert_cmpuint (count_print_dirs (), ==, dirs_before);
}

/* A write-protected file is not replaced without asking; with no window
 * to ask in, the operation says why.
 */
static void
test_print_to_file_read_only_refused (void)
{
  g_autofree char *path = temp_path ("protected.pdf");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(TpsPrintOperation) operation = NULL;
  const GError *error;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  operation = print_to_file (uri, FALSE);

  error = tps_print_operation_get_file_error (operation);
  g_assert_error ((GError *) error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  assert_file_is (path, "old contents");
  g_chmod (path, 0644);
}

int
main (int   argc,
      char *argv[])
{
  /* Every page says the same date, whichever path drew it. */
  g_setenv ("SOURCE_DATE_EPOCH", "1748851200", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Only GTK's file printer: no waiting for a CUPS server. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  g_test_add_func ("/print/fit-equals-pdf", test_print_fit_equals_pdf);
  g_test_add_func ("/print/poster-equals-pdf", test_print_poster_equals_pdf);
  g_test_add_func ("/print/remembers-page-setup", test_print_remembers_page_setup);
  g_test_add_func ("/print/custom-tab-applies", test_custom_tab_applies);
  g_test_add_func ("/print/preview-draws-pages", test_preview_draws_pages);
  g_test_add_func ("/print/preview-of-impossible-poster", test_preview_of_impossible_poster);
  g_test_add_func ("/print/to-file/replaces-when-done", test_print_to_file_replaces_when_done);
  g_test_add_func ("/print/to-file/cancelled-keeps-old", test_print_to_file_cancelled_keeps_old);
  g_test_add_func ("/print/to-file/read-only-refused", test_print_to_file_read_only_refused);

  return g_test_run ();
}
