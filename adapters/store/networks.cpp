#include "adapters/store/networks.hpp"

#include <nlohmann/json.hpp>

namespace tafel {

namespace {

std::int64_t upsert_network_row(SQLite::Database& db, const NetworkConfig& n) {
  SQLite::Statement up(db,
                       "INSERT INTO networks(name, sender_name, sender_email, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                       "sender_name = excluded.sender_name, sender_email = excluded.sender_email");
  up.bind(1, n.name);
  up.bind(2, n.sender_name.empty() ? n.name : n.sender_name);
  up.bind(3, n.sender_email);
  up.bind(4, now_utc_iso());
  up.exec();
  SQLite::Statement q(db, "SELECT id FROM networks WHERE name = ?");
  q.bind(1, n.name);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

nlohmann::json staff_availability_json(const StaffConfig& s) {
  nlohmann::json weekly = nlohmann::json::array();
  for (const auto& w : s.availability)
    weekly.push_back(
        {{"weekday", w.weekday}, {"start_minute", w.start_minute}, {"end_minute", w.end_minute}});
  nlohmann::json exceptions = nlohmann::json::array();
  for (const auto& e : s.exceptions)
    exceptions.push_back(
        {{"from", e.from}, {"to", e.to}, {"available", e.available}, {"note", e.note}});
  return {{"weekly", weekly}, {"exceptions", exceptions}};
}

}  // namespace

std::int64_t upsert_network(Store& store, const NetworkConfig& network) {
  SQLite::Transaction tx(store.db());
  const std::int64_t id = upsert_network_row(store.db(), network);
  tx.commit();
  return id;
}

std::optional<NetworkRow> find_network(Store& store, const std::string& name) {
  SQLite::Statement q(store.db(),
                      "SELECT id, name, sender_name, sender_email FROM networks WHERE name = ?");
  q.bind(1, name);
  if (!q.executeStep()) return std::nullopt;
  return NetworkRow{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                    q.getColumn(2).getString(), q.getColumn(3).getString()};
}

std::vector<NetworkRow> list_networks(Store& store) {
  std::vector<NetworkRow> out;
  SQLite::Statement q(store.db(),
                      "SELECT id, name, sender_name, sender_email FROM networks ORDER BY name");
  while (q.executeStep())
    out.push_back(NetworkRow{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                             q.getColumn(2).getString(), q.getColumn(3).getString()});
  return out;
}

void sync_configuration(Store& store, const Config& config) {
  auto& db = store.db();
  SQLite::Transaction tx(db);
  for (const auto& n : config.networks) upsert_network_row(db, n);

  db.exec("UPDATE venues SET active = 0");
  for (const auto& v : config.venues) {
    SQLite::Statement up(db,
                         "INSERT INTO venues(id, name, address, lat, lon, aliases, active) "
                         "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET "
                         "name = excluded.name, address = excluded.address, lat = excluded.lat, "
                         "lon = excluded.lon, aliases = excluded.aliases, active = 1");
    up.bind(1, v.id);
    up.bind(2, v.name);
    up.bind(3, v.address);
    up.bind(4, v.lat);
    up.bind(5, v.lon);
    up.bind(6, nlohmann::json(v.aliases).dump());
    up.exec();
    SQLite::Statement del(db, "DELETE FROM rooms WHERE venue_id = ?");
    del.bind(1, v.id);
    del.exec();
    for (const auto& r : v.rooms) {
      SQLite::Statement ins(db, "INSERT INTO rooms(venue_id, name, capacity) VALUES (?, ?, ?)");
      ins.bind(1, v.id);
      ins.bind(2, r.name);
      ins.bind(3, r.capacity);
      ins.exec();
    }
  }

  db.exec("UPDATE staff SET active = 0");
  for (const auto& s : config.staff) {
    SQLite::Statement up(
        db,
        "INSERT INTO staff(id, name, role, email, phone, availability, active) "
        "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET "
        "name = excluded.name, role = excluded.role, email = excluded.email, "
        "phone = excluded.phone, availability = excluded.availability, active = 1");
    up.bind(1, s.id);
    up.bind(2, s.name);
    up.bind(3, s.role);
    up.bind(4, s.email);
    up.bind(5, s.phone);
    up.bind(6, staff_availability_json(s).dump());
    up.exec();
  }
  tx.commit();
}

}  // namespace tafel
