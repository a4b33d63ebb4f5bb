#pragma once
// Takes one received mail in: records it in `inbound` (dedupe key `imap:<uidvalidity>:<uid>`)
// and acts on what it is (adapters/email/mail_kind.hpp):
// - bounce: hard (5.x.x) → members.email_unusable_at for the failed address and a `bounce`
//   coordinator item; soft → recorded only.
// - auto_reply → recorded, never an answer.
// - calendar_reply → record_answer (Source ical) with the PARTSTAT.
// - reply → strip_quoted + read_intent → record_answer (Source email) or record_opt_out;
//   unclear, unmatched or refused by record_answer → a coordinator item with the stripped text.
// Correlation order: the per-invitation reply address (`<reply_local>+<id>@…` in To, Cc or
// Delivered-To), In-Reply-To then References (our Message-IDs), the calendar UID, then the
// sender's address (member → their one open invitation).
//
// Runs inside the caller's transaction; a mail whose dedupe key is already in `inbound` is not
// touched again. No personal data is logged; errors are English.

#include "adapters/replies/record_answer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tafel::imap {

struct IntakeResult {
  bool duplicate = false;  // the dedupe key was already recorded: nothing done
  std::string kind;        // inbound.kind: bounce | auto_reply | calendar_reply | reply | unknown
  std::string outcome;     // inbound.outcome: applied | unclear | refused | unmatched | recorded
  std::int64_t inbound_id = 0;
};

IntakeResult take_in_mail(SQLite::Database& db, const replies::ReplyContext& ctx,
                          std::string_view raw, const std::string& dedupe_key,
                          std::int64_t now_utc);

}  // namespace tafel::imap
