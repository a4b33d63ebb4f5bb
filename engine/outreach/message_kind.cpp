#include "engine/outreach/message_kind.hpp"

#include <array>
#include <utility>

namespace tafel::outreach {

namespace {

constexpr std::array<std::pair<MessageKind, std::string_view>, 18> kKinds = {{
    {MessageKind::invitation, "invitation"},
    {MessageKind::reminder, "reminder"},
    {MessageKind::nudge, "nudge"},
    {MessageKind::change, "change"},
    {MessageKind::cancellation, "cancellation"},
    {MessageKind::poll, "poll"},
    {MessageKind::poll_reminder, "poll_reminder"},
    {MessageKind::followup, "followup"},
    {MessageKind::digest, "digest"},
    {MessageKind::optout_confirmation, "optout_confirmation"},
    {MessageKind::fresh_link, "fresh_link"},
    {MessageKind::confirmation, "confirmation"},
    {MessageKind::tentative, "tentative"},
    {MessageKind::declined, "declined"},
    {MessageKind::waitlisted, "waitlisted"},
    {MessageKind::offer, "offer"},
    {MessageKind::offer_expired, "offer_expired"},
    {MessageKind::refusal, "refusal"},
}};

}  // namespace

std::string_view to_string(Channel c) { return c == Channel::email ? "email" : "whatsapp"; }

std::string_view to_string(MessageKind k) {
  for (const auto& [kind, name] : kKinds)
    if (kind == k) return name;
  return "";
}

std::optional<Channel> parse_channel(std::string_view s) {
  if (s == "email") return Channel::email;
  if (s == "whatsapp") return Channel::whatsapp;
  return std::nullopt;
}

std::optional<MessageKind> parse_message_kind(std::string_view s) {
  for (const auto& [kind, name] : kKinds)
    if (name == s) return kind;
  return std::nullopt;
}

}  // namespace tafel::outreach
