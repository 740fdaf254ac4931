/* tps-project-stream.c — a project file's elements, one item at a time
 *
 * See tps-project-stream.h. Our SAX handlers replace libxml2's tree
 * builder: start_element() and characters() add the elements and text of
 * the open item to an arena, end_element() asks the reader what to do with
 * an item (or a child of the root) that ended, and the arena is emptied
 * back to where the item began once the reader has read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <string.h>

#include "tps-i18n-private.h"
#include "tps-project-io.h"
#include "tps-project-stream.h"

typedef struct
{
  gsize size;
  char data[];
} ArenaBlock;

typedef struct
{
  GPtrArray *blocks;
  TpsArenaMark top;
} Arena;

#define ARENA_BLOCK_SIZE (64 * 1024)

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  size = (size + 7) & ~(gsize) 7;

  for (;;)
    {
      if (arena->top.block < arena->blocks->len)
        {
          ArenaBlock *block = g_ptr_array_index (arena->blocks, arena->top.block);

          if (arena->top.used + size <= block->size)
            {
              gpointer memory = block->data + arena->top.used;

              arena->top.used += size;
              return memory;
            }

          if (arena->top.block + 1 < arena->blocks->len)
            {
              arena->top.block++;
              arena->top.used = 0;
              continue;
            }
        }

      {
        gsize block_size = MAX (ARENA_BLOCK_SIZE, size);
        ArenaBlock *block = g_malloc (sizeof (ArenaBlock) + block_size);

        block->size = block_size;
        g_ptr_array_add (arena->blocks, block);
        arena->top.block = arena->blocks->len - 1;
        arena->top.used = 0;
      }
    }
}

static char *
arena_strndup (Arena      *arena,
               const char *text,
               gsize       length)
{
  char *copy = arena_alloc (arena, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

/* Deeper than any project file (the deepest element, a measurement's note,
 * is six levels down), and far below libxml2's own limit, whose error would
 * read like a truncated file.
 */
#define MAX_DEPTH 64

typedef struct
{
  gboolean has_dtd;
  long dtd_line;
  guint depth;
  long too_deep_line;

  const TpsStreamFuncs *funcs;
  gpointer user_data;
  gboolean stopped;

  /* The elements read so far: the root, and the open element (NULL
   * before the root and after it has ended).
   */
  Arena arena;
  TpsNode *root;
  TpsNode *current;

  /* The first error libxml2 reports; later ones are follow-ups. */
  int error_code;
  int error_line;
  char *error_name;
  gboolean error_at_end;
} ParseGuard;

/* A DTD is where entities (and so entity bombs and external entities) are
 * declared. Project files never need one, so the parser stops at the first.
 */
static void
refuse_internal_subset (void          *user_data,
                        const xmlChar *name,
                        const xmlChar *external_id,
                        const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseGuard *guard = ctxt->_private;

  guard->has_dtd = TRUE;
  guard->dtd_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

static TpsNode *
add_node (ParseGuard  *guard,
          TpsNodeType  type,
          long         line)
{
  TpsNode *node = arena_alloc (&guard->arena, sizeof (TpsNode));
  TpsNode *parent = guard->current;

  *node = (TpsNode) { .type = type, .line = line, .parent = parent };
  if (parent == NULL)
    return node;

  if (parent->last != NULL)
    parent->last->next = node;
  else
    parent->children = node;
  parent->last = node;

  return node;
}

/* Attribute values come as libxml2 parsed them: a character reference to
 * “&” (which “&amp;” becomes) is still to be replaced, as libxml2's own
 * tree builder does.
 */
static const char *
copy_attribute_value (xmlParserCtxtPtr  ctxt,
                      Arena            *arena,
                      const xmlChar    *value,
                      const xmlChar    *end)
{
  const char *copy;
  xmlChar *decoded;

  if (memchr (value, '&', end - value) == NULL)
    return arena_strndup (arena, (const char *) value, end - value);

  decoded = xmlStringLenDecodeEntities (ctxt, value, (int) (end - value),
                                        XML_SUBSTITUTE_REF, 0, 0, 0);
  copy = arena_strndup (arena, decoded != NULL ? (const char *) decoded : "",
                        decoded != NULL ? strlen ((const char *) decoded) : 0);
  xmlFree (decoded);
  return copy;
}

/* Nesting is limited here, before the elements pile up. */
static void
start_element (void           *user_data,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             nb_namespaces,
               const xmlChar **namespaces,
               int             nb_attributes,
               int             nb_defaulted,
               const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseGuard *guard = ctxt->_private;
  TpsNode *node;
  guint n = 0;

  if (++guard->depth > MAX_DEPTH)
    {
      guard->too_deep_line = xmlSAX2GetLineNumber (ctxt);
      xmlStopParser (ctxt);
      return;
    }

  node = add_node (guard, TPS_NODE_ELEMENT, xmlSAX2GetLineNumber (ctxt));
  node->name = (const char *) localname;
  node->ns = (const char *) uri;
  node->attributes = arena_alloc (&guard->arena, (2 * nb_attributes + 1) * sizeof (char *));
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;

      /* Only attributes without a namespace are ours. */
      if (attribute[2] != NULL)
        continue;

      node->attributes[n++] = (const char *) attribute[0];
      node->attributes[n++] = copy_attribute_value (ctxt, &guard->arena,
                                                    attribute[3], attribute[4]);
    }
  node->attributes[n] = NULL;

  if (guard->current == NULL)
    guard->root = node;
  guard->current = node;
  node->mark = guard->arena.top;
}

/* Text, which libxml2 may hand over in several pieces. */
static void
characters (void          *user_data,
            const xmlChar *text,
            int            length)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseGuard *guard = ctxt->_private;
  TpsNode *node;

  if (guard->current == NULL || length <= 0)
    return;

  node = guard->current->last;
  if (node == NULL || node->type != TPS_NODE_TEXT)
    {
      node = add_node (guard, TPS_NODE_TEXT, xmlSAX2GetLineNumber (ctxt));
      node->capacity = MAX ((gsize) length, 15);
      node->content = arena_alloc (&guard->arena, node->capacity + 1);
    }
  else if (node->length + length > node->capacity)
    {
      char *grown;

      node->capacity = MAX (2 * node->capacity, node->length + length);
      grown = arena_alloc (&guard->arena, node->capacity + 1);
      memcpy (grown, node->content, node->length);
      node->content = grown;
    }

  memcpy (node->content + node->length, text, length);
  node->length += length;
  node->content[node->length] = '\0';
}

/* The children of @node have been read: the arena forgets them. */
static void
forget_children (ParseGuard *guard,
                 TpsNode    *node)
{
  node->children = node->last = NULL;
  guard->arena.top = node->mark;
}

/* The reader's verdict on @node's children (or, for the root, on the
 * child that just ended).
 */
static void
apply_verdict (xmlParserCtxtPtr  ctxt,
               ParseGuard       *guard,
               TpsNode          *node,
               TpsStreamVerdict  verdict)
{
  switch (verdict)
    {
    case TPS_STREAM_FORGET:
      forget_children (guard, node);
      break;

    case TPS_STREAM_KEEP:
      /* A kept child of the root stays; the root's next children come
       * after it in the arena.
       */
      if (node == guard->root)
        {
          node->mark = guard->arena.top;
          forget_children (guard, node);
        }
      break;

    case TPS_STREAM_STOP:
    default:
      guard->stopped = TRUE;
      guard->current = NULL;
      xmlStopParser (ctxt);
      break;
    }
}

static void
end_element (void          *user_data,
             const xmlChar *localname,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseGuard *guard = ctxt->_private;
  TpsNode *node = guard->current;

  guard->depth--;
  if (node == NULL)
    return;

  guard->current = node->parent;
  if (guard->depth == 2)
    apply_verdict (ctxt, guard, guard->current,
                   guard->funcs->item_ended (guard->user_data, guard->root, guard->current));
  else if (guard->depth == 1)
    apply_verdict (ctxt, guard, guard->root,
                   guard->funcs->root_child_ended (guard->user_data, guard->root, node));
}

/* Every error of libxml2 comes here instead of going to stderr; the first
 * is kept for our own sentence. @user_data is the ParseGuard.
 */
static void
collect_error (void        *user_data,
               xmlErrorPtr  xml_error)
{
  ParseGuard *guard = user_data;
  xmlParserCtxtPtr ctxt = xml_error->ctxt;

  if (guard == NULL || guard->error_code != 0 || xml_error->level < XML_ERR_ERROR)
    return;

  guard->error_code = xml_error->code;
  guard->error_line = xml_error->line;
  guard->error_name = g_strdup (xml_error->str1);
  guard->error_at_end = ctxt != NULL && ctxt->input != NULL
                        && ctxt->input->cur >= ctxt->input->end;
}

/* libxml2 also prints some problems (encoding conversion, for one)
 * through its generic handler; those are covered by the structured error.
 */
static void
ignore_message (void       *user_data,
                const char *format,
                ...)
{
}

static void
set_parse_error (const ParseGuard  *guard,
                 GError           **error)
{
  int line = guard->error_line > 0 ? guard->error_line : 1;

  switch (guard->error_code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_ENCODING,
                   _("Line %d: the file contains characters that are not valid UTF-8 text; "
                     "it may have been saved in another encoding or be damaged."), line);
      break;

    case XML_ERR_ATTRIBUTE_REDEFINED:
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_NOT_WELL_FORMED,
                   _("Line %d: the attribute “%s” is given twice in the same element; "
                     "the file is damaged."), line, guard->error_name ? guard->error_name : "");
      break;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_NOT_FINISHED:
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_NOT_WELL_FORMED,
                   _("Line %d: “&%s;” is not a known entity; a project file uses only "
                     "&amp; &lt; &gt; &quot; &apos; and numeric references such as &#228;."),
                   line, guard->error_name ? guard->error_name : "");
      break;

    default:
      if (guard->error_at_end)
        g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_TRUNCATED,
                     _("Line %d: the file ends unexpectedly; it is incomplete or damaged."),
                     line);
      else
        g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_NOT_WELL_FORMED,
                     _("Line %d: the file is damaged or not a project file: its XML structure "
                       "is broken here."), line);
      break;
    }
}

/* XML treats a lone carriage return as a line end, libxml2 counts only
 * line feeds. A copy with each lone CR made an LF parses to the same
 * document (XML normalises line ends anyway) with the right line numbers.
 * Returns: (transfer full) (nullable): the copy, or %NULL when @data has
 *   no lone CR
 */
static char *
normalise_lone_cr (const char *data,
                   gsize       length)
{
  const char *cr = memchr (data, '\r', length);
  char *copy;

  while (cr != NULL && cr + 1 < data + length && cr[1] == '\n')
    cr = memchr (cr + 1, '\r', data + length - (cr + 1));

  if (cr == NULL)
    return NULL;

  copy = g_memdup2 (data, length);
  for (gsize i = cr - data; i < length; i++)
    if (copy[i] == '\r' && (i + 1 == length || copy[i + 1] != '\n'))
      copy[i] = '\n';

  return copy;
}

/**
 * tps_project_stream_parse:
 * @data: the bytes of a .touchpoints file, neither empty nor too large
 * @funcs: what to do with the items as they end
 *
 * Returns: %FALSE with @error set when the XML itself is wrong (not
 *   well-formed, a DTD, too deep); %TRUE when the file was read to its end
 *   or a function of @funcs stopped it
 */
gboolean
tps_project_stream_parse (const char            *data,
                          gsize                  length,
                          const TpsStreamFuncs  *funcs,
                          gpointer               user_data,
                          GError               **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  g_autofree char *normalised = NULL;
  ParseGuard guard = { FALSE, };
  xmlGenericErrorFunc old_generic;
  xmlStructuredErrorFunc old_structured;
  void *old_generic_data;
  void *old_structured_data;
  gboolean ok = TRUE;

  normalised = normalise_lone_cr (data, length);
  if (normalised != NULL)
    data = normalised;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_IO,
                           _("Out of memory while reading the project."));
      return FALSE;
    }

  guard.funcs = funcs;
  guard.user_data = user_data;
  guard.arena.blocks = g_ptr_array_new_with_free_func (g_free);

  /* Elements and text are ours (see TpsNode); comments and processing
   * instructions mean nothing in a project and are skipped.
   */
  ctxt->_private = &guard;
  ctxt->sax->internalSubset = refuse_internal_subset;
  ctxt->sax->startElementNs = start_element;
  ctxt->sax->endElementNs = end_element;
  ctxt->sax->characters = characters;
  ctxt->sax->ignorableWhitespace = characters;
  ctxt->sax->comment = NULL;
  ctxt->sax->processingInstruction = NULL;

  /* libxml2's handlers are per thread; for the duration of the parse they
   * are ours, so nothing reaches stderr.
   */
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  old_structured = xmlStructuredError;
  old_structured_data = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_message);
  xmlSetStructuredErrorFunc (&guard, collect_error);

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, "project.touchpoints", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);

  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  xmlSetStructuredErrorFunc (old_structured_data, old_structured);

  if (guard.has_dtd)
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_DTD,
                   _("Line %ld: the file contains a document type declaration "
                     "(<!DOCTYPE …>), which project files must not have; it was not "
                     "opened for safety."), guard.dtd_line);
      ok = FALSE;
    }
  else if (guard.too_deep_line > 0)
    {
      g_set_error (error, TPS_PROJECT_ERROR, TPS_PROJECT_ERROR_NOT_WELL_FORMED,
                   _("Line %ld: the elements are nested more than %d levels deep; "
                     "a project file never nests that deep, so this is not one."),
                   guard.too_deep_line, MAX_DEPTH);
      ok = FALSE;
    }
  else if (guard.stopped)
    ;
  else if (doc == NULL || !ctxt->wellFormed)
    {
      set_parse_error (&guard, error);
      ok = FALSE;
    }
  else if (guard.root != NULL)
    funcs->finished (user_data, guard.root);

  g_free (guard.error_name);
  g_ptr_array_unref (guard.arena.blocks);
  g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);

  return ok;
}
