#include "adapters/store/schema_parts.hpp"

namespace tafel {

// Version 3: invitations, the outbox and the message ids used to thread replies.
//
// Contract: outbox rows are written in the same transaction as the decision that causes them
// (approving a proposal, an RSVP, a moved or cancelled session), so a crash never loses a decided
// message. `dedupe_key` makes enqueuing idempotent: the contact-moment policy may propose the same
// message again and the second insert is ignored. Erasing a member cascades to everything here.
std::string_view schema_v3_outreach() {
  return R"sql(
-- One per (session, member): the person's standing in that session.
CREATE TABLE invitations (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  reply_id     TEXT NOT NULL UNIQUE,    -- 128-bit random, lowercase base32: <local>+<reply_id>@domain
  ical_uid     TEXT NOT NULL UNIQUE,    -- stable for the invitation's whole life
  sequence     INTEGER NOT NULL DEFAULT 0,  -- iCalendar SEQUENCE: raised on every change
  rsvp         TEXT NOT NULL DEFAULT 'invited'
               CHECK (rsvp IN ('invited', 'accepted', 'tentative', 'declined', 'waitlisted',
                               'offered', 'lapsed')),  -- engine/rsvp's Status
  rsvp_channel TEXT,                    -- where the last answer came from (email, whatsapp, web, ical)
  rsvp_at      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (session_id, member_id)
);
CREATE INDEX invitations_member ON invitations(member_id);

-- Every message decided, one row per channel; the dispatcher sends from here.
CREATE TABLE outbox (
  id                   INTEGER PRIMARY KEY,
  invitation_id        INTEGER REFERENCES invitations(id) ON DELETE CASCADE,
  member_id            INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  channel              TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  kind                 TEXT NOT NULL
                       CHECK (kind IN ('invitation', 'reminder', 'nudge', 'change', 'cancellation',
                                       'poll', 'poll_reminder', 'followup',
                                       'optout_confirmation')),
  dedupe_key           TEXT NOT NULL UNIQUE,  -- the policy's name for this message
  due_utc              INTEGER NOT NULL,      -- seconds since the epoch
  payload              TEXT NOT NULL,         -- rendered message, JSON
  state                TEXT NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'in_flight', 'sent', 'delivered', 'read',
                                        'failed', 'cancelled')),
  attempts             INTEGER NOT NULL DEFAULT 0,
  next_attempt_utc     INTEGER NOT NULL,
  provider_message_id  TEXT,
  last_error           TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_utc);
CREATE INDEX outbox_invitation ON outbox(invitation_id);
CREATE INDEX outbox_member ON outbox(member_id);
CREATE INDEX outbox_provider ON outbox(provider_message_id);

-- Message-IDs of sent mail (and WhatsApp message ids), so that a reply's In-Reply-To or
-- References, or a status update, finds its invitation.
CREATE TABLE message_ids (
  message_id     TEXT PRIMARY KEY,       -- without angle brackets
  outbox_id      INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  invitation_id  INTEGER REFERENCES invitations(id) ON DELETE CASCADE,
  channel        TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  created_at     TEXT NOT NULL
);
CREATE INDEX message_ids_invitation ON message_ids(invitation_id);
)sql";
}

}  // namespace tafel
