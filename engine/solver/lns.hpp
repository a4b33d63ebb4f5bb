#pragma once
// Large-neighbourhood search: close 1-5 related sessions (same venue and time, same sector
// nearby, same facilitator or clashing times), or make room for one unplaced participant, then
// reopen greedily (taking members from tables above min_group) and keep the result when the
// score does not drop. Hill climbing with plateau moves; deterministic for a fixed seed.
// Cost per iteration is independent of the component's size: the seed session is drawn from
// the open list, related sessions come from per-slot neighbour lists (32 nearest by venue km +
// hours / 12, and the slots one facilitator could not also run) built once, an unplaced person
// from the State's free list, and the repair only considers slots near the destroyed ones.

#include "engine/solver/construction.hpp"
#include "engine/solver/state.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace tafel::solver {

struct LnsOptions {
  std::uint64_t seed = 1;
  std::int64_t max_iterations = 10000;  // the search's own stopping rule...
  std::int64_t stall_limit = 2000;      // ...and iterations without improvement
  // Polled once per iteration; must be thread-safe when components run in parallel.
  const std::function<bool()>* expired = nullptr;
};

struct LnsStats {
  std::int64_t iterations = 0;
  bool stopped_by_deadline = false;
};

// Improves `state` in place; `keys` are the session candidates (see all_session_keys).
// The state stays valid (every hard rule) after each iteration.
LnsStats run_lns(State& state, const std::vector<SessionKey>& keys, const LnsOptions& options);

}  // namespace tafel::solver
