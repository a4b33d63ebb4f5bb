#include "engine/time/local_time.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(LocalTime, ParsesAndFormatsWithOffset) {
  auto t = parse_iso8601("2026-01-13T16:30:00+01:00");
  ASSERT_TRUE(t.has_value()) << t.error();
  EXPECT_EQ(format_iso8601(*t), "2026-01-13T16:30:00+01:00");
  EXPECT_EQ(t->local_minute_of_day(), 16 * 60 + 30);
  EXPECT_EQ(t->local_date(), (Date{2026, 1, 13}));
}

TEST(LocalTime, ComparesInstantsAcrossOffsets) {
  auto a = parse_iso8601("2026-10-25T02:30:00+02:00");
  auto b = parse_iso8601("2026-10-25T01:30:00+01:00");  // the same instant
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(minutes_between(*parse_iso8601("2026-10-25T01:00:00+02:00"),
                            *parse_iso8601("2026-10-25T03:00:00+01:00")),
            180);
}

TEST(LocalTime, RejectsTimesWithoutOffset) {
  EXPECT_FALSE(parse_iso8601("2026-01-13T16:30:00").has_value());
  EXPECT_FALSE(parse_iso8601("2026-02-30T16:30:00+01:00").has_value());
  EXPECT_FALSE(parse_iso8601("2026-01-13T16:30:00+01:00x").has_value());
  EXPECT_TRUE(parse_iso8601("2026-01-13T15:30Z").has_value());
}

TEST(Civil, WeekdaysAndDayNumbers) {
  EXPECT_EQ(iso_weekday(Date{2026, 11, 28}), 6);  // a Saturday
  EXPECT_EQ(iso_weekday(Date{1970, 1, 1}), 4);
  for (std::int64_t z = -800000; z < 800000; z += 977)
    EXPECT_EQ(days_from_civil(civil_from_days(z)), z);
  EXPECT_EQ(add_days(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_clock_minutes("08:30"), 510);
  EXPECT_EQ(parse_clock_minutes("8:30"), -1);
}

}  // namespace
}  // namespace tafel
