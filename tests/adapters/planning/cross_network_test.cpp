// Sessions of another network's current proposal are busy for the next network's plan: its
// facilitators' time (with staff_gap_min), its rooms and its people.

#include "adapters/store/members_store.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/store/proposals_store.hpp"
#include "tests/adapters/planning/planning_fixture.hpp"

#include <map>
#include <set>

namespace tafel::testing {
namespace {

class CrossNetworkTest : public PlanningFixture {};

std::int64_t current(Store& store, const std::string& network) {
  const auto id = find_network(store, network)->id;
  for (const auto& h : list_proposals(store, id))
    if (h.status == "proposed") return h.id;
  return 0;
}

TEST_F(CrossNetworkTest, SecondNetworkAvoidsFirstNetworksStaffRoomsAndPeople) {
  prepare(true);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  std::string out;
  ASSERT_EQ(plan(kSecondNetwork, &out), 0) << out;

  Store store = open_store();
  const auto a = load_proposal(store, current(store, kDemoNetwork));
  const auto b = load_proposal(store, current(store, kSecondNetwork));
  ASSERT_TRUE(a && b);
  ASSERT_FALSE(a->sessions.empty());
  EXPECT_EQ(a->header.id, 1);  // the second network's plan did not supersede the first's

  // The person behind a member: their e-mail key, else their mobile number.
  std::map<std::int64_t, std::string> email;
  for (const auto& m : list_members(store, std::nullopt))
    email[m.id] = m.email_key ? *m.email_key : m.mobile.value_or(std::to_string(m.id));
  std::set<std::string> in_a;
  for (const auto& s : a->sessions)
    for (const auto& m : s.members) in_a.insert(email[m.member_id]);

  // People: nobody at a table in A sits at a table in B; they are unplaced as busy elsewhere.
  for (const auto& s : b->sessions)
    for (const auto& m : s.members) EXPECT_FALSE(in_a.contains(email[m.member_id])) << m.member_id;
  int busy = 0;
  for (const auto& u : b->unplaced) {
    if (u.reason != "busy_elsewhere") continue;
    ++busy;
    EXPECT_TRUE(in_a.contains(email[u.member_id]));
    EXPECT_NE(u.detail.find(kDemoNetwork), std::string::npos) << u.detail;
  }
  EXPECT_EQ(busy, a->header.placed_count);
  EXPECT_EQ(static_cast<int>(in_a.size()), a->header.placed_count);

  // Facilitators and rooms: no overlap, and the staff gap holds between networks.
  const std::int64_t gap = 30 * 60;
  for (const auto& sa : a->sessions) {
    for (const auto& sb : b->sessions) {
      const bool overlap =
          sa.start.utc_seconds < sb.end.utc_seconds && sb.start.utc_seconds < sa.end.utc_seconds;
      if (sa.venue_id == sb.venue_id && sa.room == sb.room) {
        EXPECT_FALSE(overlap) << sb.slot_id;
      }
      if (sa.facilitator_id == sb.facilitator_id) {
        const bool apart = sb.start.utc_seconds >= sa.end.utc_seconds + gap ||
                           sa.start.utc_seconds >= sb.end.utc_seconds + gap;
        EXPECT_TRUE(apart) << sa.slot_id << " / " << sb.slot_id;
      }
    }
  }
}

TEST_F(CrossNetworkTest, SupersededProposalsAreNotBusy) {
  prepare(true);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  Store store = open_store();
  // Plan A again: proposal 1 is superseded, so only proposal 2's sessions are busy for B.
  ASSERT_EQ(plan(kDemoNetwork), 0);
  const auto a_id = find_network(store, kDemoNetwork)->id;
  const auto busy = load_busy_sessions(store, find_network(store, kSecondNetwork)->id,
                                       LocalTime{0, 0}, LocalTime{4102444800, 0});
  const auto current_a = load_proposal(store, 2);
  ASSERT_TRUE(current_a);
  EXPECT_EQ(busy.size(), current_a->sessions.size());
  for (const auto& s : busy) EXPECT_EQ(s.proposal_id, 2);
  // The network's own sessions are never busy for itself.
  EXPECT_TRUE(load_busy_sessions(store, a_id, LocalTime{0, 0}, LocalTime{4102444800, 0}).empty());
}

}  // namespace
}  // namespace tafel::testing
