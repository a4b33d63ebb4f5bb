// Migration v2's constraints: a member sits at one table per proposal; statuses are checked;
// an approved proposal names who approved it.

#include "adapters/store/proposals_store.hpp"
#include "tests/adapters/planning/planning_fixture.hpp"

namespace tafel::testing {
namespace {

class PlanningSchemaTest : public PlanningFixture {};

bool refused(Store& store, const std::string& sql) {
  try {
    store.db().exec(sql);
    return false;
  } catch (const SQLite::Exception&) {
    return true;
  }
}

TEST_F(PlanningSchemaTest, ConstraintsHold) {
  prepare(false);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  Store store = open_store();
  const auto p = load_proposal(store, 1);
  ASSERT_TRUE(p);
  ASSERT_GE(p->sessions.size(), 2u);
  const auto member = p->sessions[0].members.front().member_id;
  const auto other = p->sessions[1].id;
  EXPECT_TRUE(refused(store, "INSERT INTO session_members(session_id, member_id) VALUES (" +
                                 std::to_string(other) + ", " + std::to_string(member) + ")"));
  EXPECT_TRUE(refused(store, "UPDATE proposals SET status = 'maybe' WHERE id = 1"));
  EXPECT_TRUE(refused(store, "UPDATE proposals SET status = 'approved' WHERE id = 1"));
  EXPECT_TRUE(refused(store, "UPDATE sessions SET status = 'gone' WHERE proposal_id = 1"));
  EXPECT_TRUE(
      refused(store, "UPDATE sessions SET facilitator_id = 'nobody' WHERE proposal_id = 1"));
  EXPECT_TRUE(refused(store,
                      "INSERT INTO unplaced(proposal_id, member_id, reason, detail) "
                      "VALUES (1, " +
                          std::to_string(member) + ", 'whim', '')"));
  EXPECT_FALSE(approve_proposal(store, 42, "x"));
}

}  // namespace
}  // namespace tafel::testing
