/* tps-compare-view.h — what changed against another version, beside the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tps-compare.h"
#include "tps-document.h"
#include "tps-journey-canvas.h"

G_BEGIN_DECLS

#define TPS_TYPE_COMPARE_VIEW (tps_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (TpsCompareView, tps_compare_view, TPS, COMPARE_VIEW, AdwWindow)

GtkWindow     *tps_compare_view_new            (GtkWindow        *parent,
                                                TpsDocument      *document,
                                                TpsProject       *other,
                                                const char       *other_name,
                                                TpsJourneyCanvas *canvas);
TpsComparison *tps_compare_view_get_comparison (TpsCompareView   *self);

G_END_DECLS
