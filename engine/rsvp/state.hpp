#pragma once
// The state of one session's RSVP: the people and where each stands. A plain value: copyable,
// comparable, and a pure function of the session setup and the events applied (machine.hpp).
//
// Invariant kept by every transition: accepted + tentative + offered <= seats.

#include "engine/rsvp/types.hpp"

#include <limits>
#include <map>

namespace tafel::rsvp {

struct Person {
  Attendee attendee;
  Status status = Status::invited;
  bool reserve = false;           // on the waitlist without having answered (enlisted)
  bool contacted = false;         // got an invitation or an offer, or answered: gets cancellations
  UnixSeconds since = 0;          // waitlisted: when they answered (or were enlisted)
  UnixSeconds offer_expires = 0;  // offered: the offer lapses at this moment
  Channels withdrawn = kNoChannels;  // channels opted out of

  // Channels a message may go out on: consented and not withdrawn.
  Channels reachable() const { return attendee.channels & static_cast<Channels>(~withdrawn); }
  bool holds_seat() const {
    return status == Status::accepted || status == Status::tentative || status == Status::offered;
  }

  friend bool operator==(const Person&, const Person&) = default;
};

enum class Phase : std::uint8_t { open, started, cancelled };

struct State {
  SessionSetup setup;
  UnixSeconds now = std::numeric_limits<UnixSeconds>::min();  // latest moment applied
  Phase phase = Phase::open;
  bool quorum_checked = false;
  std::map<PersonId, Person> people;  // ordered by id, so every walk is deterministic

  int count(Status s) const;
  // accepted + tentative + offered.
  int seats_held() const;
  // Seats neither held nor spoken for by a pending invitation; may be negative when the
  // coordinator invited more people than seats.
  int seats_unclaimed() const;
  UnixSeconds start_at() const { return setup.start.utc_seconds; }
  UnixSeconds quorum_deadline() const { return start_at() - setup.quorum_lead_seconds; }
  const Person* find(PersonId id) const;

  friend bool operator==(const State&, const State&) = default;
};

}  // namespace tafel::rsvp
