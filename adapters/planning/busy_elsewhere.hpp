#pragma once
// Sessions of other networks' current proposals are busy for a new planning run: a facilitator
// cannot be in two places (nor within staff_gap_min of another session), a room hosts one table
// at a time, and one person (the same lower-cased e-mail or the same mobile number, in any
// network) sits at one table per period.

#include "adapters/store/proposals_store.hpp"
#include "engine/planning/candidate_slots.hpp"
#include "engine/solver/instance.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct ExcludedMember {
  std::int64_t member_id = 0;
  std::string detail;  // Dutch: where they already sit
};

struct BusyEffects {
  int slots_removed = 0;                 // candidate slots in a room that is taken
  int staff_windows_cut = 0;             // facilitator availability intervals shortened or split
  std::vector<ExcludedMember> excluded;  // people left out of the run (reason busy_elsewhere)
};

// Cuts each busy session, widened by `inst.rules.staff_gap_min` on both sides, out of its
// facilitator's availability, and removes the slots (from `inst` and `plan` alike, which must
// list the same ids in the same order) whose venue and room overlap a busy session in time.
// Call before any index into `inst.slots` is taken (pins, fixed sessions, previous).
BusyEffects take_busy_staff_and_rooms(solver::Instance& inst, planning::SlotPlan& plan,
                                      const std::vector<BusySession>& busy);

// A Dutch explanation when `contact` belongs to a person at one of the busy sessions.
std::optional<std::string> busy_person(const std::vector<BusySession>& busy,
                                       const std::optional<MemberContact>& contact);

}  // namespace tafel
