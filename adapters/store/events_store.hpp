#pragma once
// Network event occurrences in the store.
//
// An import replaces a network's occurrences from one source within a window: rows are matched
// on (network, uid, recurrence_id) and updated in place, so an unchanged occurrence keeps its id
// (sessions attached to it stay valid); rows of that network and source that start inside the
// window and are absent from the import are deleted. Rows outside the window are kept.

#include "adapters/store/store.hpp"
#include "engine/time/local_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct EventRow {
  std::int64_t id = 0;  // 0 for a row not yet stored
  std::int64_t network_id = 0;
  std::string network;  // name; filled by list_events
  std::string uid;
  std::string recurrence_id;  // see EventOccurrence; "" when the event does not recur
  std::string title;
  std::string location;
  std::optional<std::string> venue_id;
  LocalTime start;
  LocalTime end;
  bool all_day = false;
};

struct EventImportLog {
  std::int64_t network_id = 0;
  std::string source;         // canonical file path or feed URL
  std::int64_t from_utc = 0;  // window, inclusive
  std::int64_t to_utc = 0;    // exclusive
  int warnings = 0;
};

struct EventSyncCounts {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int removed = 0;
};

// Applies one import in a single transaction and logs it in `imports` (status 'taken').
// Throws SQLite::Exception on a database failure, in which case nothing is written.
EventSyncCounts replace_events(Store& store, const EventImportLog& log,
                               const std::vector<EventRow>& rows);

// Occurrences starting in [from_utc, to_utc), of one network if given, ordered by start, id.
std::vector<EventRow> list_events(Store& store, std::int64_t from_utc, std::int64_t to_utc,
                                  std::optional<std::int64_t> network_id = std::nullopt);

}  // namespace tafel
