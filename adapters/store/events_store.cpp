#include "adapters/store/events_store.hpp"

#include <set>
#include <utility>

namespace tafel {

namespace {

bool same_content(const EventRow& a, const EventRow& b) {
  return a.title == b.title && a.location == b.location && a.venue_id == b.venue_id &&
         a.start.utc_seconds == b.start.utc_seconds &&
         a.start.offset_seconds == b.start.offset_seconds &&
         a.end.utc_seconds == b.end.utc_seconds && a.end.offset_seconds == b.end.offset_seconds &&
         a.all_day == b.all_day;
}

constexpr const char* kColumns =
    "e.id, e.network_id, n.name, e.uid, e.recurrence_id, e.title, e.location, e.venue_id, "
    "e.start_utc, e.start_offset, e.end_utc, e.end_offset, e.all_day";

EventRow read_row(SQLite::Statement& q) {
  EventRow r;
  r.id = q.getColumn(0).getInt64();
  r.network_id = q.getColumn(1).getInt64();
  r.network = q.getColumn(2).getString();
  r.uid = q.getColumn(3).getString();
  r.recurrence_id = q.getColumn(4).getString();
  r.title = q.getColumn(5).getString();
  r.location = q.getColumn(6).getString();
  if (!q.getColumn(7).isNull()) r.venue_id = q.getColumn(7).getString();
  r.start = LocalTime{q.getColumn(8).getInt64(), q.getColumn(9).getInt()};
  r.end = LocalTime{q.getColumn(10).getInt64(), q.getColumn(11).getInt()};
  r.all_day = q.getColumn(12).getInt() != 0;
  return r;
}

void bind_content(SQLite::Statement& s, const EventRow& r, int first) {
  s.bind(first, r.title);
  s.bind(first + 1, r.location);
  if (r.venue_id)
    s.bind(first + 2, *r.venue_id);
  else
    s.bind(first + 2);
  s.bind(first + 3, r.start.utc_seconds);
  s.bind(first + 4, r.start.offset_seconds);
  s.bind(first + 5, r.end.utc_seconds);
  s.bind(first + 6, r.end.offset_seconds);
  s.bind(first + 7, r.all_day ? 1 : 0);
}

}  // namespace

EventSyncCounts replace_events(Store& store, const EventImportLog& log,
                               const std::vector<EventRow>& rows) {
  auto& db = store.db();
  SQLite::Transaction tx(db);
  EventSyncCounts counts;
  SQLite::Statement ins_log(db,
                            "INSERT INTO imports(kind, network_id, source, started_at, status) "
                            "VALUES ('events', ?, ?, ?, 'taken')");
  ins_log.bind(1, log.network_id);
  ins_log.bind(2, log.source);
  ins_log.bind(3, now_utc_iso());
  ins_log.exec();
  const std::int64_t import_id = db.getLastInsertRowid();

  std::set<std::int64_t> kept;
  for (const auto& r : rows) {
    SQLite::Statement find(db, std::string("SELECT ") + kColumns +
                                   " FROM events e JOIN networks n ON n.id = e.network_id "
                                   "WHERE e.network_id = ? AND e.uid = ? AND e.recurrence_id = ?");
    find.bind(1, log.network_id);
    find.bind(2, r.uid);
    find.bind(3, r.recurrence_id);
    if (find.executeStep()) {
      const EventRow old = read_row(find);
      kept.insert(old.id);
      const bool same = same_content(old, r);
      (same ? counts.unchanged : counts.updated)++;
      SQLite::Statement up(db,
                           "UPDATE events SET title = ?, location = ?, venue_id = ?, "
                           "start_utc = ?, start_offset = ?, end_utc = ?, end_offset = ?, "
                           "all_day = ?, source = ?, import_id = ? WHERE id = ?");
      bind_content(up, r, 1);
      up.bind(9, log.source);
      up.bind(10, import_id);
      up.bind(11, old.id);
      up.exec();
      continue;
    }
    SQLite::Statement add(db,
                          "INSERT INTO events(network_id, uid, recurrence_id, title, location, "
                          "venue_id, start_utc, start_offset, end_utc, end_offset, all_day, "
                          "source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    add.bind(1, log.network_id);
    add.bind(2, r.uid);
    add.bind(3, r.recurrence_id);
    bind_content(add, r, 4);
    add.bind(12, log.source);
    add.bind(13, import_id);
    add.exec();
    kept.insert(db.getLastInsertRowid());
    ++counts.added;
  }

  SQLite::Statement stale(db,
                          "SELECT id FROM events WHERE network_id = ? AND source = ? "
                          "AND start_utc >= ? AND start_utc < ?");
  stale.bind(1, log.network_id);
  stale.bind(2, log.source);
  stale.bind(3, log.from_utc);
  stale.bind(4, log.to_utc);
  std::vector<std::int64_t> gone;
  while (stale.executeStep())
    if (!kept.contains(stale.getColumn(0).getInt64()))
      gone.push_back(stale.getColumn(0).getInt64());
  for (const auto id : gone) {
    SQLite::Statement del(db, "DELETE FROM events WHERE id = ?");
    del.bind(1, id);
    del.exec();
  }
  counts.removed = static_cast<int>(gone.size());

  SQLite::Statement fin(db,
                        "UPDATE imports SET finished_at = ?, added = ?, updated = ?, "
                        "unchanged = ?, removed = ?, warnings = ? WHERE id = ?");
  fin.bind(1, now_utc_iso());
  fin.bind(2, counts.added);
  fin.bind(3, counts.updated);
  fin.bind(4, counts.unchanged);
  fin.bind(5, counts.removed);
  fin.bind(6, log.warnings);
  fin.bind(7, import_id);
  fin.exec();
  tx.commit();
  return counts;
}

std::vector<EventRow> list_events(Store& store, std::int64_t from_utc, std::int64_t to_utc,
                                  std::optional<std::int64_t> network_id) {
  SQLite::Statement q(store.db(), std::string("SELECT ") + kColumns +
                                      " FROM events e JOIN networks n ON n.id = e.network_id "
                                      "WHERE e.start_utc >= ? AND e.start_utc < ? "
                                      "AND (? IS NULL OR e.network_id = ?) "
                                      "ORDER BY e.start_utc, e.id");
  q.bind(1, from_utc);
  q.bind(2, to_utc);
  if (network_id) {
    q.bind(3, *network_id);
    q.bind(4, *network_id);
  }
  std::vector<EventRow> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

}  // namespace tafel
