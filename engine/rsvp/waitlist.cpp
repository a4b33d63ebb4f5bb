#include "engine/rsvp/waitlist.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace tafel::rsvp {
namespace {

bool colleague_at_table(const State& state, const Person& p) {
  if (p.attendee.company.empty()) return false;
  for (const auto& [id, other] : state.people) {
    if (id != p.attendee.id && other.holds_seat() && other.attendee.company == p.attendee.company)
      return true;
  }
  return false;
}

// Lower is better.
auto rank_key(const State& state, const Person& p) {
  return std::make_tuple(p.attendee.sector != state.setup.sector, !p.attendee.available,
                         colleague_at_table(state, p), !p.attendee.came_before, p.reserve, p.since,
                         p.attendee.id);
}

}  // namespace

std::vector<PersonId> waitlist_order(const State& state) {
  using Key = decltype(rank_key(state, std::declval<const Person&>()));
  std::vector<std::pair<Key, PersonId>> keyed;
  for (const auto& [id, p] : state.people) {
    if (p.status == Status::waitlisted) keyed.emplace_back(rank_key(state, p), id);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<PersonId> out;
  out.reserve(keyed.size());
  for (const auto& [key, id] : keyed) out.push_back(id);
  return out;
}

int waitlist_position(const State& state, PersonId person) {
  const auto order = waitlist_order(state);
  const auto it = std::find(order.begin(), order.end(), person);
  return it == order.end() ? 0 : static_cast<int>(it - order.begin()) + 1;
}

}  // namespace tafel::rsvp
