#pragma once
// The SQLite store: opening, pragmas and schema migration. Data access lives in one file per
// concept beside this one (networks.hpp, members_store.hpp, ...), each taking a Store&.
//
// Thread-safety: a Store is used by one thread at a time. Every write path runs inside a
// `SQLite::Transaction`.

#include <SQLiteCpp/SQLiteCpp.h>

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace tafel {

struct StoreError {
  std::string message;
};

class Store {
 public:
  // Opens (creating if needed) the database at `path`, enables WAL and foreign keys, and
  // migrates an older schema. A database from a newer program version is refused.
  static std::expected<Store, StoreError> open(const std::filesystem::path& path);

  SQLite::Database& db() { return *db_; }
  int schema_version();
  static int latest_schema_version();

 private:
  explicit Store(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
  std::unique_ptr<SQLite::Database> db_;
};

// The current time as an ISO 8601 UTC string, for created_at/updated_at columns.
std::string now_utc_iso();

}  // namespace tafel
