#pragma once
// Sends what is due from the outbox: claims due rows (state in_flight, attempt counted), hands
// each to its channel's sender and records the outcome: sent (with the provider's id, also kept
// in message_ids), a transient failure (pending again after exponential backoff with jitter, until
// max_attempts), or a permanent one (failed, no retry).

#include "adapters/outbox/channel_sender.hpp"
#include "adapters/outbox/retry_policy.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <functional>

namespace tafel::outbox {

struct DispatchReport {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

// `unit_random` returns uniform numbers in [0, 1) for the jitter. Rows due after `now_utc` wait.
DispatchReport dispatch_due(Store& store, ChannelSender& email, ChannelSender& whatsapp,
                            std::int64_t now_utc, const RetryPolicy& retry,
                            const std::function<double()>& unit_random, int batch = 100);

}  // namespace tafel::outbox
