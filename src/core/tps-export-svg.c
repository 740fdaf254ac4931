/* tps-export-svg.c
 *
 * cairo's SVG surface (1.16 and later alike) writes text as glyph outlines,
 * which no editor, search or screen reader can read. So the map is drawn
 * through the one renderer onto an SVG surface for everything but text,
 * and the renderer hands each piece of text here instead (its show_text
 * hook); each becomes a <text> element with one <tspan> per line, placed
 * where pango put the line and pinned to pango's width with textLength,
 * so the drawing matches the PDF even where the viewer's fonts differ.
 * Text that pango elided keeps its full wording in the element's <title>.
 *
 * The text elements follow the shapes, in one group at the end of the
 * document: the map never draws a shape over text, so the stacking is the
 * same as on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "tps-export-pdf.h"
#include "tps-export-svg.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-map-layout.h"
#include "tps-map-renderer.h"

static cairo_status_t
append_chunk (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* "Cantarell, Noto Sans, Sans" → "Cantarell, 'Noto Sans', sans-serif" */
static char *
css_font_family (const char *family)
{
  g_auto(GStrv) names = g_strsplit (family != NULL ? family : "Sans", ",", -1);
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;
      if (css->len > 0)
        g_string_append (css, ", ");

      if (g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "Sans-serif") == 0)
        g_string_append (css, "sans-serif");
      else if (g_ascii_strcasecmp (name, "Serif") == 0)
        g_string_append (css, "serif");
      else if (g_ascii_strcasecmp (name, "Monospace") == 0)
        g_string_append (css, "monospace");
      else if (strchr (name, ' ') != NULL)
        g_string_append_printf (css, "'%s'", name);
      else
        g_string_append (css, name);
    }

  return g_string_free (g_steal_pointer (&css), FALSE);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Two decimals are a hundredth of a pixel; locale-independent. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", fabs (value) < 0.005 ? 0.0 : value);
  g_string_append (out, buffer);
}

static gboolean
has_strikethrough (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  GSList *list;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_STRIKETHROUGH && ((PangoAttrInt *) attr)->value)
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

/* The text pango shows on @line: the ellipsis where it elided text, and
 * the hyphens it inserted where it broke a word.
 */
static char *
line_text (PangoLayout     *layout,
           PangoLayoutLine *line,
           double          *width)
{
  const char *text = pango_layout_get_text (layout);
  GString *shown = g_string_new (NULL);
  int units = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoItem *item = run->item;

      units += pango_glyph_string_get_width (run->glyphs);

      if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (shown, "…");
      else
        g_string_append_len (shown, text + item->offset, item->length);

      /* U+2010 rather than the hyphen-minus, so a reader can tell the
       * hyphens of the line breaks from those of the words.
       */
      if (item->analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN)
        g_string_append (shown, "‐");
    }

  *width = units / (double) PANGO_SCALE;
  return g_string_free (shown, FALSE);
}

/* The renderer's show_text hook: @layout at the current point of @cr, in
 * the source colour of @cr, becomes a <text> element in @data.
 */
static void
collect_text (cairo_t     *cr,
              PangoLayout *layout,
              gpointer     data)
{
  GString *out = data;
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  g_autofree char *family = NULL;
  PangoLayoutIter *iter;
  cairo_matrix_t ctm;
  double x, y, size = 12;
  double red = 0, green = 0, blue = 0, alpha = 1;
  int weight = PANGO_WEIGHT_NORMAL;
  gboolean italic = FALSE;

  if (!cairo_has_current_point (cr) || *pango_layout_get_text (layout) == '\0')
    return;

  cairo_get_current_point (cr, &x, &y);
  cairo_get_matrix (cr, &ctm);
  cairo_pattern_get_rgba (cairo_get_source (cr), &red, &green, &blue, &alpha);

  if (font != NULL)
    {
      family = css_font_family (pango_font_description_get_family (font));
      size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      weight = pango_font_description_get_weight (font);
      italic = pango_font_description_get_style (font) != PANGO_STYLE_NORMAL;
    }
  else
    family = css_font_family (NULL);

  g_string_append (out, "<text");
  if (ctm.xx != 1 || ctm.yx != 0 || ctm.xy != 0 || ctm.yy != 1 || ctm.x0 != 0 || ctm.y0 != 0)
    {
      double values[] = { ctm.xx, ctm.yx, ctm.xy, ctm.yy, ctm.x0, ctm.y0 };
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, " transform=\"matrix(");
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_ascii_formatd (buffer, sizeof buffer, "%.6g", values[i]);
          g_string_append_printf (out, i > 0 ? " %s" : "%s", buffer);
        }
      g_string_append (out, ")\"");
    }
  g_string_append_printf (out, " font-family=\"%s\" font-size=\"", family);
  append_number (out, size);
  g_string_append_printf (out, "\" font-weight=\"%d\"", CLAMP (weight, 100, 900) / 100 * 100);
  if (italic)
    g_string_append (out, " font-style=\"italic\"");
  if (has_strikethrough (layout))
    g_string_append (out, " text-decoration=\"line-through\"");
  g_string_append_printf (out, " fill=\"#%02x%02x%02x\"",
                          (int) round (red * 255), (int) round (green * 255),
                          (int) round (blue * 255));
  if (alpha < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, alpha);
      g_string_append_c (out, '"');
    }
  g_string_append (out, " xml:space=\"preserve\">");

  /* Where pango elided text, as on screen, the whole text stays in the
   * document as the element's title: searchable and read out.
   */
  if (pango_layout_is_ellipsized (layout))
    {
      g_autofree char *escaped = g_markup_escape_text (pango_layout_get_text (layout), -1);

      g_string_append_printf (out, "<title>%s</title>", escaped);
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *shown = NULL;
      g_autofree char *escaped = NULL;
      PangoRectangle logical;
      double width;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      shown = line_text (layout, line, &width);
      if (*shown == '\0')
        continue;
      escaped = g_markup_escape_text (shown, -1);

      g_string_append (out, "<tspan x=\"");
      append_number (out, x + logical.x / (double) PANGO_SCALE);
      g_string_append (out, "\" y=\"");
      append_number (out, y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
      g_string_append (out, "\" textLength=\"");
      append_number (out, width);
      g_string_append_printf (out, "\" lengthAdjust=\"spacingAndGlyphs\">%s</tspan>", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_string_append (out, "</text>\n");
}

/**
 * tps_export_svg_to_data:
 * @length: (out) (optional): the document's length in bytes
 *
 * Draws the journey map of @project at its natural size (one layout unit
 * is one SVG pixel) as an SVG document whose text is text.
 *
 * Returns: (transfer full) (nullable): the UTF-8 document, or %NULL with
 *   @error set
 */
char *
tps_export_svg_to_data (TpsProject  *project,
                        const TpsMapLayoutOptions *map_options,
                        gsize       *length,
                        GError     **error)
{
  g_autoptr(TpsMapLayout) layout = NULL;
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(GString) text = g_string_new ("<g id=\"text\">\n");
  g_autoptr(GString) document = NULL;
  TpsMapRenderOptions options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  const char *end;
  double width, height;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout = tps_map_layout_new_for_export (project, map_options);
  tps_map_layout_get_size (layout, &width, &height);

  surface = cairo_svg_surface_create_for_stream (append_chunk, svg, ceil (width), ceil (height));
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);

  cr = cairo_create (surface);
  tps_map_render_options_init (&options);
  options.print = TRUE;
  options.show_text = collect_text;
  options.show_text_data = text;
  tps_map_render (cr, layout, 1.0, NULL, &options);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                   _("drawing the map failed: %s"), cairo_status_to_string (status));
      return NULL;
    }

  g_string_append (text, "</g>\n");

  /* The text layer goes last, just before the root element closes. */
  document = g_string_new_len ((const char *) svg->data, svg->len);
  end = g_strrstr (document->str, "</svg>");
  if (end == NULL)
    {
      g_set_error_literal (error, TPS_EXPORT_ERROR, TPS_EXPORT_ERROR_FAILED,
                           _("the SVG surface wrote no document"));
      return NULL;
    }
  g_string_insert (document, end - document->str, text->str);

  if (length != NULL)
    *length = document->len;
  return g_string_free (g_steal_pointer (&document), FALSE);
}

/**
 * tps_export_svg:
 *
 * Writes the journey map of @project to @file as SVG with real text; see
 * tps_export_svg_to_data(). The file is replaced only when complete.
 */
gboolean
tps_export_svg (TpsProject    *project,
                const TpsMapLayoutOptions *map_options,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = tps_export_svg_to_data (project, map_options, &length, error);
  if (data == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return tps_file_replace_contents (file, data, length, TPS_FILE_REPLACE_NONE, error);
}
