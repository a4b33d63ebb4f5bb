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

// [messaging.imap]: one pass over the mailbox (adapters/imap/fetch_pass.hpp), the password from
// TAFELPLANNER_IMAP_PASSWORD or the configured file. Errors name no secret and no person.
std::expected<imap::PassSummary, std::string> run_mail_intake(SQLite::Database& db,
                                                              const replies::ReplyContext& context);

// The daemon's pass: run_mail_intake on its own connection, logged.
void mail_intake_pass(const replies::ReplyContext& context);

}  // namespace tafel
