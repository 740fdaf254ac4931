/* test-i18n.c — the German user interface is German throughout
 *
 * Opens the German example under LANGUAGE=de, visits every view, and walks
 * the widget tree: no visible text may still be an English message that
 * po/de.po translates differently. A new string that was not translated,
 * or a widget that bypasses gettext, fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "tps-measure-format.h"
#include "tps-window.h"

/* English msgid → German msgstr, for every translated message. */
static GHashTable *
read_catalog (const char *po_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *catalog = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) msgstr = g_string_new (NULL);
  GString *current = NULL;

  g_file_get_contents (po_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          if (msgid->len > 0 && msgstr->len > 0)
            g_hash_table_insert (catalog, g_strdup (msgid->str), g_strdup (msgstr->str));
          g_string_truncate (msgid, 0);
          g_string_truncate (msgstr, 0);
          current = msgid;
          quoted = line + strlen ("msgid ");
        }
      else if (g_str_has_prefix (line, "msgstr \"") || g_str_has_prefix (line, "msgstr[0] \""))
        {
          current = msgstr;
          quoted = strchr (line, '"');
        }
      else if (g_str_has_prefix (line, "msgid_plural") || g_str_has_prefix (line, "msgstr["))
        current = NULL;
      else if (line[0] == '"' && current != NULL)
        quoted = line;
      else if (line[0] == '\0' || line[0] == '#')
        current = line[0] == '#' ? current : NULL;

      if (quoted != NULL && current != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *text = g_strcompress (inner);
          g_string_append (current, text);
        }
    }

  if (msgid->len > 0 && msgstr->len > 0)
    g_hash_table_insert (catalog, g_strdup (msgid->str), g_strdup (msgstr->str));

  return catalog;
}

/* Drops mnemonic underscores, as labels show them. */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static void
check_text (GHashTable *untranslated,
            GPtrArray  *problems,
            GtkWidget  *widget,
            const char *text)
{
  g_autofree char *plain = NULL;

  if (text == NULL || *text == '\0')
    return;

  plain = strip_mnemonic (text);
  if (g_hash_table_contains (untranslated, plain))
    g_ptr_array_add (problems, g_strdup_printf ("%s: “%s”", G_OBJECT_TYPE_NAME (widget), plain));
}

static void
walk (GtkWidget  *widget,
      GHashTable *untranslated,
      GPtrArray  *problems)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (untranslated, problems, widget, gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    check_text (untranslated, problems, widget, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (untranslated, problems, widget,
                  adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      check_text (untranslated, problems, widget,
                  adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (untranslated, problems, widget,
                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    check_text (untranslated, problems, widget,
                adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));

  check_text (untranslated, problems, widget, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, untranslated, problems);
}

static void
flush_events (void)
{
  for (guint i = 0; i < 30; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
test_german_ui_has_no_english_text (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "de.po", NULL);
  g_autoptr(GHashTable) catalog = read_catalog (po);
  g_autoptr(GHashTable) untranslated = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) example = tps_window_get_example_file ("de");
  const char *views[] = { "map", "touchpoints", "measures", "analysis" };
  GHashTableIter iter;
  gpointer key, value;
  TpsWindow *window;
  AdwViewStack *stack;

  /* English texts whose German differs: seeing one means a miss. */
  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *english = strip_mnemonic (key);
      g_autofree char *german = strip_mnemonic (value);

      if (g_strcmp0 (english, german) != 0 && strlen (english) > 1)
        g_hash_table_add (untranslated, g_steal_pointer (&english));
    }
  g_assert_cmpuint (g_hash_table_size (untranslated), >, 100);

  /* The catalog really is in use: a known message comes out German. */
  g_assert_cmpstr (_("Journey Map"), !=, "Journey Map");

  window = tps_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  walk (GTK_WIDGET (window), untranslated, problems);

  g_assert_true (tps_window_open_file (window, example));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), TPS_TYPE_WINDOW,
                                                         "view_stack"));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (stack, views[i]);
      flush_events ();
      walk (GTK_WIDGET (window), untranslated, problems);
    }

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      g_autofree char *list = g_strjoinv ("\n  ", (char **) problems->pdata);
      g_error ("English text in the German UI:\n  %s", list);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* German writes money with the symbol after the amount and a dot
 * between thousands, whatever the C locale underneath says.
 */
static void
test_german_money (void)
{
  g_autofree char *euros = tps_format_cost (183500, "EUR");
  g_autofree char *small = tps_format_cost (950, "EUR");
  g_autofree char *pounds = tps_format_cost (1234567, "GBP");
  g_autofree char *other = tps_format_cost (950, "CHF");

  g_assert_cmpstr (euros, ==, "183.500 €");
  g_assert_cmpstr (small, ==, "950 €");
  g_assert_cmpstr (pounds, ==, "1.234.567 £");
  g_assert_cmpstr (other, ==, "950 CHF");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TPS_LOCALEDIR");

  /* As main.c does, before anything is translated. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/i18n/german-ui-has-no-english-text", test_german_ui_has_no_english_text);

  g_test_add_func ("/i18n/german-money", test_german_money);

  return g_test_run ();
}
