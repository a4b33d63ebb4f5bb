#include "adapters/store/schema.hpp"

#include "adapters/store/schema_parts.hpp"

#include <array>

namespace tafel {

namespace {

// Version 1: networks, members with per-channel consent and eligibility, erased-person hashes,
// venues and rooms (mirrored from the configuration), staff, network events, import log.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE networks (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  sender_name   TEXT NOT NULL DEFAULT '',
  sender_email  TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
);

CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('members', 'events')),
  network_id   INTEGER NOT NULL REFERENCES networks(id),
  source       TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('taken', 'refused', 'failed')),
  added        INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  removed      INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE members (
  id                       INTEGER PRIMARY KEY,
  network_id               INTEGER NOT NULL REFERENCES networks(id),
  company                  TEXT NOT NULL,
  name                     TEXT NOT NULL,
  email                    TEXT,             -- as given, trimmed
  email_key                TEXT,             -- lower-cased, for matching
  mobile                   TEXT,             -- E.164, a WhatsApp channel
  landline                 TEXT,             -- E.164, for calling only
  sector                   TEXT,             -- configured sector name, or NULL
  sector_raw               TEXT,             -- the value in the file
  employees                REAL,
  has_hr_staff             INTEGER,          -- 1/0, NULL = unknown
  postcode                 TEXT,
  town                     TEXT,
  lat                      REAL,
  lon                      REAL,
  location_source          TEXT,             -- 'coordinates' | 'postcode' | 'town' | NULL
  eligible                 INTEGER NOT NULL,
  eligibility_reason       TEXT,
  attributes               TEXT NOT NULL DEFAULT '{}',  -- unknown columns, JSON object
  consent_email            INTEGER NOT NULL,
  consent_email_source     TEXT NOT NULL,
  consent_email_at         TEXT NOT NULL,
  consent_whatsapp         INTEGER NOT NULL,
  consent_whatsapp_source  TEXT NOT NULL,
  consent_whatsapp_at      TEXT NOT NULL,
  opted_out_email          INTEGER NOT NULL DEFAULT 0,  -- withdrawn in Tafelplanner: imports never override
  opted_out_whatsapp       INTEGER NOT NULL DEFAULT 0,
  import_id                INTEGER REFERENCES imports(id),
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL
);
CREATE INDEX members_network ON members(network_id);
CREATE INDEX members_email ON members(email_key);
CREATE INDEX members_mobile ON members(mobile);

-- Every consent change, for accountability (AVG art. 7(1)).
CREATE TABLE consent_log (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  channel      TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  granted      INTEGER NOT NULL,
  source       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);

-- People erased on request: only a one-way hash of an email address or phone number remains.
CREATE TABLE erased_contacts (
  hash       TEXT PRIMARY KEY,
  erased_at  TEXT NOT NULL
);

CREATE TABLE venues (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  address  TEXT NOT NULL DEFAULT '',
  lat      REAL NOT NULL,
  lon      REAL NOT NULL,
  aliases  TEXT NOT NULL DEFAULT '[]',
  active   INTEGER NOT NULL DEFAULT 1     -- 0 when no longer in the configuration
);
CREATE TABLE rooms (
  venue_id  TEXT NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  capacity  INTEGER NOT NULL,
  PRIMARY KEY (venue_id, name)
);

CREATE TABLE staff (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('facilitator', 'expert')),
  email         TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  availability  TEXT NOT NULL DEFAULT '{}',  -- weekly windows and exceptions, JSON
  active        INTEGER NOT NULL DEFAULT 1
);

-- One row per occurrence of a network event, expanded from the partner's calendar.
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  network_id     INTEGER NOT NULL REFERENCES networks(id),
  uid            TEXT NOT NULL,
  recurrence_id  TEXT NOT NULL,   -- the occurrence's original start (UTC, ISO); '' when not recurring
  title          TEXT NOT NULL,
  location       TEXT NOT NULL DEFAULT '',
  venue_id       TEXT REFERENCES venues(id),
  start_utc      INTEGER NOT NULL,  -- seconds since the epoch
  start_offset   INTEGER NOT NULL,  -- local UTC offset in seconds at the start
  end_utc        INTEGER NOT NULL,
  end_offset     INTEGER NOT NULL,
  all_day        INTEGER NOT NULL,
  source         TEXT NOT NULL DEFAULT '',  -- the file or feed URL it was last imported from
  import_id      INTEGER REFERENCES imports(id),
  UNIQUE (network_id, uid, recurrence_id)
);
CREATE INDEX events_start ON events(start_utc);

-- When a member can come: answers to the availability poll (or an imported answer file).
-- A new answer from one source replaces that source's earlier intervals for the member.
CREATE TABLE availability (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  start_utc     INTEGER NOT NULL,
  start_offset  INTEGER NOT NULL,
  end_utc       INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  source        TEXT NOT NULL,     -- 'poll', 'whatsapp', 'import:<file>'
  recorded_at   TEXT NOT NULL,
  CHECK (end_utc > start_utc)
);
CREATE INDEX availability_member ON availability(member_id);
)sql";

}  // namespace

std::span<const std::string_view> schema_migrations() {
  static const std::array<std::string_view, 7> migrations = {kV1,
                                                             schema_v2_planning(),
                                                             schema_v3_outreach(),
                                                             schema_v4_replies(),
                                                             schema_v5_accounts(),
                                                             schema_v6_rounds(),
                                                             schema_v7_sessions()};
  return migrations;
}

}  // namespace tafel
