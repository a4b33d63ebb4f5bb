#include "adapters/store/schema_parts.hpp"

namespace tafel {

// Version 2: planning rounds, numbered proposals, their sessions, groups and unplaced people.
//
// Contract: a proposal and everything under it is written in one transaction. A proposal's
// instance and result JSON are never changed after the insert (they replay the solver run with
// `tafelplanner solve`); the session rows are the coordinator's working copy (pins, locks,
// moves) and bump `proposals.revision` on every edit. Times are stored as UTC seconds plus the
// local UTC offset at that moment, as in `events`.
std::string_view schema_v2_planning() {
  return R"sql(
-- A planning round: one network's planning of one period with a theme. The coordinator opens it,
-- polls availability, closes the poll and plans; every `plan` and re-solve adds a proposal to it.
CREATE TABLE planning_rounds (
  id           INTEGER PRIMARY KEY,
  network_id   INTEGER NOT NULL REFERENCES networks(id),
  period_from  TEXT NOT NULL,              -- first local day, YYYY-MM-DD, inclusive
  period_to    TEXT NOT NULL,              -- last local day, inclusive
  theme        TEXT NOT NULL DEFAULT '',   -- e.g. "Personeel vinden en houden"
  status       TEXT NOT NULL DEFAULT 'open'
               CHECK (status IN ('open', 'polling', 'closed', 'cancelled')),
  created_at   TEXT NOT NULL,
  CHECK (period_to >= period_from)
);
CREATE INDEX planning_rounds_network ON planning_rounds(network_id, period_from);

-- A proposed schedule, numbered per database ("Voorstel 7"). At most one proposal per network
-- and overlapping period is 'proposed' at a time: a newer one supersedes it. 'approved' is the
-- schedule invitations go out for; approving supersedes the network's other current proposals.
CREATE TABLE proposals (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,  -- the number; never reused
  round_id             INTEGER NOT NULL REFERENCES planning_rounds(id),
  network_id           INTEGER NOT NULL REFERENCES networks(id),
  period_from          TEXT NOT NULL,
  period_to            TEXT NOT NULL,
  previous_id          INTEGER REFERENCES proposals(id),  -- the proposal this one re-solves
  seed                 INTEGER NOT NULL,
  time_limit_ms        INTEGER NOT NULL CHECK (time_limit_ms > 0),
  elapsed_ms           INTEGER NOT NULL CHECK (elapsed_ms >= 0),
  stopped_by_deadline  INTEGER NOT NULL CHECK (stopped_by_deadline IN (0, 1)),
  score                REAL NOT NULL,
  bound                REAL,                               -- proven upper bound, when known
  theme                TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL DEFAULT 'proposed'
                       CHECK (status IN ('proposed', 'approved', 'superseded', 'rejected')),
  revision             INTEGER NOT NULL DEFAULT 0,  -- raised by every edit: stale saves conflict
  created_at           TEXT NOT NULL,
  approved_at          TEXT,
  approved_by          TEXT,
  instance_json        TEXT NOT NULL,  -- the exact instance solved (solve.md), for replay
  result_json          TEXT NOT NULL,  -- the solver's result as `solve` writes it, for audit
  CHECK (period_to >= period_from),
  CHECK (status <> 'approved' OR (approved_at IS NOT NULL AND approved_by IS NOT NULL))
);
CREATE INDEX proposals_network ON proposals(network_id, status);
CREATE INDEX proposals_round ON proposals(round_id);

-- One table (praktijktafel) of a proposal: a candidate slot with a sector and a facilitator.
-- `slot_id` is the builder's stable id "<venue>|<room>|<local start>|<minutes>". `uid` and
-- `sequence` follow a session across re-solves at the same slot (calendar UID and SEQUENCE:
-- the sequence rises when the group or facilitator changes). A locked session is kept as it is
-- by a re-solve: its slot, sector and facilitator are fixed and its members pinned.
CREATE TABLE sessions (
  id              INTEGER PRIMARY KEY,
  proposal_id     INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  slot_id         TEXT NOT NULL,
  venue_id        TEXT NOT NULL REFERENCES venues(id),
  room            TEXT NOT NULL DEFAULT '',
  start_utc       INTEGER NOT NULL,
  start_offset    INTEGER NOT NULL,
  end_utc         INTEGER NOT NULL,
  end_offset      INTEGER NOT NULL,
  sector          TEXT NOT NULL,
  facilitator_id  TEXT NOT NULL REFERENCES staff(id),
  event_id        INTEGER REFERENCES events(id) ON DELETE SET NULL,  -- attached meeting
  theme           TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'proposed'
                  CHECK (status IN ('proposed', 'approved', 'cancelled', 'held')),
  uid             TEXT NOT NULL,
  sequence        INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  UNIQUE (proposal_id, slot_id),
  CHECK (end_utc > start_utc)
);
CREATE INDEX sessions_proposal ON sessions(proposal_id);
CREATE INDEX sessions_time ON sessions(start_utc, end_utc);
CREATE INDEX sessions_facilitator ON sessions(facilitator_id, start_utc);
CREATE INDEX sessions_venue ON sessions(venue_id, room, start_utc);

-- The group of a session. A pinned member stays in this session's slot on a re-solve.
CREATE TABLE session_members (
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  PRIMARY KEY (session_id, member_id)
);
CREATE INDEX session_members_member ON session_members(member_id);
-- A member sits at most at one table of a proposal.
CREATE TRIGGER session_members_once_per_proposal BEFORE INSERT ON session_members
WHEN EXISTS (SELECT 1 FROM session_members sm JOIN sessions s ON s.id = sm.session_id
             WHERE sm.member_id = NEW.member_id
               AND s.proposal_id = (SELECT proposal_id FROM sessions WHERE id = NEW.session_id))
BEGIN
  SELECT RAISE(ABORT, 'member already at a session of this proposal');
END;

-- Everyone of the network's planned members a proposal does not place, with the solver's reason
-- (solve.md) or 'busy_elsewhere' (already at a table of another network in the period) and a
-- Dutch sentence for the coordinator.
CREATE TABLE unplaced (
  proposal_id  INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  reason       TEXT NOT NULL
               CHECK (reason IN ('no_slot_in_availability', 'beyond_travel_limit',
                                 'sector_too_small', 'no_facilitator', 'not_selected',
                                 'busy_elsewhere')),
  detail       TEXT NOT NULL,
  PRIMARY KEY (proposal_id, member_id)
);
CREATE INDEX unplaced_member ON unplaced(member_id);
)sql";
}

}  // namespace tafel
