// The after-session followup on a real SQLite store: capturing a session makes the outreach
// planner enqueue the `nazorg` message for those who came, at 09:00 the next morning, once.

#include "adapters/outbox/followup_outreach.hpp"

#include "tests/adapters/outbox/followup_fixture.hpp"

#include <nlohmann/json.hpp>

#include <regex>

namespace tafel::testing {
namespace {

using F = FollowupFixture;

std::vector<std::tuple<std::string, std::string, std::int64_t>> followup_rows(F& f) {
  std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
  SQLite::Statement q(f.store.db(),
                      "SELECT dedupe_key, channel, due_utc FROM outbox WHERE kind = 'followup' "
                      "ORDER BY dedupe_key");
  while (q.executeStep())
    out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString(),
                     q.getColumn(2).getInt64());
  return out;
}

TEST(FollowupOutreach, NothingBeforeTheCapture) {
  F f;
  f.plan(F::kNextNine + 86400);
  EXPECT_EQ(f.count("kind = 'followup'"), 0);
}

TEST(FollowupOutreach, CaptureEnqueuesForThoseWhoCameAtNineTheNextMorning) {
  F f;
  f.capture();
  const auto early = f.plan(F::kCaptured);
  EXPECT_EQ(f.count("kind = 'followup'"), 0);
  ASSERT_TRUE(early.next_due_utc);
  EXPECT_LE(*early.next_due_utc, F::kNextNine);

  const auto due = f.plan(F::kNextNine);
  EXPECT_TRUE(due.problems.empty()) << due.problems.front();
  EXPECT_EQ(f.followups_for(0), 1);
  EXPECT_EQ(f.followups_for(1), 1);
  EXPECT_EQ(f.followups_for(2), 0);  // did not show
  EXPECT_EQ(f.followups_for(3), 0);  // not on the attendance list
  const auto rows = followup_rows(f);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<0>(rows[0]), std::to_string(f.invitation(0)) + ":followup:email");
  EXPECT_EQ(std::get<0>(rows[1]), std::to_string(f.invitation(1)) + ":followup:whatsapp");
  EXPECT_EQ(std::get<2>(rows[0]), F::kNextNine);

  // Running again adds nothing.
  f.plan(F::kNextNine + 3600);
  EXPECT_EQ(f.count("kind = 'followup'"), 2);
}

TEST(FollowupOutreach, MailCarriesTheTakeawaysActionQuestionAndEvaluationLink) {
  F f;
  f.capture();
  f.plan(F::kNextNine);
  SQLite::Statement q(f.store.db(),
                      "SELECT payload FROM outbox WHERE kind = 'followup' AND channel = 'email'");
  ASSERT_TRUE(q.executeStep());
  const auto j = nlohmann::json::parse(q.getColumn(0).getString());
  const std::string text = j.dump();
  EXPECT_NE(text.find("Inwerkplan op papier zetten."), std::string::npos);
  EXPECT_NE(text.find("waardevol was deze tafel voor je bedrijf?"), std::string::npos);
  EXPECT_NE(text.find("https://tafels.example/evaluatie/"), std::string::npos);
  EXPECT_NE(text.find("/afmelden/"), std::string::npos);
  EXPECT_EQ(text.find("METHOD:REQUEST"), std::string::npos);
  EXPECT_EQ(text.find("Persoon 2"), std::string::npos);

  SQLite::Statement w(
      f.store.db(), "SELECT payload FROM outbox WHERE kind = 'followup' AND channel = 'whatsapp'");
  ASSERT_TRUE(w.executeStep());
  const auto wj = nlohmann::json::parse(w.getColumn(0).getString());
  for (const auto& c : wj["whatsapp"]["request"]["template"]["components"]) {
    for (const auto& p : c.value("parameters", nlohmann::json::array())) {
      if (p.contains("text")) {
        EXPECT_EQ(p["text"].get<std::string>().find('\n'), std::string::npos);
      }
    }
  }
}

TEST(FollowupOutreach, DeterministicKeysAndTimes) {
  F a, b;
  a.capture();
  b.capture();
  a.plan(F::kNextNine + 60);
  b.plan(F::kNextNine + 60);
  EXPECT_EQ(followup_rows(a), followup_rows(b));
}

TEST(FollowupOutreach, NoFollowupForWhoAlreadyAnswered) {
  F f;
  f.capture();
  ASSERT_TRUE(add_evaluation_answer(f.store.db(), f.session, f.members[0], 4, "").has_value());
  f.plan(F::kNextNine);
  EXPECT_EQ(f.followups_for(0), 0);
  EXPECT_EQ(f.followups_for(1), 1);
}

}  // namespace
}  // namespace tafel::testing
