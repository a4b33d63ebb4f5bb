// The after-session followup's timing and channel (plan_followups) with a fake clock.

#include "engine/outreach/followup_policy.hpp"

#include <gtest/gtest.h>

namespace tafel::outreach {
namespace {

// Europe/Amsterdam without a database (as in contact_policy_test.cpp).
Date last_sunday(int year, int month) {
  Date d{year, month, days_in_month(year, month)};
  while (iso_weekday(d) != 7) d = add_days(d, -1);
  return d;
}

std::int32_t amsterdam(Date d, int minute) {
  const Date spring = last_sunday(d.year, 3), autumn = last_sunday(d.year, 10);
  const bool after_spring = d > spring || (d == spring && minute >= 180);
  const bool before_autumn = d < autumn || (d == autumn && minute < 180);
  return after_spring && before_autumn ? 7200 : 3600;
}

LocalTime local(Date d, int h, int m) {
  return make_local_time(d, h, m, 0, amsterdam(d, h * 60 + m));
}
std::int64_t utc(Date d, int h, int m) { return local(d, h, m).utc_seconds; }

// A session on Tuesday 13 October 2026, 07:00–08:30, captured at 10:00 the same day.
struct Case {
  PolicyRules rules;
  std::vector<FollowupSession> sessions = {
      {1, local({2026, 10, 13}, 8, 30), utc({2026, 10, 13}, 10, 0)}};
  std::vector<FollowupAttendee> attendees;
  std::set<std::int64_t> sent;
  FollowupPlan plan(std::int64_t now) const {
    return plan_followups(rules, sessions, attendees, sent, now, amsterdam);
  }
};

TEST(FollowupPolicy, DueAtNineTheNextMorning) {
  Case c;
  c.attendees.push_back({11, 1, 100, {Channel::email, Channel::whatsapp}});
  const std::int64_t nine = utc({2026, 10, 14}, 9, 0);
  const auto before = c.plan(nine - 1);
  EXPECT_TRUE(before.due.empty());
  ASSERT_TRUE(before.next_due_utc);
  EXPECT_EQ(*before.next_due_utc, nine);
  const auto at = c.plan(nine);
  ASSERT_EQ(at.due.size(), 1u);
  EXPECT_EQ(at.due[0].key, "11:followup:email");  // email preferred for the long message
  EXPECT_EQ(at.due[0].due_utc, nine);
  EXPECT_EQ(at.due[0].member, 100);
}

TEST(FollowupPolicy, CapturedLaterGoesAsSoonAsCaptured) {
  Case c;
  const std::int64_t captured = utc({2026, 10, 16}, 14, 5);
  c.sessions[0].captured_utc = captured;
  c.attendees.push_back({11, 1, 100, {Channel::email}});
  EXPECT_EQ(followup_moment(c.sessions[0], amsterdam), captured);
  const auto p = c.plan(captured);
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].due_utc, captured);
}

TEST(FollowupPolicy, WhatsAppCapturedAtNightWaitsForTheMorning) {
  Case c;
  c.sessions[0].captured_utc = utc({2026, 10, 16}, 22, 15);
  c.attendees.push_back({12, 1, 101, {Channel::whatsapp}});
  const auto night = c.plan(utc({2026, 10, 16}, 22, 15));
  EXPECT_TRUE(night.due.empty());
  ASSERT_TRUE(night.next_due_utc);
  EXPECT_EQ(*night.next_due_utc, utc({2026, 10, 17}, 7, 30));
  const auto morning = c.plan(utc({2026, 10, 17}, 7, 30));
  ASSERT_EQ(morning.due.size(), 1u);
  EXPECT_EQ(morning.due[0].key, "12:followup:whatsapp");
}

TEST(FollowupPolicy, AcrossTheDstChangeNineIsLocal) {
  Case c;  // Saturday 24 October 2026 evening; the clocks go back on Sunday 25 October
  c.sessions[0] = {1, local({2026, 10, 24}, 18, 0), utc({2026, 10, 24}, 19, 0)};
  c.attendees.push_back({11, 1, 100, {Channel::email}});
  EXPECT_EQ(followup_moment(c.sessions[0], amsterdam),
            make_local_time({2026, 10, 25}, 9, 0, 0, 3600).utc_seconds);
}

TEST(FollowupPolicy, OnceAndNobodyWithoutAChannelAndDeterministic) {
  Case c;
  c.attendees.push_back({13, 1, 102, {Channel::whatsapp}});
  c.attendees.push_back({11, 1, 100, {Channel::email}});
  c.attendees.push_back({14, 1, 103, {}});
  c.attendees.push_back({15, 2, 104, {Channel::email}});  // session 2 is not held
  const std::int64_t now = utc({2026, 10, 14}, 12, 0);
  const auto p = c.plan(now);
  ASSERT_EQ(p.due.size(), 2u);
  EXPECT_EQ(p.due[0].key, "11:followup:email");
  EXPECT_EQ(p.due[1].key, "13:followup:whatsapp");
  EXPECT_EQ(c.plan(now).due, p.due);
  c.sent = {11, 13};
  EXPECT_TRUE(c.plan(now).due.empty());
}

}  // namespace
}  // namespace tafel::outreach
