#pragma once
// Events of one session's RSVP log. Every event carries the moment the daemon accepted it
// (`at`, Unix seconds); the log is applied in its stored order (see machine.hpp).

#include "engine/rsvp/types.hpp"

#include <variant>

namespace tafel::rsvp {

// The person is invited to this table (sends an invitation). Re-inviting a known person who
// is not on the waitlist only updates their facts.
struct Invite {
  UnixSeconds at = 0;
  Attendee attendee;
};

// The coordinator (or the solver's unplaced list) adds a reserve to the waitlist. Reserves get
// an offer when a seat is free; no message is sent on enlisting.
struct Enlist {
  UnixSeconds at = 0;
  Attendee attendee;
};

// An answer from any channel. Answers after the start or after a cancellation are refused.
struct Answer {
  UnixSeconds at = 0;
  PersonId person = 0;
  Reply reply = Reply::accept;
};

// The person withdraws consent for `withdrawn` channels (kAllChannels for "all"); `via` is the
// channel the opt-out came through, on which one confirmation may still go out.
struct OptOut {
  UnixSeconds at = 0;
  PersonId person = 0;
  Channels withdrawn = kAllChannels;
  Channel via = Channel::email;
};

// Coordinator: invite the next `count` reserves from the waitlist (best fit first).
struct InviteFromWaitlist {
  UnixSeconds at = 0;
  int count = 1;
};

// Coordinator: the session moves to a new start (venue changes go through the same notice).
struct Reschedule {
  UnixSeconds at = 0;
  LocalTime new_start;
};

enum class CancelReason : std::uint8_t { coordinator, below_quorum, merged };

// Coordinator: the session is cancelled (a merge cancels this table; the people are invited
// to the other table through that table's log).
struct Cancel {
  UnixSeconds at = 0;
  CancelReason reason = CancelReason::coordinator;
  std::int64_t merged_into = 0;  // the other session's id when reason == merged
};

// Time passes: offers expire, the quorum check and the start happen. Any event does this
// first, so a Tick is only needed when nothing else arrives.
struct Tick {
  UnixSeconds at = 0;
};

using Event =
    std::variant<Invite, Enlist, Answer, OptOut, InviteFromWaitlist, Reschedule, Cancel, Tick>;

UnixSeconds event_time(const Event& e);

}  // namespace tafel::rsvp
