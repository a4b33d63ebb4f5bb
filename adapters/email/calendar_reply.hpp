#pragma once
// Reads an iTIP answer (RFC 5546 METHOD:REPLY) from a calendar object found in a received mail,
// with libical. Tolerant of what Outlook, Gmail and Apple Calendar send: Windows TZIDs
// ("W. Europe Standard Time") with or without VTIMEZONE, folded lines, CRLF or LF, a UTF-8 BOM,
// and a METHOD given only on the MIME part (pass it as `mime_method`).
//
// Contract: a REPLY is read when the calendar's METHOD (or else `mime_method`) is REPLY and a
// VEVENT has a UID and an ATTENDEE whose PARTSTAT is ACCEPTED, DECLINED or TENTATIVE; anything
// else (REQUEST, CANCEL, COUNTER, a REPLY with NEEDS-ACTION or DELEGATED) is nullopt, never a
// guess. Times are not needed and not read.

#include <optional>
#include <string>
#include <string_view>

namespace tafel::email {

enum class PartStat { accepted, declined, tentative };

struct CalendarReply {
  std::string uid;
  PartStat partstat = PartStat::accepted;
  std::string attendee;  // the ATTENDEE's address, lower-cased, without "mailto:"
  int sequence = 0;
};

std::optional<CalendarReply> read_calendar_reply(std::string_view ics,
                                                 std::string_view mime_method = "");

}  // namespace tafel::email
