// Hard rules on small hand-made instances; every result goes through the independent checker.

#include "engine/solver/slot_filter.hpp"
#include "engine/solver/solver.hpp"
#include "tests/engine/solver/builder.hpp"
#include "tests/engine/solver/checker.hpp"

#include <gtest/gtest.h>

namespace tafel::solver {
namespace {

using testing::Builder;

Result solved(const Instance& inst) {
  auto r = solve(inst, SolveOptions{});
  EXPECT_TRUE(r.has_value());
  if (!r) return {};
  const auto problems = testing::check_result(inst, *r);
  EXPECT_TRUE(problems.empty()) << problems.front();
  return *r;
}

int placed(const Result& r) {
  int n = 0;
  for (const Session& s : r.sessions) n += static_cast<int>(s.participants.size());
  return n;
}

TEST(SolverRules, OneEveningTable) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 10);
  const Result r = solved(b.inst);
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(placed(r), 10);
  EXPECT_NEAR(r.score, 10 * 1000.0 - 100.0, 0.01);
  EXPECT_TRUE(r.unplaced.empty());
}

TEST(SolverRules, SlotRejectionsInContractOrder) {
  Builder b;
  b.slot("midnight", 0, 23, 30, 23, 59);  // too short but spans_days checked on the real end
  b.inst.slots.back().time.end = testing::at(1, 0, 30);
  b.slot("short", 0, 17, 0, 17, 59);
  b.slot("long", 0, 17, 0, 18, 31);
  b.slot("small", 0, 17, 0, 18, 0, 0, "", 7);
  b.slot("midday", 0, 8, 0, 9, 0);
  b.slot("edge_morning", 0, 7, 30, 8, 30);
  b.slot("edge_evening", 0, 16, 0, 17, 0, 0, "zaal 2");
  std::vector<RejectedSlot> rej = rejected_slots(b.inst);
  ASSERT_EQ(rej.size(), 5u);
  EXPECT_EQ(rej[0].reason, SlotRejection::spans_days);
  EXPECT_EQ(rej[1].reason, SlotRejection::too_short);
  EXPECT_EQ(rej[2].reason, SlotRejection::too_long);
  EXPECT_EQ(rej[3].reason, SlotRejection::capacity_below_min_group);
  EXPECT_EQ(rej[4].reason, SlotRejection::not_at_day_edge);
}

TEST(SolverRules, SevenOfASectorAreTooSmall) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 7);
  const Result r = solved(b.inst);
  EXPECT_TRUE(r.sessions.empty());
  ASSERT_EQ(r.unplaced.size(), 7u);
  for (const Unplaced& u : r.unplaced) EXPECT_EQ(u.reason, UnplacedReason::sector_too_small);
}

TEST(SolverRules, ThirteenOfASectorLeaveOneOut) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 13);
  const Result r = solved(b.inst);
  EXPECT_EQ(placed(r), 12);
  ASSERT_EQ(r.unplaced.size(), 1u);
  EXPECT_EQ(r.unplaced[0].reason, UnplacedReason::not_selected);
  EXPECT_NE(r.unplaced[0].detail.find("vol"), std::string::npos) << r.unplaced[0].detail;
}

TEST(SolverRules, ColleaguesNeverShareATable) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.staff("f1");
  const int firm = b.inst.intern_company("firm");
  b.person("a", 0, firm);
  b.person("b", 0, firm);
  b.people("p", 8);
  const Result r = solved(b.inst);
  EXPECT_EQ(placed(r), 9);
  ASSERT_EQ(r.unplaced.size(), 1u);
  EXPECT_NE(r.unplaced[0].detail.find("collega"), std::string::npos) << r.unplaced[0].detail;
}

TEST(SolverRules, OverlappingSlotsInOneRoom) {
  Builder b;
  b.slot("s1", 0, 16, 0, 17, 30);
  b.slot("s2", 0, 17, 0, 18, 30);  // same room, overlaps s1
  b.slot("s3", 0, 17, 30, 19, 0);  // touches s1: no overlap
  b.staff("f1");
  b.staff("f2");
  b.people("p", 24);
  const Result r = solved(b.inst);
  EXPECT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(placed(r), 24);
}

TEST(SolverRules, FacilitatorNeededInTwoPlaces) {
  Builder b;
  const int v2 = b.venue("v2", 52.1, 5.6);
  b.slot("s1", 0, 16, 30, 18, 0);
  b.slot("s2", 0, 16, 30, 18, 0, v2);
  b.staff("f1");
  b.people("a", 10, 0);
  b.people("b", 9, 1);
  for (int p = 10; p < 19; ++p)
    b.inst.participants[static_cast<std::size_t>(p)].location = b.inst.venues[1].location;
  for (int p = 0; p < 10; ++p) b.inst.participants[static_cast<std::size_t>(p)].max_travel_km = 1;
  for (int p = 10; p < 19; ++p) b.inst.participants[static_cast<std::size_t>(p)].max_travel_km = 1;
  const Result r = solved(b.inst);
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(r.sessions[0].slot, 0);
  ASSERT_EQ(r.unplaced.size(), 9u);
  EXPECT_EQ(r.unplaced[0].reason, UnplacedReason::not_selected);
  EXPECT_NE(r.unplaced[0].detail.find("gespreksleider"), std::string::npos) << r.unplaced[0].detail;
}

TEST(SolverRules, StaffGapIsRespected) {
  Builder b;
  b.slot("s1", 0, 16, 0, 17, 0);
  b.slot("s2", 0, 17, 15, 18, 15, 0, "zaal 2");  // 15 min after s1: below the 30 min gap
  b.staff("f1");
  b.people("p", 16);
  const Result r = solved(b.inst);
  EXPECT_EQ(r.sessions.size(), 1u);
}

TEST(SolverRules, ClosedSectorAndTravelAndFacilitatorReasons) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.inst.slots[0].all_sectors = false;
  b.inst.slots[0].sectors = {0};
  b.slot("s2", 1, 16, 30, 18, 0);  // nobody can staff it: staff only available day 0
  b.inst.staff.push_back(Staff{"f1", {Interval{testing::at(0, 0, 0), testing::at(0, 23, 0)}}});
  b.people("p", 8, 0);
  b.person("inst1", 1);  // installatie: s1 closed; s2 usable but sector too small
  b.person("far", 0);
  b.inst.participants.back().location = GeoPoint{53.2, 6.5};  // Groningen, far away
  b.person("busy", 0);
  b.inst.participants.back().availability = {Interval{testing::at(5, 0, 0), testing::at(5, 23, 0)}};
  const Result r = solved(b.inst);
  std::map<std::string, UnplacedReason> why;
  for (const Unplaced& u : r.unplaced)
    why[b.inst.participants[static_cast<std::size_t>(u.participant)].id] = u.reason;
  EXPECT_EQ(why["inst1"], UnplacedReason::sector_too_small);
  EXPECT_EQ(why["far"], UnplacedReason::beyond_travel_limit);
  EXPECT_EQ(why["busy"], UnplacedReason::no_slot_in_availability);
  EXPECT_EQ(placed(r), 8);
}

TEST(SolverRules, NoFacilitatorReason) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.inst.staff.push_back(Staff{"f1", {Interval{testing::at(3, 0, 0), testing::at(3, 23, 0)}}});
  b.people("p", 9);
  const Result r = solved(b.inst);
  ASSERT_EQ(r.unplaced.size(), 9u);
  EXPECT_EQ(r.unplaced[0].reason, UnplacedReason::no_facilitator);
}

TEST(SolverRules, KnownOptimumSplitsIntoTwoTables) {
  // Greedy by value would fill the event slot with 12 and strand 4; two tables of 8 are best.
  Builder b;
  b.inst.events.push_back(
      Event{"e1", 0, Interval{testing::at(0, 18, 15), testing::at(0, 21, 0)}, "ALV"});
  b.slot("s1", 0, 16, 30, 18, 0);
  b.inst.slots[0].event = 0;
  b.slot("s2", 2, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 16);
  for (auto& p : b.inst.participants) p.attends_events = {0};
  const Result r = solved(b.inst);
  EXPECT_EQ(placed(r), 16);
  EXPECT_NEAR(r.score, 16 * 1000.0 + 8 * 100.0 - 200.0, 0.01);
}

TEST(SolverRules, BoundIsAtLeastScore) {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 12);
  const Result r = solved(b.inst);
  ASSERT_TRUE(r.bound.has_value());
  EXPECT_NEAR(*r.bound, r.score, 0.01);  // a full table: the bound is tight
}

}  // namespace
}  // namespace tafel::solver
