#pragma once
// The dispatcher's reads and writes of the outbox beyond adapters/store/outbox_store.hpp: due
// rows with the member's channel state, claiming chosen rows, moving a row's next attempt,
// recording a send with its time (schema v4 `sent_at_utc`), the WhatsApp sends that count for
// the daily limit, marking a member's channel unusable, and finding and reviving the row on the
// other channel. Each write is its own short transaction.

#include "adapters/store/outbox_store.hpp"
#include "engine/outreach/daily_reach.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tafel::outbox {

struct DueRow {
  OutboxRow row;
  std::optional<std::int64_t> last_inbound_utc;  // members.whatsapp_last_inbound_utc
  bool channel_unusable = false;                 // members.<channel>_unusable_at is set
};

// Pending rows with next_attempt_utc <= now on channels not in `skip`, by next attempt, then id.
std::vector<DueRow> select_due(Store& store, std::int64_t now_utc, int limit,
                               const std::set<std::string>& skip);
// Marks the rows in_flight and counts the attempt (rows no longer pending are left alone);
// returns the rows claimed, with state and attempts updated.
std::vector<OutboxRow> claim_rows(Store& store, std::vector<OutboxRow> rows);
// Leaves the row pending but moves its next attempt (a limit holds it back; not an attempt).
void defer_row(Store& store, std::int64_t id, std::int64_t next_attempt_utc,
               const std::string& reason);
// Sent: provider id, sent_at_utc and the message_ids entry, in one transaction; WhatsApp
// statuses for that id that arrived first (inbound rows left `unmatched`) are applied in it too
// (adapters/store/whatsapp_status.hpp).
void record_sent(Store& store, const OutboxRow& row, const std::string& provider_message_id,
                 std::int64_t sent_at_utc);
// Sets last_error without changing the state.
void note_error(Store& store, std::int64_t id, const std::string& error);
// A row that will not be sent because another carries its message.
void cancel_row(Store& store, std::int64_t id, const std::string& reason);
// Pending again, due now, linked to the row it replaces (`fallback_of`).
void revive_row(Store& store, std::int64_t id, std::int64_t fallback_of, std::int64_t now_utc);
// Enqueues `payload` as the message of `failed` on `channel` under `key`, pending and due now,
// with `fallback_of` = failed.id, in one transaction. A row with that key already there is left
// as it is. Returns the id of the row carrying the key.
std::int64_t enqueue_fallback(Store& store, const OutboxRow& failed, const std::string& channel,
                              const std::string& key, const std::string& payload,
                              std::int64_t now_utc);
// Replaces a WhatsApp row's request (e.g. by its template form) and makes it due now.
void replace_payload(Store& store, std::int64_t id, const std::string& payload,
                     std::int64_t now_utc);
std::optional<OutboxRow> find_row_by_key(Store& store, const std::string& dedupe_key);

// WhatsApp rows accepted since `since_utc`, plus those in flight (counted as sent at `now`).
std::vector<outreach::ReachSend> whatsapp_sends_since(Store& store, std::int64_t since_utc,
                                                      std::int64_t now_utc);
// The earliest next attempt of a pending row on a channel not in `skip`.
std::optional<std::int64_t> next_pending_utc(Store& store, const std::set<std::string>& skip);

struct MemberChannels {
  std::int64_t network_id = 0;
  bool email_ok = false;  // address, consent, not opted out, not unusable
  bool whatsapp_ok = false;
};
std::optional<MemberChannels> load_member_channels(Store& store, std::int64_t member_id);
// members.<channel>_unusable_at = now (kept when already set).
void mark_channel_unusable(Store& store, std::int64_t member_id, const std::string& channel);

}  // namespace tafel::outbox
