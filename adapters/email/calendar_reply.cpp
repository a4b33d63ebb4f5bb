#include "adapters/email/calendar_reply.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace tafel::email {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string address_of(const char* value) {
  std::string v = value ? value : "";
  if (lower(v.substr(0, 7)) == "mailto:") v = v.substr(7);
  return lower(v);
}

std::optional<PartStat> partstat_of(icalproperty* attendee) {
  icalparameter* p = icalproperty_get_first_parameter(attendee, ICAL_PARTSTAT_PARAMETER);
  if (!p) return std::nullopt;
  switch (icalparameter_get_partstat(p)) {
    case ICAL_PARTSTAT_ACCEPTED:
      return PartStat::accepted;
    case ICAL_PARTSTAT_DECLINED:
      return PartStat::declined;
    case ICAL_PARTSTAT_TENTATIVE:
      return PartStat::tentative;
    default:
      return std::nullopt;
  }
}

std::optional<CalendarReply> reply_from_event(icalcomponent* ev) {
  const char* uid = icalcomponent_get_uid(ev);
  if (!uid || !*uid) return std::nullopt;
  for (icalproperty* att = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); att;
       att = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
    if (auto ps = partstat_of(att)) {
      CalendarReply r;
      r.uid = uid;
      r.partstat = *ps;
      r.attendee = address_of(icalproperty_get_attendee(att));
      if (icalproperty* seq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY))
        r.sequence = icalproperty_get_sequence(seq);
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<CalendarReply> read_calendar_reply(std::string_view ics,
                                                 std::string_view mime_method) {
  std::string text(ics);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  // libical reports problems as X-LIC-ERROR properties and keeps going; it only returns null
  // for text that holds no component at all.
  ComponentPtr cal(icalparser_parse_string(text.c_str()));
  if (!cal) return std::nullopt;
  icalcomponent* root = cal.get();
  icalproperty_method method = ICAL_METHOD_NONE;
  if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
    method = icalcomponent_get_method(root);
  } else if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) {
    // Several calendars in one text: use the first VCALENDAR.
    root = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
    if (!root) return std::nullopt;
    method = icalcomponent_get_method(root);
  }
  const bool is_reply = method == ICAL_METHOD_REPLY ||
                        (method == ICAL_METHOD_NONE && lower(std::string(mime_method)) == "reply");
  if (!is_reply) return std::nullopt;
  if (icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT) return reply_from_event(root);
  for (icalcomponent* ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT))
    if (auto r = reply_from_event(ev)) return r;
  return std::nullopt;
}

}  // namespace tafel::email
