// The webhook over real HTTP against the real `tafelplanner serve`, its database a real file.

#include "adapters/webhooks/signature.hpp"
#include "tests/adapters/webhooks/webhook_fixture.hpp"
#include "tests/support/daemon_process.hpp"
#include "tests/support/http_client.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <csignal>
#include <cstdlib>
#include <thread>

namespace tafel {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::DaemonProcess;

constexpr const char* kSecret = "test-app-secret";
constexpr const char* kVerify = "test-verify-token";
constexpr std::size_t kLimit = 3 * 1024 * 1024;

class WhatsAppDaemon : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("TAFELPLANNER_WHATSAPP_APP_SECRET", kSecret, 1);
    ::setenv("TAFELPLANNER_WHATSAPP_VERIFY_TOKEN", kVerify, 1);
    config_ = testing::write_test_config(
        dir_, fmt::format("[messaging]\ntemplates = \"{}/config/templates\"\n", TAFEL_SOURCE_DIR));
  }
  void TearDown() override {
    ::unsetenv("TAFELPLANNER_WHATSAPP_APP_SECRET");
    ::unsetenv("TAFELPLANNER_WHATSAPP_VERIFY_TOKEN");
  }

  std::unique_ptr<DaemonProcess> start() {
    auto d = std::make_unique<DaemonProcess>(
        TAFEL_BINARY,
        std::vector<std::string>{"--config", config_.string(), "serve", "--listen", "127.0.0.1:0"});
    EXPECT_TRUE(d->wait_ready()) << d->stderr_text();
    return d;
  }

  std::optional<testing::HttpResponse> post(const DaemonProcess& d, const std::string& body,
                                            std::optional<std::string> signature) {
    std::vector<std::string> headers{"Content-Type: application/json"};
    if (signature) headers.push_back("X-Hub-Signature-256: " + *signature);
    return testing::http_request(d.host(), d.port(), "POST", "/webhooks/whatsapp", body, headers);
  }
  std::optional<testing::HttpResponse> post_signed(const DaemonProcess& d,
                                                   const std::string& body) {
    return post(d, body, webhooks::hub_signature(kSecret, body));
  }

  std::int64_t count(const std::string& sql) {
    SQLite::Database db((dir_ / "tafel.db").string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(5000);
    return db.execAndGet(sql).getInt64();
  }

  // Waits until `sql` counts `want` (the processor runs on its own thread).
  bool eventually(const std::string& sql, std::int64_t want) {
    for (int i = 0; i < 200; ++i) {
      if (count(sql) == want) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }

  testing::TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(WhatsAppDaemon, HandshakeOverHttp) {
  auto d = start();
  const auto ok = testing::http_request(
      d->host(), d->port(), "GET",
      fmt::format("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=987654&hub.verify_token={}",
                  kVerify));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "987654");
  const auto wrong = testing::http_request(
      d->host(), d->port(), "GET",
      "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=987654&hub.verify_token=nope");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(d->stderr_text().find(kVerify), std::string::npos);
}

TEST_F(WhatsAppDaemon, BadOrMissingSignatureIs401AndStoresNothing) {
  auto d = start();
  const std::string body =
      testing::wa_body(json::array({testing::wa_text("wamid.s", "ja")})).dump();
  const auto missing = post(*d, body, std::nullopt);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  const auto wrong = post(*d, body, webhooks::hub_signature("not-the-secret", body));
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  const auto tampered = post(*d, body + " ", webhooks::hub_signature(kSecret, body));
  ASSERT_TRUE(tampered);
  EXPECT_EQ(tampered->status, 401);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 0);
}

TEST_F(WhatsAppDaemon, SamplesAreStoredAnsweredAndProcessed) {
  auto d = start();
  int n = 0;
  for (const char* file :
       {"callback_button.json", "callback_selection.json", "message.json", "message_status.json"}) {
    const auto samples = testing::whatsapp_samples(file);
    for (const auto& [name, body] : samples.items()) {
      const auto r = post_signed(*d, testing::with_ids(body, fmt::format("wamid.{}", n)).dump());
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << file << " " << name;
      ++n;
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), n);
  EXPECT_TRUE(eventually("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'processed'", n))
      << d->stderr_text();
  EXPECT_GE(count("SELECT COUNT(*) FROM inbound"), n);
  // The same bodies again are taken and add no inbound rows.
  const auto before = count("SELECT COUNT(*) FROM inbound");
  n = 0;
  for (const char* file :
       {"callback_button.json", "callback_selection.json", "message.json", "message_status.json"}) {
    const auto samples = testing::whatsapp_samples(file);
    for (const auto& [name, body] : samples.items())
      EXPECT_EQ(
          post_signed(*d, testing::with_ids(body, fmt::format("wamid.{}", n++)).dump())->status,
          200);
  }
  EXPECT_TRUE(eventually("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'", 0));
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound"), before);
}

TEST_F(WhatsAppDaemon, TruncatedJsonIsTakenAndQuarantined) {
  auto d = start();
  const std::string body =
      testing::wa_body(json::array({testing::wa_text("wamid.t", "ja")})).dump();
  const auto r = post_signed(*d, body.substr(0, 40));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(eventually("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'quarantined'", 1));
  EXPECT_TRUE(
      eventually("SELECT COUNT(*) FROM coordinator_items WHERE kind = 'quarantined' AND "
                 "resolved_at IS NULL",
                 1));
}

TEST_F(WhatsAppDaemon, ThreeMebibytesAreTakenOneByteMoreIs413) {
  auto d = start();
  // A valid body padded with spaces to exactly the limit.
  std::string body = testing::wa_body(json::array({testing::wa_text("wamid.big", "ja")})).dump();
  body.insert(body.size() - 1, std::string(kLimit - body.size(), ' '));
  ASSERT_EQ(body.size(), kLimit);
  const auto taken = post_signed(*d, body);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->status, 200);
  const std::string over = body + " ";
  const auto refused = post_signed(*d, over);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 1);
  EXPECT_EQ(count("SELECT length(body) FROM webhook_deliveries"),
            static_cast<std::int64_t>(kLimit));
  // Other routes keep the server's default limit.
  const auto other = testing::http_request(d->host(), d->port(), "POST", "/healthz",
                                           std::string(2 * 1024 * 1024, 'x'));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 413);
}

TEST_F(WhatsAppDaemon, WithoutSecretsTheRouteIs503AndStartUpSaysSo) {
  ::unsetenv("TAFELPLANNER_WHATSAPP_APP_SECRET");
  auto d = start();
  const std::string body = "{}";
  const auto r = post_signed(*d, body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_NE(d->stderr_text().find("TAFELPLANNER_WHATSAPP_APP_SECRET not set"), std::string::npos);
  EXPECT_EQ(d->stderr_text().find(kVerify), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 0);
}

TEST_F(WhatsAppDaemon, EveryAcknowledgedDeliverySurvivesAKill) {
  constexpr int kDeliveries = 60;
  {
    auto d = start();
    int acknowledged = 0;
    for (int i = 0; i < kDeliveries; ++i) {
      const auto body =
          testing::wa_body(json::array({testing::wa_text(fmt::format("wamid.kill.{}", i), "ja")}))
              .dump();
      const auto r = post_signed(*d, body);
      if (r && r->status == 200) ++acknowledged;
    }
    ASSERT_EQ(acknowledged, kDeliveries);
    d->signal(SIGKILL);
    EXPECT_EQ(d->wait_exit(5s), 128 + SIGKILL);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), kDeliveries);
  // After a restart the catch-up processes whatever was still pending.
  auto again = start();
  EXPECT_TRUE(
      eventually("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'processed'", kDeliveries))
      << again->stderr_text();
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbound WHERE dedupe_key LIKE 'wa:msg:wamid.kill.%'"),
            kDeliveries);
}

}  // namespace
}  // namespace tafel
