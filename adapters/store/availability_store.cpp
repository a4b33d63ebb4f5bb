#include "adapters/store/availability_store.hpp"

namespace tafel {

void replace_availability(Store& store, std::int64_t member_id, const std::string& source,
                          const std::vector<AvailabilityInterval>& intervals) {
  SQLite::Statement del(store.db(), "DELETE FROM availability WHERE member_id = ? AND source = ?");
  del.bind(1, member_id);
  del.bind(2, source);
  del.exec();
  const std::string now = now_utc_iso();
  SQLite::Statement ins(store.db(),
                        "INSERT INTO availability(member_id, start_utc, start_offset, end_utc, "
                        "end_offset, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& i : intervals) {
    ins.bind(1, member_id);
    ins.bind(2, i.start.utc_seconds);
    ins.bind(3, i.start.offset_seconds);
    ins.bind(4, i.end.utc_seconds);
    ins.bind(5, i.end.offset_seconds);
    ins.bind(6, source);
    ins.bind(7, now);
    ins.exec();
    ins.reset();
  }
}

std::map<std::int64_t, std::vector<AvailabilityInterval>> load_availability(Store& store,
                                                                            LocalTime from,
                                                                            LocalTime to) {
  std::map<std::int64_t, std::vector<AvailabilityInterval>> out;
  SQLite::Statement q(store.db(),
                      "SELECT member_id, start_utc, start_offset, end_utc, end_offset "
                      "FROM availability WHERE end_utc > ? AND start_utc < ? "
                      "ORDER BY member_id, start_utc");
  q.bind(1, from.utc_seconds);
  q.bind(2, to.utc_seconds);
  while (q.executeStep()) {
    out[q.getColumn(0).getInt64()].push_back(
        AvailabilityInterval{LocalTime{q.getColumn(1).getInt64(), q.getColumn(2).getInt()},
                             LocalTime{q.getColumn(3).getInt64(), q.getColumn(4).getInt()}});
  }
  return out;
}

}  // namespace tafel
