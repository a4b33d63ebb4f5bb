#include "engine/outreach/contact_policy.hpp"

#include <gtest/gtest.h>

namespace tafel::outreach {
namespace {

// Europe/Amsterdam without a database: CEST from the last Sunday of March 02:00 to the last
// Sunday of October 03:00 (gap: the offset before it; overlap: the summer offset).
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

struct Fixture {
  PolicyRules rules;
  std::vector<PolicySession> sessions;
  std::vector<PolicyInvitation> invitations;
  std::vector<OutboxRecord> outbox;

  ContactPlan plan(std::int64_t now) const {
    return plan_contact_moments(rules, sessions, invitations, outbox, now, amsterdam);
  }
  // Records everything due as if the dispatcher had enqueued it.
  void enqueue(const ContactPlan& p) {
    for (const auto& m : p.due)
      outbox.push_back({m.key, m.invitation, m.kind, m.channel, m.due_utc, m.sequence});
  }
};

Fixture one_session(Date day, int h, int m, Rsvp rsvp, std::vector<Channel> channels) {
  Fixture f;
  f.sessions.push_back({1, local(day, h, m), local(day, h + 1, m + 30 >= 60 ? m - 30 : m + 30)});
  f.invitations.push_back({10, 1, 100, rsvp, std::nullopt, 0, std::move(channels)});
  return f;
}

const Date kSession{2026, 10, 13};  // a Tuesday, CEST

TEST(ContactPolicy, InvitationOnEveryChannelOnceThenNothing) {
  auto f = one_session(kSession, 16, 0, Rsvp::invited, {Channel::email, Channel::whatsapp});
  const auto now = utc({2026, 9, 15}, 10, 0);
  const auto p = f.plan(now);
  ASSERT_EQ(p.due.size(), 2u);
  EXPECT_EQ(p.due[0].key, "10:invitation:email");
  EXPECT_EQ(p.due[1].key, "10:invitation:whatsapp");
  EXPECT_EQ(p.due[0].due_utc, now);
  f.enqueue(p);
  EXPECT_TRUE(f.plan(now).due.empty());
  EXPECT_TRUE(f.plan(now + 3600).due.empty());
}

TEST(ContactPolicy, SameInputSameMessages) {
  auto f = one_session(kSession, 7, 0, Rsvp::accepted, {Channel::email, Channel::whatsapp});
  f.outbox.push_back({"10:invitation:email", 10, MessageKind::invitation, Channel::email,
                      utc({2026, 9, 1}, 9, 0), 0});
  const auto now = utc({2026, 10, 12}, 20, 0);
  EXPECT_EQ(f.plan(now).due, f.plan(now).due);
}

TEST(ContactPolicy, NudgeAfterThreeDaysOnPreferredChannelAndCallList) {
  auto f = one_session(kSession, 16, 0, Rsvp::invited, {Channel::email, Channel::whatsapp});
  const auto sent = utc({2026, 9, 15}, 10, 0);
  f.enqueue(f.plan(sent));
  const auto before = f.plan(utc({2026, 9, 18}, 9, 59));
  EXPECT_TRUE(before.due.empty());
  EXPECT_TRUE(before.call_list.empty());
  EXPECT_EQ(before.next_due_utc, utc({2026, 9, 18}, 10, 0));
  const auto p = f.plan(utc({2026, 9, 18}, 10, 0));
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].key, "10:nudge:whatsapp");
  ASSERT_EQ(p.call_list.size(), 1u);
  EXPECT_EQ(p.call_list[0].member, 100);
}

TEST(ContactPolicy, WhatsAppNudgeDueInQuietHoursWaitsForMorning) {
  auto f = one_session(kSession, 16, 0, Rsvp::invited, {Channel::whatsapp});
  f.enqueue(f.plan(utc({2026, 9, 15}, 22, 15)));  // invitation sent late: 22:15
  EXPECT_TRUE(f.plan(utc({2026, 9, 18}, 22, 15)).due.empty());
  EXPECT_TRUE(f.plan(utc({2026, 9, 19}, 7, 29)).due.empty());
  const auto p = f.plan(utc({2026, 9, 19}, 7, 30));
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].due_utc, utc({2026, 9, 19}, 7, 30));
}

TEST(ContactPolicy, InvitationApprovedAtNightGoesByMailNowAndWhatsAppAtHalfPastSeven) {
  auto f = one_session(kSession, 16, 0, Rsvp::invited, {Channel::email, Channel::whatsapp});
  const auto night = utc({2026, 9, 15}, 23, 0);
  const auto p = f.plan(night);
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].channel, Channel::email);
  EXPECT_EQ(p.next_due_utc, utc({2026, 9, 16}, 7, 30));
  f.enqueue(p);
  const auto morning = f.plan(utc({2026, 9, 16}, 7, 30));
  ASSERT_EQ(morning.due.size(), 1u);
  EXPECT_EQ(morning.due[0].key, "10:invitation:whatsapp");
}

TEST(ContactPolicy, MorningSessionRemindersSevenDaysAndEveningBefore) {
  auto f = one_session(kSession, 7, 0, Rsvp::accepted, {Channel::whatsapp});
  f.enqueue(f.plan(utc({2026, 9, 1}, 9, 0)));
  // Seven days before at the session's clock time, 07:00, is quiet for WhatsApp: 07:30.
  const auto week = f.plan(utc({2026, 10, 6}, 7, 30));
  ASSERT_EQ(week.due.size(), 1u);
  EXPECT_EQ(week.due[0].key, "10:reminder:7:whatsapp");
  EXPECT_EQ(week.due[0].due_utc, utc({2026, 10, 6}, 7, 30));
  f.enqueue(week);
  // The day-before reminder: 19:00 the evening before, never on the morning itself.
  EXPECT_TRUE(f.plan(utc({2026, 10, 12}, 18, 59)).due.empty());
  const auto eve = f.plan(utc({2026, 10, 12}, 19, 0));
  ASSERT_EQ(eve.due.size(), 1u);
  EXPECT_EQ(eve.due[0].key, "10:reminder:1:whatsapp");
  EXPECT_EQ(eve.due[0].due_utc, utc({2026, 10, 12}, 19, 0));
}

TEST(ContactPolicy, EmailReminderAtTheSessionClockTimeAcrossAutumnDstChange) {
  // Session Tuesday 3 November 16:00 CET; seven days before is Tuesday 27 October, also CET,
  // but the invitation went out in CEST. The reminder keeps the local clock time 16:00.
  const Date day{2026, 11, 3};
  auto f = one_session(day, 16, 0, Rsvp::accepted, {Channel::email});
  f.enqueue(f.plan(utc({2026, 10, 20}, 9, 0)));
  const auto p = f.plan(utc({2026, 10, 27}, 16, 0));
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].due_utc, utc({2026, 10, 27}, 16, 0));
  EXPECT_EQ(p.due[0].due_utc, f.sessions[0].start.utc_seconds - 7 * 86400);  // both CET
  const auto d1 = f.plan(utc({2026, 11, 2}, 16, 0));
  ASSERT_EQ(d1.due.size(), 1u);
  EXPECT_EQ(d1.due[0].key, "10:reminder:1:email");
}

TEST(ContactPolicy, ReminderAcrossSpringDstChangeIsAnHourLessThanSevenDays) {
  // Session Thursday 2 April 2026 16:00 CEST; seven days before (26 March) is CET.
  const Date day{2026, 4, 2};
  auto f = one_session(day, 16, 0, Rsvp::accepted, {Channel::email});
  f.enqueue(f.plan(utc({2026, 3, 1}, 9, 0)));
  const auto p = f.plan(utc({2026, 3, 26}, 16, 0));
  ASSERT_EQ(p.due.size(), 1u);
  EXPECT_EQ(p.due[0].due_utc, utc({2026, 3, 26}, 16, 0));
  EXPECT_EQ(f.sessions[0].start.utc_seconds - p.due[0].due_utc, 7 * 86400 - 3600);
}

TEST(ContactPolicy, NoRemindersBeforeAcceptanceOrAfterStartAndOnlyTheLatestWhenLate) {
  auto f = one_session(kSession, 16, 0, Rsvp::accepted, {Channel::email});
  f.enqueue(f.plan(utc({2026, 9, 1}, 9, 0)));
  f.invitations[0].rsvp_at_utc = utc({2026, 10, 8}, 12, 0);  // accepted after the 7-day moment
  EXPECT_TRUE(f.plan(utc({2026, 10, 8}, 12, 0)).due.empty());
  f.invitations[0].rsvp_at_utc.reset();
  const auto late = f.plan(utc({2026, 10, 12}, 17, 0));  // dispatcher was down for a week
  ASSERT_EQ(late.due.size(), 1u);
  EXPECT_EQ(late.due[0].days_before, 1);
  EXPECT_TRUE(f.plan(utc({2026, 10, 13}, 16, 0)).due.empty());  // the session started
}

TEST(ContactPolicy, ChangeAndCancellation) {
  auto f = one_session(kSession, 16, 0, Rsvp::accepted, {Channel::email, Channel::whatsapp});
  f.enqueue(f.plan(utc({2026, 9, 1}, 9, 0)));
  f.invitations[0].sequence = 1;
  const auto now = utc({2026, 9, 2}, 9, 0);
  const auto change = f.plan(now);
  ASSERT_EQ(change.due.size(), 2u);
  EXPECT_EQ(change.due[0].key, "10:change:1:email");
  EXPECT_EQ(change.due[0].sequence, 1);
  f.enqueue(change);
  EXPECT_TRUE(f.plan(now).due.empty());
  f.sessions[0].cancelled = true;
  f.invitations[0].sequence = 2;
  const auto cancel = f.plan(now);
  ASSERT_EQ(cancel.due.size(), 2u);
  EXPECT_EQ(cancel.due[0].kind, MessageKind::cancellation);
  EXPECT_EQ(cancel.due[0].sequence, 2);
  f.enqueue(cancel);
  EXPECT_TRUE(f.plan(utc({2026, 10, 12}, 17, 0)).due.empty());  // no reminders either
}

TEST(ContactPolicy, DeclinedGetsNothingMore) {
  auto f = one_session(kSession, 16, 0, Rsvp::invited, {Channel::email});
  f.enqueue(f.plan(utc({2026, 9, 1}, 9, 0)));
  f.invitations[0].rsvp = Rsvp::declined;
  EXPECT_TRUE(f.plan(utc({2026, 9, 5}, 9, 0)).due.empty());
  EXPECT_TRUE(f.plan(utc({2026, 9, 5}, 9, 0)).call_list.empty());
}

TEST(ContactPolicy, WhatsAppTooLateForMorningGoesTheEveningBefore) {
  PolicyRules r;
  const auto start = utc(kSession, 7, 0);
  // Due 22:00 the evening before a 07:00 session: 07:30 would be after the start, so 20:30.
  EXPECT_EQ(
      whatsapp_moment(r, utc({2026, 10, 12}, 22, 0), start, utc({2026, 10, 12}, 20, 0), amsterdam),
      utc({2026, 10, 12}, 20, 30));
  // Already 22:00 now: nothing can go on WhatsApp before the session any more.
  EXPECT_EQ(
      whatsapp_moment(r, utc({2026, 10, 12}, 22, 0), start, utc({2026, 10, 12}, 22, 0), amsterdam),
      std::nullopt);
  // Daytime is left alone.
  EXPECT_EQ(
      whatsapp_moment(r, utc({2026, 10, 12}, 12, 0), start, utc({2026, 10, 12}, 12, 0), amsterdam),
      utc({2026, 10, 12}, 12, 0));
}

}  // namespace
}  // namespace tafel::outreach
