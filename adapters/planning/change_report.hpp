#pragma once
// The coordinator's Dutch list of what a re-solve changed against the proposal it re-solved:
// who stayed, who moved (from where to where), who joined and who dropped out, plus the
// warnings about pins or locks that could not be kept.

#include "adapters/config/config.hpp"
#include "adapters/planning/planner.hpp"

#include <cstdint>
#include <string>

namespace tafel {

std::string format_changes(const Config& config, const PlanOutcome& outcome,
                           std::int64_t previous_number);

}  // namespace tafel
