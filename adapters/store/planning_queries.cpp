#include "adapters/store/planning_queries.hpp"

namespace tafel {

std::vector<PlanningMember> load_planning_members(Store& store, std::int64_t network_id) {
  std::vector<PlanningMember> out;
  SQLite::Statement q(store.db(),
                      "SELECT id, company, name, sector, lat, lon FROM members "
                      "WHERE network_id = ? AND eligible = 1 AND sector IS NOT NULL AND ("
                      " (email IS NOT NULL AND consent_email = 1 AND opted_out_email = 0) OR"
                      " (mobile IS NOT NULL AND consent_whatsapp = 1 AND opted_out_whatsapp = 0))"
                      " ORDER BY id");
  q.bind(1, network_id);
  while (q.executeStep()) {
    PlanningMember m;
    m.id = q.getColumn(0).getInt64();
    m.company = q.getColumn(1).getString();
    m.name = q.getColumn(2).getString();
    m.sector = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull() && !q.getColumn(5).isNull()) {
      m.lat = q.getColumn(4).getDouble();
      m.lon = q.getColumn(5).getDouble();
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<PlanningEvent> load_planning_events(Store& store, std::int64_t network_id,
                                                LocalTime from, LocalTime to) {
  std::vector<PlanningEvent> out;
  SQLite::Statement q(store.db(),
                      "SELECT id, title, COALESCE(venue_id, ''), start_utc, start_offset, end_utc, "
                      "end_offset, all_day FROM events WHERE network_id = ? AND start_utc >= ? "
                      "AND start_utc < ? ORDER BY start_utc, id");
  q.bind(1, network_id);
  q.bind(2, from.utc_seconds);
  q.bind(3, to.utc_seconds);
  while (q.executeStep()) {
    PlanningEvent e;
    e.id = q.getColumn(0).getInt64();
    e.title = q.getColumn(1).getString();
    e.venue = q.getColumn(2).getString();
    e.start = LocalTime{q.getColumn(3).getInt64(), q.getColumn(4).getInt()};
    e.end = LocalTime{q.getColumn(5).getInt64(), q.getColumn(6).getInt()};
    e.all_day = q.getColumn(7).getInt() != 0;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tafel
