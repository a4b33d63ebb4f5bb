#pragma once
// An iTIP calendar object for one attendee of one session (RFC 5545/5546): METHOD:REQUEST for an
// invitation or change, METHOD:CANCEL for a cancellation; the UID stays the same for the
// invitation's whole life and SEQUENCE rises with every change. Times are written with
// TZID=<zone> and the zone's VTIMEZONE (Outlook reads a TZID without one as UTC).

#include "engine/time/local_time.hpp"

#include <cstdint>
#include <expected>
#include <string>

namespace tafel::email {

struct CalendarInvite {
  bool cancel = false;  // METHOD:CANCEL + STATUS:CANCELLED, else METHOD:REQUEST + CONFIRMED
  std::string uid;
  int sequence = 0;
  std::int64_t dtstamp_utc = 0;  // when this version was made
  LocalTime start;
  LocalTime end;
  std::string tzid = "Europe/Amsterdam";
  std::string summary;
  std::string description;
  std::string location;
  std::string organizer_name;   // the network partner (CN)
  std::string organizer_email;  // the daemon's reply mailbox: calendar REPLYs go here
  std::string attendee_name;
  std::string attendee_email;
};

// The VCALENDAR text (CRLF line endings, folded), or an error naming an unknown zone.
std::expected<std::string, std::string> make_calendar_invite(const CalendarInvite& invite);

}  // namespace tafel::email
