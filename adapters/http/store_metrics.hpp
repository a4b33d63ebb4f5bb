#pragma once
// Counts from the database, refreshed at every scrape (counts only, never personal data):
//   tafel_members{network}                 gauge: members held, per network name
//   tafel_members_eligible{network}        gauge
//   tafel_events{network}                  gauge: network event occurrences held
//   tafel_outbox_messages{channel,state}   gauge: outbox rows (when the table exists)
//   tafel_store_up                         gauge: 1 when the last scrape could read the database
// Each scrape opens its own short read-only connection, so it is safe on any server thread.

#include "adapters/http/metrics.hpp"

#include <filesystem>

namespace tafel::http {

void add_store_collector(MetricsRegistry& registry, std::filesystem::path database);

}  // namespace tafel::http
