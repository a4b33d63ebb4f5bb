#include "adapters/http/store_metrics.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace tafel::http {

namespace {

// Runs `sql` (label columns first, the count last) and sets `metric` from it, replacing the
// previous samples.
void gauge_from_query(MetricsRegistry& r, SQLite::Database& db, std::string_view metric,
                      const std::vector<std::string>& label_names, const std::string& sql) {
  r.clear(metric);
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    MetricsRegistry::Labels labels;
    for (std::size_t i = 0; i < label_names.size(); ++i)
      labels.emplace_back(label_names[i], q.getColumn(static_cast<int>(i)).getString());
    r.set(metric, labels, q.getColumn(static_cast<int>(label_names.size())).getDouble());
  }
}

void collect(MetricsRegistry& r, const std::filesystem::path& database) {
  try {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(500);
    gauge_from_query(r, db, "tafel_members", {"network"},
                     "SELECT n.name, count(m.id) FROM networks n LEFT JOIN members m ON "
                     "m.network_id = n.id GROUP BY n.id");
    gauge_from_query(r, db, "tafel_members_eligible", {"network"},
                     "SELECT n.name, count(m.id) FROM networks n LEFT JOIN members m ON "
                     "m.network_id = n.id AND m.eligible = 1 GROUP BY n.id");
    gauge_from_query(r, db, "tafel_events", {"network"},
                     "SELECT n.name, count(e.id) FROM networks n LEFT JOIN events e ON "
                     "e.network_id = n.id GROUP BY n.id");
    if (db.tableExists("outbox"))
      gauge_from_query(r, db, "tafel_outbox_messages", {"channel", "state"},
                       "SELECT channel, state, count(*) FROM outbox GROUP BY channel, state");
    r.set("tafel_store_up", {}, 1);
  } catch (const std::exception&) {
    r.set("tafel_store_up", {}, 0);
  }
}

}  // namespace

void add_store_collector(MetricsRegistry& registry, std::filesystem::path database) {
  using T = MetricsRegistry::Type;
  registry.declare("tafel_members", T::gauge, "Members held, per network.");
  registry.declare("tafel_members_eligible", T::gauge, "Eligible members held, per network.");
  registry.declare("tafel_events", T::gauge, "Network event occurrences held, per network.");
  registry.declare("tafel_outbox_messages", T::gauge, "Outbox messages, by channel and state.");
  registry.declare("tafel_store_up", T::gauge,
                   "1 when the last scrape could read the database, else 0.");
  registry.add_collector(
      [database = std::move(database)](MetricsRegistry& r) { collect(r, database); });
}

}  // namespace tafel::http
