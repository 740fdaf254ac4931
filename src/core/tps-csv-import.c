/* tps-csv-import.c — TpsCsvImport: a CSV read into a preview, then applied
 *
 * The CSV format itself (cells, records, values, the formula guard) is in
 * tps-csv.c, the export in tps-csv-export.c. At about 1 550 lines this file
 * is a little over our usual 1 500: it is one object, the preview, whose
 * reading of rows, matching against the project and applying through the
 * history share its state; split, each part would reach into the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tps-analysis.h"
#include "tps-compare-private.h"
#include "tps-csv-private.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"

/* --- the import preview ------------------------------------------------- */

#define COLUMN_BIT(column) (G_GUINT64_CONSTANT (1) << (column))

typedef struct
{
  guint row;
  gboolean valid;
  TpsTouchpoint *touchpoint;  /* every scalar set, no id or references yet */
  guint64 given;              /* COLUMN_BITs of the cells that are not blank */
  gboolean had_id;            /* the id cell was not blank */
  TpsTouchpoint *update;      /* the project's touchpoint this row updates, or NULL */
  char *id;
  char *stage;
  char *channel;
  int channel_kind;           /* -1 when the cell is empty */
  GPtrArray *personas;        /* names */
  GArray *ratings;            /* RowRating */
} Row;

/* A comparator cell with a rating; the column is an index into the
 * import's comparator columns.
 */
typedef struct
{
  guint comparator_column;
  int value;
} RowRating;

static void
row_free (Row *row)
{
  g_clear_object (&row->touchpoint);
  g_free (row->id);
  g_free (row->stage);
  g_free (row->channel);
  g_clear_pointer (&row->personas, g_ptr_array_unref);
  g_clear_pointer (&row->ratings, g_array_unref);
  g_free (row);
}

typedef struct
{
  TpsTouchpoint *target;  /* in the project */
  guint64 given;
} Update;

static void
update_free (Update *update)
{
  g_object_unref (update->target);
  g_free (update);
}

struct _TpsCsvImport
{
  GObject parent_instance;

  TpsProject *project;
  char separator;
  guint n_rows;
  gboolean applied;

  GListStore *touchpoints;
  GListStore *new_stages;
  GListStore *new_channels;
  GListStore *new_personas;
  GListStore *new_comparators;

  /* The comparator of each `comparator:NAME` column: its name in the
   * header, then the comparator it resolved to (the project's own or a new
   * one); and the ratings the valid rows give them, applied with the rows.
   */
  GPtrArray *comparator_columns;
  GPtrArray *comparator_targets;
  GPtrArray *new_ratings;          /* TpsComparatorRating, parallel to rating_targets */
  GPtrArray *rating_targets;       /* TpsComparator */

  /* Ids of the project's own stages, channels and personas the new
   * touchpoints refer to; apply checks they still exist.
   */
  GHashTable *existing_refs;

  /* Rows that update a touchpoint of the project rather than add one:
   * the row's touchpoint → Update. @present has the COLUMN_BITs the
   * header names; only those columns are updated.
   */
  GHashTable *updates;
  guint64 present;
  guint n_changed;

  GPtrArray *errors;
  GPtrArray *warnings;

  /* While build() runs: the project's ids, where each id prefix's search
   * for a free number goes on, and the name indexes of the lists (list →
   * NameIndex), so that a file of many rows costs no more per row than a
   * small one.
   */
  GHashTable *project_ids;
  GHashTable *next_id;
  GHashTable *name_indexes;
};

G_DEFINE_FINAL_TYPE (TpsCsvImport, tps_csv_import, G_TYPE_OBJECT)

static void
tps_csv_import_finalize (GObject *object)
{
  TpsCsvImport *self = TPS_CSV_IMPORT (object);

  g_clear_object (&self->project);
  g_clear_object (&self->touchpoints);
  g_clear_object (&self->new_stages);
  g_clear_object (&self->new_channels);
  g_clear_object (&self->new_personas);
  g_clear_object (&self->new_comparators);
  g_clear_pointer (&self->comparator_columns, g_ptr_array_unref);
  g_clear_pointer (&self->comparator_targets, g_ptr_array_unref);
  g_clear_pointer (&self->new_ratings, g_ptr_array_unref);
  g_clear_pointer (&self->rating_targets, g_ptr_array_unref);
  g_clear_pointer (&self->existing_refs, g_hash_table_unref);
  g_clear_pointer (&self->updates, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (tps_csv_import_parent_class)->finalize (object);
}

static void
tps_csv_import_class_init (TpsCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tps_csv_import_finalize;
}

static void
tps_csv_import_init (TpsCsvImport *self)
{
  self->touchpoints = g_list_store_new (TPS_TYPE_TOUCHPOINT);
  self->new_stages = g_list_store_new (TPS_TYPE_STAGE);
  self->new_channels = g_list_store_new (TPS_TYPE_CHANNEL);
  self->new_personas = g_list_store_new (TPS_TYPE_PERSONA);
  self->new_comparators = g_list_store_new (TPS_TYPE_COMPARATOR);
  self->comparator_columns = g_ptr_array_new_with_free_func (g_free);
  self->comparator_targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_ratings = g_ptr_array_new_with_free_func (g_object_unref);
  self->rating_targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->existing_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->updates = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) update_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_csv_problem_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) tps_csv_problem_free);
}

/* Returns: %TRUE when the cell holds a valid value, now in @value; an empty
 * cell keeps the default and a wrong one is reported.
 */
static gboolean
check_enum (GPtrArray  *errors,
            Row        *row,
            const char *key,
            const char *cell,
            GType       type,
            const char *message,
            int        *value)
{
  g_autofree char *text = tps_csv_stripped (cell);
  g_autofree char *words = NULL;

  if (*text == '\0')
    return FALSE;

  if (tps_csv_parse_enum (type, text, value))
    return TRUE;

  words = tps_csv_enum_words (type);
  tps_csv_add_problem (errors, row->row, key, message, text, words);
  row->valid = FALSE;
  return FALSE;
}

/* A touchpoint attribute's cell. A text is taken as it is; an empty
 * number, word or yes/no cell keeps the default.
 */
static void
read_attribute_cell (GPtrArray                    *errors,
                     Row                          *row,
                     const TpsTouchpointAttribute *attribute,
                     const char                   *cell)
{
  GParamSpec *pspec = tps_touchpoint_attribute_get_pspec (attribute);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  int value;

  if (attribute->type == TPS_ATTRIBUTE_TEXT || attribute->type == TPS_ATTRIBUTE_LINE)
    {
      tps_touchpoint_set_text (row->touchpoint, attribute, cell);
      return;
    }

  text = tps_csv_stripped (cell);
  if (*text == '\0')
    return;

  switch (attribute->type)
    {
    case TPS_ATTRIBUTE_INT:
      {
        GParamSpecInt *range = G_PARAM_SPEC_INT (pspec);

        if (tps_csv_parse_int (text, range->minimum, range->maximum, &value))
          break;

        tps_csv_add_problem (errors, row->row, attribute->name,
                             _("“%s” is not allowed for %s: use a whole number from %d to %d."),
                             text, _(g_param_spec_get_nick (pspec)), range->minimum,
                             range->maximum);
        row->valid = FALSE;
        return;
      }

    case TPS_ATTRIBUTE_ENUM:
      if (tps_csv_parse_enum (G_PARAM_SPEC_VALUE_TYPE (pspec), text, &value))
        break;

      words = tps_csv_enum_words (G_PARAM_SPEC_VALUE_TYPE (pspec));
      /* Translators: “x” is not allowed for Moment: use one of: none, … */
      tps_csv_add_problem (errors, row->row, attribute->name,
                           _("“%s” is not allowed for %s: use one of: %s."),
                           text, _(g_param_spec_get_nick (pspec)), words);
      row->valid = FALSE;
      return;

    case TPS_ATTRIBUTE_BOOLEAN:
      if (tps_csv_parse_boolean (text, &value))
        break;

      tps_csv_add_problem (errors, row->row, attribute->name,
                           _("“%s” is neither yes nor no; use true or false."), text);
      row->valid = FALSE;
      return;

    case TPS_ATTRIBUTE_TEXT:
    case TPS_ATTRIBUTE_LINE:
    default:
      g_assert_not_reached ();
    }

  tps_touchpoint_set_int (row->touchpoint, attribute, value);
}

/* Reads one record into a touchpoint that is not yet part of any project,
 * checking every cell; the row stays invalid if any cell is wrong.
 */
static Row *
read_row (Record    *record,
          const int *column_of_cell,
          GPtrArray *comparator_columns,
          GPtrArray *errors)
{
  Row *row = g_new0 (Row, 1);
  guint n_columns;
  const TpsCsvColumn *columns = tps_csv_get_columns (&n_columns);

  row->row = record->row;
  row->valid = TRUE;
  row->touchpoint = tps_touchpoint_new (NULL);
  row->channel_kind = -1;
  row->personas = g_ptr_array_new_with_free_func (g_free);
  row->ratings = g_array_new (FALSE, FALSE, sizeof (RowRating));

  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *cell = tps_csv_remove_formula_guard (g_ptr_array_index (record->cells, i));
      const char *key;
      Column column;

      if (column_of_cell[i] < 0)
        continue;

      /* A comparator's rating: empty where it was not rated. */
      if (column_of_cell[i] >= MAX_COLUMNS)
        {
          g_autofree char *text = tps_csv_stripped (cell);
          guint k = column_of_cell[i] - MAX_COLUMNS;
          g_autofree char *key = g_strconcat (COMPARATOR_PREFIX,
                                              (char *) g_ptr_array_index (comparator_columns, k),
                                              NULL);
          RowRating rating = { k, 0 };

          if (*text == '\0')
            continue;
          if (tps_csv_parse_int (text, TPS_RATING_MIN, TPS_RATING_MAX, &rating.value))
            g_array_append_val (row->ratings, rating);
          else
            {
              tps_csv_add_problem (errors, row->row, key,
                                   _("“%s” is not a rating; use a whole number from -2 to 2, "
                                     "or leave the cell empty where the comparator was not "
                                     "rated."),
                                   text);
              row->valid = FALSE;
            }
          continue;
        }
      column = column_of_cell[i];
      key = columns[column].key;
      if (cell[strspn (cell, " \t")] != '\0')
        row->given |= COLUMN_BIT (column);

      switch (columns[column].content)
        {
        case COL_ATTRIBUTE:
          read_attribute_cell (errors, row, columns[column].attribute, cell);
          break;

        case COL_ID:
          row->id = tps_csv_stripped (cell);
          break;

        case COL_STAGE:
          row->stage = tps_csv_stripped (cell);
          if (*row->stage == '\0')
            {
              tps_csv_add_problem (errors, row->row, key, "%s",
                                   _("The stage is empty; every touchpoint belongs to a stage."));
              row->valid = FALSE;
            }
          break;

        case COL_CHANNEL:
          row->channel = tps_csv_stripped (cell);
          if (*row->channel == '\0')
            {
              tps_csv_add_problem (errors, row->row, key, "%s",
                                   _("The channel is empty; every touchpoint belongs to a "
                                     "channel."));
              row->valid = FALSE;
            }
          break;

        case COL_CHANNEL_KIND:
          check_enum (errors, row, key, cell, TPS_TYPE_CHANNEL_KIND,
                      _("“%s” is not a channel kind; use one of: %s."), &row->channel_kind);
          break;

        case COL_PERSONAS:
          g_ptr_array_unref (row->personas);
          row->personas = tps_csv_split_list (cell);
          break;

        case COL_SYSTEMS:
          {
            g_autoptr(GPtrArray) systems = tps_csv_split_list (cell);

            g_ptr_array_add (systems, NULL);
            tps_touchpoint_set_systems (row->touchpoint,
                                        (const char * const *) systems->pdata);
          }
          break;

        case COL_GAP:
        case COL_PRIORITY:
        case COL_MEASURES:
        case COL_KPI_DATE:
        case COL_KPI_METRIC:
        case COL_KPI_VALUE:
        case COL_KPI_BASELINE:
          /* Derived: recomputed from the data, whatever the cell says. */
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return row;
}

/* A header cell without a name, and where its warning goes among the
 * header's warnings should any row have content in it.
 */
typedef struct
{
  guint cell;
  guint warning_position;
  gboolean has_content;
} Unnamed;

static void
note_unnamed_content (GArray *unnamed,
                      Record *record)
{
  for (guint u = 0; u < unnamed->len; u++)
    {
      Unnamed *column = &g_array_index (unnamed, Unnamed, u);

      if (column->cell < record->cells->len
          && *(char *) g_ptr_array_index (record->cells, column->cell) != '\0')
        column->has_content = TRUE;
    }
}

static void
warn_unnamed (GArray    *unnamed,
              GPtrArray *warnings)
{
  /* Backwards, so that each position is still the one noted. */
  for (guint u = unnamed->len; u-- > 0;)
    {
      Unnamed *column = &g_array_index (unnamed, Unnamed, u);
      g_autoptr(GPtrArray) one = NULL;

      if (!column->has_content)
        continue;

      one = g_ptr_array_new ();
      tps_csv_add_problem (one, 1, NULL, _("Column %u has no name; its cells are ignored."),
                           column->cell + 1);
      g_ptr_array_insert (warnings, column->warning_position, g_ptr_array_index (one, 0));
    }
}

/* Maps each header cell to a column. Unknown columns are reported and
 * ignored, so that a sheet with an extra column of the team's own still
 * reads; a missing stage, channel or title column makes the file unusable.
 */
static int *
map_header (Record     *header,
            GArray     *unnamed,
            GPtrArray  *comparator_columns,
            GPtrArray  *warnings,
            GError    **error)
{
  g_autofree int *column_of_cell = g_new (int, header->cells->len);
  guint n_columns;
  const TpsCsvColumn *columns = tps_csv_get_columns (&n_columns);
  int cell_of_column[MAX_COLUMNS];
  static const char * const required[] = { "stage", "channel", "title" };

  for (guint c = 0; c < n_columns; c++)
    cell_of_column[c] = -1;

  for (guint i = 0; i < header->cells->len; i++)
    {
      g_autofree char *key = tps_csv_normalize_key (g_ptr_array_index (header->cells, i));

      column_of_cell[i] = -1;

      /* `comparator:NAME` keeps NAME as written; the same comparator twice
       * is read once.
       */
      if (g_str_has_prefix (key, COMPARATOR_PREFIX))
        {
          g_autofree char *raw = tps_csv_stripped (g_ptr_array_index (header->cells, i));
          g_autofree char *name = tps_csv_stripped (raw + strlen (COMPARATOR_PREFIX));
          g_autofree char *name_match = tps_csv_match_key (name);
          gboolean seen = FALSE;

          for (guint k = 0; k < comparator_columns->len; k++)
            {
              g_autofree char *other =
                tps_csv_match_key (g_ptr_array_index (comparator_columns, k));
              seen |= strcmp (other, name_match) == 0;
            }

          if (*name == '\0' || seen)
            tps_csv_add_problem (warnings, 1, key, "%s",
                                 *name == '\0' ? _("This comparator column names no comparator and "
                                                   "is ignored.")
                                       : _("This comparator appears twice; only its first "
                                           "column is read."));
          else
            {
              column_of_cell[i] = MAX_COLUMNS + comparator_columns->len;
              g_ptr_array_add (comparator_columns, g_steal_pointer (&name));
            }
          continue;
        }

      for (guint c = 0; c < n_columns; c++)
        if (strcmp (key, columns[c].key) == 0)
          column_of_cell[i] = c;

      if (column_of_cell[i] >= 0)
        {
          if (cell_of_column[column_of_cell[i]] >= 0)
            {
              g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_DUPLICATE_COLUMN,
                           _("Row 1: the column “%s” appears twice."), key);
              return NULL;
            }
          cell_of_column[column_of_cell[i]] = i;
        }
      else if (*key != '\0')
        tps_csv_add_problem (warnings, 1, key, "%s",
                             _("This column is not known and is ignored."));
      else
        {
          /* A trailing separator makes a nameless, empty column; only one
           * with content is worth a word, which warn_unnamed() puts here
           * once the rows are read.
           */
          Unnamed column = { i, warnings->len, FALSE };

          g_array_append_val (unnamed, column);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean found = FALSE;

      for (guint c = 0; c < n_columns; c++)
        found |= cell_of_column[c] >= 0 && strcmp (columns[c].key, required[i]) == 0;

      if (!found)
        {
          g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_MISSING_COLUMN,
                       _("Row 1: the column “%s” is missing; the first row must name the "
                         "columns, at least stage, channel and title."),
                       required[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&column_of_cell);
}

static gboolean
id_is_taken (TpsCsvImport *self,
             GHashTable   *reserved,
             const char   *id)
{
  return g_hash_table_contains (self->project_ids, id) || g_hash_table_contains (reserved, id);
}

/* Like tps_project_make_id(), and also free of the ids this import has
 * already promised to other new objects. Ids only get taken while an
 * import is built, so each prefix's search goes on where it stopped.
 */
static char *
make_id (TpsCsvImport *self,
         GHashTable   *reserved,
         const char   *prefix)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->next_id, prefix));

  for (n = MAX (n, 1); ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (!id_is_taken (self, reserved, id))
        {
          g_hash_table_insert (self->next_id, (gpointer) prefix, GUINT_TO_POINTER (n + 1));
          g_hash_table_add (reserved, g_strdup (id));
          return g_steal_pointer (&id);
        }
    }
}

/* A list's objects by exact name, by tps_csv_match_key() of the name and by id;
 * of two with the same name, the first.
 */
typedef struct
{
  GHashTable *by_name;
  GHashTable *by_key;
  GHashTable *by_id;
} NameIndex;

static void
name_index_free (NameIndex *index)
{
  g_hash_table_unref (index->by_name);
  g_hash_table_unref (index->by_key);
  g_hash_table_unref (index->by_id);
  g_free (index);
}

static void
insert_first (GHashTable *table,
              const char *key,
              TpsObject  *object)
{
  if (key != NULL && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), g_object_ref (object));
}

static void
name_index_add (NameIndex *index,
                TpsObject *object)
{
  const char *name = tps_object_get_display_name (object);

  insert_first (index->by_name, name, object);
  if (name != NULL)
    {
      g_autofree char *key = tps_csv_match_key (name);
      insert_first (index->by_key, key, object);
    }
  insert_first (index->by_id, tps_object_get_id (object), object);
}

/* The index of @list, made on first use; objects this import appends to
 * its own lists are added by resolve().
 */
static NameIndex *
name_index_of (TpsCsvImport *self,
               GListModel   *list)
{
  NameIndex *index = g_hash_table_lookup (self->name_indexes, list);
  guint n;

  if (index != NULL)
    return index;

  index = g_new0 (NameIndex, 1);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);
      name_index_add (index, object);
    }

  g_hash_table_insert (self->name_indexes, list, index);
  return index;
}

/* Finds the object a cell names: by exact name, then ignoring case and
 * Unicode composition, then by id — in the project first, then among the
 * objects this import creates.
 */
static TpsObject *
find_named (TpsCsvImport *self,
            GListModel   *list,
            const char   *name,
            gboolean      by_id)
{
  NameIndex *index = name_index_of (self, list);
  g_autofree char *key = tps_csv_match_key (name);
  TpsObject *object;

  object = g_hash_table_lookup (index->by_name, name);
  if (object == NULL)
    object = g_hash_table_lookup (index->by_key, key);
  if (object == NULL && by_id)
    object = g_hash_table_lookup (index->by_id, name);

  return object;
}

typedef TpsObject *(*CreateFunc) (const char *id);

static TpsObject *
create_stage (const char *id)
{
  return TPS_OBJECT (tps_stage_new (id));
}

static TpsObject *
create_channel (const char *id)
{
  return TPS_OBJECT (tps_channel_new (id));
}

static TpsObject *
create_persona (const char *id)
{
  return TPS_OBJECT (tps_persona_new (id));
}

static TpsObject *
create_comparator (const char *id)
{
  return TPS_OBJECT (tps_comparator_new (id));
}

/* Returns: (transfer none): the id of the object @name refers to, creating
 * it (named @name) among the new objects when nothing matches.
 */
static const char *
resolve (TpsCsvImport *self,
         GListModel   *existing,
         GListStore   *created,
         GHashTable   *reserved,
         const char   *prefix,
         CreateFunc    create,
         const char   *name,
         gboolean     *is_new)
{
  TpsObject *object = find_named (self, existing, name, TRUE);
  g_autofree char *id = NULL;
  g_autoptr(TpsObject) new_object = NULL;

  if (object != NULL)
    {
      g_hash_table_add (self->existing_refs, g_strdup (tps_object_get_id (object)));
      *is_new = FALSE;
      return tps_object_get_id (object);
    }

  object = find_named (self, G_LIST_MODEL (created), name, FALSE);
  if (object != NULL)
    {
      *is_new = FALSE;
      return tps_object_get_id (object);
    }

  id = make_id (self, reserved, prefix);
  new_object = create (id);
  g_object_set (new_object, "name", name, NULL);
  g_list_store_append (created, new_object);
  name_index_add (name_index_of (self, G_LIST_MODEL (created)), new_object);
  *is_new = TRUE;

  return tps_object_get_id (new_object);
}

static char *
stage_title_key (const char *stage_id,
                 const char *title)
{
  g_autofree char *key = tps_csv_name_key (title ? title : "");

  return g_strconcat (stage_id ? stage_id : "", "\x1f", key, NULL);
}

/* The project's touchpoints by stage and title; of two with the same
 * title in one stage, the first in journey order.
 */
static GHashTable *
index_by_stage_and_title (TpsProject *project)
{
  GListModel *touchpoints = tps_project_get_touchpoints (project);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      TpsTouchpoint *touchpoint = g_list_model_get_item (touchpoints, i);
      char *key = stage_title_key (tps_touchpoint_get_stage_id (touchpoint),
                                   tps_touchpoint_get_title (touchpoint));

      if (g_hash_table_contains (index, key))
        {
          g_free (key);
          g_object_unref (touchpoint);
        }
      else
        g_hash_table_insert (index, key, touchpoint);
    }

  return index;
}

/* Gives the valid rows their ids and references. Ids from the file are
 * kept when they are valid and free (the first row wins); everything else
 * gets a fresh id, after the kept ones are known so no two collide.
 */
static void
build (TpsCsvImport *self,
       GPtrArray    *rows)
{
  g_autoptr(GHashTable) reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TpsProject *project = self->project;

  g_autoptr(GHashTable) claimed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_title = NULL;

  self->project_ids = tps_project_index_ids (project);
  self->next_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->name_indexes = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) name_index_free);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      TpsObject *found = row->id ? g_hash_table_lookup (self->project_ids, row->id) : NULL;
      TpsTouchpoint *existing = TPS_IS_TOUCHPOINT (found) ? TPS_TOUCHPOINT (found) : NULL;

      row->had_id = row->id != NULL && *row->id != '\0';
      /* A row with the id of one of the project's touchpoints updates it;
       * should two rows name it, the first does.
       */
      if (row->valid && existing != NULL && !g_hash_table_contains (claimed, existing))
        {
          row->update = existing;
          g_hash_table_add (claimed, existing);
        }
      else if (!row->valid || !tps_id_is_valid (row->id)
               || id_is_taken (self, reserved, row->id))
        g_clear_pointer (&row->id, g_free);
      else
        g_hash_table_add (reserved, g_strdup (row->id));
    }

  /* Comparator columns name the project's comparators or new ones. */
  for (guint k = 0; k < self->comparator_columns->len; k++)
    {
      gboolean is_new;
      const char *id = resolve (self, tps_project_get_comparators (project),
                                self->new_comparators, reserved, "cmp", create_comparator,
                                g_ptr_array_index (self->comparator_columns, k), &is_new);
      TpsObject *comparator = (TpsObject *) tps_project_find_comparator (project, id);

      if (comparator == NULL)
        comparator = find_named (self, G_LIST_MODEL (self->new_comparators), id, TRUE);
      g_ptr_array_add (self->comparator_targets, g_object_ref (comparator));
    }

  by_title = index_by_stage_and_title (project);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) persona_ids = g_ptr_array_new ();
      gboolean is_new;
      const char *channel_id;

      if (!row->valid)
        continue;

      tps_touchpoint_set_stage_id (row->touchpoint,
                                   resolve (self, tps_project_get_stages (project),
                                            self->new_stages, reserved, "s", create_stage,
                                            row->stage, &is_new));

      /* Without an id, a row updates the touchpoint of the same title in
       * the same stage.
       */
      if (row->update == NULL && !row->had_id && !is_new)
        {
          g_autofree char *key = stage_title_key (tps_touchpoint_get_stage_id (row->touchpoint),
                                                  tps_touchpoint_get_title (row->touchpoint));
          TpsTouchpoint *existing = g_hash_table_lookup (by_title, key);

          if (existing != NULL && !g_hash_table_contains (claimed, existing))
            {
              row->update = existing;
              g_hash_table_add (claimed, existing);
            }
        }

      if (row->update != NULL)
        {
          Update *update = g_new0 (Update, 1);

          update->target = g_object_ref (row->update);
          update->given = row->given;
          g_hash_table_insert (self->updates, row->touchpoint, update);
          g_free (row->id);
          row->id = g_strdup (tps_object_get_id (TPS_OBJECT (row->update)));
        }
      else if (row->id == NULL)
        row->id = make_id (self, reserved, "t");
      tps_object_set_id (TPS_OBJECT (row->touchpoint), row->id);

      channel_id = resolve (self, tps_project_get_channels (project), self->new_channels,
                            reserved, "c", create_channel, row->channel, &is_new);
      tps_touchpoint_set_channel_id (row->touchpoint, channel_id);

      /* A new channel takes its kind from the first row that names it;
       * without one it is hybrid, the kind that assumes least.
       */
      if (is_new)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->new_channels));
          g_autoptr(TpsChannel) channel =
            g_list_model_get_item (G_LIST_MODEL (self->new_channels), n - 1);

          tps_channel_set_kind (channel, row->channel_kind >= 0 ? row->channel_kind
                                                                : TPS_CHANNEL_KIND_HYBRID);
        }

      for (guint p = 0; p < row->personas->len; p++)
        {
          const char *id = resolve (self, tps_project_get_personas (project),
                                    self->new_personas, reserved, "p", create_persona,
                                    g_ptr_array_index (row->personas, p), &is_new);

          if (!g_ptr_array_find_with_equal_func (persona_ids, id, g_str_equal, NULL))
            g_ptr_array_add (persona_ids, (gpointer) id);
        }
      g_ptr_array_add (persona_ids, NULL);
      tps_touchpoint_set_persona_ids (row->touchpoint,
                                      (const char * const *) persona_ids->pdata);

      for (guint r = 0; r < row->ratings->len; r++)
        {
          RowRating *rating = &g_array_index (row->ratings, RowRating, r);

          g_ptr_array_add (self->new_ratings, tps_comparator_rating_new (row->id, rating->value));
          g_ptr_array_add (self->rating_targets,
                           g_object_ref (g_ptr_array_index (self->comparator_targets,
                                                            rating->comparator_column)));
        }

      g_list_store_append (self->touchpoints, row->touchpoint);
    }

  g_clear_pointer (&self->project_ids, g_hash_table_unref);
  g_clear_pointer (&self->next_id, g_hash_table_unref);
  g_clear_pointer (&self->name_indexes, g_hash_table_unref);
}

static void
set_too_large (GError **error)
{
  g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_TOO_LARGE,
               _("The file is larger than %u MiB; this is not a touchpoint table."),
               TPS_CSV_MAX_SIZE / (1024 * 1024));
}

/**
 * tps_csv_import_parse:
 * @project: the project the rows are meant for; it is not changed
 * @data: the file's bytes
 *
 * Reads a CSV into a preview: the touchpoints it would create, the stages,
 * channels and personas that do not exist yet, and every problem with its
 * row and column. Problems with single rows are collected; only a file
 * that cannot be read as a table at all is a @error.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error set
 */
TpsCsvImport *
tps_csv_import_parse (TpsProject  *project,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(TpsCsvImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) unnamed = g_array_new (FALSE, FALSE, sizeof (Unnamed));
  g_autofree int *column_of_cell = NULL;
  g_autofree char *converted = NULL;
  const char *text;
  gsize text_length;
  Reader reader;
  Record *header, *record;
  guint n_header_cells;

  g_return_val_if_fail (TPS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (TPS_TYPE_CSV_IMPORT, NULL);
  self->project = g_object_ref (project);

  if (length > TPS_CSV_MAX_SIZE)
    {
      set_too_large (error);
      return NULL;
    }

  if (!tps_csv_decode_text (data, length, &text, &text_length, &converted, self->warnings, error))
    return NULL;

  self->separator = tps_csv_detect_separator (text, text + text_length);
  tps_csv_reader_init (&reader, text, text_length, self->separator);

  header = tps_csv_reader_next (&reader);
  if (header == NULL || tps_csv_record_is_blank (header))
    {
      g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_EMPTY,
                           _("The file has no header row; the first row must name the "
                             "columns, at least stage, channel and title."));
      tps_csv_reader_clear (&reader);
      return NULL;
    }

  column_of_cell = map_header (header, unnamed, self->comparator_columns, self->warnings,
                               error);
  if (column_of_cell == NULL)
    {
      tps_csv_reader_clear (&reader);
      return NULL;
    }
  n_header_cells = header->cells->len;
  for (guint i = 0; i < n_header_cells; i++)
    if (column_of_cell[i] >= 0 && column_of_cell[i] < MAX_COLUMNS)
      self->present |= COLUMN_BIT (column_of_cell[i]);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  while ((record = tps_csv_reader_next (&reader)) != NULL)
    {
      note_unnamed_content (unnamed, record);

      if (record->unterminated_cell < 0 && tps_csv_record_is_blank (record))
        continue;

      self->n_rows++;

      if (record->unterminated_cell >= 0)
        {
          int column = (guint) record->unterminated_cell < n_header_cells
                       ? column_of_cell[record->unterminated_cell] : -1;
          guint n_columns;
          const TpsCsvColumn *columns = tps_csv_get_columns (&n_columns);

          tps_csv_add_problem (self->errors, record->row,
                               column >= 0 && column < (int) n_columns
                               ? columns[column].key : NULL,
                               "%s", _("A quoted cell is not closed: its closing quotation mark "
                                       "is missing, so the rest of the file was read into it."));
          continue;
        }

      if (record->cells->len != n_header_cells)
        {
          tps_csv_add_problem (self->errors, record->row, NULL,
                               g_dngettext (GETTEXT_PACKAGE,
                                    "This row has %u cell, but the header names %u columns.",
                                    "This row has %u cells, but the header names %u columns.",
                                    record->cells->len),
                               record->cells->len, n_header_cells);
          continue;
        }

      g_ptr_array_add (rows, read_row (record, column_of_cell, self->comparator_columns,
                                       self->errors));
    }

  tps_csv_reader_clear (&reader);
  warn_unnamed (unnamed, self->warnings);

  build (self, rows);

  return g_steal_pointer (&self);
}

/* Returns: the separator found in the header row: ',', ';' or tab */
char
tps_csv_import_get_separator (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), ',');
  return self->separator;
}

/* Returns: the number of rows with content, valid or not */
guint
tps_csv_import_get_n_rows (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);
  return self->n_rows;
}

/* Returns: (transfer none): the TpsTouchpoints the valid rows create, in
 * file order; not part of any project until applied
 */
GListModel *
tps_csv_import_get_touchpoints (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->touchpoints);
}

/* Returns: (transfer none): the TpsStages that do not exist yet, in the
 * order the file first names them; they are appended after the project's
 */
GListModel *
tps_csv_import_get_new_stages (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_stages);
}

/* Returns: (transfer none): the TpsChannels to create, as for stages */
GListModel *
tps_csv_import_get_new_channels (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_channels);
}

/* Returns: (transfer none): the TpsPersonas to create, as for stages */
GListModel *
tps_csv_import_get_new_personas (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->new_personas);
}

/* Returns: (transfer none) (element-type TpsCsvProblem): the problems that
 * keep rows from being imported, in file order
 */
GPtrArray *
tps_csv_import_get_errors (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return self->errors;
}

/* Returns: (transfer none) (element-type TpsCsvProblem): things worth
 * knowing that do not stop the import: unknown columns, a guessed encoding
 */
GPtrArray *
tps_csv_import_get_warnings (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), NULL);
  return self->warnings;
}

static guint
count_invalid_rows (TpsCsvImport *self)
{
  guint n = 0, last_row = 0;

  for (guint i = 0; i < self->errors->len; i++)
    {
      TpsCsvProblem *problem = g_ptr_array_index (self->errors, i);

      if (problem->row != last_row)
        n++;
      last_row = problem->row;
    }

  return n;
}

static gboolean
ids_still_free (GHashTable *ids,
                GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpsObject) object = g_list_model_get_item (list, i);

      if (g_hash_table_contains (ids, tps_object_get_id (object)))
        return FALSE;
    }

  return TRUE;
}

/* The new touchpoints' ids are still free, the updated ones still there. */
static gboolean
updates_still_fit (TpsCsvImport *self,
                   GHashTable   *ids)
{
  GListModel *touchpoints = G_LIST_MODEL (self->touchpoints);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      Update *update = g_hash_table_lookup (self->updates, touchpoint);
      TpsObject *found = g_hash_table_lookup (ids, tps_object_get_id (TPS_OBJECT (touchpoint)));

      if (update != NULL ? found != TPS_OBJECT (update->target) : found != NULL)
        return FALSE;
    }

  return TRUE;
}

/* The preview was made against the project as it was; if someone removed
 * a stage it refers to, or took one of its ids, applying it would break
 * the project. The project's ids are indexed once, so this stays linear.
 */
static gboolean
project_unchanged (TpsCsvImport *self)
{
  g_autoptr(GHashTable) ids = tps_project_index_ids (self->project);
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->existing_refs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (ids, id))
      return FALSE;

  if (!updates_still_fit (self, ids))
    return FALSE;

  return ids_still_free (ids, G_LIST_MODEL (self->new_stages))
         && ids_still_free (ids, G_LIST_MODEL (self->new_channels))
         && ids_still_free (ids, G_LIST_MODEL (self->new_personas))
         && ids_still_free (ids, G_LIST_MODEL (self->new_comparators));
}

static void
append_all (TpsHistory *history,
            GListModel *target,
            GListModel *items)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (history != NULL)
        tps_history_append (history, target, item);
      else
        g_list_store_append (G_LIST_STORE (target), item);
    }
}

/* The touchpoint property a data column sets; NULL for the id and the
 * channel's kind, which are not the touchpoint's.
 */
static const char *
column_property (const TpsCsvColumn *column)
{
  switch (column->content)
    {
    case COL_ATTRIBUTE:
      return column->attribute->name;
    case COL_STAGE:
      return "stage-id";
    case COL_CHANNEL:
      return "channel-id";
    case COL_PERSONAS:
      return "persona-ids";
    case COL_SYSTEMS:
      return "systems";
    case COL_ID:
    case COL_CHANNEL_KIND:
    case COL_GAP:
    case COL_PRIORITY:
    case COL_MEASURES:
    case COL_KPI_DATE:
    case COL_KPI_METRIC:
    case COL_KPI_VALUE:
    case COL_KPI_BASELINE:
    default:
      return NULL;
    }
}

/* Sets what the row says on the project's touchpoint, column by column:
 * only the columns the file has, and of a rating, an enumeration or a
 * yes/no column only a cell that is not empty; text cells are taken as
 * they are, so emptying one clears it. Returns whether anything changed.
 */
static gboolean
update_touchpoint (TpsCsvImport  *self,
                   TpsHistory    *history,
                   TpsTouchpoint *source,
                   const Update  *update)
{
  gboolean changed = FALSE;
  guint n_columns;
  const TpsCsvColumn *columns = tps_csv_get_columns (&n_columns);

  for (Column column = 0; column < n_columns; column++)
    {
      const char *property = column_property (&columns[column]);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (property == NULL || (self->present & COLUMN_BIT (column)) == 0)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), property);
      if (pspec->value_type != G_TYPE_STRING && pspec->value_type != G_TYPE_STRV
          && (update->given & COLUMN_BIT (column)) == 0)
        continue;

      tps_compared_value_get (G_OBJECT (update->target), pspec, &old_value);
      tps_compared_value_get (G_OBJECT (source), pspec, &new_value);
      if (tps_property_values_equal (&old_value, &new_value))
        continue;

      if (history != NULL)
        tps_history_set_property (history, update->target, property, &new_value);
      else
        g_object_set_property (G_OBJECT (update->target), property, &new_value);
      changed = TRUE;
    }

  return changed;
}

static void
add_or_update (TpsCsvImport *self,
               TpsHistory   *history)
{
  GListModel *touchpoints = G_LIST_MODEL (self->touchpoints);
  GListModel *target = tps_project_get_touchpoints (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpsTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      Update *update = g_hash_table_lookup (self->updates, touchpoint);

      if (update != NULL)
        self->n_changed += update_touchpoint (self, history, touchpoint, update);
      else if (history != NULL)
        tps_history_append (history, target, touchpoint);
      else
        g_list_store_append (G_LIST_STORE (target), touchpoint);
    }
}

/**
 * tps_csv_import_is_update:
 * @touchpoint: one of tps_csv_import_get_touchpoints()
 *
 * Returns: whether the row updates a touchpoint of the project (found by
 *   its id, or without one by its title in its stage) rather than adds one
 */
gboolean
tps_csv_import_is_update (TpsCsvImport  *self,
                          TpsTouchpoint *touchpoint)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), FALSE);

  return g_hash_table_contains (self->updates, touchpoint);
}

/* Returns: how many valid rows update a touchpoint of the project */
guint
tps_csv_import_get_n_updates (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);

  return g_hash_table_size (self->updates);
}

/* Returns: after tps_csv_import_apply(), how many of the updated
 *   touchpoints really changed
 */
guint
tps_csv_import_get_n_changed (TpsCsvImport *self)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), 0);

  return self->n_changed;
}

/* A rating from a row: new at a touchpoint the comparator was not rated
 * at, else it replaces the value the comparator had there.
 */
static void
apply_rating (TpsHistory          *history,
              TpsComparator       *comparator,
              TpsComparatorRating *rating)
{
  GListModel *ratings = tps_comparator_get_ratings (comparator);
  TpsComparatorRating *existing =
    tps_comparator_find_rating (comparator, tps_comparator_rating_get_touchpoint_id (rating),
                                NULL);
  int value = tps_comparator_rating_get_value (rating);

  if (existing != NULL && tps_comparator_rating_get_value (existing) == value)
    return;
  if (existing != NULL && history != NULL)
    tps_history_set (history, existing, "value", value, NULL);
  else if (existing != NULL)
    tps_comparator_rating_set_value (existing, value);
  else if (history != NULL)
    tps_history_append (history, ratings, rating);
  else
    g_list_store_append (G_LIST_STORE (ratings), rating);
}

/**
 * tps_csv_import_apply:
 * @project: the project the preview was made for
 * @history: (nullable): records the import as one undoable step; %NULL
 *   changes @project without a record (for a project nobody sees yet)
 * @allow_partial: import the valid rows even though others have problems;
 *   the UI passes %TRUE only after the user agreed to leave those out
 *
 * Adds the new personas, stages and channels, then the touchpoints, and
 * updates the touchpoints that rows found by id or by title in their stage;
 * all or nothing.
 *
 * Returns: %TRUE when the rows were added; %FALSE with @error set when rows
 *   have problems and @allow_partial is %FALSE, or when the project changed
 *   since the preview so that it no longer fits
 */
gboolean
tps_csv_import_apply (TpsCsvImport  *self,
                      TpsProject    *project,
                      TpsHistory    *history,
                      gboolean       allow_partial,
                      GError       **error)
{
  g_return_val_if_fail (TPS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (project == self->project, FALSE);
  g_return_val_if_fail (history == NULL || TPS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (self->errors->len > 0 && !allow_partial)
    {
      guint n = count_invalid_rows (self);

      g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has problems; nothing was imported.",
                                "%u rows have problems; nothing was imported.", n), n);
      return FALSE;
    }

  if (!project_unchanged (self))
    {
      g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_PROJECT_CHANGED,
                           _("The project changed while the file was being checked; "
                             "nothing was imported. Import the file again."));
      return FALSE;
    }

  self->applied = TRUE;

  if (history != NULL)
    tps_history_begin_group (history, _("Import from CSV"));

  append_all (history, tps_project_get_personas (project), G_LIST_MODEL (self->new_personas));
  append_all (history, tps_project_get_stages (project), G_LIST_MODEL (self->new_stages));
  append_all (history, tps_project_get_channels (project), G_LIST_MODEL (self->new_channels));
  add_or_update (self, history);
  append_all (history, tps_project_get_comparators (project),
              G_LIST_MODEL (self->new_comparators));
  for (guint k = 0; k < self->new_ratings->len; k++)
    apply_rating (history, g_ptr_array_index (self->rating_targets, k),
                  g_ptr_array_index (self->new_ratings, k));

  if (history != NULL)
    tps_history_end_group (history);

  return TRUE;
}

/**
 * tps_csv_load_project:
 * @title: (nullable): the new project's title, usually the file's name
 * @warnings: (out) (optional) (transfer full) (element-type TpsCsvProblem):
 *   what was read with a caveat
 *
 * A new project made of a CSV's touchpoints, for `--export=OUT IN.csv`.
 * Unlike an import into an open project there is nobody to confirm a
 * partial result, so any problem in any row fails with the first one as
 * the message.
 *
 * Returns: (transfer full) (nullable): the project
 */
TpsProject *
tps_csv_load_project (const char  *data,
                      gsize        length,
                      const char  *title,
                      GPtrArray  **warnings,
                      GError     **error)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autoptr(TpsCsvImport) import = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  tps_project_set_title (project, title);
  tps_project_set_created (project, timestamp);
  tps_project_set_modified (project, timestamp);

  import = tps_csv_import_parse (project, data, length, error);
  if (import == NULL)
    return NULL;

  if (import->errors->len > 0)
    {
      g_autofree char *first = tps_csv_problem_to_string (g_ptr_array_index (import->errors, 0));
      guint more = import->errors->len - 1;

      if (more == 0)
        g_set_error_literal (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS, first);
      else
        g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_INVALID_ROWS,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                  "%s (and %u more problems)", more),
                     first, more);
      return NULL;
    }

  if (!tps_csv_import_apply (import, project, NULL, FALSE, error))
    return NULL;

  if (warnings != NULL)
    *warnings = g_ptr_array_ref (import->warnings);

  return g_steal_pointer (&project);
}

/**
 * tps_csv_load_file:
 *
 * Reads a table file: only a regular file (a named pipe would hang the
 * reader), refused before reading when over %TPS_CSV_MAX_SIZE.
 */
gboolean
tps_csv_load_file (GFile   *file,
                   char   **contents,
                   gsize   *length,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (tps_file_load (file, TPS_CSV_MAX_SIZE, contents, length, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    set_too_large (error);
  else
    g_set_error (error, TPS_CSV_ERROR, TPS_CSV_ERROR_IO,
                 _("The file could not be read: %s"), local_error->message);
  return FALSE;
}

/**
 * tps_csv_load_project_from_file:
 * @warnings: (out) (optional) (transfer full) (element-type TpsCsvProblem):
 *   what was read with a caveat
 *
 * Like tps_csv_load_project(), titled after the file's name without the
 * extension ("Kundenreise.csv" becomes "Kundenreise").
 *
 * Returns: (transfer full) (nullable): the project
 */
TpsProject *
tps_csv_load_project_from_file (GFile      *file,
                                GPtrArray **warnings,
                                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  char *dot;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!tps_csv_load_file (file, &contents, &length, error))
    return NULL;

  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return tps_csv_load_project (contents, length, basename, warnings, error);
}
