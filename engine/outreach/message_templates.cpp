#include "engine/outreach/message_templates.hpp"

#include "engine/outreach/channel_limits.hpp"

#include <fmt/format.h>

namespace tafel::outreach {

const std::map<MessageKind, std::string>& template_stems() {
  static const std::map<MessageKind, std::string> kStems = {
      {MessageKind::invitation, "uitnodiging"},
      {MessageKind::reminder, "herinnering"},
      {MessageKind::nudge, "nog_geen_antwoord"},
      {MessageKind::change, "wijziging"},
      {MessageKind::cancellation, "afgelast"},
      {MessageKind::confirmation, "bevestiging"},
      {MessageKind::tentative, "misschien"},
      {MessageKind::declined, "afgezegd"},
      {MessageKind::waitlisted, "wachtlijst"},
      {MessageKind::offer, "plek_vrij"},
      {MessageKind::offer_expired, "plek_vervallen"},
      {MessageKind::refusal, "te_laat"},
      {MessageKind::optout_confirmation, "afgemeld"},
      {MessageKind::poll, "peiling"},
      {MessageKind::poll_reminder, "peiling_herinnering"},
      {MessageKind::followup, "nazorg"},
      {MessageKind::digest, "nieuwsbrief"},
  };
  return kStems;
}

namespace {

std::string stem_of(MessageKind kind) {
  const auto it = template_stems().find(kind);
  return it == template_stems().end() ? std::string(to_string(kind)) : it->second;
}

}  // namespace

std::expected<ComposedMessage, std::string> compose_message(const MessageTemplates& templates,
                                                            MessageKind kind,
                                                            const MessageFacts& facts) {
  const std::string stem = stem_of(kind);
  const auto it = templates.kinds.find(kind);
  if (it == templates.kinds.end()) return std::unexpected(fmt::format("{}: no templates", stem));
  const KindTemplates& t = it->second;
  const TemplateValues values = message_values(facts);
  const auto& known = placeholder_names();
  ComposedMessage out;
  struct Part {
    const std::string& text;
    std::string& out;
    const char* file;
    Escape escape;
  };
  const Part parts[] = {{t.subject, out.subject, "onderwerp.txt", Escape::none},
                        {t.text, out.text, "tekst.txt", Escape::none},
                        {t.html, out.html, "html", Escape::html},
                        {t.whatsapp, out.whatsapp_body, "whatsapp.txt", Escape::none}};
  for (const Part& p : parts) {
    auto r = render_template(p.text, values, known, p.escape);
    if (!r) return std::unexpected(fmt::format("{}.{}: {}", stem, p.file, r.error().message));
    p.out = std::move(*r);
  }
  while (!out.subject.empty() && (out.subject.back() == '\n' || out.subject.back() == '\r'))
    out.subject.pop_back();
  if (out.subject.find('\n') != std::string::npos)
    return std::unexpected(fmt::format("{}.onderwerp.txt: the subject must be one line", stem));
  while (!out.whatsapp_body.empty() && out.whatsapp_body.back() == '\n')
    out.whatsapp_body.pop_back();
  if (utf8_length(out.whatsapp_body) > kWhatsAppTemplateBodyMax)
    return std::unexpected(fmt::format("{}.whatsapp.txt: {} characters, at most {} allowed", stem,
                                       utf8_length(out.whatsapp_body), kWhatsAppTemplateBodyMax));
  for (const auto& name : placeholders_in(t.whatsapp))
    out.whatsapp_parameters.push_back(values.at(name));
  return out;
}

std::vector<std::string> check_templates(const MessageTemplates& templates,
                                         const MessageFacts& sample) {
  std::vector<std::string> problems;
  for (const auto& [kind, stem] : template_stems()) {
    if (!templates.kinds.contains(kind)) {
      problems.push_back(fmt::format("{}: templates missing", stem));
      continue;
    }
    const KindTemplates& t = templates.kinds.at(kind);
    const std::pair<const std::string*, const char*> files[] = {{&t.subject, "onderwerp.txt"},
                                                                {&t.text, "tekst.txt"},
                                                                {&t.html, "html"},
                                                                {&t.whatsapp, "whatsapp.txt"}};
    for (const auto& [text, file] : files)
      if (text->find_first_not_of(" \r\n\t") == std::string::npos)
        problems.push_back(fmt::format("{}.{}: empty", stem, file));
    if (auto r = compose_message(templates, kind, sample); !r) problems.push_back(r.error());
  }
  for (auto label : kAnswerLabels) {
    if (utf8_length(label) > kQuickReplyLabelMax || utf8_length(label) > kButtonTitleMax)
      problems.push_back(fmt::format("answer label '{}' is too long", label));
  }
  return problems;
}

}  // namespace tafel::outreach
