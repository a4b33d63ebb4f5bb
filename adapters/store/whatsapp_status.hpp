#pragma once
// Applying a WhatsApp status update (sent, delivered, read, failed) that is stored as an
// `inbound` row (kind `status`, key `wa:status:<wamid>:<status>`) to the outbox row whose
// provider_message_id is that wamid. One rule for both places that apply statuses: the webhook
// processor (adapters/webhooks, when the status arrives) and the dispatcher (adapters/outbox,
// when it stores the wamid of a send whose statuses came first).
//
// The rule: an update only moves a row forward (pending/in_flight < sent < failed < delivered
// < read), so a late `delivered` after `read` changes nothing; `failed` records the error code
// in last_error; a failure with 131026 (undeliverable) marks the member's WhatsApp unusable
// whatever order the updates came in. Both functions run inside the caller's transaction.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

namespace tafel {

struct WhatsAppStatus {
  std::string message_id;                  // the wamid of our message
  std::string status;                      // sent | delivered | read | failed | anything else
  std::optional<std::int64_t> error_code;  // errors[0].code
  std::string error_title;                 // errors[0].title
};

// Applies `s`, stored as inbound row `inbound_id`: links that row to the outbox row's member
// and invitation, moves the outbox row forward and sets inbound.outcome to `status` (applied
// or already further), `ignored` (a status we do not act on) or `unmatched` (no outbox row has
// that provider id yet). Returns the outcome.
std::string apply_whatsapp_status(SQLite::Database& db, std::int64_t inbound_id,
                                  const WhatsAppStatus& s);

// Applies again every inbound status row for `message_id` left `unmatched` (it arrived before
// the send was recorded), oldest first; the error code and title of a `failed` one are read
// from its stored raw status object (errors[0]). Returns how many now matched.
int reapply_unmatched_whatsapp_statuses(SQLite::Database& db, const std::string& message_id);

}  // namespace tafel
