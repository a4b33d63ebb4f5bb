#pragma once
// Reads one WhatsApp webhook body (shared/spec/messaging.md "Inbound shape") into the messages
// and status updates it holds, walking every entry, change, message and status. Pure: no I/O.
//
// Contract:
// - The body must be a JSON object with an `entry` array (and `object`, when present, must be
//   "whatsapp_business_account"); otherwise the error names the place (byte offset or JSON
//   pointer) and the caller quarantines the delivery. The error never quotes the body.
// - Within it, anything else that is odd is skipped, not fatal: an entry, change or item of
//   the wrong type, a change whose field is not "messages", a message or status without an id
//   (each recorded in `skipped` as a JSON pointer with the reason). Unknown fields and message
//   types are kept (`raw`) and otherwise ignored.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::webhooks {

struct WaMessage {
  enum class Kind {
    text,         // text.body
    button,       // a template quick-reply tap: button.payload / button.text
    interactive,  // interactive.button_reply or .list_reply: id / title
    other,        // any other type (media, reaction, location, unsupported, ...)
  };
  std::string id;    // the wamid
  std::string from;  // the sender's wa_id (digits, no '+')
  std::optional<std::int64_t> timestamp;
  std::string type;        // as sent
  std::string context_id;  // context.id: the wamid of our message it answers; "" = none
  Kind kind = Kind::other;
  std::string text;     // for text
  std::string payload;  // for button (payload) and interactive (reply id)
  std::string label;    // for button (text) and interactive (title)
  std::string raw;      // the message object as JSON
  std::string pointer;  // where it is in the body (JSON pointer)
};

struct WaStatus {
  std::string id;      // the wamid of our message
  std::string status;  // sent | delivered | read | failed | anything else (kept)
  std::optional<std::int64_t> timestamp;
  std::optional<std::int64_t> error_code;  // errors[0].code for failed
  std::string error_title;                 // errors[0].title (provider text, no personal data)
  std::string raw;
  std::string pointer;
};

struct WaDelivery {
  std::vector<WaMessage> messages;
  std::vector<WaStatus> statuses;
  std::vector<std::string> skipped;  // "<JSON pointer>: <reason>", no personal data
};

std::expected<WaDelivery, std::string> parse_whatsapp_delivery(std::string_view body);

}  // namespace tafel::webhooks
