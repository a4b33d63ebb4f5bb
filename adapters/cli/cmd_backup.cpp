// `tafelplanner backup FILE` and `tafelplanner restore FILE`.
//
// backup: a consistent copy of the configured database while the daemon runs (SQLite's online
// backup API), checked with integrity_check, written with mode 0600 and renamed into place. Prints
// the file and its size; exit 1 when it fails (no partial file is left).
//
// restore: for a stopped daemon. Validates FILE (integrity, schema not newer than this program),
// refuses while anything has the database open (exit 1), then replaces the database; the old one
// is kept as `<database>.before-restore`. Exit 2 when FILE is not a usable backup.
//
// Neither command opens the store through CliContext::store(): that would migrate and write.

#include "adapters/cli/commands.hpp"
#include "adapters/store/backup.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace tafel {

void register_backup_commands(CLI::App& app, CliContext& ctx) {
  auto backup_file = std::make_shared<std::string>();
  auto* backup = app.add_subcommand(
      "backup", "Copy the database to FILE while the daemon runs (consistent, checked, mode 0600)");
  backup->add_option("FILE", *backup_file, "Where to write the copy (replaced if it exists)")
      ->required();
  backup->callback([&ctx, backup_file] {
    const auto& db = ctx.config().database;
    const auto done = backup_database(db, *backup_file);
    if (!done) throw CommandExit{kExitFailure, done.error().message};
    std::cout << fmt::format("{}: backup of {} ({} bytes, schema version {})\n", *backup_file,
                             db.string(), done->bytes, done->schema_version);
  });

  auto restore_file = std::make_shared<std::string>();
  auto* restore = app.add_subcommand(
      "restore",
      "Replace the database by the backup FILE (stop the daemon first; the old database is kept "
      "as <database>.before-restore)");
  restore->add_option("FILE", *restore_file, "A file written by `tafelplanner backup`")->required();
  restore->callback([&ctx, restore_file] {
    const auto& db = ctx.config().database;
    if (const auto valid = validate_backup(*restore_file); !valid)
      throw CommandExit{kExitBadInput, valid.error().message};
    const auto done = restore_database(*restore_file, db);
    if (!done) throw CommandExit{kExitFailure, done.error().message};
    std::cout << fmt::format("{}: restored from {} (schema version {})", db.string(), *restore_file,
                             done->backup.schema_version);
    if (!done->previous.empty())
      std::cout << fmt::format("; the previous database is {}", done->previous.string());
    std::cout << "\n";
  });
}

}  // namespace tafel
