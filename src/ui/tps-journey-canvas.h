/* tps-journey-canvas.h — the interactive journey map
 *
 * A GtkScrollable: put it in a GtkScrolledWindow. It draws through the
 * core map renderer and changes the model only through the TpsHistory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tps-compare.h"
#include "tps-history.h"
#include "tps-map-layout.h"
#include "tps-project.h"

G_BEGIN_DECLS

#define TPS_TYPE_JOURNEY_CANVAS (tps_journey_canvas_get_type ())
G_DECLARE_FINAL_TYPE (TpsJourneyCanvas, tps_journey_canvas, TPS, JOURNEY_CANVAS, GtkWidget)

#define TPS_JOURNEY_CANVAS_ZOOM_MIN 0.1
#define TPS_JOURNEY_CANVAS_ZOOM_MAX 4.0

/* Card titles smaller than this many pixels are not read, only seen. */
#define TPS_JOURNEY_CANVAS_LEGIBLE_TEXT 9.0

GtkWidget          *tps_journey_canvas_new                (void);

TpsProject         *tps_journey_canvas_get_project        (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_project        (TpsJourneyCanvas   *self,
                                                           TpsProject         *project);
TpsHistory         *tps_journey_canvas_get_history        (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_history        (TpsJourneyCanvas   *self,
                                                           TpsHistory         *history);
TpsTouchpoint      *tps_journey_canvas_get_selected       (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_selected       (TpsJourneyCanvas   *self,
                                                           TpsTouchpoint      *touchpoint);
double              tps_journey_canvas_get_zoom           (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_zoom           (TpsJourneyCanvas   *self,
                                                           double              zoom);
const char         *tps_journey_canvas_get_persona_filter (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_persona_filter (TpsJourneyCanvas   *self,
                                                           const char         *persona_id);
int                 tps_journey_canvas_get_moment_filter  (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_moment_filter  (TpsJourneyCanvas   *self,
                                                           int                 moment);
int                 tps_journey_canvas_get_status_filter  (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_status_filter  (TpsJourneyCanvas   *self,
                                                           int                 status);
const char         *tps_journey_canvas_get_comparator_id  (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_comparator_id  (TpsJourneyCanvas   *self,
                                                           const char         *comparator_id);
const char * const *tps_journey_canvas_get_highlight_ids  (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_highlight_ids  (TpsJourneyCanvas   *self,
                                                           const char * const *ids);

TpsComparison      *tps_journey_canvas_get_comparison     (TpsJourneyCanvas   *self);
void                tps_journey_canvas_set_comparison     (TpsJourneyCanvas   *self,
                                                           TpsComparison      *comparison);

TpsMapLayout       *tps_journey_canvas_get_layout         (TpsJourneyCanvas   *self);
double              tps_journey_canvas_get_legible_zoom   (TpsJourneyCanvas   *self);
void                tps_journey_canvas_zoom_to_overview   (TpsJourneyCanvas   *self);

gboolean            tps_journey_canvas_move_touchpoint    (TpsJourneyCanvas   *self,
                                                           TpsTouchpoint      *touchpoint,
                                                           const char         *stage_id,
                                                           const char         *channel_id,
                                                           guint               position);
TpsTouchpoint      *tps_journey_canvas_add_touchpoint     (TpsJourneyCanvas   *self,
                                                           const char         *stage_id,
                                                           const char         *channel_id,
                                                           guint               position);

G_END_DECLS
