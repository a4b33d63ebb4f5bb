#pragma once
// Expands weekly availability windows with date exceptions into concrete local intervals, for
// facilitators and experts (and for weekly poll answers).

#include "engine/planning/candidate_slots.hpp"

#include <vector>

namespace tafel::planning {

struct WeeklyWindow {
  int weekday = 1;  // ISO 1..7
  int start_minute = 0;
  int end_minute = 0;
};

struct DateException {
  Date from;               // inclusive
  Date to;                 // inclusive
  bool available = false;  // false: no availability those days; true: the whole day
};

struct TimeInterval {
  LocalTime start;
  LocalTime end;
};

// Intervals on the days from..to (inclusive), ordered by start. Later exceptions win.
std::vector<TimeInterval> expand_weekly(const std::vector<WeeklyWindow>& windows,
                                        const std::vector<DateException>& exceptions, Date from,
                                        Date to, const OffsetAt& offset_at);

}  // namespace tafel::planning
