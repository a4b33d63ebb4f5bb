#pragma once
// The scheduling instance of shared/spec/solve.md, with every id resolved to an index.
// Built by an adapter (JSON, the store); the solver trusts that indices are in range and that
// intervals have end > start (the adapter rejects anything else with exit code 2).

#include "engine/time/local_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tafel::solver {

struct Rules {
  int min_group = 8;
  int max_group = 12;
  int duration_min = 60;
  int duration_max = 90;
  int morning_end_min = 8 * 60 + 30;  // minutes since local midnight
  int evening_start_min = 16 * 60;
  double max_travel_km = 40.0;
  int staff_gap_min = 30;
};

struct Weights {
  double placed = 1000.0;
  double at_event = 100.0;
  double per_km = 1.0;
  double per_session = 100.0;
  double stability = 50.0;
};

struct Interval {
  LocalTime start;
  LocalTime end;
  // True when `inner` lies wholly inside this interval.
  bool covers(const Interval& inner) const { return start <= inner.start && inner.end <= end; }
};

struct GeoPoint {
  double lat = 0.0;
  double lon = 0.0;
};

struct Venue {
  std::string id;
  GeoPoint location;
};

struct Event {
  std::string id;
  int venue = -1;
  Interval time;
  std::string title;
};

struct Slot {
  std::string id;
  int venue = -1;
  std::string room;  // "" is the venue's single default room
  Interval time;
  int capacity = 12;
  int event = -1;            // -1: not attached to an event
  bool all_sectors = true;   // when false, only `sectors` may use the slot
  std::vector<int> sectors;  // indices into Instance::sector_names
};

struct Staff {
  std::string id;
  std::vector<Interval> availability;
};

struct Participant {
  std::string id;
  int sector = -1;
  int company = -1;                  // -1: no company; indices into Instance::company_names
  std::optional<GeoPoint> location;  // absent: travel limit waived, per-km term 0
  std::vector<Interval> availability;
  std::vector<int> attends_events;      // event indices
  std::optional<double> max_travel_km;  // absent: Rules::max_travel_km
  int pinned_slot = -1;
};

struct FixedSession {
  int slot = -1;
  int sector = -1;
  int facilitator = -1;  // -1: any facilitator
};

// A session of an earlier result; unknown ids have already been dropped by the adapter.
struct PreviousSession {
  int slot = -1;
  int sector = -1;
  int facilitator = -1;
  std::vector<int> participants;
};

struct Instance {
  std::string timezone = "Europe/Amsterdam";
  Rules rules;
  Weights weights;
  std::vector<Venue> venues;
  std::vector<Event> events;
  std::vector<Slot> slots;
  std::vector<Staff> staff;
  std::vector<Participant> participants;
  std::vector<FixedSession> fixed_sessions;
  std::vector<PreviousSession> previous;
  std::vector<std::string> sector_names;
  std::vector<std::string> company_names;

  bool slot_allows(int slot, int sector) const;
  // Index of a sector name, adding it when new.
  int intern_sector(const std::string& name);
  int intern_company(const std::string& name);
};

}  // namespace tafel::solver
