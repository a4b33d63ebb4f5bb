#pragma once
// Hard rule 1: which slots may host a session at all.

#include "engine/solver/instance.hpp"
#include "engine/solver/result.hpp"

#include <optional>
#include <vector>

namespace tafel::solver {

// The first rejection reason that holds for `slot`, in the order of solve.md
// (spans_days, too_short, too_long, capacity_below_min_group, not_at_day_edge);
// nullopt when the slot passes rule 1.
std::optional<SlotRejection> reject_reason(const Rules& rules, const Slot& slot);

// Every slot failing rule 1, in slot index order.
std::vector<RejectedSlot> rejected_slots(const Instance& inst);

// True when the two slots share venue and room and overlap in time (touching is no overlap).
bool rooms_clash(const Slot& a, const Slot& b);

}  // namespace tafel::solver
