#include "adapters/pages/poll_moments.hpp"

#include "adapters/pages/page_common.hpp"
#include "adapters/planning/instance_builder.hpp"
#include "engine/planning/candidate_slots.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel::pages {

std::vector<PollMoment> poll_moments(SQLite::Database& db, const Config& config,
                                     const TimeZone& zone, std::int64_t network_id, Date from,
                                     Date to) {
  planning::SlotInput in;
  in.rules = slot_rules(config.planning);
  in.from = from;
  in.to = to;
  for (const auto& v : config.venues) {
    planning::SlotVenue sv{v.id, v.region, {}};
    for (const auto& r : v.rooms) sv.rooms.push_back(planning::Room{r.name, r.capacity});
    in.venues.push_back(std::move(sv));
  }
  const LocalTime begin = zone.from_local(from, 0, 0);
  const LocalTime end = zone.from_local(add_days(to, 1), 0, 0);
  SQLite::Statement q(db,
                      "SELECT id, COALESCE(venue_id, ''), start_utc, start_offset, end_utc, "
                      "end_offset, all_day FROM events WHERE network_id = ? AND start_utc < ? "
                      "AND end_utc > ? ORDER BY start_utc, id");
  q.bind(1, network_id);
  q.bind(2, end.utc_seconds);
  q.bind(3, begin.utc_seconds);
  while (q.executeStep())
    in.events.push_back(planning::SlotEvent{
        fmt::format("e{}", q.getColumn(0).getInt64()), q.getColumn(1).getString(),
        LocalTime{q.getColumn(2).getInt64(), q.getColumn(3).getInt()},
        LocalTime{q.getColumn(4).getInt64(), q.getColumn(5).getInt()},
        q.getColumn(6).getInt() == 1});
  for (const auto& w : config.planning.windows)
    in.windows.push_back(
        planning::WeeklySlotWindow{w.weekdays, w.start_minute, w.end_minute, w.venues});
  for (const auto& c : config.closed_periods)
    in.closed.push_back(planning::ClosedPeriod{c.name, parse_date(c.from).value_or(Date{}),
                                               parse_date(c.to).value_or(Date{}), c.regions});
  for (const auto& b : config.busy_seasons)
    in.busy.push_back(planning::BusySeason{b.name, b.sector, parse_date(b.from).value_or(Date{}),
                                           parse_date(b.to).value_or(Date{})});
  for (const auto& s : config.sectors) in.sectors.push_back(s.name);

  const auto plan = planning::generate_candidate_slots(
      in, [&zone](Date d, int minute) { return zone.offset_at_local(d, minute); });

  std::map<std::string, PollMoment> by_id;
  for (const auto& slot : plan.slots) {
    const bool evening = slot.start.local_minute_of_day() >= in.rules.evening_start;
    const std::string id =
        fmt::format("{}-{}", format_date(slot.start.local_date()), evening ? "avond" : "ochtend");
    auto [it, fresh] = by_id.try_emplace(id, PollMoment{id, slot.start, slot.end, ""});
    if (!fresh) {
      it->second.start = std::min(it->second.start, slot.start);
      it->second.end = std::max(it->second.end, slot.end);
    }
  }
  std::vector<PollMoment> out;
  for (auto& [id, m] : by_id) {
    const bool evening = id.ends_with("avond");
    m.label = fmt::format("{}, {}–{} ({})", date_text(m.start), clock_text(m.start),
                          clock_text(m.end), evening ? "avond" : "ochtend");
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const PollMoment& a, const PollMoment& b) { return a.start < b.start; });
  return out;
}

std::vector<PollEvent> poll_events(SQLite::Database& db, const TimeZone& zone,
                                   std::int64_t network_id, std::int64_t now_utc, Date to) {
  const LocalTime end = zone.from_local(add_days(to, 1), 0, 0);
  SQLite::Statement q(db,
                      "SELECT id, start_utc, start_offset, title, all_day FROM events "
                      "WHERE network_id = ? AND start_utc > ? AND start_utc < ? "
                      "ORDER BY start_utc, id");
  q.bind(1, network_id);
  q.bind(2, now_utc);
  q.bind(3, end.utc_seconds);
  std::vector<PollEvent> out;
  while (q.executeStep()) {
    PollEvent e;
    e.id = q.getColumn(0).getInt64();
    e.start = {q.getColumn(1).getInt64(), q.getColumn(2).getInt()};
    const std::string title = q.getColumn(3).getString();
    e.label = q.getColumn(4).getInt() == 1
                  ? fmt::format("{}: {}", date_text(e.start), title)
                  : fmt::format("{} {}: {}", date_text(e.start), clock_text(e.start), title);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tafel::pages
