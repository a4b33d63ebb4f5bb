#pragma once
// Invitations, the outbox and message ids in the store (schema_v3_outreach.cpp).
//
// Contract: `enqueue` and `create_invitation` take the caller's open transaction (a
// SQLite::Database inside SQLite::Transaction), so a decision and the messages it causes commit
// together. Claiming and recording sends is adapters/outbox/dispatch_store.hpp's.
// A row claimed but never marked (a crash mid-send) stays `in_flight` until
// `requeue_in_flight` runs at start-up: those few may be sent twice, nothing is lost.

#include "adapters/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct InvitationRow {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t member_id = 0;
  std::string reply_id;  // 128-bit lowercase base32
  std::string ical_uid;
  int sequence = 0;
  std::string rsvp = "invited";
  std::optional<std::string> rsvp_at;
};

// Inserts an invitation unless (session, member) has one; returns its id either way.
std::int64_t create_invitation(SQLite::Database& db, std::int64_t session_id,
                               std::int64_t member_id, const std::string& reply_id,
                               const std::string& ical_uid, int sequence);
std::vector<InvitationRow> load_invitations(Store& store);
std::optional<InvitationRow> find_invitation_by_reply_id(Store& store, const std::string& reply_id);

struct OutboxInsert {
  std::optional<std::int64_t> invitation_id;
  std::int64_t member_id = 0;
  std::string channel;  // email | whatsapp
  std::string kind;     // invitation | reminder | ...
  std::string dedupe_key;
  std::int64_t due_utc = 0;
  std::string payload;  // JSON
};

// Inserts the row as pending (next attempt = due); a row with the same dedupe key already there
// is left alone. Returns true when inserted.
bool enqueue(SQLite::Database& db, const OutboxInsert& row);

struct OutboxRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> invitation_id;
  std::int64_t member_id = 0;
  std::string channel;
  std::string kind;
  std::string dedupe_key;
  std::int64_t due_utc = 0;
  std::string payload;
  std::string state;
  int attempts = 0;
  std::int64_t next_attempt_utc = 0;
  std::optional<std::string> provider_message_id;
  std::optional<std::string> last_error;
};

// Every row except cancelled ones, oldest first (the contact-moment policy's history).
std::vector<OutboxRow> load_outbox(Store& store);

// A transient failure: back to pending at `next_attempt_utc`.
void mark_retry(Store& store, std::int64_t id, std::int64_t next_attempt_utc,
                const std::string& error);
// Final failure: no more attempts.
void mark_failed(Store& store, std::int64_t id, const std::string& error);
// Pending rows of an invitation become cancelled (e.g. the session was cancelled). Returns count.
int cancel_pending(SQLite::Database& db, std::int64_t invitation_id);
// Rows left in_flight by a crash go back to pending; returns how many (they may be sent twice).
int requeue_in_flight(Store& store);

}  // namespace tafel
