#pragma once
// The payload of a WhatsApp quick-reply button we sent (adapters/outbox/message_render.hpp):
// `ja:<rsvp token>`, `nee:<token>` or `misschien:<token>`. Parsing only splits and checks the
// word; the caller verifies the token (adapters/links/link_token.hpp verify_link).

#include "engine/rsvp/types.hpp"

#include <optional>
#include <string_view>

namespace tafel::replies {

struct QuickReply {
  rsvp::Reply reply = rsvp::Reply::accept;
  std::string_view token;  // a view into the payload
};

inline std::optional<QuickReply> parse_quick_reply(std::string_view payload) {
  const auto colon = payload.find(':');
  if (colon == std::string_view::npos || colon + 1 >= payload.size()) return std::nullopt;
  const std::string_view word = payload.substr(0, colon);
  QuickReply out;
  if (word == "ja") {
    out.reply = rsvp::Reply::accept;
  } else if (word == "nee") {
    out.reply = rsvp::Reply::decline;
  } else if (word == "misschien") {
    out.reply = rsvp::Reply::tentative;
  } else {
    return std::nullopt;
  }
  out.token = payload.substr(colon + 1);
  return out;
}

}  // namespace tafel::replies
