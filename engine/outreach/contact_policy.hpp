#pragma once
// The contact-moment policy: which messages are due, from the sessions, the invitations with their
// answers, what the outbox already holds, and `now`. Pure and deterministic: the same input yields
// the same messages with the same due times (and keys), so running it again adds nothing.
//
// Rules (times are the session's local wall clock, via `OffsetAt`):
// - invitation: on every allowed channel, due now, once; not after the session started.
// - change: when the invitation's SEQUENCE is above the last one announced on a channel.
// - cancellation: to everyone who got an invitation, once, when the session is cancelled.
// - nudge: `nudge_after_days` after the invitation to those who have not answered, on the preferred
//   channel (WhatsApp when allowed); they are also listed for the partner to call.
// - reminders: to those who accepted, `reminder_days_before` days before at the session's clock
//   time; for a session starting before `early_session_before` the 1-day reminder goes at
//   `early_reminder_at` the evening before. A reminder due before the invitation or the acceptance
//   is skipped; of several reminders due at once only the latest goes.
// - never after the session started; no WhatsApp from `quiet_start` to `quiet_end`: a message due
//   then waits for `quiet_end`, or, when that is at or after the session start, goes 30 minutes
//   before `quiet_start` the evening before; when that moment has passed and now is quiet, the
//   WhatsApp message is dropped (the mail still goes).
// Only messages due at or before `now` are returned; `next_due_utc` says when to look again.

#include "engine/outreach/message_kind.hpp"
#include "engine/time/local_time.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tafel::outreach {

// UTC offset in seconds in force at a local wall-clock time (as planning::OffsetAt).
using OffsetAt = std::function<std::int32_t(Date, int minute_of_day)>;

struct PolicyRules {
  int nudge_after_days = 3;
  std::vector<int> reminder_days_before = {7, 1};
  int early_session_before = 8 * 60 + 30;
  int early_reminder_at = 19 * 60;
  int quiet_start = 21 * 60;
  int quiet_end = 7 * 60 + 30;
  int poll_reminder_days_before = 2;  // availability poll: remind this many days before it closes
};

enum class Rsvp { invited, accepted, declined, maybe, waitlisted, cancelled };

struct PolicySession {
  std::int64_t id = 0;
  LocalTime start;
  LocalTime end;
  bool cancelled = false;
};

struct PolicyInvitation {
  std::int64_t id = 0;
  std::int64_t session = 0;
  std::int64_t member = 0;
  Rsvp rsvp = Rsvp::invited;
  std::optional<std::int64_t> rsvp_at_utc;  // when the current answer came
  int sequence = 0;                         // iCalendar SEQUENCE now
  std::vector<Channel> channels;            // allowed (consent, not opted out, address known)
};

// A message already in the outbox (any state except cancelled).
struct OutboxRecord {
  std::string key;
  std::int64_t invitation = 0;
  MessageKind kind = MessageKind::invitation;
  Channel channel = Channel::email;
  std::int64_t due_utc = 0;
  int sequence = 0;  // for invitation and change: the SEQUENCE announced
};

struct DueMessage {
  std::string key;  // unique name: "<invitation>:<kind>[:<n>]:<channel>"
  std::int64_t invitation = 0;
  std::int64_t member = 0;
  std::int64_t session = 0;
  MessageKind kind = MessageKind::invitation;
  Channel channel = Channel::email;
  std::int64_t due_utc = 0;
  int sequence = 0;     // invitation, change, cancellation: the SEQUENCE to send
  int days_before = 0;  // reminders
  friend bool operator==(const DueMessage&, const DueMessage&) = default;
};

struct CallListEntry {
  std::int64_t invitation = 0;
  std::int64_t member = 0;
  std::int64_t session = 0;
};

struct ContactPlan {
  std::vector<DueMessage> due;  // by due time, then key
  std::vector<CallListEntry> call_list;
  std::optional<std::int64_t> next_due_utc;  // earliest later moment something becomes due
};

ContactPlan plan_contact_moments(const PolicyRules& rules,
                                 const std::vector<PolicySession>& sessions,
                                 const std::vector<PolicyInvitation>& invitations,
                                 const std::vector<OutboxRecord>& outbox, std::int64_t now_utc,
                                 const OffsetAt& offset_at);

// The moment a WhatsApp message due at `due` may go (see the quiet-hour rule above), or nullopt.
std::optional<std::int64_t> whatsapp_moment(const PolicyRules& rules, std::int64_t due_utc,
                                            std::int64_t deadline_utc, std::int64_t now_utc,
                                            const OffsetAt& offset_at);

// The availability poll of planning rounds (plan_poll_moments). Rules:
// - poll: once per person asked (a poll invitation), on the preferred channel (WhatsApp when
//   allowed, else email), due now; a WhatsApp poll due in quiet hours waits for `quiet_end` (or
//   goes by email when that is past the close and email is allowed). Returned even when due later
//   than `now`: it is decided when the poll is sent, and the outbox holds it until it is due.
// - poll_reminder: once, to those asked who have not answered, on the preferred channel, at the
//   local clock time the poll went, `poll_reminder_days_before` local days before the local day
//   the poll closes; skipped when that is not after the poll itself; quiet hours as above.
//   Returned only once due (`next_due_utc` says when).
// - nothing at or after the close, nothing for a round that is not polling.
struct PollRound {
  std::int64_t id = 0;
  std::int64_t closes_utc = 0;  // the instant the poll closes
  bool polling = false;         // status 'polling'
};

struct PollInvitee {
  std::int64_t id = 0;  // poll invitation
  std::int64_t round = 0;
  std::int64_t member = 0;
  bool answered = false;
  std::vector<Channel> channels;  // allowed (consent, not opted out, address known)
};

// A poll or poll reminder already in the outbox (any state except cancelled).
struct PollRecord {
  std::string key;
  std::int64_t poll = 0;  // poll invitation
  MessageKind kind = MessageKind::poll;
  Channel channel = Channel::email;
  std::int64_t due_utc = 0;
};

struct DuePollMessage {
  std::string key;  // "poll<poll invitation>:<kind>:<channel>"
  std::int64_t poll = 0;
  std::int64_t round = 0;
  std::int64_t member = 0;
  MessageKind kind = MessageKind::poll;
  Channel channel = Channel::email;
  std::int64_t due_utc = 0;
  friend bool operator==(const DuePollMessage&, const DuePollMessage&) = default;
};

struct PollPlan {
  std::vector<DuePollMessage> due;  // by due time, then key
  std::optional<std::int64_t> next_due_utc;
};

PollPlan plan_poll_moments(const PolicyRules& rules, const std::vector<PollRound>& rounds,
                           const std::vector<PollInvitee>& invitees,
                           const std::vector<PollRecord>& outbox, std::int64_t now_utc,
                           const OffsetAt& offset_at);

}  // namespace tafel::outreach
