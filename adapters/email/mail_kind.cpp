#include "adapters/email/mail_kind.hpp"

#include <algorithm>
#include <cctype>

namespace tafel::email {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim_front(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

bool from_mail_system(std::string_view from) {
  const std::string f = lower(from);
  return f.starts_with("mailer-daemon@") || f.starts_with("postmaster@") ||
         f.starts_with("mail-daemon@");
}

bool non_delivery_subject(std::string_view subject) {
  const std::string s = lower(subject);
  for (std::string_view p : {"undeliverable", "undelivered mail", "delivery status notification",
                             "mail delivery failed", "returned mail", "onbestelbaar",
                             "niet bezorgd", "kan niet worden bezorgd", "delivery failure"})
    if (s.find(p) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string_view to_string(MailKind kind) {
  switch (kind) {
    case MailKind::bounce:
      return "bounce";
    case MailKind::auto_reply:
      return "auto_reply";
    case MailKind::calendar_reply:
      return "calendar_reply";
    case MailKind::reply:
      return "reply";
  }
  return "reply";
}

bool auto_reply_subject(std::string_view subject) {
  std::string s = lower(trim_front(subject));
  // Reply prefixes a client may put before the automatic one.
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"re:", "antw:", "aw:", "fw:", "fwd:"})
      if (s.starts_with(p)) {
        s = std::string(trim_front(std::string_view(s).substr(p.size())));
        again = true;
      }
  }
  for (std::string_view p :
       {"automatisch antwoord", "automatisch bericht", "afwezig", "afwezigheidsmelding",
        "afwezigheidsbericht", "out of office", "out of the office", "automatic reply", "autoreply",
        "auto-reply", "auto reply", "automatic response", "auto response"})
    if (s.starts_with(p)) return true;
  return false;
}

MailClass classify_mail(const ReceivedMail& mail) {
  MailClass out;
  if (mail.report && !mail.report->recipients.empty()) {
    out.kind = MailKind::bounce;
    for (const auto& r : mail.report->recipients)
      if (r.hard() && !r.recipient.empty()) {
        out.hard_bounce = true;
        out.failed_recipients.push_back(r.recipient);
      }
    return out;
  }
  if (mail.report || (from_mail_system(mail.from) && non_delivery_subject(mail.subject))) {
    out.kind = MailKind::bounce;  // no readable recipient: recorded, looked at by a person
    return out;
  }
  for (const auto& cal : mail.calendars)
    if (auto r = read_calendar_reply(cal.text, cal.method)) {
      out.kind = MailKind::calendar_reply;
      out.calendar = std::move(r);
      return out;
    }
  const bool header_says_auto = (!mail.auto_submitted.empty() && mail.auto_submitted != "no") ||
                                (!mail.x_autoreply.empty() && mail.x_autoreply != "no") ||
                                (!mail.x_autorespond.empty() && mail.x_autorespond != "no") ||
                                mail.precedence == "auto_reply";
  if (header_says_auto || auto_reply_subject(mail.subject)) {
    out.kind = MailKind::auto_reply;
    return out;
  }
  return out;
}

}  // namespace tafel::email
