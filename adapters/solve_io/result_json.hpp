#pragma once
// Writes a solver result as the JSON of shared/spec/solve.md ("Result"), with ids in place of
// indices and every list in the contract's order: sessions by slot start then slot id,
// participant lists, `unplaced` and `rejected_slots` by id (byte order). Adds `changes` when
// the instance has a previous result.

#include "engine/solver/instance.hpp"
#include "engine/solver/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace tafel::solve_io {

nlohmann::json result_to_json(const solver::Instance& inst, const solver::Result& result,
                              std::int64_t elapsed_ms);

}  // namespace tafel::solve_io
