// `rounds create|list|poll|close` in-process on a temporary database with the demo network:
// the poll asks each eligible member once, its messages land in the local outbox folder with a
// /peiling/ link that verifies, the reminder is planned where `dispatch --once` plans, and
// closing plans the round.

#include "adapters/cli/app.hpp"
#include "adapters/email/mail_reader.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/links/link_token.hpp"
#include "adapters/store/networks.hpp"
#include "adapters/store/planning_queries.hpp"
#include "adapters/store/store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace tafel::testing {
namespace {

const std::string kNetwork = "Coöperatie Vakwerk Gelderse Vallei";
std::string demo_dir() { return std::string(TAFEL_SOURCE_DIR) + "/config/demo"; }

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void replace_once(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}

class RoundsCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string config, db;

  void SetUp() override {
    std::string toml = read_file(demo_dir() + "/demo.toml");
    replace_once(toml, "# state_dir = \"../../demo-state\"", "state_dir = \"state\"");
    replace_once(toml, "templates = \"../templates\"",
                 "templates = \"" + std::string(TAFEL_SOURCE_DIR) + "/config/templates\"");
    // Quiet hours of one minute, so WhatsApp polls are due when the test runs.
    toml += "\n[messaging.policy]\nquiet_start = \"23:59\"\nquiet_end = \"00:00\"\n";
    config = dir.write("demo.toml", toml).string();
    db = (dir / "tafel.db").string();
    ASSERT_EQ(cli({"import", "members", demo_dir() + "/leden.csv", "--network", kNetwork}), 0);
    ASSERT_EQ(cli({"import", "events", demo_dir() + "/agenda.ics", "--network", kNetwork, "--from",
                   "2026-12-01", "--to", "2027-03-31"}),
              0);
    ASSERT_EQ(cli({"import", "availability", demo_dir() + "/beschikbaarheid.json", "--network",
                   kNetwork}),
              0);
  }

  int cli(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
    args.insert(args.begin(), {"--config", config, "--db", db});
    std::ostringstream capture, capture_err;
    auto* old = std::cout.rdbuf(capture.rdbuf());
    auto* old_err = std::cerr.rdbuf(capture_err.rdbuf());
    CliContext ctx;
    auto app = make_app(ctx);
    const int rc = run_app(*app, args);
    std::cout.rdbuf(old);
    std::cerr.rdbuf(old_err);
    if (out) *out = capture.str();
    if (err) *err = capture_err.str();
    return rc;
  }

  Store store() {
    auto s = Store::open(db);
    EXPECT_TRUE(s);
    return std::move(*s);
  }
  std::int64_t count(const std::string& sql) {
    auto s = store();
    return s.db().execAndGet(sql).getInt64();
  }

  std::int64_t create_round() {
    std::string out;
    EXPECT_EQ(cli({"rounds", "create", "--network", kNetwork, "--from", "2026-12-01", "--to",
                   "2027-03-31", "--theme", "Vakmensen vinden en houden"},
                  &out),
              0);
    return std::stoll(out);
  }
};

TEST_F(RoundsCli, CreateAndList) {
  const auto id = create_round();
  EXPECT_GT(id, 0);
  std::string out;
  ASSERT_EQ(cli({"rounds", "list", "--network", kNetwork, "--format", "json"}, &out), 0);
  const auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["id"], id);
  EXPECT_EQ(j[0]["status"], "open");
  EXPECT_EQ(j[0]["theme"], "Vakmensen vinden en houden");
  EXPECT_EQ(j[0]["from"], "2026-12-01");
  EXPECT_TRUE(j[0]["poll_closes"].is_null());
  ASSERT_EQ(cli({"rounds", "list"}, &out), 0);
  EXPECT_NE(out.find("2026-12-01 t/m 2027-03-31\topen"), std::string::npos) << out;
}

TEST_F(RoundsCli, BadInputIsExitTwoNamingThePlace) {
  std::string err;
  EXPECT_EQ(cli({"rounds", "poll", "99"}, nullptr, &err), 2);
  EXPECT_NE(err.find("ronde 99 bestaat niet"), std::string::npos) << err;
  EXPECT_EQ(cli({"rounds", "close", "99"}, nullptr, &err), 2);
  EXPECT_NE(err.find("ronde 99 bestaat niet"), std::string::npos) << err;
  EXPECT_EQ(cli({"rounds", "create", "--network", "Onbekend", "--from", "2026-12-01", "--to",
                 "2027-03-31", "--theme", "x"},
                nullptr, &err),
            2);
  EXPECT_NE(err.find("--network"), std::string::npos) << err;
  EXPECT_EQ(cli({"rounds", "create", "--network", kNetwork, "--from", "1 december", "--to",
                 "2027-03-31", "--theme", "x"},
                nullptr, &err),
            2);
  EXPECT_NE(err.find("--from"), std::string::npos) << err;
  EXPECT_EQ(cli({"rounds", "create", "--network", kNetwork, "--from", "2026-12-01", "--to",
                 "2027-03-31", "--theme", "x", "--poll-closes", "2001-01-01"},
                nullptr, &err),
            2);
  EXPECT_NE(err.find("--poll-closes"), std::string::npos) << err;
  EXPECT_EQ(count("SELECT COUNT(*) FROM planning_rounds"), 0);
}

TEST_F(RoundsCli, PollAsksEachEligibleMemberOnceWithAWorkingLink) {
  const auto id = create_round();
  std::size_t eligible = 0;
  {
    auto s = store();
    eligible = load_planning_members(s, find_network(s, kNetwork)->id).size();
  }
  ASSERT_GT(eligible, 10u);
  std::string out;
  ASSERT_EQ(cli({"rounds", "poll", std::to_string(id)}, &out), 0);
  EXPECT_NE(out.find("berichten in de outbox"), std::string::npos) << out;
  const auto asked = count("SELECT COUNT(*) FROM poll_invitations");
  EXPECT_EQ(asked, static_cast<std::int64_t>(eligible));
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll'"), asked);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT member_id) FROM outbox WHERE kind = 'poll'"), asked);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll' AND poll_invitation_id IS NULL"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM poll_invitations WHERE asked_at IS NULL"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM planning_rounds WHERE status = 'polling'"), 1);
  // Default close: 7 days after sending (end of that local day), so between 7 and 8 days ahead.
  const auto closes = count("SELECT poll_closes_utc FROM planning_rounds");
  EXPECT_GT(closes, unix_now() + 7 * 86400 - 3600);
  EXPECT_LE(closes, unix_now() + 8 * 86400 + 3600);

  // Twice asks nobody twice.
  ASSERT_EQ(cli({"rounds", "poll", std::to_string(id)}, &out), 0);
  EXPECT_NE(out.find("(0 nieuw), 0 berichten"), std::string::npos) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM poll_invitations"), asked);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll'"), asked);

  // Dispatch writes them to the local outbox folder; the link in each verifies as this person's
  // poll invitation.
  ASSERT_EQ(cli({"dispatch", "--once"}, &out), 0) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll' AND state = 'sent'"), asked);
  const auto key = links::load_link_key(dir / "state");
  ASSERT_TRUE(key);
  auto s = store();
  int mails = 0, whatsapps = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "state" / "outbox")) {
    const std::string text = read_file(entry.path());
    std::string body;
    std::string recipient;
    if (entry.path().extension() == ".eml") {
      const auto mail = email::read_mail(text);
      ASSERT_TRUE(mail) << entry.path();
      body = mail->text;
      EXPECT_NE(mail->subject.find("Wanneer kun jij?"), std::string::npos) << mail->subject;
      EXPECT_TRUE(mail->calendars.empty());
      EXPECT_NE(text.find("List-Unsubscribe: <http://127.0.0.1:8080/afmelden/"), std::string::npos);
      ++mails;
    } else {
      const auto j = nlohmann::json::parse(text);
      const auto& req = j["request"];
      EXPECT_EQ(req["type"], "template");
      EXPECT_EQ(req["template"]["name"], "praktijktafel_peiling");
      EXPECT_EQ(req["template"]["language"]["code"], "nl");
      for (const auto& c : req["template"]["components"]) EXPECT_NE(c["type"], "button");
      body = j["body_preview"];
      EXPECT_LE(body.size(), 1024u * 2);
      ++whatsapps;
    }
    EXPECT_NE(body.find("Afmelden"), std::string::npos) << body;
    EXPECT_NE(body.find("http://127.0.0.1:8080/privacy"), std::string::npos) << body;
    EXPECT_NE(body.find("Vakmensen vinden en houden"), std::string::npos) << body;
    const auto at = body.find("http://127.0.0.1:8080/peiling/");
    ASSERT_NE(at, std::string::npos) << body;
    const auto start = at + std::string("http://127.0.0.1:8080/peiling/").size();
    const auto end = body.find_first_not_of(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", start);
    const auto claims = links::verify_link(*key, body.substr(start, end - start), unix_now());
    ASSERT_TRUE(claims) << body;
    EXPECT_EQ(claims->purpose, links::Purpose::poll);
    SQLite::Statement q(s.db(),
                        "SELECT COUNT(*) FROM poll_invitations pi JOIN outbox o ON "
                        "o.poll_invitation_id = pi.id WHERE pi.id = ? AND pi.round_id = ? AND "
                        "o.id = ?");
    q.bind(1, claims->subject);
    q.bind(2, id);
    q.bind(3, static_cast<std::int64_t>(std::stoll(entry.path().filename().string().substr(0, 6))));
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getInt(), 1) << entry.path();
  }
  EXPECT_EQ(mails + whatsapps, asked);
  EXPECT_GT(mails, 0);
}

TEST_F(RoundsCli, ReminderGoesOnceToThoseWhoHaveNotAnsweredBeforeTheClose) {
  const auto id = create_round();
  ASSERT_EQ(cli({"rounds", "poll", std::to_string(id)}), 0);
  const auto asked = count("SELECT COUNT(*) FROM poll_invitations");
  // Pretend the poll went ten days ago and closes in a day; one person answered.
  {
    auto s = store();
    const auto now = unix_now();
    s.db().exec("UPDATE outbox SET due_utc = " + std::to_string(now - 10 * 86400) +
                " WHERE kind = 'poll'");
    s.db().exec("UPDATE planning_rounds SET poll_closes_utc = " + std::to_string(now + 86400));
    s.db().exec(
        "UPDATE poll_invitations SET answered_at = '2026-01-01T00:00:00Z' WHERE id = (SELECT "
        "MIN(id) FROM poll_invitations)");
  }
  std::string out;
  ASSERT_EQ(cli({"dispatch", "--once"}, &out), 0) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll_reminder'"), asked - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll_reminder' AND member_id = "
                  "(SELECT member_id FROM poll_invitations WHERE answered_at IS NOT NULL)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM poll_invitations WHERE reminded_at IS NOT NULL"),
            asked - 1);
  ASSERT_EQ(cli({"dispatch", "--once"}, &out), 0) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll_reminder'"), asked - 1);
  bool seen = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "state" / "outbox"))
    if (entry.path().filename().string().find("poll_reminder") != std::string::npos &&
        entry.path().extension() == ".eml") {
      const auto mail = email::read_mail(read_file(entry.path()));
      ASSERT_TRUE(mail);
      EXPECT_NE(mail->text.find("/peiling/"), std::string::npos);
      EXPECT_NE(mail->subject.find("Nog even"), std::string::npos);
      seen = true;
    }
  EXPECT_TRUE(seen);
}

TEST_F(RoundsCli, NoReminderAfterTheClose) {
  const auto id = create_round();
  ASSERT_EQ(cli({"rounds", "poll", std::to_string(id)}), 0);
  {
    auto s = store();
    const auto now = unix_now();
    s.db().exec("UPDATE outbox SET due_utc = " + std::to_string(now - 10 * 86400) +
                " WHERE kind = 'poll'");
    s.db().exec("UPDATE planning_rounds SET poll_closes_utc = " + std::to_string(now - 60));
  }
  ASSERT_EQ(cli({"dispatch", "--once"}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE kind = 'poll_reminder'"), 0);
  std::string err;
  EXPECT_EQ(cli({"rounds", "poll", std::to_string(id)}, nullptr, &err), 2);
  EXPECT_NE(err.find("sloot"), std::string::npos) << err;
}

TEST_F(RoundsCli, CloseProducesAProposalForTheRound) {
  const auto id = create_round();
  ASSERT_EQ(cli({"rounds", "poll", std::to_string(id)}), 0);
  std::string out, err;
  ASSERT_EQ(cli({"rounds", "close", std::to_string(id), "--time-limit-ms", "3000"}, &out, &err), 0)
      << err;
  EXPECT_NE(out.find("peiling gesloten"), std::string::npos) << out;
  EXPECT_NE(out.find("Voorstel 1"), std::string::npos) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM planning_rounds"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM planning_rounds WHERE status = 'closed' AND "
                  "poll_closed_at IS NOT NULL"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals WHERE round_id = " + std::to_string(id) +
                  " AND theme = 'Vakmensen vinden en houden'"),
            1);
  EXPECT_GT(count("SELECT COUNT(*) FROM sessions"), 0);
  // A closed round is polled no more, and the daemon plans no reminders for it.
  EXPECT_EQ(cli({"rounds", "poll", std::to_string(id)}, nullptr, &err), 2);
  EXPECT_NE(err.find("al gesloten"), std::string::npos) << err;
  ASSERT_EQ(cli({"rounds", "list", "--format", "json"}, &out), 0);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j[0]["status"], "closed");
  EXPECT_EQ(j[0]["proposals"], 1);
}

}  // namespace
}  // namespace tafel::testing
