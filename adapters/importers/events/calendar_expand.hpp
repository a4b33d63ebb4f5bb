#pragma once
// Turns a calendar file's bytes into the occurrences of its events within a window:
// RRULEs (several are united), RDATEs, EXDATEs (a DATE exdate removes every instance on that
// local date), RECURRENCE-ID overrides (moved or changed occurrences; a cancelled override
// removes its occurrence) and cancelled events (STATUS:CANCELLED: no occurrences).
// An occurrence belongs to the window when its start lies in [from_utc, to_utc).

#include "adapters/importers/events/calendar_problem.hpp"
#include "engine/time/local_time.hpp"

#include <libical/ical.h>

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct ExpandWindow {
  std::int64_t from_utc = 0;  // inclusive
  std::int64_t to_utc = 0;    // exclusive
};

struct EventOccurrence {
  std::string uid;
  // The occurrence's original start: UTC `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` for an
  // all-day series; empty for an event that does not recur.
  std::string recurrence_id;
  std::string title;
  std::string location;
  LocalTime start;  // offsets are those of the configured zone
  LocalTime end;
  bool all_day = false;
  int line = 0;  // BEGIN:VEVENT of the component that defines this occurrence
};

struct ExpandedCalendar {
  std::vector<EventOccurrence> occurrences;  // ordered by start, then uid
  std::vector<CalendarProblem> warnings;
};

// `configured` is the configured time zone (local times, floating times, DATE values).
// On refusal the error holds every problem found, warnings included.
std::expected<ExpandedCalendar, std::vector<CalendarProblem>> expand_calendar(
    std::string_view bytes, icaltimezone* configured, ExpandWindow window);

}  // namespace tafel
