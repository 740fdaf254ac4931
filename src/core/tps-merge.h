/* tps-merge.h — a three-way merge of two versions of a project by object id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-project.h"

G_BEGIN_DECLS

TpsProject *tps_project_merge (TpsProject  *base,
                               TpsProject  *ours,
                               TpsProject  *theirs);

G_END_DECLS
