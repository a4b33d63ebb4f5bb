#pragma once
// First pass over a calendar file's bytes, before libical sees them. Makes real-world files
// parseable and keeps the physical line numbers that libical does not report:
// - strips a UTF-8 byte order mark; a file that is not UTF-8 is read as Windows-1252 (warning);
// - accepts CRLF, LF and CR line ends, unfolds continuation lines, skips blank lines;
// - removes spaces inside RRULE/EXRULE values (`BYDAY=MO, TU`);
// - accepts bare VEVENTs and several VCALENDARs by wrapping everything in one VCALENDAR.
// Refuses what is not iCalendar: binary data, no BEGIN:VCALENDAR/VEVENT at the start, a line
// that is not a content line, or BEGIN/END that do not match; the error names the line.

#include "adapters/importers/events/calendar_problem.hpp"

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct IcsPropertyLine {
  std::string name;  // upper-cased property name
  int line = 0;      // physical line where the property starts
};

struct IcsComponentLines {
  int line = 0;                             // physical line of BEGIN:VEVENT
  std::vector<IcsPropertyLine> properties;  // the VEVENT's own properties, in order
};

struct CleanCalendar {
  std::string text;                        // one VCALENDAR, unfolded, CRLF line ends
  std::vector<IcsComponentLines> vevents;  // every VEVENT in document order
  std::vector<CalendarProblem> warnings;
};

std::expected<CleanCalendar, CalendarProblem> clean_calendar(std::string_view bytes);

// The line of `property` within `event`, else the event's BEGIN line.
int property_line(const IcsComponentLines& event, std::string_view property);

}  // namespace tafel
