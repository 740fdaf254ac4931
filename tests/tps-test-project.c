/* tps-test-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tps-project-io.h"
#include "tps-test-project.h"

/**
 * tps_test_load_fixture:
 * @relative: a path below tests/, "data/health.touchpoints"
 *
 * Returns: (transfer full): the project; the test fails when it does not load
 */
TpsProject *
tps_test_load_fixture (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpsProject *project = tps_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* @name: below data/examples/, "de/stadtwerke.touchpoints" */
TpsProject *
tps_test_load_example (const char *name)
{
  g_autofree char *relative = g_build_filename ("..", "data", "examples", name, NULL);

  return tps_test_load_fixture (relative);
}
