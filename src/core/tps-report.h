/* tps-report.h — the CTM report: a PDF for management
 *
 * A cover with the project at a glance and a table of contents, then one
 * chapter each for the journey map, the touchpoint table, the painpoints,
 * lovepoints and moments of truth, the measures plan and the analysis. The
 * labels are in the language of the messages (`--language`, or the UI's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tps-page-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

typedef struct
{
  TpsPaper   paper;
  /* Every page in landscape; otherwise text pages are portrait and the
   * wide pages (map, tables, timeline, charts) landscape.
   */
  gboolean   landscape;
  gboolean   hide_empty_lanes;  /* on the map, leave out channels without touchpoints */
  GDateTime *date;          /* on the cover and in the footers; %NULL for today */
  /* An earlier version of the project: adds the chapter "Changes Since the
   * Earlier Version", which names it @since_name. %NULL leaves it out.
   */
  TpsProject *since;
  const char *since_name;
  /* Called from the exporting thread as pages are written, with how much
   * of the report is done (0 to 1); %NULL for none.
   */
  void     (*progress)      (double fraction, gpointer user_data);
  gpointer   progress_data;
} TpsReportOptions;

void     tps_report_options_init  (TpsReportOptions       *options);
gboolean tps_report_export_pdf    (TpsProject             *project,
                                   const TpsReportOptions *options,
                                   GFile                  *file,
                                   GCancellable           *cancellable,
                                   GError                **error);

G_END_DECLS
