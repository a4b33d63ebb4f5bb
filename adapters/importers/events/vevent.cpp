#include "adapters/importers/events/vevent.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

std::string text_or_empty(const char* s) { return s ? std::string(s) : std::string(); }

// A stable stand-in UID for an event without one: FNV-1a over what identifies it.
std::string made_up_uid(std::string_view summary, std::string_view start) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::string_view part : {summary, std::string_view("\x1f"), start})
    for (const char c : part) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  return fmt::format("tafel-no-uid-{:016x}", h);
}

}  // namespace

std::optional<EventTime> VeventReader::read_time(icalproperty* p, icaltimetype value, int line) {
  if (icaltime_is_null_time(value) || !icaltime_is_valid_time(value)) return std::nullopt;
  EventTime t;
  t.local = value;
  t.is_date = value.is_date != 0;
  if (t.is_date) {
    t.local.zone = nullptr;
    t.utc = local_midnight_utc(t.date(), zones_.configured());
    return t;
  }
  if (icaltime_is_utc(value)) {
    t.zone = icaltimezone_get_utc_timezone();
  } else if (icalparameter* tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
             tzid && icalparameter_get_tzid(tzid)) {
    const std::string name = icalparameter_get_tzid(tzid);
    const auto resolved = zones_.resolve(name);
    t.zone = resolved.zone;
    if (resolved.fell_back && warned_tzids_.insert(name).second)
      warnings_.push_back(calendar_warning(
          line, 0, "unknown_timezone",
          fmt::format("time zone '{}' is not known; its times are read as {}", name,
                      icaltimezone_get_location(zones_.configured())
                          ? icaltimezone_get_location(zones_.configured())
                          : "the configured zone")));
  } else {
    t.zone = zones_.configured();  // floating time
  }
  t.local.zone = t.zone;
  t.utc = static_cast<std::int64_t>(icaltime_as_timet_with_zone(t.local, t.zone));
  return t;
}

std::expected<VeventData, CalendarProblem> VeventReader::read(icalcomponent* c,
                                                              const IcsComponentLines& lines) {
  VeventData e;
  e.line = lines.line;
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
    warnings_.push_back(
        calendar_warning(e.line, 0, "parse_problem",
                         fmt::format("libical could not read part of this event: {}",
                                     text_or_empty(icalproperty_get_xlicerror(p)))));

  e.title = text_or_empty(icalcomponent_get_summary(c));
  e.location = text_or_empty(icalcomponent_get_location(c));
  e.cancelled = icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED;

  icalproperty* dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
  icalproperty* rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
  const int start_line = property_line(lines, "DTSTART");
  if (rid) {
    e.recurrence_id =
        read_time(rid, icalproperty_get_recurrenceid(rid), property_line(lines, "RECURRENCE-ID"));
    if (!e.recurrence_id)
      return std::unexpected(calendar_error(property_line(lines, "RECURRENCE-ID"), 1, "bad_value",
                                            "RECURRENCE-ID is not a valid date or date-time"));
  }
  if (dtstart) {
    auto start = read_time(dtstart, icalproperty_get_dtstart(dtstart), start_line);
    if (!start)
      return std::unexpected(
          calendar_error(start_line, 1, "bad_value", "DTSTART is not a valid date or date-time"));
    e.start = *start;
  } else if (start_line != e.line) {
    return std::unexpected(
        calendar_error(start_line, 1, "bad_value", "DTSTART is not a valid date or date-time"));
  } else if (e.recurrence_id) {
    e.start = *e.recurrence_id;  // an override that keeps the original start
  } else {
    return std::unexpected(
        calendar_warning(e.line, 0, "missing_start", "event without DTSTART skipped"));
  }

  const char* uid = icalcomponent_get_uid(c);
  if (uid && *uid) {
    e.uid = uid;
  } else {
    e.uid = made_up_uid(e.title, icaltime_as_ical_string(e.start.local));
    warnings_.push_back(calendar_warning(
        e.line, 0, "missing_uid", "event without UID; re-imports match it by title and start"));
  }

  if (icalproperty* dtend = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) {
    const int end_line = property_line(lines, "DTEND");
    auto end = read_time(dtend, icalproperty_get_dtend(dtend), end_line);
    if (!end)
      return std::unexpected(
          calendar_error(end_line, 1, "bad_value", "DTEND is not a valid date or date-time"));
    e.explicit_end = true;
    e.duration_seconds = std::max<std::int64_t>(0, end->utc - e.start.utc);
    if (e.start.is_date)
      e.duration_days =
          static_cast<int>(days_from_civil(end->date()) - days_from_civil(e.start.date()));
  } else if (icalproperty* dur = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY)) {
    e.explicit_end = true;
    e.duration_seconds = std::max(0, icaldurationtype_as_int(icalproperty_get_duration(dur)));
    e.duration_days = static_cast<int>(e.duration_seconds / 86400);
  }
  e.duration_days = std::max(1, e.duration_days);

  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY)) {
    const icalrecurrencetype r = icalproperty_get_rrule(p);
    if (r.freq == ICAL_NO_RECURRENCE)
      warnings_.push_back(calendar_warning(property_line(lines, "RRULE"), 1, "bad_rrule",
                                           "RRULE cannot be read and is ignored"));
    else
      e.rrules.push_back(r);
  }
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_RDATE_PROPERTY)) {
    const icaldatetimeperiodtype v = icalproperty_get_rdate(p);
    const icaltimetype t = icaltime_is_null_time(v.time) ? v.period.start : v.time;
    if (auto rt = read_time(p, t, property_line(lines, "RDATE"))) e.rdates.push_back(*rt);
  }
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY))
    if (auto xt = read_time(p, icalproperty_get_exdate(p), property_line(lines, "EXDATE")))
      e.exdates.push_back(*xt);
  return e;
}

}  // namespace tafel
