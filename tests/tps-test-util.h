/* tps-test-util.h — helpers the command-line tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one run of the app binary did. */
typedef struct
{
  int status;   /* the exit status */
  char *out;    /* everything written to stdout */
  char *err;    /* everything written to stderr */
} TpsTestRun;

void  tps_test_run_clear     (TpsTestRun *run);
void  tps_test_run_cli       (TpsTestRun *run,
                              ...) G_GNUC_NULL_TERMINATED;
char *tps_test_example_path  (const char *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpsTestRun, tps_test_run_clear)

G_END_DECLS
