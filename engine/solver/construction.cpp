#include "engine/solver/construction.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

struct Offer {
  double gain;
  int participant;
  int from;  // slot the participant leaves, or -1
};
}  // namespace

std::optional<SessionPlan> plan_session(const State& st, SessionKey key) {
  const Model& m = st.model();
  const Instance& inst = m.inst();
  const int s = key.slot;
  if (st.is_open(s) || !st.room_free(s)) return std::nullopt;
  const State::StaffPlan staff = st.find_facilitator(s, true);
  if (staff.f < 0) return std::nullopt;

  thread_local std::vector<Offer> offers;  // scratch, reused across calls of one thread
  offers.clear();
  for (const Candidate& c : m.candidates(s, key.sector)) {
    if (m.pinned(c.participant)) continue;
    const int from = st.where(c.participant);
    if (from < 0) {
      offers.push_back(Offer{c.value, c.participant, -1});
    } else if (st.size(from) > inst.rules.min_group) {
      offers.push_back(Offer{c.value - st.seat_value(c.participant), c.participant, from});
    }
  }
  if (static_cast<int>(offers.size()) < inst.rules.min_group) return std::nullopt;
  // Best gain first (ties: lower participant index). Only the head is usually needed: sort
  // a prefix, and the rest only if the loop below runs past it.
  auto better = [](const Offer& a, const Offer& b) {
    return a.gain != b.gain ? a.gain > b.gain : a.participant < b.participant;
  };
  const std::size_t head = std::min(offers.size(), static_cast<std::size_t>(m.seats(s)) * 2 + 8);
  std::partial_sort(offers.begin(), offers.begin() + static_cast<std::ptrdiff_t>(head),
                    offers.end(), better);

  SessionPlan plan{key, -inst.weights.per_session, staff, {}};
  std::vector<int> companies;
  std::vector<std::pair<int, int>> taken_from;  // (slot, count)
  const int seats = m.seats(s);
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (i == head)
      std::sort(offers.begin() + static_cast<std::ptrdiff_t>(head), offers.end(), better);
    const Offer& o = offers[i];
    if (static_cast<int>(plan.members.size()) >= seats) break;
    if (o.gain <= 0 && static_cast<int>(plan.members.size()) >= inst.rules.min_group) break;
    const int company = m.company(o.participant);
    if (company >= 0 && std::find(companies.begin(), companies.end(), company) != companies.end())
      continue;
    if (o.from >= 0) {
      auto it = std::find_if(taken_from.begin(), taken_from.end(),
                             [&](const auto& t) { return t.first == o.from; });
      if (it == taken_from.end()) it = taken_from.insert(taken_from.end(), {o.from, 0});
      if (st.size(o.from) - it->second <= inst.rules.min_group) continue;
      ++it->second;
    }
    if (company >= 0) companies.push_back(company);
    plan.members.push_back(o.participant);
    plan.gain += o.gain;
  }
  if (static_cast<int>(plan.members.size()) < inst.rules.min_group) return std::nullopt;
  return plan;
}

void apply_plan(State& st, const SessionPlan& plan) {
  const int f = st.apply_staff_plan(plan.staff);
  st.open(plan.key.slot, plan.key.sector, f, false, false);
  for (int p : plan.members) {
    if (st.where(p) >= 0) st.remove(p);
    st.add(p, plan.key.slot);
  }
}

std::vector<SessionKey> all_session_keys(const Model& m) {
  std::vector<SessionKey> keys;
  for (int s = 0; s < m.slot_count(); ++s) {
    if (!m.usable(s) || m.coverers(s).empty()) continue;
    for (int k = 0; k < m.sector_count(); ++k) {
      if (m.enough_peers(s, k)) keys.push_back(SessionKey{s, k});
    }
  }
  return keys;
}

int greedy_open(State& st, const std::vector<SessionKey>& keys,
                const std::vector<SessionKey>& banned) {
  struct Entry {
    double gain;
    std::size_t index;
    bool operator<(const Entry& o) const {
      return gain < o.gain || (gain == o.gain && index > o.index);
    }
  };
  std::priority_queue<Entry> queue;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (std::find(banned.begin(), banned.end(), keys[i]) != banned.end()) continue;
    if (auto plan = plan_session(st, keys[i]); plan && plan->gain > 0) {
      queue.push(Entry{plan->gain, i});
    }
  }
  int opened = 0;
  while (!queue.empty()) {
    const Entry top = queue.top();
    queue.pop();
    auto plan = plan_session(st, keys[top.index]);
    if (!plan || plan->gain <= 0) continue;
    if (!queue.empty() && plan->gain + 1e-9 < queue.top().gain) {
      queue.push(Entry{plan->gain, top.index});
      continue;
    }
    apply_plan(st, *plan);
    ++opened;
  }
  return opened;
}

void fill_free(State& st, const std::vector<int>& participants) {
  const Model& m = st.model();
  const Instance& inst = m.inst();
  for (int p : participants) {
    if (st.where(p) >= 0 || st.pinned(p)) continue;
    const Participant& part = inst.participants[ix(p)];
    for (const Option& o : m.options(p)) {
      if (o.value <= 0) break;
      if (!st.is_open(o.slot) || st.session(o.slot).sector != part.sector) continue;
      if (st.size(o.slot) >= m.seats(o.slot) || !st.company_free(o.slot, part.company)) continue;
      st.add(p, o.slot);
      break;
    }
  }
}

}  // namespace tafel::solver

namespace tafel::solver {

void warm_start(State& st) {
  const Model& m = st.model();
  const Instance& inst = m.inst();
  for (const PreviousSession& prev : inst.previous) {
    const int s = prev.slot;
    if (s < 0 || prev.sector < 0 || !m.usable(s) || st.is_open(s) || !st.room_free(s)) continue;
    if (!inst.slot_allows(s, prev.sector)) continue;
    int f = -1;
    const auto& cov = m.coverers(s);
    if (prev.facilitator >= 0 && std::find(cov.begin(), cov.end(), prev.facilitator) != cov.end() &&
        st.facilitator_free(prev.facilitator, s)) {
      f = prev.facilitator;
    } else {
      f = st.find_facilitator(s, false).f;
    }
    if (f < 0) continue;
    std::vector<int> members;
    std::vector<int> companies;
    for (int p : prev.participants) {
      const Participant& part = inst.participants[static_cast<std::size_t>(p)];
      if (st.where(p) >= 0 || part.pinned_slot >= 0 || part.sector != prev.sector) continue;
      const auto& opts = m.options(p);
      if (std::none_of(opts.begin(), opts.end(), [&](const Option& o) { return o.slot == s; }))
        continue;
      if (part.company >= 0) {
        if (std::find(companies.begin(), companies.end(), part.company) != companies.end())
          continue;
        companies.push_back(part.company);
      }
      if (static_cast<int>(members.size()) < m.seats(s)) members.push_back(p);
    }
    if (static_cast<int>(members.size()) < inst.rules.min_group) continue;
    st.open(s, prev.sector, f, false, false);
    for (int p : members) st.add(p, s);
  }
}

}  // namespace tafel::solver
