#include "adapters/outbox/dispatcher.hpp"

#include "adapters/outbox/folder_sender.hpp"
#include "adapters/outbox/payload.hpp"
#include "adapters/outbox/retry_policy.hpp"
#include "adapters/outbox/template_files.hpp"
#include "adapters/store/outbox_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace tafel::outbox {
namespace {

// Records every row it is asked to send and answers from a script (then "sent").
class FakeSender : public ChannelSender {
 public:
  std::deque<SendOutcome::Status> script;
  std::vector<std::int64_t> calls;
  SendOutcome send(const OutboxRow& row) override {
    calls.push_back(row.id);
    auto status = SendOutcome::Status::sent;
    if (!script.empty()) {
      status = script.front();
      script.pop_front();
    }
    if (status == SendOutcome::Status::sent) return {status, "prov-" + std::to_string(row.id), ""};
    return {status, "", status == SendOutcome::Status::transient ? "SMTP 451" : "SMTP 550"};
  }
};

struct Db {
  testing::TempDir dir;
  Store store = std::move(Store::open(dir / "t.db").value());
  std::int64_t member = 0;
  Db() {
    auto& db = store.db();
    db.exec("INSERT INTO networks (name, created_at) VALUES ('BTO', 'x')");
    db.exec(
        "INSERT INTO members (network_id, company, name, email, eligible, consent_email, "
        "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
        "consent_whatsapp_at, created_at, updated_at) VALUES (1, 'Firma', 'Jan', 'jan@x.nl', 1, "
        "1, 'import', 'x', 0, 'import', 'x', 'x', 'x')");
    member = db.getLastInsertRowid();
  }
  void add(const std::string& key, std::int64_t due, const std::string& channel = "email",
           const std::string& payload = "{}") {
    SQLite::Transaction tx(store.db());
    enqueue(store.db(), OutboxInsert{std::nullopt, member, channel, "reminder", key, due, payload});
    tx.commit();
  }
  OutboxRow row(const std::string& key) {
    for (auto& r : load_outbox(store))
      if (r.dedupe_key == key) return r;
    return {};
  }
};

const RetryPolicy kRetry{3, 60, 3600};
double half() { return 0.5; }

TEST(RetryPolicy, DoublesWithJitterAndCap) {
  EXPECT_EQ(retry_delay_seconds(kRetry, 1, 1.0), 60);
  EXPECT_EQ(retry_delay_seconds(kRetry, 1, 0.0), 30);
  EXPECT_EQ(retry_delay_seconds(kRetry, 3, 1.0), 240);
  EXPECT_EQ(retry_delay_seconds(kRetry, 30, 1.0), 3600);
}

TEST(Dispatcher, SendsOnlyWhatIsDueAndRecordsProviderIds) {
  Db db;
  db.add("a", 1000);
  db.add("b", 2000);
  db.add("a", 1000);  // same key: ignored
  FakeSender email, whatsapp;
  auto r = dispatch_due(db.store, email, whatsapp, 1500, kRetry, half);
  EXPECT_EQ(r.sent, 1);
  EXPECT_EQ(email.calls.size(), 1u);
  EXPECT_EQ(db.row("a").state, "sent");
  EXPECT_EQ(db.row("a").provider_message_id, "prov-1");
  EXPECT_EQ(db.row("a").attempts, 1);
  EXPECT_EQ(db.row("b").state, "pending");
  SQLite::Statement q(db.store.db(),
                      "SELECT COUNT(*) FROM message_ids WHERE message_id = 'prov-1'");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt(), 1);
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 1500, kRetry, half).sent, 0);  // nothing twice
}

TEST(Dispatcher, TransientRetriesWithBackoffThenFails) {
  Db db;
  db.add("a", 0);
  FakeSender email, whatsapp;
  email.script = {SendOutcome::Status::transient, SendOutcome::Status::transient,
                  SendOutcome::Status::transient};
  auto r = dispatch_due(db.store, email, whatsapp, 100, kRetry, half);
  EXPECT_EQ(r.retried, 1);
  EXPECT_EQ(db.row("a").state, "pending");
  EXPECT_EQ(db.row("a").next_attempt_utc, 100 + 45);  // 60 s with jitter 0.5
  EXPECT_EQ(db.row("a").last_error, "SMTP 451");
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 144, kRetry, half).retried, 0);
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 145, kRetry, half).retried, 1);
  EXPECT_EQ(db.row("a").next_attempt_utc, 145 + 90);
  auto last = dispatch_due(db.store, email, whatsapp, 1000, kRetry, half);
  EXPECT_EQ(last.failed, 1);  // third attempt was the last
  EXPECT_EQ(db.row("a").state, "failed");
  EXPECT_EQ(db.row("a").attempts, 3);
}

TEST(Dispatcher, PermanentFailureIsNotRetried) {
  Db db;
  db.add("a", 0);
  FakeSender email, whatsapp;
  email.script = {SendOutcome::Status::permanent};
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 10, kRetry, half).failed, 1);
  EXPECT_EQ(db.row("a").state, "failed");
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 100000, kRetry, half).sent, 0);
  EXPECT_EQ(email.calls.size(), 1u);
}

TEST(Dispatcher, InFlightRowsAfterACrashAreRequeued) {
  Db db;
  db.add("a", 0);
  db.add("b", 0);
  // Claimed, then the process died.
  db.store.db().exec("UPDATE outbox SET state = 'in_flight' WHERE dedupe_key = 'a'");
  EXPECT_EQ(requeue_in_flight(db.store), 1);
  FakeSender email, whatsapp;
  EXPECT_EQ(dispatch_due(db.store, email, whatsapp, 10, kRetry, half).sent, 2);
}

TEST(FolderSender, WritesEmlAndWhatsAppJson) {
  Db db;
  email::MailMessage m;
  m.from_name = "BTO";
  m.from_address = "tafels@bto.nl";
  m.to_address = "jan@x.nl";
  m.message_id = "abc@tafels.nl";
  m.subject = "Uitnodiging praktijktafel";
  m.text = "Beste Jan";
  m.html = "<p>Beste Jan</p>";
  db.add("mail", 0, "email", mail_payload(m).dump());
  db.add("wa", 0, "whatsapp", R"({"whatsapp":{"request":{"to":"+31612345678"}}})");
  FolderSender folder(db.dir / "outbox", [] { return std::int64_t{1'790'000'000}; });
  auto r = dispatch_due(db.store, folder, folder, 10, kRetry, half);
  EXPECT_EQ(r.sent, 2);
  EXPECT_TRUE(std::filesystem::exists(db.dir / "outbox" / "000001-reminder.eml"));
  EXPECT_TRUE(std::filesystem::exists(db.dir / "outbox" / "000002-reminder.json"));
  EXPECT_EQ(db.row("mail").provider_message_id, "abc@tafels.nl");
}

TEST(Templates, ShippedDutchTemplatesPassTheStartUpCheck) {
  auto t = load_templates(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/templates");
  ASSERT_TRUE(t.has_value()) << t.error()[0];
  auto bad = load_templates(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/geen-templates");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error()[0].find("uitnodiging"), std::string::npos);
}

}  // namespace
}  // namespace tafel::outbox
