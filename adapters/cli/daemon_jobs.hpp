#pragma once
// The scheduled passes `serve` runs besides HTTP and dispatch (see periodic_job.hpp), and the
// mail intake pass that `replies fetch --once` runs too. The daemon's passes open their own
// database connection and log one JSON line each with counts and ids only.

#include "adapters/config/config.hpp"
#include "adapters/imap/fetch_pass.hpp"
#include "adapters/replies/record_answer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <expected>
#include <string>

namespace tafel {

// [retention]: clears old copies, erases long-departed members (adapters/store/retention.hpp).
void retention_pass(const Config& config);

// A network's calendar_url: one refresh (adapters/feeds/feed_refresh.hpp), logged with the
// network and the outcome only; a failure is a coordinator item, never an exception.
void feed_refresh_pass(const Config& config, const NetworkConfig& network);

// [messaging.imap]: one pass over the mailbox (adapters/imap/fetch_pass.hpp), the password from
// TAFELPLANNER_IMAP_PASSWORD or the configured file. Errors name no secret and no person.
std::expected<imap::PassSummary, std::string> run_mail_intake(SQLite::Database& db,
                                                              const replies::ReplyContext& context);

// The daemon's pass: run_mail_intake on its own connection, logged.
void mail_intake_pass(const replies::ReplyContext& context);

// The learning community's digest must go at least quarterly: for every network where
// digest_reminder_due (digest_store.hpp, the engine's digest_overdue) holds at `now_utc`, raises
// the coordinator item "een kwartaal zonder nieuwsbrief" (kind digest_overdue), once per gap
// (dedupe key "digest_overdue:<network>:<last sent digest id or 0>"). Returns how many items
// were raised now. Inside the caller's transaction or on its own.
int raise_digest_reminders(SQLite::Database& db, std::int64_t now_utc);

// The daemon's daily pass: raise_digest_reminders on its own connection, logged (counts only).
void digest_reminder_pass(const Config& config);

}  // namespace tafel
