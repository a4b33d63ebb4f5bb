#pragma once
// Builds the solver's instance for one network and period from the store and the
// configuration: candidate slots (engine/planning), eligible reachable members with their
// availability, facilitators with their expanded weekly availability, and the rules.
// Sessions of other networks' current proposals in the period count as busy (busy_elsewhere.hpp):
// their facilitators' time (plus staff_gap_min), their rooms, and their people.

#include "adapters/config/config.hpp"
#include "adapters/planning/busy_elsewhere.hpp"
#include "adapters/store/store.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/planning/candidate_slots.hpp"
#include "engine/solver/instance.hpp"

#include <map>
#include <string>

namespace tafel {

struct PlanningRequest {
  std::int64_t network_id = 0;
  Date from;  // first day, inclusive
  Date to;    // last day, inclusive
};

struct BuiltInstance {
  solver::Instance instance;
  planning::SlotPlan slots;  // the candidate slots, by the same ids as instance.slots
  // Participant ids are "m<member id>", event ids "e<event id>", staff ids the configured ids.
  std::map<std::string, std::string> event_titles;       // event id -> title
  std::map<std::string, std::string> participant_names;  // "m<id>" -> "Name (Company)"
  BusyEffects busy;                                      // what other networks' sessions took away
};

BuiltInstance build_instance(Store& store, const Config& config, const TimeZone& tz,
                             const PlanningRequest& request);

// The engine's slot rules and standalone windows from the configuration.
planning::SlotRules slot_rules(const PlanningConfig& p);

}  // namespace tafel
