/* tps-project-stream.h — a project file's elements, one item at a time
 *
 * The XML layer of the reader (tps-project-reader.c): libxml2's SAX2
 * parser, made safe for files from anywhere (no DTD, hence no entities,
 * no network, a nesting limit, libxml2's size limits), builds the elements
 * of one item at a time (a persona, a stage, a touchpoint with its
 * measurements...) in an arena, hands each to the reader as it ends and
 * forgets it, so the whole document never exists as a tree beside the
 * model. The XML's own problems become one sentence with a line number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The elements of the item being read, and the text in them: built in an
 * arena that is emptied after each item, so reading a touchpoint costs no
 * allocation per element or attribute. Names are libxml2's dictionary
 * strings and live as long as the parse.
 */
typedef enum
{
  TPS_NODE_ELEMENT,
  TPS_NODE_TEXT,
} TpsNodeType;

typedef struct
{
  guint block;
  gsize used;
} TpsArenaMark;

typedef struct _TpsNode TpsNode;
struct _TpsNode
{
  TpsNodeType type;
  long line;
  TpsNode *parent;
  TpsNode *children;
  TpsNode *last;
  TpsNode *next;

  /* elements: local name, namespace (both libxml2's dictionary strings)
   * and the attributes without a namespace, as name, value, …, NULL
   */
  const char *name;
  const char *ns;
  const char **attributes;

  /* text */
  char *content;
  gsize length;
  gsize capacity;

  /* the lists of the root: the arena is emptied to here after each item */
  TpsArenaMark mark;
};

/* What the reader makes of an element that ended. */
typedef enum
{
  TPS_STREAM_FORGET,  /* read: its elements can go */
  TPS_STREAM_KEEP,    /* kept until its parent ends, or to the end */
  TPS_STREAM_STOP,    /* a problem: stop reading the file */
} TpsStreamVerdict;

typedef struct
{
  /* An element two levels below the root ended; @list, a child of the
   * root, holds it, with the white space before it. FORGET forgets
   * @list's children, KEEP keeps them until @list ends.
   */
  TpsStreamVerdict (*item_ended)       (gpointer  user_data,
                                        TpsNode  *root,
                                        TpsNode  *list);
  /* A child of the root ended. KEEP keeps it to the end. */
  TpsStreamVerdict (*root_child_ended) (gpointer  user_data,
                                        TpsNode  *root,
                                        TpsNode  *child);
  /* The root ended and the file is well-formed. */
  void             (*finished)         (gpointer  user_data,
                                        TpsNode  *root);
} TpsStreamFuncs;

gboolean tps_project_stream_parse (const char            *data,
                                   gsize                  length,
                                   const TpsStreamFuncs  *funcs,
                                   gpointer               user_data,
                                   GError               **error);

G_END_DECLS
