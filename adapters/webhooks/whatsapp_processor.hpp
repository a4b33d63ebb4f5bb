#pragma once
// Processes stored WhatsApp deliveries (webhook_deliveries, state pending) in id order.
//
// Contract: each delivery is handled in one transaction that ends with its state set to
// `processed` (or `quarantined`) and processed_at: every message and status in it is applied
// (whatsapp_apply.hpp) or none is. A body that cannot be read (whatsapp_update.hpp) is
// quarantined with the reason in `error` and a `quarantined` coordinator item; so is a delivery
// whose processing fails unexpectedly (the error is then recorded in a second transaction), so
// that one bad delivery never blocks the ones behind it. Items skipped inside a readable body
// are listed in `error` of a processed delivery (JSON pointers only, no personal data).

#include "adapters/replies/record_answer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <mutex>
#include <string_view>

namespace tafel::webhooks {

struct ProcessReport {
  int deliveries = 0;
  int quarantined = 0;
  int messages = 0;    // new inbound messages
  int statuses = 0;    // new status updates
  int duplicates = 0;  // messages and statuses seen before
};

// One pending delivery. Opens and commits its own transaction; `write_mutex` (may be null) is
// held around it. Does nothing when the delivery is no longer pending.
ProcessReport process_whatsapp_delivery(SQLite::Database& db, std::mutex* write_mutex,
                                        const replies::ReplyContext& ctx, std::int64_t delivery_id,
                                        std::int64_t now_utc);

// Every pending WhatsApp delivery, oldest first (at most `limit`).
ProcessReport process_pending_whatsapp(SQLite::Database& db, std::mutex* write_mutex,
                                       const replies::ReplyContext& ctx, std::int64_t now_utc,
                                       int limit = 1000);

}  // namespace tafel::webhooks
