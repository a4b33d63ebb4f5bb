#pragma once
// The availability poll as a contact moment: decides (engine/outreach plan_poll_moments) and
// enqueues the poll and its one reminder for the poll invitations of polling rounds, rendered
// from the `peiling` / `peiling_herinnering` templates with the personal link
// `{public_url}/peiling/{poll token}` (links Purpose::poll, subject the poll invitation, expiring
// at the end of the round's period). A WhatsApp poll is an approved template carrying that link,
// without answer buttons (a poll starts outside the 24-hour window). Mail has no calendar part;
// its Reply-To is the plain `<reply_local>@<reply_domain>` (replies go to the coordinator's
// inbox). Keys are "poll<poll invitation>:<kind>:<channel>", so running it again adds nothing.

#include "adapters/outbox/message_render.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/store/store.hpp"
#include "engine/outreach/contact_policy.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace tafel::outbox {

struct PollReport {
  int enqueued = 0;
  std::vector<std::string> problems;  // messages that could not be rendered (not enqueued)
  std::optional<std::int64_t> next_due_utc;
};

// Inside the caller's open transaction. `round`: only that round's poll (else every polling
// round); `outreach_planner` runs it for all rounds, `rounds poll` for its round.
PollReport enqueue_poll_messages_in_transaction(Store& store, const OutreachSetup& setup,
                                                std::int64_t now_utc,
                                                std::optional<std::int64_t> round = std::nullopt);

// The policy rules from the configuration (shared with the invitation policy).
outreach::PolicyRules policy_rules(const ContactPolicyConfig& config);

// The payload of a poll or poll reminder for one poll invitation on `channel` (also used to
// re-render a failed one for the other channel, fallback_render.hpp).
std::expected<std::string, std::string> render_poll_message(
    SQLite::Database& db, const RenderContext& ctx, std::int64_t poll_invitation_id,
    outreach::MessageKind kind, outreach::Channel channel, const std::string& key,
    std::int64_t now_utc);

}  // namespace tafel::outbox
