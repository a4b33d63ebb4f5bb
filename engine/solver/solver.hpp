#pragma once
// The solver of shared/spec/solve.md: checks pins and fixed sessions, splits the instance into
// components (decomposition.hpp: connectivity, geographic cuts of large parts, facilitators
// shared out using a construction-only probe of each component's demand), builds each greedily
// and improves it by large-neighbourhood search with an exact flow polish (components run on
// `threads` threads), then explains every unplaced participant. Memory and set-up time are
// linear in participants + slots + eligible (participant, slot) pairs.

#include "engine/solver/instance.hpp"
#include "engine/solver/result.hpp"

#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <vector>

namespace tafel::solver {

struct SolveOptions {
  std::uint64_t seed = 1;
  // Returns true once the caller's time is up; polled often, from up to `threads` threads at
  // once, so it must be thread-safe. Empty: no deadline. The engine never reads a clock.
  std::function<bool()> expired;
  int threads = 2;
  bool improve = true;  // false: greedy construction and flow polish only (benchmarks)
  // The search's own stopping rule per component; <= 0 picks one from the component's size n:
  // max(1500, 300 + n) iterations, or max(600, 150 + n / 5) without improvement.
  std::int64_t max_iterations = 0;
  std::int64_t stall_limit = 0;
  // Connected parts with more participants than this are cut along venue geography and
  // solved separately (see decomposition.hpp). Every cut costs quality (50,000-participant
  // bench: cap 1,200 -> 8.3 % below the bound, 2,500 -> 4.1 %, 6,000 -> 2.9 %, 12,000 -> 2.6 %)
  // while larger parts cost CPU and parallelism.
  int max_component_participants = 12000;
};

// Exit-code-3 problems: the pins and fixed sessions cannot all hold.
struct Infeasible {
  std::vector<std::string> messages;
};

// Deterministic for a fixed instance, seed and options when no deadline cuts the search.
// Result lists are in index order; the adapter orders them by id as the contract requires.
std::expected<Result, Infeasible> solve(const Instance& inst, const SolveOptions& options);

}  // namespace tafel::solver
