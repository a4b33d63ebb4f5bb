#include "engine/solver/lns.hpp"

#include "engine/solver/geo.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

class Lns {
 public:
  Lns(State& st, const std::vector<SessionKey>& keys, const LnsOptions& opt)
      : st_(st), m_(st.model()), inst_(m_.inst()), keys_(keys), opt_(opt), rng_(opt.seed) {
    keys_by_slot_.resize(ix(m_.slot_count()));
    for (std::size_t i = 0; i < keys.size(); ++i) keys_by_slot_[ix(keys[i].slot)].push_back(i);
    stamp_.assign(keys.size(), 0);
    build_neighbours();
  }

  LnsStats run() {
    LnsStats stats;
    std::int64_t stall = 0;
    st_.commit();
    while (stats.iterations < opt_.max_iterations && stall < opt_.stall_limit) {
      if (opt_.expired && (*opt_.expired)()) {
        stats.stopped_by_deadline = true;
        break;
      }
      ++stats.iterations;
      const double before = st_.score();
      const std::size_t mark = st_.mark();
      if (!step()) {
        ++stall;
        continue;
      }
      if (st_.score() > before + 1e-7) {
        stall = 0;
        st_.commit();
      } else if (st_.score() >= before - 1e-9) {
        ++stall;
        st_.commit();
      } else {
        ++stall;
        st_.rollback(mark);
      }
    }
    return stats;
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

  double venue_km(int a, int b) const {
    const int va = inst_.slots[ix(a)].venue;
    const int vb = inst_.slots[ix(b)].venue;
    if (va == vb) return 0.0;
    return haversine_km(inst_.venues[ix(va)].location, inst_.venues[ix(vb)].location);
  }
  double hours_apart(int a, int b) const {
    return std::abs(static_cast<double>(inst_.slots[ix(a)].time.start.utc_seconds -
                                        inst_.slots[ix(b)].time.start.utc_seconds)) /
           3600.0;
  }

  // Per slot with keys: the kNear nearest other such slots (venue km + hours / 12), and the
  // slots one facilitator could not run together with it. Built once per component, so an
  // iteration's cost does not grow with the component.
  void build_neighbours() {
    static constexpr std::size_t kNear = 32;
    std::vector<int> slots;
    for (std::size_t s = 0; s < keys_by_slot_.size(); ++s) {
      if (!keys_by_slot_[s].empty()) slots.push_back(static_cast<int>(s));
    }
    near_.resize(keys_by_slot_.size());
    area_.assign(keys_by_slot_.size(), 0);
    clash_.resize(keys_by_slot_.size());
    std::vector<std::pair<double, int>> all;
    for (int a : slots) {
      all.clear();
      for (int b : slots) {
        if (b != a) all.emplace_back(venue_km(a, b) + hours_apart(a, b) / 12.0, b);
      }
      const std::size_t k = std::min(kNear, all.size());
      std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
      for (std::size_t i = 0; i < k; ++i) near_[ix(a)].push_back(all[i].second);
    }
    std::vector<int> by_start = slots;
    std::sort(by_start.begin(), by_start.end(), [&](int a, int b) {
      const auto x = inst_.slots[ix(a)].time.start, y = inst_.slots[ix(b)].time.start;
      return x != y ? x < y : a < b;
    });
    const std::int64_t reach = 86400;  // a staff clash needs starts less than a day apart
    for (std::size_t i = 0; i < by_start.size(); ++i) {
      for (std::size_t j = i + 1; j < by_start.size(); ++j) {
        const int a = by_start[i], b = by_start[j];
        if (inst_.slots[ix(b)].time.start.utc_seconds - inst_.slots[ix(a)].time.start.utc_seconds >
            reach) {
          break;
        }
        if (m_.staff_clash(a, b)) {
          clash_[ix(a)].push_back(b);
          clash_[ix(b)].push_back(a);
        }
      }
    }
  }

  // One destroy-and-repair step; false when nothing could be destroyed.
  bool step() {
    std::vector<int> to_close;
    std::vector<SessionKey> forced_first;
    const int mode = static_cast<int>(pick(4));
    int seed = -1;
    const auto& open = st_.open_slots();
    if (mode != 3 && !open.empty()) {
      for (int tries = 0; tries < 8 && seed < 0; ++tries) {
        const int s = open[pick(open.size())];
        if (!st_.session(s).forced) seed = s;
      }
    }
    if (seed < 0) {
      if (!make_room(to_close, forced_first)) return false;
    } else {
      const std::size_t k = 1 + pick(5);
      std::vector<std::pair<double, int>> near;
      auto consider = [&](int t, double d) {
        if (t == seed || !st_.is_open(t) || st_.session(t).forced) return;
        for (const auto& e : near) {
          if (e.second == t) return;
        }
        near.emplace_back(d * (1.0 + 0.5 * uniform()), t);
      };
      if (mode == 0) {
        for (int t : near_[ix(seed)]) consider(t, venue_km(seed, t) + hours_apart(seed, t) / 12.0);
      } else if (mode == 1) {
        for (int t : near_[ix(seed)]) {
          if (st_.is_open(t) && st_.session(t).sector == st_.session(seed).sector) {
            consider(t, venue_km(seed, t) + hours_apart(seed, t) / 24.0);
          }
        }
      } else {
        for (int t : st_.staff_slots(st_.session(seed).facilitator)) {
          consider(t, hours_apart(seed, t));
        }
        for (int t : clash_[ix(seed)]) consider(t, hours_apart(seed, t));
      }
      std::sort(near.begin(), near.end());
      to_close.push_back(seed);
      for (std::size_t i = 0; i + 1 < k && i < near.size(); ++i) to_close.push_back(near[i].second);
    }
    repair(to_close, forced_first);
    return true;
  }

  // Picks an unplaced participant and one of their slots, and closes what blocks a session
  // of their sector there (its room, a session in that slot, one clashing facilitator's).
  bool make_room(std::vector<int>& to_close, std::vector<SessionKey>& forced_first) {
    const std::vector<int>& free = st_.free_participants();
    if (free.empty()) return false;
    const int p = free[pick(free.size())];
    const auto& opts = m_.options(p);
    const int s = opts[pick(std::min<std::size_t>(opts.size(), 8))].slot;
    const SessionKey key{s, inst_.participants[ix(p)].sector};
    if (st_.is_open(s)) {
      if (st_.session(s).forced || st_.session(s).sector == key.sector) return false;
      to_close.push_back(s);
    }
    for (int t : m_.room_conflicts(s)) {
      if (!st_.is_open(t)) continue;
      if (st_.session(t).forced) return false;
      to_close.push_back(t);
    }
    if (st_.find_facilitator(s, true).f < 0) {
      const auto& cov = m_.coverers(s);
      if (cov.empty()) return false;
      const int f = cov[pick(cov.size())];
      for (int t : st_.staff_slots(f)) {
        if (!m_.staff_clash(s, t)) continue;
        if (st_.session(t).forced) return false;
        to_close.push_back(t);
      }
    }
    forced_first.push_back(key);
    return true;
  }

  void repair(const std::vector<int>& to_close, const std::vector<SessionKey>& forced_first) {
    std::vector<int> freed;
    std::vector<SessionKey> banned;
    const bool ban = uniform() < 0.5;
    for (int s : to_close) {
      if (!st_.is_open(s)) continue;
      const OpenSession& x = st_.session(s);
      freed.insert(freed.end(), x.members.begin(), x.members.end());
      if (ban) banned.push_back(SessionKey{s, x.sector});
      st_.close(s);
    }
    for (const SessionKey& key : forced_first) {
      if (auto plan = plan_session(st_, key)) apply_plan(st_, *plan);
      for (const Candidate& c : m_.candidates(key.slot, key.sector)) {
        if (st_.where(c.participant) < 0) freed.push_back(c.participant);
      }
    }
    ++epoch_;
    std::vector<SessionKey> keys;
    auto add_slot_keys = [&](int s, int sector) {
      for (std::size_t i : keys_by_slot_[ix(s)]) {
        if (stamp_[i] == epoch_ || (sector >= 0 && keys_[i].sector != sector)) continue;
        stamp_[i] = epoch_;
        keys.push_back(keys_[i]);
      }
    };
    // Candidate sessions: at the closed slots, and at slots near them (or near the slot a
    // participant is made room for) that freed people may join. Bounded by the neighbour
    // lists, so the cost of a step does not grow with the component.
    ++area_epoch_;
    auto mark_area = [&](int s) {
      area_[ix(s)] = area_epoch_;
      for (int t : near_[ix(s)]) area_[ix(t)] = area_epoch_;
    };
    for (int s : to_close) mark_area(s);
    for (const SessionKey& key : forced_first) mark_area(key.slot);
    for (int s : to_close) add_slot_keys(s, -1);
    for (int p : freed) {
      for (const Option& o : m_.options(p)) {
        if (area_[ix(o.slot)] == area_epoch_)
          add_slot_keys(o.slot, inst_.participants[ix(p)].sector);
      }
    }
    greedy_open(st_, keys, banned);
    fill_free(st_, freed);
  }

  State& st_;
  const Model& m_;
  const Instance& inst_;
  const std::vector<SessionKey>& keys_;
  const LnsOptions& opt_;
  std::mt19937_64 rng_;
  std::vector<std::vector<std::size_t>> keys_by_slot_;
  std::vector<std::vector<int>> near_;
  std::vector<std::vector<int>> clash_;
  std::vector<std::uint32_t> area_;
  std::uint32_t area_epoch_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 0;
};
}  // namespace

LnsStats run_lns(State& state, const std::vector<SessionKey>& keys, const LnsOptions& options) {
  return Lns(state, keys, options).run();
}

}  // namespace tafel::solver
