/* test-export-dialog.c — the Export and Import CSV dialogs, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export-dialog/paper-per-format", test_export_paper_per_format);
  g_test_add_func ("/export-dialog/writes-each-format", test_export_writes_each_format);
  g_test_add_func ("/export-dialog/poster-summary", test_export_poster_summary);
  g_test_add_func ("/csv-import-dialog/asks-before-leaving-rows-out",
                   test_import_asks_before_leaving_rows_out);
  g_test_add_func ("/csv-import-dialog/clean-file", test_import_clean_file);
  g_test_add_func ("/csv-import-dialog/updates-and-adds", test_import_updates_and_adds);
  g_test_add_func ("/csv-import-dialog/unreadable-file", test_import_unreadable_file);

  return g_test_run ();
}
