#include "adapters/store/schema_parts.hpp"
#include "engine/sessions/question_lists.hpp"

#include <string>

namespace tafel {

namespace {

// Version 7's tables. Contracts:
// - Session roles: one facilitator and at most one knowledge expert per session, never the same
//   staff member (CHECK). `sessions.facilitator_id` is kept equal to the role row's facilitator
//   (sessions_store.hpp writes both in one transaction).
// - Calendar-feed tokens are stored as the SHA-256 (hex) of the secret only; one live token per
//   staff member (older ones are revoked when a new one is made).
// - A session's programme holds the edited minutes per part and the chosen questions; an edited
//   programme may break the rules (the run sheet shows the findings), so only non-negative
//   minutes are enforced here.
// - Knowledge items (bottlenecks, tips, solutions, contacts, takeaways) hold no member id and no
//   personal data: the store refuses text that names a member (engine/sessions/knowledge.hpp).
//   Bottlenecks always carry a theme. They outlive their session (session_id SET NULL) and keep
//   the session's sector and start for searching and counting.
// - Attendance and evaluation responses are member-linked (`member_id`): `members erase`
//   deletes them. Evaluation answers themselves (score, comment) are anonymous: which member
//   answered lives only in evaluation_responses, so erasure keeps the trend.
// - Digests hold their composed content (JSON); sent_at implies previewed_at.
constexpr std::string_view kTables = R"sql(
CREATE TABLE session_roles (
  session_id      INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  facilitator_id  TEXT NOT NULL REFERENCES staff(id),
  expert_id       TEXT REFERENCES staff(id),
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  CHECK (expert_id IS NULL OR expert_id <> facilitator_id)
);
CREATE INDEX session_roles_expert ON session_roles(expert_id);

CREATE TABLE staff_feed_tokens (
  token_hash  TEXT PRIMARY KEY,          -- SHA-256 (hex) of the secret in the feed URL
  staff_id    TEXT NOT NULL REFERENCES staff(id),
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);
CREATE INDEX staff_feed_tokens_staff ON staff_feed_tokens(staff_id);

-- The editable question lists (Kader 2 and 3 of the report as default content).
CREATE TABLE questions (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('start', 'action')),
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL CHECK (text <> ''),
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX questions_kind ON questions(kind, position);

-- Figures per sector, entered by the coordinator with source and date (never invented).
CREATE TABLE sector_cards (
  id           INTEGER PRIMARY KEY,
  sector       TEXT NOT NULL CHECK (sector <> ''),
  figure       TEXT NOT NULL CHECK (figure <> ''),  -- what is measured, Dutch
  value        REAL NOT NULL,
  unit         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source <> ''),
  figure_date  TEXT NOT NULL,                       -- YYYY-MM-DD
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
CREATE INDEX sector_cards_sector ON sector_cards(sector, figure_date);

CREATE TABLE session_programmes (
  session_id          INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  welcome_min         INTEGER NOT NULL CHECK (welcome_min >= 0),
  venting_min         INTEGER NOT NULL CHECK (venting_min >= 0),
  sector_data_min     INTEGER NOT NULL CHECK (sector_data_min >= 0),
  own_cases_min       INTEGER NOT NULL CHECK (own_cases_min >= 0),
  takeaways_min       INTEGER NOT NULL CHECK (takeaways_min >= 0),
  start_question      TEXT NOT NULL,
  action_question     TEXT NOT NULL,
  intervision_method  TEXT NOT NULL,
  sector_card_id      INTEGER REFERENCES sector_cards(id) ON DELETE SET NULL,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT NOT NULL
);

-- The after-session record's header; its parts are attendance and knowledge_items.
CREATE TABLE session_captures (
  session_id   INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  revision     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE attendance (
  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  status       TEXT NOT NULL CHECK (status IN ('came', 'no_show')),
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (session_id, member_id)
);
CREATE INDEX attendance_member ON attendance(member_id);

CREATE TABLE knowledge_items (
  id            INTEGER PRIMARY KEY,
  session_id    INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  kind          TEXT NOT NULL
                CHECK (kind IN ('bottleneck', 'tip', 'solution', 'contact', 'takeaway')),
  sector        TEXT NOT NULL,
  theme         TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL CHECK (text <> ''),
  position      INTEGER NOT NULL DEFAULT 0,   -- order within the session's capture
  noted_utc     INTEGER NOT NULL,             -- the session's start
  noted_offset  INTEGER NOT NULL,
  created_utc   INTEGER NOT NULL,             -- when it was recorded (digest selection)
  CHECK (kind <> 'bottleneck' OR theme <> '')
);
CREATE INDEX knowledge_items_session ON knowledge_items(session_id);
CREATE INDEX knowledge_items_search ON knowledge_items(sector, theme, noted_utc);
CREATE INDEX knowledge_items_created ON knowledge_items(created_utc);

-- One-question evaluation: anonymous answers, and (apart) who answered.
CREATE TABLE evaluation_answers (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  question     TEXT NOT NULL,
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment      TEXT NOT NULL DEFAULT '',
  answered_at  TEXT NOT NULL
);
CREATE INDEX evaluation_answers_session ON evaluation_answers(session_id);
CREATE TABLE evaluation_responses (
  session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  answered_at  TEXT NOT NULL,
  PRIMARY KEY (session_id, member_id)
);
CREATE INDEX evaluation_responses_member ON evaluation_responses(member_id);

CREATE TABLE digests (
  id              INTEGER PRIMARY KEY,
  network_id      INTEGER NOT NULL REFERENCES networks(id),
  since_utc       INTEGER,                 -- items captured after this (the previous digest)
  composed_utc    INTEGER NOT NULL,        -- the `now` it was composed at
  content         TEXT NOT NULL,           -- the composed digest, JSON (digest_store.hpp)
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  previewed_at    TEXT,
  previewed_by    TEXT,
  sent_at         TEXT,
  sent_by         TEXT,
  sent_utc        INTEGER,
  recipients      INTEGER,
  CHECK (sent_at IS NULL OR (previewed_at IS NOT NULL AND sent_utc IS NOT NULL))
);
CREATE INDEX digests_network ON digests(network_id, sent_utc);
)sql";

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The default question lists are seeded from the engine's copy of the report's texts.
std::string build() {
  std::string sql(kTables);
  for (auto kind : {sessions::QuestionKind::start, sessions::QuestionKind::action}) {
    int position = 0;
    for (auto text : sessions::default_questions(kind))
      sql += "INSERT INTO questions(kind, position, text) VALUES (" +
             quoted(sessions::question_kind_key(kind)) + ", " + std::to_string(position++) + ", " +
             quoted(text) + ");\n";
  }
  return sql;
}

}  // namespace

// Version 7: running sessions and the learning community — roles, run sheets, after-session
// capture, the knowledge base, sector figures, evaluations, digests.
std::string_view schema_v7_sessions() {
  static const std::string sql = build();
  return sql;
}

}  // namespace tafel
