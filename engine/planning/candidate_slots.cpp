#include "engine/planning/candidate_slots.hpp"

#include "engine/calendar/dutch_holidays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace tafel::planning {

namespace {

bool in_range(Date d, Date from, Date to) { return !(d < from) && !(to < d); }

// Why the day is closed for a venue in `region`, or "" when it is open.
class DayRules {
 public:
  explicit DayRules(const SlotInput& in) : in_(in) {
    for (int y = in.from.year; y <= in.to.year; ++y)
      for (const auto& h : dutch_public_holidays(y)) holidays_[h.date] = h.name;
  }

  std::string closed_reason(Date d, const std::string& region) const {
    if (auto it = holidays_.find(d); it != holidays_.end()) return it->second;
    for (const auto& p : in_.closed) {
      if (!in_range(d, p.from, p.to)) continue;
      if (p.regions.empty() ||
          std::find(p.regions.begin(), p.regions.end(), region) != p.regions.end())
        return p.name;
    }
    return "";
  }

  // Sectors not in a busy season on `d`; `all` is true when none is busy.
  std::vector<std::string> open_sectors(Date d, bool& all) const {
    std::set<std::string> busy;
    for (const auto& b : in_.busy)
      if (in_range(d, b.from, b.to)) busy.insert(b.sector);
    all = busy.empty();
    std::vector<std::string> out;
    for (const auto& s : in_.sectors)
      if (!busy.contains(s)) out.push_back(s);
    return out;
  }

 private:
  const SlotInput& in_;
  std::map<Date, std::string> holidays_;
};

class Builder {
 public:
  Builder(const SlotInput& in, const OffsetAt& offset_at)
      : in_(in), offset_at_(offset_at), days_(in) {
    for (const auto& v : in.venues) venues_[v.id] = &v;
  }

  // Adds slots in every room of `venue` on local day `d` from `start_min` for `minutes`.
  void add(const SlotVenue& venue, Date d, int start_min, int minutes, const std::string& event) {
    const SlotRules& r = in_.rules;
    const int end_min = start_min + minutes;
    if (start_min < r.earliest_start || end_min > r.latest_end) return;
    if (!(end_min <= r.morning_end || start_min >= r.evening_start)) return;
    if (!days_.closed_reason(d, venue.region).empty()) return;
    bool all = true;
    auto sectors = days_.open_sectors(d, all);
    if (sectors.empty()) return;
    for (const auto& room : venue.rooms) {
      if (room.capacity < r.min_capacity) continue;
      CandidateSlot s;
      s.venue = venue.id;
      s.room = room.name;
      s.capacity = room.capacity;
      s.start = make_local_time(d, start_min / 60, start_min % 60, 0, offset_at_(d, start_min));
      s.end = make_local_time(d, end_min / 60, end_min % 60, 0, offset_at_(d, end_min));
      s.id = fmt::format("{}|{}|{}T{:02}:{:02}|{}", venue.id, room.name, format_date(d),
                         start_min / 60, start_min % 60, minutes);
      s.event = event;
      s.all_sectors = all;
      if (!all) s.sectors = sectors;
      // An event-attached slot wins over an identical standalone one.
      auto [it, inserted] = slots_.try_emplace(s.id, s);
      if (!inserted && it->second.event.empty() && !event.empty()) it->second = s;
    }
  }

  void add_event_slots() {
    const SlotRules& r = in_.rules;
    for (const auto& e : in_.events) {
      if (e.all_day || e.venue.empty()) continue;
      auto vit = venues_.find(e.venue);
      if (vit == venues_.end()) continue;
      const Date sd = e.start.local_date();
      const Date ed = e.end.local_date();
      if (!in_range(sd, in_.from, in_.to)) continue;
      for (int d = r.duration_min; d <= r.duration_max; d += r.duration_step) {
        const int before_end = e.start.local_minute_of_day() - r.buffer_min;
        if (before_end - d >= 0) add(*vit->second, sd, before_end - d, d, e.id);
        const int after_start = e.end.local_minute_of_day() + r.buffer_min;
        if (in_range(ed, in_.from, in_.to) && after_start + d <= 24 * 60)
          add(*vit->second, ed, after_start, d, e.id);
      }
    }
  }

  void add_window_slots() {
    const SlotRules& r = in_.rules;
    for (std::int64_t z = days_from_civil(in_.from); z <= days_from_civil(in_.to); ++z) {
      const Date d = civil_from_days(z);
      const int wd = iso_weekday(d);
      for (const auto& w : in_.windows) {
        if (std::find(w.weekdays.begin(), w.weekdays.end(), wd) == w.weekdays.end()) continue;
        for (const auto& v : in_.venues) {
          if (!w.venues.empty() &&
              std::find(w.venues.begin(), w.venues.end(), v.id) == w.venues.end())
            continue;
          for (int dur = r.duration_min; dur <= r.duration_max; dur += r.duration_step)
            for (int s = w.start_minute; s + dur <= w.end_minute; s += r.start_step_min)
              add(v, d, s, dur, "");
        }
      }
    }
  }

  SlotPlan finish() {
    SlotPlan plan;
    for (auto& [id, s] : slots_) plan.slots.push_back(std::move(s));
    std::sort(plan.slots.begin(), plan.slots.end(), [](const auto& a, const auto& b) {
      return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    for (std::int64_t z = days_from_civil(in_.from); z <= days_from_civil(in_.to); ++z) {
      const Date d = civil_from_days(z);
      const std::string why = days_.closed_reason(d, "");
      if (!why.empty()) plan.excluded_days.push_back(ExcludedDay{d, why});
    }
    return plan;
  }

 private:
  const SlotInput& in_;
  const OffsetAt& offset_at_;
  DayRules days_;
  std::map<std::string, const SlotVenue*> venues_;
  std::map<std::string, CandidateSlot> slots_;
};

}  // namespace

SlotPlan generate_candidate_slots(const SlotInput& input, const OffsetAt& offset_at) {
  Builder b(input, offset_at);
  if (input.rules.duration_step <= 0 || input.rules.start_step_min <= 0) return b.finish();
  b.add_event_slots();
  b.add_window_slots();
  return b.finish();
}

}  // namespace tafel::planning
