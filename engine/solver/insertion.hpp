#pragma once
// "Where does this one newcomer fit best?" without a full re-solve: the open sessions of a
// result that the participant may join as they stand (sector, availability, travel, a free
// seat, no colleague at the table), best objective value first.

#include "engine/solver/model.hpp"
#include "engine/solver/result.hpp"

#include <vector>

namespace tafel::solver {

struct InsertionOption {
  int slot = -1;
  double gain = 0.0;  // score increase when the participant joins
};

// `participant` must be an index of the model's instance and not yet in `sessions`.
// At most `limit` options.
std::vector<InsertionOption> insertion_options(const Model& model,
                                               const std::vector<Session>& sessions,
                                               int participant, std::size_t limit = 5);

}  // namespace tafel::solver
