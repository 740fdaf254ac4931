/* tps-test-project.h — loading the projects the tests start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-project.h"

G_BEGIN_DECLS

TpsProject *tps_test_load_fixture (const char *relative);
TpsProject *tps_test_load_example (const char *name);

G_END_DECLS
