/* test-accessibility.c — every user can use every view and dialog
 *
 * Runs once in English and once in German (--ui-language=de). Walks the
 * widget tree of the four views and of every dialog and fails on a control
 * a screen reader could only announce by its type name, and on a label
 * that is cut off at the dialog's default size. The window itself has to
 * fit GNOME's small-screen size and a laptop's split screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "tps-csv-import-dialog.h"
#include "tps-export-dialog.h"
#include "tps-journey-canvas.h"
#include "tps-measurement-dialog.h"
#include "tps-measures-view.h"
#include "tps-preferences.h"
#include "tps-print.h"
#include "tps-project-settings.h"
#include "tps-touchpoints-view.h"
#include "tps-window.h"

#define RESOURCE_PATH "/io/github/touchpointstudio/TouchpointStudio"

static const char *ui_language = "en";

static void
flush_events (void)
{
  for (guint i = 0; i < 30; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets allocation settle: until the width has stayed the same over a few
 * frames (a window that adapts to its width may resize more than once), or
 * two seconds have passed.
 */
static void
settle (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  int last = -1;
  guint stable = 0;

  while (stable < 5 && g_get_monotonic_time () < deadline)
    {
      int width;

      gtk_widget_queue_allocate (widget);
      flush_events ();
      g_usleep (10000);
      flush_events ();
      width = gtk_widget_get_width (widget);
      stable = width == last ? stable + 1 : 0;
      last = width;
    }
}

static GtkWidget *
template_child (TpsWindow  *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), TPS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static TpsWindow *
open_example (int width,
              int height)
{
  TpsWindow *window = tps_window_new (NULL);
  g_autoptr(GFile) example = tps_window_get_example_file (ui_language);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tps_window_open_file (window, example));
  settle (GTK_WIDGET (window));
  return window;
}

/* ------------------------------------------------------------------------
 * Reporting
 * ------------------------------------------------------------------------ */

static void
describe (GString   *out,
          GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_string_append_printf (out, "%s", G_OBJECT_TYPE_NAME (widget));
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    g_string_append_printf (out, " < %s", G_OBJECT_TYPE_NAME (p));
  if (tooltip != NULL)
    g_string_append_printf (out, " (tooltip “%s”)", tooltip);
}

static void
fail_on_problems (GPtrArray  *problems,
                  const char *what)
{
  g_autofree char *list = NULL;

  if (problems->len == 0)
    return;

  g_ptr_array_add (problems, NULL);
  list = g_strjoinv ("\n  ", (char **) problems->pdata);
  g_error ("%s (%s):\n  %s", what, ui_language, list);
}

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

/* The controls a screen reader lands on and has to announce. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCALE (widget)
         || GTK_IS_TEXT_VIEW (widget) || ADW_IS_ENTRY_ROW (widget);
}

/* The text a button shows, which is what it is called: its label, or the
 * label of its icon-and-label content.
 */
static gboolean
shows_text (GtkWidget *button)
{
  GtkWidget *child = gtk_widget_get_first_child (button);

  if (ADW_IS_BUTTON_CONTENT (child))
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != NULL
           && *adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != '\0';
  if (GTK_IS_BOX (child))
    child = gtk_widget_get_last_child (child);

  return GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
         && *gtk_label_get_text (GTK_LABEL (child)) != '\0';
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* A push button is called by the text it shows. A toggle (a chip, the
   * button of a drop-down) is not: screen readers announce its type.
   */
  return (G_OBJECT_TYPE (widget) == GTK_TYPE_BUTTON || GTK_IS_LINK_BUTTON (widget))
         && shows_text (widget);
}

/* Inside these, GTK and libadwaita name their own parts. */
static gboolean
is_library_composite (GtkWidget *widget)
{
  return GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_VIEW_SWITCHER (widget)
         || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget)
         || GTK_IS_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget)
         || ADW_IS_ENTRY_ROW (widget) || GTK_IS_SHORTCUTS_WINDOW (widget);
}

static void
find_unnamed (GtkWidget *widget,
              GPtrArray *problems)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_control (widget) && !has_name (widget))
    {
      GString *line = g_string_new (NULL);

      describe (line, widget);
      g_ptr_array_add (problems, g_string_free (line, FALSE));
    }

  if (is_library_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_unnamed (child, problems);
}


/* What a screen reader calls a field: its own label, else the title of
 * the row that labels it.
 */
static char *
accessible_name (GtkWidget *widget)
{
  GtkWidget *row;

  /* Asked for an impossible value, GTK answers with the one it has. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");

  row = ADW_IS_PREFERENCES_ROW (widget)
        ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  return row != NULL ? g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)))
                     : NULL;
}

/* Text fields in one window must not share a name: "Name" for every
 * channel tells a screen reader user nothing.
 */
static void
find_same_names (GtkWidget  *widget,
                 GHashTable *seen,
                 GPtrArray  *problems)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (ADW_IS_ENTRY_ROW (widget) || GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *name = accessible_name (widget);
      GtkRoot *root = gtk_widget_get_root (widget);

      if (name != NULL && g_hash_table_contains (seen, name))
        g_ptr_array_add (problems, g_strdup_printf ("“%s” in %s", name,
                                                    G_OBJECT_TYPE_NAME (root)));
      else if (name != NULL)
        g_hash_table_add (seen, g_steal_pointer (&name));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_same_names (child, seen, problems);
}

/* The popovers of the menu buttons on screen (the map's filters, the
 * planner's filters, the persona chips' list...), opened one at a time:
 * what they hold is reached by a screen reader too, so it is named too.
 * Menus built from a GMenuModel are named by GTK from their labels.
 */
static void
find_unnamed_in_popovers (GtkWidget *widget,
                          GtkWidget *window,
                          GPtrArray *problems,
                          guint     *n_opened)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_sensitive (widget)
      && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover == NULL)
        return;

      gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
      {
        gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

        while (!gtk_widget_get_mapped (GTK_WIDGET (popover))
               && g_get_monotonic_time () < deadline)
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (2000);
      }
      settle (window);
      if (gtk_widget_get_mapped (GTK_WIDGET (popover)))
        {
          (*n_opened)++;
          find_unnamed (GTK_WIDGET (popover), problems);
        }
      gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
      flush_events ();
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_unnamed_in_popovers (child, window, problems, n_opened);
}

/* Every dialog the window opens, on the example project. */
static GPtrArray *
open_dialogs (TpsWindow *window)
{
  TpsDocument *document = tps_window_get_document (window);
  TpsProject *project = tps_document_get_project (document);
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, 0);
  GPtrArray *dialogs = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_window_destroy);

  g_ptr_array_add (dialogs, tps_project_settings_new (GTK_WINDOW (window), document));
  g_ptr_array_add (dialogs, tps_export_dialog_new (GTK_WINDOW (window), document));
  g_ptr_array_add (dialogs, tps_preferences_new (GTK_WINDOW (window)));
  g_ptr_array_add (dialogs, tps_measurement_dialog_new (project,
                                                        tps_document_get_history (document),
                                                        touchpoint, NULL));
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_present (dialogs->pdata[i]);
  flush_events ();
  for (guint i = 0; i < dialogs->len; i++)
    settle (dialogs->pdata[i]);

  return dialogs;
}

static void
test_every_control_named (void)
{
  const char *views[] = { "map", "touchpoints", "measures", "analysis" };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dialogs = NULL;
  TpsWindow *window = open_example (1400, 900);
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, "view_stack"));
  TpsProject *project = tps_document_get_project (tps_window_get_document (window));
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, 0);
  GtkWidget *canvas = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (
                        template_child (window, "map_scroller")));
  guint n_popovers = 0;

  if (GTK_IS_VIEWPORT (canvas))
    canvas = gtk_viewport_get_child (GTK_VIEWPORT (canvas));
  tps_journey_canvas_set_selected (TPS_JOURNEY_CANVAS (canvas), touchpoint);
  g_object_set (window, "inspector-visible", TRUE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (stack, views[i]);
      settle (GTK_WIDGET (window));
      find_unnamed (GTK_WIDGET (window), problems);
      find_unnamed_in_popovers (GTK_WIDGET (window), GTK_WIDGET (window), problems, &n_popovers);
    }
  /* The planner's filters at least (the map's sit in its toolbar when
   * the window is wide).
   */
  g_assert_cmpuint (n_popovers, >=, 1);

  dialogs = open_dialogs (window);
  for (guint i = 0; i < dialogs->len; i++)
    find_unnamed (dialogs->pdata[i], problems);
  fail_on_problems (problems, "Controls without an accessible name");

  for (guint i = 0; i < dialogs->len; i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      find_same_names (dialogs->pdata[i], seen, problems);
    }
  fail_on_problems (problems, "Fields that share their accessible name");
  g_clear_pointer (&dialogs, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every key the map answers to is in the Shortcuts window. */
static void
test_shortcuts_complete (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                 "/gtk/help-overlay.ui");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *expected[] = { "Insert", "Delete", "Return", "<Control>d", "Left Right", "Up Down",
                             "Menu <Shift>F10", "F9", "<Control>z", "<Control>e" };
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *title = NULL;

        g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
        g_assert_nonnull (title);
        g_assert_cmpstr (title, !=, "");
        if (accelerator != NULL)
          g_hash_table_add (listed, g_steal_pointer (&accelerator));
      }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (listed, expected[i]))
      g_error ("The Shortcuts window lacks %s", expected[i]);
}

/* ------------------------------------------------------------------------
 * Cut-off text
 * ------------------------------------------------------------------------ */

/* Labels on screen whose text ends in "…" because it did not fit. */
static void
find_ellipsized (GtkWidget *widget,
                 GPtrArray *problems)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)
      || !gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "“%s” in %d px: ", gtk_label_get_text (GTK_LABEL (widget)),
                              gtk_widget_get_width (widget));
      describe (line, widget);
      g_ptr_array_add (problems, g_string_free (line, FALSE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_ellipsized (child, problems);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type)
                         ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void save_screenshot (GtkWidget  *window,
                             const char *name);

/* The lists of the combo rows on screen, opened one at a time: "Journey
 * map image (P…" and "Journey map drawing (…" cannot be told apart.
 */
static void
walk_combo_lists (GtkWidget *widget,
                  GtkWidget *window,
                  GPtrArray *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (ADW_IS_COMBO_ROW (widget) && gtk_widget_is_sensitive (widget))
    {
      GtkWidget *popover;

      adw_action_row_activate (ADW_ACTION_ROW (widget));
      settle (window);
      popover = find_descendant (widget, GTK_TYPE_POPOVER);
      if (popover != NULL && gtk_widget_get_mapped (popover))
        {
          find_ellipsized (popover, problems);
          gtk_popover_popdown (GTK_POPOVER (popover));
          flush_events ();
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_combo_lists (child, window, problems);
}

/* Every page of a preferences window, stack or view stack, one after the
 * other, so that the labels of each are laid out and walked.
 */
static void
walk_pages (GtkWidget *window,
            GPtrArray *problems)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  GtkWidget *widget = window;

  /* Depth-first over the tree, collecting the stacks. */
  while (widget != NULL)
    {
      GtkWidget *next;

      if (GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget))
        g_ptr_array_add (stacks, widget);

      next = gtk_widget_get_first_child (widget);
      while (next == NULL && widget != window)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
          if (widget == window)
            break;
        }
      widget = next;
    }

  find_ellipsized (window, problems);
  walk_combo_lists (window, window, problems);
  for (guint i = 0; i < stacks->len; i++)
    {
      GtkWidget *stack = stacks->pdata[i];
      g_autoptr(GtkSelectionModel) pages = GTK_IS_STACK (stack)
        ? gtk_stack_get_pages (GTK_STACK (stack))
        : adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
      GtkWidget *shown = GTK_IS_STACK (stack)
        ? gtk_stack_get_visible_child (GTK_STACK (stack))
        : adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));

      if (!gtk_widget_get_mapped (stack))
        continue;

      for (guint n = 0; n < g_list_model_get_n_items (G_LIST_MODEL (pages)); n++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), n);
          GtkWidget *child = GTK_IS_STACK_PAGE (page)
            ? gtk_stack_page_get_child (GTK_STACK_PAGE (page))
            : adw_view_stack_page_get_child (ADW_VIEW_STACK_PAGE (page));

          if (child == shown)
            continue;
          if (GTK_IS_STACK (stack))
            gtk_stack_set_visible_child (GTK_STACK (stack), child);
          else
            adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), child);
          settle (window);
          find_ellipsized (child, problems);
          walk_combo_lists (child, window, problems);
        }
    }
}

/* The options the print dialog shows on its "Map" tab, in a window as
 * wide as GTK's print dialog gives it.
 */
static GtkWindow *
print_tab_window (TpsProject *project)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(TpsPrintOperation) operation = tps_print_operation_new (project, settings);
  GtkWidget *tab = NULL;
  GtkWidget *window = gtk_window_new ();

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  gtk_window_set_child (GTK_WINDOW (window), tab);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
  return GTK_WINDOW (window);
}

/* No label in a dialog is ellipsized at the dialog's default size. */
static void
test_no_label_cut_off (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                 "/gtk/help-overlay.ui");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "labels.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  TpsWindow *window = open_example (1400, 900);
  TpsDocument *document = tps_window_get_document (window);
  GtkWindow *more[3];

  GLogLevelFlags fatal;

  dialogs = open_dialogs (window);
  more[0] = tps_csv_import_dialog_new (GTK_WINDOW (window), document, csv_file);
  more[1] = g_object_ref_sink (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  more[2] = print_tab_window (tps_document_get_project (document));
  /* GTK 4.8's Shortcuts window measures one of its own labels at -3 px
   * and warns; that is GTK's, not ours, and not what this test is about.
   */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      gtk_window_present (more[i]);
      g_ptr_array_add (dialogs, more[i]);
    }
  flush_events ();

  for (guint i = 0; i < dialogs->len; i++)
    {
      settle (dialogs->pdata[i]);
      save_screenshot (dialogs->pdata[i], G_OBJECT_TYPE_NAME (dialogs->pdata[i]));
      walk_pages (dialogs->pdata[i], problems);
    }
  g_log_set_always_fatal (fatal);
  fail_on_problems (problems, "Labels cut off");

  g_clear_pointer (&dialogs, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------
 * Every width
 * ------------------------------------------------------------------------ */

/* With TPS_SCREENSHOT_DIR set, the window as drawn is kept there as
 * NAME.png, for a person to look at.
 */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("TPS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (window);
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      /* Nothing to draw while a relayout is pending. */
      settle (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s-%dx%d-%s.png", dir, name, width, height, ui_language);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The innermost visible widgets that ask for more than @width. */
static void
find_too_wide (GtkWidget *widget,
               int        width,
               GPtrArray *problems)
{
  gboolean child_too_wide = FALSE;
  int min = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* What scrolls sideways does not widen the window. */
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkPolicyType hpolicy;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &hpolicy, NULL);
      if (hpolicy != GTK_POLICY_NEVER)
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint before = problems->len;

      find_too_wide (child, width, problems);
      child_too_wide |= problems->len > before;
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > width && !child_too_wide)
    {
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "%d px: ", min);
      describe (line, widget);
      g_ptr_array_add (problems, g_string_free (line, FALSE));
    }
}

/* The toolbars and bars above and below the views: at the window's width
 * each shows all of itself, nothing is cut off or needs scrolling.
 */
static void
find_clipped_chrome (GtkWidget *widget,
                     GPtrArray *problems)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkPolicyType hpolicy, vpolicy;
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
      int min = 0;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &hpolicy, &vpolicy);
      if (hpolicy == GTK_POLICY_EXTERNAL && vpolicy == GTK_POLICY_NEVER && child != NULL)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
          if (min > gtk_widget_get_width (widget))
            {
              GString *line = g_string_new (NULL);

              g_string_append_printf (line, "%d px wide in %d px: ", min,
                                      gtk_widget_get_width (widget));
              describe (line, child);
              g_ptr_array_add (problems, g_string_free (line, FALSE));
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_clipped_chrome (child, problems);
}

typedef struct
{
  int width;
  int height;
  TpsWindowWidth layout;
} Screen;

/* GNOME's small-screen size, a laptop's half screen, a desktop. */
static const Screen screens[] = {
  { 360, 600, TPS_WINDOW_WIDTH_NARROW },
  { 800, 600, TPS_WINDOW_WIDTH_MEDIUM },
  { 1400, 900, TPS_WINDOW_WIDTH_WIDE },
};

static void
test_fits_every_width (gconstpointer data)
{
  const Screen *screen = data;
  const char *views[] = { "map", "touchpoints", "measures", "analysis" };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  TpsWindow *window = open_example (screen->width, screen->height);
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, "view_stack"));
  GtkWidget *bar = template_child (window, "switcher_bar");

  g_assert_cmpint (tps_window_get_width_class (window), ==, screen->layout);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      adw_view_stack_set_visible_child_name (stack, views[i]);
      settle (GTK_WIDGET (window));

      /* The window is as narrow as asked: nothing in it insists on more. */
      if (gtk_widget_get_width (GTK_WIDGET (window)) > screen->width)
        find_too_wide (GTK_WIDGET (window), screen->width, problems);
      find_clipped_chrome (GTK_WIDGET (window), problems);
      save_screenshot (GTK_WIDGET (window), views[i]);
    }

  /* The bulk-change bar, shown with three touchpoints selected. */
  {
    GtkWidget *view;
    GtkSelectionModel *selection;

    adw_view_stack_set_visible_child_name (stack, "touchpoints");
    view = find_descendant (GTK_WIDGET (window), TPS_TYPE_TOUCHPOINTS_VIEW);
    g_assert_nonnull (view);
    selection = tps_touchpoints_view_get_selection (TPS_TOUCHPOINTS_VIEW (view));
    gtk_selection_model_select_range (selection, 0, 3, TRUE);
    settle (GTK_WIDGET (window));
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (
      gtk_widget_get_template_child (view, TPS_TYPE_TOUCHPOINTS_VIEW, "bulk_revealer"))));
    find_clipped_chrome (GTK_WIDGET (window), problems);
    save_screenshot (GTK_WIDGET (window), "touchpoints-selected");
    gtk_selection_model_unselect_all (selection);
  }

  /* The map scrolled to its far end, for a person to see the headers
   * stay (tests/test-journey-canvas.c asserts it).
   */
  if (g_getenv ("TPS_SCREENSHOT_DIR") != NULL)
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (template_child (window, "map_scroller"));
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (scroller);

      adw_view_stack_set_visible_child_name (stack, "map");
      settle (GTK_WIDGET (window));
      gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) * 0.6);
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) * 0.5);
      settle (GTK_WIDGET (window));
      save_screenshot (GTK_WIDGET (window), "map-scrolled");
    }

  /* Where the header has no room for the view switcher, it moves to a bar
   * at the bottom.
   */
  if (screen->layout != TPS_WINDOW_WIDTH_MEDIUM)
    g_assert_cmpint (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)), ==,
                     screen->layout == TPS_WINDOW_WIDTH_NARROW);

  fail_on_problems (problems, "Toolbars cut off");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TPS_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--ui-language=de"))
      ui_language = "de";

  g_setenv ("LANGUAGE", g_str_equal (ui_language, "de") ? "de" : "C", TRUE);
  /* GTK's in-process accessibility backend: it keeps every name, so the
   * walk can read them.
   */
  g_setenv ("GTK_A11Y", "test", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* What the application adds from its resources, so that the window looks
   * as it does for users: the app's icons and style sheet.
   */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/accessibility/fits/%dx%d", screens[i].width,
                                               screens[i].height);

      g_test_add_data_func (path, &screens[i], test_fits_every_width);
    }

  g_test_add_func ("/accessibility/every-control-named", test_every_control_named);
  g_test_add_func ("/accessibility/shortcuts-complete", test_shortcuts_complete);
  g_test_add_func ("/accessibility/no-label-cut-off", test_no_label_cut_off);

  return g_test_run ();
}
