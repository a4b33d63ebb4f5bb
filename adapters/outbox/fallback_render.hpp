#pragma once
// The dispatcher's FallbackRenderer (dispatcher.hpp): renders the message of a failed outbox row
// again for the other channel, from the row's invitation (its session's facts as they are now),
// the member and the kind, with the same request the outreach planner makes for that kind
// (calendar part for invitations, changes and cancellations; answer buttons for invitations,
// nudges and changes). Only the planner's kinds can be rebuilt from the row alone; answers to
// replies (confirmations, offers, ...) and rows without an invitation return an error, and the
// dispatcher then raises a coordinator item instead.

#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/message_render.hpp"

namespace tafel::outbox {

// The request the outreach planner renders for `kind` on `channel` under `key`.
RenderRequest planner_request(outreach::MessageKind kind, outreach::Channel channel,
                              std::string key, int sequence);

// `store` and everything `ctx` refers to must outlive the renderer.
FallbackRenderer make_fallback_renderer(Store& store, RenderContext ctx);

}  // namespace tafel::outbox
