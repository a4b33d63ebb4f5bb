#pragma once
// Runs one planning round for a network: builds the instance (applying a previous proposal for
// a re-solve), writes it as solve.md JSON and solves exactly what that JSON reads back as, so
// `tafelplanner solve --instance` on `instance_json` replays the run. The clock is read here
// (the adapter), never in the engine.

#include "adapters/planning/instance_builder.hpp"
#include "adapters/store/proposals_store.hpp"
#include "engine/solver/solver.hpp"

#include <expected>
#include <string>
#include <vector>

namespace tafel {

struct PlanOutcome {
  BuiltInstance built;  // built.instance is the instance solved (parsed back from instance_json)
  solver::Result result;
  std::string instance_json;          // solve.md "Instance"
  std::string result_json;            // solve.md "Result", as `solve` writes it (with `changes`)
  std::vector<std::string> warnings;  // Dutch: pins or locks the new instance could not keep
  std::int64_t elapsed_ms = 0;
};

// Builds the instance and its JSON (no result yet). `previous`: the proposal being re-solved,
// or nullptr for a fresh run.
std::expected<PlanOutcome, solver::Infeasible> prepare_planning(Store& store, const Config& config,
                                                                const TimeZone& tz,
                                                                const PlanningRequest& request,
                                                                const Proposal* previous);
// Solves a prepared outcome in place within `time_limit_ms` from now; fills result,
// result_json and elapsed_ms (the solve's own duration).
std::expected<void, solver::Infeasible> solve_prepared(PlanOutcome& outcome,
                                                       std::int64_t time_limit_ms,
                                                       std::uint64_t seed);

// prepare_planning, then solve_prepared.
std::expected<PlanOutcome, solver::Infeasible> run_planning(
    Store& store, const Config& config, const TimeZone& tz, const PlanningRequest& request,
    std::int64_t time_limit_ms, std::uint64_t seed, const Proposal* previous = nullptr);

}  // namespace tafel
