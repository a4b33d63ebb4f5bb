#pragma once
// Reads one VEVENT into plain values, with every time resolved to its zone (see zones.hpp).
// Floating times (no TZID, no `Z`) are read in the configured zone; DATE values are all-day.

#include "adapters/importers/events/calendar_problem.hpp"
#include "adapters/importers/events/ics_text.hpp"
#include "adapters/importers/events/zones.hpp"
#include "engine/time/civil.hpp"

#include <libical/ical.h>

#include <cstdint>
#include <expected>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tafel {

struct EventTime {
  icaltimetype local{};          // wall clock (or date) as written, `zone` attached
  icaltimezone* zone = nullptr;  // null for DATE values
  bool is_date = false;
  std::int64_t utc = 0;  // the instant; for a DATE, local midnight in the configured zone

  Date date() const { return Date{local.year, local.month, local.day}; }
};

struct VeventData {
  int line = 0;  // BEGIN:VEVENT
  std::string uid;
  std::string title;
  std::string location;
  bool cancelled = false;
  EventTime start;
  std::int64_t duration_seconds = 0;  // date-time events
  int duration_days = 1;              // all-day events, at least 1
  bool explicit_end = false;          // DTEND or DURATION given
  std::optional<EventTime> recurrence_id;
  std::vector<icalrecurrencetype> rrules;
  std::vector<EventTime> rdates;
  std::vector<EventTime> exdates;

  bool recurring() const { return !rrules.empty() || !rdates.empty(); }
};

// Reads VEVENTs of one calendar; collects warnings (unknown TZIDs once each, libical's parse
// complaints, made-up UIDs) in `warnings`.
class VeventReader {
 public:
  VeventReader(ZoneResolver& zones, std::vector<CalendarProblem>& warnings)
      : zones_(zones), warnings_(warnings) {}

  // An error-severity problem refuses the file (an unreadable DTSTART); a warning-severity one
  // skips only this event (no DTSTART at all, as some real feeds have).
  std::expected<VeventData, CalendarProblem> read(icalcomponent* vevent,
                                                  const IcsComponentLines& lines);

 private:
  std::optional<EventTime> read_time(icalproperty* p, icaltimetype value, int line);

  ZoneResolver& zones_;
  std::vector<CalendarProblem>& warnings_;
  std::set<std::string> warned_tzids_;
};

}  // namespace tafel
