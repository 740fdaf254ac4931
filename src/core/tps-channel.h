/* tps-channel.h — a channel, a lane of the map (website, phone, shop …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tps-object.h"
#include "tps-types.h"

G_BEGIN_DECLS

#define TPS_TYPE_CHANNEL (tps_channel_get_type ())
G_DECLARE_FINAL_TYPE (TpsChannel, tps_channel, TPS, CHANNEL, TpsObject)

TpsChannel     *tps_channel_new      (const char     *id);
const char     *tps_channel_get_name (TpsChannel     *self);
void            tps_channel_set_name (TpsChannel     *self,
                                      const char     *name);
TpsChannelKind  tps_channel_get_kind (TpsChannel     *self);
void            tps_channel_set_kind (TpsChannel     *self,
                                      TpsChannelKind  kind);

G_END_DECLS
