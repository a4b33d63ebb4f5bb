#include "engine/planning/candidate_slots.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tafel::planning {
namespace {

// Central European time, good enough for tests: summer time from the last Sunday of March to
// the last Sunday of October (the switch hour itself is irrelevant at the day edges).
std::int32_t cet(Date d, int) {
  auto last_sunday = [](int y, int m) {
    Date x{y, m, 31};
    while (iso_weekday(x) != 7) x = add_days(x, -1);
    return x;
  };
  const bool summer = !(d < last_sunday(d.year, 3)) && d < last_sunday(d.year, 10);
  return summer ? 7200 : 3600;
}

SlotInput base() {
  SlotInput in;
  in.from = Date{2026, 10, 1};
  in.to = Date{2026, 10, 31};
  in.venues = {SlotVenue{"ede", "midden", {Room{"Zaal 1", 12}, Room{"Klein", 6}}}};
  in.sectors = {"bouw", "installatie", "elektrotechniek"};
  return in;
}

SlotEvent event(const std::string& id, Date d, int sh, int sm, int eh, int em) {
  return SlotEvent{id, "ede", make_local_time(d, sh, sm, 0, cet(d, 0)),
                   make_local_time(d, eh, em, 0, cet(d, 0)), false};
}

std::vector<std::string> starts(const SlotPlan& plan) {
  std::vector<std::string> out;
  for (const auto& s : plan.slots)
    out.push_back(format_iso8601(s.start) + "/" + std::to_string(minutes_between(s.start, s.end)));
  return out;
}

TEST(CandidateSlots, BeforeAndAfterAnEveningEvent) {
  SlotInput in = base();
  in.events = {event("e1", Date{2026, 10, 6}, 19, 30, 21, 0)};
  const SlotPlan plan = generate_candidate_slots(in, cet);
  // Before: ending 19:15 (buffer 15) for 60, 75 and 90 minutes. After: from 21:15, but even 60
  // minutes would end past latest_end (22:00), so none.
  EXPECT_EQ(starts(plan), (std::vector<std::string>{"2026-10-06T17:45:00+02:00/90",
                                                    "2026-10-06T18:00:00+02:00/75",
                                                    "2026-10-06T18:15:00+02:00/60"}));
  for (const auto& s : plan.slots) {
    EXPECT_EQ(s.event, "e1");
    EXPECT_EQ(s.room, "Zaal 1");  // the 6-seat room is below min_capacity
    EXPECT_TRUE(s.all_sectors);
  }
}

TEST(CandidateSlots, MorningEventGetsSlotsAfterOnlyWhenAtTheDayEdge) {
  SlotInput in = base();
  // 07:00-08:00 breakfast: before it would start before 06:30 except none; after it starts
  // 08:15 and ends after 08:30, which is not at the day edge.
  in.events = {event("ontbijt", Date{2026, 10, 8}, 7, 0, 8, 0)};
  EXPECT_TRUE(generate_candidate_slots(in, cet).slots.empty());
  // An evening gathering 16:00-17:00: after it, from 17:15.
  in.events = {event("borrel", Date{2026, 10, 8}, 16, 0, 17, 0)};
  const SlotPlan plan = generate_candidate_slots(in, cet);
  ASSERT_EQ(plan.slots.size(), 3u);
  EXPECT_EQ(format_iso8601(plan.slots[0].start), "2026-10-08T17:15:00+02:00");
}

TEST(CandidateSlots, WeeklyWindowsAcrossDstKeepLocalTimes) {
  SlotInput in = base();
  in.windows = {WeeklySlotWindow{{2}, 7 * 60, 8 * 60 + 30, {}}};  // Tuesdays 07:00-08:30
  in.rules.duration_step = 30;                                    // 60 and 90 minutes
  in.rules.start_step_min = 30;
  const SlotPlan plan = generate_candidate_slots(in, cet);
  // Tuesdays in October 2026: 6, 13, 20, 27; each 07:00/60, 07:30/60, 07:00/90.
  ASSERT_EQ(plan.slots.size(), 12u);
  EXPECT_EQ(format_iso8601(plan.slots[0].start), "2026-10-06T07:00:00+02:00");
  EXPECT_EQ(format_iso8601(plan.slots.back().start), "2026-10-27T07:30:00+01:00");
  for (const auto& s : plan.slots) EXPECT_EQ(s.start.local_minute_of_day() >= 7 * 60, true);
}

TEST(CandidateSlots, HolidaysAndClosedPeriodsAreExcluded) {
  SlotInput in = base();
  in.from = Date{2026, 12, 20};
  in.to = Date{2027, 1, 10};
  in.windows = {WeeklySlotWindow{{1, 2, 3, 4, 5, 6, 7}, 16 * 60, 17 * 60, {}}};
  in.closed = {ClosedPeriod{"Kerstvakantie", Date{2026, 12, 19}, Date{2027, 1, 3}, {"midden"}},
               ClosedPeriod{"Bouwvak noord", Date{2027, 1, 4}, Date{2027, 1, 8}, {"noord"}}};
  const SlotPlan plan = generate_candidate_slots(in, cet);
  for (const auto& s : plan.slots) {
    const Date d = s.start.local_date();
    EXPECT_FALSE((d < Date{2027, 1, 4})) << s.id;
  }
  // Open: 4..10 January (the noord closure does not apply to a midden venue).
  EXPECT_EQ(plan.slots.size(), 7u);
  const auto& ex = plan.excluded_days;
  EXPECT_TRUE(std::any_of(ex.begin(), ex.end(), [](const ExcludedDay& e) {
    return e.date == Date{2027, 1, 1} && e.reason == "Nieuwjaarsdag";
  }));
}

TEST(CandidateSlots, BusySeasonClosesSlotToItsSector) {
  SlotInput in = base();
  in.windows = {WeeklySlotWindow{{4}, 16 * 60, 17 * 60, {}}};  // Thursdays
  in.busy = {BusySeason{"stookseizoen", "installatie", Date{2026, 10, 1}, Date{2026, 10, 15}}};
  const SlotPlan plan = generate_candidate_slots(in, cet);
  ASSERT_EQ(plan.slots.size(), 5u);  // 1, 8, 15, 22, 29 October
  EXPECT_FALSE(plan.slots[0].all_sectors);
  EXPECT_EQ(plan.slots[0].sectors, (std::vector<std::string>{"bouw", "elektrotechniek"}));
  EXPECT_TRUE(plan.slots[3].all_sectors);
}

TEST(CandidateSlots, EventSlotReplacesIdenticalWindowSlot) {
  SlotInput in = base();
  in.windows = {WeeklySlotWindow{{2}, 16 * 60, 20 * 60, {}}};
  in.rules.duration_min = in.rules.duration_max = 90;
  in.events = {event("e1", Date{2026, 10, 6}, 19, 30, 21, 0)};
  const SlotPlan plan = generate_candidate_slots(in, cet);
  int attached = 0;
  for (const auto& s : plan.slots)
    if (s.id == "ede|Zaal 1|2026-10-06T17:45|90") {
      EXPECT_EQ(s.event, "e1");
      ++attached;
    }
  EXPECT_EQ(attached, 1);
}

}  // namespace
}  // namespace tafel::planning
