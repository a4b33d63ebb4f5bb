#include "engine/rsvp/state.hpp"

namespace tafel::rsvp {

int State::count(Status s) const {
  int n = 0;
  for (const auto& [id, p] : people) n += p.status == s ? 1 : 0;
  return n;
}

int State::seats_held() const {
  int n = 0;
  for (const auto& [id, p] : people) n += p.holds_seat() ? 1 : 0;
  return n;
}

int State::seats_unclaimed() const { return setup.seats - seats_held() - count(Status::invited); }

const Person* State::find(PersonId id) const {
  const auto it = people.find(id);
  return it == people.end() ? nullptr : &it->second;
}

}  // namespace tafel::rsvp
