#pragma once
// Writes a solver instance as the JSON of shared/spec/solve.md ("Instance"), so that
// `parse_instance` (and `tafelplanner solve --instance`) reads back an equal instance: the same
// collections in the same order, so every index means the same item. Every key is written,
// defaults included; optional values that are absent are left out.

#include "engine/solver/instance.hpp"

#include <nlohmann/json.hpp>

namespace tafel::solve_io {

nlohmann::json instance_to_json(const solver::Instance& inst);

}  // namespace tafel::solve_io
