#include "engine/outreach/followup_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace tafel::outreach {

namespace {

// How long a WhatsApp followup may wait for the end of the quiet hours (never an issue in
// practice: the morning after is always sooner).
constexpr std::int64_t kQuietDeadlineSeconds = 2 * 86400;

}  // namespace

std::int64_t followup_moment(const FollowupSession& session, const OffsetAt& offset_at) {
  const Date next = add_days(session.end.local_date(), 1);
  const LocalTime at = make_local_time(next, kFollowupMinute / 60, kFollowupMinute % 60, 0,
                                       offset_at(next, kFollowupMinute));
  return std::max(at.utc_seconds, session.captured_utc);
}

FollowupPlan plan_followups(const PolicyRules& rules, const std::vector<FollowupSession>& sessions,
                            const std::vector<FollowupAttendee>& attendees,
                            const std::set<std::int64_t>& sent_invitations, std::int64_t now_utc,
                            const OffsetAt& offset_at) {
  std::map<std::int64_t, const FollowupSession*> by_id;
  for (const auto& s : sessions) by_id[s.id] = &s;
  FollowupPlan plan;
  for (const auto& a : attendees) {
    const auto it = by_id.find(a.session);
    if (it == by_id.end() || sent_invitations.contains(a.invitation)) continue;
    const bool email =
        std::find(a.channels.begin(), a.channels.end(), Channel::email) != a.channels.end();
    const bool whatsapp =
        std::find(a.channels.begin(), a.channels.end(), Channel::whatsapp) != a.channels.end();
    if (!email && !whatsapp) continue;
    const Channel channel = email ? Channel::email : Channel::whatsapp;
    const std::int64_t due = followup_moment(*it->second, offset_at);
    std::optional<std::int64_t> at = due;
    if (channel == Channel::whatsapp)
      at = whatsapp_moment(rules, due, std::max(due, now_utc) + kQuietDeadlineSeconds, now_utc,
                           offset_at);
    if (!at) continue;
    if (*at > now_utc) {
      plan.next_due_utc = plan.next_due_utc ? std::min(*plan.next_due_utc, *at) : *at;
      continue;
    }
    plan.due.push_back({fmt::format("{}:followup:{}", a.invitation, to_string(channel)),
                        a.invitation, a.session, a.member, channel, *at});
  }
  std::sort(plan.due.begin(), plan.due.end(), [](const DueFollowup& x, const DueFollowup& y) {
    return std::tie(x.due_utc, x.key) < std::tie(y.due_utc, y.key);
  });
  return plan;
}

}  // namespace tafel::outreach
