#pragma once
// Read-only queries that gather a network's planning data from the store.

#include "adapters/store/store.hpp"
#include "engine/time/local_time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tafel {

// An eligible member who can be reached on at least one consented, not opted-out channel.
struct PlanningMember {
  std::int64_t id = 0;
  std::string company;
  std::string name;
  std::string sector;
  std::optional<double> lat;
  std::optional<double> lon;
};

struct PlanningEvent {
  std::int64_t id = 0;
  std::string title;
  std::string venue;  // configured venue id; "" when unknown
  LocalTime start;
  LocalTime end;
  bool all_day = false;
};

std::vector<PlanningMember> load_planning_members(Store& store, std::int64_t network_id);
// The network's event occurrences starting in [from, to).
std::vector<PlanningEvent> load_planning_events(Store& store, std::int64_t network_id,
                                                LocalTime from, LocalTime to);

}  // namespace tafel
