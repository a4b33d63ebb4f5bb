// The webhook's handlers in-process (plain Request -> Response): signature, handshake, secrets.

#include "adapters/webhooks/whatsapp_route.hpp"

#include "adapters/webhooks/signature.hpp"
#include "adapters/webhooks/whatsapp_update.hpp"
#include "tests/adapters/webhooks/webhook_fixture.hpp"

#include <gtest/gtest.h>

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

TEST(WhatsAppRoute, PostStoresTheExactBytesOnlyWithAGoodSignature) {
  std::vector<std::string> stored;
  const webhooks::StoreDelivery store = [&](std::string_view body) {
    stored.emplace_back(body);
    return static_cast<std::int64_t>(stored.size());
  };
  const std::string body = "{\"object\":\"whatsapp_business_account\",\"x\":\"\\u00e9\"}";
  EXPECT_EQ(webhooks::handle_whatsapp_post(kSecrets, store, post(body, std::nullopt)).status, 401);
  EXPECT_EQ(webhooks::handle_whatsapp_post(kSecrets, store,
                                           post(body, webhooks::hub_signature("nope", body)))
                .status,
            401);
  EXPECT_TRUE(stored.empty());
  const auto ok = webhooks::handle_whatsapp_post(
      kSecrets, store, post(body, webhooks::hub_signature(kSecrets.app_secret, body)));
  EXPECT_EQ(ok.status, 200);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], body);
  // A signed body that is no JSON at all is still taken (quarantined later).
  EXPECT_EQ(
      webhooks::handle_whatsapp_post(
          kSecrets, store, post("{trunc", webhooks::hub_signature(kSecrets.app_secret, "{trunc")))
          .status,
      200);
  EXPECT_EQ(stored.size(), 2u);
}

TEST(WhatsAppRoute, WithoutSecretsEverythingIs503) {
  const WhatsAppSecrets none = webhooks::whatsapp_secrets(std::nullopt, "");
  EXPECT_FALSE(none.configured());
  EXPECT_EQ(webhooks::describe_missing(none),
            "TAFELPLANNER_WHATSAPP_APP_SECRET and TAFELPLANNER_WHATSAPP_VERIFY_TOKEN");
  const webhooks::StoreDelivery store = [](std::string_view) -> std::int64_t {
    ADD_FAILURE() << "stored without secrets";
    return 0;
  };
  EXPECT_EQ(webhooks::handle_whatsapp_post(none, store, post("{}", "sha256=00")).status, 503);
  EXPECT_EQ(webhooks::handle_whatsapp_handshake(none, get("hub.mode=subscribe")).status, 503);
}

TEST(WhatsAppRoute, RegistersBothMethodsWithTheThreeMebibyteLimit) {
  http::Router router;
  webhooks::register_whatsapp_webhook(router, kSecrets, nullptr, nullptr);
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
