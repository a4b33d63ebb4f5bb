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

// "di 8 dec 2026 16:30–18:00, Vakwerkhuis Ede, Valleizaal" (configured venue name when known).
std::string describe_moment(const Config& config, const std::string& venue_id,
                            const std::string& room, LocalTime start, LocalTime end);

// A Dutch label of a solver unplaced reason or "busy_elsewhere".
std::string dutch_unplaced_reason(std::string_view reason);

}  // namespace tafel
