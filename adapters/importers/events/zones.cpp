#include "adapters/importers/events/zones.hpp"

#include <fmt/format.h>

#include <array>
#include <ctime>
#include <utility>

namespace tafel {

namespace {

// Windows time zone names (as Outlook and Exchange write them) to IANA, after the CLDR table;
// European zones and the common US ones. Dutch Outlook's generic name is Dutch time.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kWindowsZones = {{
    {"W. Europe Standard Time", "Europe/Berlin"},
    {"Romance Standard Time", "Europe/Paris"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"E. Europe Standard Time", "Europe/Chisinau"},
    {"FLE Standard Time", "Europe/Kiev"},
    {"GTB Standard Time", "Europe/Bucharest"},
    {"Russian Standard Time", "Europe/Moscow"},
    {"Turkey Standard Time", "Europe/Istanbul"},
    {"Eastern Standard Time", "America/New_York"},
    {"Central Standard Time", "America/Chicago"},
    {"Mountain Standard Time", "America/Denver"},
    {"Pacific Standard Time", "America/Los_Angeles"},
    {"China Standard Time", "Asia/Shanghai"},
    {"Tokyo Standard Time", "Asia/Tokyo"},
    {"India Standard Time", "Asia/Kolkata"},
    {"AUS Eastern Standard Time", "Australia/Sydney"},
    {"Coordinated Universal Time", "UTC"},
    {"GMT +0100 (Standard) / GMT +0200 (Daylight)", "Europe/Amsterdam"},
    {"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam"},
}};

bool is_utc_name(std::string_view s) {
  return s == "UTC" || s == "GMT" || s == "Z" || s == "Etc/UTC" || s == "Etc/GMT" ||
         s == "Universal" || s == "Zulu";
}

icaltimezone* lookup_builtin(std::string_view name) {
  if (is_utc_name(name)) return icaltimezone_get_utc_timezone();
  if (name.find('/') == std::string_view::npos) return nullptr;  // no bare abbreviations
  return icaltimezone_get_builtin_timezone(std::string(name).c_str());
}

// Tries the name, then the name with leading path segments removed one at a time.
icaltimezone* lookup_with_prefixes(std::string_view tzid) {
  std::string_view rest = tzid;
  while (!rest.empty()) {
    while (rest.starts_with('/')) rest.remove_prefix(1);
    if (auto* z = lookup_builtin(rest)) return z;
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return nullptr;
}

}  // namespace

std::expected<icaltimezone*, std::string> builtin_zone(std::string_view iana) {
  if (auto* z = lookup_builtin(iana)) return z;
  return std::unexpected(fmt::format("unknown time zone '{}'", iana));
}

std::int64_t local_midnight_utc(Date date, icaltimezone* zone) {
  icaltimetype t = icaltime_null_time();
  t.year = date.year;
  t.month = date.month;
  t.day = date.day;
  return static_cast<std::int64_t>(icaltime_as_timet_with_zone(t, zone));
}

std::int32_t offset_at(std::int64_t utc_seconds, icaltimezone* zone) {
  icaltimetype t = icaltime_from_timet_with_zone(static_cast<time_t>(utc_seconds), 0,
                                                 icaltimezone_get_utc_timezone());
  int is_daylight = 0;
  return icaltimezone_get_utc_offset_of_utc_time(zone, &t, &is_daylight);
}

LocalTime local_time_at(std::int64_t utc_seconds, icaltimezone* zone) {
  return LocalTime{utc_seconds, offset_at(utc_seconds, zone)};
}

Date today_in(icaltimezone* zone) {
  return local_time_at(static_cast<std::int64_t>(std::time(nullptr)), zone).local_date();
}

ZoneResolver::Resolved ZoneResolver::resolve(std::string_view tzid) {
  if (auto it = cache_.find(tzid); it != cache_.end()) return it->second;
  Resolved r;
  if (auto* z = lookup_with_prefixes(tzid)) r.zone = z;
  for (const auto& [windows, iana] : kWindowsZones)
    if (!r.zone && windows == tzid) r.zone = lookup_builtin(iana);
  if (!r.zone && calendar_)
    r.zone = icalcomponent_get_timezone(calendar_, std::string(tzid).c_str());
  if (!r.zone) r = Resolved{configured_, true};
  cache_.emplace(std::string(tzid), r);
  return r;
}

}  // namespace tafel
