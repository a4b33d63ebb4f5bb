#include "adapters/store/sessions_store.hpp"

#include "adapters/store/store.hpp"

#include <SQLiteCpp/Savepoint.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel {

namespace {

using sessions::Part;

SessionStoreError invalid(std::string field, std::string message) {
  return {SessionStoreError::Kind::invalid, std::move(field), std::move(message)};
}
SessionStoreError not_found(std::string message) {
  return {SessionStoreError::Kind::not_found, "", std::move(message)};
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

struct SessionInfo {
  std::int64_t id = 0;
  std::int64_t network_id = 0;
  std::int64_t start_utc = 0;
  std::int32_t start_offset = 0;
  std::int64_t end_utc = 0;
  std::string sector;
  std::string facilitator_id;
};

std::optional<SessionInfo> session_info(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT s.id, p.network_id, s.start_utc, s.start_offset, s.end_utc, "
                      "s.sector, s.facilitator_id FROM sessions s JOIN proposals p ON p.id = "
                      "s.proposal_id WHERE s.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return SessionInfo{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                     q.getColumn(2).getInt64(), q.getColumn(3).getInt(),
                     q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                     q.getColumn(6).getString()};
}

SessionStoreError unknown_session(std::int64_t id) {
  return not_found(fmt::format("Sessie {} bestaat niet.", id));
}

bool active_staff(SQLite::Database& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT 1 FROM staff WHERE id = ? AND active = 1");
  q.bind(1, id);
  return q.executeStep();
}

std::string_view hit_kind_dutch(sessions::PersonalDataHit::Kind kind) {
  switch (kind) {
    case sessions::PersonalDataHit::Kind::name:
      return "een naam van een deelnemer of begeleider";
    case sessions::PersonalDataHit::Kind::email:
      return "een e-mailadres";
    case sessions::PersonalDataHit::Kind::phone:
      return "een telefoonnummer";
  }
  return "persoonsgegevens";
}

// Refusal when `text` holds personal data; names the field and the kind of data only.
std::optional<SessionStoreError> personal_data_refusal(
    const std::string& field, const std::string& text,
    const std::vector<sessions::KnownPerson>& people) {
  const auto hits = sessions::find_personal_data(text, people);
  if (hits.empty()) return std::nullopt;
  return invalid(field, fmt::format("Deze tekst bevat {}. De kennisbank bevat niets persoonlijks: "
                                    "schrijf het zonder namen en contactgegevens.",
                                    hit_kind_dutch(hits.front().kind)));
}

}  // namespace

// --- roles ---------------------------------------------------------------------------------

std::optional<SessionRoles> session_roles(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement q(db,
                      "SELECT s.facilitator_id, r.facilitator_id, r.expert_id FROM sessions s "
                      "LEFT JOIN session_roles r ON r.session_id = s.id WHERE s.id = ?");
  q.bind(1, session_id);
  if (!q.executeStep()) return std::nullopt;
  SessionRoles roles;
  roles.session_id = session_id;
  roles.facilitator_id =
      q.getColumn(1).isNull() ? q.getColumn(0).getString() : q.getColumn(1).getString();
  if (!q.getColumn(2).isNull()) roles.expert_id = q.getColumn(2).getString();
  return roles;
}

SessionResult<void> set_session_roles(SQLite::Database& db, std::int64_t session_id,
                                      const std::string& facilitator_id,
                                      const std::optional<std::string>& expert_id,
                                      const std::string& by) {
  if (!session_info(db, session_id)) return std::unexpected(unknown_session(session_id));
  if (!active_staff(db, facilitator_id))
    return std::unexpected(
        invalid("/facilitator_id", "Deze facilitator staat niet (meer) in de configuratie."));
  if (expert_id && !active_staff(db, *expert_id))
    return std::unexpected(
        invalid("/expert_id", "Deze kennisexpert staat niet (meer) in de configuratie."));
  if (expert_id && *expert_id == facilitator_id)
    return std::unexpected(invalid("/expert_id",
                                   "De facilitator en de kennisexpert moeten twee verschillende "
                                   "mensen zijn."));
  SQLite::Savepoint sp(db, "set_session_roles");
  SQLite::Statement up(db,
                       "INSERT INTO session_roles(session_id, facilitator_id, expert_id, "
                       "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT "
                       "(session_id) DO UPDATE SET facilitator_id = ?2, expert_id = ?3, "
                       "updated_at = ?4, updated_by = ?5");
  up.bind(1, session_id);
  up.bind(2, facilitator_id);
  if (expert_id)
    up.bind(3, *expert_id);
  else
    up.bind(3);
  up.bind(4, now_utc_iso());
  up.bind(5, by);
  up.exec();
  SQLite::Statement s(db, "UPDATE sessions SET facilitator_id = ? WHERE id = ?");
  s.bind(1, facilitator_id);
  s.bind(2, session_id);
  s.exec();
  sp.release();
  return {};
}

std::vector<StaffSession> staff_sessions(SQLite::Database& db, const std::string& staff_id) {
  std::vector<StaffSession> out;
  SQLite::Statement q(
      db,
      "SELECT s.id, CASE WHEN COALESCE(r.facilitator_id, s.facilitator_id) = ?1 THEN "
      "'facilitator' ELSE 'expert' END, s.start_utc, s.start_offset, s.end_utc, s.end_offset, "
      "s.sector, s.theme, s.venue_id, s.room, s.status, s.uid, s.sequence FROM sessions s JOIN "
      "proposals p ON p.id = s.proposal_id LEFT JOIN session_roles r ON r.session_id = s.id "
      "WHERE p.status = 'approved' AND s.status IN ('approved', 'held', 'cancelled') AND "
      "(COALESCE(r.facilitator_id, s.facilitator_id) = ?1 OR r.expert_id = ?1) "
      "ORDER BY s.start_utc, s.id");
  q.bind(1, staff_id);
  while (q.executeStep()) {
    StaffSession row;
    row.session_id = q.getColumn(0).getInt64();
    row.role = q.getColumn(1).getString();
    row.start_utc = q.getColumn(2).getInt64();
    row.start_offset = q.getColumn(3).getInt();
    row.end_utc = q.getColumn(4).getInt64();
    row.end_offset = q.getColumn(5).getInt();
    row.sector = q.getColumn(6).getString();
    row.theme = q.getColumn(7).getString();
    row.venue_id = q.getColumn(8).getString();
    row.room = q.getColumn(9).getString();
    row.status = q.getColumn(10).getString();
    row.uid = q.getColumn(11).getString();
    row.sequence = q.getColumn(12).getInt();
    out.push_back(std::move(row));
  }
  return out;
}

SessionResult<void> add_feed_token(SQLite::Database& db, const std::string& staff_id,
                                   const std::string& token_hash) {
  if (!active_staff(db, staff_id))
    return std::unexpected(invalid("/staff_id", "Deze medewerker staat niet in de configuratie."));
  if (token_hash.size() != 64)
    return std::unexpected(invalid("/token_hash", "Ongeldige tokenhash."));
  SQLite::Savepoint sp(db, "add_feed_token");
  revoke_feed_tokens(db, staff_id);
  SQLite::Statement ins(db,
                        "INSERT INTO staff_feed_tokens(token_hash, staff_id, created_at) VALUES "
                        "(?, ?, ?)");
  ins.bind(1, token_hash);
  ins.bind(2, staff_id);
  ins.bind(3, now_utc_iso());
  ins.exec();
  sp.release();
  return {};
}

std::optional<std::string> staff_for_feed_token(SQLite::Database& db,
                                                const std::string& token_hash) {
  SQLite::Statement q(db,
                      "SELECT t.staff_id FROM staff_feed_tokens t JOIN staff s ON s.id = "
                      "t.staff_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND s.active = "
                      "1");
  q.bind(1, token_hash);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

int revoke_feed_tokens(SQLite::Database& db, const std::string& staff_id) {
  SQLite::Statement q(db,
                      "UPDATE staff_feed_tokens SET revoked_at = ? WHERE staff_id = ? AND "
                      "revoked_at IS NULL");
  q.bind(1, now_utc_iso());
  q.bind(2, staff_id);
  return q.exec();
}

// --- questions -----------------------------------------------------------------------------

std::vector<Question> list_questions(SQLite::Database& db, sessions::QuestionKind kind,
                                     bool include_inactive) {
  std::vector<Question> out;
  SQLite::Statement q(db,
                      "SELECT id, position, text, active FROM questions WHERE kind = ? AND "
                      "(active = 1 OR ?) ORDER BY position, id");
  q.bind(1, std::string(sessions::question_kind_key(kind)));
  q.bind(2, include_inactive ? 1 : 0);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), kind, q.getColumn(1).getInt(),
                   q.getColumn(2).getString(), q.getColumn(3).getInt() != 0});
  return out;
}

SessionResult<std::int64_t> add_question(SQLite::Database& db, sessions::QuestionKind kind,
                                         const std::string& text) {
  const auto t = trimmed(text);
  if (t.empty()) return std::unexpected(invalid("/text", "Een vraag mag niet leeg zijn."));
  SQLite::Statement q(db,
                      "INSERT INTO questions(kind, position, text) VALUES (?1, (SELECT "
                      "COALESCE(MAX(position) + 1, 0) FROM questions WHERE kind = ?1), ?2)");
  q.bind(1, std::string(sessions::question_kind_key(kind)));
  q.bind(2, t);
  q.exec();
  return db.getLastInsertRowid();
}

SessionResult<void> update_question(SQLite::Database& db, std::int64_t id, const std::string& text,
                                    bool active) {
  const auto t = trimmed(text);
  if (t.empty()) return std::unexpected(invalid("/text", "Een vraag mag niet leeg zijn."));
  SQLite::Statement q(db, "UPDATE questions SET text = ?, active = ? WHERE id = ?");
  q.bind(1, t);
  q.bind(2, active ? 1 : 0);
  q.bind(3, id);
  if (q.exec() == 0) return std::unexpected(not_found(fmt::format("Vraag {} bestaat niet.", id)));
  return {};
}

// --- programme -----------------------------------------------------------------------------

namespace {

int length_minutes(const SessionInfo& s) {
  return static_cast<int>((s.end_utc - s.start_utc) / 60);
}

// The stored questions of the previous session of the same network and sector.
std::optional<std::pair<std::string, std::string>> previous_questions(SQLite::Database& db,
                                                                      const SessionInfo& s) {
  SQLite::Statement q(db,
                      "SELECT sp.start_question, sp.action_question FROM session_programmes sp "
                      "JOIN sessions s ON s.id = sp.session_id JOIN proposals p ON p.id = "
                      "s.proposal_id WHERE p.network_id = ? AND s.sector = ? AND (s.start_utc < "
                      "? OR (s.start_utc = ? AND s.id < ?)) ORDER BY s.start_utc DESC, s.id DESC "
                      "LIMIT 1");
  q.bind(1, s.network_id);
  q.bind(2, s.sector);
  q.bind(3, s.start_utc);
  q.bind(4, s.start_utc);
  q.bind(5, s.id);
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair(q.getColumn(0).getString(), q.getColumn(1).getString());
}

std::vector<std::string> active_texts(SQLite::Database& db, sessions::QuestionKind kind) {
  std::vector<std::string> out;
  for (auto& q : list_questions(db, kind)) out.push_back(std::move(q.text));
  return out;
}

}  // namespace

std::optional<SessionProgramme> load_programme(SQLite::Database& db, std::int64_t session_id) {
  const auto s = session_info(db, session_id);
  if (!s) return std::nullopt;
  SessionProgramme out;
  out.session_id = session_id;
  SQLite::Statement q(db,
                      "SELECT welcome_min, venting_min, sector_data_min, own_cases_min, "
                      "takeaways_min, start_question, action_question, intervision_method, "
                      "sector_card_id, updated_at, updated_by FROM session_programmes WHERE "
                      "session_id = ?");
  q.bind(1, session_id);
  if (q.executeStep()) {
    out.stored = true;
    out.programme.length_minutes = length_minutes(*s);
    for (std::size_t i = 0; i < sessions::kPartCount; ++i)
      out.programme.minutes[i] = q.getColumn(static_cast<int>(i)).getInt();
    out.programme.start_question = q.getColumn(5).getString();
    out.programme.action_question = q.getColumn(6).getString();
    out.programme.intervision_method = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) out.sector_card_id = q.getColumn(8).getInt64();
    out.updated_at = q.getColumn(9).getString();
    out.updated_by = q.getColumn(10).getString();
  } else {
    out.programme = sessions::default_programme(length_minutes(*s));
    const auto previous = previous_questions(db, *s);
    const auto start = active_texts(db, sessions::QuestionKind::start);
    const auto action = active_texts(db, sessions::QuestionKind::action);
    out.programme.start_question =
        sessions::choose_question(
            start, session_id,
            previous ? std::optional<std::string_view>(previous->first) : std::nullopt)
            .value_or("");
    out.programme.action_question =
        sessions::choose_question(
            action, session_id,
            previous ? std::optional<std::string_view>(previous->second) : std::nullopt)
            .value_or("");
  }
  out.findings = sessions::check_programme(out.programme);
  return out;
}

SessionResult<std::vector<sessions::Finding>> save_programme(
    SQLite::Database& db, std::int64_t session_id, const sessions::Programme& programme,
    std::optional<std::int64_t> sector_card_id, const std::string& by) {
  const auto s = session_info(db, session_id);
  if (!s) return std::unexpected(unknown_session(session_id));
  if (programme.length_minutes != length_minutes(*s))
    return std::unexpected(
        invalid("/length_minutes", fmt::format("De sessie duurt {} minuten, niet {}.",
                                               length_minutes(*s), programme.length_minutes)));
  for (Part p : sessions::kParts)
    if (programme.at(p) < 0)
      return std::unexpected(invalid(
          fmt::format("/minutes/{}", sessions::part_key(p)),
          fmt::format("'{}' kan niet minder dan 0 minuten duren.", sessions::part_title(p))));
  if (trimmed(programme.start_question).empty())
    return std::unexpected(invalid("/start_question", "Kies een startvraag."));
  if (trimmed(programme.action_question).empty())
    return std::unexpected(invalid("/action_question", "Kies een actievraag."));
  if (trimmed(programme.intervision_method).empty())
    return std::unexpected(invalid("/intervision_method", "Kies een werkvorm voor de casussen."));
  if (sector_card_id) {
    SQLite::Statement c(db, "SELECT 1 FROM sector_cards WHERE id = ?");
    c.bind(1, *sector_card_id);
    if (!c.executeStep())
      return std::unexpected(invalid("/sector_card_id", "Deze sectorkaart bestaat niet."));
  }
  SQLite::Statement up(
      db,
      "INSERT INTO session_programmes(session_id, welcome_min, venting_min, sector_data_min, "
      "own_cases_min, takeaways_min, start_question, action_question, intervision_method, "
      "sector_card_id, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12) ON CONFLICT (session_id) DO UPDATE SET welcome_min = ?2, venting_min = ?3, "
      "sector_data_min = ?4, own_cases_min = ?5, takeaways_min = ?6, start_question = ?7, "
      "action_question = ?8, intervision_method = ?9, sector_card_id = ?10, updated_at = ?11, "
      "updated_by = ?12");
  up.bind(1, session_id);
  for (std::size_t i = 0; i < sessions::kPartCount; ++i)
    up.bind(static_cast<int>(i) + 2, programme.minutes[i]);
  up.bind(7, trimmed(programme.start_question));
  up.bind(8, trimmed(programme.action_question));
  up.bind(9, trimmed(programme.intervision_method));
  if (sector_card_id)
    up.bind(10, *sector_card_id);
  else
    up.bind(10);
  up.bind(11, now_utc_iso());
  up.bind(12, by);
  up.exec();
  return sessions::check_programme(programme);
}

// --- participants --------------------------------------------------------------------------

std::vector<RunSheetParticipant> run_sheet_participants(SQLite::Database& db,
                                                        std::int64_t session_id) {
  std::vector<RunSheetParticipant> out;
  SQLite::Statement q(db,
                      "SELECT m.id, m.company, COALESCE(m.sector, ''), i.rsvp, "
                      "COALESCE(i.case_text, '') FROM invitations i JOIN members m ON m.id = "
                      "i.member_id WHERE i.session_id = ? AND i.rsvp IN ('accepted', "
                      "'tentative') ORDER BY m.company, m.id");
  q.bind(1, session_id);
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString()});
  return out;
}

// --- capture -------------------------------------------------------------------------------

std::vector<sessions::KnownPerson> known_people_for_network(SQLite::Database& db,
                                                            std::int64_t network_id) {
  std::vector<sessions::KnownPerson> out;
  SQLite::Statement m(db,
                      "SELECT name, COALESCE(email, ''), COALESCE(mobile, ''), "
                      "COALESCE(landline, '') FROM members WHERE network_id = ?");
  m.bind(1, network_id);
  while (m.executeStep()) {
    sessions::KnownPerson p;
    p.name = m.getColumn(0).getString();
    if (!m.getColumn(1).getString().empty()) p.emails.push_back(m.getColumn(1).getString());
    for (int c : {2, 3})
      if (!m.getColumn(c).getString().empty()) p.phones.push_back(m.getColumn(c).getString());
    out.push_back(std::move(p));
  }
  SQLite::Statement s(db, "SELECT name, email, phone FROM staff");
  while (s.executeStep()) {
    sessions::KnownPerson p;
    p.name = s.getColumn(0).getString();
    if (!s.getColumn(1).getString().empty()) p.emails.push_back(s.getColumn(1).getString());
    if (!s.getColumn(2).getString().empty()) p.phones.push_back(s.getColumn(2).getString());
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

bool valid_note_kind(const std::string& kind) {
  return kind == "bottleneck" || kind == "tip" || kind == "solution" || kind == "contact";
}

std::optional<SessionStoreError> validate_capture(
    SQLite::Database& db, std::int64_t session_id, const SessionCapture& c,
    const std::vector<sessions::KnownPerson>& people) {
  SQLite::Statement invited(db, "SELECT 1 FROM invitations WHERE session_id = ? AND member_id = ?");
  for (std::size_t i = 0; i < c.attendance.size(); ++i) {
    invited.bind(1, session_id);
    invited.bind(2, c.attendance[i].member_id);
    const bool ok = invited.executeStep();
    invited.reset();
    if (!ok)
      return invalid(fmt::format("/attendance/{}/member_id", i),
                     "Dit lid is niet voor deze sessie uitgenodigd.");
  }
  for (std::size_t i = 0; i < c.notes.size(); ++i) {
    const auto& n = c.notes[i];
    if (!valid_note_kind(n.kind))
      return invalid(fmt::format("/notes/{}/kind", i),
                     "Soort moet knelpunt, tip, oplossing of contact zijn.");
    if (n.kind == "bottleneck" && trimmed(n.theme).empty())
      return invalid(fmt::format("/notes/{}/theme", i), "Geef bij een knelpunt een thema op.");
    if (trimmed(n.text).empty())
      return invalid(fmt::format("/notes/{}/text", i), "De tekst mag niet leeg zijn.");
    for (const auto& [field, text] :
         {std::pair{std::string("text"), n.text}, std::pair{std::string("theme"), n.theme}})
      if (auto r = personal_data_refusal(fmt::format("/notes/{}/{}", i, field), text, people))
        return r;
  }
  for (std::size_t i = 0; i < c.takeaways.size(); ++i) {
    if (trimmed(c.takeaways[i]).empty())
      return invalid(fmt::format("/takeaways/{}", i), "Noteer drie inzichten of acties.");
    if (auto r = personal_data_refusal(fmt::format("/takeaways/{}", i), c.takeaways[i], people))
      return r;
  }
  return std::nullopt;
}

}  // namespace

SessionResult<void> record_capture(SQLite::Database& db, std::int64_t session_id,
                                   const SessionCapture& capture, const std::string& by,
                                   std::int64_t now_utc) {
  const auto s = session_info(db, session_id);
  if (!s) return std::unexpected(unknown_session(session_id));
  const auto people = known_people_for_network(db, s->network_id);
  if (auto error = validate_capture(db, session_id, capture, people))
    return std::unexpected(std::move(*error));

  SQLite::Savepoint sp(db, "record_capture");
  const auto now = now_utc_iso();
  for (const char* sql : {"DELETE FROM attendance WHERE session_id = ?",
                          "DELETE FROM knowledge_items WHERE session_id = ?"}) {
    SQLite::Statement del(db, sql);
    del.bind(1, session_id);
    del.exec();
  }
  SQLite::Statement att(db,
                        "INSERT INTO attendance(session_id, member_id, status, recorded_at) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (session_id, member_id) DO UPDATE SET "
                        "status = excluded.status");
  for (const auto& a : capture.attendance) {
    att.bind(1, session_id);
    att.bind(2, a.member_id);
    att.bind(3, a.came ? "came" : "no_show");
    att.bind(4, now);
    att.exec();
    att.reset();
  }
  SQLite::Statement ins(db,
                        "INSERT INTO knowledge_items(session_id, kind, sector, theme, text, "
                        "position, noted_utc, noted_offset, created_utc) VALUES (?, ?, ?, ?, ?, "
                        "?, ?, ?, ?)");
  int position = 0;
  const auto add = [&](const std::string& kind, const std::string& theme, const std::string& text) {
    ins.bind(1, session_id);
    ins.bind(2, kind);
    ins.bind(3, s->sector);
    ins.bind(4, trimmed(theme));
    ins.bind(5, trimmed(text));
    ins.bind(6, position++);
    ins.bind(7, s->start_utc);
    ins.bind(8, s->start_offset);
    ins.bind(9, now_utc);
    ins.exec();
    ins.reset();
  };
  for (const auto& n : capture.notes) add(n.kind, n.theme, n.text);
  for (const auto& t : capture.takeaways) add("takeaway", "", t);
  SQLite::Statement head(db,
                         "INSERT INTO session_captures(session_id, recorded_at, recorded_by) "
                         "VALUES (?1, ?2, ?3) ON CONFLICT (session_id) DO UPDATE SET "
                         "recorded_at = ?2, recorded_by = ?3, revision = revision + 1");
  head.bind(1, session_id);
  head.bind(2, now);
  head.bind(3, by);
  head.exec();
  SQLite::Statement held(db,
                         "UPDATE sessions SET status = 'held' WHERE id = ? AND status <> "
                         "'cancelled'");
  held.bind(1, session_id);
  held.exec();
  sp.release();
  return {};
}

std::optional<StoredCapture> load_capture(SQLite::Database& db, std::int64_t session_id) {
  SQLite::Statement head(db,
                         "SELECT recorded_at, recorded_by, revision FROM session_captures WHERE "
                         "session_id = ?");
  head.bind(1, session_id);
  if (!head.executeStep()) return std::nullopt;
  StoredCapture out;
  out.recorded_at = head.getColumn(0).getString();
  out.recorded_by = head.getColumn(1).getString();
  out.revision = head.getColumn(2).getInt();
  SQLite::Statement att(db,
                        "SELECT member_id, status FROM attendance WHERE session_id = ? ORDER BY "
                        "member_id");
  att.bind(1, session_id);
  while (att.executeStep())
    out.capture.attendance.push_back(
        {att.getColumn(0).getInt64(), att.getColumn(1).getString() == "came"});
  SQLite::Statement notes(db,
                          "SELECT kind, theme, text FROM knowledge_items WHERE session_id = ? "
                          "ORDER BY position, id");
  notes.bind(1, session_id);
  std::size_t takeaway = 0;
  while (notes.executeStep()) {
    const auto kind = notes.getColumn(0).getString();
    if (kind == "takeaway") {
      if (takeaway < out.capture.takeaways.size())
        out.capture.takeaways[takeaway++] = notes.getColumn(2).getString();
    } else {
      out.capture.notes.push_back(
          {kind, notes.getColumn(1).getString(), notes.getColumn(2).getString()});
    }
  }
  return out;
}

// --- evaluation ----------------------------------------------------------------------------

std::vector<std::int64_t> evaluation_recipients(SQLite::Database& db, std::int64_t session_id) {
  std::vector<std::int64_t> out;
  SQLite::Statement q(db,
                      "SELECT a.member_id FROM attendance a WHERE a.session_id = ?1 AND a.status "
                      "= 'came' AND NOT EXISTS (SELECT 1 FROM evaluation_responses r WHERE "
                      "r.session_id = ?1 AND r.member_id = a.member_id) ORDER BY a.member_id");
  q.bind(1, session_id);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

SessionResult<void> add_evaluation_answer(SQLite::Database& db, std::int64_t session_id,
                                          std::int64_t member_id, int score,
                                          const std::string& comment) {
  if (!session_info(db, session_id)) return std::unexpected(unknown_session(session_id));
  if (score < 1 || score > 5)
    return std::unexpected(invalid("/score", "Geef een cijfer van 1 tot en met 5."));
  SQLite::Statement came(db,
                         "SELECT 1 FROM attendance WHERE session_id = ? AND member_id = ? AND "
                         "status = 'came'");
  came.bind(1, session_id);
  came.bind(2, member_id);
  if (!came.executeStep())
    return std::unexpected(
        invalid("/member_id", "Alleen wie bij de praktijktafel was, kan die beoordelen."));
  SQLite::Statement answered(db,
                             "SELECT 1 FROM evaluation_responses WHERE session_id = ? AND "
                             "member_id = ?");
  answered.bind(1, session_id);
  answered.bind(2, member_id);
  if (answered.executeStep())
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::conflict, "/member_id",
                                             "Je beoordeling is al ontvangen. Dank je wel!"});
  SQLite::Savepoint sp(db, "add_evaluation_answer");
  const auto now = now_utc_iso();
  SQLite::Statement ins(db,
                        "INSERT INTO evaluation_answers(session_id, question, score, comment, "
                        "answered_at) VALUES (?, ?, ?, ?, ?)");
  ins.bind(1, session_id);
  ins.bind(2, std::string(kEvaluationQuestion));
  ins.bind(3, score);
  ins.bind(4, trimmed(comment));
  ins.bind(5, now);
  ins.exec();
  SQLite::Statement resp(db,
                         "INSERT INTO evaluation_responses(session_id, member_id, answered_at) "
                         "VALUES (?, ?, ?)");
  resp.bind(1, session_id);
  resp.bind(2, member_id);
  resp.bind(3, now);
  resp.exec();
  sp.release();
  return {};
}

std::vector<EvaluationPoint> evaluation_trend(SQLite::Database& db,
                                              std::optional<std::int64_t> network_id,
                                              std::optional<std::string> sector) {
  std::vector<EvaluationPoint> out;
  SQLite::Statement q(db,
                      "SELECT s.id, s.start_utc, s.start_offset, s.sector, e.score, e.comment "
                      "FROM evaluation_answers e JOIN sessions s ON s.id = e.session_id JOIN "
                      "proposals p ON p.id = s.proposal_id WHERE (?1 IS NULL OR p.network_id = "
                      "?1) AND (?2 IS NULL OR s.sector = ?2) ORDER BY s.start_utc, s.id, e.id");
  if (network_id)
    q.bind(1, *network_id);
  else
    q.bind(1);
  if (sector)
    q.bind(2, *sector);
  else
    q.bind(2);
  std::map<std::int64_t, double> sums;
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (out.empty() || out.back().session_id != id) {
      EvaluationPoint p;
      p.session_id = id;
      p.start_utc = q.getColumn(1).getInt64();
      p.start_offset = q.getColumn(2).getInt();
      p.sector = q.getColumn(3).getString();
      out.push_back(std::move(p));
    }
    auto& p = out.back();
    ++p.answers;
    sums[id] += q.getColumn(4).getInt();
    if (!q.getColumn(5).getString().empty()) p.comments.push_back(q.getColumn(5).getString());
  }
  for (auto& p : out) p.average = sums[p.session_id] / p.answers;
  return out;
}

// --- participation -------------------------------------------------------------------------

std::vector<ParticipationEntry> participation_history(SQLite::Database& db,
                                                      std::int64_t member_id) {
  std::vector<ParticipationEntry> out;
  SQLite::Statement q(db,
                      "SELECT s.id, s.start_utc, s.start_offset, s.sector, s.theme, i.rsvp, "
                      "a.status, EXISTS (SELECT 1 FROM evaluation_responses r WHERE "
                      "r.session_id = s.id AND r.member_id = i.member_id) FROM invitations i "
                      "JOIN sessions s ON s.id = i.session_id LEFT JOIN attendance a ON "
                      "a.session_id = s.id AND a.member_id = i.member_id WHERE i.member_id = ? "
                      "ORDER BY s.start_utc, s.id");
  q.bind(1, member_id);
  while (q.executeStep()) {
    ParticipationEntry e;
    e.session_id = q.getColumn(0).getInt64();
    e.start_utc = q.getColumn(1).getInt64();
    e.start_offset = q.getColumn(2).getInt();
    e.sector = q.getColumn(3).getString();
    e.theme = q.getColumn(4).getString();
    e.rsvp = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) e.came = q.getColumn(6).getString() == "came";
    e.evaluated = q.getColumn(7).getInt() != 0;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<sessions::OfferCandidate> offer_candidates(
    SQLite::Database& db, const std::vector<std::int64_t>& group_sessions,
    const std::vector<std::int64_t>& members) {
  std::vector<sessions::OfferCandidate> out;
  SQLite::Statement came(db,
                         "SELECT 1 FROM attendance WHERE session_id = ? AND member_id = ? AND "
                         "status = 'came'");
  SQLite::Statement invited(db, "SELECT 1 FROM invitations WHERE session_id = ? AND member_id = ?");
  const auto any = [&](SQLite::Statement& q, std::int64_t member) {
    for (auto s : group_sessions) {
      q.bind(1, s);
      q.bind(2, member);
      const bool hit = q.executeStep();
      q.reset();
      if (hit) return true;
    }
    return false;
  };
  for (auto m : members) out.push_back({m, any(came, m), any(invited, m)});
  return out;
}

}  // namespace tafel
