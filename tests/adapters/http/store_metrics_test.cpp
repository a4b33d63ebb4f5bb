// /metrics scraped over real HTTP from an in-process server whose store collector reads a real,
// migrated SQLite file: messages per channel and state, webhook deliveries by outcome, replies
// by intent, sessions by status, the age of the oldest due outbox row, and webhook requests
// counted from the access log.

#include "adapters/http/store_metrics.hpp"

#include "adapters/http/metrics.hpp"
#include "adapters/http/request_metrics.hpp"
#include "adapters/http/server.hpp"
#include "adapters/store/store.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace tafel::http {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kNow = 1'800'000'000;

void add_outbox(SQLite::Database& db, int id, const char* channel, const char* state,
                std::int64_t next_attempt) {
  SQLite::Statement q(db,
                      "INSERT INTO outbox (id, member_id, channel, kind, dedupe_key, due_utc, "
                      "payload, state, next_attempt_utc, created_at, updated_at) VALUES (?, 1, ?, "
                      "'invitation', ?, ?, '{}', ?, ?, 'x', 'x')");
  q.bind(1, id);
  q.bind(2, channel);
  q.bind(3, "k" + std::to_string(id));
  q.bind(4, next_attempt);
  q.bind(5, state);
  q.bind(6, next_attempt);
  q.exec();
}

void fill(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);  // foreign keys off: counts only
  add_outbox(db, 1, "email", "pending", kNow - 120);           // due for two minutes
  add_outbox(db, 2, "email", "pending", kNow - 30);
  add_outbox(db, 3, "email", "pending", kNow + 600);  // not due yet
  add_outbox(db, 4, "email", "in_flight", kNow - 900);
  add_outbox(db, 5, "email", "read", kNow);
  add_outbox(db, 6, "whatsapp", "delivered", kNow);
  add_outbox(db, 7, "whatsapp", "failed", kNow);
  add_outbox(db, 8, "whatsapp", "cancelled", kNow);
  add_outbox(db, 9, "whatsapp", "sent", kNow);
  db.exec(
      "INSERT INTO webhook_deliveries (id, provider, received_at, body, state) VALUES "
      "(1, 'whatsapp', 'x', 'b', 'processed'), (2, 'whatsapp', 'x', 'b', 'processed'), "
      "(3, 'whatsapp', 'x', 'b', 'quarantined'), (4, 'whatsapp', 'x', 'b', 'pending')");
  // Delivery 1 added two rows; delivery 2 (the same body again) added none: a duplicate.
  db.exec(
      "INSERT INTO inbound (channel, dedupe_key, delivery_id, kind, received_at, intent) VALUES "
      "('whatsapp', 'wa:msg:1', 1, 'reply', 'x', 'yes'), "
      "('whatsapp', 'wa:status:9:sent', 1, 'status', 'x', NULL), "
      "('email', 'imap:1:1', NULL, 'reply', 'x', 'no'), "
      "('email', 'imap:1:2', NULL, 'reply', 'x', 'no'), "
      "('email', 'imap:1:3', NULL, 'auto_reply', 'x', NULL)");
  db.exec(
      "INSERT INTO sessions (proposal_id, slot_id, venue_id, start_utc, start_offset, end_utc, "
      "end_offset, sector, facilitator_id, status, uid) VALUES "
      "(1, 'a', 'v', 1, 0, 2, 0, 'bouw', 'f', 'approved', 'u1'), "
      "(1, 'b', 'v', 1, 0, 2, 0, 'bouw', 'f', 'approved', 'u2'), "
      "(1, 'c', 'v', 1, 0, 2, 0, 'bouw', 'f', 'proposed', 'u3')");
}

Response webhook(const Request& r) {
  Response out;
  out.status = r.header("X-Hub-Signature-256") ? 200 : 401;
  out.body = "ok";
  return out;
}

class StoreMetricsHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Store::open(db_path_).has_value());
    fill(db_path_);
    registry_ = std::make_shared<MetricsRegistry>();
    counter_ = std::make_shared<RequestCounter>(registry_, nullptr);
    ServerOptions options;
    options.handle_signals = false;
    options.access_log = [c = counter_](const AccessLogEntry& e) { (*c)(e); };
    server_.emplace(options);
    server_->router().post("/webhooks/whatsapp", webhook);
    add_store_collector(*registry_, db_path_, [] { return kNow; });
    register_metrics_route(server_->router(), registry_);
    counter_->learn_routes(server_->router());
    auto bound = server_->listen({"127.0.0.1", 0, false});
    ASSERT_TRUE(bound) << bound.error();
    port_ = bound->port;
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

  std::string scrape() {
    auto r = testing::http_request("127.0.0.1", port_, "GET", "/metrics");
    if (!r || r->status != 200) return {};
    return r->body;
  }

  static bool has(const std::string& body, const std::string& line) {
    return body.find(line + "\n") != std::string::npos;
  }

  testing::TempDir dir_;
  std::filesystem::path db_path_ = dir_ / "metrics.db";
  std::shared_ptr<MetricsRegistry> registry_;
  std::shared_ptr<RequestCounter> counter_;
  std::optional<Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

TEST_F(StoreMetricsHttp, MessagesPerChannelAndStateWithZeros) {
  const std::string body = scrape();
  ASSERT_FALSE(body.empty());
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="email",state="queued"} 4)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="email",state="delivered"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="email",state="sent"} 0)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="email",state="failed"} 0)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="whatsapp",state="delivered"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="whatsapp",state="failed"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="whatsapp",state="sent"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_messages{channel="whatsapp",state="queued"} 0)")) << body;
  EXPECT_EQ(body.find("state=\"cancelled\"} 1\ntafel_messages"), std::string::npos);
  // The oldest *due pending* row: in_flight and not-yet-due rows do not count.
  EXPECT_TRUE(has(body, "tafel_outbox_oldest_due_age_seconds 120")) << body;
  EXPECT_TRUE(has(body, "# TYPE tafel_outbox_oldest_due_age_seconds gauge")) << body;
}

TEST_F(StoreMetricsHttp, WebhookDeliveriesRepliesAndSessions) {
  const std::string body = scrape();
  const std::string w = R"(tafel_webhook_deliveries{provider="whatsapp",outcome=")";
  EXPECT_TRUE(has(body, w + R"(accepted"} 4)")) << body;
  EXPECT_TRUE(has(body, w + R"(processed"} 2)")) << body;
  EXPECT_TRUE(has(body, w + R"(duplicate"} 1)")) << body;
  EXPECT_TRUE(has(body, w + R"(quarantined"} 1)")) << body;
  EXPECT_TRUE(has(body, w + R"(pending"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_replies{channel="whatsapp",intent="yes"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_replies{channel="email",intent="no"} 2)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_sessions{status="approved"} 2)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_sessions{status="proposed"} 1)")) << body;
  EXPECT_TRUE(has(body, R"(tafel_sessions{status="held"} 0)")) << body;
  EXPECT_TRUE(has(body, "tafel_store_up 1")) << body;
}

TEST_F(StoreMetricsHttp, WebhookRequestsAcceptedAndRejected) {
  for (int i = 0; i < 2; ++i) {
    auto ok = testing::http_request("127.0.0.1", port_, "POST", "/webhooks/whatsapp", "{}",
                                    {"X-Hub-Signature-256: sha256=00"});
    ASSERT_TRUE(ok && ok->status == 200);
  }
  auto bad = testing::http_request("127.0.0.1", port_, "POST", "/webhooks/whatsapp", "{}");
  ASSERT_TRUE(bad && bad->status == 401);
  // The access log (and so the counter) runs after the answer is written: wait for it.
  const std::string a = R"(tafel_webhook_requests_total{provider="whatsapp",outcome="accepted"} 2)";
  const std::string r = R"(tafel_webhook_requests_total{provider="whatsapp",outcome="rejected"} 1)";
  std::string body;
  for (int i = 0; i < 200 && !(has(body, a) && has(body, r)); ++i) {
    std::this_thread::sleep_for(10ms);
    body = scrape();
  }
  EXPECT_TRUE(has(body, a)) << body;
  EXPECT_TRUE(has(body, r)) << body;
}

TEST_F(StoreMetricsHttp, StoreDownWhenTheDatabaseIsGone) {
  std::filesystem::remove(db_path_);
  std::filesystem::remove(dir_ / "metrics.db-wal");
  std::filesystem::remove(dir_ / "metrics.db-shm");
  EXPECT_TRUE(has(scrape(), "tafel_store_up 0"));
}

}  // namespace
}  // namespace tafel::http
