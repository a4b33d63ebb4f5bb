#pragma once
// The exit-3 checks of solve.md: can the pins and fixed sessions all hold? Run before search.

#include "engine/solver/model.hpp"
#include "engine/solver/state.hpp"

#include <string>
#include <vector>

namespace tafel::solver {

// A slot that must host a session: a fixed session, or the target of pins.
struct ForcedSession {
  int slot = -1;
  int sector = -1;       // from the fixed session, else from the pins
  int facilitator = -1;  // named in fixed_sessions, else -1
  std::vector<int> pins;
};

// The forced sessions, one per slot, in slot index order (conflicting duplicates are reported
// by `check_forced`, which must pass before these are used).
std::vector<ForcedSession> forced_sessions(const Instance& inst);

// Every static reason why the pins and fixed sessions cannot all hold, one English message
// per problem naming the items involved. Empty when none is found.
std::vector<std::string> check_forced(const Model& model);

// Opens the forced sessions in `state` (which must be empty), choosing facilitators by
// backtracking and filling every session to min_group by exact flow. On failure returns the
// messages (the combination the search cannot satisfy) and leaves `state` in an unspecified
// but valid-to-discard condition.
std::vector<std::string> open_forced(State& state, const std::vector<ForcedSession>& forced);

}  // namespace tafel::solver
