#pragma once
// The digest (schema v7 `digests`): gathering its candidates from the store, composing it with
// the engine (engine/sessions/digest.hpp), the coordinator's preview and the send record, the
// recipients, and the "a quarter passed without one" reminder.
//
// Sending itself (rendering, outbox rows) belongs to the caller: in the transaction that calls
// mark_digest_sent it enqueues one message per recipient. Writers run in a savepoint (joining the
// caller's transaction); errors as in sessions_store.hpp.

#include "adapters/store/sessions_store.hpp"
#include "engine/sessions/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

// Candidates for network `network_id`'s digest at `now_utc`: every tip and solution of the
// community (knowledge items are community-wide), the network's coming approved sessions (of
// approved proposals), the active sector cards, `since_utc` = the composition time of the
// network's last sent digest, and the network's members and all staff as known people.
sessions::DigestInput digest_input(SQLite::Database& db, std::int64_t network_id,
                                   std::int64_t now_utc);

// The composed digest as stored in `digests.content`:
// {"items":[{"id","kind","sector","theme","text","captured_utc"}],
//  "sessions":[{"session_id","start_utc","start_offset","end_utc","sector","theme","place"}],
//  "figures":[{"id","sector","figure","value","unit","source","date"}],
//  "items_left_out":n, "items_refused":n}
std::string digest_to_json(const sessions::Digest& digest);

struct DigestRecord {
  std::int64_t id = 0;
  std::int64_t network_id = 0;
  std::optional<std::int64_t> since_utc;
  std::int64_t composed_utc = 0;
  std::string content;  // JSON, see digest_to_json
  std::string created_at;
  std::string created_by;
  std::optional<std::string> previewed_at;
  std::optional<std::string> previewed_by;
  std::optional<std::string> sent_at;
  std::optional<std::string> sent_by;
  std::optional<std::int64_t> sent_utc;
  std::optional<int> recipients;
};

// Composes the network's digest at `now_utc` and stores it as a draft (not previewed, not
// sent). Returns its id. An empty digest is stored too (the preview says so).
std::int64_t compose_digest_draft(SQLite::Database& db, std::int64_t network_id,
                                  std::int64_t now_utc, const std::string& by,
                                  const sessions::DigestLimits& limits = {});

std::optional<DigestRecord> load_digest(SQLite::Database& db, std::int64_t id);
// The network's digests, newest first.
std::vector<DigestRecord> list_digests(SQLite::Database& db, std::int64_t network_id);

// Records that the coordinator looked at the preview; not_found / conflict (already sent).
SessionResult<void> mark_digest_previewed(SQLite::Database& db, std::int64_t id,
                                          const std::string& by);
// Records the send: refused (conflict) unless previewed and not yet sent. `recipients` is the
// number of members the caller enqueued it for.
SessionResult<void> mark_digest_sent(SQLite::Database& db, std::int64_t id, const std::string& by,
                                     std::int64_t now_utc, int recipients);

// Members of the network who get the digest: consent on a channel that has an address and is
// not opted out (e-mail with an address, or WhatsApp with a mobile number), by id.
std::vector<std::int64_t> digest_recipients(SQLite::Database& db, std::int64_t network_id);

// True when the coordinator must be reminded: no digest of the network sent in the last quarter
// (engine digest_overdue; before the first one, counted from the network's creation).
bool digest_reminder_due(SQLite::Database& db, std::int64_t network_id, std::int64_t now_utc);

}  // namespace tafel
