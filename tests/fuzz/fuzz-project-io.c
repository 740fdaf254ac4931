/* fuzz-project-io.c — libFuzzer target for the project loader
 *
 * Every input must either load or fail with a GError whose message names
 * what is wrong; nothing may crash, leak or read out of bounds. Loaded
 * projects are saved and loaded again, which must succeed (the writer
 * never produces what the loader refuses).
 *
 *   build-aux/fuzz [SECONDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "tps-project-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpsProject) project = NULL;

  project = tps_project_load_from_data ((const char *) data, size, &error);

  if (project == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_autoptr(TpsProject) again = NULL;
      g_autoptr(GError) again_error = NULL;
      g_autofree char *saved = NULL;
      gsize length;

      saved = tps_project_save_to_data (project, &length);
      again = tps_project_load_from_data (saved, length, &again_error);
      if (again == NULL)
        g_error ("saved output does not load: %s", again_error->message);
    }

  return 0;
}
