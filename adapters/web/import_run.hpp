#pragma once
// Runs an uploaded member list or calendar through the importers for the import page and its
// JSON twin, and turns their reports into one shape: one line per problem (line, column, header,
// severity, code, message) and the counts.
//
// A dry run uses the importers' own dry-run modes (nothing is written); a real run is the
// importers' single transaction (members: members, consent log and import log; events: the
// network's occurrences from this source and the import log). Calendars are read over the
// default window (today .. today + horizon_days) with source key "upload:<original name>", so
// uploading the same calendar again updates its occurrences by UID.

#include "adapters/config/config.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/store/store.hpp"
#include "adapters/web/import_uploads.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace tafel::web {

struct ImportLine {
  std::size_t line = 1;
  std::size_t column = 0;  // 0: the whole line or file
  std::string header;      // the member list's column header, if any
  bool error = false;
  std::string code;
  std::string message;
};

struct ImportOutcome {
  ImportKind kind = ImportKind::members;
  bool dry_run = false;
  bool taken = false;  // on a dry run: would be taken
  std::vector<ImportLine> lines;
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int removed = 0;      // calendars: occurrences no longer in the file
  int occurrences = 0;  // calendars
  int errors = 0;
  int warnings = 0;
};

// Store failures propagate (the caller answers 500).
ImportOutcome run_import(Store& store, const Config& config, ImportKind kind,
                         const NetworkRow& network, const std::filesystem::path& file,
                         const std::string& original_name, bool dry_run);

// {"kind", "network_id", "file", "dry_run", "taken", "problems": [{"line", "column", "header"
// (null when none), "severity", "code", "message"}], "summary": {"added", "updated",
// "unchanged", "removed", "occurrences", "errors", "warnings"}}
nlohmann::json import_outcome_json(const ImportOutcome& outcome, std::int64_t network_id,
                                   const std::string& original_name);

// The Dutch summary sentence of an outcome ("Klaar om in te lezen: ...", "Ingelezen: ...",
// "Niet ingelezen: ...").
std::string import_summary_text(const ImportOutcome& outcome);

}  // namespace tafel::web
