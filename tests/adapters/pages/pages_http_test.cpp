// The personal pages over real HTTP against the daemon (`tafelplanner serve`) and a real SQLite
// file: a network with a venue, members, an approved proposal with one coming and one started
// session, invitations and a polling round are written to the store; tokens are signed with the
// daemon's key (TAFELPLANNER_LINK_KEY, inherited by the child process).

#include "adapters/links/link_token.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/tz/time_zone.hpp"
#include "tests/support/daemon_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <regex>

namespace tafel::testing {
namespace {

const std::string kKey = "pages-test-key-0123456789abcdefghijklmnopqrstuvwxyz";

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string url_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else if (c == ' ')
      out += '+';
    else {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1].str());
  return out;
}

class PagesHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("TAFELPLANNER_LINK_KEY", kKey.c_str(), 1);
    zone_ = TimeZone::locate("Europe/Amsterdam").value();
    const std::int64_t now = unix_now();
    from_ = zone_->from_utc(now + 2 * 86400).local_date();
    to_ = add_days(from_, 27);
    config_ = dir_.write(
        "tafelplanner.toml",
        "database = \"" + (dir_ / "tafel.db").string() +
            "\"\n"
            "public_url = \"http://127.0.0.1:8080\"\n"
            "\n[[networks]]\nname = \"Test\"\nsender_name = \"Coöperatie Test\"\n"
            "sender_email = \"tafels@test.example.nl\"\n"
            "\n[sectors.bouw]\nlabel = \"Bouw\"\n"
            "\n[[venues]]\nid = \"zaal-ede\"\nname = \"Zalencentrum Ede\"\n"
            "address = \"Galvanistraat 1, 6716 AE Ede\"\nlat = 52.03\nlon = 5.64\n"
            "rooms = [ { name = \"Zaal 1\", capacity = 12 } ]\n"
            "\n[[planning.windows]]\ndays = [\"di\", \"do\"]\nstart = \"07:00\"\nend = \"08:30\"\n"
            "\n[[planning.windows]]\ndays = [\"di\"]\nstart = \"16:00\"\nend = \"19:00\"\n"
            "\n[[staff]]\nid = \"fac-test\"\nname = \"Fien Facilitator\"\nrole = \"facilitator\"\n"
            "availability = [ { day = \"di\", start = \"07:00\", end = \"20:00\" } ]\n"
            "\n[messaging]\ntemplates = \"" TAFEL_SOURCE_DIR "/config/templates\"\n");
    // Creates the database and mirrors the configuration (network, venue, staff) into it.
    const auto init =
        DaemonProcess::run(TAFEL_BINARY, {"--config", config_.string(), "networks", "list"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    seed(now);
    daemon_ = std::make_unique<DaemonProcess>(
        TAFEL_BINARY,
        std::vector<std::string>{"--config", config_.string(), "serve", "--listen", "127.0.0.1:0"});
    ASSERT_TRUE(daemon_->wait_ready()) << daemon_->stderr_text();
  }

  void TearDown() override {
    daemon_.reset();
    ::unsetenv("TAFELPLANNER_LINK_KEY");
  }

  SQLite::Database db() {
    SQLite::Database d((dir_ / "tafel.db").string(), SQLite::OPEN_READWRITE);
    d.setBusyTimeout(5000);
    return d;
  }

  std::int64_t insert_member(SQLite::Database& d, const std::string& name, const std::string& email,
                             const std::string& mobile) {
    SQLite::Statement q(
        d,
        "INSERT INTO members (network_id, company, name, email, email_key, mobile, sector, "
        "eligible, consent_email, consent_email_source, consent_email_at, consent_whatsapp, "
        "consent_whatsapp_source, consent_whatsapp_at, created_at, updated_at) VALUES (?, "
        "'Bouw BV', ?, ?, lower(?), ?, 'bouw', 1, 1, 'import', 'x', 1, 'import', 'x', 'x', 'x')");
    q.bind(1, network_);
    q.bind(2, name);
    q.bind(3, email);
    q.bind(4, email);
    q.bind(5, mobile);
    q.exec();
    return d.getLastInsertRowid();
  }

  std::int64_t insert_session(SQLite::Database& d, std::int64_t start, const std::string& uid) {
    SQLite::Statement q(d,
                        "INSERT INTO sessions (proposal_id, slot_id, venue_id, room, start_utc, "
                        "start_offset, end_utc, end_offset, sector, facilitator_id, theme, status, "
                        "uid) VALUES (?, ?, 'zaal-ede', 'Zaal 1', ?, ?, ?, ?, 'bouw', 'fac-test', "
                        "'', 'approved', ?)");
    q.bind(1, proposal_);
    q.bind(2, "slot-" + uid);
    q.bind(3, start);
    q.bind(4, zone_->from_utc(start).offset_seconds);
    q.bind(5, start + 90 * 60);
    q.bind(6, zone_->from_utc(start + 90 * 60).offset_seconds);
    q.bind(7, uid);
    q.exec();
    return d.getLastInsertRowid();
  }

  void seed(std::int64_t now) {
    auto d = db();
    SQLite::Transaction tx(d);
    network_ = d.execAndGet("SELECT id FROM networks WHERE name = 'Test'").getInt64();
    jan_ = insert_member(d, "Jan Jansen", "jan@bouw.example.nl", "+31612345678");
    piet_ = insert_member(d, "Piet Pieters", "piet@bouw.example.nl", "");
    SQLite::Statement round(d,
                            "INSERT INTO planning_rounds (network_id, period_from, period_to, "
                            "theme, status, created_at) VALUES (?, ?, ?, 'Personeel vinden en "
                            "houden', 'polling', 'x')");
    round.bind(1, network_);
    round.bind(2, format_date(from_));
    round.bind(3, format_date(to_));
    round.exec();
    const std::int64_t round_id = d.getLastInsertRowid();
    SQLite::Statement proposal(
        d,
        "INSERT INTO proposals (round_id, network_id, period_from, period_to, seed, "
        "time_limit_ms, elapsed_ms, stopped_by_deadline, score, theme, status, created_at, "
        "approved_at, approved_by, instance_json, result_json) VALUES (?, ?, ?, ?, 1, 1000, 10, "
        "0, 1.0, 'Personeel vinden en houden', 'approved', 'x', 'x', 'test', '{}', '{}')");
    proposal.bind(1, round_id);
    proposal.bind(2, network_);
    proposal.bind(3, format_date(from_));
    proposal.bind(4, format_date(to_));
    proposal.exec();
    proposal_ = d.getLastInsertRowid();
    coming_ = insert_session(d, now + 10 * 86400, "coming");
    started_ = insert_session(d, now - 1800, "started");
    // A member sits at one table per proposal: the started session has someone else.
    kees_ = insert_member(d, "Kees Klaassen", "kees@bouw.example.nl", "");
    for (auto [s, m] : {std::pair{coming_, jan_}, {coming_, piet_}, {started_, kees_}}) {
      SQLite::Statement sm(d, "INSERT INTO session_members (session_id, member_id) VALUES (?, ?)");
      sm.bind(1, s);
      sm.bind(2, m);
      sm.exec();
    }
    const auto reply_id = [](std::int64_t s, std::int64_t m) {
      return "reply" + std::to_string(s) + "x" + std::to_string(m);
    };
    invitation_ = create_invitation(d, coming_, jan_, reply_id(coming_, jan_), "ical-1", 0);
    create_invitation(d, coming_, piet_, reply_id(coming_, piet_), "ical-2", 0);
    started_invitation_ =
        create_invitation(d, started_, kees_, reply_id(started_, kees_), "ical-3", 0);
    SQLite::Statement poll(d,
                           "INSERT INTO poll_invitations (round_id, member_id, created_at) "
                           "VALUES (?, ?, 'x')");
    poll.bind(1, round_id);
    poll.bind(2, jan_);
    poll.exec();
    poll_ = d.getLastInsertRowid();
    // A network meeting in the period (Wednesday evening after the first week).
    const LocalTime meeting = zone_->from_local(add_days(from_, 7), 19, 30);
    SQLite::Statement ev(d,
                         "INSERT INTO events (network_id, uid, recurrence_id, title, location, "
                         "venue_id, start_utc, start_offset, end_utc, end_offset, all_day) VALUES "
                         "(?, 'ev-1', '', 'Ledenvergadering', 'Ede', 'zaal-ede', ?, ?, ?, ?, 0)");
    ev.bind(1, network_);
    ev.bind(2, meeting.utc_seconds);
    ev.bind(3, meeting.offset_seconds);
    ev.bind(4, meeting.utc_seconds + 7200);
    ev.bind(5, meeting.offset_seconds);
    ev.exec();
    event_ = d.getLastInsertRowid();
    tx.commit();
  }

  std::string token(links::Purpose p, std::int64_t subject, std::int64_t expires_at) const {
    return links::sign_link(links::LinkKey{kKey}, p, subject, expires_at);
  }
  std::string rsvp_token(std::int64_t invitation) const {
    return token(links::Purpose::rsvp, invitation, unix_now() + 30 * 86400);
  }

  HttpResponse get(const std::string& target) {
    auto r = http_request(daemon_->host(), daemon_->port(), "GET", target);
    EXPECT_TRUE(r) << target;
    return r ? *r : HttpResponse{};
  }
  HttpResponse post(const std::string& target, const std::string& body,
                    std::string content_type = "application/x-www-form-urlencoded") {
    auto r = http_request(daemon_->host(), daemon_->port(), "POST", target, body,
                          {"Content-Type: " + content_type});
    EXPECT_TRUE(r) << target;
    return r ? *r : HttpResponse{};
  }

  static std::string check_field(const std::string& page) {
    const auto found = all_matches(page, R"re(name="controle" value="([^"]+)")re");
    return found.empty() ? "" : found.front();
  }

  // Everything a page could change, as text.
  std::string state() {
    auto d = db();
    std::string out;
    for (const char* sql :
         {"SELECT id, rsvp, COALESCE(rsvp_channel, ''), COALESCE(rsvp_at, ''), "
          "COALESCE(case_text, '') FROM invitations ORDER BY id",
          // The daemon's own dispatcher sends the invitations meanwhile: those rows, their
          // states and the invite entries it logs are not the pages' doing.
          "SELECT id, kind, COALESCE(member_id, 0), data FROM rsvp_events "
          "WHERE kind NOT IN ('invite', 'tick') ORDER BY id",
          "SELECT id, kind, dedupe_key FROM outbox "
          "WHERE kind NOT IN ('invitation', 'reminder', 'nudge') ORDER BY id",
          "SELECT member_id, start_utc, end_utc, source FROM availability ORDER BY id",
          "SELECT member_id, event_id, source FROM event_attendance ORDER BY 1, 2",
          "SELECT id, COALESCE(answered_at, '') FROM poll_invitations ORDER BY id",
          "SELECT id, opted_out_email, opted_out_whatsapp FROM members ORDER BY id",
          "SELECT COUNT(*) FROM consent_log", "SELECT COUNT(*) FROM coordinator_items"}) {
      SQLite::Statement q(d, sql);
      while (q.executeStep()) {
        for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
        out += "\n";
      }
      out += "--\n";
    }
    return out;
  }

  std::string rsvp_of(std::int64_t invitation) {
    auto d = db();
    SQLite::Statement q(d, "SELECT rsvp, COALESCE(case_text, '') FROM invitations WHERE id = ?");
    q.bind(1, invitation);
    return q.executeStep() ? q.getColumn(0).getString() + "|" + q.getColumn(1).getString() : "";
  }

  int count(const std::string& sql) { return db().execAndGet(sql).getInt(); }

  TempDir dir_;
  std::filesystem::path config_;
  std::optional<TimeZone> zone_;
  Date from_, to_;
  std::int64_t network_ = 0, jan_ = 0, piet_ = 0, kees_ = 0, proposal_ = 0, coming_ = 0,
               started_ = 0;
  std::int64_t invitation_ = 0, started_invitation_ = 0, poll_ = 0, event_ = 0;
  std::unique_ptr<DaemonProcess> daemon_;
};

TEST_F(PagesHttp, RsvpGetShowsTheSessionAndChangesNothing) {
  const std::string tok = rsvp_token(invitation_);
  const std::string before = state();
  const auto r = get("/r/" + tok);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_NE(r.header("Content-Security-Policy").value_or("").find("style-src 'sha256-"),
            std::string::npos);
  for (const char* text :
       {"Zalencentrum Ede", "Galvanistraat 1, 6716 AE Ede", "(zaal Zaal 1)",
        "Personeel vinden en houden", "90 minuten", "Ik kom", "Kan niet", "Misschien",
        "Je hebt nog niet geantwoord.", "<label for=\"casus\">", "Coöperatie Test"})
    EXPECT_NE(r.body.find(text), std::string::npos) << text;
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_FALSE(check_field(r.body).empty());
  const auto head = http_request(daemon_->host(), daemon_->port(), "HEAD", "/r/" + tok);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(state(), before);
}

TEST_F(PagesHttp, RsvpPostRecordsTheAnswerAndAChangeOfMind) {
  const std::string tok = rsvp_token(invitation_);
  const std::string check = check_field(get("/r/" + tok).body);
  auto r = post("/r/" + tok, "controle=" + check + "&casus=" +
                                 url_encode("Hoe houd ik mijn monteurs vast?") + "&antwoord=ja");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), "/r/" + tok + "?ontvangen=1");
  EXPECT_EQ(rsvp_of(invitation_), "accepted|Hoe houd ik mijn monteurs vast?");
  auto shown = get("/r/" + tok + "?ontvangen=1");
  EXPECT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Je antwoord nu: je komt."), std::string::npos) << shown.body;

  r = post("/r/" + tok, "controle=" + check + "&antwoord=nee&casus=");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(rsvp_of(invitation_).substr(0, 9), "declined|");
  shown = get("/r/" + tok);
  EXPECT_NE(shown.body.find("Je antwoord nu: je kunt niet."), std::string::npos);

  r = post("/r/" + tok, "controle=" + check + "&antwoord=misschien");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(rsvp_of(invitation_).substr(0, 10), "tentative|");
}

TEST_F(PagesHttp, RsvpPostNeedsTheCheckFieldAndABoundedCase) {
  const std::string tok = rsvp_token(invitation_);
  const std::string check = check_field(get("/r/" + tok).body);
  auto r = post("/r/" + tok, "antwoord=ja");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("controle"), std::string::npos);
  r = post("/r/" + tok, "antwoord=ja&controle=" + check.substr(1) + "x");
  EXPECT_EQ(r.status, 403);
  r = post("/r/" + tok, "antwoord=ja&controle=" + check + "&casus=" + std::string(1001, 'a'));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Het veld ‘casus’ is te lang: hoogstens 1000 tekens"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(std::string(1001, 'a')), std::string::npos);  // kept for editing
  r = post("/r/" + tok, "antwoord=wellicht&controle=" + check);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("‘antwoord’"), std::string::npos);
  r = post("/r/" + tok, "{\"antwoord\":\"ja\"}", "application/json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(rsvp_of(invitation_), "invited|");
  // 1,000 characters of multi-byte text are within the bound.
  std::string long_case;
  for (int i = 0; i < 1000; ++i) long_case += "é";
  r = post("/r/" + tok, "antwoord=ja&controle=" + check + "&casus=" + url_encode(long_case));
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(rsvp_of(invitation_), "accepted|" + long_case);
}

TEST_F(PagesHttp, AnswersAreClosedOnceTheSessionStarted) {
  const std::string tok = rsvp_token(started_invitation_);
  const std::string before = state();
  auto r = get("/r/" + tok);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Antwoorden is niet meer mogelijk"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("<form"), std::string::npos);
  r = post("/r/" + tok, "antwoord=ja&controle=x");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Antwoorden is niet meer mogelijk"), std::string::npos);
  EXPECT_EQ(state(), before);
}

TEST_F(PagesHttp, AnExpiredLinkOffersOneFreshLinkPerHour) {
  const std::string tok = token(links::Purpose::rsvp, invitation_, unix_now() - 60);
  const std::string before = state();
  auto r = get("/r/" + tok);
  ASSERT_EQ(r.status, 410);
  EXPECT_NE(r.body.find("Stuur me een nieuwe link"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("value=\"nieuwe_link\""), std::string::npos);
  EXPECT_EQ(r.body.find("jan@"), std::string::npos);  // the channel is never shown
  EXPECT_EQ(r.body.find("Zalencentrum"), std::string::npos);
  EXPECT_EQ(state(), before);
  const std::string check = check_field(r.body);

  // Without the check field: the 410 page again, nothing sent.
  r = post("/r/" + tok, "actie=nieuwe_link");
  EXPECT_EQ(r.status, 410);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'fresh_link'"), 0);

  const std::int64_t hour = unix_now() / 3600;
  r = post("/r/" + tok, "actie=nieuwe_link&controle=" + check);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("We sturen je een nieuwe link"), std::string::npos);
  EXPECT_EQ(r.body.find("jan@"), std::string::npos);
  r = post("/r/" + tok, "actie=nieuwe_link&controle=" + check);
  EXPECT_EQ(r.status, 200);
  const int rows = count("SELECT COUNT(*) FROM outbox WHERE kind = 'fresh_link'");
  if (unix_now() / 3600 == hour)
    EXPECT_EQ(rows, 1);
  else
    EXPECT_LE(rows, 2);  // the hour turned between the two asks

  auto d = db();
  SQLite::Statement q(d,
                      "SELECT channel, member_id, dedupe_key, payload FROM outbox "
                      "WHERE kind = 'fresh_link' ORDER BY id LIMIT 1");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "email");
  EXPECT_EQ(q.getColumn(1).getInt64(), jan_);
  EXPECT_EQ(q.getColumn(2).getString().rfind("fresh_link:" + std::to_string(jan_) + ":", 0), 0u);
  const auto mail = nlohmann::json::parse(q.getColumn(3).getString())["mail"];
  EXPECT_EQ(mail["to_address"], "jan@bouw.example.nl");
  const std::string text = mail["text"];
  const auto links_in_text =
      all_matches(text, R"re(http://127\.0\.0\.1:8080/r/([A-Za-z0-9_-]+))re");
  ASSERT_EQ(links_in_text.size(), 1u) << text;
  const auto fresh = links::verify_link(links::LinkKey{kKey}, links_in_text[0], unix_now());
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->purpose, links::Purpose::rsvp);
  EXPECT_EQ(fresh->subject, invitation_);
  // The new link works.
  EXPECT_EQ(get("/r/" + links_in_text[0]).status, 200);
}

TEST_F(PagesHttp, ABadLinkAnswers410WithoutAForm) {
  const std::string good = rsvp_token(invitation_);
  std::string tampered = good;
  tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
  const std::string before = state();
  for (const std::string& t :
       {std::string("onzin"), tampered, token(links::Purpose::poll, poll_, unix_now() + 999),
        token(links::Purpose::rsvp, 999999, unix_now() + 999)}) {
    auto r = get("/r/" + t);
    EXPECT_EQ(r.status, 410) << t;
    EXPECT_NE(r.body.find("Deze link werkt niet"), std::string::npos);
    EXPECT_EQ(r.body.find("<form"), std::string::npos);
    r = post("/r/" + t, "actie=nieuwe_link&controle=x");
    EXPECT_EQ(r.status, 410);
    EXPECT_EQ(r.body.find("<form"), std::string::npos);
  }
  // An expired link to a session that has started offers nothing either.
  auto r = get("/r/" + token(links::Purpose::rsvp, started_invitation_, unix_now() - 1));
  EXPECT_EQ(r.status, 410);
  EXPECT_EQ(r.body.find("<form"), std::string::npos);
  EXPECT_EQ(state(), before);
}

TEST_F(PagesHttp, OptOutPageWithdrawsTheChosenChannels) {
  const std::string tok = token(links::Purpose::optout, jan_, 0);
  const std::string before = state();
  auto r = get("/afmelden/" + tok);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* text : {"Alle berichten", "Alleen e-mail", "Alleen WhatsApp",
                           "<label for=\"kanaal-email\">", "Coöperatie Test"})
    EXPECT_NE(r.body.find(text), std::string::npos) << text;
  EXPECT_EQ(state(), before);
  const std::string check = check_field(r.body);
  r = post("/afmelden/" + tok, "kanaal=alles");
  EXPECT_EQ(r.status, 403);
  r = post("/afmelden/" + tok, "kanaal=fax&controle=" + check);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("‘kanaal’"), std::string::npos);
  EXPECT_EQ(state(), before);
  r = post("/afmelden/" + tok, "kanaal=alles&controle=" + check);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Je bent afgemeld"), std::string::npos);
  EXPECT_EQ(count("SELECT opted_out_email + opted_out_whatsapp FROM members WHERE id = " +
                  std::to_string(jan_)),
            2);
  EXPECT_EQ(count("SELECT opted_out_email + opted_out_whatsapp FROM members WHERE id = " +
                  std::to_string(piet_)),
            0);
}

TEST_F(PagesHttp, OneClickUnsubscribeWorksWithoutCookiesOrRedirect) {
  for (auto purpose : {links::Purpose::optout, links::Purpose::unsubscribe}) {
    const std::int64_t member = purpose == links::Purpose::optout ? jan_ : piet_;
    const std::string tok = token(purpose, member, 0);
    const auto r = post("/afmelden/" + tok, "List-Unsubscribe=One-Click");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.header("Location"));
    EXPECT_FALSE(r.header("Set-Cookie"));
    EXPECT_NE(r.body.find("Je krijgt geen e-mails meer"), std::string::npos) << r.body;
    EXPECT_EQ(count("SELECT opted_out_email FROM members WHERE id = " + std::to_string(member)), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM consent_log WHERE granted = 0 AND channel = 'email' "
                    "AND member_id = " +
                    std::to_string(member)),
              1);
    // Again: still 200, nothing new.
    const std::string before = state();
    EXPECT_EQ(post("/afmelden/" + tok, "List-Unsubscribe=One-Click").status, 200);
    EXPECT_EQ(state(), before);
  }
  EXPECT_EQ(count("SELECT opted_out_whatsapp FROM members WHERE id = " + std::to_string(jan_)), 0);
  EXPECT_EQ(post("/afmelden/onzin", "List-Unsubscribe=One-Click").status, 410);
}

TEST_F(PagesHttp, PollStoresAvailabilityAndReplacesEarlierAnswers) {
  const std::string tok = token(links::Purpose::poll, poll_, unix_now() + 14 * 86400);
  const std::string before = state();
  auto r = get("/peiling/" + tok);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(state(), before);
  const auto moments = all_matches(r.body, R"re(name="moment" value="([^"]+)")re");
  ASSERT_GE(moments.size(), 4u) << r.body;
  EXPECT_NE(r.body.find("(ochtend)"), std::string::npos);
  EXPECT_NE(r.body.find("Ledenvergadering"), std::string::npos);
  EXPECT_NE(r.body.find("<label for=\"moment-1\">"), std::string::npos);
  const auto events = all_matches(r.body, R"re(name="bijeenkomst" value="([^"]+)")re");
  ASSERT_EQ(events, std::vector<std::string>{std::to_string(event_)});
  const std::string check = check_field(r.body);

  r = post("/peiling/" + tok, "controle=" + check + "&moment=" + moments[0] +
                                  "&moment=" + moments[2] + "&bijeenkomst=" + events[0]);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), "/peiling/" + tok + "?ontvangen=1");
  const std::string member = std::to_string(jan_);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM availability WHERE source = 'poll' AND member_id = " + member),
      2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM event_attendance WHERE source = 'poll' AND member_id = " +
                  member),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM poll_invitations WHERE answered_at IS NOT NULL"), 1);
  // The page shows the answer ticked.
  r = get("/peiling/" + tok);
  EXPECT_EQ(all_matches(r.body, R"re(value="([^"]+)" checked)re").size(), 3u);
  EXPECT_NE(get("/peiling/" + tok + "?ontvangen=1").body.find("Momenten die je passen: 2"),
            std::string::npos);

  r = post("/peiling/" + tok, "controle=" + check + "&moment=" + moments[1]);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM availability WHERE source = 'poll' AND member_id = " + member),
      1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM event_attendance WHERE member_id = " + member), 0);

  // Ids not on the page are refused, naming the field; nothing changes.
  const std::string after = state();
  r = post("/peiling/" + tok, "controle=" + check + "&moment=1999-01-01-ochtend");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("‘moment’"), std::string::npos);
  r = post("/peiling/" + tok, "controle=" + check + "&bijeenkomst=12345");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("‘bijeenkomst’"), std::string::npos);
  EXPECT_EQ(state(), after);
}

TEST_F(PagesHttp, TheAccessLogNamesRoutesNeverTokensOrPeople) {
  const std::string tok = rsvp_token(invitation_);
  get("/r/" + tok);
  post("/afmelden/" + token(links::Purpose::optout, piet_, 0), "List-Unsubscribe=One-Click");
  ASSERT_TRUE(daemon_->wait_for_stderr("\"path\":\"/afmelden/{token}\""));
  const std::string err = daemon_->stderr_text();
  EXPECT_NE(err.find("\"path\":\"/r/{token}\""), std::string::npos) << err;
  EXPECT_EQ(err.find(tok), std::string::npos);
  EXPECT_EQ(err.find("piet"), std::string::npos);
  EXPECT_EQ(err.find("Piet"), std::string::npos);
}

}  // namespace
}  // namespace tafel::testing
