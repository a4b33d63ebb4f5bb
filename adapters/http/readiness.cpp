#include "adapters/http/readiness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace tafel::http {

ReadinessProbe::ReadinessProbe(std::filesystem::path database,
                               std::chrono::milliseconds lock_timeout)
    : database_(std::move(database)), lock_timeout_(lock_timeout) {}

Readiness ReadinessProbe::check() const {
  std::error_code ec;
  if (!std::filesystem::exists(database_, ec)) return {false, "database missing"};
  try {
    SQLite::Database db(database_.string(), SQLite::OPEN_READWRITE);
    if (sqlite3_db_readonly(db.getHandle(), "main") == 1) return {false, "database read-only"};
    db.setBusyTimeout(static_cast<int>(lock_timeout_.count()));
    db.exec("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
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
