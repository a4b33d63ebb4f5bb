#pragma once
// Exact assignment for a fixed set of open sessions: a min-cost flow with lower bounds
// (source -> participant -> [company, session] -> session [min_group..seats] -> sink, plus an
// "unplaced" arc per unpinned participant), solved with LEMON's network simplex.

#include "engine/solver/state.hpp"

namespace tafel::solver {

enum class FlowOutcome { improved, unchanged, infeasible };

// Reassigns every participant among the sessions open in `state` (sessions, sectors and
// facilitators stay) to maximise the score. Pinned participants stay in their slot; companies
// stay distinct per session; every open session gets min_group..seats members.
// On `infeasible` or `unchanged` the state is left as it was; on `improved` the changes are
// journalled like any other mutation.
FlowOutcome optimise_assignment(State& state);

}  // namespace tafel::solver
