#include "adapters/store/backup.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace tafel {

namespace fs = std::filesystem;

namespace {

StoreError error(std::string message) { return StoreError{std::move(message)}; }

// `<dir>/.<name>.<purpose>-<pid>`: beside `target`, so the final rename stays on one file system.
fs::path temp_beside(const fs::path& target, std::string_view purpose) {
  return target.parent_path() /
         fmt::format(".{}.{}-{}", target.filename().string(), purpose, ::getpid());
}

void remove_with_sidecars(const fs::path& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(fs::path(db.string() + suffix), ec);
}

// Copies every page of `src` into `dest` in one step (one read transaction: a consistent
// snapshot). Retries while the source is busy, for at most ~10 s.
void copy_pages(SQLite::Database& src, SQLite::Database& dest) {
  sqlite3_backup* b = sqlite3_backup_init(dest.getHandle(), "main", src.getHandle(), "main");
  if (b == nullptr) throw std::runtime_error(sqlite3_errmsg(dest.getHandle()));
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 200; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errstr(rc));
}

// "ok", or the first problem integrity_check reports.
std::string integrity(SQLite::Database& db) {
  return db.execAndGet("PRAGMA integrity_check").getString();
}

void fsync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Turns the freshly copied `tmp` into a self-contained, checked file and returns its schema
// version. Throws on any problem.
int finish_copy(SQLite::Database& copy) {
  copy.exec("PRAGMA journal_mode = DELETE");
  if (const auto check = integrity(copy); check != "ok")
    throw std::runtime_error("the copy fails integrity_check: " + check);
  return copy.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_version").getInt();
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

// True when a connection other than ours has `database` open (the daemon, a running command).
// A WAL database cannot be locked exclusively while another connection holds it.
bool in_use(const fs::path& database) {
  SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
  db.setBusyTimeout(200);
  db.exec("PRAGMA locking_mode = EXCLUSIVE");
  try {
    db.exec("BEGIN EXCLUSIVE");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) return true;
    throw;
  }
  db.exec("ROLLBACK");
  return false;  // closing the last connection checkpoints and removes the -wal file
}

}  // namespace

std::expected<BackupInfo, StoreError> backup_database(const fs::path& database,
                                                      const fs::path& target) {
  if (!fs::exists(database))
    return std::unexpected(error(fmt::format("database {} does not exist", database.string())));
  for (const char* suffix : {"", "-wal", "-shm"})
    if (same_file(fs::path(database.string() + suffix), target) ||
        fs::absolute(target) == fs::absolute(database.string() + suffix))
      return std::unexpected(
          error(fmt::format("{}: a backup must not overwrite the database", target.string())));
  const fs::path tmp = temp_beside(target, "backup");
  try {
    remove_with_sidecars(tmp);
    BackupInfo info;
    {
      SQLite::Database src(database.string(), SQLite::OPEN_READONLY);
      src.setBusyTimeout(5000);
      SQLite::Database dest(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      copy_pages(src, dest);
      info.schema_version = finish_copy(dest);
    }
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write);
    fsync_path(tmp, false);
    fs::rename(tmp, target);
    fsync_path(fs::absolute(target).parent_path(), true);
    info.bytes = fs::file_size(target);
    return info;
  } catch (const std::exception& e) {
    remove_with_sidecars(tmp);
    return std::unexpected(error(fmt::format("backup of {} to {} failed: {}", database.string(),
                                             target.string(), e.what())));
  }
}

std::expected<BackupInfo, StoreError> validate_backup(const fs::path& file) {
  try {
    if (!fs::is_regular_file(file))
      return std::unexpected(error(fmt::format("{}: no such file", file.string())));
    // Read-only and without creating -wal/-shm beside the backup.
    SQLite::Database db(fmt::format("file:{}?mode=ro", file.string()),
                        SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    if (const auto check = integrity(db); check != "ok")
      return std::unexpected(
          error(fmt::format("{}: fails integrity_check: {}", file.string(), check)));
    if (!db.tableExists("schema_version"))
      return std::unexpected(
          error(fmt::format("{}: not a Tafelplanner database (no schema_version)", file.string())));
    BackupInfo info;
    info.schema_version =
        db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_version").getInt();
    info.bytes = fs::file_size(file);
    if (info.schema_version < 1)
      return std::unexpected(
          error(fmt::format("{}: not a Tafelplanner database (no schema)", file.string())));
    if (info.schema_version > Store::latest_schema_version())
      return std::unexpected(error(
          fmt::format("{}: schema version {} is newer than this tafelplanner understands ({})",
                      file.string(), info.schema_version, Store::latest_schema_version())));
    return info;
  } catch (const std::exception& e) {
    return std::unexpected(
        error(fmt::format("{}: cannot be read as a database: {}", file.string(), e.what())));
  }
}

std::expected<RestoreInfo, StoreError> restore_database(const fs::path& file,
                                                        const fs::path& database) {
  if (same_file(file, database)) return std::unexpected(error("the backup is the database itself"));
  auto valid = validate_backup(file);
  if (!valid) return std::unexpected(valid.error());

  const bool existed = fs::exists(database);
  try {
    if (existed && in_use(database))
      return std::unexpected(error(
          fmt::format("database {} is in use (is the daemon running? stop it first: systemctl stop "
                      "tafelplanner)",
                      database.string())));
  } catch (const std::exception& e) {
    return std::unexpected(
        error(fmt::format("cannot check database {}: {}", database.string(), e.what())));
  }

  if (database.has_parent_path()) fs::create_directories(database.parent_path());
  const fs::path tmp = temp_beside(database, "restore");
  RestoreInfo info;
  try {
    remove_with_sidecars(tmp);
    {
      SQLite::Database src(fmt::format("file:{}?mode=ro", file.string()),
                           SQLite::OPEN_READONLY | SQLite::OPEN_URI);
      SQLite::Database dest(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      copy_pages(src, dest);
      info.backup.schema_version = finish_copy(dest);
    }
    struct stat old {};
    if (existed && ::stat(database.c_str(), &old) == 0) {
      // Same owner and mode as the database it replaces (when run as root for the service user).
      ::chmod(tmp.c_str(), old.st_mode & 07777);
      if (::chown(tmp.c_str(), old.st_uid, old.st_gid) != 0) {
        // Not root: the file stays ours, which is the user running the restore.
      }
    } else {
      fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write);
    }
    fsync_path(tmp, false);
  } catch (const std::exception& e) {
    remove_with_sidecars(tmp);
    return std::unexpected(error(fmt::format("cannot copy {}: {}", file.string(), e.what())));
  }

  // The old database and any -wal/-shm beside it move aside together (SQLite pairs a database
  // with `<name>-wal`), so a stale WAL is never applied to the restored file.
  try {
    if (existed) {
      info.previous = fs::path(database.string() + ".before-restore");
      remove_with_sidecars(info.previous);
      for (const char* suffix : {"-wal", "-shm"}) {
        const fs::path side(database.string() + suffix);
        if (fs::exists(side)) fs::rename(side, fs::path(info.previous.string() + suffix));
      }
      fs::rename(database, info.previous);
    }
    fs::rename(tmp, database);
    fsync_path(fs::absolute(database).parent_path(), true);
  } catch (const std::exception& e) {
    remove_with_sidecars(tmp);
    return std::unexpected(error(
        fmt::format("restoring {} failed while swapping files: {} (the previous database is at {})",
                    database.string(), e.what(),
                    info.previous.empty() ? database.string() : info.previous.string())));
  }
  info.backup.bytes = fs::file_size(database);
  return info;
}

}  // namespace tafel
