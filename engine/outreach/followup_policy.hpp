#pragma once
// The after-session contact moment: once a session's capture is stored (status 'held'), the three
// takeaways and the one-question evaluation go to everyone who came, once, on one channel.
// Pure and deterministic, like contact_policy.hpp (whose PolicyRules and OffsetAt it uses).
//
// Timing (followup_moment): 09:00 local on the day after the session's local end date, or the
// capture time when that is later (a session captured late is thanked as soon as it is
// captured). WhatsApp keeps the quiet hours (`quiet_start`..`quiet_end`): a message due then
// waits for `quiet_end` the next morning. Channel: email when allowed (the message is long and
// carries a link), else WhatsApp; nobody with neither gets one.
//
// Messages are returned only once due (`next_due_utc` says when to look again), so attendance
// corrected before then is respected. Keys are "<invitation>:followup:<channel>"; an invitation
// with any followup key in the outbox gets nothing more (a fallback to the other channel is the
// dispatcher's business).

#include "engine/outreach/contact_policy.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tafel::outreach {

inline constexpr int kFollowupMinute = 9 * 60;  // 09:00 local, the day after

struct FollowupSession {
  std::int64_t id = 0;
  LocalTime end;                  // the session's end, with its local offset
  std::int64_t captured_utc = 0;  // when the capture was (first) stored
};

struct FollowupAttendee {
  std::int64_t invitation = 0;
  std::int64_t session = 0;
  std::int64_t member = 0;
  std::vector<Channel> channels;  // allowed (consent, not opted out, address known)
};

struct DueFollowup {
  std::string key;  // "<invitation>:followup:<channel>"
  std::int64_t invitation = 0;
  std::int64_t session = 0;
  std::int64_t member = 0;
  Channel channel = Channel::email;
  std::int64_t due_utc = 0;
  friend bool operator==(const DueFollowup&, const DueFollowup&) = default;
};

struct FollowupPlan {
  std::vector<DueFollowup> due;  // by due time, then key
  std::optional<std::int64_t> next_due_utc;
};

// When the followup of a session is due (before the quiet-hour rule for WhatsApp).
std::int64_t followup_moment(const FollowupSession& session, const OffsetAt& offset_at);

// `sent_invitations`: invitations that already have a followup in the outbox (any channel).
FollowupPlan plan_followups(const PolicyRules& rules, const std::vector<FollowupSession>& sessions,
                            const std::vector<FollowupAttendee>& attendees,
                            const std::set<std::int64_t>& sent_invitations, std::int64_t now_utc,
                            const OffsetAt& offset_at);

}  // namespace tafel::outreach
