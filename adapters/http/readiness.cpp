#include "adapters/http/readiness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace tafel::http {

ReadinessProbe::ReadinessProbe(std::filesystem::path database,
                               std::chrono::milliseconds lock_timeout)
    : database_(std::move(database)), lock_timeout_(lock_timeout) {}

ReadinessProbe& ReadinessProbe::watch_queues(std::chrono::seconds stuck_after,
                                             std::function<std::int64_t()> now) {
  stuck_after_ = stuck_after;
  now_ = std::move(now);
  return *this;
}

namespace {

// Work that should have moved by `deadline` (Unix seconds) and has not.
std::string stuck_queue(SQLite::Database& db, std::int64_t deadline) {
  SQLite::Statement outbox(db,
                           "SELECT 1 FROM outbox WHERE state IN ('pending', 'in_flight') AND "
                           "next_attempt_utc < ? LIMIT 1");
  outbox.bind(1, deadline);
  if (outbox.executeStep()) return "outbox stuck";
  const auto since = std::chrono::sys_seconds{std::chrono::seconds{deadline}};
  SQLite::Statement inbox(db,
                          "SELECT 1 FROM webhook_deliveries WHERE state = 'pending' AND "
                          "received_at < ? LIMIT 1");
  inbox.bind(1, fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", since));
  if (inbox.executeStep()) return "inbox stuck";
  return "";
}

}  // namespace

Readiness ReadinessProbe::check() const {
  std::error_code ec;
  if (!std::filesystem::exists(database_, ec)) return {false, "database missing"};
  try {
    SQLite::Database db(database_.string(), SQLite::OPEN_READWRITE);
    if (sqlite3_db_readonly(db.getHandle(), "main") == 1) return {false, "database read-only"};
    db.setBusyTimeout(static_cast<int>(lock_timeout_.count()));
    db.exec("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
    if (stuck_after_.count() > 0 && now_)
      if (auto stuck = stuck_queue(db, now_() - stuck_after_.count()); !stuck.empty())
        return {false, std::move(stuck)};
    return {true, ""};
  } catch (const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return {false, "database locked"};
      case SQLITE_READONLY:
      case SQLITE_CANTOPEN:
      case SQLITE_PERM:
        return {false, "database not writable"};
      default:
        return {false, "database error"};
    }
  } catch (const std::exception&) {
    return {false, "database error"};
  }
}

Response handle_readyz(const ReadinessProbe& probe, const Request&) {
  const auto r = probe.check();
  if (r.ready) return json_response(200, R"({"status":"ready"})");
  return json_response(503, nlohmann::json{{"status", "unavailable"}, {"reason", r.reason}}.dump());
}

void register_readiness_route(Router& router, std::shared_ptr<const ReadinessProbe> probe) {
  router.get("/readyz", [probe](const Request& request) { return handle_readyz(*probe, request); });
}

}  // namespace tafel::http
