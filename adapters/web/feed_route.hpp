#pragma once
// The staff calendar feed: `GET /agenda/{token}.ics` — the sessions where one facilitator or
// knowledge expert has a role (sessions_store's staff_sessions: approved and held ones, cancelled
// ones with STATUS:CANCELLED), as an iCalendar subscription (METHOD:PUBLISH).
//
// The token is a secret of 256 random bits (64 lowercase hex characters) made by
// new_feed_token; only its SHA-256 (hex) is stored (sessions_store add_feed_token, which revokes
// the staff member's earlier tokens), and the route looks the owner up by that hash. An unknown
// or revoked token, or a path not ending in ".ics": 404 with no detail. The feed needs no log-in
// (calendar clients cannot log in); it holds no member data: per session the role, sector,
// theme, venue and room, with the stable session UID and SEQUENCE.
//
// Each VEVENT is made by adapters/email's make_calendar_invite (the same UID/SEQUENCE/TZID +
// VTIMEZONE code as the invitations) and taken over into one VCALENDAR without the iTIP
// ORGANIZER/ATTENDEE properties.

#include "adapters/http/message.hpp"
#include "adapters/store/sessions_store.hpp"
#include "adapters/web/web_setup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace tafel::web {

inline constexpr std::string_view kFeedTimeZone = "Europe/Amsterdam";

// 64 lowercase hex characters from the system's random generator (throws std::runtime_error
// when it fails).
std::string new_feed_token();
// SHA-256 of the token, lowercase hex: what the store keeps.
std::string feed_token_hash(std::string_view token);

// Makes a new token for `staff_id`, stores its hash (revoking the old ones) and returns the
// token. not_found/invalid from the store as SessionStoreError.
SessionResult<std::string> issue_feed_token(SQLite::Database& db, const std::string& staff_id);

// The VCALENDAR of the staff member's sessions (CRLF, folded), DTSTAMP `now_utc`.
std::expected<std::string, std::string> staff_calendar(SQLite::Database& db,
                                                       const std::string& staff_id,
                                                       std::int64_t now_utc);

http::Response handle_feed_get(const WebSetup& setup, const http::Request& request);

}  // namespace tafel::web
