#include "adapters/planning/instance_builder.hpp"

#include "adapters/store/availability_store.hpp"
#include "adapters/store/planning_queries.hpp"
#include "adapters/store/proposals_store.hpp"
#include "engine/planning/weekly_availability.hpp"
#include "engine/text/normalize.hpp"

#include <fmt/format.h>

namespace tafel {

namespace {

Date must_date(const std::string& s) { return parse_date(s).value_or(Date{}); }

solver::Interval interval(LocalTime a, LocalTime b) { return solver::Interval{a, b}; }

}  // namespace

planning::SlotRules slot_rules(const PlanningConfig& p) {
  planning::SlotRules r;
  r.buffer_min = p.buffer_min;
  r.duration_min = p.duration_min;
  r.duration_max = p.duration_max;
  r.duration_step = p.duration_step;
  r.start_step_min = p.start_step_min;
  r.morning_end = p.morning_end;
  r.evening_start = p.evening_start;
  r.earliest_start = p.earliest_start;
  r.latest_end = p.latest_end;
  r.min_capacity = p.min_group;
  return r;
}

BuiltInstance build_instance(Store& store, const Config& config, const TimeZone& tz,
                             const PlanningRequest& req) {
  BuiltInstance out;
  solver::Instance& inst = out.instance;
  inst.timezone = tz.name();
  const PlanningConfig& p = config.planning;
  inst.rules.min_group = p.min_group;
  inst.rules.max_group = p.max_group;
  inst.rules.duration_min = p.duration_min;
  inst.rules.duration_max = p.duration_max;
  inst.rules.morning_end_min = p.morning_end;
  inst.rules.evening_start_min = p.evening_start;
  inst.rules.max_travel_km = p.max_travel_km;
  inst.rules.staff_gap_min = p.staff_gap_min;
  for (const auto& s : config.sectors) inst.intern_sector(s.name);

  const planning::OffsetAt offset_at = [&tz](Date d, int minute) {
    return tz.offset_at_local(d, minute);
  };
  const LocalTime from = tz.from_local(req.from, 0, 0);
  const LocalTime to = tz.from_local(add_days(req.to, 1), 0, 0);

  // Venues.
  std::map<std::string, int> venue_index;
  planning::SlotInput slot_input;
  slot_input.rules = slot_rules(p);
  slot_input.from = req.from;
  slot_input.to = req.to;
  for (const auto& v : config.venues) {
    venue_index[v.id] = static_cast<int>(inst.venues.size());
    inst.venues.push_back(solver::Venue{v.id, solver::GeoPoint{v.lat, v.lon}});
    planning::SlotVenue sv{v.id, v.region, {}};
    for (const auto& r : v.rooms) sv.rooms.push_back(planning::Room{r.name, r.capacity});
    slot_input.venues.push_back(std::move(sv));
  }

  // Events at known venues.
  std::map<std::string, int> event_index;
  for (const auto& e : load_planning_events(store, req.network_id, from, to)) {
    const std::string id = fmt::format("e{}", e.id);
    out.event_titles[id] = e.title;
    slot_input.events.push_back(planning::SlotEvent{id, e.venue, e.start, e.end, e.all_day});
    if (e.venue.empty() || !venue_index.contains(e.venue)) continue;
    event_index[id] = static_cast<int>(inst.events.size());
    inst.events.push_back(
        solver::Event{id, venue_index[e.venue], interval(e.start, e.end), e.title});
  }

  for (const auto& w : p.windows)
    slot_input.windows.push_back(
        planning::WeeklySlotWindow{w.weekdays, w.start_minute, w.end_minute, w.venues});
  for (const auto& c : config.closed_periods)
    slot_input.closed.push_back(
        planning::ClosedPeriod{c.name, must_date(c.from), must_date(c.to), c.regions});
  for (const auto& b : config.busy_seasons)
    slot_input.busy.push_back(
        planning::BusySeason{b.name, b.sector, must_date(b.from), must_date(b.to)});
  for (const auto& s : config.sectors) slot_input.sectors.push_back(s.name);

  out.slots = planning::generate_candidate_slots(slot_input, offset_at);
  for (const auto& cs : out.slots.slots) {
    solver::Slot s;
    s.id = cs.id;
    s.venue = venue_index.at(cs.venue);
    s.room = cs.room;
    s.time = interval(cs.start, cs.end);
    s.capacity = cs.capacity;
    s.event = cs.event.empty() ? -1 : event_index.at(cs.event);
    s.all_sectors = cs.all_sectors;
    for (const auto& name : cs.sectors) s.sectors.push_back(inst.intern_sector(name));
    inst.slots.push_back(std::move(s));
  }

  // Facilitators (experts join sessions later; they do not bound the solver).
  for (const auto& st : config.staff) {
    if (st.role != "facilitator") continue;
    std::vector<planning::WeeklyWindow> weekly;
    for (const auto& w : st.availability)
      weekly.push_back(planning::WeeklyWindow{w.weekday, w.start_minute, w.end_minute});
    std::vector<planning::DateException> exceptions;
    for (const auto& e : st.exceptions)
      exceptions.push_back(
          planning::DateException{must_date(e.from), must_date(e.to), e.available});
    solver::Staff staff{st.id, {}};
    for (const auto& i : planning::expand_weekly(weekly, exceptions, req.from, req.to, offset_at))
      staff.availability.push_back(interval(i.start, i.end));
    inst.staff.push_back(std::move(staff));
  }

  // Busy elsewhere: other networks' sessions take facilitators' time and rooms.
  const auto busy = load_busy_sessions(store, req.network_id, from, to);
  out.busy = take_busy_staff_and_rooms(inst, out.slots, busy);

  // Participants: eligible, reachable members, with whatever availability they gave, except
  // people already at a table of another network in the period.
  const auto availability = load_availability(store, from, to);
  for (const auto& m : load_planning_members(store, req.network_id)) {
    if (auto why = busy_person(busy, member_contact(store, m.id))) {
      out.busy.excluded.push_back(ExcludedMember{m.id, std::move(*why)});
      out.participant_names[fmt::format("m{}", m.id)] = fmt::format("{} ({})", m.name, m.company);
      continue;
    }
    solver::Participant part;
    part.id = fmt::format("m{}", m.id);
    out.participant_names[part.id] = fmt::format("{} ({})", m.name, m.company);
    part.sector = inst.intern_sector(m.sector);
    part.company = inst.intern_company(normalize_key(m.company));
    if (m.lat && m.lon) part.location = solver::GeoPoint{*m.lat, *m.lon};
    if (auto it = availability.find(m.id); it != availability.end())
      for (const auto& a : it->second) part.availability.push_back(interval(a.start, a.end));
    inst.participants.push_back(std::move(part));
  }
  return out;
}

}  // namespace tafel
