#pragma once
// The time-zone database at the edge: turns local wall-clock times into instants with their UTC
// offset, and instants into local times, for one IANA zone (the configured `timezone`). Backed by
// the system's tzdata through Howard Hinnant's date library.

#include "engine/time/civil.hpp"
#include "engine/time/local_time.hpp"

#include <expected>
#include <string>

namespace date {
class time_zone;
}

namespace tafel {

class TimeZone {
 public:
  // Fails with a message naming the zone when the database does not know it.
  static std::expected<TimeZone, std::string> locate(const std::string& name);

  const std::string& name() const { return name_; }

  // The UTC offset in force at a local wall-clock time. For a time in the spring-forward gap the
  // offset before the gap is used; for an ambiguous autumn time the earlier (summer) offset.
  std::int32_t offset_at_local(Date date, int minute_of_day) const;
  LocalTime from_local(Date date, int hour, int minute, int second = 0) const;
  LocalTime from_utc(std::int64_t utc_seconds) const;
  LocalTime now() const;
  Date today() const { return now().local_date(); }

 private:
  TimeZone(std::string name, const date::time_zone* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const date::time_zone* zone_;  // owned by the date library's database, lives forever
};

}  // namespace tafel
