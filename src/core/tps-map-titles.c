/* tps-map-titles.c — how tall a card's title is, quickly and exactly
 *
 * The map needs every card's height before it can place any, and a card
 * is as tall as its title wraps: with thousands of touchpoints, shaping
 * every title with pango was most of the time it took to open a project.
 * Pango wraps greedily, so bounds from the title's characters, each
 * measured once, settle the number of lines of most titles exactly (see
 * title_lines_by_bounds()); pango measures the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tps-draw-private.h"
#include "tps-map-titles.h"

struct _TpsMapTitles
{
  double width;
  int max_lines;
  PangoLayout *measurer;      /* a title as the card wraps it */
  PangoLayout *char_measurer; /* one character of the title font, unwrapped */
  GHashTable *char_widths;    /* gunichar → double *, negative where not plain */
  double line_height;         /* one line of a wrapped title */
};

/* Takes @wrapped, a layout that wraps a title as a card of @width does
 * (at most @max_lines lines), and @alone, one that does not wrap, both in
 * the title font.
 */
TpsMapTitles *
tps_map_titles_new (PangoLayout *wrapped,
                    PangoLayout *alone,
                    double       width,
                    int          max_lines)
{
  TpsMapTitles *self = g_new0 (TpsMapTitles, 1);

  self->width = width;
  self->max_lines = max_lines;
  self->measurer = wrapped;
  self->char_measurer = alone;
  self->char_widths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  pango_layout_set_text (self->measurer, "x", -1);
  self->line_height = tps_draw_text_height (self->measurer);
  return self;
}

void
tps_map_titles_free (TpsMapTitles *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->measurer);
  g_clear_object (&self->char_measurer);
  g_clear_pointer (&self->char_widths, g_hash_table_unref);
  g_free (self);
}

/* How wide a character of the title font is on its own; negative for one
 * the bounds below cannot speak for: outside the plain Latin, punctuation
 * and currency ranges, or taller than the title font's line (drawn from a
 * fallback font).
 */
static double
char_width (TpsMapTitles *self,
            gunichar      c)
{
  double *width = g_hash_table_lookup (self->char_widths, GUINT_TO_POINTER (c));
  gboolean plain = (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x250 && c != 0xad)
                   || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)
                   || (c >= 0x20a0 && c <= 0x20cf);

  if (width != NULL)
    return *width;

  width = g_new (double, 1);
  *width = -1;
  if (plain)
    {
      char utf8[8] = { 0, };
      PangoRectangle logical;

      g_unichar_to_utf8 (c, utf8);
      pango_layout_set_text (self->char_measurer, utf8, -1);
      pango_layout_get_extents (self->char_measurer, NULL, &logical);
      if (logical.height / (double) PANGO_SCALE == self->line_height)
        *width = logical.width / (double) PANGO_SCALE;
    }

  g_hash_table_insert (self->char_widths, GUINT_TO_POINTER (c), width);
  return *width;
}

/* Pango wraps greedily, so a title takes at most the lines that first-fit
 * wrapping at its spaces takes with every character a little wider than on
 * its own (kerning, rounding), and at least its characters' width, a
 * little narrower (ligatures), over the line width. Where the bounds
 * agree (at the title's line limit counting as agreeing), that is its
 * number of lines. Returns: the number of lines, or 0 when pango must tell.
 */
static int
title_lines_by_bounds (TpsMapTitles *self,
                       const char   *title,
                       double        width)
{
  double line = 0, word = 0, spaces = 0, narrow_total = 0;
  int most = 1, least;

  if (*title == '\0' || *title == ' ')
    return 0;

  for (const char *p = title; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w;

      if (c == ' ' || c == '\0')
        {
          /* A word ends: on this line, or first on the next. */
          double wide = word * 1.03 + 0.5;

          if (word == 0)
            return 0;  /* two spaces in a row, or one at the end */
          if (wide > width)
            return 0;  /* a word wider than the line breaks inside */
          if (line == 0)
            line = wide;
          else if (line + spaces + wide <= width)
            line += spaces + wide;
          else
            {
              most++;
              line = wide;
            }
          word = 0;
          spaces = 0;
          if (c == '\0')
            break;
        }

      w = char_width (self, c);
      if (w < 0)
        return 0;
      if (c == ' ')
        spaces += w * 1.03 + 0.2;
      else
        {
          word += w;
          narrow_total += w;
        }
    }

  least = MAX (1, (int) ceil (narrow_total * 0.95 / width));
  most = MIN (most, self->max_lines);
  least = MIN (least, self->max_lines);

  return most == least ? most : 0;
}

/* The wrapped height of a card title: by the bounds above where they
 * settle it, by pango otherwise (@how is TPS_TITLE_BY_EITHER). The tests
 * hold the two against each other: TPS_TITLE_BY_BOUNDS returns -1 where
 * the bounds do not settle it, TPS_TITLE_BY_PANGO always asks pango.
 */
double
tps_map_titles_measure (TpsMapTitles    *self,
                        const char      *title,
                        TpsTitleMeasure  how)
{
  int lines = how == TPS_TITLE_BY_PANGO ? 0 : title_lines_by_bounds (self, title, self->width);

  if (lines > 0)
    return lines * self->line_height;
  if (how == TPS_TITLE_BY_BOUNDS)
    return -1;

  pango_layout_set_text (self->measurer, title, -1);
  return tps_draw_text_height (self->measurer);
}
