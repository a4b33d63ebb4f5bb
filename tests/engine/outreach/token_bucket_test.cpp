#include "engine/outreach/token_bucket.hpp"

#include <gtest/gtest.h>

namespace tafel::outreach {
namespace {

TEST(TokenBucket, StartsFullThenRefillsAtRate) {
  TokenBucket b(80, 8);
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(b.try_take(100.0)) << i;
  EXPECT_FALSE(b.try_take(100.0));
  EXPECT_NEAR(b.wait_seconds(100.0), 1.0 / 80, 1e-9);
  EXPECT_FALSE(b.try_take(100.0 + 0.5 / 80));
  EXPECT_TRUE(b.try_take(100.0 + 1.0 / 80));
  EXPECT_FALSE(b.try_take(100.0 + 1.0 / 80));
}

TEST(TokenBucket, LongRunRateIsTheConfiguredRate) {
  TokenBucket b(80, 4);
  int taken = 0;
  for (int ms = 0; ms < 10'000; ++ms)  // 10 s polled every millisecond
    if (b.try_take(ms / 1000.0)) ++taken;
  EXPECT_GE(taken, 802);
  EXPECT_LE(taken, 804);  // the initial burst plus 80/s for 9.999 s
}

TEST(TokenBucket, NeverHoldsMoreThanBurst) {
  TokenBucket b(10, 3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(b.try_take(0));
  int taken = 0;
  while (b.try_take(1000)) ++taken;  // a long idle time refills only up to the burst
  EXPECT_EQ(taken, 3);
}

TEST(TokenBucket, TimeGoingBackwardsGivesNothingExtra) {
  TokenBucket b(1, 1);
  EXPECT_TRUE(b.try_take(50));
  EXPECT_FALSE(b.try_take(10));
  EXPECT_FALSE(b.try_take(50.5));
  EXPECT_TRUE(b.try_take(51));
}

TEST(TokenBucket, PauseStopsTakingUntilItEnds) {
  TokenBucket b(10, 5);
  EXPECT_TRUE(b.try_take(0));
  b.pause_until(30);
  EXPECT_FALSE(b.try_take(29.9));
  EXPECT_GT(b.wait_seconds(20), 10.0);
  EXPECT_FALSE(b.try_take(30));  // the bucket refills from the pause's end
  EXPECT_TRUE(b.try_take(30.1));
}

TEST(TokenBucket, ZeroRateIsUnlimited) {
  TokenBucket b(0, 1);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(b.try_take(0));
  EXPECT_EQ(b.wait_seconds(0), 0);
}

}  // namespace
}  // namespace tafel::outreach
