#pragma once
// Planning rounds and their availability poll in the store (schema_v2_planning.cpp,
// schema_v4_replies.cpp, schema_v6_rounds.cpp).
//
// Contract: every writing function takes the caller's open transaction (a SQLite::Database
// inside SQLite::Transaction), so the poll invitations, their outbox rows and the round's status
// commit together. Times of day are the store's UTC ISO strings (now_utc_iso).

#include "adapters/store/store.hpp"
#include "engine/time/local_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct RoundRow {
  std::int64_t id = 0;
  std::int64_t network_id = 0;
  std::string network;                 // the network's name
  std::string period_from, period_to;  // YYYY-MM-DD, inclusive
  std::string theme;
  std::string status;  // open | polling | closed | cancelled
  std::string created_at;
  std::optional<LocalTime> poll_closes;  // the instant the poll closes
  std::optional<std::string> poll_sent_at, poll_closed_at;
  int asked = 0;     // poll invitations
  int answered = 0;  // of which answered
  int proposals = 0;
};

struct NewRound {
  std::int64_t network_id = 0;
  std::string period_from, period_to;
  std::string theme;
  std::optional<LocalTime> poll_closes;
};

// Inserts an open round; returns its id.
std::int64_t create_round(SQLite::Database& db, const NewRound& round);
std::optional<RoundRow> find_round(SQLite::Database& db, std::int64_t id);
// Newest first; `network_id` filters when set.
std::vector<RoundRow> list_rounds(SQLite::Database& db, std::optional<std::int64_t> network_id);

// Asks `member_ids` in the round: one poll invitation each unless they have one. Returns how
// many were added.
int add_poll_invitations(SQLite::Database& db, std::int64_t round_id,
                         const std::vector<std::int64_t>& member_ids);
// Status 'polling'; sets poll_sent_at, and poll_closes to `default_closes` when it has none.
void start_polling(SQLite::Database& db, std::int64_t round_id, LocalTime default_closes);
// Status 'closed', poll_closed_at now.
void close_poll(SQLite::Database& db, std::int64_t round_id);

// A poll invitation as the contact-moment policy sees it.
struct PollInvitationRow {
  std::int64_t id = 0;
  std::int64_t round_id = 0;
  std::int64_t member_id = 0;
  bool answered = false;
};

// Rounds with status 'polling' and a close moment (`round_id` limits to one).
std::vector<RoundRow> polling_rounds(SQLite::Database& db, std::optional<std::int64_t> round_id);
std::vector<PollInvitationRow> load_poll_invitations(SQLite::Database& db, std::int64_t round_id);

// Poll and poll-reminder rows in the outbox (not cancelled), with their poll invitation (from
// outbox.poll_invitation_id, else from the key "poll<id>:...", as a fallback row has it).
struct PollOutboxRow {
  std::string key;
  std::int64_t poll_invitation_id = 0;
  std::string kind;  // poll | poll_reminder
  std::string channel;
  std::int64_t due_utc = 0;
};
std::vector<PollOutboxRow> load_poll_outbox(SQLite::Database& db);

// After enqueuing `key` for a poll invitation: links the outbox row and records asked_at or
// reminded_at (kind poll / poll_reminder).
void record_poll_message(SQLite::Database& db, const std::string& key,
                         std::int64_t poll_invitation_id, const std::string& kind);

// The poll invitation named by an outbox key "poll<id>:...", or nullopt.
std::optional<std::int64_t> poll_invitation_of_key(const std::string& key);

}  // namespace tafel
