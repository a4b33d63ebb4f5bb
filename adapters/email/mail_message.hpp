#pragma once
// One outgoing mail to one person, built as MIME with GMime (never by string concatenation):
//   multipart/mixed
//     multipart/alternative: text/plain, text/html, text/calendar; method=REQUEST|CANCEL
//     application/ics "invite.ics" (the same calendar object, as an attachment)
// The calendar parts are left out when `ics` is empty. Lines end in CRLF, ready for SMTP.

#include <cstdint>
#include <string>

namespace tafel::email {

struct MailMessage {
  std::string from_name;  // the network partner
  std::string from_address;
  std::string to_name;
  std::string to_address;
  std::string reply_to;    // per-invitation address <local>+<id>@<domain>
  std::string message_id;  // without angle brackets; unique, stored for threading
  std::string subject;
  std::string text;
  std::string html;
  std::string ics;                   // VCALENDAR text, or ""
  bool cancel = false;               // the calendar part's method: CANCEL, else REQUEST
  std::string list_unsubscribe_url;  // HTTPS one-click unsubscribe (RFC 8058), or ""
  std::int64_t date_utc = 0;
};

std::string build_mime(const MailMessage& mail);

}  // namespace tafel::email
