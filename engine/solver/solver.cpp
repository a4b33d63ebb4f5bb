#include "engine/solver/solver.hpp"

#include "engine/solver/assignment_flow.hpp"
#include "engine/solver/changes.hpp"
#include "engine/solver/construction.hpp"
#include "engine/solver/decomposition.hpp"
#include "engine/solver/feasibility.hpp"
#include "engine/solver/lns.hpp"
#include "engine/solver/reasons.hpp"
#include "engine/solver/score.hpp"
#include "engine/solver/slot_filter.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace tafel::solver {

namespace {
std::size_t ix(int i) { return static_cast<std::size_t>(i); }

struct ComponentOutcome {
  std::vector<Session> sessions;  // global indices
  std::vector<std::string> infeasible;
  double construction_score = 0.0;
  std::int64_t iterations = 0;
  bool deadline = false;
};

// `probe`: construction only (no search, no flow), to measure the component's staff demand.
ComponentOutcome solve_component(const Instance& inst, const Component& comp,
                                 const SolveOptions& opt, std::uint64_t seed, bool probe) {
  ComponentOutcome out;
  const Instance sub = sub_instance(inst, comp);
  const Model model(sub, &comp.coverers);
  State state(model);
  out.infeasible = open_forced(state, forced_sessions(sub));
  if (!out.infeasible.empty()) return out;
  const std::vector<SessionKey> keys = all_session_keys(model);
  warm_start(state);
  greedy_open(state, keys);
  std::vector<int> everyone(ix(model.participant_count()));
  for (int p = 0; p < model.participant_count(); ++p) everyone[ix(p)] = p;
  fill_free(state, everyone);
  // Exact assignment on the constructed sessions (measured: +7 % over the bare greedy at
  // n = 2,000, and a better start for the search); skipped in the demand probe.
  if (!probe) optimise_assignment(state);
  state.commit();
  out.construction_score = state.score();
  if (opt.improve && !probe) {
    LnsOptions lo;
    lo.seed = seed;
    const std::int64_t n = model.participant_count();
    // Own stopping rule: small components get a floor of iterations (they are cheap there).
    lo.max_iterations =
        opt.max_iterations > 0 ? opt.max_iterations : std::max<std::int64_t>(1500, 300 + n);
    lo.stall_limit =
        opt.stall_limit > 0 ? opt.stall_limit : std::max<std::int64_t>(600, 150 + n / 5);
    lo.expired = opt.expired ? &opt.expired : nullptr;
    const LnsStats st = run_lns(state, keys, lo);
    out.iterations = st.iterations;
    out.deadline = st.stopped_by_deadline;
    optimise_assignment(state);
    state.commit();
  }
  for (int s : state.open_slots()) {
    const OpenSession& x = state.session(s);
    Session g{comp.slots[ix(s)], x.sector, x.facilitator, {}};
    for (int p : x.members) g.participants.push_back(comp.participants[ix(p)]);
    std::sort(g.participants.begin(), g.participants.end());
    out.sessions.push_back(std::move(g));
  }
  return out;
}

std::uint64_t mix(std::uint64_t seed, std::uint64_t k) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (k + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
}  // namespace

std::expected<Result, Infeasible> solve(const Instance& inst, const SolveOptions& opt) {
  const Model model(inst);
  if (auto msgs = check_forced(model); !msgs.empty()) return std::unexpected(Infeasible{msgs});

  const std::vector<ForcedSession> forced = forced_sessions(inst);
  std::vector<Component> comps = decompose(model, forced, opt.max_component_participants);
  const int threads = std::clamp(opt.threads, 1, 16);
  // Runs `job(i)` for every component on up to `threads` threads.
  auto for_each_component = [&](std::size_t count, const auto& job) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i = next++; i < count; i = next++) job(i);
    };
    if (threads == 1 || count < 2) {
      worker();
      return;
    }
    std::vector<std::jthread> pool;
    for (int t = 0; t < std::min<int>(threads, static_cast<int>(count)); ++t) {
      pool.emplace_back(worker);
    }
  };

  // Facilitators shared between components: first measure what each component would use
  // with all of them (construction only), then hand each shared facilitator's time to one.
  std::vector<Component> probe = comps;
  if (share_staff(model, comps, forced, nullptr)) {
    std::vector<ComponentOutcome> trial(probe.size());
    for_each_component(probe.size(), [&](std::size_t i) {
      trial[i] = solve_component(inst, probe[i], opt, mix(opt.seed, i), true);
    });
    StaffDemand demand;
    for (std::size_t i = 0; i < trial.size(); ++i) {
      for (const Session& x : trial[i].sessions) {
        ++demand[{static_cast<int>(i), staff_window(inst, x.slot)}];
      }
    }
    comps = std::move(probe);
    share_staff(model, comps, forced, &demand);
  }

  std::vector<ComponentOutcome> outcomes(comps.size());
  for_each_component(comps.size(), [&](std::size_t i) {
    outcomes[i] = solve_component(inst, comps[i], opt, mix(opt.seed, i), false);
  });

  Result r;
  Infeasible bad;
  for (ComponentOutcome& o : outcomes) {
    bad.messages.insert(bad.messages.end(), o.infeasible.begin(), o.infeasible.end());
    r.sessions.insert(r.sessions.end(), o.sessions.begin(), o.sessions.end());
    r.stats.construction_score += o.construction_score;
    r.stats.lns_iterations += o.iterations;
    r.stats.stopped_by_deadline = r.stats.stopped_by_deadline || o.deadline;
  }
  if (!bad.messages.empty()) return std::unexpected(std::move(bad));
  std::sort(r.sessions.begin(), r.sessions.end(),
            [](const Session& a, const Session& b) { return a.slot < b.slot; });
  r.stats.components = static_cast<int>(comps.size());
  r.rejected_slots = rejected_slots(inst);
  r.unplaced = explain_unplaced(model, r.sessions);
  r.score = compute_score(model, r.sessions);
  r.bound = std::max(upper_bound(model), r.score);
  r.changes = diff_against_previous(inst, r.sessions);
  return r;
}

}  // namespace tafel::solver
