#include "adapters/store/store.hpp"

#include "adapters/store/schema.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

namespace tafel {

int Store::latest_schema_version() { return static_cast<int>(schema_migrations().size()); }

int Store::schema_version() {
  return db_->execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_version").getInt();
}

std::expected<Store, StoreError> Store::open(const std::filesystem::path& path) {
  try {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    auto db = std::make_unique<SQLite::Database>(path.string(),
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db->setBusyTimeout(5000);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA synchronous = NORMAL");
    db->exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT "
        "NULL)");
    Store store(std::move(db));
    const int have = store.schema_version();
    const int want = latest_schema_version();
    if (have > want)
      return std::unexpected(StoreError{fmt::format(
          "database {} has schema version {}, newer than this tafelplanner understands ({}); "
          "upgrade tafelplanner or restore a backup",
          path.string(), have, want)});
    auto migrations = schema_migrations();
    // Migrations may rebuild a table (SQLite cannot alter a CHECK): foreign keys are off while
    // they run, so dropping the old table cascades nothing, and checked before each commit.
    if (have < want) store.db_->exec("PRAGMA foreign_keys = OFF");
    for (int v = have; v < want; ++v) {
      SQLite::Transaction tx(*store.db_);
      store.db_->exec(std::string(migrations[static_cast<std::size_t>(v)]));
      SQLite::Statement violations(*store.db_, "PRAGMA foreign_key_check");
      if (violations.executeStep())
        throw std::runtime_error(fmt::format("migration to version {} breaks a foreign key in {}",
                                             v + 1, violations.getColumn(0).getString()));
      SQLite::Statement ins(*store.db_,
                            "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)");
      ins.bind(1, v + 1);
      ins.bind(2, now_utc_iso());
      ins.exec();
      tx.commit();
    }
    store.db_->exec("PRAGMA foreign_keys = ON");
    return store;
  } catch (const std::exception& e) {
    return std::unexpected(
        StoreError{fmt::format("cannot open database {}: {}", path.string(), e.what())});
  }
}

std::string now_utc_iso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

}  // namespace tafel
