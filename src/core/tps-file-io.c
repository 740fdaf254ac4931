/* tps-file-io.c
 *
 * Reading opens the path without blocking and looks at what it opened
 * before reading a byte: a named pipe would block the reader forever and a
 * device could deliver endless data, so only regular files are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tps-file-io.h"
#include "tps-i18n-private.h"

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* One sentence per kind, so translations can get each one right. */
static gboolean
set_not_regular_error (GError **error,
                       mode_t   mode)
{
  const char *message;

  if (S_ISDIR (mode))
    message = _("it is a folder, not a file");
  else if (S_ISFIFO (mode))
    message = _("it is a named pipe (FIFO), not a file");
  else if (S_ISSOCK (mode))
    message = _("it is a socket, not a file");
  else
    message = _("it is a device, not a file");

  g_set_error_literal (error, G_IO_ERROR,
                       S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                       message);
  return FALSE;
}

/**
 * tps_file_open_regular:
 * @size: (out) (optional): the file's size
 *
 * Opens @file for reading if it is a regular file (or a link to one);
 * refuses folders, named pipes, sockets and devices without blocking.
 *
 * Returns: the file descriptor, or -1 with @error set
 */
int
tps_file_open_regular (GFile   *file,
                       goffset *size,
                       GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;
  int fd;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only files with a local path can be read"));
      return -1;
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, errno), -1;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno), -1;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return set_not_regular_error (error, st.st_mode), -1;
    }

  /* Regular files never block; reading goes on normally. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  if (size != NULL)
    *size = st.st_size;
  return fd;
}

/**
 * tps_file_load:
 * @max_size: larger files are refused with %G_IO_ERROR_MESSAGE_TOO_LARGE
 *   before anything is read
 *
 * Reads all of a regular file; see tps_file_open_regular().
 */
gboolean
tps_file_load (GFile         *file,
               gsize          max_size,
               char         **contents,
               gsize         *length,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) data = NULL;
  goffset size;
  int fd;

  fd = tps_file_open_regular (file, &size, error);
  if (fd < 0)
    return FALSE;

  if ((guint64) size > max_size)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           g_strerror (EFBIG));
      return FALSE;
    }

  data = g_string_sized_new (size + 1);
  for (;;)
    {
      char buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_errno_error (error, saved_errno);
        }
      if (n == 0)
        break;

      /* The file may have grown since fstat(); the limit still holds. */
      g_string_append_len (data, buffer, n);
      if (data->len > max_size)
        {
          close (fd);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                               g_strerror (EFBIG));
          return FALSE;
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
    }

  close (fd);
  if (length != NULL)
    *length = data->len;
  *contents = g_string_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Writing
 *
 * Every file we write is first written to a temporary file in the
 * target's folder, synced and then renamed over the target, so that at
 * every moment the target holds either its old or its complete new
 * contents; on any failure the temporary file is removed. The temporary
 * file is locked while it is written: one left behind by a killed process
 * has no lock any more and is removed by the next save of the same file.
 * ------------------------------------------------------------------------ */

#define TEMP_SUFFIX ".tmp"

struct _TpsFileWriter
{
  char *target;   /* the file replaced: symlinks resolved */
  char *temp;
  int fd;
  gboolean exists;
  mode_t mode;
  TpsFileReplaceFlags flags;
  GError *error;  /* the first failed write through the cairo callback */
};

/* Follows symlinks so that the file they point to is replaced and the
 * links stay links. A dangling link names the file to create.
 */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      struct stat st;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          set_errno_error (error, errno);
          return NULL;
        }

      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, error);
      if (link == NULL)
        return NULL;

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }

  set_errno_error (error, ELOOP);
  return NULL;
}

/* Removes temporary files of @target that no process holds locked any
 * more: what a save killed half-way left behind.
 */
static void
remove_stale_temps (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, TEMP_SUFFIX)
          || strlen (name) != strlen (prefix) + 6 + strlen (TEMP_SUFFIX))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
set_read_only_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _("the file is write-protected"));
  return FALSE;
}

/* As root, access() allows everything; the mode still says whether
 * someone protected the file.
 */
static gboolean
is_write_protected (const char        *target,
                    const struct stat *st)
{
  return (st->st_mode & 0222) == 0 || access (target, W_OK) != 0;
}

/**
 * tps_file_is_write_protected:
 *
 * Whether @file (or the file a symlink at @file points to) exists and is
 * write-protected: what tps_file_writer_new() refuses to replace without
 * %TPS_FILE_REPLACE_READ_ONLY. Lets a window ask before it starts a long
 * export.
 */
gboolean
tps_file_is_write_protected (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL || (target = resolve_links (path, NULL)) == NULL)
    return FALSE;

  return stat (target, &st) == 0 && S_ISREG (st.st_mode) && is_write_protected (target, &st);
}

static GPrivate thread_flags;

/**
 * tps_file_set_thread_replace_flags:
 *
 * Adds @flags to every tps_file_writer_new() of the calling thread until
 * it is called again (with %TPS_FILE_REPLACE_NONE to stop): how an export
 * the user confirmed over a write-protected file reaches the writer
 * inside the exporter.
 */
void
tps_file_set_thread_replace_flags (TpsFileReplaceFlags flags)
{
  g_private_set (&thread_flags, GUINT_TO_POINTER (flags));
}

/**
 * tps_file_writer_new:
 *
 * Starts replacing @file: a temporary file is created beside the file a
 * symlink points to. Refuses folders, named pipes and devices, and
 * write-protected files unless @flags has %TPS_FILE_REPLACE_READ_ONLY.
 *
 * Returns: (transfer full) (nullable): the writer; finish it with
 *   tps_file_writer_commit() or tps_file_writer_abort()
 */
TpsFileWriter *
tps_file_writer_new (GFile                *file,
                     TpsFileReplaceFlags   flags,
                     GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  TpsFileWriter *writer;
  struct stat st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  flags |= GPOINTER_TO_UINT (g_private_get (&thread_flags));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only files with a local path can be written"));
      return NULL;
    }

  target = resolve_links (path, error);
  if (target == NULL)
    return NULL;

  exists = stat (target, &st) == 0;
  if (!exists && errno != ENOENT)
    return set_errno_error (error, errno), NULL;

  if (exists && !S_ISREG (st.st_mode))
    return set_not_regular_error (error, st.st_mode), NULL;

  if (exists && !(flags & TPS_FILE_REPLACE_READ_ONLY) && is_write_protected (target, &st))
    return set_read_only_error (error), NULL;

  remove_stale_temps (target);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s.XXXXXX" TEMP_SUFFIX, dir, base);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno), NULL;

  /* The lock tells remove_stale_temps() that this file is alive. */
  flock (fd, LOCK_EX | LOCK_NB);

  writer = g_new0 (TpsFileWriter, 1);
  writer->target = g_steal_pointer (&target);
  writer->temp = g_steal_pointer (&temp);
  writer->fd = fd;
  writer->exists = exists;
  writer->mode = exists ? st.st_mode & 07777 : 0;
  writer->flags = flags;
  return writer;
}

/* Returns: the temporary file being written, for tests */
const char *
tps_file_writer_get_temp_path (TpsFileWriter *writer)
{
  return writer->temp;
}

gboolean
tps_file_writer_write (TpsFileWriter  *writer,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize written = write (writer->fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return set_errno_error (error, written < 0 ? errno : ENOSPC);

      p += written;
      length -= written;
    }

  return TRUE;
}

/* A cairo_write_func_t: cairo's PDF, SVG and PNG writers write through
 * this; the first error is kept for tps_file_writer_commit().
 */
cairo_status_t
tps_file_writer_cairo_write (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  TpsFileWriter *writer = closure;

  if (writer->error != NULL || !tps_file_writer_write (writer, data, length, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Moves the error of a failed tps_file_writer_cairo_write() to @error.
 * Returns: whether there was one
 */
gboolean
tps_file_writer_take_error (TpsFileWriter  *writer,
                            GError        **error)
{
  if (writer->error == NULL)
    return FALSE;

  g_propagate_error (error, g_steal_pointer (&writer->error));
  return TRUE;
}

/* Frees @writer, removing its temporary file if it is still there. */
void
tps_file_writer_abort (TpsFileWriter *writer)
{
  if (writer == NULL)
    return;

  if (writer->fd >= 0)
    close (writer->fd);
  if (writer->temp != NULL)
    g_unlink (writer->temp);
  g_clear_error (&writer->error);
  g_free (writer->target);
  g_free (writer->temp);
  g_free (writer);
}

/* Keeps the file about to be replaced as PATH~. A hard link costs nothing
 * and keeps the old inode; where links are not possible, a copy.
 */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_errno_error (error, errno);

  if (link (path, backup) == 0)
    return TRUE;

  source = g_file_new_for_path (path);
  destination = g_file_new_for_path (backup);
  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* The rename itself is only durable once the folder is synced. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * tps_file_writer_commit:
 *
 * Syncs the written data to disk and renames it over the target. On any
 * error the target is untouched and the temporary file removed. Frees
 * @writer.
 */
gboolean
tps_file_writer_commit (TpsFileWriter  *writer,
                        GError        **error)
{
  g_autoptr(TpsFileWriter) owned = writer;
  int fd = writer->fd;

  if (tps_file_writer_take_error (writer, error))
    return FALSE;

  writer->fd = -1;

  /* The new file keeps the permissions of the one it replaces. */
  if ((writer->exists && fchmod (fd, writer->mode) != 0) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno);
    }

  if (close (fd) != 0)
    return set_errno_error (error, errno);

  /* The backup is a courtesy; where it cannot be made (a read-only
   * sibling, the documents portal) the save itself must still succeed.
   */
  if (writer->exists && (writer->flags & TPS_FILE_REPLACE_BACKUP))
    {
      g_autoptr(GError) backup_error = NULL;

      if (!keep_backup (writer->target, &backup_error))
        g_debug ("No backup of %s: %s", writer->target, backup_error->message);
    }

  if (g_rename (writer->temp, writer->target) != 0)
    return set_errno_error (error, errno);

  g_clear_pointer (&writer->temp, g_free);
  sync_folder (writer->target);
  return TRUE;
}

/**
 * tps_file_replace_contents:
 *
 * Replaces @file with @data atomically; see tps_file_writer_new().
 */
gboolean
tps_file_replace_contents (GFile                *file,
                           const char           *data,
                           gsize                 length,
                           TpsFileReplaceFlags   flags,
                           GError              **error)
{
  g_autoptr(TpsFileWriter) writer = tps_file_writer_new (file, flags, error);

  if (writer == NULL || !tps_file_writer_write (writer, data, length, error))
    return FALSE;

  return tps_file_writer_commit (g_steal_pointer (&writer), error);
}

/**
 * tps_file_fingerprint:
 *
 * What a file held, to tell later whether it changed: a hash of its bytes
 * (MD5, which is quick; a fingerprint against accidents, not a signature
 * against an attacker).
 *
 * Returns: (transfer full): the fingerprint of @data, as hex
 */
char *
tps_file_fingerprint (const char *data,
                      gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) data, length);
}
