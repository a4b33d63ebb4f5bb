#pragma once
// The RSVP log of a session in the store (schema v4 `rsvp_events`): appending engine/rsvp
// events and loading them back for replay, the session's setup, and attendee facts.
//
// Contracts:
// - Every function runs inside the caller's transaction (or on its own); nothing reads a clock.
// - An event round-trips exactly: `kind` names the variant, `data` holds its other fields as
//   JSON; `member_id` is the person (NULL for session-wide events).
// - Invitations are in the log as Invite events: the outreach planner appends one in the
//   transaction that creates the invitation. Invitations made before the log existed (older
//   data) have none; `ensure_invites_logged` appends one for each of them, at the invitation's
//   creation time (applied at the log's latest moment if that is later), before anything else
//   is appended. Their earlier answers are not in the log (only the mirrored status was kept).
// - Log data that does not parse throws std::runtime_error naming the row (never guessed).

#include "adapters/config/config.hpp"
#include "engine/rsvp/events.hpp"
#include "engine/rsvp/types.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tafel::rsvp_log {

std::string_view kind_name(const rsvp::Event& e);

// Appends the event; returns its row id. `source`: email | whatsapp | web | ical | coordinator |
// system.
std::int64_t append_event(SQLite::Database& db, std::int64_t session_id, const rsvp::Event& e,
                          std::string_view source,
                          std::optional<std::int64_t> inbound_id = std::nullopt);

// The session's log in order.
std::vector<rsvp::Event> load_events(SQLite::Database& db, std::int64_t session_id);

// The state machine's setup: start and sector from `sessions`; seats = the room's capacity
// capped by planning.max_group (max_group when the room is unknown); quorum =
// planning.min_group. nullopt for an unknown session.
std::optional<rsvp::SessionSetup> load_setup(SQLite::Database& db, const PlanningConfig& planning,
                                             std::int64_t session_id);

// A member's facts: sector, company key (lower-cased, trimmed), channels = consent given, not
// opted out, not unusable and an address present; came_before is false for now.
std::optional<rsvp::Attendee> load_attendee(SQLite::Database& db, std::int64_t member_id);

// Appends an Invite for every invitation of the session whose member has no invite event in
// the log (see the contract above). Returns how many were added.
int ensure_invites_logged(SQLite::Database& db, std::int64_t session_id);

}  // namespace tafel::rsvp_log
