#pragma once
// `import members`: reads a member list and takes it into one network, exactly as in
// members-csv.md.
//
// The import is one transaction: either the whole file is taken (warnings allowed) or, on any
// error, nothing at all is written — not even a row in the `imports` log, so a refused import
// leaves the database byte-for-byte unchanged in content; the report is its record. A dry run
// builds the same report and writes nothing either. A taken import writes one `imports` row
// (status "taken") in the same transaction as the members and their consent log entries.

#include "adapters/config/config.hpp"
#include "adapters/importers/members/member_report.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/store/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tafel {

struct MemberImportOptions {
  bool dry_run = false;
  std::string now;  // ISO 8601 UTC: consent times, created_at/updated_at and the import log
  // How the source is recorded (members' source, the import log) instead of the file's path,
  // e.g. an upload's original name; empty: the path.
  std::string source_name{};
};

struct MemberImportResult {
  std::vector<MemberProblem> problems;  // in file order; file-level ones first
  MemberImportSummary summary;
};

// Store failures (SQLite exceptions) propagate; every problem of the file is in the result.
MemberImportResult import_members(Store& store, const Config& config, const NetworkRow& network,
                                  const std::filesystem::path& file,
                                  const MemberImportOptions& options);

}  // namespace tafel
