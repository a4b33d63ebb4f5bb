#pragma once
// Online backup and restore of the SQLite database (SQLite's backup API).
//
// backup_database() may run while the daemon writes: it copies one consistent snapshot (a single
// read transaction in WAL mode never blocks the writer), checks the copy with
// `PRAGMA integrity_check`, stores it as a self-contained file (rollback journal, no -wal) with
// mode 0600, and only then renames it to `target`, so `target` is either the old file or a
// complete, checked backup.
//
// restore_database() is for a stopped daemon. It refuses when another connection has the
// database open, validates the backup (integrity, a Tafelplanner schema no newer than this
// program's), copies it beside the database, moves the old database (with its -wal/-shm) aside
// to `<database>.before-restore` and renames the copy into place.

#include "adapters/store/store.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>

namespace tafel {

struct BackupInfo {
  int schema_version = 0;
  std::uintmax_t bytes = 0;  // size of the written file
};

// Copies the database at `database` to `target` (replacing it). `target` must not be the
// database itself or one of its -wal/-shm files.
std::expected<BackupInfo, StoreError> backup_database(const std::filesystem::path& database,
                                                      const std::filesystem::path& target);

// Checks that `file` is an intact Tafelplanner database this program can open: it passes
// `PRAGMA integrity_check` and its schema version is between 1 and the latest one known.
std::expected<BackupInfo, StoreError> validate_backup(const std::filesystem::path& file);

struct RestoreInfo {
  BackupInfo backup;
  std::filesystem::path previous;  // where the replaced database went; empty when there was none
};

// Replaces the database at `database` by the backup `file` (see above). Nothing is changed when
// it fails.
std::expected<RestoreInfo, StoreError> restore_database(const std::filesystem::path& file,
                                                        const std::filesystem::path& database);

}  // namespace tafel
