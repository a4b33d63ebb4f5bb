// End to end: WhatsApp rows in a real outbox (SQLite file) dispatched by outbox::dispatch_due
// through WhatsAppSender to the fake Cloud API.

#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/folder_sender.hpp"
#include "adapters/store/outbox_store.hpp"
#include "adapters/whatsapp/whatsapp_sender.hpp"
#include "tests/adapters/whatsapp/fake_cloud_api.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace tafel::whatsapp {
namespace {

using testing::FakeCloudApi;

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
        "1, 'import', 'x', 1, 'import', 'x', 'x', 'x')");
    member = db.getLastInsertRowid();
  }
  // A row shaped like the outreach planner's (adapters/outbox/outreach_planner.cpp).
  void add(const std::string& key, const std::string& to, const std::string& number_id = "1065") {
    const nlohmann::json request = {
        {"messaging_product", "whatsapp"},
        {"to", to},
        {"type", "template"},
        {"template",
         {{"name", "tafel_herinnering"},
          {"language", {{"code", "nl"}}},
          {"components",
           {{{"type", "body"}, {"parameters", {{{"type", "text"}, {"text", "Jan"}}}}}}}}}};
    const nlohmann::json payload = {{"whatsapp",
                                     {{"phone_number_id", number_id},
                                      {"body_preview", "Beste Jan, tot morgen."},
                                      {"request", request}}}};
    SQLite::Transaction tx(store.db());
    enqueue(store.db(),
            OutboxInsert{std::nullopt, member, "whatsapp", "reminder", key, 0, payload.dump()});
    tx.commit();
  }
  OutboxRow row(const std::string& key) {
    for (auto& r : load_outbox(store))
      if (r.dedupe_key == key) return r;
    return {};
  }
};

// Mail rows are not expected here: any that reach this sender fail the test.
struct NoMail : outbox::ChannelSender {
  outbox::SendOutcome send(const OutboxRow&) override {
    ADD_FAILURE() << "a mail row reached the mail sender";
    return {outbox::SendOutcome::Status::permanent, "", "unexpected"};
  }
};

const outbox::RetryPolicy kRetry{3, 60, 3600};
double half() { return 0.5; }

WhatsAppSender sender_for(const FakeCloudApi& api, outbox::ChannelSender* fallback) {
  CloudApiSettings s;
  s.base_url = api.base_url();
  s.token = api.token();
  s.read_timeout = std::chrono::milliseconds(2000);
  return WhatsAppSender(std::move(CloudApiClient::create(s).value()), {}, fallback);
}

TEST(WhatsAppDispatch, DueRowsAreSentAndKeepTheirWamids) {
  Db db;
  db.add("a", "+31612345601");
  db.add("b", "+31612345602");
  db.add("c", "+31612345603");
  db.add("local", "+31612345604", "");  // a network without a WhatsApp sender
  FakeCloudApi api;
  outbox::FolderSender folder(db.dir / "outbox", [] { return std::int64_t{1'790'000'000}; });
  auto sender = sender_for(api, &folder);
  NoMail mail;
  const auto r = outbox::dispatch_due(db.store, mail, sender, 10, kRetry, half);
  EXPECT_EQ(r.sent, 4);
  EXPECT_EQ(r.retried + r.failed, 0);
  EXPECT_TRUE(api.problems().empty());
  ASSERT_EQ(api.requests().size(), 3u);
  EXPECT_EQ(api.requests()[1].body["to"], "+31612345602");
  EXPECT_EQ(api.connections(), 1u);
  for (const char* key : {"a", "b", "c"}) {
    const auto row = db.row(key);
    EXPECT_EQ(row.state, "sent");
    ASSERT_TRUE(row.provider_message_id.has_value());
    EXPECT_EQ(row.provider_message_id->rfind("wamid.", 0), 0u) << *row.provider_message_id;
  }
  // The row without a phone-number id went to the folder, as without an account.
  EXPECT_EQ(db.row("local").provider_message_id, "local.4");
  EXPECT_TRUE(std::filesystem::exists(db.dir / "outbox" / "000004-reminder.json"));
  // Kept for correlating status webhooks and button replies.
  SQLite::Statement q(db.store.db(),
                      "SELECT COUNT(*) FROM message_ids WHERE message_id LIKE 'wamid.%'");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getInt(), 3);
}

TEST(WhatsAppDispatch, TransientErrorsAreRetriedAndPermanentOnesFailWithoutPersonalData) {
  Db db;
  db.add("a", "+31612345601");
  FakeCloudApi api;
  auto sender = sender_for(api, nullptr);
  NoMail mail;
  api.answer_with(FakeCloudApi::error(131056, "to +31612345601"));
  auto r = outbox::dispatch_due(db.store, mail, sender, 10, kRetry, half);
  EXPECT_EQ(r.retried, 1);
  auto row = db.row("a");
  EXPECT_EQ(row.state, "pending");
  EXPECT_GT(row.next_attempt_utc, 10);
  ASSERT_TRUE(row.last_error.has_value());
  EXPECT_NE(row.last_error->find("131056"), std::string::npos);
  EXPECT_EQ(row.last_error->find("612345601"), std::string::npos);

  api.answer_with(FakeCloudApi::error(132001, "template tafel_herinnering for +31612345601"));
  r = outbox::dispatch_due(db.store, mail, sender, 100000, kRetry, half);
  EXPECT_EQ(r.failed, 1);
  row = db.row("a");
  EXPECT_EQ(row.state, "failed");
  EXPECT_NE(row.last_error->find("132001"), std::string::npos);
  EXPECT_EQ(row.last_error->find("612345601"), std::string::npos);
  EXPECT_EQ(api.request_count(), 2u);
}

TEST(WhatsAppDispatch, ServerDownLeavesRowsPendingForLater) {
  Db db;
  db.add("a", "+31612345601");
  std::string base;
  {
    FakeCloudApi gone;
    base = gone.base_url();
  }
  CloudApiSettings s;
  s.base_url = base;
  s.token = "test-token";
  WhatsAppSender sender(std::move(CloudApiClient::create(s).value()), {});
  NoMail mail;
  const auto r = outbox::dispatch_due(db.store, mail, sender, 10, kRetry, half);
  EXPECT_EQ(r.retried, 1);
  EXPECT_EQ(db.row("a").state, "pending");
}

}  // namespace
}  // namespace tafel::whatsapp
