// Mail intake against a real Dovecot: the test mails of tests/data/replies/mails are APPENDed,
// a pass takes them in, \Seen set by a person changes nothing, new mail is taken in alone, and
// a UIDVALIDITY change applies nothing twice. Also `tafelplanner replies fetch --once`.

#include "adapters/imap/fetch_pass.hpp"
#include "adapters/imap/mail_intake.hpp"
#include "tests/adapters/imap/dovecot_server.hpp"
#include "tests/adapters/webhooks/webhook_fixture.hpp"
#include "tests/support/daemon_process.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tafel::testing {
namespace {

constexpr const char* kReplyId = "b3x7k2m4q5r6s7t2u3v4w5x6y7";
constexpr const char* kUid = "uitnodiging-1-3f9a@tafels.example.nl";
constexpr const char* kOurMessageId = "uitnodiging.1.3f9a@tafels.example.nl";

std::string mail_file(const std::string& name) {
  std::ifstream in(std::string(TAFEL_SOURCE_DIR) + "/tests/data/replies/mails/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The webhook fixture's store, with invitation 1 given the ids the test mails answer, and our
// invitation mail (outbox 3) with its Message-ID.
void seed(SQLite::Database& db) {
  seed_invitation(db);
  db.exec(fmt::format("UPDATE invitations SET reply_id = '{}', ical_uid = '{}' WHERE id = 1",
                      kReplyId, kUid));
  db.exec(fmt::format(
      "INSERT INTO outbox (id, invitation_id, member_id, channel, kind, dedupe_key, due_utc, "
      "payload, state, next_attempt_utc, provider_message_id, created_at, updated_at) VALUES "
      "(3, 1, 1, 'email', 'invitation', 'k3', 0, '{{}}', 'sent', 0, '{0}', 'x', 'x')",
      kOurMessageId));
  db.exec(fmt::format(
      "INSERT INTO message_ids (message_id, outbox_id, invitation_id, channel, created_at) "
      "VALUES ('{}', 3, 1, 'email', 'x')",
      kOurMessageId));
}

struct Row {
  std::string kind, outcome, intent;
  std::optional<std::int64_t> invitation, member;
};

std::vector<Row> inbound_rows(SQLite::Database& db) {
  std::vector<Row> rows;
  SQLite::Statement q(db,
                      "SELECT kind, outcome, coalesce(intent, ''), invitation_id, member_id FROM "
                      "inbound ORDER BY id");
  while (q.executeStep()) {
    Row r{
        q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), {}, {}};
    if (!q.getColumn(3).isNull()) r.invitation = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) r.member = q.getColumn(4).getInt64();
    rows.push_back(r);
  }
  return rows;
}

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

class ImapIntake : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!server_.error().empty()) GTEST_FAIL() << server_.error();
    auto s = Store::open(dir_ / "tafel.db");
    ASSERT_TRUE(s.has_value());
    store_.emplace(std::move(*s));
    seed(store_->db());
  }

  std::expected<imap::PassSummary, std::string> pass() {
    imap::ImapClient client({server_.url(), DovecotServer::kUser, DovecotServer::kPassword});
    const auto ctx = setup_.context();
    return imap::run_imap_pass(store_->db(), ctx, client, "INBOX", [] { return kNow; });
  }

  DovecotServer server_;
  TempDir dir_;
  std::optional<Store> store_;
  ReplySetup setup_;
};

TEST_F(ImapIntake, EachMailOnceWhateverSeenSays) {
  SQLite::Database& db = store_->db();
  for (const char* f :
       {"dutch_yes_quoted.eml", "outlook_calendar_accept.eml", "dutch_out_of_office.eml",
        "exchange_dsn_hard.eml", "gmail_dsn_soft.eml", "english_no_html_only.eml"})
    ASSERT_EQ(server_.append(mail_file(f)), "") << f;

  auto r = pass();
  ASSERT_TRUE(r.has_value()) << r.error() << "\n" << server_.log();
  EXPECT_EQ(r->fetched, 6);
  EXPECT_EQ(r->duplicates, 0);
  EXPECT_EQ(r->kinds["reply"], 2);
  EXPECT_EQ(r->kinds["calendar_reply"], 1);
  EXPECT_EQ(r->kinds["auto_reply"], 1);
  EXPECT_EQ(r->kinds["bounce"], 2);

  const auto rows = inbound_rows(db);
  ASSERT_EQ(rows.size(), 6u);
  // Dutch "Ja hoor": by the reply address; read as yes after the quote was cut.
  EXPECT_EQ(rows[0].kind, "reply");
  EXPECT_EQ(rows[0].intent, "yes");
  EXPECT_EQ(rows[0].invitation, 1);
  EXPECT_EQ(rows[0].member, 1);
  EXPECT_EQ(db.execAndGet("SELECT text FROM inbound WHERE id = 1").getString(),
            "Ja hoor, ik ben erbij!\n\nGroet,\nAnna");
  // Outlook's calendar answer.
  EXPECT_EQ(rows[1].kind, "calendar_reply");
  EXPECT_EQ(rows[1].invitation, 1);
  // The out-of-office says "Ja" but is no answer.
  EXPECT_EQ(rows[2].kind, "auto_reply");
  EXPECT_EQ(rows[2].outcome, "recorded");
  EXPECT_EQ(rows[2].intent, "");
  // Hard bounce: found through the returned headers; the address is unusable now.
  EXPECT_EQ(rows[3].kind, "bounce");
  EXPECT_EQ(rows[3].invitation, 1);
  EXPECT_EQ(db.execAndGet("SELECT email_unusable_at FROM members WHERE id = 1").getString(),
            "2027-01-15T08:00:00Z");
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM coordinator_items WHERE kind = 'bounce' AND "
                  "member_id = 1 AND inbound_id = 4"),
            1);
  // Soft bounce: recorded only.
  EXPECT_EQ(rows[4].kind, "bounce");
  EXPECT_EQ(rows[4].outcome, "recorded");
  EXPECT_EQ(count(db, "SELECT count(*) FROM coordinator_items WHERE inbound_id = 5"), 0);
  // English HTML "No": no reply address, no threading: the sender's one open invitation.
  EXPECT_EQ(rows[5].kind, "reply");
  EXPECT_EQ(rows[5].intent, "no");
  EXPECT_EQ(rows[5].invitation, 1);
  EXPECT_EQ(db.execAndGet("SELECT last_uid FROM imap_state WHERE mailbox = 'INBOX'").getInt(), 6);

  // Answers go through record_answer (adapters/replies).
  EXPECT_EQ(rows[0].outcome, "applied");
  EXPECT_EQ(rows[1].outcome, "applied");
  EXPECT_EQ(rows[5].outcome, "applied");

  // A person opens the mailbox: \Seen on some, none on others. Nothing is taken in again.
  ASSERT_EQ(server_.command("UID STORE 1:3 +FLAGS (\\Seen)"), "");
  ASSERT_EQ(server_.command("UID STORE 5 -FLAGS (\\Seen)"), "");
  r = pass();
  ASSERT_TRUE(r.has_value()) << r.error();
  EXPECT_EQ(r->fetched, 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound"), 6);

  // New mail: only it is taken in.
  ASSERT_EQ(server_.append(mail_file("gmail_calendar_decline_attachment.eml")), "");
  ASSERT_EQ(server_.append(mail_file("apple_calendar_tentative.eml")), "");
  r = pass();
  ASSERT_TRUE(r.has_value()) << r.error();
  EXPECT_EQ(r->fetched, 2);
  EXPECT_EQ(r->kinds["calendar_reply"], 2);
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound"), 8);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM inbound WHERE kind = 'calendar_reply' AND "
                  "invitation_id = 1"),
            3);

  // The stored position claims another UIDVALIDITY: the pass reads from the start again, and
  // the dedupe keys keep every mail from being applied twice.
  db.exec("UPDATE imap_state SET uidvalidity = 1");
  r = pass();
  ASSERT_TRUE(r.has_value()) << r.error();
  EXPECT_TRUE(r->uidvalidity_changed);
  EXPECT_EQ(r->fetched, 8);
  EXPECT_EQ(r->duplicates, 8);
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound"), 8);
  EXPECT_NE(db.execAndGet("SELECT uidvalidity FROM imap_state").getInt64(), 1);
}

TEST_F(ImapIntake, UnclearAndUnmatchedRepliesGoToTheCoordinatorWithTheText) {
  SQLite::Database& db = store_->db();
  const std::string unclear =
      "From: Anna Bakker <anna@bouw.nl>\r\nTo: uitnodiging+" + std::string(kReplyId) +
      "@tafels.example.nl\r\nSubject: Re: Uitnodiging\r\nMessage-ID: <u1@bouw.nl>\r\n"
      "Date: Fri, 15 Jan 2027 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n\r\nJa, maar ik kom later.\r\n\r\n"
      "Op vr 15 jan. 2027 om 09:00 schreef Vakwerk <tafels@vakwerk.example.nl>:\r\n> Kom je?\r\n";
  const std::string stranger =
      "From: Piet <piet@elders.nl>\r\nTo: tafels@vakwerk.example.nl\r\nSubject: Hoi\r\n"
      "Message-ID: <s1@elders.nl>\r\nDate: Fri, 15 Jan 2027 09:00:00 +0100\r\n\r\nJa hoor\r\n";
  ASSERT_EQ(server_.append(unclear), "");
  ASSERT_EQ(server_.append(stranger), "");
  auto r = pass();
  ASSERT_TRUE(r.has_value()) << r.error();
  EXPECT_EQ(r->outcomes["unclear"], 1);
  EXPECT_EQ(r->outcomes["unmatched"], 1);
  const auto rows = inbound_rows(db);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].intent, "unclear");
  EXPECT_EQ(rows[1].member, std::nullopt);
  SQLite::Statement q(db, "SELECT kind, detail, session_id FROM coordinator_items ORDER BY id");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "unclear_reply");
  const std::string detail = q.getColumn(1).getString();
  EXPECT_NE(detail.find("Ja, maar ik kom later."), std::string::npos) << detail;
  EXPECT_EQ(detail.find("Kom je?"), std::string::npos) << detail;  // the quote is cut
  EXPECT_EQ(q.getColumn(2).getInt64(), 1);
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "unmatched_reply");
  EXPECT_NE(q.getColumn(1).getString().find("Ja hoor"), std::string::npos);
}

TEST_F(ImapIntake, WrongPasswordIsAnErrorWithoutThePassword) {
  imap::ImapClient client({server_.url(), DovecotServer::kUser, "fout-wachtwoord-xyz"});
  const auto ctx = setup_.context();
  const auto r = imap::run_imap_pass(store_->db(), ctx, client, "INBOX", [] { return kNow; });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().find("fout-wachtwoord-xyz"), std::string::npos);
  EXPECT_EQ(count(store_->db(), "SELECT count(*) FROM imap_state"), 0);
}

TEST(RepliesFetchCli, OnePassPrintsCountsWithoutPersonalData) {
  DovecotServer server;
  ASSERT_EQ(server.error(), "");
  ASSERT_EQ(server.append(mail_file("dutch_out_of_office.eml")), "");
  ASSERT_EQ(server.append(mail_file("gmail_dsn_soft.eml")), "");
  TempDir dir;
  dir.write("imap-wachtwoord", std::string(DovecotServer::kPassword) + "\n");
  std::filesystem::permissions(dir / "imap-wachtwoord", std::filesystem::perms::owner_read |
                                                            std::filesystem::perms::owner_write);
  const auto config =
      write_test_config(dir, fmt::format("[messaging]\ntemplates = \"{}/config/templates\"\n"
                                         "[messaging.imap]\nurl = \"{}\"\nuser = \"{}\"\n"
                                         "password_file = \"imap-wachtwoord\"\n",
                                         TAFEL_SOURCE_DIR, server.url(), DovecotServer::kUser));
  auto run = [&] {
    DaemonProcess p(TAFEL_BINARY, {"--config", config.string(), "replies", "fetch", "--once"});
    EXPECT_TRUE(p.started());
    const auto code = p.wait_exit(std::chrono::seconds(60));
    return std::make_pair(code.value_or(-1), p.stderr_text());
  };
  const auto [code, err] = run();
  EXPECT_EQ(code, 0) << err;
  // stdout goes to /dev/null in DaemonProcess; the store shows what happened.
  SQLite::Database db((dir / "tafel.db").string());
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound"), 2);
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound WHERE kind = 'auto_reply'"), 1);
  EXPECT_EQ(err.find("anna"), std::string::npos) << err;
  const auto [code2, err2] = run();
  EXPECT_EQ(code2, 0) << err2;
  EXPECT_EQ(count(db, "SELECT count(*) FROM inbound"), 2);
}

}  // namespace
}  // namespace tafel::testing
