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
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tps-file-io.h"

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
