#include "engine/solver/model.hpp"

#include "engine/solver/geo.hpp"
#include "engine/solver/slot_filter.hpp"

#include <algorithm>
#include <map>
#include <numbers>
#include <unordered_map>
#include <utility>

namespace tafel::solver {

namespace {
constexpr std::int64_t kDay = 86400;
std::int64_t utc_day(LocalTime t) {
  return t.utc_seconds >= 0 ? t.utc_seconds / kDay : (t.utc_seconds - kDay + 1) / kDay;
}
}  // namespace

Model::Model(const Instance& inst, const std::vector<std::vector<int>>* coverers) : inst_(&inst) {
  const std::size_t ns = inst.slots.size();
  const std::size_t np = inst.participants.size();
  sectors_ = static_cast<int>(inst.sector_names.size());
  for (const Participant& p : inst.participants) sectors_ = std::max(sectors_, p.sector + 1);
  usable_.assign(ns, 0);
  seats_.assign(ns, 0);
  for (std::size_t s = 0; s < ns; ++s) {
    usable_[s] = reject_reason(inst.rules, inst.slots[s]) ? 0 : 1;
    seats_[s] = std::min(inst.rules.max_group, inst.slots[s].capacity);
    if (usable_[s]) by_start_.push_back(static_cast<int>(s));
  }
  std::sort(by_start_.begin(), by_start_.end(), [&](int a, int b) {
    const LocalTime x = inst.slots[idx(a)].time.start, y = inst.slots[idx(b)].time.start;
    return x.utc_seconds != y.utc_seconds ? x.utc_seconds < y.utc_seconds : a < b;
  });
  if (coverers) {
    coverers_ = *coverers;
    coverers_.resize(ns);
  } else {
    compute_coverers();
  }
  compute_rooms();
  previous_slot_.assign(np, -1);
  pinned_.assign(np, 0);
  company_.assign(np, -1);
  for (std::size_t p = 0; p < np; ++p) {
    pinned_[p] = inst.participants[p].pinned_slot >= 0 ? 1 : 0;
    company_[p] = inst.participants[p].company;
  }
  for (const PreviousSession& prev : inst.previous) {
    for (int p : prev.participants) previous_slot_[idx(p)] = prev.slot;
  }
  compute_options();
  compute_candidates();
}

void Model::compute_coverers() {
  const Instance& inst = *inst_;
  coverers_.assign(inst.slots.size(), {});
  // Staff intervals bucketed by the UTC days they touch; very long ones kept aside.
  struct Entry {
    int staff;
    Interval time;
  };
  std::unordered_map<std::int64_t, std::vector<Entry>> buckets;
  std::vector<Entry> long_ones;
  for (std::size_t f = 0; f < inst.staff.size(); ++f) {
    for (const Interval& a : inst.staff[f].availability) {
      const std::int64_t d0 = utc_day(a.start), d1 = utc_day(a.end);
      if (d1 - d0 > 7) {
        long_ones.push_back(Entry{static_cast<int>(f), a});
        continue;
      }
      for (std::int64_t d = d0; d <= d1; ++d) buckets[d].push_back(Entry{static_cast<int>(f), a});
    }
  }
  for (int s : by_start_) {
    const Interval& t = inst.slots[idx(s)].time;
    std::vector<int>& out = coverers_[idx(s)];
    auto check = [&](const Entry& e) {
      if (e.time.covers(t)) out.push_back(e.staff);
    };
    if (auto it = buckets.find(utc_day(t.start)); it != buckets.end()) {
      for (const Entry& e : it->second) check(e);
    }
    for (const Entry& e : long_ones) check(e);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

void Model::compute_rooms() {
  const Instance& inst = *inst_;
  room_conflicts_.assign(inst.slots.size(), {});
  // Sweep the usable slots of each (venue, room) by start time.
  std::map<std::pair<int, std::string>, std::vector<int>> rooms;
  for (int s : by_start_) rooms[{inst.slots[idx(s)].venue, inst.slots[idx(s)].room}].push_back(s);
  for (auto& [key, list] : rooms) {
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
}

void Model::compute_options() {
  const Instance& inst = *inst_;
  const std::size_t np = inst.participants.size();
  options_.assign(np, {});
  // Per venue: its usable slots by start time. Venues sorted by latitude.
  std::vector<std::vector<int>> venue_slots(inst.venues.size());
  for (int s : by_start_) venue_slots[idx(inst.slots[idx(s)].venue)].push_back(s);
  std::vector<int> by_lat;
  for (std::size_t v = 0; v < inst.venues.size(); ++v) {
    if (!venue_slots[v].empty()) by_lat.push_back(static_cast<int>(v));
  }
  std::sort(by_lat.begin(), by_lat.end(), [&](int a, int b) {
    const double x = inst.venues[idx(a)].location.lat, y = inst.venues[idx(b)].location.lat;
    return x != y ? x < y : a < b;
  });
  std::vector<int> stamp(inst.slots.size(), -1);
  const double km_per_degree = kEarthRadiusKm * std::numbers::pi / 180.0;

  for (std::size_t p = 0; p < np; ++p) {
    const Participant& part = inst.participants[p];
    const int pi = static_cast<int>(p);
    std::vector<Option>& opts = options_[p];
    auto allowed = [&](int s) { return usable_[idx(s)] && inst.slot_allows(s, part.sector); };
    if (part.pinned_slot >= 0) {
      if (allowed(part.pinned_slot))
        opts.push_back(Option{part.pinned_slot, compute_value(pi, part.pinned_slot)});
      continue;
    }
    auto scan_venue = [&](int v) {
      const std::vector<int>& list = venue_slots[idx(v)];
      for (const Interval& a : part.availability) {
        auto it = std::lower_bound(list.begin(), list.end(), a.start, [&](int s, LocalTime x) {
          return inst.slots[idx(s)].time.start < x;
        });
        for (; it != list.end() && inst.slots[idx(*it)].time.start < a.end; ++it) {
          const int s = *it;
          if (stamp[idx(s)] == pi || !(inst.slots[idx(s)].time.end <= a.end) || !allowed(s))
            continue;
          stamp[idx(s)] = pi;
          opts.push_back(Option{s, compute_value(pi, s)});
        }
      }
    };
    if (!part.location) {
      for (int v : by_lat) scan_venue(v);
    } else {
      const double limit = part.max_travel_km.value_or(inst.rules.max_travel_km);
      const double window = limit / km_per_degree + 1e-9;
      auto lo = std::lower_bound(
          by_lat.begin(), by_lat.end(), part.location->lat - window,
          [&](int v, double lat) { return inst.venues[idx(v)].location.lat < lat; });
      for (;
           lo != by_lat.end() && inst.venues[idx(*lo)].location.lat <= part.location->lat + window;
           ++lo) {
        if (haversine_km(*part.location, inst.venues[idx(*lo)].location) <= limit) scan_venue(*lo);
      }
    }
    std::sort(opts.begin(), opts.end(), [](const Option& a, const Option& b) {
      return a.value != b.value ? a.value > b.value : a.slot < b.slot;
    });
  }
}

void Model::compute_candidates() {
  const Instance& inst = *inst_;
  const std::size_t ns = inst.slots.size();
  const std::size_t nk = idx(sectors_);
  candidates_.assign(ns, {});
  for (std::size_t p = 0; p < options_.size(); ++p) {
    for (const Option& o : options_[p]) {
      candidates_[idx(o.slot)].push_back(Candidate{static_cast<int>(p), o.value});
    }
  }
  sector_offsets_.assign(ns * (nk + 1), 0);
  peers_.assign(ns * nk, 0);
  int companies = static_cast<int>(inst.company_names.size());
  for (const Participant& p : inst.participants) companies = std::max(companies, p.company + 1);
  std::vector<std::int64_t> seen(idx(companies), -1);
  for (std::size_t s = 0; s < ns; ++s) {
    auto& list = candidates_[s];
    auto sector_of = [&](const Candidate& c) {
      return inst.participants[idx(c.participant)].sector;
    };
    std::sort(list.begin(), list.end(), [&](const Candidate& a, const Candidate& b) {
      const int x = sector_of(a), y = sector_of(b);
      if (x != y) return x < y;
      if (a.value != b.value) return a.value > b.value;
      return a.participant < b.participant;
    });
    int* off = &sector_offsets_[s * (nk + 1)];
    std::size_t i = 0;
    for (std::size_t k = 0; k < nk; ++k) {
      off[k] = static_cast<int>(i);
      int distinct = 0;
      const std::int64_t key = static_cast<std::int64_t>(s * nk + k);
      for (; i < list.size() && idx(sector_of(list[i])) == k; ++i) {
        const int c = inst.participants[idx(list[i].participant)].company;
        if (c < 0 || seen[idx(c)] != key) ++distinct;
        if (c >= 0) seen[idx(c)] = key;
      }
      peers_[s * nk + k] = distinct >= inst.rules.min_group ? 1 : 0;
    }
    off[nk] = static_cast<int>(i);
  }
}

std::span<const Candidate> Model::candidates(int s, int sector) const {
  if (sector < 0 || sector >= sectors_) return {};
  const int* off = &sector_offsets_[idx(s) * (idx(sectors_) + 1)];
  const auto& list = candidates_[idx(s)];
  return std::span<const Candidate>(list.data() + off[sector], list.data() + off[sector + 1]);
}

void Model::slots_inside(const Interval& a, std::vector<int>& out) const {
  const Instance& inst = *inst_;
  auto it = std::lower_bound(by_start_.begin(), by_start_.end(), a.start,
                             [&](int s, LocalTime x) { return inst.slots[idx(s)].time.start < x; });
  for (; it != by_start_.end() && inst.slots[idx(*it)].time.start < a.end; ++it) {
    if (inst.slots[idx(*it)].time.end <= a.end) out.push_back(*it);
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
  for (const Option& o : options_[idx(p)]) {
    if (o.slot == s) return o.value;
  }
  return compute_value(p, s);
}

double Model::compute_value(int p, int s) const {
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
