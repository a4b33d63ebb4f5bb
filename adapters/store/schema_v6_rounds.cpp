#include "adapters/store/schema_parts.hpp"

namespace tafel {

// Version 6: the availability poll's timing on planning rounds (poll close, reminders) and which
// outbox rows belong to which poll invitation.
//
// Contracts:
// - `planning_rounds.poll_closes_utc` is the instant the poll closes (the end of the local day
//   given with `rounds create --poll-closes`, else set when the poll is sent: the configured
//   number of days later); NULL for rounds that were never polled. No poll reminder goes at or
//   after it; `rounds close` may close the poll earlier or later.
// - `poll_invitations.asked_at` / `reminded_at` record when the poll and its reminder were
//   decided (their outbox rows were written, in the same transaction); `outbox.poll_invitation_id`
//   links those rows to the poll invitation for the contact history.
std::string_view schema_v6_rounds() {
  return R"sql(
ALTER TABLE planning_rounds ADD COLUMN poll_closes_utc INTEGER;
ALTER TABLE planning_rounds ADD COLUMN poll_closes_offset INTEGER;
ALTER TABLE planning_rounds ADD COLUMN poll_sent_at TEXT;
ALTER TABLE planning_rounds ADD COLUMN poll_closed_at TEXT;

ALTER TABLE poll_invitations ADD COLUMN asked_at TEXT;
ALTER TABLE poll_invitations ADD COLUMN reminded_at TEXT;
CREATE INDEX poll_invitations_member ON poll_invitations(member_id);

ALTER TABLE outbox ADD COLUMN poll_invitation_id INTEGER
  REFERENCES poll_invitations(id) ON DELETE CASCADE;
CREATE INDEX outbox_poll_invitation ON outbox(poll_invitation_id);
)sql";
}

}  // namespace tafel
