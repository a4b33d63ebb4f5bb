// The webhook's handlers in-process (plain Request -> Response): signature, handshake, secrets.

#include "adapters/webhooks/whatsapp_route.hpp"

#include "adapters/webhooks/signature.hpp"
#include "adapters/webhooks/whatsapp_update.hpp"
#include "tests/adapters/webhooks/webhook_fixture.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace tafel {
namespace {

using webhooks::WhatsAppSecrets;

const WhatsAppSecrets kSecrets{"app-secret", "verify-me"};

http::Request post(std::string body, std::optional<std::string> signature) {
  http::Request r;
  r.method = "POST";
  r.path = "/webhooks/whatsapp";
  r.target = r.path;
  r.body = std::move(body);
  if (signature) r.headers.push_back({"x-hub-signature-256", *signature});
  return r;
}

http::Request get(std::string query) {
  http::Request r;
  r.method = "GET";
  r.path = "/webhooks/whatsapp";
  r.query = std::move(query);
  r.target = r.path + "?" + r.query;
  return r;
}

TEST(Signature, MatchesAKnownHmacSha256) {
  // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
  const std::string body = "The quick brown fox jumps over the lazy dog";
  EXPECT_EQ(webhooks::hub_signature("key", body),
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  EXPECT_TRUE(webhooks::signature_matches(
      "key", body, "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
  EXPECT_TRUE(webhooks::signature_matches(
      "key", body, "sha256=F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8"));
}

TEST(Signature, RejectsEverythingElse) {
  const std::string body = "{\"a\":1}";
  const std::string good = webhooks::hub_signature("s", body);
  EXPECT_TRUE(webhooks::signature_matches("s", body, good));
  EXPECT_FALSE(webhooks::signature_matches("s", body, std::nullopt));
  EXPECT_FALSE(webhooks::signature_matches("s", body, ""));
  EXPECT_FALSE(webhooks::signature_matches("other", body, good));
  EXPECT_FALSE(webhooks::signature_matches("s", body + " ", good));  // re-serialised
  EXPECT_FALSE(webhooks::signature_matches("s", body, good.substr(0, good.size() - 1)));
  EXPECT_FALSE(webhooks::signature_matches("s", body, "sha1=" + good.substr(7)));
  EXPECT_FALSE(webhooks::signature_matches("s", body, good.substr(7)));
  std::string bad_hex = good;
  bad_hex[10] = 'g';
  EXPECT_FALSE(webhooks::signature_matches("s", body, bad_hex));
}

TEST(WhatsAppRoute, HandshakeEchoesTheChallengeForTheRightToken) {
  const auto r = webhooks::handle_whatsapp_handshake(
      kSecrets, get("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "1158201444");
  const auto encoded = webhooks::handle_whatsapp_handshake(
      kSecrets, get("hub.verify_token=verify%2Dme&hub.mode=subscribe&hub.challenge=a%20b"));
  EXPECT_EQ(encoded.status, 200);
  EXPECT_EQ(encoded.body, "a b");
}

TEST(WhatsAppRoute, HandshakeRefusesAWrongTokenOrMode) {
  for (const char* q : {"hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong",
                        "hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify-m",
                        "hub.mode=subscribe&hub.challenge=1",
                        "hub.mode=unsubscribe&hub.challenge=1"
                        "&hub.verify_token=verify-me",
                        "hub.mode=subscribe&hub.verify_token=verify-me", "",
                        "hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify%2"}) {
    EXPECT_EQ(webhooks::handle_whatsapp_handshake(kSecrets, get(q)).status, 403) << q;
  }
}

// handle_whatsapp_post with an answer that must come before it returns (the fakes below answer
// inline).
http::Response post_now(const WhatsAppSecrets& secrets, const webhooks::SubmitDelivery& submit,
                        http::Request request) {
  std::optional<http::Response> answer;
  webhooks::handle_whatsapp_post(secrets, submit, std::move(request),
                                 [&](http::Response r) { answer = std::move(r); });
  EXPECT_TRUE(answer) << "no answer";
  return answer.value_or(http::Response{});
}

TEST(WhatsAppRoute, PostStoresTheExactBytesOnlyWithAGoodSignature) {
  std::vector<std::string> stored;
  const webhooks::SubmitDelivery store = [&](std::string body, auto done) {
    stored.push_back(std::move(body));
    done(static_cast<std::int64_t>(stored.size()));
  };
  const std::string body = "{\"object\":\"whatsapp_business_account\",\"x\":\"\\u00e9\"}";
  EXPECT_EQ(post_now(kSecrets, store, post(body, std::nullopt)).status, 401);
  EXPECT_EQ(post_now(kSecrets, store, post(body, webhooks::hub_signature("nope", body))).status,
            401);
  EXPECT_TRUE(stored.empty());
  const auto ok =
      post_now(kSecrets, store, post(body, webhooks::hub_signature(kSecrets.app_secret, body)));
  EXPECT_EQ(ok.status, 200);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], body);
  // A signed body that is no JSON at all is still taken (quarantined later).
  EXPECT_EQ(post_now(kSecrets, store,
                     post("{trunc", webhooks::hub_signature(kSecrets.app_secret, "{trunc")))
                .status,
            200);
  EXPECT_EQ(stored.size(), 2u);
}

TEST(WhatsAppRoute, NoAnswerBeforeTheStoreAndA503WhenItFails) {
  webhooks::GroupCommitter::Done pending;
  const webhooks::SubmitDelivery store = [&](std::string, auto done) { pending = std::move(done); };
  const std::string body = "{}";
  std::optional<http::Response> answer;
  const auto respond = [&](http::Response r) { answer = std::move(r); };
  webhooks::handle_whatsapp_post(
      kSecrets, store, post(body, webhooks::hub_signature(kSecrets.app_secret, body)), respond);
  ASSERT_TRUE(pending);
  EXPECT_FALSE(answer) << "answered before the delivery was stored";
  pending(std::nullopt);  // could not be stored
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 503);
  EXPECT_TRUE(answer->header("Retry-After"));
  answer.reset();
  webhooks::handle_whatsapp_post(
      kSecrets, store, post(body, webhooks::hub_signature(kSecrets.app_secret, body)), respond);
  EXPECT_FALSE(answer);
  pending(7);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
}

TEST(WhatsAppRoute, ThroughTheRouterThe200ComesAfterTheCommit) {
  testing::TempDir dir;
  const auto path = dir / "tafel.db";
  ASSERT_TRUE(Store::open(path));
  auto inbox = std::make_shared<webhooks::DeliveryInbox>(path);
  auto committer =
      std::make_shared<webhooks::GroupCommitter>(inbox, webhooks::GroupCommitter::Options{});
  http::Router router;
  webhooks::register_whatsapp_webhook(router, kSecrets, committer);
  const auto committed_rows = [&] {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);  // sees committed rows only
    return db.execAndGet("SELECT COUNT(*) FROM webhook_deliveries").getInt64();
  };
  const std::string body = "{\"object\":\"whatsapp_business_account\"}";
  auto request = post(body, webhooks::hub_signature(kSecrets.app_secret, body));
  std::promise<std::pair<int, std::int64_t>> seen;  // status, rows committed when answered
  router.invoke_async(router.match("POST", "/webhooks/whatsapp"), request, [&](http::Response r) {
    seen.set_value({r.status, committed_rows()});
  });
  const auto [status, rows] = seen.get_future().get();
  EXPECT_EQ(status, 200);
  EXPECT_EQ(rows, 1);
  // A bad signature: 401 and nothing stored, the same way.
  EXPECT_EQ(router.handle(post(body, "sha256=00")).status, 401);
  // The blocking path (Router::handle) waits for the commit too.
  EXPECT_EQ(router.handle(request).status, 200);
  EXPECT_EQ(committed_rows(), 2);
  committer->stop();
  EXPECT_EQ(router.handle(request).status, 503);  // a stopped committer stores nothing
  EXPECT_EQ(committed_rows(), 2);
}

TEST(WhatsAppRoute, WithoutSecretsEverythingIs503) {
  const WhatsAppSecrets none = webhooks::whatsapp_secrets(std::nullopt, "");
  EXPECT_FALSE(none.configured());
  EXPECT_EQ(webhooks::describe_missing(none),
            "TAFELPLANNER_WHATSAPP_APP_SECRET and TAFELPLANNER_WHATSAPP_VERIFY_TOKEN");
  const webhooks::SubmitDelivery store = [](std::string, auto) {
    ADD_FAILURE() << "stored without secrets";
  };
  EXPECT_EQ(post_now(none, store, post("{}", "sha256=00")).status, 503);
  EXPECT_EQ(webhooks::handle_whatsapp_handshake(none, get("hub.mode=subscribe")).status, 503);
}

TEST(WhatsAppRoute, RegistersBothMethodsWithTheThreeMebibyteLimit) {
  http::Router router;
  webhooks::register_whatsapp_webhook(router, kSecrets, nullptr);
  const auto m = router.match("POST", "/webhooks/whatsapp");
  ASSERT_EQ(m.kind, http::Router::MatchKind::found);
  EXPECT_EQ(m.route->options.body_limit, 3u * 1024 * 1024);
  EXPECT_EQ(router.match("GET", "/webhooks/whatsapp").kind, http::Router::MatchKind::found);
}

TEST(WhatsAppUpdate, ReadsTheSampleKinds) {
  const auto buttons = testing::whatsapp_samples("callback_button.json");
  const auto q = webhooks::parse_whatsapp_delivery(buttons["quick_reply"].dump());
  ASSERT_TRUE(q) << q.error();
  ASSERT_EQ(q->messages.size(), 1u);
  EXPECT_EQ(q->messages[0].kind, webhooks::WaMessage::Kind::button);
  EXPECT_EQ(q->messages[0].payload, "callback_data");
  EXPECT_EQ(q->messages[0].label, "title");
  EXPECT_EQ(q->messages[0].context_id, "wamid.xyzxyz==");
  EXPECT_EQ(q->messages[0].timestamp, 1698269027);
  const auto b = webhooks::parse_whatsapp_delivery(buttons["button"].dump());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->messages[0].kind, webhooks::WaMessage::Kind::interactive);
  EXPECT_EQ(b->messages[0].payload, "callback_data");

  const auto statuses = testing::whatsapp_samples("message_status.json");
  const auto f = webhooks::parse_whatsapp_delivery(statuses["failed"].dump());
  ASSERT_TRUE(f);
  ASSERT_EQ(f->statuses.size(), 1u);
  EXPECT_EQ(f->statuses[0].status, "failed");
  EXPECT_EQ(f->statuses[0].error_code, 130472);

  const auto messages = testing::whatsapp_samples("message.json");
  const auto e = webhooks::parse_whatsapp_delivery(messages["interactive_message_with_err"].dump());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->messages[0].kind, webhooks::WaMessage::Kind::other);
}

TEST(WhatsAppUpdate, NamesWhereABodyCannotBeRead) {
  EXPECT_EQ(webhooks::parse_whatsapp_delivery("{\"entry\": [").error(),
            "not valid JSON at byte 12");
  EXPECT_EQ(webhooks::parse_whatsapp_delivery("{}").error(), "/entry: missing or not an array");
  EXPECT_EQ(webhooks::parse_whatsapp_delivery("{\"object\":\"page\",\"entry\":[]}").error(),
            "/object: expected \"whatsapp_business_account\"");
}

}  // namespace
}  // namespace tafel
