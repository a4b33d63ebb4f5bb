// Pins, fixed and locked sessions, and the exit-3 checks.

#include "engine/solver/solver.hpp"
#include "tests/engine/solver/builder.hpp"
#include "tests/engine/solver/checker.hpp"

#include <gtest/gtest.h>

namespace tafel::solver {
namespace {

using testing::Builder;

std::string infeasible(const Instance& inst) {
  auto r = solve(inst, SolveOptions{});
  if (r) return "";
  std::string all;
  for (const std::string& m : r.error().messages) all += m + "\n";
  return all;
}

Builder base() {
  Builder b;
  b.slot("s1", 0, 16, 30, 18, 0);
  b.slot("s2", 1, 16, 30, 18, 0);
  b.staff("f1");
  b.people("p", 20);
  return b;
}

TEST(SolverPins, PinnedOutsideAvailabilityIsPlaced) {
  Builder b = base();
  b.inst.participants[0].availability.clear();
  b.inst.participants[0].pinned_slot = 1;
  auto r = solve(b.inst, SolveOptions{});
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(testing::check_result(b.inst, *r).empty());
}

TEST(SolverPins, FixedSessionWithNamedFacilitator) {
  Builder b = base();
  b.staff("f2");
  b.inst.fixed_sessions.push_back(FixedSession{1, 0, 1});
  auto r = solve(b.inst, SolveOptions{});
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(testing::check_result(b.inst, *r).empty());
}

TEST(SolverPins, LockedSessionStays) {
  Builder b = base();
  for (int p = 0; p < 8; ++p) b.inst.participants[static_cast<std::size_t>(p)].pinned_slot = 1;
  b.inst.fixed_sessions.push_back(FixedSession{1, 0, -1});
  auto r = solve(b.inst, SolveOptions{});
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(testing::check_result(b.inst, *r).empty());
}

TEST(SolverPins, PinnedColleagues) {
  Builder b = base();
  const int firm = b.inst.intern_company("firm");
  b.inst.participants[0].company = firm;
  b.inst.participants[1].company = firm;
  b.inst.participants[0].pinned_slot = 0;
  b.inst.participants[1].pinned_slot = 0;
  const std::string m = infeasible(b.inst);
  EXPECT_NE(m.find("p0, p1"), std::string::npos) << m;
  EXPECT_NE(m.find("firm"), std::string::npos) << m;
}

TEST(SolverPins, MorePinsThanSeats) {
  Builder b = base();
  for (int p = 0; p < 13; ++p) b.inst.participants[static_cast<std::size_t>(p)].pinned_slot = 0;
  EXPECT_NE(infeasible(b.inst).find("13 pinned"), std::string::npos);
}

TEST(SolverPins, PinsOfDifferentSectors) {
  Builder b = base();
  b.inst.participants[0].pinned_slot = 0;
  b.inst.participants[1].pinned_slot = 0;
  b.inst.participants[1].sector = 1;
  EXPECT_NE(infeasible(b.inst).find("different sectors"), std::string::npos);
}

TEST(SolverPins, FixedSlotBreakingRuleOne) {
  Builder b = base();
  b.slot("noon", 2, 12, 0, 13, 0);
  b.inst.fixed_sessions.push_back(FixedSession{2, 0, -1});
  const std::string m = infeasible(b.inst);
  EXPECT_NE(m.find("noon"), std::string::npos) << m;
  EXPECT_NE(m.find("not_at_day_edge"), std::string::npos) << m;
}

TEST(SolverPins, FixedSlotClosedToSector) {
  Builder b = base();
  b.inst.slots[0].all_sectors = false;
  b.inst.slots[0].sectors = {1};
  b.inst.fixed_sessions.push_back(FixedSession{0, 0, -1});
  EXPECT_NE(infeasible(b.inst).find("does not allow sector 'bouw'"), std::string::npos);
}

TEST(SolverPins, FixedSessionCannotReachMinGroup) {
  Builder b = base();
  b.inst.fixed_sessions.push_back(FixedSession{0, 2, -1});  // nobody in elektrotechniek
  EXPECT_NE(infeasible(b.inst).find("at most 0"), std::string::npos);
}

TEST(SolverPins, OverlappingFixedSlotsInOneRoom) {
  Builder b = base();
  b.slot("s3", 0, 17, 0, 18, 30);
  b.inst.fixed_sessions.push_back(FixedSession{0, 0, -1});
  b.inst.fixed_sessions.push_back(FixedSession{2, 0, -1});
  EXPECT_NE(infeasible(b.inst).find("'s1' and 's3' overlap"), std::string::npos);
}

TEST(SolverPins, NamedFacilitatorUnavailableOrDoubleBooked) {
  Builder b = base();
  b.inst.staff.push_back(Staff{"late", {Interval{testing::at(9, 0, 0), testing::at(9, 23, 0)}}});
  b.inst.fixed_sessions.push_back(FixedSession{0, 0, 1});
  EXPECT_NE(infeasible(b.inst).find("'late' named for slot 's1'"), std::string::npos);

  Builder c = base();
  const int v2 = c.venue("v2", 52.0, 5.6);
  c.slot("s3", 0, 16, 30, 18, 0, v2);
  c.inst.fixed_sessions.push_back(FixedSession{0, 0, 0});
  c.inst.fixed_sessions.push_back(FixedSession{2, 0, 0});
  EXPECT_NE(infeasible(c.inst).find("'f1' is named for slots 's1' and 's3'"), std::string::npos);
}

TEST(SolverPins, NoFacilitatorForFixedSlot) {
  Builder b = base();
  b.inst.staff[0].availability = {Interval{testing::at(9, 0, 0), testing::at(9, 23, 0)}};
  b.inst.fixed_sessions.push_back(FixedSession{0, 0, -1});
  EXPECT_NE(infeasible(b.inst).find("no facilitator is available for the whole of slot 's1'"),
            std::string::npos);
}

TEST(SolverPins, CombinationTheSearchCannotSatisfy) {
  // Two fixed sessions at different venues at the same time, one facilitator: each passes the
  // static checks, but not both at once.
  Builder b = base();
  const int v2 = b.venue("v2", 52.0, 5.6);
  b.slot("s3", 0, 16, 30, 18, 0, v2);
  b.inst.fixed_sessions.push_back(FixedSession{0, 0, -1});
  b.inst.fixed_sessions.push_back(FixedSession{2, 0, -1});
  EXPECT_NE(infeasible(b.inst).find("no choice of facilitators"), std::string::npos);
}

}  // namespace
}  // namespace tafel::solver
