#pragma once
// Runs one planning round for a network: builds the instance, solves it within a time limit.
// The clock is read here (the adapter), never in the engine.

#include "adapters/planning/instance_builder.hpp"
#include "engine/solver/solver.hpp"

#include <expected>

namespace tafel {

struct PlanOutcome {
  BuiltInstance built;
  solver::Result result;
  std::int64_t elapsed_ms = 0;
};

std::expected<PlanOutcome, solver::Infeasible> run_planning(Store& store, const Config& config,
                                                            const TimeZone& tz,
                                                            const PlanningRequest& request,
                                                            std::int64_t time_limit_ms,
                                                            std::uint64_t seed);

}  // namespace tafel
