/* tps-export-pdf.h — the journey map as a vector PDF, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tps-page-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_EXPORT_ERROR (tps_export_error_quark ())

typedef enum {
  TPS_EXPORT_ERROR_FAILED,
} TpsExportError;

GQuark          tps_export_error_quark   (void);

gboolean        tps_export_pdf           (TpsProject           *project,
                                          const TpsPageOptions *options,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);

/* A PDF surface that writes to a GFile and replaces it only when the whole
 * document was written; shared by the map and the report writers.
 */
typedef struct _TpsPdfWriter TpsPdfWriter;

TpsPdfWriter   *tps_pdf_writer_new       (GFile                *file,
                                          double                width,
                                          double                height,
                                          GCancellable         *cancellable,
                                          GError              **error);
cairo_surface_t *tps_pdf_writer_get_surface (TpsPdfWriter      *writer);
void            tps_pdf_writer_set_metadata (TpsPdfWriter      *writer,
                                          TpsProject           *project,
                                          const char           *subject);
gboolean        tps_pdf_writer_finish    (TpsPdfWriter         *writer,
                                          GError              **error);
void            tps_pdf_writer_abort     (TpsPdfWriter         *writer);

G_END_DECLS
