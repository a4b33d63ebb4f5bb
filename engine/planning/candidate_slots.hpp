#pragma once
// Candidate slots: the moments and rooms at which a praktijktafel could be held.
//
// Two kinds: slots attached to a network event at a known venue (ending `buffer_min` before it
// starts, or starting `buffer_min` after it ends), and standalone slots at venues in weekly
// windows. Every slot meets the day-edge rule (ends by `morning_end` or starts from
// `evening_start`), stays within [earliest_start, latest_end] on one local day, and avoids Dutch
// public holidays and configured holiday periods. Busy seasons close a slot to their sector.
//
// Pure: the UTC offset of a local wall-clock time is asked of the `OffsetAt` port, which the
// adapter answers from a time-zone database.

#include "engine/time/civil.hpp"
#include "engine/time/local_time.hpp"

#include <functional>
#include <string>
#include <vector>

namespace tafel::planning {

struct Room {
  std::string name;
  int capacity = 12;
};

struct SlotVenue {
  std::string id;
  std::string region;  // for region-specific holiday periods; "" = none
  std::vector<Room> rooms;
};

struct SlotEvent {
  std::string id;
  std::string venue;  // venue id; "" when the event has no known venue
  LocalTime start;
  LocalTime end;
  bool all_day = false;
};

struct WeeklySlotWindow {
  std::vector<int> weekdays;  // ISO 1..7
  int start_minute = 0;       // local minutes after midnight
  int end_minute = 0;
  std::vector<std::string> venues;  // empty: every venue
};

struct ClosedPeriod {
  std::string name;
  Date from;                         // inclusive
  Date to;                           // inclusive
  std::vector<std::string> regions;  // empty: everywhere
};

struct BusySeason {
  std::string name;
  std::string sector;
  Date from;  // inclusive
  Date to;    // inclusive
};

struct SlotRules {
  int buffer_min = 15;
  int duration_min = 60;
  int duration_max = 90;
  int duration_step = 15;
  int start_step_min = 15;  // granularity of standalone start times
  int morning_end = 8 * 60 + 30;
  int evening_start = 16 * 60;
  int earliest_start = 6 * 60 + 30;
  int latest_end = 22 * 60;
  int min_capacity = 8;  // rooms below this are not offered
};

struct SlotInput {
  SlotRules rules;
  Date from;  // first day, inclusive
  Date to;    // last day, inclusive
  std::vector<SlotVenue> venues;
  std::vector<SlotEvent> events;
  std::vector<WeeklySlotWindow> windows;
  std::vector<ClosedPeriod> closed;
  std::vector<BusySeason> busy;
  std::vector<std::string> sectors;  // every configured sector
};

struct CandidateSlot {
  std::string id;  // stable across runs: "<venue>|<room>|<local start>|<minutes>"
  std::string venue;
  std::string room;
  int capacity = 0;
  LocalTime start;
  LocalTime end;
  std::string event;  // attached event id, or ""
  bool all_sectors = true;
  std::vector<std::string> sectors;  // when !all_sectors: the sectors still allowed
};

struct ExcludedDay {
  Date date;
  std::string reason;  // e.g. "Tweede Paasdag", or a closed period's name
};

struct SlotPlan {
  std::vector<CandidateSlot> slots;  // ordered by start, then id
  std::vector<ExcludedDay> excluded_days;
};

// UTC offset in seconds in force at the given local wall-clock time.
using OffsetAt = std::function<std::int32_t(Date, int minute_of_day)>;

SlotPlan generate_candidate_slots(const SlotInput& input, const OffsetAt& offset_at);

}  // namespace tafel::planning
