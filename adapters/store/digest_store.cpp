#include "adapters/store/digest_store.hpp"

#include "adapters/store/store.hpp"
#include "engine/time/civil.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tafel {

namespace {

std::optional<std::int64_t> last_sent_composed(SQLite::Database& db, std::int64_t network_id) {
  SQLite::Statement q(db,
                      "SELECT composed_utc, sent_utc FROM digests WHERE network_id = ? AND "
                      "sent_at IS NOT NULL ORDER BY sent_utc DESC, id DESC LIMIT 1");
  q.bind(1, network_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ" (the store's timestamps); nullopt if not.
std::optional<std::int64_t> parse_iso_utc(const std::string& s) {
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto d = parse_date(std::string_view(s).substr(0, 10));
  if (!d) return std::nullopt;
  const auto num = [&](std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
  return days_from_civil(*d) * 86400 + num(11) * 3600 + num(14) * 60 + num(17);
}

DigestRecord record_from(SQLite::Statement& q) {
  DigestRecord r;
  const auto opt_text = [&](int c) -> std::optional<std::string> {
    if (q.getColumn(c).isNull()) return std::nullopt;
    return q.getColumn(c).getString();
  };
  r.id = q.getColumn(0).getInt64();
  r.network_id = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) r.since_utc = q.getColumn(2).getInt64();
  r.composed_utc = q.getColumn(3).getInt64();
  r.content = q.getColumn(4).getString();
  r.created_at = q.getColumn(5).getString();
  r.created_by = q.getColumn(6).getString();
  r.previewed_at = opt_text(7);
  r.previewed_by = opt_text(8);
  r.sent_at = opt_text(9);
  r.sent_by = opt_text(10);
  if (!q.getColumn(11).isNull()) r.sent_utc = q.getColumn(11).getInt64();
  if (!q.getColumn(12).isNull()) r.recipients = q.getColumn(12).getInt();
  return r;
}

constexpr const char* kColumns =
    "id, network_id, since_utc, composed_utc, content, created_at, created_by, previewed_at, "
    "previewed_by, sent_at, sent_by, sent_utc, recipients";

}  // namespace

sessions::DigestInput digest_input(SQLite::Database& db, std::int64_t network_id,
                                   std::int64_t now_utc) {
  sessions::DigestInput in;
  in.now_utc = now_utc;
  in.since_utc = last_sent_composed(db, network_id);
  SQLite::Statement items(db,
                          "SELECT id, kind, sector, theme, text, created_utc FROM "
                          "knowledge_items WHERE kind IN ('tip', 'solution') AND (?1 IS NULL OR "
                          "created_utc > ?1) AND created_utc <= ?2");
  if (in.since_utc)
    items.bind(1, *in.since_utc);
  else
    items.bind(1);
  items.bind(2, now_utc);
  while (items.executeStep())
    in.items.push_back({items.getColumn(0).getInt64(), items.getColumn(1).getString(),
                        items.getColumn(2).getString(), items.getColumn(3).getString(),
                        items.getColumn(4).getString(), items.getColumn(5).getInt64()});
  SQLite::Statement sessions_q(
      db,
      "SELECT s.id, s.start_utc, s.start_offset, s.end_utc, s.sector, s.theme, v.name FROM "
      "sessions s JOIN proposals p ON p.id = s.proposal_id JOIN venues v ON v.id = s.venue_id "
      "WHERE p.network_id = ? AND p.status = 'approved' AND s.status = 'approved' AND "
      "s.start_utc > ?");
  sessions_q.bind(1, network_id);
  sessions_q.bind(2, now_utc);
  while (sessions_q.executeStep())
    in.sessions.push_back({sessions_q.getColumn(0).getInt64(), sessions_q.getColumn(1).getInt64(),
                           sessions_q.getColumn(2).getInt(), sessions_q.getColumn(3).getInt64(),
                           sessions_q.getColumn(4).getString(), sessions_q.getColumn(5).getString(),
                           sessions_q.getColumn(6).getString()});
  SQLite::Statement cards(db,
                          "SELECT id, sector, figure, value, unit, source, figure_date FROM "
                          "sector_cards WHERE active = 1");
  while (cards.executeStep())
    in.figures.push_back({cards.getColumn(0).getInt64(), cards.getColumn(1).getString(),
                          cards.getColumn(2).getString(), cards.getColumn(3).getDouble(),
                          cards.getColumn(4).getString(), cards.getColumn(5).getString(),
                          cards.getColumn(6).getString()});
  in.people = known_people_for_network(db, network_id);
  return in;
}

std::string digest_to_json(const sessions::Digest& d) {
  nlohmann::json j;
  j["items"] = nlohmann::json::array();
  for (const auto& i : d.items)
    j["items"].push_back({{"id", i.id},
                          {"kind", i.kind},
                          {"sector", i.sector},
                          {"theme", i.theme},
                          {"text", i.text},
                          {"captured_utc", i.captured_utc}});
  j["sessions"] = nlohmann::json::array();
  for (const auto& s : d.sessions)
    j["sessions"].push_back({{"session_id", s.session_id},
                             {"start_utc", s.start_utc},
                             {"start_offset", s.start_offset},
                             {"end_utc", s.end_utc},
                             {"sector", s.sector},
                             {"theme", s.theme},
                             {"place", s.place}});
  j["figures"] = nlohmann::json::array();
  for (const auto& f : d.figures)
    j["figures"].push_back({{"id", f.id},
                            {"sector", f.sector},
                            {"figure", f.figure},
                            {"value", f.value},
                            {"unit", f.unit},
                            {"source", f.source},
                            {"date", f.date}});
  j["items_left_out"] = d.items_left_out;
  j["items_refused"] = d.items_refused;
  return j.dump();
}

std::int64_t compose_digest_draft(SQLite::Database& db, std::int64_t network_id,
                                  std::int64_t now_utc, const std::string& by,
                                  const sessions::DigestLimits& limits) {
  const auto input = digest_input(db, network_id, now_utc);
  const auto digest = sessions::compose_digest(input, limits);
  SQLite::Statement q(db,
                      "INSERT INTO digests(network_id, since_utc, composed_utc, content, "
                      "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, network_id);
  if (input.since_utc)
    q.bind(2, *input.since_utc);
  else
    q.bind(2);
  q.bind(3, now_utc);
  q.bind(4, digest_to_json(digest));
  q.bind(5, now_utc_iso());
  q.bind(6, by);
  q.exec();
  return db.getLastInsertRowid();
}

std::optional<DigestRecord> load_digest(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, fmt::format("SELECT {} FROM digests WHERE id = ?", kColumns));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return record_from(q);
}

std::vector<DigestRecord> list_digests(SQLite::Database& db, std::int64_t network_id) {
  SQLite::Statement q(
      db, fmt::format("SELECT {} FROM digests WHERE network_id = ? ORDER BY id DESC", kColumns));
  q.bind(1, network_id);
  std::vector<DigestRecord> out;
  while (q.executeStep()) out.push_back(record_from(q));
  return out;
}

SessionResult<void> mark_digest_previewed(SQLite::Database& db, std::int64_t id,
                                          const std::string& by) {
  const auto d = load_digest(db, id);
  if (!d)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::not_found, "",
                                             fmt::format("Nieuwsbrief {} bestaat niet.", id)});
  if (d->sent_at)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::conflict, "",
                                             "Deze nieuwsbrief is al verstuurd."});
  SQLite::Statement q(db, "UPDATE digests SET previewed_at = ?, previewed_by = ? WHERE id = ?");
  q.bind(1, now_utc_iso());
  q.bind(2, by);
  q.bind(3, id);
  q.exec();
  return {};
}

SessionResult<void> mark_digest_sent(SQLite::Database& db, std::int64_t id, const std::string& by,
                                     std::int64_t now_utc, int recipients) {
  const auto d = load_digest(db, id);
  if (!d)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::not_found, "",
                                             fmt::format("Nieuwsbrief {} bestaat niet.", id)});
  if (d->sent_at)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::conflict, "",
                                             "Deze nieuwsbrief is al verstuurd."});
  if (!d->previewed_at)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::conflict, "",
                                             "Bekijk de nieuwsbrief eerst voordat je hem "
                                             "verstuurt."});
  // The guard in the WHERE clause makes a concurrent second send change nothing.
  SQLite::Statement q(db,
                      "UPDATE digests SET sent_at = ?, sent_by = ?, sent_utc = ?, recipients = ? "
                      "WHERE id = ? AND sent_at IS NULL AND previewed_at IS NOT NULL");
  q.bind(1, now_utc_iso());
  q.bind(2, by);
  q.bind(3, now_utc);
  q.bind(4, recipients);
  q.bind(5, id);
  if (q.exec() == 0)
    return std::unexpected(SessionStoreError{SessionStoreError::Kind::conflict, "",
                                             "Deze nieuwsbrief is al verstuurd."});
  return {};
}

std::vector<std::int64_t> digest_recipients(SQLite::Database& db, std::int64_t network_id) {
  std::vector<std::int64_t> out;
  SQLite::Statement q(db,
                      "SELECT id FROM members WHERE network_id = ? AND ((consent_email = 1 AND "
                      "opted_out_email = 0 AND COALESCE(email, '') <> '') OR (consent_whatsapp "
                      "= 1 AND opted_out_whatsapp = 0 AND COALESCE(mobile, '') <> '')) ORDER BY "
                      "id");
  q.bind(1, network_id);
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool digest_reminder_due(SQLite::Database& db, std::int64_t network_id, std::int64_t now_utc) {
  SQLite::Statement last(db,
                         "SELECT MAX(sent_utc) FROM digests WHERE network_id = ? AND sent_at IS "
                         "NOT NULL");
  last.bind(1, network_id);
  std::optional<std::int64_t> last_sent;
  if (last.executeStep() && !last.getColumn(0).isNull()) last_sent = last.getColumn(0).getInt64();
  SQLite::Statement net(db, "SELECT created_at FROM networks WHERE id = ?");
  net.bind(1, network_id);
  std::int64_t start = now_utc;
  if (net.executeStep()) start = parse_iso_utc(net.getColumn(0).getString()).value_or(now_utc);
  return sessions::digest_overdue(last_sent, start, now_utc);
}

}  // namespace tafel
