#pragma once
// Waitlist order by fit. Best first:
//   1. same sector as the session, 2. available at the session's moment, 3. no colleague of
//   the same company holding a seat, 4. came to this group before, 5. people who answered
//   before reserves who were only enlisted, 6. earlier answer (or enlisting) first, 7. id.
// Criteria 1–3 are compared in that order (lexicographically). Criterion 3 depends on who holds
// a seat now, so the order can change as people come and go.

#include "engine/rsvp/state.hpp"

#include <vector>

namespace tafel::rsvp {

// Everyone waitlisted, best fit first.
std::vector<PersonId> waitlist_order(const State& state);

// 1-based position of `person` in waitlist_order, 0 when not waitlisted.
int waitlist_position(const State& state, PersonId person);

}  // namespace tafel::rsvp
