#pragma once
// `import events`: reads a calendar file or feed URL, expands it over a window, matches
// locations to venues and replaces the network's occurrences from that source in one
// transaction. A refused import writes nothing.

#include "adapters/config/config.hpp"
#include "adapters/importers/events/calendar_problem.hpp"
#include "adapters/store/events_store.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tafel {

struct EventImportRequest {
  std::string source;         // a file path or an http(s)/webcal URL
  std::string network;        // an existing network's name
  std::int64_t from_utc = 0;  // window [from_utc, to_utc)
  std::int64_t to_utc = 0;
};

struct EventImportResult {
  bool taken = false;
  std::string file;                       // how the source is named in report lines
  std::vector<CalendarProblem> problems;  // in file order; errors only when refused
  EventSyncCounts counts;
  int occurrences = 0;
  int unmatched = 0;  // events (by UID) in the window without a venue
};

EventImportResult import_events(Store& store, const Config& config,
                                const EventImportRequest& request);

// The report: one line per problem, then the summary line; each line ends in '\n'.
std::string format_event_import_report(const EventImportResult& result);

}  // namespace tafel
