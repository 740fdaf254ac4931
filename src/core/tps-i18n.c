/* tps-i18n.c
 *
 * Exports are labelled in the language the user picks for them, which
 * need not be the window's. gettext only knows the process's language
 * (LANGUAGE, the locale), and changing that while other threads translate
 * is a race, so an export's thread reads the compiled catalogue of its
 * language itself: tps_i18n_set_thread_language() picks it for the calling
 * thread, and the core's _() (tps-i18n-private.h) looks strings up there.
 *
 * Catalogues are the same .mo files gettext reads, from the directory the
 * text domain is bound to; they are read once and kept. English is the
 * language of the sources, so it needs no catalogue. Plural forms: every
 * language the project ships (German, English) has the Germanic rule
 * (n != 1), which is what is used here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>

#include "tps-i18n.h"
#include "tps-i18n-private.h"

/* This file looks up the process's catalogue itself. */
#undef g_dgettext
#undef g_dngettext

#define MO_MAGIC 0x950412de

typedef struct
{
  char *data;             /* the .mo file, or NULL for the source language */
  gsize length;
  GHashTable *strings;    /* msgid → translation (NUL-separated plural forms) */
  GHashTable *lengths;    /* msgid → the translation's length */
} Catalog;

static GMutex catalogs_lock;
static GHashTable *catalogs;   /* language → Catalog, kept for the process's life */
static GPrivate thread_catalog;

static guint32
read_u32 (const char *data,
          gsize       offset,
          gboolean    swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads a .mo file; a missing or broken one leaves the catalogue empty,
 * so the text stays in English rather than failing the export.
 */
static void
catalog_read (Catalog    *catalog,
              const char *path)
{
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (!g_file_get_contents (path, &catalog->data, &catalog->length, NULL)
      || catalog->length < 20)
    return;

  memcpy (&magic, catalog->data, sizeof magic);
  swapped = magic != MO_MAGIC;
  if (swapped && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    return;

  n = read_u32 (catalog->data, 8, swapped);
  originals = read_u32 (catalog->data, 12, swapped);
  translations = read_u32 (catalog->data, 16, swapped);
  if (originals > catalog->length || translations > catalog->length
      || n > (catalog->length - MAX (originals, translations)) / 8)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = read_u32 (catalog->data, originals + 8 * i, swapped);
      guint32 o_off = read_u32 (catalog->data, originals + 8 * i + 4, swapped);
      guint32 t_len = read_u32 (catalog->data, translations + 8 * i, swapped);
      guint32 t_off = read_u32 (catalog->data, translations + 8 * i + 4, swapped);

      if ((gsize) o_off + o_len >= catalog->length || (gsize) t_off + t_len >= catalog->length
          || o_len == 0)
        continue;

      /* The original of a plural entry is "singular\0plural": the key is
       * the singular, which is what the C string is.
       */
      g_hash_table_insert (catalog->strings, catalog->data + o_off, catalog->data + t_off);
      g_hash_table_insert (catalog->lengths, catalog->data + o_off, GUINT_TO_POINTER (t_len));
    }
}

static Catalog *
catalog_get (const char *language)
{
  Catalog *catalog;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);

  catalog = g_hash_table_lookup (catalogs, language);
  if (catalog == NULL)
    {
      catalog = g_new0 (Catalog, 1);
      catalog->strings = g_hash_table_new (g_str_hash, g_str_equal);
      catalog->lengths = g_hash_table_new (g_str_hash, g_str_equal);
      if (!g_str_has_prefix (language, "en") && g_strcmp0 (language, "C") != 0)
        {
          const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
          g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
          g_autofree char *path = g_build_filename (dir != NULL ? dir : LOCALEDIR, language,
                                                    "LC_MESSAGES", file, NULL);

          catalog_read (catalog, path);
        }
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }
  g_mutex_unlock (&catalogs_lock);

  return catalog;
}

/**
 * tps_i18n_set_thread_language:
 * @language: (nullable): a language code ("de", "en"), or %NULL for the
 *   process's language
 *
 * Makes the core translate what the calling thread writes into @language,
 * until it is called again with %NULL.
 */
void
tps_i18n_set_thread_language (const char *language)
{
  g_private_set (&thread_catalog, language != NULL ? catalog_get (language) : NULL);
}

/* Form @index of a translation's NUL-separated plural forms. */
static const char *
plural_form (Catalog    *catalog,
             const char *msgid,
             guint       index)
{
  const char *form = g_hash_table_lookup (catalog->strings, msgid);
  const char *end;

  if (form == NULL)
    return NULL;

  end = form + GPOINTER_TO_UINT (g_hash_table_lookup (catalog->lengths, msgid));
  for (guint i = 0; i < index; i++)
    {
      const char *next = form + strlen (form) + 1;

      if (next > end)
        break;
      form = next;
    }

  return *form != '\0' ? form : NULL;
}

const char *
tps_gettext (const char *msgid)
{
  Catalog *catalog = g_private_get (&thread_catalog);
  const char *translation;

  if (catalog == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  translation = plural_form (catalog, msgid, 0);
  return translation != NULL ? translation : msgid;
}

const char *
tps_ngettext (const char *msgid,
              const char *msgid_plural,
              gulong      n)
{
  Catalog *catalog = g_private_get (&thread_catalog);
  const char *translation;

  if (catalog == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

  translation = plural_form (catalog, msgid, n != 1);
  if (translation != NULL)
    return translation;
  return n == 1 ? msgid : msgid_plural;
}

/* @msgctxtid: "context\004message"; @msgidoffset: where the message starts */
const char *
tps_pgettext (const char *msgctxtid,
              gsize       msgidoffset)
{
  Catalog *catalog = g_private_get (&thread_catalog);
  const char *translation;

  if (catalog == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);

  translation = plural_form (catalog, msgctxtid, 0);
  return translation != NULL ? translation : msgctxtid + msgidoffset;
}
