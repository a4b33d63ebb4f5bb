#pragma once
// Splits an instance into independent components: slots are linked when one participant may
// join both, when they clash in a room, or when one facilitator covers both and could not run
// both (staff clash). Components share nothing a session decision depends on, so each can be
// solved on its own (and in parallel).

#include "engine/solver/model.hpp"

#include <vector>

namespace tafel::solver {

struct Component {
  std::vector<int> slots;         // global slot indices, ascending
  std::vector<int> participants;  // global participant indices, ascending (those with options)
};

// Components that contain at least one participant or forced slot, largest first (ties by
// smallest slot index), so the order is deterministic.
std::vector<Component> decompose(const Model& model, const std::vector<int>& forced_slots);

// The sub-instance of one component: same rules, weights, venues, events, staff, sectors and
// companies; its slots and participants renumbered in the component's order.
Instance sub_instance(const Instance& inst, const Component& comp);

}  // namespace tafel::solver
