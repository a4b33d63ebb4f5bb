#pragma once
// Value types of the RSVP state machine: who sits at a table, how the session is set up and
// the channels a person may be reached on. Times are Unix seconds (UTC) passed in by callers;
// the engine never reads a clock.

#include "engine/time/local_time.hpp"

#include <cstdint>
#include <string>

namespace tafel::rsvp {

using PersonId = std::int64_t;
using UnixSeconds = std::int64_t;

// Channels as a bit set; a message decision carries the channels it may go out on.
enum class Channel : std::uint8_t { email = 1, whatsapp = 2 };
using Channels = std::uint8_t;
inline constexpr Channels kNoChannels = 0;
inline constexpr Channels kAllChannels = 3;
constexpr Channels bit(Channel c) { return static_cast<Channels>(c); }

// What a person answered, from any channel (button, free text, calendar PARTSTAT, web page).
enum class Reply : std::uint8_t { accept, decline, tentative };

// Where a person stands. Holding a seat: accepted, tentative, offered.
enum class Status : std::uint8_t {
  invited,     // invitation sent, no answer yet; may still take a seat
  accepted,    // holds a seat, counts toward quorum
  tentative,   // "misschien": holds a seat, does not count toward quorum
  declined,    // no seat; may change their mind until the session starts
  waitlisted,  // wants in (or was enlisted as a reserve); waits for a free seat
  offered,     // a free seat is reserved for them until the offer expires
  lapsed,      // an offer expired unanswered; no further offers, may still answer
};

// What the state machine needs to know about a person, given by the caller at Invite/Enlist.
// Sending the same person again updates these facts without changing their status.
struct Attendee {
  PersonId id = 0;
  std::string sector;               // normalised sector key; compared with the session's sector
  std::string company;              // company key for the colleague rule; empty = none known
  bool available = true;            // available at the session's moment (poll/availability)
  bool came_before = false;         // joined an earlier session of this group
  Channels channels = kNoChannels;  // channels with recorded consent

  friend bool operator==(const Attendee&, const Attendee&) = default;
};

// The session a state machine instance is about. `quorum` defaults to the planning's
// min_group; the caller passes it in.
struct SessionSetup {
  std::int64_t session_id = 0;
  LocalTime start;
  std::string sector;
  int seats = 12;
  int quorum = 8;
  std::int64_t offer_ttl_seconds = 24 * 3600;        // how long a waitlist offer stands
  std::int64_t quorum_lead_seconds = 5 * 24 * 3600;  // quorum check this long before start

  friend bool operator==(const SessionSetup&, const SessionSetup&) = default;
};

}  // namespace tafel::rsvp
