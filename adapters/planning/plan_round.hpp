#pragma once
// One planning run end to end, as `plan` and `proposals resolve` do it: prepare the instance
// (optionally re-solving a stored proposal), optionally export it, solve, and store the result
// as a new numbered proposal (superseding the network's earlier proposed one) in one transaction.

#include "adapters/planning/planner.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>

namespace tafel {

struct PlanRoundOptions {
  std::int64_t time_limit_ms = 20000;
  std::uint64_t seed = 1;
  std::string theme;                      // empty on a re-solve: the previous proposal's theme
  std::optional<std::int64_t> resolve;    // proposal to re-solve (its network and period win)
  std::filesystem::path export_instance;  // when set, the instance JSON is written here first
};

struct PlanRoundError {
  int exit_code = 1;  // 2 bad input (unknown or final proposal), 3 pins/locks cannot hold, 1 I/O
  std::string message;
};

struct StoredPlan {
  std::int64_t number = 0;
  PlanningRequest request;
  PlanOutcome outcome;
  std::optional<Proposal> previous;
};

// `request` is ignored on a re-solve. Nothing is stored unless the solve succeeds.
std::expected<StoredPlan, PlanRoundError> plan_and_store(Store& store, const Config& config,
                                                         const TimeZone& tz,
                                                         PlanningRequest request,
                                                         const PlanRoundOptions& options);

// "Voorstel N" and the Dutch report, plus the changes on a re-solve.
std::string format_stored_plan(const Config& config, const StoredPlan& plan);

}  // namespace tafel
