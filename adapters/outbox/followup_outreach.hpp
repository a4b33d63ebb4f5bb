#pragma once
// The after-session followup as a contact moment (issue 4's last moment, issue 7's "the
// takeaways and a one-question evaluation go to those who came"): for every held session with a
// stored capture, the engine's plan_followups (engine/outreach/followup_policy.hpp: 09:00 local
// the day after, or when captured if later; email preferred; WhatsApp quiet hours) decides, and
// each due message is rendered from the `nazorg` templates and enqueued, kind `followup`, key
// "<invitation>:followup:<channel>". Recipients are sessions_store's evaluation_recipients
// (members who came and have not answered): nothing for no-shows.
//
// {{punten}} / {{punten_kort}} are the capture's three takeaways, {{actievraag}} the session
// programme's action question, {{antwoordlink}} the personal evaluation link
// `{public_url}/evaluatie/{token}` (links Purpose::evaluation, subject the invitation, expiring
// kEvaluationLinkDays after the followup moment). Mail has no calendar part; its Reply-To is the
// invitation's reply address.

#include "adapters/outbox/message_render.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/store/store.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace tafel::outbox {

inline constexpr std::int64_t kEvaluationLinkDays = 30;

struct FollowupReport {
  int enqueued = 0;
  std::vector<std::string> problems;  // messages that could not be rendered (not enqueued)
  std::optional<std::int64_t> next_due_utc;
};

// Inside the caller's open transaction (outreach_planner runs it with the other moments).
FollowupReport enqueue_followups_in_transaction(Store& store, const OutreachSetup& setup,
                                                std::int64_t now_utc);

// The payload of the followup for one invitation on `channel` (also for re-rendering a failed
// one for the other channel).
std::expected<std::string, std::string> render_followup(
    SQLite::Database& db, const RenderContext& ctx, std::int64_t invitation_id,
    outreach::Channel channel, const std::string& key, std::int64_t now_utc);

}  // namespace tafel::outbox
