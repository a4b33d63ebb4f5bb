#include "engine/solver/decomposition.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(ix(n)) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) {
    while (parent[ix(x)] != x) {
      parent[ix(x)] = parent[ix(parent[ix(x)])];
      x = parent[ix(x)];
    }
    return x;
  }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[ix(std::max(a, b))] = std::min(a, b);
  }
};
}  // namespace

namespace {
struct Group {
  std::vector<int> slots;
  std::vector<int> participants;
};

// Cuts `g` in two along venue geography; false when it cannot be cut (one venue).
bool bisect(const Model& m, const Group& g, Group& a, Group& b) {
  const Instance& inst = m.inst();
  std::vector<int> venues;
  for (int s : g.slots) venues.push_back(inst.slots[ix(s)].venue);
  std::sort(venues.begin(), venues.end());
  venues.erase(std::unique(venues.begin(), venues.end()), venues.end());
  if (venues.size() < 2) return false;
  double lat0 = 1e9, lat1 = -1e9, lon0 = 1e9, lon1 = -1e9;
  for (int v : venues) {
    const GeoPoint q = inst.venues[ix(v)].location;
    lat0 = std::min(lat0, q.lat), lat1 = std::max(lat1, q.lat);
    lon0 = std::min(lon0, q.lon), lon1 = std::max(lon1, q.lon);
  }
  const double shrink = std::cos((lat0 + lat1) / 2 * std::numbers::pi / 180.0);
  const bool by_lat = (lat1 - lat0) >= (lon1 - lon0) * shrink;
  auto coord = [&](int v) {
    return by_lat ? inst.venues[ix(v)].location.lat : inst.venues[ix(v)].location.lon;
  };
  std::stable_sort(venues.begin(), venues.end(), [&](int x, int y) { return coord(x) < coord(y); });
  std::vector<int> rank(inst.venues.size(), -1);
  for (std::size_t i = 0; i < venues.size(); ++i) rank[ix(venues[i])] = static_cast<int>(i);
  const std::size_t nv = venues.size();
  std::vector<long> weight(nv + 1, 0), cross(nv + 2, 0);
  for (int p : g.participants) {
    int lo = 1 << 30, hi = -1;
    for (const Option& o : m.options(p)) {
      const int r = rank[ix(inst.slots[ix(o.slot)].venue)];
      lo = std::min(lo, r), hi = std::max(hi, r);
    }
    ++weight[ix(rank[ix(inst.slots[ix(m.options(p)[0].slot)].venue)])];
    if (hi > lo) {
      ++cross[ix(lo + 1)];
      --cross[ix(hi + 1)];
    }
  }
  // Cut i puts ranks < i on side a. Balanced cuts: 30-70 % of the participants on side a.
  const double total = static_cast<double>(g.participants.size());
  long prefix = 0, crossing = 0;
  std::size_t best = 0;
  double best_key = 1e300;
  for (std::size_t i = 1; i < nv; ++i) {
    prefix += weight[i - 1];
    crossing += cross[i];
    const double share = static_cast<double>(prefix) / std::max(1.0, total);
    const double imbalance = std::abs(share - 0.5);
    const double key = imbalance <= 0.2 ? static_cast<double>(crossing) + imbalance
                                        : 1e12 + imbalance;  // fallback: most balanced
    if (key < best_key) {
      best_key = key;
      best = i;
    }
  }
  auto side_a = [&](int s) { return ix(rank[ix(inst.slots[ix(s)].venue)]) < best; };
  for (int s : g.slots) (side_a(s) ? a : b).slots.push_back(s);
  for (int p : g.participants) (side_a(m.options(p)[0].slot) ? a : b).participants.push_back(p);
  return true;
}
}  // namespace

std::vector<Component> decompose(const Model& m, const std::vector<ForcedSession>& forced,
                                 int max_participants) {
  const int ns = m.slot_count();
  UnionFind uf(ns);
  for (int p = 0; p < m.participant_count(); ++p) {
    const auto& opts = m.options(p);
    for (std::size_t i = 1; i < opts.size(); ++i) uf.unite(opts[0].slot, opts[i].slot);
  }
  for (int s = 0; s < ns; ++s) {
    for (int t : m.room_conflicts(s)) uf.unite(s, t);
  }
  std::vector<int> group_of(ix(ns), -1);
  std::vector<Group> groups;
  auto group_for = [&](int s) {
    const int r = uf.find(s);
    if (group_of[ix(r)] < 0) {
      group_of[ix(r)] = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    return group_of[ix(r)];
  };
  std::vector<char> relevant(ix(ns), 0);
  for (int p = 0; p < m.participant_count(); ++p) {
    if (m.options(p).empty()) continue;
    groups[ix(group_for(m.options(p)[0].slot))].participants.push_back(p);
    for (const Option& o : m.options(p)) relevant[ix(o.slot)] = 1;
  }
  for (const ForcedSession& f : forced) {
    group_for(f.slot);
    relevant[ix(f.slot)] = 1;
  }
  for (int s = 0; s < ns; ++s) {
    if (relevant[ix(s)]) groups[ix(group_for(s))].slots.push_back(s);
  }
  // Slots nobody may join and that are not forced never host a session: left out.
  std::vector<Group> parts;
  while (!groups.empty()) {
    Group g = std::move(groups.back());
    groups.pop_back();
    Group a, b;
    if (static_cast<int>(g.participants.size()) > max_participants && bisect(m, g, a, b) &&
        !a.slots.empty() && !b.slots.empty()) {
      groups.push_back(std::move(a));
      groups.push_back(std::move(b));
    } else {
      parts.push_back(std::move(g));
    }
  }
  std::stable_sort(parts.begin(), parts.end(), [](const Group& a, const Group& b) {
    if (a.participants.size() != b.participants.size()) {
      return a.participants.size() > b.participants.size();
    }
    return a.slots.front() < b.slots.front();
  });

  std::vector<Component> comps(parts.size());
  for (std::size_t c = 0; c < parts.size(); ++c) {
    comps[c].slots = std::move(parts[c].slots);
    comps[c].participants = std::move(parts[c].participants);
    std::sort(comps[c].participants.begin(), comps[c].participants.end());
    comps[c].coverers.resize(comps[c].slots.size());
  }

  for (Component& c : comps) {
    for (std::size_t i = 0; i < c.slots.size(); ++i) c.coverers[i] = m.coverers(c.slots[i]);
  }
  return comps;
}

int staff_window(const Instance& inst, int s) {
  const LocalTime t = inst.slots[ix(s)].time.start;
  const std::int64_t day =
      t.local_seconds() >= 0 ? t.local_seconds() / 86400 : (t.local_seconds() - 86399) / 86400;
  return static_cast<int>(day * 2 + (t.local_minute_of_day() >= 12 * 60 ? 1 : 0));
}

bool share_staff(const Model& m, std::vector<Component>& comps,
                 const std::vector<ForcedSession>& forced, const StaffDemand* demand) {
  const Instance& inst = m.inst();
  const int ns = m.slot_count();
  std::vector<int> part_of(ix(ns), -1), pos_of(ix(ns), -1);
  for (std::size_t c = 0; c < comps.size(); ++c) {
    for (std::size_t i = 0; i < comps[c].slots.size(); ++i) {
      part_of[ix(comps[c].slots[i])] = static_cast<int>(c);
      pos_of[ix(comps[c].slots[i])] = static_cast<int>(i);
    }
    for (auto& list : comps[c].coverers) list.clear();
  }
  bool any_shared = false;
  // Facilitators: per facilitator, clusters of covered slots they could not all run.
  // Covered slots per facilitator, by start time (one global sort, no per-facilitator sort).
  std::vector<int> order;
  for (int s = 0; s < ns; ++s) {
    if (part_of[ix(s)] >= 0) order.push_back(s);
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto x = inst.slots[ix(a)].time.start, y = inst.slots[ix(b)].time.start;
    return x != y ? x < y : a < b;
  });
  std::vector<std::vector<int>> covered(inst.staff.size());
  for (int s : order) {
    for (int f : m.coverers(s)) covered[ix(f)].push_back(s);
  }
  std::vector<int> named(ix(ns), -1);
  for (const ForcedSession& f : forced) named[ix(f.slot)] = f.facilitator;
  const std::int64_t gap = inst.rules.staff_gap_min * 60LL;
  std::map<std::pair<int, int>, int> given;      // (component, window) -> clusters given
  std::vector<double> need(comps.size(), -1.0);  // -1: not in the current cluster
  std::vector<int> involved;
  for (std::size_t f = 0; f < covered.size(); ++f) {
    const auto& list = covered[f];
    for (std::size_t i = 0; i < list.size();) {
      std::size_t j = i + 1;
      std::int64_t reach = inst.slots[ix(list[i])].time.end.utc_seconds + gap;
      while (j < list.size() && inst.slots[ix(list[j])].time.start.utc_seconds < reach) {
        reach = std::max(reach, inst.slots[ix(list[j])].time.end.utc_seconds + gap);
        ++j;
      }
      // Cluster list[i..j): choose the component that gets it.
      int owner = part_of[ix(list[i])];
      bool shared = false;
      for (std::size_t k = i; k < j; ++k) shared |= part_of[ix(list[k])] != owner;
      const int day = staff_window(inst, list[i]);
      if (shared) {
        any_shared = true;
        owner = -1;
        for (std::size_t k = i; k < j && owner < 0; ++k) {
          if (named[ix(list[k])] == static_cast<int>(f)) owner = part_of[ix(list[k])];
        }
        if (owner < 0) {
          involved.clear();
          for (std::size_t k = i; k < j; ++k) {
            const int c = part_of[ix(list[k])];
            if (need[ix(c)] < 0) {
              need[ix(c)] = 0.0;
              involved.push_back(c);
            }
            need[ix(c)] += static_cast<double>(m.candidates(list[k]).size());
          }
          // First the components whose demand for this window is not met yet (largest
          // shortfall first), then by candidates per facilitator already given.
          double best = -1e300;
          for (int c : involved) {
            const int g = given[{c, day}];
            double v = need[ix(c)] / (1.0 + g);
            if (demand) {
              auto it = demand->find({c, day});
              const int want = it == demand->end() ? 0 : it->second;
              if (want > g) v = 1e12 + (want - g) * 1e6 + v;
            }
            if (v > best || (v == best && c < owner)) {
              best = v;
              owner = c;
            }
          }
          for (int c : involved) need[ix(c)] = -1.0;
        }
      }
      ++given[{owner, day}];
      for (std::size_t k = i; k < j; ++k) {
        if (part_of[ix(list[k])] != owner) continue;
        comps[ix(owner)].coverers[ix(pos_of[ix(list[k])])].push_back(static_cast<int>(f));
      }
      i = j;
    }
  }
  return any_shared;
}

Instance sub_instance(const Instance& inst, const Component& comp) {
  Instance sub;
  sub.timezone = inst.timezone;
  sub.rules = inst.rules;
  sub.weights = inst.weights;
  sub.venues = inst.venues;
  sub.events = inst.events;
  sub.staff = inst.staff;
  sub.sector_names = inst.sector_names;
  sub.company_names = inst.company_names;
  std::vector<int> slot_map(inst.slots.size(), -1);
  std::vector<int> part_map(inst.participants.size(), -1);
  for (int s : comp.slots) {
    slot_map[ix(s)] = static_cast<int>(sub.slots.size());
    sub.slots.push_back(inst.slots[ix(s)]);
  }
  for (int p : comp.participants) {
    part_map[ix(p)] = static_cast<int>(sub.participants.size());
    Participant part = inst.participants[ix(p)];
    if (part.pinned_slot >= 0) part.pinned_slot = slot_map[ix(part.pinned_slot)];
    sub.participants.push_back(std::move(part));
  }
  for (const FixedSession& f : inst.fixed_sessions) {
    if (slot_map[ix(f.slot)] < 0) continue;
    FixedSession g = f;
    g.slot = slot_map[ix(f.slot)];
    sub.fixed_sessions.push_back(g);
  }
  for (const PreviousSession& prev : inst.previous) {
    if (prev.slot < 0 || slot_map[ix(prev.slot)] < 0) continue;
    PreviousSession q{slot_map[ix(prev.slot)], prev.sector, prev.facilitator, {}};
    for (int p : prev.participants) {
      if (part_map[ix(p)] >= 0) q.participants.push_back(part_map[ix(p)]);
    }
    sub.previous.push_back(std::move(q));
  }
  return sub;
}

}  // namespace tafel::solver
