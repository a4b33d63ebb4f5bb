#pragma once
// Reads one received mail (raw RFC 5322 bytes, as fetched over IMAP) with GMime into what reply
// intake needs. Nothing here decides what the mail means (adapters/email/mail_kind.hpp does).
//
// Contracts:
// - Addresses are lower-cased, without display names or angle brackets; Message-IDs without
//   angle brackets.
// - `text` is the best body: the first text/plain part that is not an attachment, else the
//   first text/html part turned into plain text roughly (tags dropped, block ends as line
//   breaks, common entities decoded), converted to UTF-8 from the part's charset.
// - `calendars` holds every calendar object, decoded from any transfer encoding: text/calendar
//   parts, application/ics parts and attachments whose file name ends in ".ics".
// - Parts inside an attached message (message/rfc822, e.g. the original in a bounce) are not
//   read for text or calendars; only their Message-ID is kept (`report->original_message_id`).
// - A multipart/report with report-type=delivery-status (RFC 3464) fills `report`: one entry
//   per recipient block with Final-Recipient (else Original-Recipient), Action and Status.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::email {

struct DeliveryFailure {
  std::string recipient;  // lower-cased address from Final-Recipient / Original-Recipient
  std::string action;     // failed | delayed | delivered | relayed | expanded (lower-cased)
  std::string status;     // e.g. "5.1.1"
  bool hard() const { return action == "failed" && status.starts_with('5'); }
};

struct DeliveryReport {
  std::vector<DeliveryFailure> recipients;
  std::string original_message_id;  // from the returned message or headers, if any
};

struct CalendarPart {
  std::string text;    // the VCALENDAR text, decoded
  std::string method;  // the MIME part's method parameter (upper-cased), or ""
  friend bool operator==(const CalendarPart&, const CalendarPart&) = default;
};

struct ReceivedMail {
  std::string from;                     // the sender's address
  std::vector<std::string> recipients;  // To, Cc and Delivered-To addresses
  std::string message_id;
  std::string in_reply_to;
  std::vector<std::string> references;
  std::string subject;         // decoded
  std::string auto_submitted;  // header values as found ("" when absent), lower-cased
  std::string x_autoreply;
  std::string x_autorespond;
  std::string precedence;
  std::string x_auto_response_suppress;
  std::optional<std::int64_t> date_utc;  // the Date header, when it parses
  std::string text;
  std::vector<CalendarPart> calendars;  // duplicates (inline part + attachment) once
  std::optional<DeliveryReport> report;
};

// Errors (not a mail at all) are English and name no personal data.
std::expected<ReceivedMail, std::string> read_mail(std::string_view raw);

// Rough HTML → text for mail bodies (exposed for tests).
std::string html_to_text(std::string_view html);

}  // namespace tafel::email
