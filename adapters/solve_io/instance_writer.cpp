#include "adapters/solve_io/instance_writer.hpp"

#include <fmt/format.h>

namespace tafel::solve_io {

namespace {
using nlohmann::json;
using namespace tafel::solver;

std::string clock(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

json interval(const Interval& i) {
  return {{"start", format_iso8601(i.start)}, {"end", format_iso8601(i.end)}};
}

json intervals(const std::vector<Interval>& list) {
  json out = json::array();
  for (const Interval& i : list) out.push_back(interval(i));
  return out;
}

template <typename T>
const std::string& id_at(const std::vector<T>& list, int index) {
  return list[static_cast<std::size_t>(index)].id;
}

const std::string& name_at(const std::vector<std::string>& names, int index) {
  return names[static_cast<std::size_t>(index)];
}

}  // namespace

json instance_to_json(const Instance& inst) {
  json out = json::object();
  out["timezone"] = inst.timezone;
  const Rules& r = inst.rules;
  out["rules"] = {{"min_group", r.min_group},
                  {"max_group", r.max_group},
                  {"duration_min", r.duration_min},
                  {"duration_max", r.duration_max},
                  {"morning_end", clock(r.morning_end_min)},
                  {"evening_start", clock(r.evening_start_min)},
                  {"max_travel_km", r.max_travel_km},
                  {"staff_gap_min", r.staff_gap_min}};
  const Weights& w = inst.weights;
  out["weights"] = {{"placed", w.placed},
                    {"at_event", w.at_event},
                    {"per_km", w.per_km},
                    {"per_session", w.per_session},
                    {"stability", w.stability}};

  json venues = json::array();
  for (const Venue& v : inst.venues)
    venues.push_back({{"id", v.id}, {"lat", v.location.lat}, {"lon", v.location.lon}});
  out["venues"] = std::move(venues);

  json events = json::array();
  for (const Event& e : inst.events) {
    json j = interval(e.time);
    j["id"] = e.id;
    j["venue"] = id_at(inst.venues, e.venue);
    j["title"] = e.title;
    events.push_back(std::move(j));
  }
  out["events"] = std::move(events);

  json slots = json::array();
  for (const Slot& s : inst.slots) {
    json j = interval(s.time);
    j["id"] = s.id;
    j["venue"] = id_at(inst.venues, s.venue);
    j["room"] = s.room;
    j["capacity"] = s.capacity;
    if (s.event >= 0) j["event"] = id_at(inst.events, s.event);
    if (!s.all_sectors) {
      json sectors = json::array();
      for (int k : s.sectors) sectors.push_back(name_at(inst.sector_names, k));
      j["sectors"] = std::move(sectors);
    }
    slots.push_back(std::move(j));
  }
  out["slots"] = std::move(slots);

  json staff = json::array();
  for (const Staff& f : inst.staff)
    staff.push_back({{"id", f.id}, {"availability", intervals(f.availability)}});
  out["staff"] = std::move(staff);

  json participants = json::array();
  for (const Participant& p : inst.participants) {
    json j = {{"id", p.id}, {"sector", name_at(inst.sector_names, p.sector)}};
    if (p.company >= 0) j["company"] = name_at(inst.company_names, p.company);
    if (p.location) {
      j["lat"] = p.location->lat;
      j["lon"] = p.location->lon;
    }
    j["availability"] = intervals(p.availability);
    json attends = json::array();
    for (int e : p.attends_events) attends.push_back(id_at(inst.events, e));
    j["attends_events"] = std::move(attends);
    if (p.max_travel_km) j["max_travel_km"] = *p.max_travel_km;
    j["pinned_slot"] = p.pinned_slot >= 0 ? json(id_at(inst.slots, p.pinned_slot)) : json(nullptr);
    participants.push_back(std::move(j));
  }
  out["participants"] = std::move(participants);

  json fixed = json::array();
  for (const FixedSession& f : inst.fixed_sessions) {
    json j = {{"slot", id_at(inst.slots, f.slot)},
              {"sector", name_at(inst.sector_names, f.sector)}};
    if (f.facilitator >= 0) j["facilitator"] = id_at(inst.staff, f.facilitator);
    fixed.push_back(std::move(j));
  }
  out["fixed_sessions"] = std::move(fixed);

  if (!inst.previous.empty()) {
    json sessions = json::array();
    for (const PreviousSession& s : inst.previous) {
      json j = {{"slot", id_at(inst.slots, s.slot)}};
      if (s.sector >= 0) j["sector"] = name_at(inst.sector_names, s.sector);
      if (s.facilitator >= 0) j["facilitator"] = id_at(inst.staff, s.facilitator);
      json members = json::array();
      for (int p : s.participants) members.push_back(id_at(inst.participants, p));
      j["participants"] = std::move(members);
      sessions.push_back(std::move(j));
    }
    out["previous"] = {{"sessions", std::move(sessions)}};
  }
  return out;
}

}  // namespace tafel::solve_io
