#pragma once
// Changes to an approved session after its invitations went out: cancel it, move it to another
// time or venue, or invite the next person from its waitlist. Used by the CLI
// (`tafelplanner sessions ...`) and the replies page.
//
// Contracts:
// - Each function is one unit: it runs inside a savepoint (atomic on its own, joining the
//   caller's transaction when there is one) holding the `sessions` row update, the RSVP log
//   event (engine/rsvp Cancel / Reschedule / InviteFromWaitlist through apply_session_event),
//   the messages it causes and one audit_log row (ids only; `by` is the account or "cli").
// - Cancel: status 'cancelled', SEQUENCE raised; every contacted person gets a cancellation on
//   every channel they still allow (mail with METHOD:CANCEL); answers afterwards are refused;
//   the session's open coordinator items are resolved.
// - Move: new start/end (and venue), SEQUENCE raised; everyone still concerned gets a change
//   notice with a new REQUEST; open below_quorum and session_changed items are resolved.
// - Only sessions of an approved proposal with status 'approved' whose start lies after
//   `now_utc` can change; otherwise a ChangeError (Dutch message, no personal data).
// - Times are passed in; nothing here reads a clock.

#include "adapters/replies/record_answer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace tafel::replies {

struct ChangeError {
  enum class Kind { not_found, invalid, conflict };
  Kind kind = Kind::invalid;
  std::string message;  // Dutch, for the page or the terminal
};

struct SessionChange {
  int sequence = 0;  // the session's SEQUENCE afterwards
  int messages_enqueued = 0;
  int items_resolved = 0;
};

std::expected<SessionChange, ChangeError> cancel_session(
    SQLite::Database& db, const ReplyContext& ctx, std::int64_t session_id, const std::string& by,
    std::int64_t now_utc, const std::string& reason = {});

struct MoveInput {
  std::int64_t session_id = 0;
  std::int64_t start_utc = 0;
  std::optional<int> minutes;           // the length; unchanged when not given
  std::optional<std::string> venue_id;  // unchanged when not given
};

std::expected<SessionChange, ChangeError> move_session(SQLite::Database& db,
                                                       const ReplyContext& ctx, const MoveInput& in,
                                                       const std::string& by, std::int64_t now_utc);

// Invites the next reserve on the waitlist (best fit first): the InviteFromWaitlist event is
// logged and, for a reserve without one, the invitation row made as 'invited'; the outreach
// planner sends the invitation on its next run (before every dispatch), not this function.
// A conflict when nobody reachable is waiting.
std::expected<SessionChange, ChangeError> invite_from_waitlist(SQLite::Database& db,
                                                               const ReplyContext& ctx,
                                                               std::int64_t session_id,
                                                               const std::string& by,
                                                               std::int64_t now_utc);

}  // namespace tafel::replies
