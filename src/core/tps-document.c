/* tps-document.c
 *
 * A document ties a project to its file and its undo history, saves it,
 * and keeps a recovery copy while it has unsaved changes so that a crash
 * never loses what the team typed.
 *
 * Recovery copies live in $XDG_STATE_HOME/touchpoint-studio/recovery as
 * ID.touchpoints, beside ID.origin (a key file naming the original file).
 * ID is a checksum of the file's URI, or a random id for untitled projects,
 * so autosaving the same document always overwrites the same copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "tps-csv.h"
#include "tps-document.h"
#include "tps-file-io.h"
#include "tps-i18n-private.h"
#include "tps-project-io.h"

struct _TpsDocument
{
  GObject parent_instance;

  TpsProject *project;
  TpsHistory *history;
  GFile *file;
  char *recovery_id;
  /* The fingerprint of the file as this document last read it, or wrote it
   * in a thread; NULL after a save on the calling thread (see
   * tps_document_get_disk_checksum())
   */
  char *disk_checksum;
};

G_DEFINE_FINAL_TYPE (TpsDocument, tps_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_HISTORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_history_modified (TpsDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
on_project_title (TpsDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
tps_document_dispose (GObject *object)
{
  TpsDocument *self = TPS_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (tps_document_parent_class)->dispose (object);
}

static void
tps_document_finalize (GObject *object)
{
  TpsDocument *self = TPS_DOCUMENT (object);

  g_clear_pointer (&self->recovery_id, g_free);
  g_clear_pointer (&self->disk_checksum, g_free);

  G_OBJECT_CLASS (tps_document_parent_class)->finalize (object);
}

static void
tps_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpsDocument *self = TPS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tps_document_get_modified (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, tps_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpsDocument *self = TPS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tps_document_constructed (GObject *object)
{
  TpsDocument *self = TPS_DOCUMENT (object);

  G_OBJECT_CLASS (tps_document_parent_class)->constructed (object);

  if (self->project == NULL)
    self->project = tps_project_new ();

  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (on_history_modified), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::title",
                           G_CALLBACK (on_project_title), self, G_CONNECT_SWAPPED);
}

static void
tps_document_class_init (TpsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tps_document_constructed;
  object_class->dispose = tps_document_dispose;
  object_class->finalize = tps_document_finalize;
  object_class->get_property = tps_document_get_property;
  object_class->set_property = tps_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TPS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, TPS_TYPE_HISTORY, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tps_document_init (TpsDocument *self)
{
  self->history = tps_history_new ();
}

TpsDocument *
tps_document_new (TpsProject *project)
{
  return g_object_new (TPS_TYPE_DOCUMENT, "project", project, NULL);
}

static char *
now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_stage (TpsProject *project,
           const char *id,
           const char *name,
           const char *description)
{
  g_autoptr(TpsStage) stage = tps_stage_new (id);

  tps_stage_set_name (stage, name);
  tps_stage_set_description (stage, description);
  g_list_store_append (G_LIST_STORE (tps_project_get_stages (project)), stage);
}

static void
add_channel (TpsProject     *project,
             const char     *id,
             const char     *name,
             TpsChannelKind  kind)
{
  g_autoptr(TpsChannel) channel = tps_channel_new (id);

  tps_channel_set_name (channel, name);
  tps_channel_set_kind (channel, kind);
  g_list_store_append (G_LIST_STORE (tps_project_get_channels (project)), channel);
}

/**
 * tps_document_new_from_template:
 * @language: the language of the project, "de" or "en"
 *
 * A new project with four stages along the customer's journey and the
 * common channels of seed 002, named in the UI language, ready to capture
 * touchpoints (CTM step 1a).
 *
 * Returns: (transfer full): an untitled, unmodified document
 */
TpsDocument *
tps_document_new_from_template (const char *language)
{
  g_autoptr(TpsProject) project = tps_project_new ();
  g_autofree char *now = now_timestamp ();

  tps_project_set_title (project, _("New customer journey"));
  tps_project_set_language (project, language);
  tps_project_set_currency (project, "EUR");
  tps_project_set_created (project, now);
  tps_project_set_modified (project, now);

  add_stage (project, "s-1", _("Awareness"),
             _("The customer notices a need and first hears of the company."));
  add_stage (project, "s-2", _("Consideration"),
             _("The customer compares offers, asks and gets advice."));
  add_stage (project, "s-3", _("Purchase"),
             _("The customer decides, orders and signs the contract."));
  add_stage (project, "s-4", _("Use and loyalty"),
             _("Delivery, use, service and support until the customer stays or leaves."));

  add_channel (project, "c-1", _("Website"), TPS_CHANNEL_KIND_ONLINE);
  add_channel (project, "c-2", _("E-mail"), TPS_CHANNEL_KIND_ONLINE);
  add_channel (project, "c-3", _("Social media"), TPS_CHANNEL_KIND_ONLINE);
  add_channel (project, "c-4", _("Reviews"), TPS_CHANNEL_KIND_ONLINE);
  add_channel (project, "c-5", _("Phone"), TPS_CHANNEL_KIND_HYBRID);
  add_channel (project, "c-6", _("In person"), TPS_CHANNEL_KIND_OFFLINE);

  return tps_document_new (project);
}

/**
 * tps_document_load:
 *
 * Returns: (transfer full) (nullable): the document of @file
 */
TpsDocument *
tps_document_load (GFile   *file,
                   GError **error)
{
  g_autoptr(TpsProject) project = NULL;
  TpsDocument *self;

  g_autofree char *fingerprint = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A table is imported into a new project titled after it, which has
   * no file yet: saving asks where, and never writes XML over the CSV.
   */
  name = g_file_get_basename (file);
  folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (folded != NULL && g_str_has_suffix (folded, ".csv"))
    return tps_document_new_from_csv (file, error);

  project = tps_project_load_from_file_full (file, NULL, &fingerprint, error);
  if (project == NULL)
    return NULL;

  self = tps_document_new (project);
  self->file = g_object_ref (file);
  self->disk_checksum = g_steal_pointer (&fingerprint);
  return self;
}

/* A touchpoint table opens as a new project (tps_document_new_from_csv()). */
static gboolean
is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".csv");
}

typedef struct
{
  TpsProject *project;
  char *checksum;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->project);
  g_free (loaded->checksum);
  g_free (loaded);
}

/* The checksum is taken here too, from the bytes just read, so that the
 * window need not read a big file again on its main thread.
 */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->project = is_csv (data)
                    ? tps_csv_load_project_from_file (data, NULL, &error)
                    : tps_project_load_from_file_full (data, cancellable, &loaded->checksum,
                                                       &error);

  if (loaded->project == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

/**
 * tps_document_load_async:
 *
 * Like tps_document_load(), reading and parsing @file in a thread, so that
 * a window stays responsive while a big project loads. A .csv table opens
 * as tps_document_new_from_csv() does.
 */
void
tps_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  /* libxml2 sets up its global state here, on the main thread, before a
   * thread parses with it.
   */
  xmlInitParser ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tps_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* Returns: (transfer full) (nullable): the document, or %NULL with @error */
TpsDocument *
tps_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  Loaded *loaded;
  TpsDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  self = tps_document_new (loaded->project);
  if (!is_csv (g_task_get_task_data (G_TASK (result))))
    {
      self->file = g_object_ref (g_task_get_task_data (G_TASK (result)));
      self->disk_checksum = g_steal_pointer (&loaded->checksum);
    }
  loaded_free (loaded);
  return self;
}

/**
 * tps_document_new_from_csv:
 *
 * A new, unsaved document with the touchpoints of the table in @file,
 * titled after the file (see tps_csv_load_project_from_file()).
 *
 * Returns: (transfer full) (nullable): the document
 */
TpsDocument *
tps_document_new_from_csv (GFile   *file,
                           GError **error)
{
  g_autoptr(TpsProject) project = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  project = tps_csv_load_project_from_file (file, NULL, error);
  if (project == NULL)
    return NULL;

  return tps_document_new (project);
}

/* Returns: (transfer none) */
TpsProject *
tps_document_get_project (TpsDocument *self)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), NULL);

  return self->project;
}

/* Returns: (transfer none) */
TpsHistory *
tps_document_get_history (TpsDocument *self)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), NULL);

  return self->history;
}

/* Returns: (transfer none) (nullable): %NULL for a project never saved */
GFile *
tps_document_get_file (TpsDocument *self)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), NULL);

  return self->file;
}

gboolean
tps_document_get_modified (TpsDocument *self)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), FALSE);

  return tps_history_get_modified (self->history);
}

/* The project's title, else the file's name, else "Untitled project". */
char *
tps_document_dup_title (TpsDocument *self)
{
  const char *title;

  g_return_val_if_fail (TPS_IS_DOCUMENT (self), NULL);

  title = tps_project_get_title (self->project);
  if (title != NULL)
    return g_strdup (title);

  if (self->file != NULL)
    return g_file_get_basename (self->file);

  return g_strdup (_("Untitled project"));
}

/**
 * tps_document_save_as:
 *
 * Saves to @file (atomically, keeping a backup), which becomes the
 * document's file; marks the history clean and drops the recovery copy.
 * A write-protected file is refused with %TPS_PROJECT_ERROR_READ_ONLY.
 */
gboolean
tps_document_save_as (TpsDocument  *self,
                      GFile        *file,
                      GError      **error)
{
  return tps_document_save_as_full (self, file, TPS_FILE_REPLACE_NONE, error);
}

/* After the file was written: it is the document's file from now on. */
static void
saved_to (TpsDocument *self,
          GFile       *file)
{
  gboolean file_changed;

  /* The recovery copy belongs to the old identity of the document. */
  tps_document_discard_recovery (self);
  g_clear_pointer (&self->disk_checksum, g_free);

  file_changed = self->file == NULL || !g_file_equal (self->file, file);
  if (file_changed)
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->recovery_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* Stamps the project's modification (and creation) time for a save.
 * Returns: (transfer full): the modification time before, to put back
 *   when the save fails
 */
static char *
stamp_times (TpsDocument *self)
{
  g_autofree char *now = now_timestamp ();
  char *previous = g_strdup (tps_project_get_modified (self->project));

  tps_project_set_modified (self->project, now);
  if (tps_project_get_created (self->project) == NULL)
    tps_project_set_created (self->project, now);
  return previous;
}

/* Like tps_document_save_as(); with %TPS_FILE_REPLACE_READ_ONLY once the
 * user confirmed replacing a write-protected file.
 */
gboolean
tps_document_save_as_full (TpsDocument          *self,
                           GFile                *file,
                           TpsFileReplaceFlags   flags,
                           GError              **error)
{
  g_autofree char *previous_modified = NULL;

  g_return_val_if_fail (TPS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  previous_modified = stamp_times (self);
  if (!tps_project_save_to_file_full (self->project, file, flags, NULL, error))
    {
      tps_project_set_modified (self->project, previous_modified);
      return FALSE;
    }

  saved_to (self, file);
  tps_history_mark_clean (self->history);
  return TRUE;
}

typedef struct
{
  GFile *file;
  char *contents;
  gsize length;
  TpsFileReplaceFlags flags;
  guint64 serial;             /* of the history when the project was serialised */
  char *previous_modified;
  char *checksum;             /* of @contents, taken in the thread */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->contents);
  g_free (job->previous_modified);
  g_free (job->checksum);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  SaveJob *job = data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (tps_project_write_data (job->file, job->contents, job->length, job->flags, &error))
    {
      job->checksum = tps_file_fingerprint (job->contents, job->length);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/* Back on the main thread: the document learns how the write went before
 * the caller does.
 */
static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TpsDocument *self = TPS_DOCUMENT (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_strcmp0 (tps_project_get_modified (self->project), job->previous_modified) != 0)
        tps_project_set_modified (self->project, job->previous_modified);
      g_task_return_error (task, error);
      return;
    }

  saved_to (self, job->file);
  self->disk_checksum = g_steal_pointer (&job->checksum);
  /* Edits made while the file was written are not in it. */
  if (tps_history_get_serial (self->history) == job->serial)
    tps_history_mark_clean (self->history);
  g_task_return_boolean (task, TRUE);
}

/**
 * tps_document_save_async:
 *
 * Like tps_document_save_as_full(), with the writing (and its fsync) in a
 * thread: the project is serialised here, at once, and the window stays
 * responsive while the file is written. Edits made meanwhile keep the
 * document modified. Finish with tps_document_save_finish().
 */
void
tps_document_save_async (TpsDocument          *self,
                         GFile                *file,
                         TpsFileReplaceFlags   flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) write = NULL;
  SaveJob *job;

  g_return_if_fail (TPS_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tps_document_save_async);

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->flags = flags;
  job->previous_modified = stamp_times (self);
  job->contents = tps_project_save_to_data (self->project, &job->length);
  job->serial = tps_history_get_serial (self->history);
  /* The next keystroke starts a step of its own, after the saved state. */
  tps_history_break_merge (self->history);

  write = g_task_new (self, cancellable, on_written, task);
  g_task_set_task_data (write, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (write, save_thread);
}

gboolean
tps_document_save_finish (TpsDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
tps_document_save (TpsDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  return tps_document_save_as (self, self->file, error);
}

/* Replaces the model with what is on disk now; the history starts over. */
gboolean
tps_document_reload (TpsDocument  *self,
                     GError      **error)
{
  g_autoptr(TpsProject) project = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (TPS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  project = tps_project_load_from_file_full (self->file, NULL, &checksum, error);
  if (project == NULL)
    return FALSE;

  g_free (self->disk_checksum);
  self->disk_checksum = g_steal_pointer (&checksum);

  g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_signal_connect_object (self->project, "notify::title",
                           G_CALLBACK (on_project_title), self, G_CONNECT_SWAPPED);
  tps_history_clear (self->history);
  tps_document_discard_recovery (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  return TRUE;
}

/* Returns: (transfer full): where recovery copies are kept */
char *
tps_document_get_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), PACKAGE_NAME, "recovery", NULL);
}

static const char *
recovery_id (TpsDocument *self)
{
  if (self->recovery_id == NULL)
    {
      if (self->file != NULL)
        {
          g_autofree char *uri = g_file_get_uri (self->file);
          self->recovery_id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
        }
      else
        self->recovery_id = g_uuid_string_random ();
    }

  return self->recovery_id;
}

static char *
recovery_path (TpsDocument *self,
               const char  *extension)
{
  g_autofree char *dir = tps_document_get_recovery_dir ();
  g_autofree char *name = g_strconcat (recovery_id (self), extension, NULL);

  return g_build_filename (dir, name, NULL);
}

/* A recovery copy to write: prepared on the main thread, written in any. */
typedef struct
{
  char *dir;
  char *path;
  char *origin_path;
  char *contents;
  gsize length;
  char *origin;
} RecoveryJob;

static void
recovery_job_free (RecoveryJob *job)
{
  g_free (job->dir);
  g_free (job->path);
  g_free (job->origin_path);
  g_free (job->contents);
  g_free (job->origin);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecoveryJob, recovery_job_free)

static RecoveryJob *
recovery_job_new (TpsDocument *self)
{
  RecoveryJob *job = g_new0 (RecoveryJob, 1);
  g_autoptr(GKeyFile) origin = g_key_file_new ();
  g_autofree char *title = tps_document_dup_title (self);
  g_autofree char *now = now_timestamp ();

  job->dir = tps_document_get_recovery_dir ();
  job->path = recovery_path (self, ".touchpoints");
  job->origin_path = recovery_path (self, ".origin");
  job->contents = tps_project_save_to_data (self->project, &job->length);

  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (origin, "Recovery", "URI", uri);
    }
  g_key_file_set_string (origin, "Recovery", "Title", title);
  g_key_file_set_string (origin, "Recovery", "Saved", now);
  job->origin = g_key_file_to_data (origin, NULL, NULL);
  return job;
}

static gboolean
recovery_job_run (RecoveryJob  *job,
                  GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autoptr(GFile) origin = g_file_new_for_path (job->origin_path);

  if (g_mkdir_with_parents (job->dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The recovery folder could not be created: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return tps_file_replace_contents (file, job->contents, job->length, TPS_FILE_REPLACE_NONE,
                                    error)
         && tps_file_replace_contents (origin, job->origin, strlen (job->origin),
                                       TPS_FILE_REPLACE_NONE, error);
}

/**
 * tps_document_write_recovery:
 *
 * Writes the current state to the recovery copy (the autosave). The real
 * file is not touched.
 */
gboolean
tps_document_write_recovery (TpsDocument  *self,
                             GError      **error)
{
  g_autoptr(RecoveryJob) job = NULL;

  g_return_val_if_fail (TPS_IS_DOCUMENT (self), FALSE);

  job = recovery_job_new (self);
  return recovery_job_run (job, error);
}

static void
recovery_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (recovery_job_run (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tps_document_write_recovery_async:
 *
 * Like tps_document_write_recovery(): the project is serialised here, the
 * files are written in a thread, so an autosave never stalls typing.
 */
void
tps_document_write_recovery_async (TpsDocument         *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TPS_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tps_document_write_recovery_async);
  g_task_set_task_data (task, recovery_job_new (self), (GDestroyNotify) recovery_job_free);
  g_task_run_in_thread (task, recovery_thread);
}

gboolean
tps_document_write_recovery_finish (TpsDocument   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Drops the recovery copy (and its backup) after a save or a discard. */
void
tps_document_discard_recovery (TpsDocument *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TPS_IS_DOCUMENT (self));

  path = recovery_path (self, ".touchpoints");
  tps_document_delete_recovery (path);
}

/* ID.touchpoints → ID.origin, the note naming the original file. */
static char *
origin_path_for (const char *recovery_path)
{
  g_autofree char *base = g_strndup (recovery_path,
                                     strlen (recovery_path) - strlen (".touchpoints"));

  return g_strconcat (base, ".origin", NULL);
}

/**
 * tps_document_delete_recovery:
 * @recovery_path: a path from tps_document_list_recoveries()
 *
 * Deletes a recovery copy with its backup and its .origin note.
 */
void
tps_document_delete_recovery (const char *recovery_path)
{
  g_autofree char *origin_path = NULL;
  g_autofree char *backup = NULL;

  g_return_if_fail (g_str_has_suffix (recovery_path, ".touchpoints"));

  origin_path = origin_path_for (recovery_path);
  backup = g_strconcat (recovery_path, "~", NULL);

  g_unlink (recovery_path);
  g_unlink (backup);
  g_unlink (origin_path);
}

/**
 * tps_document_list_recoveries:
 *
 * Returns: (transfer full) (element-type utf8): paths of the recovery
 *   copies left behind, for example by a crash, sorted
 */
GPtrArray *
tps_document_list_recoveries (void)
{
  g_autofree char *dir = tps_document_get_recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".touchpoints"))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }

  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

/**
 * tps_document_restore:
 * @recovery_path: a path from tps_document_list_recoveries()
 *
 * Opens a recovery copy as a modified document of its original file (or
 * untitled), so that saving writes it where it belongs.
 *
 * Returns: (transfer full) (nullable): the restored document
 */
TpsDocument *
tps_document_restore (const char  *recovery_path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (recovery_path);
  g_autoptr(TpsProject) project = NULL;
  g_autoptr(GKeyFile) origin = g_key_file_new ();
  g_autofree char *name = g_path_get_basename (recovery_path);
  g_autofree char *origin_path = NULL;
  g_autofree char *uri = NULL;
  TpsDocument *self;

  project = tps_project_load_from_file (file, NULL, error);
  if (project == NULL)
    return NULL;

  origin_path = origin_path_for (recovery_path);
  if (g_key_file_load_from_file (origin, origin_path, G_KEY_FILE_NONE, NULL))
    uri = g_key_file_get_string (origin, "Recovery", "URI", NULL);

  self = tps_document_new (project);
  if (uri != NULL)
    self->file = g_file_new_for_uri (uri);
  /* Autosaving the restored document overwrites the same copy. */
  self->recovery_id = g_strndup (name, strlen (name) - strlen (".touchpoints"));
  tps_history_mark_unsaved (self->history);

  return self;
}

/**
 * tps_document_get_disk_checksum:
 *
 * What the file held when this document last read it, or wrote it in a
 * thread (tps_document_save_async()), so that a window can tell another
 * program's change from its own without reading a big file again.
 *
 * Returns: (nullable): tps_file_fingerprint() of the file's bytes; %NULL
 *   when unknown
 */
const char *
tps_document_get_disk_checksum (TpsDocument *self)
{
  g_return_val_if_fail (TPS_IS_DOCUMENT (self), NULL);

  return self->disk_checksum;
}
