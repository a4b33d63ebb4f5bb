#include "engine/calendar/dutch_holidays.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

bool has(const std::vector<Holiday>& hs, Date d, const std::string& name) {
  for (const auto& h : hs)
    if (h.date == d && h.name == name) return true;
  return false;
}

TEST(DutchHolidays, EasterDates) {
  EXPECT_EQ(easter_sunday(2024), (Date{2024, 3, 31}));
  EXPECT_EQ(easter_sunday(2025), (Date{2025, 4, 20}));
  EXPECT_EQ(easter_sunday(2026), (Date{2026, 4, 5}));
  EXPECT_EQ(easter_sunday(2027), (Date{2027, 3, 28}));
  EXPECT_EQ(easter_sunday(2038), (Date{2038, 4, 25}));  // latest possible
  EXPECT_EQ(easter_sunday(2285), (Date{2285, 3, 22}));  // earliest possible
}

TEST(DutchHolidays, EasterBasedDays2026) {
  const auto hs = dutch_public_holidays(2026);
  EXPECT_TRUE(has(hs, Date{2026, 4, 3}, "Goede Vrijdag"));
  EXPECT_TRUE(has(hs, Date{2026, 4, 6}, "Tweede Paasdag"));
  EXPECT_TRUE(has(hs, Date{2026, 5, 14}, "Hemelvaartsdag"));
  EXPECT_TRUE(has(hs, Date{2026, 5, 25}, "Tweede Pinksterdag"));
  EXPECT_EQ(hs.size(), 11u);
}

TEST(DutchHolidays, KoningsdagMovesOffSunday) {
  // 27 April 2025 and 2031 are Sundays: Koningsdag is on Saturday the 26th.
  EXPECT_TRUE(has(dutch_public_holidays(2025), Date{2025, 4, 26}, "Koningsdag"));
  EXPECT_TRUE(has(dutch_public_holidays(2031), Date{2031, 4, 26}, "Koningsdag"));
  EXPECT_TRUE(has(dutch_public_holidays(2026), Date{2026, 4, 27}, "Koningsdag"));
}

}  // namespace
}  // namespace tafel
