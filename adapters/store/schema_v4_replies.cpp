#include "adapters/store/schema_parts.hpp"

namespace tafel {

// Version 4: everything that comes back — the RSVP event log per session, webhook deliveries
// and inbound messages (deduplicated), the coordinator's inbox, the availability poll — and the
// channel state the dispatcher needs (unusable channels, the WhatsApp 24-hour window).
//
// Contracts:
// - `rsvp_events` is the log engine/rsvp replays (in id order) for one session; an
//   invitation's `rsvp` column mirrors the replayed state and is never the source of truth.
// - A webhook delivery is stored raw (the exact signed bytes) before the 200 is sent; it is then
//   split into `inbound` rows, each unique on its `dedupe_key`, so a redelivery adds nothing.
// - `outbox.kind` and `outbox.state` lose their CHECK lists (the code's enums validate them), so
//   new kinds need no table rebuild again; `fallback_of` links a row to the row on the other
//   channel it replaces.
// - Raw payloads, reply texts and mail copies are personal data: retention and erasure clear
//   `webhook_deliveries.body`, `inbound.raw` and `inbound.text`.
std::string_view schema_v4_replies() {
  return R"sql(
CREATE TABLE outbox_v4 (
  id                   INTEGER PRIMARY KEY,
  invitation_id        INTEGER REFERENCES invitations(id) ON DELETE CASCADE,
  member_id            INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  channel              TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  kind                 TEXT NOT NULL,      -- engine/outreach MessageKind name
  dedupe_key           TEXT NOT NULL UNIQUE,
  due_utc              INTEGER NOT NULL,
  payload              TEXT NOT NULL,
  state                TEXT NOT NULL DEFAULT 'pending',
                       -- pending | in_flight | sent | delivered | read | failed | cancelled
  attempts             INTEGER NOT NULL DEFAULT 0,
  next_attempt_utc     INTEGER NOT NULL,
  provider_message_id  TEXT,
  last_error           TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  fallback_of          INTEGER REFERENCES outbox_v4(id) ON DELETE SET NULL,
  sent_at_utc          INTEGER            -- when the provider accepted it
);
INSERT INTO outbox_v4 (id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, payload,
                       state, attempts, next_attempt_utc, provider_message_id, last_error,
                       created_at, updated_at)
  SELECT id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, payload, state,
         attempts, next_attempt_utc, provider_message_id, last_error, created_at, updated_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt_utc);
CREATE INDEX outbox_invitation ON outbox(invitation_id);
CREATE INDEX outbox_member ON outbox(member_id);
CREATE INDEX outbox_provider ON outbox(provider_message_id);

-- Channel state per member: a hard bounce or WhatsApp 131026 makes a channel unusable until a
-- new import changes the address; the last inbound WhatsApp message opens the 24-hour window.
ALTER TABLE members ADD COLUMN email_unusable_at TEXT;
ALTER TABLE members ADD COLUMN whatsapp_unusable_at TEXT;
ALTER TABLE members ADD COLUMN whatsapp_last_inbound_utc INTEGER;
-- Since when the partner's member list no longer mentions this member (NULL while it does);
-- retention erases members missing for long enough who have no future session.
ALTER TABLE members ADD COLUMN missing_since TEXT;

-- A case the person wants to bring in, given with the RSVP.
ALTER TABLE invitations ADD COLUMN case_text TEXT;

-- The RSVP log of one session (engine/rsvp/events.hpp), applied in id order.
CREATE TABLE rsvp_events (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  member_id   INTEGER REFERENCES members(id) ON DELETE CASCADE,  -- NULL for session-wide events
  kind        TEXT NOT NULL CHECK (kind IN ('invite', 'enlist', 'answer', 'optout',
                                            'invite_from_waitlist', 'reschedule', 'cancel',
                                            'tick')),
  at_utc      INTEGER NOT NULL,
  data        TEXT NOT NULL DEFAULT '{}',  -- the event's other fields, JSON
  source      TEXT NOT NULL,               -- email | whatsapp | web | ical | coordinator | system
  inbound_id  INTEGER REFERENCES inbound(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX rsvp_events_session ON rsvp_events(session_id, id);
CREATE INDEX rsvp_events_member ON rsvp_events(member_id);

-- Webhook deliveries exactly as received (the signed bytes), stored before answering 200.
CREATE TABLE webhook_deliveries (
  id            INTEGER PRIMARY KEY,
  provider      TEXT NOT NULL,                 -- whatsapp
  received_at   TEXT NOT NULL,
  body          BLOB,                          -- NULL once retention has removed it
  state         TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'processed', 'quarantined')),
  error         TEXT,                          -- why it was quarantined (no personal data)
  processed_at  TEXT
);
CREATE INDEX webhook_deliveries_state ON webhook_deliveries(state, id);

-- One row per inbound message, status update or mail, whatever the channel.
CREATE TABLE inbound (
  id             INTEGER PRIMARY KEY,
  channel        TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email', 'web')),
  dedupe_key     TEXT NOT NULL UNIQUE,  -- wa:msg:<id> | wa:status:<id>:<status> | imap:<uidvalidity>:<uid> | ...
  delivery_id    INTEGER REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
  kind           TEXT NOT NULL,  -- reply | button | status | calendar_reply | bounce | auto_reply | unknown
  member_id      INTEGER REFERENCES members(id) ON DELETE SET NULL,
  invitation_id  INTEGER REFERENCES invitations(id) ON DELETE SET NULL,
  provider_at_utc INTEGER,       -- the provider's timestamp
  received_at    TEXT NOT NULL,
  intent         TEXT,           -- yes | no | maybe | opt_out | unclear (replies only)
  text           TEXT,           -- the reply as written (after quote stripping)
  raw            TEXT,           -- the message JSON or mail copy; cleared by retention
  outcome        TEXT NOT NULL DEFAULT 'recorded'
                 -- applied | unclear | refused | unmatched | ignored | status | recorded
);
CREATE INDEX inbound_member ON inbound(member_id);
CREATE INDEX inbound_invitation ON inbound(invitation_id);

-- Mailbox position for IMAP intake: messages are processed by UID, never by \Seen.
CREATE TABLE imap_state (
  mailbox      TEXT PRIMARY KEY,
  uidvalidity  INTEGER NOT NULL,
  last_uid     INTEGER NOT NULL,
  updated_at   TEXT NOT NULL
);

-- What the coordinator must look at: unclear or unmatched replies, quarantined deliveries,
-- quorum alerts, unreachable people, failed channels, template errors. Details are Dutch.
CREATE TABLE coordinator_items (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  network_id   INTEGER REFERENCES networks(id) ON DELETE CASCADE,
  session_id   INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
  member_id    INTEGER REFERENCES members(id) ON DELETE CASCADE,
  inbound_id   INTEGER REFERENCES inbound(id) ON DELETE CASCADE,
  delivery_id  INTEGER REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  detail       TEXT NOT NULL,
  dedupe_key   TEXT UNIQUE,      -- an alert raised twice is one item
  created_at   TEXT NOT NULL,
  resolved_at  TEXT,
  resolved_by  TEXT
);
CREATE INDEX coordinator_items_open ON coordinator_items(resolved_at, id);

-- The availability poll of a planning round: one per member asked. Answers go to
-- `availability` (source 'poll') and `event_attendance`.
CREATE TABLE poll_invitations (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES planning_rounds(id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  answered_at  TEXT,
  UNIQUE (round_id, member_id)
);
CREATE TABLE event_attendance (
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  source       TEXT NOT NULL,   -- poll | coordinator
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (member_id, event_id)
);
)sql";
}

}  // namespace tafel
