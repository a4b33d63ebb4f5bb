#pragma once
// Turns a stored proposal into the re-solve inputs of a freshly built instance (solve.md):
// `previous` = the proposal's sessions as the coordinator left them, `pinned_slot` for pinned
// members, and a fixed session (facilitator included) for every locked session, whose members
// are all pinned to it.

#include "adapters/planning/instance_builder.hpp"
#include "adapters/store/proposals_store.hpp"

#include <string>
#include <vector>

namespace tafel {

// Applies `previous` to `built.instance`. Items the new instance no longer has (a slot that is no
// longer a candidate, a member who is no longer planned) are skipped; each skip returns one
// Dutch warning for the coordinator.
std::vector<std::string> apply_previous_proposal(BuiltInstance& built, const Proposal& previous);

}  // namespace tafel
