// The availability poll's contact moments (plan_poll_moments) with a fake clock.

#include "engine/outreach/contact_policy.hpp"

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

std::int64_t utc(Date d, int h, int m) {
  return make_local_time(d, h, m, 0, amsterdam(d, h * 60 + m)).utc_seconds;
}

// A round polled on Monday 5 October 2026, closing at the end of Monday 12 October.
struct Poll {
  PolicyRules rules;
  std::vector<PollRound> rounds = {{1, utc({2026, 10, 13}, 0, 0), true}};
  std::vector<PollInvitee> invitees;
  std::vector<PollRecord> outbox;

  PollPlan plan(std::int64_t now) const {
    return plan_poll_moments(rules, rounds, invitees, outbox, now, amsterdam);
  }
  void enqueue(const PollPlan& p) {
    for (const auto& m : p.due) outbox.push_back({m.key, m.poll, m.kind, m.channel, m.due_utc});
  }
};

Poll one(std::vector<Channel> channels) {
  Poll p;
  p.invitees.push_back({7, 1, 100, false, std::move(channels)});
  return p;
}

TEST(PollPolicy, PollOnceOnThePreferredChannel) {
  auto p = one({Channel::email, Channel::whatsapp});
  const auto now = utc({2026, 10, 5}, 10, 0);
  const auto plan = p.plan(now);
  ASSERT_EQ(plan.due.size(), 1u);
  EXPECT_EQ(plan.due[0].key, "poll7:poll:whatsapp");
  EXPECT_EQ(plan.due[0].kind, MessageKind::poll);
  EXPECT_EQ(plan.due[0].due_utc, now);
  EXPECT_EQ(plan.due[0].member, 100);
  p.enqueue(plan);
  EXPECT_TRUE(p.plan(now).due.empty());  // asked once, however often it runs
}

TEST(PollPolicy, EmailWhenThatIsTheOnlyChannelAndNothingWithoutChannels) {
  auto p = one({Channel::email});
  p.invitees.push_back({8, 1, 101, false, {}});
  const auto plan = p.plan(utc({2026, 10, 5}, 10, 0));
  ASSERT_EQ(plan.due.size(), 1u);
  EXPECT_EQ(plan.due[0].key, "poll7:poll:email");
}

TEST(PollPolicy, WhatsAppPollInQuietHoursWaitsForMorning) {
  auto p = one({Channel::whatsapp});
  const auto plan = p.plan(utc({2026, 10, 5}, 22, 15));
  ASSERT_EQ(plan.due.size(), 1u);
  EXPECT_EQ(plan.due[0].due_utc, utc({2026, 10, 6}, 7, 30));
  auto mail = one({Channel::email});  // mail is not held back
  EXPECT_EQ(mail.plan(utc({2026, 10, 5}, 22, 15)).due[0].due_utc, utc({2026, 10, 5}, 22, 15));
}

TEST(PollPolicy, ReminderDueTwoDaysBeforeCloseAtThePollsClockTime) {
  auto p = one({Channel::email});
  p.enqueue(p.plan(utc({2026, 10, 5}, 10, 0)));
  // Closes 13 October 00:00: reminder on 11 October at 10:00.
  const auto before = p.plan(utc({2026, 10, 11}, 9, 59));
  EXPECT_TRUE(before.due.empty());
  ASSERT_TRUE(before.next_due_utc);
  EXPECT_EQ(*before.next_due_utc, utc({2026, 10, 11}, 10, 0));
  const auto due = p.plan(utc({2026, 10, 11}, 10, 0));
  ASSERT_EQ(due.due.size(), 1u);
  EXPECT_EQ(due.due[0].key, "poll7:poll_reminder:email");
  EXPECT_EQ(due.due[0].kind, MessageKind::poll_reminder);
  EXPECT_EQ(due.due[0].due_utc, utc({2026, 10, 11}, 10, 0));
  p.enqueue(due);
  EXPECT_TRUE(p.plan(utc({2026, 10, 12}, 10, 0)).due.empty());  // one reminder only
}

TEST(PollPolicy, ReminderDaysAreConfigurable) {
  auto p = one({Channel::email});
  p.rules.poll_reminder_days_before = 4;
  p.enqueue(p.plan(utc({2026, 10, 5}, 10, 0)));
  EXPECT_TRUE(p.plan(utc({2026, 10, 9}, 9, 0)).due.empty());
  EXPECT_EQ(p.plan(utc({2026, 10, 9}, 10, 0)).due.size(), 1u);
}

TEST(PollPolicy, NoReminderForThoseWhoAnswered) {
  auto p = one({Channel::email});
  p.enqueue(p.plan(utc({2026, 10, 5}, 10, 0)));
  p.invitees[0].answered = true;
  const auto plan = p.plan(utc({2026, 10, 11}, 12, 0));
  EXPECT_TRUE(plan.due.empty());
  EXPECT_FALSE(plan.next_due_utc);
}

TEST(PollPolicy, NothingAfterTheCloseOrForAClosedRound) {
  auto p = one({Channel::email});
  p.enqueue(p.plan(utc({2026, 10, 5}, 10, 0)));
  EXPECT_TRUE(p.plan(utc({2026, 10, 13}, 0, 0)).due.empty());  // the close itself
  EXPECT_TRUE(p.plan(utc({2026, 10, 20}, 10, 0)).due.empty());
  p.rounds[0].polling = false;  // the coordinator closed it early
  EXPECT_TRUE(p.plan(utc({2026, 10, 11}, 12, 0)).due.empty());
  auto fresh = one({Channel::email});
  fresh.rounds[0].polling = false;
  EXPECT_TRUE(fresh.plan(utc({2026, 10, 5}, 10, 0)).due.empty());  // no poll either
}

TEST(PollPolicy, WhatsAppReminderInQuietHoursWaitsForMorningBeforeClose) {
  auto p = one({Channel::whatsapp});
  p.enqueue(p.plan(utc({2026, 10, 5}, 20, 45)));  // polled at 20:45
  // Reminder at 20:45 on 11 October: not quiet.
  EXPECT_EQ(p.plan(utc({2026, 10, 11}, 20, 45)).due.size(), 1u);
  // A poll whose reminder moment falls in quiet hours: sent 07:30 (quiet end), reminder 07:30.
  auto q = one({Channel::whatsapp});
  q.rules.quiet_end = 8 * 60;
  q.outbox.push_back(
      {"poll7:poll:whatsapp", 7, MessageKind::poll, Channel::whatsapp, utc({2026, 10, 5}, 7, 45)});
  const auto early = q.plan(utc({2026, 10, 11}, 7, 45));
  EXPECT_TRUE(early.due.empty());
  ASSERT_TRUE(early.next_due_utc);
  EXPECT_EQ(*early.next_due_utc, utc({2026, 10, 11}, 8, 0));
  const auto at = q.plan(utc({2026, 10, 11}, 8, 0));
  ASSERT_EQ(at.due.size(), 1u);
  EXPECT_EQ(at.due[0].due_utc, utc({2026, 10, 11}, 8, 0));
}

TEST(PollPolicy, NoReminderWhenThePollWentTooLate) {
  auto p = one({Channel::email});
  p.enqueue(p.plan(utc({2026, 10, 11}, 12, 0)));  // one day before the last day
  const auto plan = p.plan(utc({2026, 10, 12}, 12, 0));
  EXPECT_TRUE(plan.due.empty());
  EXPECT_FALSE(plan.next_due_utc);
}

TEST(PollPolicy, ReminderAcrossTheAutumnClockChangeKeepsTheLocalTime) {
  // Polled in CEST, closing in CET (25 October 2026 is the change): the reminder is at the
  // same local clock time, so one hour later in UTC terms than a plain 24-hour step.
  Poll p;
  p.rounds = {{1, utc({2026, 10, 28}, 0, 0), true}};
  p.invitees.push_back({7, 1, 100, false, {Channel::email}});
  p.enqueue(p.plan(utc({2026, 10, 20}, 9, 0)));
  const auto plan = p.plan(utc({2026, 10, 26}, 9, 0));
  ASSERT_EQ(plan.due.size(), 1u);
  EXPECT_EQ(plan.due[0].due_utc, utc({2026, 10, 26}, 9, 0));
  EXPECT_TRUE(p.plan(utc({2026, 10, 26}, 8, 59)).due.empty());
}

TEST(PollPolicy, SameInputSameMessages) {
  Poll p;
  for (int i = 0; i < 5; ++i)
    p.invitees.push_back({10 + i, 1, 100 + i, i == 2,
                          i % 2 ? std::vector{Channel::email} : std::vector{Channel::whatsapp}});
  const auto now = utc({2026, 10, 5}, 6, 0);
  const auto a = p.plan(now), b = p.plan(now);
  EXPECT_EQ(a.due, b.due);
  EXPECT_EQ(a.due.size(), 4u);
  for (std::size_t i = 1; i < a.due.size(); ++i) EXPECT_LE(a.due[i - 1].due_utc, a.due[i].due_utc);
}

}  // namespace
}  // namespace tafel::outreach
