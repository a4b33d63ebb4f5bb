#pragma once
// Counts from the database, refreshed at every scrape (counts only, never personal data):
//   tafel_members{network}                 gauge: members held, per network name
//   tafel_members_eligible{network}        gauge
//   tafel_events{network}                  gauge: network event occurrences held
//   tafel_outbox_messages{channel,state}   gauge: outbox rows by their stored state
//   tafel_messages{channel,state}          gauge: outbox rows grouped as people see them, every
//                                          channel (email, whatsapp) and state always present:
//                                          queued (pending, in_flight), sent, delivered
//                                          (delivered, read), failed; cancelled rows not counted
//   tafel_outbox_oldest_due_age_seconds    gauge: how long the oldest pending row whose next
//                                          attempt is due has been waiting (0 when none)
//   tafel_webhook_deliveries{provider,outcome}
//                                          gauge: stored webhook deliveries: accepted (every
//                                          stored row: the provider got its 200), pending,
//                                          processed, quarantined, and duplicate (processed
//                                          deliveries that added nothing new: every message and
//                                          status in them had been seen before)
//   tafel_replies{channel,intent}          gauge: inbound replies by intent
//                                          (yes | no | maybe | opt_out | unclear)
//   tafel_sessions{status}                 gauge: sessions by status, every status present
//   tafel_store_up                         gauge: 1 when the last scrape could read the database
// Rejected webhook requests never reach the database; request_metrics.hpp counts them.
// Each scrape opens its own short read-only connection, so it is safe on any server thread.

#include "adapters/http/metrics.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>

namespace tafel::http {

// `now_utc` gives the current time in seconds since the epoch for the outbox age (the system
// clock when empty).
void add_store_collector(MetricsRegistry& registry, std::filesystem::path database,
                         std::function<std::int64_t()> now_utc = {});

}  // namespace tafel::http
