#pragma once
// Greedy session opening with a lazy priority queue, shared by the construction and the LNS
// repair. A plan for (slot, sector) takes free participants and members of sessions above
// min_group (when moving them gains), with distinct companies, up to the slot's seats.

#include "engine/solver/state.hpp"

#include <optional>
#include <vector>

namespace tafel::solver {

struct SessionKey {
  int slot = -1;
  int sector = -1;
  friend bool operator==(const SessionKey&, const SessionKey&) = default;
};

struct SessionPlan {
  SessionKey key;
  double gain = 0.0;  // score change if applied (includes -per_session)
  State::StaffPlan staff;
  std::vector<int> members;
};

// Best plan for opening `key` in `state` now, or nullopt when the slot is taken, its room is
// busy, no facilitator is free, or fewer than min_group people can join.
std::optional<SessionPlan> plan_session(const State& state, SessionKey key);

// Opens the session and moves its members in (journalled).
void apply_plan(State& state, const SessionPlan& plan);

// Every (slot, sector) pair worth considering: usable slot, sector allowed, at least min_group
// candidates of that sector from distinct companies (Model::enough_peers). Deterministic order.
std::vector<SessionKey> all_session_keys(const Model& model);

// Repeatedly opens the best positive-gain plan among `keys` (lazy re-evaluation) until none is
// left, skipping keys listed in `banned`. Returns the number of sessions opened.
int greedy_open(State& state, const std::vector<SessionKey>& keys,
                const std::vector<SessionKey>& banned = {});

// Puts free, unpinned participants into open sessions with a seat left (best value first).
void fill_free(State& state, const std::vector<int>& participants);

}  // namespace tafel::solver

namespace tafel::solver {

// Re-opens the sessions of Instance::previous that still hold (usable slot, room and a
// facilitator free, at least min_group previous members still eligible), keeping their
// previous facilitator when possible. Used before the greedy so a re-solve starts from the
// earlier plan.
void warm_start(State& state);

}  // namespace tafel::solver
