#pragma once
// Splits an instance into components that are solved on their own (and in parallel):
//  1. slots are linked when one participant may join both or when they clash in a room;
//     connected slots form a component with the participants whose options lie in it;
//  2. a component with more than `max_participants` participants is cut in two along the
//     venue geography (recursive coordinate bisection), choosing among balanced cuts the one
//     that fewest participants can cross; a participant goes to the side of their best option
//     and keeps only the options on that side (a restriction, so results stay valid);
//  3. (share_staff) facilitators are shared: each facilitator's covered slots are chained into
//     clusters of slots they could not all run (overlap or gap below staff_gap_min); a cluster
//     touching several components is handed to one of them (a named fixed session's component,
//     else the one furthest below its demand for that half-day, else the one with the most
//     candidates per facilitator already given). Within a component a facilitator may then be
//     used freely without clashing with another component.
// Every component solution is thus valid, and their union is valid.

#include "engine/solver/feasibility.hpp"
#include "engine/solver/model.hpp"

#include <map>
#include <utility>
#include <vector>

namespace tafel::solver {

struct Component {
  std::vector<int> slots;         // global slot indices, ascending
  std::vector<int> participants;  // global participant indices, ascending (those with options)
  // Per entry of `slots`: the facilitators (global, ascending) this component may use there.
  // `decompose` fills in every coverer; `share_staff` restricts them.
  std::vector<std::vector<int>> coverers;
};

// Sessions a component wants per half-day window: key (component index, staff_window).
using StaffDemand = std::map<std::pair<int, int>, int>;

// The half-day of slot `s`'s start: local day * 2 + (afternoon ? 1 : 0).
int staff_window(const Instance& inst, int s);

// Components that contain at least one participant or forced slot, largest first (ties by
// smallest slot index), so the order is deterministic.
std::vector<Component> decompose(const Model& model, const std::vector<ForcedSession>& forced,
                                 int max_participants = 12000);

// Step 3: restricts every component's coverers so no facilitator can be booked by two
// components into clashing slots. `demand` (optional) guides who gets a shared facilitator.
// Returns true when some facilitator cluster touched several components.
bool share_staff(const Model& model, std::vector<Component>& comps,
                 const std::vector<ForcedSession>& forced, const StaffDemand* demand);

// The sub-instance of one component: same rules, weights, venues, events, staff, sectors and
// companies; its slots and participants renumbered in the component's order. Build its Model
// with `comp.coverers`.
Instance sub_instance(const Instance& inst, const Component& comp);

}  // namespace tafel::solver
