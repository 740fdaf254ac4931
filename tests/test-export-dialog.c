/* test-export-dialog.c — the Export and Import CSV dialogs, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tps-csv-import-dialog.h"
#include "tps-export-dialog.h"
#include "tps-page-layout.h"
#include "tps-project-io.h"

static void
flush_events (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static TpsDocument *
load_document (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name,
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsDocument *document = tps_document_load (file, &error);

  g_assert_no_error (error);
  return document;
}

static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("test-export-dialog-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             const char *type_name,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), type_name) == 0
          && (title == NULL
              || (ADW_IS_PREFERENCES_ROW (child)
                  && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                title) == 0)
              || (ADW_IS_PREFERENCES_GROUP (child)
                  && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)),
                                title) == 0)))
        return child;

      found = find_widget (child, type_name, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Export --------------------------------------------------------------------- */

static void
test_export_paper_per_format (void)
{
  g_autoptr(TpsDocument) document = load_document ("de/stadtwerke.touchpoints");
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  AdwComboRow *paper;
  GtkSwitch *landscape;
  GtkWidget *layout, *image, *table;

  gtk_window_present (dialog);
  flush_events ();

  paper = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), "AdwComboRow", "_Size"));
  landscape = GTK_SWITCH (find_widget (GTK_WIDGET (dialog), "GtkSwitch", NULL));
  layout = find_widget (GTK_WIDGET (dialog), "AdwPreferencesGroup", "Layout");
  image = find_widget (GTK_WIDGET (dialog), "AdwPreferencesGroup", "Image");
  table = find_widget (GTK_WIDGET (dialog), "AdwPreferencesGroup", "Table");

  /* The map starts on the preferences' paper: A3 landscape. */
  g_assert_cmpint (tps_export_dialog_get_format (TPS_EXPORT_DIALOG (dialog)), ==,
                   TPS_EXPORT_FORMAT_PDF_MAP);
  g_assert_cmpuint (adw_combo_row_get_selected (paper), ==, TPS_PAPER_A3);
  g_assert_true (gtk_switch_get_active (landscape));
  g_assert_true (gtk_widget_get_visible (layout));
  g_assert_false (gtk_widget_get_visible (image));

  /* The report has its own paper, and no poster layout. */
  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PDF_REPORT);
  g_assert_cmpuint (adw_combo_row_get_selected (paper), ==, TPS_PAPER_A4);
  g_assert_false (gtk_switch_get_active (landscape));
  g_assert_false (gtk_widget_get_visible (layout));
  adw_combo_row_set_selected (paper, TPS_PAPER_LETTER);

  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PNG);
  g_assert_true (gtk_widget_get_visible (image));
  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_get_visible (table));

  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PDF_MAP);
  g_assert_cmpuint (adw_combo_row_get_selected (paper), ==, TPS_PAPER_A3);
  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PDF_REPORT);
  g_assert_cmpuint (adw_combo_row_get_selected (paper), ==, TPS_PAPER_LETTER);

  gtk_window_destroy (dialog);
}

static void
test_export_writes_each_format (void)
{
  g_autoptr(TpsDocument) document = load_document ("en/car-dealership.touchpoints");
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  const struct { TpsExportFormat format; const char *name; const char *start; } cases[] = {
    { TPS_EXPORT_FORMAT_PDF_MAP, "map.pdf", "%PDF-" },
    { TPS_EXPORT_FORMAT_PDF_REPORT, "report.pdf", "%PDF-" },
    { TPS_EXPORT_FORMAT_PNG, "map.png", "\x89PNG" },
    { TPS_EXPORT_FORMAT_SVG, "map.svg", "<?xml" },
    { TPS_EXPORT_FORMAT_CSV, "table.csv", "id," },
  };
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = temp_path (cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = NULL;
      gsize length;

      tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), cases[i].format);
      name = tps_export_dialog_suggest_name (TPS_EXPORT_DIALOG (dialog));
      g_assert_true (g_str_has_suffix (name, strrchr (cases[i].name, '.')));

      g_assert_true (tps_export_dialog_export_to_file (TPS_EXPORT_DIALOG (dialog), file,
                                                       &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      /* The table starts with a byte order mark for spreadsheet programs. */
      g_assert_cmpint (memcmp (g_str_has_prefix (contents, "\xEF\xBB\xBF") ? contents + 3
                                                                             : contents,
                               cases[i].start, strlen (cases[i].start)), ==, 0);

      /* The export's language does not stick to the application. */
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language);
    }

  gtk_window_destroy (dialog);
}

/* A project of @n touchpoints, big enough that its report takes a while. */
static TpsDocument *
big_document (guint n)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint-project xmlns=\"urn:touchpoint-studio:project\" format-version=\"1\" "
    "language=\"en\">\n  <title>Big</title>\n  <stages>\n");
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < 6; s++)
    g_string_append_printf (xml, "    <stage id=\"s-%u\">\n      <name>Stage %u</name>\n"
                                 "    </stage>\n", s, s);
  g_string_append (xml, "  </stages>\n  <channels>\n");
  for (guint c = 0; c < 6; c++)
    g_string_append_printf (xml, "    <channel id=\"c-%u\" kind=\"online\">\n"
                                 "      <name>Channel %u</name>\n    </channel>\n", c, c);
  g_string_append (xml, "  </channels>\n  <touchpoints>\n");
  for (guint t = 0; t < n; t++)
    g_string_append_printf (xml,
      "    <touchpoint id=\"t-%u\" stage=\"s-%u\" channel=\"c-%u\" function=\"inform\" "
      "status=\"existing\" moment=\"painpoint\" current=\"%d\" target=\"2\" importance=\"%u\" "
      "internal=\"1\">\n      <title>Touchpoint %u</title>\n"
      "      <measurements>\n        <measurement id=\"m-%u\" date=\"2026-01-15\" "
      "metric=\"csat\" value=\"3.5\" target=\"4.2\" source=\"survey\" baseline=\"true\"/>\n"
      "      </measurements>\n    </touchpoint>\n",
      t, t % 6, t % 6, (int) (t % 5) - 2, t % 5 + 1, t, t);
  g_string_append (xml, "  </touchpoints>\n</touchpoint-project>\n");

  project = tps_project_load_from_data (xml->str, xml->len, &error);
  g_assert_no_error (error);
  return tps_document_new (project);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} ExportResult;

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ExportResult *r = data;

  r->ok = tps_export_dialog_export_finish (TPS_EXPORT_DIALOG (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static guint
n_files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A long export runs in a thread: the main loop keeps running (the window
 * stays responsive), the progress bar moves, and the file is complete at
 * the end.
 */
static void
test_export_keeps_main_loop_running (void)
{
  g_autoptr(TpsDocument) document = big_document (600);
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  g_autofree char *path = temp_path ("big-report.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportResult result = { FALSE, };
  g_autofree char *contents = NULL;
  guint ticks = 0, timeout;

  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PDF_REPORT);
  gtk_window_present (dialog);
  flush_events ();

  timeout = g_timeout_add (5, count_tick, &ticks);
  tps_export_dialog_export_async (TPS_EXPORT_DIALOG (dialog), file, NULL, on_export_done,
                                  &result);
  g_assert_false (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog),
                                                         "AdwPreferencesPage", NULL)));
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  /* The main loop ran all along: a 5 ms timer fired many times. */
  g_assert_cmpuint (ticks, >=, 10);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (dialog),
                                                        "AdwPreferencesPage", NULL)));

  gtk_window_destroy (dialog);
}

/* Stop ends the export without a file: none where there was none, and
 * the old file untouched where there was one; no temporary file is left.
 */
static void
test_export_cancel_leaves_no_file (void)
{
  g_autoptr(TpsDocument) document = big_document (600);
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  g_autofree char *dir = g_dir_make_tmp ("test-export-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autofree char *contents = NULL;

  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_PDF_REPORT);
  gtk_window_present (dialog);
  flush_events ();

  for (guint round = 0; round < 2; round++)
    {
      ExportResult result = { FALSE, };
      GFile *target = round == 0 ? file : old_file;

      if (round == 1)
        g_assert_true (g_file_set_contents (old_path, "old", -1, NULL));

      tps_export_dialog_export_async (TPS_EXPORT_DIALOG (dialog), target, NULL, on_export_done,
                                      &result);
      /* Let it get going, then press Stop. */
      g_usleep (100 * 1000);
      flush_events ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
      while (!result.done)
        g_main_context_iteration (NULL, TRUE);

      g_assert_false (result.ok);
      g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&result.error);
    }

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (n_files_in (dir), ==, 1);

  gtk_window_destroy (dialog);
  g_unlink (old_path);
  g_rmdir (dir);
}

/* The export's labels are in the language chosen for it, whatever the
 * window's language; the process environment is left alone.
 */
static void
test_export_language_is_explicit (void)
{
  g_autoptr(TpsDocument) document = load_document ("en/car-dealership.touchpoints");
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  AdwComboRow *language = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), "AdwComboRow",
                                                      "Lan_guage"));
  g_autofree char *path = temp_path ("map-de.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *contents = NULL;
  ExportResult result = { FALSE, };

  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_SVG);
  g_assert_nonnull (language);
  adw_combo_row_set_selected (language, 0);   /* Deutsch */

  tps_export_dialog_export_async (TPS_EXPORT_DIALOG (dialog), file, NULL, on_export_done,
                                  &result);
  while (!result.done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
    }
  g_assert_no_error (result.error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Kundenerlebnis"));
  g_assert_null (strstr (contents, "Customer experience"));
  /* The window's own text stays in its language. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Customer experience"), ==,
                   "Customer experience");

  gtk_window_destroy (dialog);
}

static void
test_export_poster_summary (void)
{
  g_autoptr(TpsDocument) document = load_document ("de/stadtwerke.touchpoints");
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  AdwComboRow *layout_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), "AdwComboRow",
                                                        "L_ayout"));
  AdwComboRow *size_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), "AdwComboRow",
                                                      "_Poster size"));
  AdwPreferencesGroup *layout = ADW_PREFERENCES_GROUP (find_widget (GTK_WIDGET (dialog),
                                                                    "AdwPreferencesGroup",
                                                                    "Layout"));
  GtkWidget *export_button = find_button (GTK_WIDGET (dialog), "_Export…");
  GtkSpinButton *scale;

  g_assert_nonnull (export_button);
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (layout),
                                   "One page"));

  adw_combo_row_set_selected (layout_row, 1);
  adw_combo_row_set_selected (size_row, 3);       /* as large as A0 */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (layout),
                            "and an assembly page"));
  g_assert_true (gtk_widget_get_sensitive (export_button));

  /* A scale that needs hundreds of sheets is refused before asking for a
   * file.
   */
  adw_combo_row_set_selected (size_row, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), "AdwComboRow",
                                                          "_Size")), TPS_PAPER_A4);
  scale = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (dialog), "GtkSpinButton", NULL));
  gtk_spin_button_set_value (scale, 1000);
  g_assert_cmpfloat (gtk_spin_button_get_value (scale), ==, 1000);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (layout), "pages, more than"));
  g_assert_false (gtk_widget_get_sensitive (export_button));

  gtk_window_destroy (dialog);
}

/* Import CSV ----------------------------------------------------------------- */

static GFile *
write_csv (const char *name,
           const char *contents)
{
  g_autofree char *path = temp_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
on_imported (TpsCsvImportDialog *dialog,
             guint               n,
             guint              *imported)
{
  *imported = n;
}

static void
test_import_asks_before_leaving_rows_out (void)
{
  g_autoptr(TpsDocument) document = load_document ("de/stadtwerke.touchpoints");
  TpsProject *project = tps_document_get_project (document);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GListModel *stages = tps_project_get_stages (project);
  guint n_before = g_list_model_get_n_items (touchpoints);
  guint n_stages = g_list_model_get_n_items (stages);
  g_autoptr(GFile) file = write_csv ("problems.csv",
                                     "stage;channel;title;importance\n"
                                     "Aufmerksamkeit;E-Mail;Newsletter Frühling;3\n"
                                     "Nachsorge;Telefon;Rückruf nach Einzug;4\n"
                                     "Aufmerksamkeit;E-Mail;Zu wichtig;9\n");
  GtkWindow *dialog = tps_csv_import_dialog_new (NULL, document, file);
  GtkWidget *errors;
  AdwMessageDialog *confirm;
  guint imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (dialog);
  flush_events ();

  /* The preview: two touchpoints, a new stage, and row 4's problem. */
  g_assert_cmpuint (tps_csv_import_dialog_get_n_importable (TPS_CSV_IMPORT_DIALOG (dialog)), ==,
                    2);
  g_assert_cmpuint (tps_csv_import_dialog_get_n_invalid (TPS_CSV_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), "AdwActionRow", "Rückruf nach Einzug"));
  errors = find_widget (GTK_WIDGET (dialog), "AdwPreferencesGroup", "Rows With Problems");
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_nonnull (find_widget (errors, "AdwActionRow", "Row 4, column “importance”"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     find_widget (GTK_WIDGET (dialog), "AdwActionRow", "New stages"))), ==,
                   "Nachsorge");

  /* Import asks first; cancelling imports nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  flush_events ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before);
  adw_message_dialog_response (confirm, "cancel");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before);
  g_assert_cmpuint (imported, ==, 0);

  /* Agreeing imports the valid rows, as one step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  flush_events ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "import");
  flush_events ();
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 1);

  tps_history_undo (tps_document_get_history (document));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages);
}

static void
test_import_clean_file (void)
{
  g_autoptr(TpsDocument) document = load_document ("en/car-dealership.touchpoints");
  GListModel *touchpoints = tps_project_get_touchpoints (tps_document_get_project (document));
  guint n_before = g_list_model_get_n_items (touchpoints);
  g_autoptr(GFile) file = write_csv ("clean.csv",
                                     "title,stage,channel\n"
                                     "Test drive reminder,Purchase,E-mail\n");
  GtkWindow *dialog = tps_csv_import_dialog_new (NULL, document, file);
  guint imported = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (dialog);
  flush_events ();

  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), "AdwPreferencesGroup",
                                                       "Rows With Problems")));

  /* No problems, no question. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  flush_events ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before + 1);
}

static void
test_import_unreadable_file (void)
{
  g_autoptr(TpsDocument) document = load_document ("en/car-dealership.touchpoints");
  g_autoptr(GFile) file = write_csv ("nothing.csv", "just one column\nand a row\n");
  GtkWindow *dialog = tps_csv_import_dialog_new (NULL, document, file);
  AdwStatusPage *page;

  gtk_window_present (dialog);
  flush_events ();

  page = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (dialog), "AdwStatusPage", NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (adw_status_page_get_description (page));
  g_assert_cmpuint (tps_csv_import_dialog_get_n_importable (TPS_CSV_IMPORT_DIALOG (dialog)), ==,
                    0);

  gtk_window_destroy (dialog);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        || has_label (child, text))
      return TRUE;

  return FALSE;
}

/* A sheet exported earlier and edited comes back: the preview marks the
 * row with a known id as an update and the other as new; importing
 * changes the one, adds the other, and one undo takes back both.
 */
static void
test_import_updates_and_adds (void)
{
  g_autoptr(TpsDocument) document = load_document ("de/stadtwerke.touchpoints");
  TpsProject *project = tps_document_get_project (document);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  TpsTouchpoint *move_in = tps_project_find_touchpoint (project, "t-move-in");
  guint n_before = g_list_model_get_n_items (touchpoints);
  g_autoptr(GFile) file = write_csv ("update.csv",
                                     "id;stage;channel;title;current\n"
                                     "t-move-in;Einzug & Lieferbeginn;Website & Tarifrechner;"
                                     "Einzugsmeldung für neue Mieter;1\n"
                                     ";Aufmerksamkeit;E-Mail;Newsletter Frühling;0\n");
  GtkWindow *dialog = tps_csv_import_dialog_new (NULL, document, file);
  GtkWidget *row;

  gtk_window_present (dialog);
  flush_events ();

  row = find_widget (GTK_WIDGET (dialog), "AdwActionRow", "Einzugsmeldung für neue Mieter");
  g_assert_nonnull (row);
  g_assert_true (has_label (row, "Update"));
  row = find_widget (GTK_WIDGET (dialog), "AdwActionRow", "Newsletter Frühling");
  g_assert_nonnull (row);
  g_assert_true (has_label (row, "New"));
  row = find_widget (GTK_WIDGET (dialog), "AdwActionRow", "Touchpoints to update");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (has_label (row, "1"));
  g_assert_true (has_label (find_widget (GTK_WIDGET (dialog), "AdwActionRow",
                                         "New touchpoints"), "1"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before + 1);
  g_assert_cmpint (tps_touchpoint_get_current (move_in), ==, 1);

  tps_history_undo (tps_document_get_history (document));
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before);
  g_assert_cmpint (tps_touchpoint_get_current (move_in), ==, -2);
}


static void
on_exported_count (TpsExportDialog *dialog,
                   GFile           *file,
                   guint           *n_exported)
{
  (*n_exported)++;
}

/* A write-protected file is not replaced without asking, and asked before
 * the export starts: Cancel writes nothing, Overwrite replaces it and the
 * file stays write-protected.
 */
static void
test_export_asks_before_write_protected (void)
{
  g_autoptr(TpsDocument) document = load_document ("de/stadtwerke.touchpoints");
  g_autofree char *path = temp_path ("protected.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  GtkWindow *dialog = tps_export_dialog_new (NULL, document);
  AdwMessageDialog *confirm;
  guint n_exported = 0;
  gint64 until;
  GStatBuf st;

  g_object_ref_sink (dialog);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_count), &n_exported);
  tps_export_dialog_set_format (TPS_EXPORT_DIALOG (dialog), TPS_EXPORT_FORMAT_SVG);
  gtk_window_present (dialog);
  flush_events ();

  tps_export_dialog_export_file (TPS_EXPORT_DIALOG (dialog), file);
  flush_events ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==,
                   "Overwrite the Write-Protected File?");
  adw_message_dialog_response (confirm, "cancel");
  flush_events ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_cmpuint (n_exported, ==, 0);

  tps_export_dialog_export_file (TPS_EXPORT_DIALOG (dialog), file);
  flush_events ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "overwrite");
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (n_exported == 0 && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_assert_cmpuint (n_exported, ==, 1);

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  g_chmod (path, 0644);
  gtk_window_destroy (dialog);
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TPS_LOCALEDIR");

  /* As main() does: the catalogues of the build. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export-dialog/paper-per-format", test_export_paper_per_format);
  g_test_add_func ("/export-dialog/writes-each-format", test_export_writes_each_format);
  g_test_add_func ("/export-dialog/poster-summary", test_export_poster_summary);
  g_test_add_func ("/export-dialog/async/main-loop-runs", test_export_keeps_main_loop_running);
  g_test_add_func ("/export-dialog/async/cancel-leaves-no-file",
                   test_export_cancel_leaves_no_file);
  g_test_add_func ("/export-dialog/async/language-is-explicit", test_export_language_is_explicit);
  g_test_add_func ("/export-dialog/asks-before-write-protected",
                   test_export_asks_before_write_protected);
  g_test_add_func ("/csv-import-dialog/asks-before-leaving-rows-out",
                   test_import_asks_before_leaving_rows_out);
  g_test_add_func ("/csv-import-dialog/clean-file", test_import_clean_file);
  g_test_add_func ("/csv-import-dialog/updates-and-adds", test_import_updates_and_adds);
  g_test_add_func ("/csv-import-dialog/unreadable-file", test_import_unreadable_file);

  return g_test_run ();
}
