// The evaluation page (/evaluatie/{token}) in process, on the real SQLite store of the followup
// fixture: GET shows only, POST stores once, the link in the followup mail works, expired and
// foreign tokens get 410, no-shows get the "not for you" page.

#include "adapters/pages/evaluation_page.hpp"

#include "adapters/links/link_token.hpp"
#include "adapters/pages/form_guard.hpp"
#include "tests/adapters/outbox/followup_fixture.hpp"

#include <nlohmann/json.hpp>

#include <regex>

namespace tafel::testing {
namespace {

using F = FollowupFixture;

struct Page {
  F f;
  std::int64_t now = F::kNextNine + 3600;
  pages::PagesSetup setup{f.config.database,     f.config, f.zone,
                          f.templates,           f.key,    pages::PageTemplates::builtin(),
                          [this] { return now; }};
  pages::PageTemplates eval = pages::PageTemplates::builtin(pages::evaluation_pages());

  Page() { f.capture(); }

  std::string token(std::size_t member, std::int64_t expires = F::kNextNine + 30 * 86400) {
    return links::sign_link(f.key, links::Purpose::evaluation, f.invitation(member), expires);
  }
  http::Request request(const std::string& method, const std::string& token,
                        const std::string& body = "") {
    http::Request r;
    r.method = method;
    r.path = r.target = "/evaluatie/" + token;
    r.params["token"] = token;
    r.body = body;
    if (method == "POST")
      r.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
    return r;
  }
  http::Response get(const std::string& token) {
    return pages::handle_evaluation_get(setup, eval, request("GET", token));
  }
  http::Response post(const std::string& token, const std::string& score) {
    return pages::handle_evaluation_post(
        setup, eval,
        request("POST", token, "cijfer=" + score + "&controle=" + pages::form_check(f.key, token)));
  }
  int answers() {
    return f.store.db()
        .execAndGet("SELECT COUNT(*) FROM evaluation_answers WHERE session_id = " +
                    std::to_string(f.session))
        .getInt();
  }
};

TEST(EvaluationPage, GetShowsTheQuestionAndChangesNothing) {
  Page p;
  const auto r = p.get(p.token(0));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Hoe waardevol was deze tafel voor je bedrijf?"), std::string::npos);
  EXPECT_NE(r.body.find("name=\"cijfer\" value=\"5\""), std::string::npos);
  EXPECT_EQ(p.answers(), 0);
}

TEST(EvaluationPage, PostStoresOnceThenShowsReceived) {
  Page p;
  const auto t = p.token(0);
  const auto r = p.post(t, "4");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(p.answers(), 1);
  const auto again = p.post(t, "1");
  EXPECT_EQ(again.status, 200);
  EXPECT_NE(again.body.find("Bedankt voor je antwoord"), std::string::npos);
  EXPECT_EQ(p.answers(), 1);
  EXPECT_EQ(p.f.store.db().execAndGet("SELECT score FROM evaluation_answers").getInt(), 4);
  EXPECT_NE(p.get(t).body.find("Bedankt voor je antwoord"), std::string::npos);
  const auto trend = evaluation_trend(p.f.store.db(), std::nullopt, std::nullopt);
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].answers, 1);
}

TEST(EvaluationPage, BadScoreOrMissingCheckIsRefused) {
  Page p;
  const auto t = p.token(0);
  EXPECT_EQ(p.post(t, "6").status, 422);
  EXPECT_EQ(p.post(t, "").status, 422);
  auto r = p.request("POST", t, "cijfer=3");
  EXPECT_EQ(pages::handle_evaluation_post(p.setup, p.eval, r).status, 403);
  EXPECT_EQ(p.answers(), 0);
}

TEST(EvaluationPage, NoShowGetsTheNotForYouPage) {
  Page p;
  const auto t = p.token(2);
  EXPECT_NE(p.get(t).body.find("niet voor jou"), std::string::npos);
  p.post(t, "5");
  EXPECT_EQ(p.answers(), 0);
}

TEST(EvaluationPage, ExpiredOrForeignTokenIsGone) {
  Page p;
  const auto expired = p.token(0, p.now - 1);
  EXPECT_EQ(p.get(expired).status, 410);
  EXPECT_EQ(p.post(expired, "5").status, 410);
  const auto rsvp = links::sign_link(p.f.key, links::Purpose::rsvp, p.f.invitation(0), p.now + 99);
  EXPECT_EQ(p.get(rsvp).status, 410);
  EXPECT_EQ(p.answers(), 0);
}

TEST(EvaluationPage, TheLinkInTheFollowupWorks) {
  Page p;
  p.f.plan(F::kNextNine);
  std::string payload;
  {  // a statement left open would keep this connection's read snapshot from before the POST
    SQLite::Statement q(p.f.store.db(),
                        "SELECT payload FROM outbox WHERE kind = 'followup' AND channel = 'email'");
    ASSERT_TRUE(q.executeStep());
    payload = q.getColumn(0).getString();
  }
  std::smatch m;
  ASSERT_TRUE(std::regex_search(payload, m, std::regex("/evaluatie/([A-Za-z0-9_-]+)")));
  EXPECT_EQ(p.post(m[1].str(), "5").status, 303);
  EXPECT_EQ(p.answers(), 1);
}

}  // namespace
}  // namespace tafel::testing
