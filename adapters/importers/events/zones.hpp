#pragma once
// Time zones for calendar import: resolving a TZID as real calendar software writes it, and
// converting between wall-clock times and instants in the configured zone.
//
// The icaltimezone pointers returned here are owned by libical (builtin zones live for the
// process) or by the calendar component given to ZoneResolver (its VTIMEZONEs); they must not
// be used after that component is freed.

#include "engine/time/civil.hpp"
#include "engine/time/local_time.hpp"

#include <libical/ical.h>

#include <cstdint>
#include <expected>
#include <map>
#include <string>
#include <string_view>

namespace tafel {

// The zone for an IANA name ("Europe/Amsterdam", "UTC"); an error names it when unknown.
std::expected<icaltimezone*, std::string> builtin_zone(std::string_view iana);

// The UTC instant of local midnight starting `date` in `zone`.
std::int64_t local_midnight_utc(Date date, icaltimezone* zone);
// The UTC offset of `zone` at the instant `utc_seconds`.
std::int32_t offset_at(std::int64_t utc_seconds, icaltimezone* zone);
// The instant with the offset of `zone` attached.
LocalTime local_time_at(std::int64_t utc_seconds, icaltimezone* zone);
// Today's date in `zone`, read from the system clock (adapters only).
Date today_in(icaltimezone* zone);

// Resolves TZID parameter values, in this order:
// 1. an IANA name known to the system's tzdata, also behind a vendor prefix
//    (`/freeassociation.sourceforge.net/Tzfile/Europe/Berlin`, `/mozilla.org/20070129_1/...`);
// 2. a Windows or Outlook name (`W. Europe Standard Time`,
//    `GMT +0100 (Standard) / GMT +0200 (Daylight)` = Dutch time);
// 3. a VTIMEZONE of that name in the calendar;
// 4. else the configured zone, and `fell_back` is set so the caller can warn.
class ZoneResolver {
 public:
  ZoneResolver(icalcomponent* calendar, icaltimezone* configured)
      : calendar_(calendar), configured_(configured) {}

  struct Resolved {
    icaltimezone* zone = nullptr;  // never null
    bool fell_back = false;
  };
  Resolved resolve(std::string_view tzid);
  icaltimezone* configured() const { return configured_; }

 private:
  icalcomponent* calendar_;
  icaltimezone* configured_;
  std::map<std::string, Resolved, std::less<>> cache_;
};

}  // namespace tafel
