#include "adapters/store/knowledge_store.hpp"

#include "adapters/store/store.hpp"
#include "engine/time/civil.hpp"

#include <SQLiteCpp/Savepoint.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tafel {

namespace {

std::string escape_like(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> distinct(SQLite::Database& db, const char* sql) {
  std::vector<std::string> out;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

SessionStoreError invalid(std::string field, std::string message) {
  return {SessionStoreError::Kind::invalid, std::move(field), std::move(message)};
}

SectorCard card_from(SQLite::Statement& q) {
  SectorCard c;
  c.id = q.getColumn(0).getInt64();
  c.sector = q.getColumn(1).getString();
  c.figure = q.getColumn(2).getString();
  c.value = q.getColumn(3).getDouble();
  c.unit = q.getColumn(4).getString();
  c.source = q.getColumn(5).getString();
  c.figure_date = q.getColumn(6).getString();
  c.active = q.getColumn(7).getInt() != 0;
  c.updated_at = q.getColumn(8).getString();
  c.updated_by = q.getColumn(9).getString();
  return c;
}

constexpr const char* kCardColumns =
    "id, sector, figure, value, unit, source, figure_date, active, updated_at, updated_by";

}  // namespace

std::vector<KnowledgeItem> search_knowledge(SQLite::Database& db, const KnowledgeQuery& query) {
  std::string sql =
      "SELECT id, session_id, kind, sector, theme, text, noted_utc, noted_offset, created_utc "
      "FROM knowledge_items WHERE 1 = 1";
  // Placeholders are numbered explicitly as conditions are added.
  std::vector<std::pair<int, std::string>> text_binds;
  std::vector<std::pair<int, std::int64_t>> number_binds;
  int n = 0;
  if (query.sector) {
    sql += fmt::format(" AND sector = ?{}", ++n);
    text_binds.emplace_back(n, *query.sector);
  }
  if (query.theme) {
    sql += fmt::format(" AND theme = ?{}", ++n);
    text_binds.emplace_back(n, *query.theme);
  }
  if (!query.kinds.empty()) {
    sql += " AND kind IN (";
    for (std::size_t i = 0; i < query.kinds.size(); ++i) {
      sql += fmt::format("{}?{}", i == 0 ? "" : ", ", ++n);
      text_binds.emplace_back(n, query.kinds[i]);
    }
    sql += ")";
  }
  if (query.from_utc) {
    sql += fmt::format(" AND noted_utc >= ?{}", ++n);
    number_binds.emplace_back(n, *query.from_utc);
  }
  if (query.to_utc) {
    sql += fmt::format(" AND noted_utc < ?{}", ++n);
    number_binds.emplace_back(n, *query.to_utc);
  }
  if (query.text && !trimmed(*query.text).empty()) {
    sql += fmt::format(" AND (text LIKE ?{0} ESCAPE '\\' OR theme LIKE ?{0} ESCAPE '\\')", ++n);
    text_binds.emplace_back(n, "%" + escape_like(trimmed(*query.text)) + "%");
  }
  sql += fmt::format(" ORDER BY noted_utc DESC, session_id, position, id LIMIT ?{} OFFSET ?{}",
                     n + 1, n + 2);
  SQLite::Statement q(db, sql);
  for (const auto& [i, v] : text_binds) q.bind(i, v);
  for (const auto& [i, v] : number_binds) q.bind(i, v);
  q.bind(n + 1, std::clamp(query.limit, 1, 1000));
  q.bind(n + 2, std::max(query.offset, 0));
  std::vector<KnowledgeItem> out;
  while (q.executeStep()) {
    KnowledgeItem item;
    item.id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) item.session_id = q.getColumn(1).getInt64();
    item.kind = q.getColumn(2).getString();
    item.sector = q.getColumn(3).getString();
    item.theme = q.getColumn(4).getString();
    item.text = q.getColumn(5).getString();
    item.noted_utc = q.getColumn(6).getInt64();
    item.noted_offset = q.getColumn(7).getInt();
    item.created_utc = q.getColumn(8).getInt64();
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<std::string> knowledge_themes(SQLite::Database& db) {
  return distinct(db, "SELECT DISTINCT theme FROM knowledge_items WHERE theme <> '' ORDER BY 1");
}

std::vector<std::string> knowledge_sectors(SQLite::Database& db) {
  return distinct(db, "SELECT DISTINCT sector FROM knowledge_items WHERE sector <> '' ORDER BY 1");
}

sessions::BottleneckCounts bottleneck_counts(SQLite::Database& db, sessions::Quarter from,
                                             sessions::Quarter to,
                                             const std::optional<std::string>& sector) {
  std::vector<sessions::BottleneckNote> notes;
  SQLite::Statement q(db,
                      "SELECT theme, noted_utc, noted_offset FROM knowledge_items WHERE kind = "
                      "'bottleneck' AND (?1 IS NULL OR sector = ?1)");
  if (sector)
    q.bind(1, *sector);
  else
    q.bind(1);
  while (q.executeStep())
    notes.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt()});
  return sessions::count_bottlenecks(notes, from, to);
}

SessionResult<std::int64_t> save_sector_card(SQLite::Database& db, const SectorCard& card,
                                             const std::string& by) {
  if (trimmed(card.sector).empty()) return std::unexpected(invalid("/sector", "Kies een sector."));
  if (trimmed(card.figure).empty())
    return std::unexpected(invalid("/figure", "Beschrijf wat het cijfer meet."));
  if (!std::isfinite(card.value))
    return std::unexpected(invalid("/value", "De waarde moet een getal zijn."));
  if (trimmed(card.source).empty())
    return std::unexpected(invalid("/source", "Vermeld de bron van het cijfer."));
  if (!parse_date(card.figure_date))
    return std::unexpected(
        invalid("/figure_date", "De datum moet een bestaande datum zijn (JJJJ-MM-DD)."));
  SQLite::Savepoint sp(db, "save_sector_card");
  std::int64_t id = card.id;
  if (card.id == 0) {
    SQLite::Statement q(db,
                        "INSERT INTO sector_cards(sector, figure, value, unit, source, "
                        "figure_date, active, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, "
                        "?, ?, ?)");
    q.bind(1, trimmed(card.sector));
    q.bind(2, trimmed(card.figure));
    q.bind(3, card.value);
    q.bind(4, trimmed(card.unit));
    q.bind(5, trimmed(card.source));
    q.bind(6, card.figure_date);
    q.bind(7, card.active ? 1 : 0);
    q.bind(8, now_utc_iso());
    q.bind(9, by);
    q.exec();
    id = db.getLastInsertRowid();
  } else {
    SQLite::Statement q(db,
                        "UPDATE sector_cards SET sector = ?, figure = ?, value = ?, unit = ?, "
                        "source = ?, figure_date = ?, active = ?, updated_at = ?, updated_by = ? "
                        "WHERE id = ?");
    q.bind(1, trimmed(card.sector));
    q.bind(2, trimmed(card.figure));
    q.bind(3, card.value);
    q.bind(4, trimmed(card.unit));
    q.bind(5, trimmed(card.source));
    q.bind(6, card.figure_date);
    q.bind(7, card.active ? 1 : 0);
    q.bind(8, now_utc_iso());
    q.bind(9, by);
    q.bind(10, card.id);
    if (q.exec() == 0)
      return std::unexpected(
          SessionStoreError{SessionStoreError::Kind::not_found, "/id",
                            fmt::format("Sectorkaart {} bestaat niet.", card.id)});
  }
  sp.release();
  return id;
}

std::optional<SectorCard> find_sector_card(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, fmt::format("SELECT {} FROM sector_cards WHERE id = ?", kCardColumns));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return card_from(q);
}

std::vector<SectorCard> list_sector_cards(SQLite::Database& db,
                                          const std::optional<std::string>& sector,
                                          bool include_inactive) {
  SQLite::Statement q(db, fmt::format("SELECT {} FROM sector_cards WHERE (?1 IS NULL OR sector = "
                                      "?1) AND (active = 1 OR ?2) ORDER BY sector, figure, "
                                      "figure_date, id",
                                      kCardColumns));
  if (sector)
    q.bind(1, *sector);
  else
    q.bind(1);
  q.bind(2, include_inactive ? 1 : 0);
  std::vector<SectorCard> out;
  while (q.executeStep()) out.push_back(card_from(q));
  return out;
}

}  // namespace tafel
