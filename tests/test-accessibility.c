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

#include "tps-export-dialog.h"
#include "tps-journey-canvas.h"
#include "tps-measurement-dialog.h"
#include "tps-measures-view.h"
#include "tps-preferences.h"
#include "tps-project-settings.h"
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

  return g_test_run ();
}
