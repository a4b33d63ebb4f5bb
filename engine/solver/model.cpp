#include "engine/solver/model.hpp"

#include "engine/solver/geo.hpp"
#include "engine/solver/slot_filter.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace tafel::solver {

Model::Model(const Instance& inst) : inst_(&inst) {
  const std::size_t ns = inst.slots.size();
  const std::size_t np = inst.participants.size();
  usable_.assign(ns, 0);
  seats_.assign(ns, 0);
  room_conflicts_.assign(ns, {});
  coverers_.assign(ns, {});
  options_.assign(np, {});
  candidates_.assign(ns, {});
  previous_slot_.assign(np, -1);

  for (std::size_t s = 0; s < ns; ++s) {
    const Slot& slot = inst.slots[s];
    usable_[s] = reject_reason(inst.rules, slot) ? 0 : 1;
    seats_[s] = std::min(inst.rules.max_group, slot.capacity);
    if (!usable_[s]) continue;
    for (std::size_t f = 0; f < inst.staff.size(); ++f) {
      for (const Interval& a : inst.staff[f].availability) {
        if (a.covers(slot.time)) {
          coverers_[s].push_back(static_cast<int>(f));
          break;
        }
      }
    }
  }

  // Room conflicts: sweep the usable slots of each (venue, room) by start time.
  std::map<std::pair<int, std::string>, std::vector<int>> rooms;
  for (std::size_t s = 0; s < ns; ++s) {
    if (usable_[s]) rooms[{inst.slots[s].venue, inst.slots[s].room}].push_back(static_cast<int>(s));
  }
  for (auto& [key, list] : rooms) {
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      return inst.slots[idx(a)].time.start < inst.slots[idx(b)].time.start;
    });
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = i + 1; j < list.size(); ++j) {
        const Slot& a = inst.slots[idx(list[i])];
        const Slot& b = inst.slots[idx(list[j])];
        if (!(b.time.start < a.time.end)) break;
        room_conflicts_[idx(list[i])].push_back(list[j]);
        room_conflicts_[idx(list[j])].push_back(list[i]);
      }
    }
  }

  for (const PreviousSession& prev : inst.previous) {
    for (int p : prev.participants) previous_slot_[idx(p)] = prev.slot;
  }

  for (std::size_t p = 0; p < np; ++p) {
    const Participant& part = inst.participants[p];
    const int pi = static_cast<int>(p);
    auto consider = [&](int s, bool waive) {
      if (!usable_[idx(s)] || !inst.slot_allows(s, part.sector)) return;
      if (!waive && (!in_availability(pi, s) || !within_travel(pi, s))) return;
      options_[p].push_back(Option{s, value(pi, s)});
    };
    if (part.pinned_slot >= 0) {
      consider(part.pinned_slot, true);
    } else {
      for (std::size_t s = 0; s < ns; ++s) consider(static_cast<int>(s), false);
    }
    std::stable_sort(options_[p].begin(), options_[p].end(),
                     [](const Option& a, const Option& b) { return a.value > b.value; });
    for (const Option& o : options_[p]) candidates_[idx(o.slot)].push_back(Candidate{pi, o.value});
  }
  for (auto& list : candidates_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Candidate& a, const Candidate& b) { return a.value > b.value; });
  }
}

bool Model::staff_clash(int a, int b) const {
  const Interval& x = inst_->slots[idx(a)].time;
  const Interval& y = inst_->slots[idx(b)].time;
  const std::int64_t gap = inst_->rules.staff_gap_min * 60LL;
  const bool x_first = x.end.utc_seconds + gap <= y.start.utc_seconds;
  const bool y_first = y.end.utc_seconds + gap <= x.start.utc_seconds;
  return !x_first && !y_first;
}

double Model::km(int p, int s) const {
  const Participant& part = inst_->participants[idx(p)];
  if (!part.location) return 0.0;
  const Slot& slot = inst_->slots[idx(s)];
  return haversine_km(*part.location, inst_->venues[idx(slot.venue)].location);
}

bool Model::in_availability(int p, int s) const {
  const Interval& t = inst_->slots[idx(s)].time;
  for (const Interval& a : inst_->participants[idx(p)].availability) {
    if (a.covers(t)) return true;
  }
  return false;
}

bool Model::within_travel(int p, int s) const {
  const Participant& part = inst_->participants[idx(p)];
  if (!part.location) return true;
  const double limit = part.max_travel_km.value_or(inst_->rules.max_travel_km);
  return km(p, s) <= limit;
}

double Model::value(int p, int s) const {
  const Participant& part = inst_->participants[idx(p)];
  const Weights& w = inst_->weights;
  const Slot& slot = inst_->slots[idx(s)];
  double v = w.placed - w.per_km * km(p, s);
  if (slot.event >= 0 && std::find(part.attends_events.begin(), part.attends_events.end(),
                                   slot.event) != part.attends_events.end()) {
    v += w.at_event;
  }
  if (previous_slot_[idx(p)] == s) v += w.stability;
  return v;
}

}  // namespace tafel::solver
