/* tps-rating-style.c
 *
 * The rating colours live in one place, the core palette, so that the map,
 * its print-out and every widget agree. This file turns them into CSS
 * classes (.rating-m2 … .rating-p2, .moment-…, .trend-…) that
 * data/style.css uses for shape and spacing, and reloads them when the
 * style manager switches between light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tps-palette.h"
#include "tps-rating-style.h"

static GtkCssProvider *provider;

static const char * const rating_classes[] = {
  "rating-m2", "rating-m1", "rating-0", "rating-p1", "rating-p2",
};

static const char * const moment_classes[] = {
  "moment-none", "moment-lovepoint", "moment-painpoint", "moment-of-truth",
};

/* The class of @rating's colour; ratings outside the scale are clamped. */
const char *
tps_rating_style_class (int rating)
{
  return rating_classes[CLAMP (rating, TPS_RATING_MIN, TPS_RATING_MAX) - TPS_RATING_MIN];
}

const char *
tps_moment_style_class (TpsMoment moment)
{
  if ((guint) moment >= G_N_ELEMENTS (moment_classes))
    moment = TPS_MOMENT_NONE;
  return moment_classes[moment];
}

static void
append_color (GString        *css,
              const char     *selector,
              const char     *property,
              const TpsColor *color,
              double          opacity)
{
  TpsColor c = *color;
  g_autofree char *value = NULL;

  c.alpha *= opacity;
  value = tps_color_to_string (&c);
  g_string_append_printf (css, "%s { %s: %s; }\n", selector, property, value);
}

static char *
build_css (gboolean dark)
{
  GString *css = g_string_new (NULL);
  TpsColor color, text;

  for (int rating = TPS_RATING_MIN; rating <= TPS_RATING_MAX; rating++)
    {
      const char *klass = tps_rating_style_class (rating);
      g_autofree char *fill = g_strdup_printf (".tps-rating-fill.%s, "
                                               ".tps-rating-button.%s:checked", klass, klass);
      g_autofree char *tint = g_strdup_printf (".tps-rating-button.%s", klass);
      g_autofree char *hover = g_strdup_printf (".tps-rating-button.%s:hover", klass);
      g_autofree char *swatch = g_strdup_printf (".tps-rating-swatch.%s", klass);
      g_autofree char *label = g_strdup_printf (".tps-rating-text.%s", klass);

      tps_palette_rating (rating, dark, &color);
      tps_palette_rating_text (rating, dark, &text);

      /* Unchosen steps show a tint of their colour, so the scale reads as
       * a scale; the chosen one is filled.
       */
      append_color (css, tint, "background-color", &color, 0.16);
      append_color (css, hover, "background-color", &color, 0.32);
      append_color (css, fill, "background-color", &color, 1.0);
      append_color (css, fill, "color", &text, 1.0);
      append_color (css, swatch, "background-color", &color, 1.0);
      /* Text in the rating's colour must read on the view background; the
       * fill colour of "okay" is too light for that, so it takes the
       * muted text colour.
       */
      if (rating == 0)
        tps_palette_get (TPS_PALETTE_TEXT_MUTED, dark, &color);
      append_color (css, label, "color", &color, 1.0);
    }

  for (TpsMoment moment = TPS_MOMENT_NONE; moment <= TPS_MOMENT_OF_TRUTH; moment++)
    {
      g_autofree char *badge = g_strdup_printf (".tps-moment-badge.%s",
                                                tps_moment_style_class (moment));

      tps_palette_moment (moment, dark, &color);
      append_color (css, badge, "color", &color, 1.0);
      append_color (css, badge, "background-color", &color, 0.14);
    }

  tps_palette_get (TPS_PALETTE_TREND_BETTER, dark, &color);
  append_color (css, ".tps-trend-better", "color", &color, 1.0);
  tps_palette_get (TPS_PALETTE_TREND_WORSE, dark, &color);
  append_color (css, ".tps-trend-worse", "color", &color, 1.0);
  tps_palette_get (TPS_PALETTE_TREND_NEUTRAL, dark, &color);
  append_color (css, ".tps-trend-neutral", "color", &color, 1.0);

  return g_string_free (css, FALSE);
}

static void
reload (AdwStyleManager *manager)
{
  g_autofree char *css = build_css (adw_style_manager_get_dark (manager));

  gtk_css_provider_load_from_data (provider, css, -1);
}

/**
 * tps_rating_style_init:
 *
 * Installs the palette's classes on the default display; widgets that use
 * them call this from their class_init. Safe to call more than once.
 */
void
tps_rating_style_init (void)
{
  AdwStyleManager *manager;
  GdkDisplay *display;

  if (provider != NULL)
    return;

  display = gdk_display_get_default ();
  if (display == NULL)
    return;

  manager = adw_style_manager_get_default ();
  provider = gtk_css_provider_new ();
  reload (manager);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect (manager, "notify::dark", G_CALLBACK (reload), NULL);
}
