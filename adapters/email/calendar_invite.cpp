#include "adapters/email/calendar_invite.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <memory>

namespace tafel::email {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// The wall-clock time of `t` as a zone-less icaltime (the TZID parameter names the zone).
icaltimetype wall_clock(LocalTime t) {
  const std::int64_t local = t.local_seconds();
  std::int64_t days = local / 86400, secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const Date d = civil_from_days(days);
  icaltimetype out = icaltime_null_time();
  out.year = d.year;
  out.month = d.month;
  out.day = d.day;
  out.hour = static_cast<int>(secs / 3600);
  out.minute = static_cast<int>(secs / 60 % 60);
  out.second = static_cast<int>(secs % 60);
  out.is_date = 0;
  return out;
}

icalproperty* zoned(icalproperty* p, const std::string& tzid) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(tzid.c_str()));
  return p;
}

}  // namespace

std::expected<std::string, std::string> make_calendar_invite(const CalendarInvite& in) {
  icaltimezone* zone = icaltimezone_get_builtin_timezone(in.tzid.c_str());
  if (!zone) return std::unexpected(fmt::format("unknown time zone '{}'", in.tzid));
  icalcomponent* vtimezone = icaltimezone_get_component(zone);
  if (!vtimezone) return std::unexpected(fmt::format("no VTIMEZONE for '{}'", in.tzid));

  ComponentPtr cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Tafelplanner//NL"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(
      cal.get(), icalproperty_new_method(in.cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));
  icalcomponent_add_component(cal.get(), icalcomponent_new_clone(vtimezone));

  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(in.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(in.sequence));
  icalcomponent_add_property(
      ev, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
              static_cast<time_t>(in.dtstamp_utc), 0, icaltimezone_get_utc_timezone())));
  icalcomponent_add_property(ev, zoned(icalproperty_new_dtstart(wall_clock(in.start)), in.tzid));
  icalcomponent_add_property(ev, zoned(icalproperty_new_dtend(wall_clock(in.end)), in.tzid));
  icalcomponent_add_property(ev, icalproperty_new_summary(in.summary.c_str()));
  if (!in.description.empty())
    icalcomponent_add_property(ev, icalproperty_new_description(in.description.c_str()));
  if (!in.location.empty())
    icalcomponent_add_property(ev, icalproperty_new_location(in.location.c_str()));
  icalcomponent_add_property(
      ev, icalproperty_new_status(in.cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));

  icalproperty* org = icalproperty_new_organizer(("mailto:" + in.organizer_email).c_str());
  icalproperty_add_parameter(org, icalparameter_new_cn(in.organizer_name.c_str()));
  icalcomponent_add_property(ev, org);

  icalproperty* att = icalproperty_new_attendee(("mailto:" + in.attendee_email).c_str());
  if (!in.attendee_name.empty())
    icalproperty_add_parameter(att, icalparameter_new_cn(in.attendee_name.c_str()));
  icalproperty_add_parameter(att, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter(att, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
  icalproperty_add_parameter(att, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
  icalcomponent_add_property(ev, att);
  icalcomponent_add_component(cal.get(), ev);

  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) return std::unexpected("libical could not serialise the invitation");
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace tafel::email
