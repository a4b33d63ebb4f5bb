#include "engine/outreach/daily_reach.hpp"

#include <gtest/gtest.h>

namespace tafel::outreach {
namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kNow = 1'800'000'000;

TEST(Window, OpenForTwentyFourHoursAfterTheLastInboundMessage) {
  EXPECT_TRUE(outside_window(std::nullopt, kNow));
  EXPECT_FALSE(outside_window(kNow - 10, kNow));
  EXPECT_FALSE(outside_window(kNow - kDay + 1, kNow));
  EXPECT_TRUE(outside_window(kNow - kDay, kNow));
  EXPECT_TRUE(outside_window(kNow + 5, kNow));  // later message hides earlier ones: counts
}

TEST(DailyReach, CountsDistinctPeopleOutsideTheirWindowInTheLastDay) {
  std::vector<ReachSend> sends = {
      {1, kNow - 100, std::nullopt},       // counted
      {1, kNow - 50, std::nullopt},        // same person: still one
      {2, kNow - 100, kNow - 200},         // inside window when sent: not counted
      {3, kNow - kDay - 1, std::nullopt},  // older than a day
      {4, kNow - 10, kNow - 2 * kDay},     // window long closed: counted
  };
  DailyReach reach(3, sends, kNow);
  EXPECT_EQ(reach.counted(), 2u);
  EXPECT_EQ(reach.check(1, std::nullopt), DailyReach::Verdict::already_counted);
  EXPECT_EQ(reach.check(5, kNow - 60), DailyReach::Verdict::inside_window);
  EXPECT_EQ(reach.check(5, std::nullopt), DailyReach::Verdict::fits);
  reach.add(5, std::nullopt);
  EXPECT_EQ(reach.check(6, std::nullopt), DailyReach::Verdict::over_limit);
  EXPECT_EQ(reach.check(6, kNow - 60), DailyReach::Verdict::inside_window);
  EXPECT_EQ(reach.check(4, std::nullopt), DailyReach::Verdict::already_counted);
  // Three counted (latest sends kNow-50, kNow-10, kNow): the first place frees a day after
  // the oldest.
  EXPECT_EQ(reach.next_free_utc(), kNow - 50 + kDay);
}

TEST(DailyReach, NoLimitAndBelowLimitHaveNoWait) {
  DailyReach none(0, {{1, kNow - 1, std::nullopt}}, kNow);
  EXPECT_EQ(none.check(2, std::nullopt), DailyReach::Verdict::fits);
  EXPECT_FALSE(none.next_free_utc());
  DailyReach below(250, {{1, kNow - 1, std::nullopt}}, kNow);
  EXPECT_FALSE(below.next_free_utc());
}

TEST(PersonSpacing, SixSecondsBetweenMessagesToOnePerson) {
  PersonSpacing s(6);
  EXPECT_EQ(s.earliest(1, 100), 100);
  s.record(1, 100);
  EXPECT_EQ(s.earliest(1, 101), 106);
  EXPECT_EQ(s.earliest(2, 101), 101);  // others unaffected
  EXPECT_EQ(s.earliest(1, 107), 107);
  s.prune(107);
  EXPECT_EQ(s.earliest(1, 100), 100);
}

}  // namespace
}  // namespace tafel::outreach
