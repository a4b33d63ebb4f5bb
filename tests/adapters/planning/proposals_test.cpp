// `plan` stores numbered proposals; pins, locks and re-solves keep what the coordinator fixed;
// approve_proposal settles statuses.

#include "adapters/store/proposals_store.hpp"
#include "tests/adapters/planning/planning_fixture.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace tafel::testing {
namespace {

class ProposalsTest : public PlanningFixture {};

const SessionRow* session_at(const Proposal& p, const std::string& slot) {
  for (const auto& s : p.sessions)
    if (s.slot_id == slot) return &s;
  return nullptr;
}

const SessionRow* session_of(const Proposal& p, std::int64_t member) {
  for (const auto& s : p.sessions)
    for (const auto& m : s.members)
      if (m.member_id == member) return &s;
  return nullptr;
}

TEST_F(ProposalsTest, PlanStoresNumberedProposalsAndSupersedesTheOlder) {
  prepare(false);
  std::string out;
  ASSERT_EQ(plan(kDemoNetwork, &out, {"--theme", "Personeel vinden en houden"}), 0) << out;
  EXPECT_TRUE(out.starts_with("Voorstel 1:")) << out;
  EXPECT_NE(out.find("tafels"), std::string::npos);
  ASSERT_EQ(plan(kDemoNetwork, &out), 0);
  EXPECT_TRUE(out.starts_with("Voorstel 2:")) << out;

  Store store = open_store();
  const auto list = list_proposals(store);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, 2);
  EXPECT_EQ(list[0].status, "proposed");
  EXPECT_EQ(list[1].status, "superseded");
  EXPECT_EQ(list[1].theme, "Personeel vinden en houden");

  const auto p = load_proposal(store, 1);
  ASSERT_TRUE(p);
  ASSERT_FALSE(p->sessions.empty());
  EXPECT_EQ(p->header.period_from, "2026-12-01");
  EXPECT_EQ(p->header.seed, 1u);
  EXPECT_GT(p->header.placed_count, 0);
  for (const auto& s : p->sessions) {
    EXPECT_GE(s.members.size(), 8u) << s.slot_id;
    EXPECT_LE(s.members.size(), 12u) << s.slot_id;
    EXPECT_EQ(s.theme, "Personeel vinden en houden");
    EXPECT_FALSE(s.uid.empty());
  }
  // Every planned member is either placed or unplaced with a reason, once.
  const auto result = nlohmann::json::parse(p->result_json);
  EXPECT_EQ(result["sessions"].size(), p->sessions.size());
  EXPECT_EQ(result["unplaced"].size(), p->unplaced.size());
  for (const auto& u : p->unplaced) {
    EXPECT_FALSE(u.reason.empty());
    EXPECT_FALSE(u.detail.empty());
  }
  EXPECT_NEAR(result["score"].get<double>(), p->header.score, 0.01);
  EXPECT_FALSE(nlohmann::json::parse(p->instance_json)["participants"].empty());
}

TEST_F(ProposalsTest, PinLockResolveKeepsThemAndReportsChanges) {
  prepare(false);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  Store store = open_store();
  auto first = load_proposal(store, 1);
  ASSERT_TRUE(first);
  ASSERT_GE(first->sessions.size(), 2u);
  const SessionRow& a = first->sessions[0];
  const SessionRow& b = first->sessions[1];

  // Pin a member of A where they are; lock B.
  const std::int64_t pinned = a.members.front().member_id;
  auto r = pin_member(store, 1, pinned, a.id, 0);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, 1);
  // A stale revision conflicts.
  auto stale = set_session_locked(store, 1, b.id, true, 0);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ProposalError::Code::conflict);
  ASSERT_TRUE(set_session_locked(store, 1, b.id, true, 1));
  std::set<std::int64_t> b_members;
  for (const auto& m : b.members) b_members.insert(m.member_id);
  // A member of a locked session cannot be moved away.
  if (a.sector == b.sector) {
    auto moved = pin_member(store, 1, b.members.front().member_id, a.id);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, ProposalError::Code::not_editable);
  }
  // Wrong sector is refused.
  for (const auto& s : first->sessions) {
    if (s.sector == a.sector) continue;
    auto wrong = pin_member(store, 1, s.members.front().member_id, a.id);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ProposalError::Code::invalid);
    break;
  }

  std::string out;
  ASSERT_EQ(cli({"proposals", "resolve", "1", "--time-limit-ms", "20000"}, &out), 0) << out;
  EXPECT_TRUE(out.starts_with("Voorstel 2:")) << out;
  EXPECT_NE(out.find("Wijzigingen ten opzichte van voorstel 1"), std::string::npos) << out;

  auto second = load_proposal(store, 2);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->header.previous_id, 1);
  EXPECT_EQ(load_proposal(store, 1)->header.status, "superseded");
  // The pin holds and stays a pin.
  const SessionRow* where = session_of(*second, pinned);
  ASSERT_TRUE(where);
  EXPECT_EQ(where->slot_id, a.slot_id);
  for (const auto& m : where->members) {
    if (m.member_id == pinned) {
      EXPECT_TRUE(m.pinned);
    }
  }
  // The locked session holds: same slot, facilitator and all its members, still locked.
  const SessionRow* locked = session_at(*second, b.slot_id);
  ASSERT_TRUE(locked);
  EXPECT_TRUE(locked->locked);
  EXPECT_EQ(locked->facilitator_id, b.facilitator_id);
  std::set<std::int64_t> now;
  for (const auto& m : locked->members) now.insert(m.member_id);
  for (auto m : b_members) EXPECT_TRUE(now.contains(m)) << m;
  // Same slot: same calendar uid.
  EXPECT_EQ(locked->uid, b.uid);
  // The result carries the changes against the previous proposal.
  const auto result = nlohmann::json::parse(second->result_json);
  ASSERT_TRUE(result.contains("changes"));
  EXPECT_GT(result["changes"]["kept"].get<int>(), 0);

  // Editing a superseded proposal is refused.
  auto late = unpin_member(store, 1, pinned);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ProposalError::Code::not_editable);
}

TEST_F(ProposalsTest, ApproveMarksStatusesAndRefusesSuperseded) {
  prepare(false);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  Store store = open_store();
  auto refused = approve_proposal(store, 1, "coordinator@example.nl");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ProposalError::Code::not_editable);

  auto ok = approve_proposal(store, 2, "coordinator@example.nl");
  ASSERT_TRUE(ok) << ok.error().message;
  const auto p = load_proposal(store, 2);
  EXPECT_EQ(p->header.status, "approved");
  EXPECT_EQ(p->header.approved_by, "coordinator@example.nl");
  EXPECT_TRUE(p->header.approved_at);
  for (const auto& s : p->sessions) EXPECT_EQ(s.status, "approved");
  EXPECT_FALSE(approve_proposal(store, 2, "x"));  // already approved

  // A new plan is proposed beside the approved one; approving it supersedes the old approval.
  ASSERT_EQ(plan(kDemoNetwork), 0);
  EXPECT_EQ(load_proposal(store, 2)->header.status, "approved");
  auto again = approve_proposal(store, 3, "coordinator@example.nl");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->superseded, std::vector<std::int64_t>{2});
  EXPECT_EQ(load_proposal(store, 2)->header.status, "superseded");
  EXPECT_FALSE(pin_member(store, 3, 1, 1));  // approved: no more edits
}

TEST_F(ProposalsTest, ListAndShowAsJson) {
  prepare(false);
  ASSERT_EQ(plan(kDemoNetwork), 0);
  std::string out;
  ASSERT_EQ(cli({"proposals", "list", "--format", "json"}, &out), 0);
  const auto list = nlohmann::json::parse(out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["number"], 1);
  EXPECT_EQ(list[0]["status"], "proposed");
  ASSERT_EQ(cli({"proposals", "show", "1"}, &out), 0);
  EXPECT_NE(out.find("Voorstel 1"), std::string::npos);
  EXPECT_NE(out.find("Tafel "), std::string::npos);
  EXPECT_EQ(cli({"proposals", "show", "99"}, &out), 2);
}

}  // namespace
}  // namespace tafel::testing
