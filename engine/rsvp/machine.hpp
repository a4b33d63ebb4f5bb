#pragma once
// The RSVP state machine of one session: a pure fold over its event log.
//
//   State s = initial_state(setup);
//   for (const Event& e : log) { auto out = apply_event(std::move(s), e); s = out.state; ... }
//
// Contracts:
// - Pure and deterministic: the same state and event give the same outcome; no clock is read.
// - Time: every event first advances the state to its `at` (offers expire and pass to the
//   next on the waitlist, the quorum check runs at start - quorum_lead, the session starts),
//   each deadline handled at its own moment, so extra Ticks never change the outcome. An event
//   older than `state.now` is applied at `state.now`.
// - Capacity: accepted + tentative + offered never exceeds `seats`. An accept (or "misschien")
//   takes a seat when one is not held; otherwise the person is waitlisted. A tentative answer
//   holds a seat but does not count toward quorum.
// - Free seats (seats minus held seats minus pending invitations) are offered to the waitlist
//   in fit order (waitlist.hpp), one time-limited offer per seat; reachable people only.
// - Answers from different people commute unless they compete for the last seat (first come,
//   first served: there the log order carries meaning).
// - Changes of mind are accepted until the session starts; afterwards, and after a
//   cancellation, answers are refused (RefuseAnswer).
// - The quorum check runs once (again after a Reschedule to a later deadline); below quorum
//   (accepted < quorum) it alerts the coordinator with the options. When the log begins after
//   the deadline, the check runs at the first event.

#include "engine/rsvp/decisions.hpp"
#include "engine/rsvp/events.hpp"
#include "engine/rsvp/state.hpp"

#include <optional>
#include <span>
#include <vector>

namespace tafel::rsvp {

State initial_state(SessionSetup setup);

struct Outcome {
  State state;
  std::vector<Decision> decisions;  // in the order they were made
};

// Named apply_event, not apply: Event is a std::variant, so an unqualified `apply` would find
// std::apply by argument-dependent lookup.
Outcome apply_event(State state, const Event& event);

// Applies the log in order from the initial state; decisions of all events concatenated.
Outcome replay(const SessionSetup& setup, std::span<const Event> log);

// The next moment at which time alone changes the state (an offer expiring, the quorum check,
// the start), for the caller to schedule a Tick; nullopt when none is pending.
std::optional<UnixSeconds> next_deadline(const State& state);

}  // namespace tafel::rsvp
