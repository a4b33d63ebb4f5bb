#include "engine/planning/weekly_availability.hpp"

#include <algorithm>

namespace tafel::planning {

std::vector<TimeInterval> expand_weekly(const std::vector<WeeklyWindow>& windows,
                                        const std::vector<DateException>& exceptions, Date from,
                                        Date to, const OffsetAt& offset_at) {
  std::vector<TimeInterval> out;
  auto interval = [&](Date d, int s, int e) {
    out.push_back(TimeInterval{
        make_local_time(d, s / 60, s % 60, 0, offset_at(d, s)),
        e >= 24 * 60 ? make_local_time(add_days(d, 1), 0, 0, 0, offset_at(add_days(d, 1), 0))
                     : make_local_time(d, e / 60, e % 60, 0, offset_at(d, e))});
  };
  for (std::int64_t z = days_from_civil(from); z <= days_from_civil(to); ++z) {
    const Date d = civil_from_days(z);
    const DateException* rule = nullptr;
    for (const auto& ex : exceptions)
      if (!(d < ex.from) && !(ex.to < d)) rule = &ex;
    if (rule) {
      if (rule->available) interval(d, 0, 24 * 60);
      continue;
    }
    const int wd = iso_weekday(d);
    for (const auto& w : windows)
      if (w.weekday == wd && w.end_minute > w.start_minute)
        interval(d, w.start_minute, w.end_minute);
  }
  std::sort(out.begin(), out.end(),
            [](const TimeInterval& a, const TimeInterval& b) { return a.start < b.start; });
  return out;
}

}  // namespace tafel::planning
