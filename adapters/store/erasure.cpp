#include "adapters/store/erasure.hpp"

#include "adapters/store/members_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

namespace tafel {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kScrubbed = "[verwijderd]";

// Tables the erasure never scrubs: bookkeeping, and mirrors of the configuration (re-synced
// from it at every start, and not about members).
const std::set<std::string, std::less<>> kUntouched = {
    "members", "erased_contacts", "schema_version", "networks", "venues", "rooms", "staff"};

std::string sql_identifier(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct Column {
  std::string name;
  std::string type;  // declared type, upper-cased
};

std::vector<std::string> user_tables(SQLite::Database& db) {
  std::vector<std::string> out;
  SQLite::Statement q(db,
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' ORDER BY name");
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<Column> columns_of(SQLite::Database& db, const std::string& table) {
  std::vector<Column> out;
  SQLite::Statement q(db, "SELECT name, upper(type) FROM pragma_table_info(?)");
  q.bind(1, table);
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

// Columns of `table` that hold a member id: named member_id, or a foreign key to members.
std::set<std::string> member_columns(SQLite::Database& db, const std::string& table,
                                     const std::vector<Column>& columns) {
  std::set<std::string> out;
  for (const auto& c : columns)
    if (c.name == "member_id") out.insert(c.name);
  SQLite::Statement q(db, "SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = ?");
  q.bind(1, table);
  q.bind(2, "members");
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

// Text may live in TEXT-like columns and in columns without a declared type.
bool may_hold_text(const Column& c) {
  return c.type.empty() || c.type.find("CHAR") != std::string::npos ||
         c.type.find("CLOB") != std::string::npos || c.type.find("TEXT") != std::string::npos ||
         c.type.find("JSON") != std::string::npos || c.type.find("BLOB") != std::string::npos;
}

std::string digits_of(std::string_view phone) {
  std::string out;
  for (char c : phone)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

// What identifies the person in free text and files. Short or empty values are left out: they
// would match unrelated text.
struct Needles {
  std::vector<std::string> contacts;  // email (as given and lower-cased), phones (E.164, digits)
  std::vector<std::string> all;       // contacts plus the name
};

Needles needles_of(const MemberRecord& m) {
  Needles n;
  auto add = [](std::vector<std::string>& to, const std::optional<std::string>& v,
                std::size_t min) {
    if (v && v->size() >= min && std::find(to.begin(), to.end(), *v) == to.end()) to.push_back(*v);
  };
  add(n.contacts, m.email, 3);
  add(n.contacts, m.email_key, 3);
  for (const auto& phone : {m.mobile, m.landline}) {
    add(n.contacts, phone, 6);
    if (phone) add(n.contacts, digits_of(*phone), 9);
  }
  n.all = n.contacts;
  add(n.all, m.name, 3);
  // Longest first, so "jan@x.nl" is replaced before a name that is part of it.
  std::sort(n.all.begin(), n.all.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return n;
}

int record_hashes(SQLite::Database& db, const MemberRecord& m, const ContactHasher& hasher,
                  const std::string& now) {
  std::vector<std::string> hashes;
  if (m.email && !m.email->empty()) hashes.push_back(hasher.email(*m.email));
  for (const auto& phone : {m.mobile, m.landline})
    if (phone && !phone->empty()) hashes.push_back(hasher.phone(*phone));
  int n = 0;
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO erased_contacts(hash, erased_at) VALUES (?, ?)");
  for (const auto& h : hashes) {
    ins.bind(1, h);
    ins.bind(2, now);
    n += ins.exec();
    ins.reset();
  }
  return n;
}

// Deletes the member's rows everywhere and scrubs free text; returns counts into `report`.
void erase_rows(SQLite::Database& db, std::int64_t id, const Needles& needles,
                ErasureReport& report) {
  const auto tables = user_tables(db);
  const auto changes_before = sqlite3_total_changes(db.getHandle());
  for (const auto& table : tables) {
    if (table == "members") continue;
    const auto columns = columns_of(db, table);
    for (const auto& col : member_columns(db, table, columns)) {
      SQLite::Statement del(db, fmt::format("DELETE FROM {} WHERE {} = ?", sql_identifier(table),
                                            sql_identifier(col)));
      del.bind(1, id);
      del.exec();
    }
  }
  SQLite::Statement del_member(db, "DELETE FROM members WHERE id = ?");
  del_member.bind(1, id);
  del_member.exec();
  report.rows_deleted = sqlite3_total_changes(db.getHandle()) - changes_before - 1;

  for (const auto& table : tables) {
    if (kUntouched.contains(table)) continue;
    for (const auto& col : columns_of(db, table)) {
      if (!may_hold_text(col)) continue;
      for (const auto& needle : needles.all) {
        SQLite::Statement upd(
            db, fmt::format("UPDATE {0} SET {1} = replace({1}, ?1, ?2) WHERE typeof({1}) IN "
                            "('text', 'blob') AND instr({1}, ?1) > 0",
                            sql_identifier(table), sql_identifier(col.name)));
        upd.bind(1, needle);
        upd.bind(2, std::string(kScrubbed));
        report.values_scrubbed += upd.exec();
      }
    }
  }
}

bool file_contains_any(const fs::path& file, const std::vector<std::string>& needles) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return std::any_of(needles.begin(), needles.end(),
                     [&](const std::string& n) { return bytes.find(n) != std::string::npos; });
}

// Removes files under `dir` that mention one of `needles`; returns how many.
int remove_outbox_files(const fs::path& dir, const std::vector<std::string>& needles) {
  std::error_code ec;
  if (needles.empty() || !fs::is_directory(dir, ec)) return 0;
  std::vector<fs::path> doomed;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file(ec) && file_contains_any(entry.path(), needles))
      doomed.push_back(entry.path());
  int n = 0;
  for (const auto& p : doomed) n += fs::remove(p, ec) ? 1 : 0;
  return n;
}

// Checkpoints the WAL into the file and truncates it; true when nothing was left behind.
bool truncate_wal(SQLite::Database& db) {
  SQLite::Statement q(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  return q.executeStep() && q.getColumn(0).getInt() == 0;
}

}  // namespace

std::expected<ErasureReport, ErasureError> erase_member(Store& store, std::int64_t member_id,
                                                        const ContactHasher& hasher,
                                                        const fs::path& outbox_dir) {
  const auto member = find_member(store, member_id);
  if (!member)
    return std::unexpected(ErasureError{ErasureError::Kind::not_found,
                                        fmt::format("no member with id {}", member_id)});
  const Needles needles = needles_of(*member);
  ErasureReport report;
  auto& db = store.db();
  try {
    db.exec("PRAGMA secure_delete = ON");
    SQLite::Transaction tx(db);
    report.hashes_recorded = record_hashes(db, *member, hasher, now_utc_iso());
    erase_rows(db, member_id, needles, report);
    tx.commit();
  } catch (const std::exception& e) {
    return std::unexpected(ErasureError{
        ErasureError::Kind::failed,
        fmt::format("erasing member {} failed, nothing changed: {}", member_id, e.what())});
  }
  report.files_removed = remove_outbox_files(outbox_dir, needles.contacts);
  try {
    // Old page images of the deleted rows sit in the WAL and in free pages: move everything into
    // the main file, rebuild it without free pages, then empty the WAL again.
    truncate_wal(db);
    db.exec("VACUUM");
    report.wal_truncated = truncate_wal(db);
  } catch (const std::exception& e) {
    return std::unexpected(ErasureError{
        ErasureError::Kind::failed,
        fmt::format("member {} was erased, but compacting the database failed: {}; old page "
                    "images may remain in the file until the next erase or VACUUM",
                    member_id, e.what())});
  }
  return report;
}

}  // namespace tafel
