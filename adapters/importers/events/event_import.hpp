#pragma once
// `import events`: reads a calendar file or feed URL, expands it over a window, matches
// locations to venues and replaces the network's occurrences from that source in one
// transaction. A refused import writes nothing.
//
// A dry run builds the same report, counts included, by running the very same import against an
// in-memory copy of the database (SQLite's backup API) that is then thrown away: the store is
// not written. Its cost is one copy of the database in memory.

#include "adapters/config/config.hpp"
#include "adapters/importers/events/calendar_problem.hpp"
#include "adapters/store/events_store.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct EventImportRequest {
  std::string source;         // a file path or an http(s)/webcal URL
  std::string network;        // an existing network's name
  std::int64_t from_utc = 0;  // window [from_utc, to_utc)
  std::int64_t to_utc = 0;
};

struct EventImportOptions {
  // The calendar's bytes when the caller already has them (an upload, a fetched feed); then
  // `source` only names it: in report lines and as the key of its occurrences (verbatim).
  std::optional<std::string> content;
  bool dry_run = false;
};

struct EventImportResult {
  bool taken = false;  // on a dry run: would be taken
  bool dry_run = false;
  std::string file;                       // how the source is named in report lines
  std::vector<CalendarProblem> problems;  // in file order; errors only when refused
  EventSyncCounts counts;
  int occurrences = 0;
  int unmatched = 0;  // events (by UID) in the window without a venue
};

EventImportResult import_events(Store& store, const Config& config,
                                const EventImportRequest& request,
                                const EventImportOptions& options = {});

// The default import window: local midnight today .. today + horizon_days in the configured zone
// (the zone's name is checked by import_events; an unknown zone gives an empty window).
struct EventWindow {
  std::int64_t from_utc = 0;
  std::int64_t to_utc = 0;
};
EventWindow default_event_window(const Config& config);

// The report: one line per problem, then the summary line; each line ends in '\n'.
std::string format_event_import_report(const EventImportResult& result);

}  // namespace tafel
