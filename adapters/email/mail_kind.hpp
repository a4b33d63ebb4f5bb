#pragma once
// What a received mail is, decided before any intent is read (pure: no store, no clock).
//
// Order, first match wins:
// 1. bounce: a delivery status report (multipart/report; report-type=delivery-status), or a
//    mail from MAILER-DAEMON/postmaster whose subject says it was not delivered. Hard when a
//    recipient block has Action failed and Status 5.x.x; a report with only 4.x.x or delayed
//    entries is soft.
// 2. calendar_reply: a calendar object with METHOD:REPLY and an ATTENDEE PARTSTAT of ACCEPTED,
//    DECLINED or TENTATIVE (a calendar that accepts on its owner's behalf is still an answer).
// 3. auto_reply: Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
//    Precedence: auto_reply, or a subject that starts (after "Re:"/"Antw:"/"RE:") with an
//    out-of-office phrase in Dutch or English ("Automatisch antwoord", "Afwezig", "Out of
//    office", "Automatic reply", "Autoreply", "Auto-reply", "Afwezigheidsmelding").
//    Recorded, never an answer.
// 4. reply: anything else; its text is stripped and read (engine/replies).

#include "adapters/email/calendar_reply.hpp"
#include "adapters/email/mail_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::email {

enum class MailKind { bounce, auto_reply, calendar_reply, reply };
std::string_view to_string(MailKind kind);  // the `inbound.kind` names

struct MailClass {
  MailKind kind = MailKind::reply;
  bool hard_bounce = false;
  std::vector<std::string> failed_recipients;  // hard-bounced addresses (lower-cased)
  std::optional<CalendarReply> calendar;       // for calendar_reply
};

MailClass classify_mail(const ReceivedMail& mail);

// True when the subject names an automatic (out-of-office) reply (exposed for tests).
bool auto_reply_subject(std::string_view subject);

}  // namespace tafel::email
