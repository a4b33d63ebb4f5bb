#pragma once
// The objective of solve.md recomputed from scratch, and a proven upper bound on it.

#include "engine/solver/model.hpp"
#include "engine/solver/result.hpp"

#include <vector>

namespace tafel::solver {

// Σ over members (placed + at_event + stability − per_km·km) − per_session · |sessions|.
double compute_score(const Model& model, const std::vector<Session>& sessions);

// Upper bound: each session's cost is shared by at most `seats` members, so
//   score ≤ Σ_p max(0, max_s (value(p, s) − per_session / seats(s)))
// over the slots s that could host p at all (rules 1, 2, 4, enough distinct-company peers of
// p's sector, some facilitator); a pinned participant takes their pinned slot's term, even when
// negative. Valid for per_session ≥ 0 (with a negative per_session min_group replaces seats).
double upper_bound(const Model& model);

// True when slot `s` passes reason 3 of solve.md for `sector`: at least min_group
// participants of that sector and of distinct companies may join it.
bool enough_peers(const Model& model, int s, int sector);

}  // namespace tafel::solver
