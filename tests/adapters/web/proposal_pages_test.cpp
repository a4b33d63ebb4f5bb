// The proposed-schedule pages and their API over real HTTP against the daemon, on the bundled
// demo network (imported and planned through the real CLI) plus a second, empty network:
// scope (404 for another partner), CSRF, conflicts on a stale revision (409), escaping of member
// names, and approval putting invitations into the outbox.

#include "tests/adapters/web/web_fixture.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace tafel::testing {
namespace {

constexpr const char* kNetwork = "Coöperatie Vakwerk Gelderse Vallei";
constexpr const char* kPassword = "een-lang-genoeg-wachtwoord";

class ProposalPagesTest : public WebTest {
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
    cfg += "\n[[networks]]\nname = \"Ander Netwerk\"\n";
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
    start_daemon();
  }

  std::string token_for(const std::string& email) {
    const auto r = cli("tokens add " + email);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  nlohmann::json api_proposal(const std::string& token, int id = 1) {
    const auto r =
        get("/api/voorstellen/" + std::to_string(id), {"Authorization: Bearer " + token});
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
  }

  int stored_revision(int id = 1) {
    auto d = db();
    SQLite::Statement q(d, "SELECT revision FROM proposals WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getInt() : -1;
  }

  // The session cookie and the CSRF token of the proposal page.
  struct Browser {
    std::string cookie;
    std::string csrf;
  };
  Browser browse_as(const std::string& email) {
    Browser b;
    b.cookie = "Cookie: tp_sessie=" + session_for(email, kPassword);
    const auto page = get("/beheer/voorstellen/1", {b.cookie});
    EXPECT_TRUE(page && page->status == 200);
    if (page) b.csrf = csrf_of(page->body);
    return b;
  }

  std::optional<HttpResponse> post_json(const std::string& target, const nlohmann::json& body,
                                        std::vector<std::string> extra) {
    extra.push_back("Content-Type: application/json");
    return http_request(daemon_->host(), daemon_->port(), "POST", target, body.dump(), extra);
  }
};

TEST_F(ProposalPagesTest, ShowsTheWeekViewUnplacedPeopleAndChart) {
  const auto b = browse_as("coord@example.org");
  const auto page = get("/beheer/voorstellen/1", {b.cookie});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  for (const char* part :
       {"Voorstel 1", "Weekoverzicht", "class=\"week\"", "Facilitator:", "Bijeenkomst:", "plaatsen",
        "Niet geplaatst", "<svg", "Plaatsing per sector", "name=\"versie\" value=\"0\"",
        "Goedkeuren en uitnodigen", "Opnieuw berekenen"})
    EXPECT_NE(page->body.find(part), std::string::npos) << part;
  EXPECT_EQ(page->body.find("<script"), std::string::npos);

  const auto rounds = get("/beheer/rondes", {b.cookie});
  ASSERT_TRUE(rounds);
  EXPECT_EQ(rounds->status, 200);
  EXPECT_NE(rounds->body.find("href=\"/beheer/voorstellen/1\""), std::string::npos);

  const auto json = api_proposal(token_for("coord@example.org"));
  ASSERT_TRUE(json.contains("sessions"));
  EXPECT_FALSE(json["sessions"].empty());
  EXPECT_EQ(json["revision"], 0);
  EXPECT_TRUE(json["sessions"][0]["members"][0].contains("sector"));
}

TEST_F(ProposalPagesTest, AnotherPartnersProposalIsNotFound) {
  ASSERT_EQ(cli("users add ander@example.org --role partner --network 'Ander Netwerk' "
                "--password-stdin",
                kPassword)
                .code,
            0);
  ASSERT_EQ(cli(std::string("users add eigen@example.org --role partner --network '") + kNetwork +
                    "' --password-stdin",
                kPassword)
                .code,
            0);
  const std::string other = "Cookie: tp_sessie=" + session_for("ander@example.org", kPassword);
  const auto page = get("/beheer/voorstellen/1", {other});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_EQ(page->body.find(kNetwork), std::string::npos);
  const auto rounds = get("/beheer/rondes", {other});
  ASSERT_TRUE(rounds);
  EXPECT_EQ(rounds->body.find("/beheer/voorstellen/1"), std::string::npos);

  const std::string token = token_for("ander@example.org");
  const auto api = get("/api/voorstellen/1", {"Authorization: Bearer " + token});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  const auto edit = post_json("/api/voorstellen/1/goedkeuren", {{"revision", 0}},
                              {"Authorization: Bearer " + token});
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->status, 404);
  const auto listed = get("/api/rondes", {"Authorization: Bearer " + token});
  ASSERT_TRUE(listed);
  EXPECT_EQ(nlohmann::json::parse(listed->body)["rounds"].size(), 0U);

  // The network's own partner sees it.
  const std::string own = "Cookie: tp_sessie=" + session_for("eigen@example.org", kPassword);
  const auto mine = get("/beheer/voorstellen/1", {own});
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->status, 200);
  EXPECT_EQ(stored_revision(), 0);
}

TEST_F(ProposalPagesTest, StaleRevisionIsAConflictInPageAndApi) {
  const auto b = browse_as("coord@example.org");
  const std::string token = token_for("coord@example.org");
  const auto json = api_proposal(token);
  // Two sessions of one sector: move someone from the first to the second (a move must stay
  // within the member's sector).
  const auto& sessions = json["sessions"];
  std::size_t from = 0, to = 0;
  for (std::size_t i = 0; i < sessions.size() && to == 0; ++i)
    for (std::size_t j = i + 1; j < sessions.size() && to == 0; ++j)
      if (sessions[i]["sector"] == sessions[j]["sector"] && !sessions[i]["members"].empty()) {
        from = i;
        to = j;
      }
  ASSERT_NE(to, 0U) << "the demo proposal has two sessions of one sector";
  const auto member = sessions[from]["members"][0]["member"].get<std::int64_t>();
  const auto target = sessions[to]["id"].get<std::int64_t>();
  const std::string form = "csrf=" + url_encode(b.csrf) +
                           "&versie=0&lid=" + std::to_string(member) +
                           "&tafel=" + std::to_string(target);

  const auto first = post_form("/beheer/voorstellen/1/vastzetten", form, {b.cookie});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 303);
  EXPECT_EQ(stored_revision(), 1);
  const auto moved = api_proposal(token);
  bool pinned_there = false;
  for (const auto& m : moved["sessions"][to]["members"])
    if (m["member"] == member) pinned_there = m["pinned"].get<bool>();
  EXPECT_TRUE(pinned_there);

  // A second save drawn from version 0: refused, with the Dutch message, nothing changes.
  const auto second = post_form(
      "/beheer/voorstellen/1/vergrendelen",
      "csrf=" + url_encode(b.csrf) + "&versie=0&tafel=" + std::to_string(target), {b.cookie});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 409);
  EXPECT_NE(second->body.find("Iemand anders heeft dit voorstel intussen gewijzigd (nu versie 1)"),
            std::string::npos);
  EXPECT_EQ(stored_revision(), 1);

  const auto api =
      post_json("/api/voorstellen/1/vergrendelen", {{"revision", 0}, {"session", target}},
                {"Authorization: Bearer " + token});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 409);
  EXPECT_EQ(nlohmann::json::parse(api->body)["revision"], 1);
  const auto approve = post_json("/api/voorstellen/1/goedkeuren", {{"revision", 0}},
                                 {"Authorization: Bearer " + token});
  ASSERT_TRUE(approve);
  EXPECT_EQ(approve->status, 409);
  EXPECT_EQ(stored_revision(), 1);

  // With the current revision the API edit goes through.
  const auto ok =
      post_json("/api/voorstellen/1/vergrendelen", {{"revision", 1}, {"session", target}},
                {"Authorization: Bearer " + token});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(nlohmann::json::parse(ok->body)["revision"], 2);

  auto d = db();
  SQLite::Statement audit(d,
                          "SELECT action, detail FROM audit_log WHERE object_kind = "
                          "'proposal' ORDER BY id");
  std::vector<std::string> actions;
  while (audit.executeStep()) actions.push_back(audit.getColumn(0).getString());
  EXPECT_EQ(actions, (std::vector<std::string>{"pinned", "locked"}));
}

TEST_F(ProposalPagesTest, FormsWithoutCsrfAreRefused) {
  const auto b = browse_as("coord@example.org");
  for (const std::string& body : {std::string("versie=0"), std::string("csrf=vervalst&versie=0")}) {
    const auto r = post_form("/beheer/voorstellen/1/goedkeuren", body, {b.cookie});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
  }
  // A browser session on the API needs the token too.
  const auto api = post_json("/api/voorstellen/1/goedkeuren", {{"revision", 0}}, {b.cookie});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 403);
  EXPECT_EQ(stored_revision(), 0);
  auto d = db();
  EXPECT_EQ(d.execAndGet("SELECT status FROM proposals WHERE id = 1").getString(), "proposed");
}

TEST_F(ProposalPagesTest, MemberNamesAreEscaped) {
  {
    auto d = db();
    d.exec(
        "UPDATE members SET name = '<script>alert(1)</script>' WHERE id = (SELECT member_id "
        "FROM session_members LIMIT 1)");
    d.exec(
        "UPDATE members SET name = '<img src=x onerror=alert(2)>' WHERE id = (SELECT member_id "
        "FROM unplaced LIMIT 1)");
  }
  const auto b = browse_as("coord@example.org");
  const auto page = get("/beheer/voorstellen/1", {b.cookie});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page->body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_EQ(page->body.find("<img src=x"), std::string::npos);
}

TEST_F(ProposalPagesTest, ApprovingPutsTheInvitationsInTheOutbox) {
  const auto b = browse_as("coord@example.org");
  const auto r = post_form("/beheer/voorstellen/1/goedkeuren",
                           "csrf=" + url_encode(b.csrf) + "&versie=0", {b.cookie});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  auto d = db();
  EXPECT_EQ(d.execAndGet("SELECT status FROM proposals WHERE id = 1").getString(), "approved");
  EXPECT_GT(d.execAndGet("SELECT COUNT(*) FROM invitations").getInt(), 0);
  EXPECT_GT(d.execAndGet("SELECT COUNT(*) FROM outbox").getInt(), 0);
  EXPECT_EQ(d.execAndGet("SELECT account FROM audit_log WHERE action = 'approved'").getString(),
            "coord@example.org");
  // Approved: no edit forms any more, and a second approval is refused.
  const auto page = get("/beheer/voorstellen/1", {b.cookie});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body.find("Goedkeuren en uitnodigen"), std::string::npos);
  const auto again = post_form("/beheer/voorstellen/1/goedkeuren",
                               "csrf=" + url_encode(b.csrf) + "&versie=0", {b.cookie});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
}

}  // namespace
}  // namespace tafel::testing
