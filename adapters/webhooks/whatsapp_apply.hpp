#pragma once
// Internal to adapters/webhooks: applying one parsed WhatsApp message or status update to the
// store. Both run inside the caller's open transaction (one per delivery) and are idempotent
// through `inbound.dedupe_key`: `wa:msg:<id>` for messages, `wa:status:<id>:<status>` for
// statuses; a key already present means a redelivery and changes nothing.

#include "adapters/replies/record_answer.hpp"
#include "adapters/webhooks/whatsapp_update.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>

namespace tafel::webhooks::detail {

enum class Applied { duplicate, recorded };

// Stores the message as an `inbound` row, moves the member's WhatsApp window
// (members.whatsapp_last_inbound_utc), correlates it (context.id, then the quick-reply payload's
// signed token, then the label; free text through read_intent and the sender's open
// invitation) and records the answer or opt-out. Unclear or unmatched replies become
// coordinator items quoting the original text.
Applied apply_message(SQLite::Database& db, const replies::ReplyContext& ctx,
                      std::int64_t delivery_id, const WaMessage& m, std::int64_t now_utc);

// Stores the status as an `inbound` row and moves the outbox row with that provider message id
// forward (sent < failed < delivered < read; never backwards, so a late `delivered` after
// `read` changes nothing). `failed` records the error code in `last_error`; 131026 marks the
// member's WhatsApp unusable (the rule: adapters/store/whatsapp_status.hpp). A status for a
// wamid not stored yet stays `unmatched` and is applied when the dispatcher records the send.
Applied apply_status(SQLite::Database& db, std::int64_t delivery_id, const WaStatus& s,
                     std::int64_t now_utc);

}  // namespace tafel::webhooks::detail
