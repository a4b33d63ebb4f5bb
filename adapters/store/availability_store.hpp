#pragma once
// Members' availability intervals in the store.

#include "adapters/store/store.hpp"
#include "engine/time/local_time.hpp"

#include <map>
#include <vector>

namespace tafel {

struct AvailabilityInterval {
  LocalTime start;
  LocalTime end;
};

// Replaces the intervals `member_id` has from `source` with `intervals`. Runs inside the
// caller's transaction when one is open (SQLite nests none: the caller owns it).
void replace_availability(Store& store, std::int64_t member_id, const std::string& source,
                          const std::vector<AvailabilityInterval>& intervals);

// Every member's intervals that overlap [from, to), ordered by start.
std::map<std::int64_t, std::vector<AvailabilityInterval>> load_availability(Store& store,
                                                                            LocalTime from,
                                                                            LocalTime to);

}  // namespace tafel
