/* tps-file-io.h — opening only regular files, replacing files atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

int      tps_file_open_regular (GFile         *file,
                                goffset       *size,
                                GError       **error);
gboolean tps_file_load         (GFile         *file,
                                gsize          max_size,
                                char         **contents,
                                gsize         *length,
                                GCancellable  *cancellable,
                                GError       **error);

typedef enum {
  TPS_FILE_REPLACE_NONE = 0,
  /* keep the file being replaced as NAME~ */
  TPS_FILE_REPLACE_BACKUP = 1 << 0,
  /* the user confirmed: replace a write-protected file too */
  TPS_FILE_REPLACE_READ_ONLY = 1 << 1,
} TpsFileReplaceFlags;

typedef struct _TpsFileWriter TpsFileWriter;

gboolean       tps_file_is_write_protected (GFile                *file);
void           tps_file_set_thread_replace_flags (TpsFileReplaceFlags flags);

TpsFileWriter *tps_file_writer_new         (GFile                *file,
                                            TpsFileReplaceFlags   flags,
                                            GError              **error);
gboolean       tps_file_writer_write       (TpsFileWriter        *writer,
                                            const void           *data,
                                            gsize                 length,
                                            GError              **error);
cairo_status_t tps_file_writer_cairo_write (void                 *writer,
                                            const unsigned char  *data,
                                            unsigned int          length);
gboolean       tps_file_writer_take_error  (TpsFileWriter        *writer,
                                            GError              **error);
gboolean       tps_file_writer_commit      (TpsFileWriter        *writer,
                                            GError              **error);
void           tps_file_writer_abort       (TpsFileWriter        *writer);
const char    *tps_file_writer_get_temp_path (TpsFileWriter      *writer);

gboolean       tps_file_replace_contents   (GFile                *file,
                                            const char           *data,
                                            gsize                 length,
                                            TpsFileReplaceFlags   flags,
                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpsFileWriter, tps_file_writer_abort)

char     *tps_file_fingerprint      (const char           *data,
                                     gsize                 length);

G_END_DECLS
