// The members, replies and accounts pages over real HTTP against the daemon and a real SQLite
// file: partner scoping of members by id, list and API; escaping of member names; CSRF on
// erasure and account changes; a facilitator sees only their sessions; the call list (page and
// CSV); the waitlist order and the quorum warning; erasure from the web; disabling an account
// ends its log-ins and sessions; `users disable` and `tokens revoke`.

#include "adapters/store/accounts_store.hpp"
#include "tests/adapters/web/web_fixture.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tafel::testing {
namespace {

constexpr const char* kPassword = "een-lang-genoeg-wachtwoord";

class MembersWeb : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    for (const auto& args :
         {std::string("users add co@example.nl --role coordinator --password-stdin"),
          std::string("users add noord@example.nl --role partner --network Noord --password-stdin"),
          std::string("users add zuid@example.nl --role partner --network Zuid --password-stdin"),
          std::string("users add fien@example.nl --role facilitator --staff fac-1 "
                      "--password-stdin")}) {
      const auto r = cli(args, std::string(kPassword) + "\n");
      ASSERT_EQ(r.code, 0) << args << "\n" << r.err;
    }
    noord_ = network("Noord");
    zuid_ = network("Zuid");
    auto d = db();
    alice_ = add_member(d, noord_, "Bouwbedrijf Alfa", "Alice Aarts", "+31611111111");
    xss_ = add_member(d, noord_, "Installatie <b>Beta</b>", "<script>alert(1)</script>",
                      "+31622222222");
    carla_ = add_member(d, noord_, "=HYPERLINK(\"x\")", "Carla Claes", std::nullopt);
    dirk_ = add_member(d, noord_, "Dakwerken Delta", "Dirk Dekker", "+31644444444");
    erik_ = add_member(d, noord_, "Elektro Echo", "Erik Eng", "+31655555555");
    zeno_ = add_member(d, zuid_, "Zuiderbouw", "Zeno Zuid", "+31699999999");
    for (int i = 0; i < 120; ++i)
      add_member(d, noord_, fmt::format("Firma {:03}", i), fmt::format("Lid {:03}", i),
                 std::nullopt);
    d.exec(
        "INSERT INTO venues (id, name, lat, lon) VALUES ('zaal', 'Zaal De Schakel', 52.0, 5.6);"
        "INSERT INTO rooms (venue_id, name, capacity) VALUES ('zaal', 'klein', 1);"
        "INSERT INTO planning_rounds (network_id, period_from, period_to, created_at) VALUES "
        "(" +
        std::to_string(noord_) +
        ", '2026-12-01', '2027-03-31', '2026-11-01T00:00:00Z'),"
        "(" +
        std::to_string(zuid_) + ", '2026-12-01', '2027-03-31', '2026-11-01T00:00:00Z');");
    noord_session_ = add_session(d, noord_, 1, "fac-1");
    zuid_session_ = add_session(d, zuid_, 2, "fac-2");
    // Alice accepted, the script-named member has not answered, Carla (no phone) has not
    // answered, Dirk declined; Erik and Lid 000 are reserves on the waitlist.
    invite(d, noord_session_, alice_, "accepted", true);
    invite(d, noord_session_, xss_, "invited", false);
    invite(d, noord_session_, carla_, "invited", false);
    invite(d, noord_session_, dirk_, "declined", true);
    invite(d, zuid_session_, zeno_, "invited", false);
    // In the log: Alice takes the one seat of the small room, so the reserves wait.
    log_event(d, noord_session_, alice_, "invite", 0);
    log_event(d, noord_session_, alice_, "answer", 1);
    enlist(d, noord_session_, erik_, 100);
    enlist(d, noord_session_, alice_ + 6, 200);  // "Lid 000"
    d.exec(fmt::format(
        "INSERT INTO outbox (invitation_id, member_id, channel, kind, dedupe_key, due_utc, "
        "payload, state, next_attempt_utc, created_at, updated_at, sent_at_utc) VALUES "
        "(NULL, {0}, 'email', 'invitation', 'k1', 1790000000, '{{\"body\": \"geheime tekst\"}}', "
        "'sent', 1790000000, '2026-09-21T10:00:00Z', '2026-09-21T10:00:00Z', 1790000050);"
        "INSERT INTO inbound (channel, dedupe_key, kind, member_id, received_at, intent, text, "
        "outcome) VALUES ('whatsapp', 'wa:1', 'reply', {0}, '2026-09-22T10:00:00Z', 'yes', "
        "'Ja hoor, ik kom', 'applied');"
        "INSERT INTO coordinator_items (kind, network_id, session_id, detail, created_at) VALUES "
        "('below_quorum', {1}, {2}, 'Te weinig aanmeldingen voor de tafel', "
        "'2026-11-28T10:15:00Z');",
        alice_, noord_, noord_session_));
    start_daemon();
  }

  static std::int64_t add_member(SQLite::Database& d, std::int64_t network_id,
                                 const std::string& company, const std::string& name,
                                 std::optional<std::string> mobile) {
    SQLite::Statement q(
        d,
        "INSERT INTO members (network_id, company, name, email, email_key, mobile, sector, "
        "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
        "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (?, ?, ?, "
        "?, ?, ?, 'bouw', 1, 1, 'test', '2026-01-01T00:00:00Z', ?, 'test', "
        "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    const std::string email = fmt::format("lid{}@example.nl", company.size() * 1000 + name.size());
    q.bind(1, network_id);
    q.bind(2, company);
    q.bind(3, name);
    q.bind(4, email);
    q.bind(5, email);
    if (mobile)
      q.bind(6, *mobile);
    else
      q.bind(6);
    q.bind(7, mobile ? 1 : 0);
    q.exec();
    return d.getLastInsertRowid();
  }

  static std::int64_t add_session(SQLite::Database& d, std::int64_t network_id, int round,
                                  const std::string& facilitator) {
    d.exec(fmt::format(
        "INSERT OR IGNORE INTO staff (id, name, role) VALUES ('{0}', 'Begeleider {0}', "
        "'facilitator');"
        "INSERT INTO proposals (round_id, network_id, period_from, period_to, seed, "
        "time_limit_ms, elapsed_ms, stopped_by_deadline, score, status, created_at, approved_at, "
        "approved_by, instance_json, result_json) VALUES ({1}, {2}, '2026-12-01', '2027-03-31', "
        "1, 1000, 10, 0, 1.0, 'approved', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', 'co', "
        "'{{}}', '{{}}');",
        facilitator, round, network_id));
    const auto proposal = d.getLastInsertRowid();
    d.exec(fmt::format(
        "INSERT INTO sessions (proposal_id, slot_id, venue_id, start_utc, start_offset, end_utc, "
        "end_offset, sector, facilitator_id, status, uid, room) VALUES ({0}, 's{0}', 'zaal', "
        "1796540400, 3600, 1796545800, 3600, 'bouw', '{1}', 'approved', 'uid-{0}', 'klein')",
        proposal, facilitator));
    return d.getLastInsertRowid();
  }

  static void invite(SQLite::Database& d, std::int64_t session, std::int64_t member,
                     const std::string& rsvp, bool answered) {
    d.exec(fmt::format(
        "INSERT INTO invitations (session_id, member_id, reply_id, ical_uid, rsvp, rsvp_at, "
        "created_at, updated_at) VALUES ({0}, {1}, 'r{0}x{1}', 'u{0}x{1}', '{2}', {3}, "
        "'2026-11-03T00:00:00Z', '2026-11-03T00:00:00Z')",
        session, member, rsvp, answered ? "'2026-11-04T00:00:00Z'" : "NULL"));
  }

  static void log_event(SQLite::Database& d, std::int64_t session, std::int64_t member,
                        const std::string& kind, std::int64_t at) {
    d.exec(fmt::format(
        "INSERT INTO rsvp_events (session_id, member_id, kind, at_utc, data, source, created_at) "
        "VALUES ({}, {}, '{}', {}, '{}', 'web', '2026-11-03T00:00:00Z')",
        session, member, kind, 1790000000 + at,
        kind == "answer" ? "{\"reply\": 0}"
                         : "{\"sector\": \"bouw\", \"company\": \"alfa\", \"available\": "
                           "true, \"came_before\": false, \"channels\": 1}"));
  }

  static void enlist(SQLite::Database& d, std::int64_t session, std::int64_t member,
                     std::int64_t at) {
    d.exec(fmt::format(
        "INSERT INTO rsvp_events (session_id, member_id, kind, at_utc, data, source, created_at) "
        "VALUES ({}, {}, 'enlist', {}, '{{\"sector\": \"bouw\", \"company\": \"c{}\", "
        "\"available\": true, \"came_before\": false, \"channels\": 1}}', 'coordinator', "
        "'2026-11-03T00:00:00Z')",
        session, member, 1790000000 + at, member));
  }

  std::string cookie_for(const std::string& email) {
    const std::string c = session_for(email, kPassword);
    EXPECT_FALSE(c.empty()) << email;
    return "Cookie: tp_sessie=" + c;
  }

  std::string token_for(const std::string& email) {
    const auto r = cli("tokens add " + email);
    EXPECT_EQ(r.code, 0) << r.err;
    return "Authorization: Bearer " + r.out.substr(0, r.out.find('\n'));
  }

  int status_of(const std::string& target, const std::string& header) {
    const auto r = get(target, {header});
    return r ? r->status : -1;
  }

  std::int64_t noord_ = 0, zuid_ = 0;
  std::int64_t alice_ = 0, xss_ = 0, carla_ = 0, dirk_ = 0, erik_ = 0, zeno_ = 0;
  std::int64_t noord_session_ = 0, zuid_session_ = 0;
};

TEST_F(MembersWeb, PartnerCannotReadAnotherNetworksMemberByIdOrList) {
  const auto noord = cookie_for("noord@example.nl");
  const auto zeno = std::to_string(zeno_);
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(alice_), noord), 200);
  for (const auto& target :
       {"/beheer/leden/" + zeno, "/api/leden/" + zeno, "/beheer/leden/" + zeno + "/verwijderen",
        std::string("/beheer/leden/999999"), std::string("/beheer/leden/abc")})
    EXPECT_EQ(status_of(target, noord), 404) << target;
  const auto list = get("/beheer/leden?q=Zeno", {noord});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->body.find("Zuiderbouw"), std::string::npos);
  EXPECT_NE(list->body.find("0 leden gevonden"), std::string::npos);

  const auto token = token_for("noord@example.nl");
  EXPECT_EQ(status_of("/api/leden/" + zeno, token), 404);
  const auto api = get("/api/leden?q=Zuid", {token});
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  const auto j = nlohmann::json::parse(api->body);
  EXPECT_EQ(j["total"], 0);
  const auto all = nlohmann::json::parse(get("/api/leden", {token})->body);
  EXPECT_EQ(all["total"], 125);
  for (const auto& m : all["members"]) EXPECT_EQ(m["network_id"], noord_);
  // Zuid's own partner does see Zeno; the coordinator sees both networks.
  EXPECT_EQ(status_of("/api/leden/" + zeno, token_for("zuid@example.nl")), 200);
  EXPECT_EQ(nlohmann::json::parse(get("/api/leden", {token_for("co@example.nl")})->body)["total"],
            126);
}

TEST_F(MembersWeb, SearchFiltersAndPaging) {
  const auto co = token_for("co@example.nl");
  const auto total = [&](const std::string& query) {
    const auto r = get("/api/leden?" + query, {co});
    return r && r->status == 200 ? nlohmann::json::parse(r->body)["total"].get<int>() : -1;
  };
  EXPECT_EQ(total("q=aarts"), 1);
  EXPECT_EQ(total("q=delta"), 1);  // company
  EXPECT_EQ(total("q=%25"), 0);    // a LIKE wildcard is literal
  EXPECT_EQ(total("whatsapp=nee"), 121);
  EXPECT_EQ(total("whatsapp=ja"), 5);
  EXPECT_EQ(total("beantwoord=ja"), 2);   // Alice, Dirk
  EXPECT_EQ(total("beantwoord=nee"), 3);  // script, Carla, Zeno
  EXPECT_EQ(total("sector=bouw&beantwoord=nee&whatsapp=ja"), 2);
  EXPECT_EQ(total("sector=-"), 0);

  const auto page1 = get("/beheer/leden", {cookie_for("co@example.nl")});
  ASSERT_TRUE(page1);
  EXPECT_NE(page1->body.find("126 leden gevonden"), std::string::npos);
  EXPECT_NE(page1->body.find("Pagina 1 van 3"), std::string::npos);
  EXPECT_NE(page1->body.find("pagina=2"), std::string::npos);
  const auto p3 = nlohmann::json::parse(get("/api/leden?pagina=3", {co})->body);
  EXPECT_EQ(p3["members"].size(), 26u);
}

TEST_F(MembersWeb, MemberNamesAreEscapedInListDetailAndReplies) {
  const auto co = cookie_for("co@example.nl");
  for (const auto& target :
       {std::string("/beheer/leden?q=script"), "/beheer/leden/" + std::to_string(xss_),
        "/beheer/sessies/" + std::to_string(noord_session_) + "/antwoorden"}) {
    const auto r = get(target, {co});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << target;
    EXPECT_EQ(r->body.find("<script>"), std::string::npos) << target;
    EXPECT_NE(r->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << target;
    EXPECT_EQ(r->body.find("<b>Beta</b>"), std::string::npos) << target;
  }
}

TEST_F(MembersWeb, HistoryListsMessagesRepliesAndRsvpEventsWithoutBodies) {
  const auto co = cookie_for("co@example.nl");
  const auto page = get("/beheer/leden/" + std::to_string(alice_), {co});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("uitnodiging"), std::string::npos);
  EXPECT_NE(page->body.find("verstuurd"), std::string::npos);
  EXPECT_NE(page->body.find("whatsapp"), std::string::npos);
  EXPECT_NE(page->body.find("antwoordlog"), std::string::npos);
  EXPECT_NE(page->body.find("komt"), std::string::npos) << "her logged answer";
  EXPECT_EQ(page->body.find("geheime tekst"), std::string::npos);
  EXPECT_EQ(page->body.find("Ja hoor"), std::string::npos);
  const auto api = nlohmann::json::parse(get("/api/leden/" + std::to_string(alice_), {co})->body);
  // Oldest first: the logged invite and answer, the message sent, the reply received.
  ASSERT_EQ(api["history"].size(), 4u);
  EXPECT_EQ(api["history"][0]["direction"], "rsvp");
  EXPECT_EQ(api["history"][0]["kind"], "invite");
  EXPECT_EQ(api["history"][1]["state"], "accept");
  EXPECT_EQ(api["history"][1]["session_id"], noord_session_);
  EXPECT_EQ(api["history"][2]["direction"], "out");
  EXPECT_EQ(api["history"][2]["kind"], "invitation");
  EXPECT_EQ(api["history"][2]["state"], "sent");
  EXPECT_EQ(api["history"][3]["direction"], "in");
  EXPECT_EQ(api["history"][3]["channel"], "whatsapp");
  EXPECT_EQ(api["history"][3]["state"], "yes");
}

TEST_F(MembersWeb, RepliesPageShowsGroupsWaitlistQuorumFunnelAndCallList) {
  const auto noord = cookie_for("noord@example.nl");
  const std::string base = "/beheer/sessies/" + std::to_string(noord_session_);
  const auto page = get(base + "/antwoorden", {noord});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const auto& b = page->body;
  EXPECT_NE(b.find("Komt (1)"), std::string::npos);
  EXPECT_NE(b.find("Komt niet (1)"), std::string::npos);
  EXPECT_NE(b.find("Nog geen antwoord (2)"), std::string::npos);
  EXPECT_NE(b.find("<svg role=\"img\""), std::string::npos);
  EXPECT_NE(b.find("Uitgenodigd 4, geantwoord 2, komt 1"), std::string::npos);
  EXPECT_NE(b.find("Te weinig aanmeldingen voor de tafel"), std::string::npos);
  EXPECT_NE(b.find("/beheer/voorstellen/1"), std::string::npos);
  const auto erik = b.find("Erik Eng");
  const auto lid0 = b.find("Lid 000");
  ASSERT_NE(erik, std::string::npos);
  ASSERT_NE(lid0, std::string::npos);
  EXPECT_LT(erik, lid0) << "enlisted earlier, so first on the waitlist";
  EXPECT_NE(b.find("tel:+31622222222"), std::string::npos);
  EXPECT_EQ(b.find("tel:+31611111111"), std::string::npos) << "Alice answered";
  EXPECT_EQ(b.find("<script"), std::string::npos) << "no script at all (CSP)";

  const auto csv = get(base + "/belijst.csv", {noord});
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body,
            "\xEF\xBB\xBFnaam;bedrijf;telefoon\r\n"
            "\"Carla Claes\";\"'=HYPERLINK(\"\"x\"\")\";\"\"\r\n"
            "\"<script>alert(1)</script>\";\"Installatie <b>Beta</b>\";\"+31622222222\"\r\n");

  const auto api =
      nlohmann::json::parse(get("/api/sessies/" + std::to_string(noord_session_) + "/antwoorden",
                                {token_for("noord@example.nl")})
                                ->body);
  EXPECT_EQ(api["counts"]["invited"], 4);
  EXPECT_EQ(api["counts"]["accepted"], 1);
  EXPECT_EQ(api["waitlist"].size(), 2u);
  EXPECT_EQ(api["waitlist"][0]["member_id"], erik_);
  EXPECT_EQ(api["call_list"].size(), 2u);
  EXPECT_EQ(api["quorum"]["options"],
            nlohmann::json({"invite_from_waitlist", "merge", "move", "cancel"}));

  // Another partner's session does not exist for Noord, in page, CSV and API.
  const std::string zuid = "/beheer/sessies/" + std::to_string(zuid_session_);
  EXPECT_EQ(status_of(zuid + "/antwoorden", noord), 404);
  EXPECT_EQ(status_of(zuid + "/belijst.csv", noord), 404);
  EXPECT_EQ(status_of("/api/sessies/" + std::to_string(zuid_session_) + "/antwoorden",
                      token_for("noord@example.nl")),
            404);
}

TEST_F(MembersWeb, FacilitatorSeesOnlyTheirSessionsAndTheirMembers) {
  const auto fien = cookie_for("fien@example.nl");
  EXPECT_EQ(status_of("/beheer/sessies/" + std::to_string(noord_session_) + "/antwoorden", fien),
            200);
  EXPECT_EQ(status_of("/beheer/sessies/" + std::to_string(zuid_session_) + "/antwoorden", fien),
            404);
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(alice_), fien), 200);
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(zeno_), fien), 404);
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(erik_), fien), 404)
      << "only on the waitlist log, not invited";
  const auto list = get("/beheer/leden", {fien});
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("4 leden gevonden"), std::string::npos);
  EXPECT_EQ(status_of("/beheer/accounts", fien), 404);
}

TEST_F(MembersWeb, EraseNeedsCoordinatorCsrfAndConfirmation) {
  const std::string target = "/beheer/leden/" + std::to_string(dirk_) + "/verwijderen";
  const auto noord = cookie_for("noord@example.nl");
  EXPECT_EQ(status_of(target, noord), 404) << "partners do not erase";
  const auto co = cookie_for("co@example.nl");
  const auto confirm = get(target, {co});
  ASSERT_TRUE(confirm);
  ASSERT_EQ(confirm->status, 200);
  const std::string csrf = csrf_of(confirm->body);
  ASSERT_FALSE(csrf.empty());

  const auto no_csrf = post_form(target, "bevestig=ja", {co});
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  const auto partner = post_form(
      target, "bevestig=ja&csrf=" + csrf_of(get("/beheer/leden", {noord})->body), {noord});
  ASSERT_TRUE(partner);
  EXPECT_EQ(partner->status, 404);
  const auto unconfirmed = post_form(target, "csrf=" + url_encode(csrf), {co});
  ASSERT_TRUE(unconfirmed);
  EXPECT_EQ(unconfirmed->status, 303);
  EXPECT_EQ(
      db().execAndGet("SELECT count(*) FROM members WHERE id = " + std::to_string(dirk_)).getInt(),
      1);

  const auto done = post_form(target, "bevestig=ja&csrf=" + url_encode(csrf), {co});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200) << done->body;
  EXPECT_NE(done->body.find("Lid gewist"), std::string::npos);
  auto d = db();
  EXPECT_EQ(
      d.execAndGet("SELECT count(*) FROM members WHERE id = " + std::to_string(dirk_)).getInt(), 0);
  EXPECT_EQ(
      d.execAndGet("SELECT count(*) FROM invitations WHERE member_id = " + std::to_string(dirk_))
          .getInt(),
      0);
  SQLite::Statement audit(d,
                          "SELECT account, object_kind, object_id, detail FROM audit_log WHERE "
                          "action = 'erased'");
  ASSERT_TRUE(audit.executeStep());
  EXPECT_EQ(audit.getColumn(0).getString(), "co@example.nl");
  EXPECT_EQ(audit.getColumn(1).getString(), "member");
  EXPECT_EQ(audit.getColumn(2).getString(), std::to_string(dirk_));
  EXPECT_EQ(audit.getColumn(3).getString().find("Dekker"), std::string::npos);
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(dirk_), co), 404);
}

TEST_F(MembersWeb, AccountsPageAddsAndDisablesWithCsrfAndDisabledCannotLogIn) {
  const auto co = cookie_for("co@example.nl");
  EXPECT_EQ(status_of("/beheer/accounts", cookie_for("noord@example.nl")), 404);
  const auto page = get("/beheer/accounts", {co});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string csrf = url_encode(csrf_of(page->body));
  EXPECT_NE(page->body.find("<label for=\"a-email\">"), std::string::npos);

  const std::string add = "email=Nieuw%40Example.nl&rol=partner&netwerk=" + std::to_string(zuid_) +
                          "&wachtwoord=" + url_encode(kPassword);
  const auto refused = post_form("/beheer/accounts", add, {co});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  const auto no_network = post_form(
      "/beheer/accounts",
      "csrf=" + csrf + "&email=x%40example.nl&rol=partner&wachtwoord=" + url_encode(kPassword),
      {co});
  ASSERT_TRUE(no_network);
  EXPECT_EQ(no_network->status, 422);
  EXPECT_NE(no_network->body.find("kies het netwerk"), std::string::npos);
  const auto added = post_form("/beheer/accounts", "csrf=" + csrf + "&" + add, {co});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 303);
  const auto nieuw = cookie_for("nieuw@example.nl");
  EXPECT_EQ(status_of("/beheer/leden/" + std::to_string(zeno_), nieuw), 200);

  std::int64_t id = 0;
  {
    auto d = db();
    id = d.execAndGet("SELECT id FROM accounts WHERE email = 'nieuw@example.nl'").getInt64();
    EXPECT_EQ(d.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'account_added' AND "
                           "object_id = '" +
                           std::to_string(id) + "'")
                  .getInt(),
              1);
  }
  const std::string disable = "/beheer/accounts/" + std::to_string(id) + "/uitschakelen";
  const auto no_csrf = post_form(disable, "", {co});
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_EQ(status_of("/beheer/leden", nieuw), 200) << "still active";
  const auto off = post_form(disable, "csrf=" + csrf, {co});
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 303);
  // Its session has ended, and it cannot log in again.
  const auto after = get("/beheer/leden", {nieuw});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 303);
  const auto login_again = login("nieuw@example.nl", kPassword);
  ASSERT_TRUE(login_again);
  EXPECT_EQ(login_again->status, 422);
  // One's own account cannot be disabled here.
  const auto self_id =
      db().execAndGet("SELECT id FROM accounts WHERE email = 'co@example.nl'").getInt64();
  const auto self = post_form("/beheer/accounts/" + std::to_string(self_id) + "/uitschakelen",
                              "csrf=" + csrf, {co});
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 422);
  const auto api = get("/api/accounts", {token_for("co@example.nl")});
  ASSERT_TRUE(api);
  const auto j = nlohmann::json::parse(api->body);
  EXPECT_EQ(j["accounts"].size(), 5u);
  EXPECT_EQ(status_of("/api/accounts", token_for("noord@example.nl")), 404);
}

TEST_F(MembersWeb, CliDisableEndsSessionsAndRevokedTokensStopWorking) {
  const auto noord = cookie_for("noord@example.nl");
  const auto token = token_for("zuid@example.nl");
  EXPECT_EQ(status_of("/api/leden", token), 200);
  const auto list = cli("tokens list");
  ASSERT_EQ(list.code, 0) << list.err;
  const std::string id = list.out.substr(0, list.out.find('\t'));
  EXPECT_EQ(id.size(), kTokenIdLength);
  EXPECT_NE(list.out.find("zuid@example.nl"), std::string::npos);
  EXPECT_EQ(cli("tokens revoke 0000").code, 2) << "too short to name one token";
  const auto revoked = cli("tokens revoke " + id);
  ASSERT_EQ(revoked.code, 0) << revoked.err;
  EXPECT_EQ(status_of("/api/leden", token), 401);

  EXPECT_EQ(status_of("/beheer/leden", noord), 200);
  const auto off = cli("users disable Noord@Example.nl");
  ASSERT_EQ(off.code, 0) << off.err;
  EXPECT_EQ(status_of("/beheer/leden", noord), 303);
  const auto again = login("noord@example.nl", kPassword);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 422);
  EXPECT_NE(cli("users list").out.find("noord@example.nl\tpartner network=Noord (disabled)"),
            std::string::npos);
  EXPECT_EQ(cli("users disable nobody@example.nl").code, 2);
}

}  // namespace
}  // namespace tafel::testing
