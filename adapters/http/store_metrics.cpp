#include "adapters/http/store_metrics.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <chrono>
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

// Sets the zero samples a dashboard expects to exist before anything happened.
void ensure_zero(MetricsRegistry& r, std::string_view metric, const MetricsRegistry::Labels& l) {
  r.add(metric, l, 0);
}

void collect_messages(MetricsRegistry& r, SQLite::Database& db, std::int64_t now) {
  gauge_from_query(r, db, "tafel_outbox_messages", {"channel", "state"},
                   "SELECT channel, state, count(*) FROM outbox GROUP BY channel, state");
  gauge_from_query(r, db, "tafel_messages", {"channel", "state"},
                   "SELECT channel, CASE state WHEN 'pending' THEN 'queued' "
                   "WHEN 'in_flight' THEN 'queued' WHEN 'read' THEN 'delivered' ELSE state END "
                   "AS s, count(*) FROM outbox WHERE state <> 'cancelled' GROUP BY channel, s");
  for (const char* channel : {"email", "whatsapp"})
    for (const char* state : {"queued", "sent", "delivered", "failed"})
      ensure_zero(r, "tafel_messages", {{"channel", channel}, {"state", state}});

  SQLite::Statement oldest(db,
                           "SELECT min(next_attempt_utc) FROM outbox WHERE state = 'pending' AND "
                           "next_attempt_utc <= ?");
  oldest.bind(1, static_cast<std::int64_t>(now));
  double age = 0;
  if (oldest.executeStep() && !oldest.getColumn(0).isNull())
    age = static_cast<double>(now - oldest.getColumn(0).getInt64());
  r.set("tafel_outbox_oldest_due_age_seconds", {}, age);
}

void collect_webhooks(MetricsRegistry& r, SQLite::Database& db) {
  const std::string_view m = "tafel_webhook_deliveries";
  r.clear(m);
  SQLite::Statement q(
      db,
      "SELECT provider, count(*), sum(state = 'pending'), sum(state = 'processed'), "
      "sum(state = 'quarantined'), sum(state = 'processed' AND id NOT IN (SELECT delivery_id "
      "FROM inbound WHERE delivery_id IS NOT NULL)) FROM webhook_deliveries GROUP BY provider");
  static constexpr std::array<const char*, 5> kOutcomes{"accepted", "pending", "processed",
                                                        "quarantined", "duplicate"};
  bool whatsapp_seen = false;
  while (q.executeStep()) {
    const std::string provider = q.getColumn(0).getString();
    whatsapp_seen = whatsapp_seen || provider == "whatsapp";
    for (std::size_t i = 0; i < kOutcomes.size(); ++i)
      r.set(m, {{"provider", provider}, {"outcome", kOutcomes[i]}},
            q.getColumn(static_cast<int>(i + 1)).getDouble());
  }
  if (!whatsapp_seen)
    for (const char* outcome : kOutcomes)
      ensure_zero(r, m, {{"provider", "whatsapp"}, {"outcome", outcome}});
}

void collect_replies_and_sessions(MetricsRegistry& r, SQLite::Database& db) {
  gauge_from_query(r, db, "tafel_replies", {"channel", "intent"},
                   "SELECT channel, intent, count(*) FROM inbound WHERE intent IS NOT NULL "
                   "GROUP BY channel, intent");
  gauge_from_query(r, db, "tafel_sessions", {"status"},
                   "SELECT status, count(*) FROM sessions GROUP BY status");
  for (const char* status : {"proposed", "approved", "cancelled", "held"})
    ensure_zero(r, "tafel_sessions", {{"status", status}});
}

void collect(MetricsRegistry& r, const std::filesystem::path& database, std::int64_t now) {
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
    if (db.tableExists("outbox")) collect_messages(r, db, now);
    if (db.tableExists("webhook_deliveries") && db.tableExists("inbound")) {
      collect_webhooks(r, db);
      collect_replies_and_sessions(r, db);
    }
    r.set("tafel_store_up", {}, 1);
  } catch (const std::exception&) {
    r.set("tafel_store_up", {}, 0);
  }
}

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void add_store_collector(MetricsRegistry& registry, std::filesystem::path database,
                         std::function<std::int64_t()> now_utc) {
  using T = MetricsRegistry::Type;
  registry.declare("tafel_members", T::gauge, "Members held, per network.");
  registry.declare("tafel_members_eligible", T::gauge, "Eligible members held, per network.");
  registry.declare("tafel_events", T::gauge, "Network event occurrences held, per network.");
  registry.declare("tafel_outbox_messages", T::gauge, "Outbox messages, by channel and state.");
  registry.declare("tafel_messages", T::gauge,
                   "Messages by channel and state (queued, sent, delivered, failed).");
  registry.declare("tafel_outbox_oldest_due_age_seconds", T::gauge,
                   "Seconds the oldest due pending outbox message has waited; 0 when none.");
  registry.declare("tafel_webhook_deliveries", T::gauge,
                   "Stored webhook deliveries by outcome (accepted, pending, processed, "
                   "quarantined, duplicate).");
  registry.declare("tafel_replies", T::gauge, "Inbound replies by channel and intent.");
  registry.declare("tafel_sessions", T::gauge, "Sessions by status.");
  registry.declare("tafel_store_up", T::gauge,
                   "1 when the last scrape could read the database, else 0.");
  if (!now_utc) now_utc = system_now;
  registry.add_collector([database = std::move(database), now_utc = std::move(now_utc)](
                             MetricsRegistry& r) { collect(r, database, now_utc()); });
}

}  // namespace tafel::http
