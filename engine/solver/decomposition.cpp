#include "engine/solver/decomposition.hpp"

#include <algorithm>
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

std::vector<Component> decompose(const Model& m, const std::vector<int>& forced_slots) {
  const Instance& inst = m.inst();
  const int ns = m.slot_count();
  UnionFind uf(ns);
  for (int p = 0; p < m.participant_count(); ++p) {
    const auto& opts = m.options(p);
    for (std::size_t i = 1; i < opts.size(); ++i) uf.unite(opts[0].slot, opts[i].slot);
  }
  std::vector<std::vector<int>> covered(inst.staff.size());
  for (int s = 0; s < ns; ++s) {
    for (int t : m.room_conflicts(s)) uf.unite(s, t);
    for (int f : m.coverers(s)) covered[ix(f)].push_back(s);
  }
  const std::int64_t gap = inst.rules.staff_gap_min * 60LL;
  for (auto& list : covered) {
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      return inst.slots[ix(a)].time.start < inst.slots[ix(b)].time.start;
    });
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::int64_t reach = inst.slots[ix(list[i])].time.end.utc_seconds + gap;
      for (std::size_t j = i + 1; j < list.size(); ++j) {
        if (inst.slots[ix(list[j])].time.start.utc_seconds >= reach) break;
        uf.unite(list[i], list[j]);
      }
    }
  }
  std::vector<int> comp_of(ix(ns), -1);
  std::vector<Component> comps;
  auto comp_for = [&](int s) {
    const int r = uf.find(s);
    if (comp_of[ix(r)] < 0) {
      comp_of[ix(r)] = static_cast<int>(comps.size());
      comps.emplace_back();
    }
    return comp_of[ix(r)];
  };
  std::vector<char> relevant(ix(ns), 0);
  for (int p = 0; p < m.participant_count(); ++p) {
    if (m.options(p).empty()) continue;
    comps[ix(comp_for(m.options(p)[0].slot))].participants.push_back(p);
    for (const Option& o : m.options(p)) relevant[ix(o.slot)] = 1;
  }
  for (int s : forced_slots) {
    comp_for(s);
    relevant[ix(s)] = 1;
  }
  for (int s = 0; s < ns; ++s) {
    if (!relevant[ix(s)]) continue;
    comps[ix(comp_for(s))].slots.push_back(s);
  }
  // Slots nobody may join and that are not forced never host a session: left out.
  std::stable_sort(comps.begin(), comps.end(), [](const Component& a, const Component& b) {
    if (a.participants.size() != b.participants.size()) {
      return a.participants.size() > b.participants.size();
    }
    return a.slots.front() < b.slots.front();
  });
  return comps;
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
