#pragma once
// The Dutch message templates per kind (config/templates/<stem>.{onderwerp.txt,tekst.txt,html,
// whatsapp.txt}) and composing a message from them. The set is checked once at start-up with a
// complete sample (check_templates): every template renders, and rendered WhatsApp bodies and the
// answer labels fit the channel limits. After a passing check, composing fails only for facts
// that make a body too long.

#include "engine/outreach/message_facts.hpp"
#include "engine/outreach/message_kind.hpp"

#include <expected>
#include <map>
#include <string>
#include <vector>

namespace tafel::outreach {

struct KindTemplates {
  std::string subject;   // mail subject, one line
  std::string text;      // mail text/plain
  std::string html;      // mail text/html; values are HTML-escaped
  std::string whatsapp;  // WhatsApp template body (mirror of the approved template)
};

struct MessageTemplates {
  std::map<MessageKind, KindTemplates> kinds;
};

// The kinds for which templates are required, with their file stem ("uitnodiging", ...).
const std::map<MessageKind, std::string>& template_stems();

struct ComposedMessage {
  std::string subject;
  std::string text;
  std::string html;
  std::string whatsapp_body;
  // Values of the WhatsApp body's placeholders in order of first appearance: the positional
  // parameters {{1}}, {{2}}, ... of the approved template.
  std::vector<std::string> whatsapp_parameters;
};

std::expected<ComposedMessage, std::string> compose_message(const MessageTemplates& templates,
                                                            MessageKind kind,
                                                            const MessageFacts& facts);

// Every problem in the set, each naming the template file ("uitnodiging.whatsapp.txt: ...").
std::vector<std::string> check_templates(const MessageTemplates& templates,
                                         const MessageFacts& sample = sample_facts());

}  // namespace tafel::outreach
