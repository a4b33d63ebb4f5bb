// The session pages over real HTTP against the daemon, on the bundled demo network (imported and
// planned through the real CLI): the run sheet's rule findings after a breaking edit, the roles
// form refusing one person in both roles, the capture refusing a participant's name with nothing
// stored, the facilitator scope (404), the knowledge base finding a captured tip, and the
// members' public knowledge link showing no member names.

#include "tests/adapters/web/web_fixture.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

namespace tafel::testing {
namespace {

constexpr const char* kNetwork = "Coöperatie Vakwerk Gelderse Vallei";
constexpr const char* kPassword = "een-lang-genoeg-wachtwoord";

class SessionsPagesTest : public WebTest {
 protected:
  void SetUp() override {
    const std::string source = TAFEL_SOURCE_DIR;
    std::ifstream in(source + "/config/demo/demo.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string cfg = text.str();
    auto replace_line = [&cfg](const std::string& start, const std::string& line) {
      const auto at = cfg.find("\n" + start);
      ASSERT_NE(at, std::string::npos) << start;
      const auto eol = cfg.find('\n', at + 1);
      cfg.replace(at + 1, eol - at - 1, line);
    };
    replace_line("database = ", "database = \"" + (dir_ / "tafel.db").string() + "\"");
    replace_line("templates = ", "templates = \"" + source + "/config/templates\"");
    config_ = dir_.write("tafelplanner.toml", cfg);

    const std::string demo = source + "/config/demo/";
    const std::string net = std::string(" --network '") + kNetwork + "'";
    for (const std::string& args :
         {"import members '" + demo + "leden.csv'" + net,
          "import events '" + demo + "agenda.ics'" + net + " --from 2026-12-01 --to 2027-03-31",
          "import availability '" + demo + "beschikbaarheid.json'" + net,
          "plan" + net + " --from 2026-12-01 --to 2027-03-31 --time-limit-ms 1500"}) {
      const auto r = cli(args);
      ASSERT_EQ(r.code, 0) << args << "\n" << r.err;
    }
    ASSERT_EQ(
        cli("users add coord@example.org --role coordinator --password-stdin", kPassword).code, 0);
    auto d = db();
    SQLite::Statement q(d, "SELECT id, facilitator_id FROM sessions ORDER BY id LIMIT 1");
    ASSERT_TRUE(q.executeStep());
    session_ = q.getColumn(0).getInt64();
    facilitator_ = q.getColumn(1).getString();
    ASSERT_FALSE(facilitator_.empty());
    start_daemon();
  }

  std::string path(const std::string& tail) const {
    return "/beheer/sessies/" + std::to_string(session_) + tail;
  }

  std::string cookie_for(const std::string& email) {
    return "Cookie: tp_sessie=" + session_for(email, kPassword);
  }

  std::string csrf_for(const std::string& cookie) {
    const auto page = get("/beheer", {cookie});
    EXPECT_TRUE(page && page->status == 200);
    return page ? csrf_of(page->body) : "";
  }

  std::string token_for(const std::string& email) {
    const auto r = cli("tokens add " + email);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  int count(const std::string& sql) {
    auto d = db();
    SQLite::Statement q(d, sql);
    return q.executeStep() ? q.getColumn(0).getInt() : -1;
  }

  std::optional<HttpResponse> post_json(const std::string& target, const nlohmann::json& body,
                                        std::vector<std::string> extra) {
    extra.push_back("Content-Type: application/json");
    return http_request(daemon_->host(), daemon_->port(), "POST", target, body.dump(), extra);
  }

  // A capture form with one tip and three takeaways.
  std::string capture_body(const std::string& csrf, const std::string& tip) {
    return "csrf=" + url_encode(csrf) + "&soort_0=bottleneck&thema_0=" + url_encode("personeel") +
           "&tekst_0=" + url_encode("Vacatures blijven maanden open staan") +
           "&soort_1=tip&thema_1=" + url_encode("personeel") + "&tekst_1=" + url_encode(tip) +
           "&inzicht_1=" + url_encode("Samen werven loont") +
           "&inzicht_2=" + url_encode("Stagiairs vroeg binden") +
           "&inzicht_3=" + url_encode("Vaker bellen");
  }

  std::int64_t session_ = 0;
  std::string facilitator_;
};

TEST_F(SessionsPagesTest, RunSheetShowsTheRuleFindingAfterABreakingEdit) {
  const std::string cookie = cookie_for("coord@example.org");
  const auto sheet = get(path("/draaiboek"), {cookie});
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->status, 200);
  for (const char* part : {"Draaiboek praktijktafel", "Startvraag:", "Actievraag:", "Deelnemers",
                           "Sectorcijfers", "name=\"minutes_welcome\"", "Rollen"})
    EXPECT_NE(sheet->body.find(part), std::string::npos) << part;
  EXPECT_EQ(sheet->body.find("voldoet niet aan de regels"), std::string::npos);
  EXPECT_EQ(sheet->body.find("<script"), std::string::npos);

  const std::string token = token_for("coord@example.org");
  const auto api = get("/api/sessies/" + std::to_string(session_) + "/draaiboek",
                       {"Authorization: Bearer " + token});
  ASSERT_TRUE(api && api->status == 200);
  const auto json = nlohmann::json::parse(api->body);
  EXPECT_TRUE(json["findings"].empty());
  std::map<std::string, int> minutes;
  for (const auto& p : json["programme"]["parts"]) minutes[p["key"]] = p["minutes"];
  const std::string start_q = json["programme"]["start_question"];
  const std::string action_q = json["programme"]["action_question"];
  const std::string method = json["programme"]["intervision_method"];

  // Fifteen minutes moved from the own cases to the welcome: landing is over 30 minutes.
  minutes["welcome"] += 15;
  minutes["own_cases"] -= 15;
  std::string body = "csrf=" + url_encode(csrf_of(sheet->body));
  for (const auto& [key, n] : minutes) body += "&minutes_" + key + "=" + std::to_string(n);
  body += "&start_question=" + url_encode(start_q) + "&action_question=" + url_encode(action_q) +
          "&intervision_method=" + url_encode(method) + "&sector_card_id=";
  const auto saved = post_form(path("/draaiboek"), body, {cookie});
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303) << saved->body;

  const auto after = get(path("/draaiboek"), {cookie});
  ASSERT_TRUE(after && after->status == 200);
  EXPECT_NE(after->body.find("voldoet niet aan de regels"), std::string::npos);
  EXPECT_NE(after->body.find("role=\"alert\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_programmes"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'programme_saved'"), 1);

  // Without the CSRF token nothing is saved.
  const auto forged = post_form(path("/draaiboek"), "minutes_welcome=10", {cookie});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
}

TEST_F(SessionsPagesTest, TheSamePersonAsFacilitatorAndExpertIsRefused) {
  const std::string cookie = cookie_for("coord@example.org");
  const std::string csrf = csrf_for(cookie);
  const auto refused = post_form(
      path("/rollen"),
      "csrf=" + url_encode(csrf) + "&facilitator_id=" + facilitator_ + "&expert_id=" + facilitator_,
      {cookie});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("class=\"fout\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_roles"), 0);

  const std::string token = token_for("coord@example.org");
  const auto api = post_json("/api/sessies/" + std::to_string(session_) + "/rollen",
                             {{"facilitator_id", facilitator_}, {"expert_id", facilitator_}},
                             {"Authorization: Bearer " + token});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 422);
  EXPECT_EQ(nlohmann::json::parse(api->body)["field"], "/expert_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_roles"), 0);

  const auto ok = post_json("/api/sessies/" + std::to_string(session_) + "/rollen",
                            {{"facilitator_id", facilitator_}, {"expert_id", nullptr}},
                            {"Authorization: Bearer " + token});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'roles_set'"), 1);
}

TEST_F(SessionsPagesTest, ACaptureNamingAParticipantIsRefusedAndNothingStored) {
  const std::string cookie = cookie_for("coord@example.org");
  const std::string csrf = csrf_for(cookie);
  // "Rens van Dijk" is a member of the demo network.
  const std::string tip = "Vraag Rens hoe hij zijn roosters maakt";
  const auto refused = post_form(path("/verslag"), capture_body(csrf, tip), {cookie});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Niets is opgeslagen"), std::string::npos);
  EXPECT_NE(refused->body.find(tip), std::string::npos);  // the input is kept
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_items"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM session_captures"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'capture_recorded'"), 0);
}

TEST_F(SessionsPagesTest, AFacilitatorOfAnotherSessionGetsNotFound) {
  auto d = db();
  SQLite::Statement q(d, "SELECT id FROM staff WHERE role = 'facilitator' AND id <> ? LIMIT 1");
  q.bind(1, facilitator_);
  ASSERT_TRUE(q.executeStep());
  const std::string other = q.getColumn(0).getString();
  ASSERT_EQ(
      cli("users add ander@example.org --role facilitator --staff " + other + " --password-stdin",
          kPassword)
          .code,
      0);
  ASSERT_EQ(cli("users add eigen@example.org --role facilitator --staff " + facilitator_ +
                    " --password-stdin",
                kPassword)
                .code,
            0);
  // The other facilitator must not run this session.
  ASSERT_EQ(count("SELECT COUNT(*) FROM sessions WHERE id = " + std::to_string(session_) +
                  " AND facilitator_id = '" + other + "'"),
            0);
  const std::string stranger = cookie_for("ander@example.org");
  for (const char* tail : {"/draaiboek", "/verslag"}) {
    const auto r = get(path(tail), {stranger});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << tail;
  }
  const auto api = get("/api/sessies/" + std::to_string(session_) + "/verslag",
                       {"Authorization: Bearer " + token_for("ander@example.org")});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);

  const std::string own = cookie_for("eigen@example.org");
  for (const char* tail : {"/draaiboek", "/verslag"}) {
    const auto r = get(path(tail), {own});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << tail;
  }
}

TEST_F(SessionsPagesTest, TheKnowledgeBaseFindsACapturedTip) {
  const std::string cookie = cookie_for("coord@example.org");
  const std::string csrf = csrf_for(cookie);
  const std::string tip = "Deel een werkbus met een collega-ondernemer";
  const auto saved = post_form(path("/verslag"), capture_body(csrf, tip), {cookie});
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303) << saved->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'capture_recorded'"), 1);

  const auto found = get("/beheer/kennisbank?tekst=werkbus", {cookie});
  ASSERT_TRUE(found && found->status == 200);
  EXPECT_NE(found->body.find(tip), std::string::npos);
  EXPECT_NE(found->body.find("1 resultaat."), std::string::npos);
  EXPECT_NE(found->body.find("<svg"), std::string::npos);
  EXPECT_NE(found->body.find("personeel"), std::string::npos);

  const auto none = get("/beheer/kennisbank?tekst=vrachtwagen", {cookie});
  ASSERT_TRUE(none && none->status == 200);
  EXPECT_EQ(none->body.find(tip), std::string::npos);

  const auto api =
      get("/api/kennisbank?soort=tip", {"Authorization: Bearer " + token_for("coord@example.org")});
  ASSERT_TRUE(api && api->status == 200);
  const auto json = nlohmann::json::parse(api->body);
  ASSERT_EQ(json["items"].size(), 1U);
  EXPECT_EQ(json["items"][0]["text"], tip);
}

TEST_F(SessionsPagesTest, ThePublicKnowledgeLinkShowsNoMemberNames) {
  const std::string cookie = cookie_for("coord@example.org");
  const std::string tip = "Deel een werkbus met een collega-ondernemer";
  ASSERT_EQ(post_form(path("/verslag"), capture_body(csrf_for(cookie), tip), {cookie})->status,
            303);
  const auto page = get("/beheer/kennisbank", {cookie});
  ASSERT_TRUE(page && page->status == 200);
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(page->body, m, std::regex("href=\"(/kennisbank/[A-Za-z0-9_-]+)\"")));
  const std::string link = m[1].str();

  const auto pub = get(link);  // no cookie
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->status, 200);
  EXPECT_NE(pub->body.find(tip), std::string::npos);
  EXPECT_EQ(pub->body.find("Uitloggen"), std::string::npos);
  auto d = db();
  SQLite::Statement names(d, "SELECT name, email FROM members");
  int checked = 0;
  while (names.executeStep()) {
    EXPECT_EQ(pub->body.find(names.getColumn(0).getString()), std::string::npos);
    const std::string email = names.getColumn(1).getString();
    if (!email.empty()) {
      EXPECT_EQ(pub->body.find(email), std::string::npos);
    }
    ++checked;
  }
  EXPECT_GT(checked, 10);

  const auto bad = get("/kennisbank/" + std::string(88, 'A'));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 404);
}

}  // namespace
}  // namespace tafel::testing
