#pragma once
// Who moved, joined or left compared with Instance::previous.

#include "engine/solver/instance.hpp"
#include "engine/solver/result.hpp"

#include <vector>

namespace tafel::solver {

// Lists in participant index order; `kept` counts participants in the same slot as before.
Changes diff_against_previous(const Instance& inst, const std::vector<Session>& sessions);

}  // namespace tafel::solver
