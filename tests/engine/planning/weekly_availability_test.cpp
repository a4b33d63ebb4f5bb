#include "engine/planning/weekly_availability.hpp"

#include <gtest/gtest.h>

namespace tafel::planning {
namespace {

std::int32_t fixed_cet(Date d, int) { return d < Date{2026, 10, 25} ? 7200 : 3600; }

TEST(WeeklyAvailability, ExpandsWindowsAndHonoursExceptions) {
  const std::vector<WeeklyWindow> windows = {{2, 7 * 60, 9 * 60}, {4, 16 * 60, 20 * 60}};
  const std::vector<DateException> exceptions = {{Date{2026, 10, 27}, Date{2026, 10, 29}, false},
                                                 {Date{2026, 10, 31}, Date{2026, 10, 31}, true}};
  const auto got =
      expand_weekly(windows, exceptions, Date{2026, 10, 20}, Date{2026, 10, 31}, fixed_cet);
  std::vector<std::string> s;
  for (const auto& i : got) s.push_back(format_iso8601(i.start) + " " + format_iso8601(i.end));
  EXPECT_EQ(s, (std::vector<std::string>{"2026-10-20T07:00:00+02:00 2026-10-20T09:00:00+02:00",
                                         "2026-10-22T16:00:00+02:00 2026-10-22T20:00:00+02:00",
                                         "2026-10-31T00:00:00+01:00 2026-11-01T00:00:00+01:00"}));
}

}  // namespace
}  // namespace tafel::planning
