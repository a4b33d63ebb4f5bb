#pragma once
// The moments an availability poll offers, and the network events it lists.
//
// Candidate slots are not stored per planning round, so the poll computes them the way the
// planner does (engine/planning generate_candidate_slots with adapters/planning slot_rules, the
// configured venues, windows, closed periods and busy seasons, and the network's events in the
// round's period), then folds them into meeting-poll moments: one per local day and day edge
// ("ochtend": slots ending by morning_end, "avond": slots from evening_start), spanning the
// earliest slot start to the latest slot end of that part of the day. A ticked moment becomes
// one availability interval (source 'poll').

#include "adapters/config/config.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/time/civil.hpp"
#include "engine/time/local_time.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tafel::pages {

struct PollMoment {
  std::string id;  // "2026-10-13-ochtend" | "2026-10-13-avond"
  LocalTime start;
  LocalTime end;
  std::string label;  // "dinsdag 13 oktober 2026, 07:00–08:30 (ochtend)"
};

struct PollEvent {
  std::int64_t id = 0;
  LocalTime start;
  std::string label;  // "dinsdag 13 oktober 2026 19:30: Ledenvergadering"
};

// Moments in [from, to] (local days, inclusive) for `network_id`, ordered by start.
std::vector<PollMoment> poll_moments(SQLite::Database& db, const Config& config,
                                     const TimeZone& zone, std::int64_t network_id, Date from,
                                     Date to);

// The network's events that start after `now_utc` and before the end of local day `to`.
std::vector<PollEvent> poll_events(SQLite::Database& db, const TimeZone& zone,
                                   std::int64_t network_id, std::int64_t now_utc, Date to);

}  // namespace tafel::pages
