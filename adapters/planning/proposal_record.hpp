#pragma once
// The store's rows for a planning outcome: one session per result session (venue, room, times,
// attached event and facilitator from the instance), members pinned where the instance pinned
// them, sessions locked where they were fixed by a locked session of the previous proposal, and
// every unplaced participant with the solver's reason, plus those left out as busy elsewhere.

#include "adapters/planning/planner.hpp"
#include "adapters/store/proposals_store.hpp"

#include <cstdint>
#include <string>

namespace tafel {

struct ProposalSettings {
  std::string theme;
  std::uint64_t seed = 1;
  std::int64_t time_limit_ms = 0;
  const Proposal* previous = nullptr;  // the re-solved proposal, or nullptr
};

Proposal proposal_from_outcome(const PlanOutcome& outcome, const PlanningRequest& request,
                               const ProposalSettings& settings);

// "m42" -> 42; 0 when `participant_id` is not a member id.
std::int64_t member_id_of(const std::string& participant_id);

}  // namespace tafel
