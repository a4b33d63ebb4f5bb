#pragma once
// Helpers for RSVP tests: a session, attendees and decision filters.

#include "engine/rsvp/machine.hpp"

#include <string>
#include <variant>
#include <vector>

namespace tafel::rsvp::testing {

inline constexpr UnixSeconds kDay = 24 * 3600;
inline constexpr UnixSeconds kT0 = 1'760'000'000;  // the log's first moment
inline constexpr UnixSeconds kStart = kT0 + 30 * kDay;

inline SessionSetup setup(int seats = 3, int quorum = 2) {
  SessionSetup s;
  s.session_id = 7;
  s.start = LocalTime{kStart, 7200};
  s.sector = "installatie";
  s.seats = seats;
  s.quorum = quorum;
  return s;
}

inline Attendee person(PersonId id, std::string company = {}, std::string sector = "installatie") {
  Attendee a;
  a.id = id;
  a.sector = std::move(sector);
  a.company = company.empty() ? "bedrijf-" + std::to_string(id) : std::move(company);
  a.channels = kAllChannels;
  return a;
}

template <typename T>
std::vector<T> only(const std::vector<Decision>& ds) {
  std::vector<T> out;
  for (const auto& d : ds) {
    if (const auto* t = std::get_if<T>(&d)) out.push_back(*t);
  }
  return out;
}

// Applies events one by one, keeping the decisions of the last one.
struct Runner {
  State state;
  std::vector<Decision> last;
  std::vector<Event> log;

  explicit Runner(SessionSetup s = setup()) : state(initial_state(std::move(s))) {}
  Runner& operator()(Event e) {
    log.push_back(e);
    auto out = apply_event(std::move(state), e);
    state = std::move(out.state);
    last = std::move(out.decisions);
    return *this;
  }
  Status status(PersonId id) const { return state.people.at(id).status; }
};

}  // namespace tafel::rsvp::testing
