#pragma once
// The engine's notion of a moment: an instant plus the UTC offset that the local time zone
// has at that instant. The engine never consults a time-zone database; offsets are decided at
// the edges (libical, the configuration) and trusted here.

#include "engine/time/civil.hpp"

#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace tafel {

struct LocalTime {
  std::int64_t utc_seconds = 0;     // seconds since 1970-01-01T00:00:00Z
  std::int32_t offset_seconds = 0;  // local wall clock = utc + offset

  // Seconds since 1970-01-01T00:00 on the local wall clock.
  std::int64_t local_seconds() const { return utc_seconds + offset_seconds; }
  Date local_date() const;
  // Minutes since local midnight, 0..1439.
  int local_minute_of_day() const;

  // Ordering and equality are by instant only.
  friend bool operator==(const LocalTime& a, const LocalTime& b) {
    return a.utc_seconds == b.utc_seconds;
  }
  friend auto operator<=>(const LocalTime& a, const LocalTime& b) {
    return a.utc_seconds <=> b.utc_seconds;
  }
};

// Builds a LocalTime from a wall-clock date and time and the offset in force there.
LocalTime make_local_time(Date date, int hour, int minute, int second, std::int32_t offset_seconds);

// Whole elapsed minutes from `a` to `b` (b - a), rounded toward zero.
std::int64_t minutes_between(LocalTime a, LocalTime b);

// Parses `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or `±HH:MM` (an offset is required).
// The error text says what is wrong in Dutch-free, English terms for callers to wrap.
std::expected<LocalTime, std::string> parse_iso8601(std::string_view text);

// Formats as `YYYY-MM-DDTHH:MM:SS±HH:MM` (an offset of zero is written `+00:00`).
std::string format_iso8601(LocalTime t);

// "HH:MM" into minutes since midnight; -1 when malformed.
int parse_clock_minutes(std::string_view hhmm);

}  // namespace tafel
