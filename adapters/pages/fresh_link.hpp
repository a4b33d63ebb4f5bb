#pragma once
// "Stuur me een nieuwe link": a fresh personal link for the subject of an expired but genuine
// token, sent as an outbox message of kind `fresh_link` to the member's known channel (email
// when usable, else WhatsApp as a plain text message), never shown on the page.
//
// Rate limit: one per member per clock hour, by the outbox dedupe key
// `fresh_link:<member>:<hour since epoch>` (a second ask within the hour inserts nothing).
// New links: an RSVP link expires at the session's end (as the messages' answer links do); a
// poll link 14 days from now.

#include "adapters/links/link_token.hpp"
#include "adapters/pages/pages_setup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>

namespace tafel::pages {

inline constexpr std::int64_t kPollLinkSeconds = 14 * 24 * 3600;

// Whether a fresh link for `claims` can still be used: the invitation's session has not started
// (answers close then) and is not cancelled; the poll's round is still open or polling.
bool fresh_link_useful(SQLite::Database& db, const links::LinkClaims& claims, std::int64_t now);

enum class FreshLink { enqueued, already_sent, no_channel, not_useful };

// Writes the outbox row in the caller's transaction.
FreshLink enqueue_fresh_link(SQLite::Database& db, const PagesSetup& setup,
                             const links::LinkClaims& claims, std::int64_t now);

}  // namespace tafel::pages
