#include "adapters/tz/time_zone.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(TimeZone, AmsterdamOffsetsAcrossDst) {
  auto tz = TimeZone::locate("Europe/Amsterdam");
  ASSERT_TRUE(tz.has_value()) << tz.error();
  EXPECT_EQ(tz->offset_at_local(Date{2026, 10, 24}, 19 * 60), 7200);
  EXPECT_EQ(tz->offset_at_local(Date{2026, 10, 25}, 19 * 60), 3600);
  EXPECT_EQ(tz->offset_at_local(Date{2026, 3, 29}, 1 * 60), 3600);
  EXPECT_EQ(tz->offset_at_local(Date{2026, 3, 29}, 4 * 60), 7200);
  EXPECT_EQ(format_iso8601(tz->from_local(Date{2026, 11, 3}, 19, 30)), "2026-11-03T19:30:00+01:00");
  EXPECT_EQ(format_iso8601(tz->from_utc(tz->from_local(Date{2026, 7, 1}, 7, 0).utc_seconds)),
            "2026-07-01T07:00:00+02:00");
}

TEST(TimeZone, UnknownZoneIsAnError) {
  auto tz = TimeZone::locate("Europe/Atlantis");
  ASSERT_FALSE(tz.has_value());
  EXPECT_NE(tz.error().find("Europe/Atlantis"), std::string::npos);
}

}  // namespace
}  // namespace tafel
