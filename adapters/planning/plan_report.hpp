#pragma once
// The coordinator's plain-text view of a proposed schedule, in Dutch.

#include "adapters/config/config.hpp"
#include "adapters/planning/instance_builder.hpp"
#include "engine/solver/result.hpp"

#include <string>

namespace tafel {

std::string format_plan_report(const Config& config, const BuiltInstance& built,
                               const solver::Result& result);

// "di 8 dec 2026"
std::string dutch_day(Date d);

}  // namespace tafel
