#include "adapters/planning/plan_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tafel {

std::string dutch_day(Date d) {
  static constexpr const char* kDays[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
  static constexpr const char* kMonths[] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                            "jul", "aug", "sep", "okt", "nov", "dec"};
  return fmt::format("{} {} {} {}", kDays[iso_weekday(d) - 1], d.day, kMonths[d.month - 1], d.year);
}

namespace {

std::string clock(LocalTime t) {
  const int m = t.local_minute_of_day();
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

std::string dutch_reason(solver::UnplacedReason r) { return dutch_unplaced_reason(to_string(r)); }

}  // namespace

std::string dutch_unplaced_reason(std::string_view reason) {
  if (reason == "no_slot_in_availability") return "geen moment in beschikbaarheid";
  if (reason == "beyond_travel_limit") return "te ver weg";
  if (reason == "sector_too_small") return "te weinig sectorgenoten";
  if (reason == "no_facilitator") return "geen facilitator beschikbaar";
  if (reason == "not_selected") return "niet gekozen";
  if (reason == "busy_elsewhere") return "al ingedeeld bij een ander netwerk";
  return std::string(reason);
}

std::string describe_moment(const Config& config, const std::string& venue_id,
                            const std::string& room, LocalTime start, LocalTime end) {
  std::string venue = venue_id;
  for (const auto& v : config.venues)
    if (v.id == venue_id) venue = v.name;
  return fmt::format("{} {}–{}, {}{}", dutch_day(start.local_date()), clock(start), clock(end),
                     venue, room.empty() ? "" : ", " + room);
}

std::string format_plan_report(const Config& config, const BuiltInstance& built,
                               const solver::Result& result) {
  const solver::Instance& inst = built.instance;
  std::map<std::string, const VenueConfig*> venues;
  for (const auto& v : config.venues) venues[v.id] = &v;
  std::map<std::string, const StaffConfig*> staff;
  for (const auto& s : config.staff) staff[s.id] = &s;

  std::string out;
  int attached = 0;
  for (const auto& s : inst.slots) attached += s.event >= 0 ? 1 : 0;
  out += fmt::format(
      "Kandidaat-momenten: {} ({} aansluitend op een bijeenkomst), "
      "uitgesloten dagen: {}\n",
      inst.slots.size(), attached, built.slots.excluded_days.size());
  if (built.busy.slots_removed > 0 || built.busy.staff_windows_cut > 0)
    out += fmt::format(
        "Bezet door andere netwerken: {} momenten (zaal al in gebruik), {} keer een "
        "facilitator\n",
        built.busy.slots_removed, built.busy.staff_windows_cut);
  std::size_t placed = 0;
  for (const auto& s : result.sessions) placed += s.participants.size();
  out += fmt::format("Deelnemers: {} geschikt en bereikbaar, {} geplaatst in {} tafels\n\n",
                     inst.participants.size(), placed, result.sessions.size());

  auto sessions = result.sessions;
  std::sort(sessions.begin(), sessions.end(), [&](const auto& a, const auto& b) {
    const auto& sa = inst.slots[static_cast<std::size_t>(a.slot)];
    const auto& sb = inst.slots[static_cast<std::size_t>(b.slot)];
    return sa.time.start != sb.time.start ? sa.time.start < sb.time.start : sa.id < sb.id;
  });
  for (const auto& session : sessions) {
    const auto& slot = inst.slots[static_cast<std::size_t>(session.slot)];
    const auto& venue = inst.venues[static_cast<std::size_t>(slot.venue)];
    const std::string venue_name = venues.contains(venue.id) ? venues[venue.id]->name : venue.id;
    const std::string& fac = inst.staff[static_cast<std::size_t>(session.facilitator)].id;
    out += fmt::format("{} {}–{}  {}{}  {}, {} deelnemers, facilitator {}\n",
                       dutch_day(slot.time.start.local_date()), clock(slot.time.start),
                       clock(slot.time.end), venue_name, slot.room.empty() ? "" : ", " + slot.room,
                       inst.sector_names[static_cast<std::size_t>(session.sector)],
                       session.participants.size(), staff.contains(fac) ? staff[fac]->name : fac);
    if (slot.event >= 0) {
      const auto& ev = inst.events[static_cast<std::size_t>(slot.event)];
      out += fmt::format("    {} {}\n", slot.time.end <= ev.time.start ? "vóór" : "na", ev.title);
    }
    for (int p : session.participants) {
      const std::string& id = inst.participants[static_cast<std::size_t>(p)].id;
      auto it = built.participant_names.find(id);
      out += fmt::format("    - {}\n", it != built.participant_names.end() ? it->second : id);
    }
  }

  std::map<std::string, int> reasons;
  for (const auto& u : result.unplaced) ++reasons[dutch_reason(u.reason)];
  if (!built.busy.excluded.empty())
    reasons[dutch_unplaced_reason("busy_elsewhere")] +=
        static_cast<int>(built.busy.excluded.size());
  const std::size_t unplaced = result.unplaced.size() + built.busy.excluded.size();
  if (unplaced > 0) {
    out += fmt::format("\nNiet geplaatst: {}\n", unplaced);
    for (const auto& [reason, n] : reasons) out += fmt::format("    {:3}  {}\n", n, reason);
  }
  out += fmt::format("\nScore {:.1f}", result.score);
  if (result.bound) out += fmt::format(" (bovengrens {:.1f})", *result.bound);
  out += "\n";
  return out;
}

}  // namespace tafel
