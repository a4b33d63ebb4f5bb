#pragma once
// Why each participant is unplaced: the first reason of solve.md that holds, with a Dutch
// sentence for the coordinator.

#include "engine/solver/model.hpp"
#include "engine/solver/result.hpp"

#include <vector>

namespace tafel::solver {

// One entry per participant not in `sessions`, in participant index order.
std::vector<Unplaced> explain_unplaced(const Model& model, const std::vector<Session>& sessions);

}  // namespace tafel::solver
