#include "adapters/tz/time_zone.hpp"

#include <date/tz.h>

#include <chrono>

namespace tafel {

std::expected<TimeZone, std::string> TimeZone::locate(const std::string& name) {
  try {
    return TimeZone(name, date::locate_zone(name));
  } catch (const std::exception& e) {
    return std::unexpected("unknown time zone '" + name + "': " + e.what());
  }
}

std::int32_t TimeZone::offset_at_local(Date d, int minute_of_day) const {
  const auto local = date::local_seconds{std::chrono::seconds(
      days_from_civil(d) * 86400 + static_cast<std::int64_t>(minute_of_day) * 60)};
  const date::local_info info = zone_->get_info(local);
  // unique: first; nonexistent (gap): first is the offset before the gap; ambiguous: first is
  // the earlier (summer) offset.
  return static_cast<std::int32_t>(info.first.offset.count());
}

LocalTime TimeZone::from_local(Date d, int hour, int minute, int second) const {
  return make_local_time(d, hour, minute, second, offset_at_local(d, hour * 60 + minute));
}

LocalTime TimeZone::from_utc(std::int64_t utc_seconds) const {
  const auto tp = date::sys_seconds{std::chrono::seconds(utc_seconds)};
  const date::sys_info info = zone_->get_info(tp);
  return LocalTime{utc_seconds, static_cast<std::int32_t>(info.offset.count())};
}

LocalTime TimeZone::now() const {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return from_utc(now.time_since_epoch().count());
}

}  // namespace tafel
