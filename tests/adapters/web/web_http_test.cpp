// The web app over real HTTP against the daemon (`tafelplanner serve`) and a real SQLite file:
// log-in and its cookie, generic errors, throttling, CSRF, partner scoping, escaping, the API
// with and without a token, log-out.

#include "adapters/store/accounts_store.hpp"
#include "tests/adapters/web/web_fixture.hpp"

#include <nlohmann/json.hpp>

namespace tafel::testing {
namespace {

class WebHttp : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    ASSERT_EQ(cli("users add co@example.nl --role coordinator --password-stdin", kCoPassword).code,
              0);
    ASSERT_EQ(cli("users add noord@example.nl --role partner --network Noord --password-stdin",
                  kNoordPassword)
                  .code,
              0);
    noord_item_ = add_item(network("Noord"), "Antwoord van Noord: <script>alert(1)</script>");
    zuid_item_ = add_item(network("Zuid"), "Geheim van Zuid");
    start_daemon();
  }

  static constexpr const char* kCoPassword = "coordinator wachtwoord\n";
  static constexpr const char* kNoordPassword = "noord wachtwoord!\n";
  std::int64_t noord_item_ = 0;
  std::int64_t zuid_item_ = 0;
};

TEST_F(WebHttp, NotLoggedInRedirectsPagesAndRefusesTheApi) {
  const auto page = get("/beheer");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 303);
  EXPECT_EQ(page->header("Location"), "/inloggen");
  const auto api = get("/api/meldingen");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 401);
  EXPECT_NE(api->header("Content-Type").value_or("").find("json"), std::string::npos);
  const auto bad_token = get("/api/meldingen", {"Authorization: Bearer nope"});
  ASSERT_TRUE(bad_token);
  EXPECT_EQ(bad_token->status, 401);
}

TEST_F(WebHttp, LoginFormIsDutchWithLabels) {
  const auto form = get("/inloggen");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("lang=\"nl\""), std::string::npos);
  EXPECT_NE(form->body.find("<label for=\"email\">E-mailadres</label>"), std::string::npos);
  EXPECT_NE(form->body.find("<label for=\"wachtwoord\">Wachtwoord</label>"), std::string::npos);
  EXPECT_FALSE(csrf_of(form->body).empty());
  const std::string cookie = set_cookie_line(*form, "tp_inlog");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
}

TEST_F(WebHttp, LoginSetsASessionCookieWithTheRightFlags) {
  const auto r = login("Co@Example.nl", "coordinator wachtwoord");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303) << r->body;
  EXPECT_EQ(r->header("Location"), "/beheer");
  const std::string line = set_cookie_line(*r, "tp_sessie");
  EXPECT_NE(line.find("HttpOnly"), std::string::npos) << line;
  EXPECT_NE(line.find("SameSite=Lax"), std::string::npos) << line;
  EXPECT_NE(line.find("Path=/;"), std::string::npos) << line;
  EXPECT_EQ(line.find("Secure"), std::string::npos) << "public_url is http: " << line;
  const std::string cookie = set_cookie(*r, "tp_sessie");
  {
    // Only the hash of the cookie value is stored.
    auto d = db();
    EXPECT_EQ(d.execAndGet("SELECT count(*) FROM web_sessions").getInt(), 1);
    EXPECT_EQ(
        d.execAndGet("SELECT count(*) FROM web_sessions WHERE id = '" + cookie + "'").getInt(), 0);
  }
  const auto page = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Meldingen"), std::string::npos);
  EXPECT_NE(page->body.find("2 open meldingen."), std::string::npos);
  EXPECT_NE(page->body.find("Geheim van Zuid"), std::string::npos);  // coordinator sees all
}

TEST_F(WebHttp, WrongPasswordAndUnknownAccountGetTheSameGenericError) {
  const auto wrong = login("co@example.nl", "niet het wachtwoord");
  const auto unknown = login("niemand@example.nl", "niet het wachtwoord");
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 422);
  EXPECT_EQ(unknown->status, 422);
  const std::string error = "Het e-mailadres of het wachtwoord klopt niet.";
  EXPECT_NE(wrong->body.find(error), std::string::npos);
  EXPECT_NE(unknown->body.find(error), std::string::npos);
  EXPECT_EQ(set_cookie(*wrong, "tp_sessie"), "");
}

TEST_F(WebHttp, SixthFailureIsThrottled) {
  for (int i = 0; i < 5; ++i) {
    const auto r = login("co@example.nl", "fout wachtwoord " + std::to_string(i));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 422) << i;
  }
  const auto sixth = login("co@example.nl", "coordinator wachtwoord");  // even the right one
  ASSERT_TRUE(sixth);
  EXPECT_EQ(sixth->status, 429);
  EXPECT_NE(sixth->body.find("Te veel pogingen"), std::string::npos);
  EXPECT_NE(sixth->body.find("15 minuten"), std::string::npos) << sixth->body;
  EXPECT_TRUE(sixth->header("Retry-After"));
  // The client address is throttled too, for any account.
  const auto other = login("noord@example.nl", "noord wachtwoord!");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 429);
}

TEST_F(WebHttp, FormsWithoutOrWithAWrongCsrfTokenChangeNothing) {
  // Log-in form without its cookie.
  const auto no_cookie = post_form("/inloggen", "csrf=x&email=co%40example.nl&wachtwoord=x");
  ASSERT_TRUE(no_cookie);
  EXPECT_EQ(no_cookie->status, 403);

  const std::string cookie = session_for("co@example.nl", "coordinator wachtwoord");
  ASSERT_FALSE(cookie.empty());
  const std::string target = "/beheer/meldingen/" + std::to_string(noord_item_) + "/afhandelen";
  const auto none = post_form(target, "", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 403);
  const auto wrong = post_form(target, "csrf=wrong", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_NE(wrong->body.find("Er is niets veranderd"), std::string::npos);
  EXPECT_TRUE(item_open(noord_item_));
  const auto logout = post_form("/uitloggen", "csrf=wrong", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 403);
  EXPECT_EQ(get("/beheer", {"Cookie: tp_sessie=" + cookie})->status, 200);

  // With the right token the item is resolved and audited.
  const auto page = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  const auto ok =
      post_form(target, "csrf=" + url_encode(csrf_of(page->body)), {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 303);
  EXPECT_FALSE(item_open(noord_item_));
  auto d = db();
  const auto audit = audit_entries(d);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().account, "co@example.nl");
  EXPECT_EQ(audit.back().action, "resolved");
  EXPECT_EQ(audit.back().object_kind, "coordinator_item");
  EXPECT_EQ(audit.back().object_id, std::to_string(noord_item_));
}

TEST_F(WebHttp, PartnerSeesOnlyItsOwnItemsAndOthersAreNotFound) {
  const std::string cookie = session_for("noord@example.nl", "noord wachtwoord!");
  ASSERT_FALSE(cookie.empty());
  const auto page = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Antwoord van Noord"), std::string::npos);
  EXPECT_EQ(page->body.find("Geheim van Zuid"), std::string::npos);
  EXPECT_NE(page->body.find("1 open melding."), std::string::npos);

  const std::string csrf = csrf_of(page->body);
  const auto other = post_form("/beheer/meldingen/" + std::to_string(zuid_item_) + "/afhandelen",
                               "csrf=" + url_encode(csrf), {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  EXPECT_EQ(other->body.find("Zuid"), std::string::npos);
  EXPECT_TRUE(item_open(zuid_item_));
  const auto unknown = post_form("/beheer/meldingen/999999/afhandelen", "csrf=" + url_encode(csrf),
                                 {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);

  const auto api = get("/api/meldingen", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  const auto j = nlohmann::json::parse(api->body);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["id"], noord_item_);
}

TEST_F(WebHttp, DetailIsHtmlEscaped) {
  const std::string cookie = session_for("noord@example.nl", "noord wachtwoord!");
  const auto page = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page->header("Content-Security-Policy").value_or("").find("default-src 'none'"),
            std::string::npos);
}

TEST_F(WebHttp, ApiTokenWorksWithTheSameScope) {
  const auto token = cli("tokens add noord@example.nl");
  ASSERT_EQ(token.code, 0) << token.err;
  const std::string value = token.out.substr(0, token.out.size() - 1);
  const auto api = get("/api/meldingen", {"Authorization: Bearer " + value});
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200) << api->body;
  const auto j = nlohmann::json::parse(api->body);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["detail"], "Antwoord van Noord: <script>alert(1)</script>");
  EXPECT_EQ(j["items"][0]["network_id"], network("Noord"));
  // A token is no session: it does not open the HTML pages.
  EXPECT_EQ(get("/beheer", {"Authorization: Bearer " + value})->status, 303);
  auto d = db();
  EXPECT_FALSE(d.execAndGet("SELECT last_used FROM api_tokens").isNull());
}

TEST_F(WebHttp, LogoutEndsTheSession) {
  const std::string cookie = session_for("co@example.nl", "coordinator wachtwoord");
  const auto page = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const auto out = post_form("/uitloggen", "csrf=" + url_encode(csrf_of(page->body)),
                             {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(out->header("Location"), "/inloggen");
  EXPECT_NE(set_cookie_line(*out, "tp_sessie").find("Max-Age=0"), std::string::npos);
  const auto after = get("/beheer", {"Cookie: tp_sessie=" + cookie});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 303);
  EXPECT_EQ(get("/api/meldingen", {"Cookie: tp_sessie=" + cookie})->status, 401);
}

}  // namespace
}  // namespace tafel::testing
