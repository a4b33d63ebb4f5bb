#pragma once
// What a message is for and which channel carries it; the names are those stored in the outbox.

#include <optional>
#include <string_view>

namespace tafel::outreach {

enum class Channel { email, whatsapp };

enum class MessageKind {
  invitation,
  reminder,
  nudge,
  change,
  cancellation,
  poll,
  poll_reminder,
  followup,  // after a held session: thanks, the takeaways, the evaluation question
  digest,    // the learning community's newsletter (nieuwsbrief)
  optout_confirmation,
  fresh_link,  // a new personal link, asked for on the 410 page of an expired one
  // Answers to RSVPs (adapters/replies): accepted, "misschien", declined, placed on the
  // waitlist, offered a free seat, the offer lapsed, an answer that came too late.
  confirmation,
  tentative,
  declined,
  waitlisted,
  offer,
  offer_expired,
  refusal,
};

std::string_view to_string(Channel c);
std::string_view to_string(MessageKind k);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<MessageKind> parse_message_kind(std::string_view s);

}  // namespace tafel::outreach
