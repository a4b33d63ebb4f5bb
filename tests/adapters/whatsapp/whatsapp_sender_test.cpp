#include "adapters/whatsapp/whatsapp_sender.hpp"

#include "tests/adapters/whatsapp/fake_cloud_api.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tafel::whatsapp {
namespace {

using outbox::SendOutcome;
using testing::FakeCloudApi;

constexpr const char* kPhone = "+31612345678";
constexpr const char* kNumberId = "106540352242922";

nlohmann::json template_request(const std::string& to = kPhone) {
  return {{"messaging_product", "whatsapp"},
          {"to", to},
          {"type", "template"},
          {"template",
           {{"name", "tafel_uitnodiging"},
            {"language", {{"code", "nl"}}},
            {"components",
             {{{"type", "body"}, {"parameters", {{{"type", "text"}, {"text", "Jan"}}}}},
              {{"type", "button"},
               {"sub_type", "quick_reply"},
               {"index", "0"},
               {"parameters", {{{"type", "payload"}, {"payload", "ja:abc"}}}}}}}}}};
}

OutboxRow row_with(const nlohmann::json& request, const std::string& number_id = kNumberId) {
  OutboxRow row;
  row.id = 7;
  row.channel = "whatsapp";
  row.kind = "invitation";
  row.payload = nlohmann::json{{"whatsapp",
                                {{"phone_number_id", number_id},
                                 {"body_preview", "Beste Jan, kom je aan tafel?"},
                                 {"request", request}}}}
                    .dump();
  return row;
}

CloudApiSettings settings_for(const std::string& base, const std::string& token = "test-token") {
  CloudApiSettings s;
  s.base_url = base;
  s.api_version = "v21.0";
  s.token = token;
  s.connect_timeout = std::chrono::milliseconds(1000);
  s.read_timeout = std::chrono::milliseconds(300);
  return s;
}

WhatsAppSender sender_for(const std::string& base, const std::string& token = "test-token",
                          outbox::ChannelSender* fallback = nullptr) {
  auto client = CloudApiClient::create(settings_for(base, token));
  if (!client) throw std::runtime_error(client.error());
  return WhatsAppSender(std::move(*client), {}, fallback);
}

// Nothing personal in an error: no phone number, no message text, no provider details.
void expect_no_personal_data(const SendOutcome& out) {
  EXPECT_EQ(out.error.find("612345678"), std::string::npos) << out.error;
  EXPECT_EQ(out.error.find("Jan"), std::string::npos) << out.error;
  EXPECT_EQ(out.error.find("details"), std::string::npos) << out.error;
}

TEST(WhatsAppSender, SendsTheStoredRequestAndReturnsTheWamid) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::sent) << out.error;
  EXPECT_EQ(out.provider_message_id, "wamid.FAKE1");
  EXPECT_TRUE(out.error.empty());
  EXPECT_TRUE(api.problems().empty());
  const auto seen = api.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].version, "v21.0");
  EXPECT_EQ(seen[0].phone_number_id, kNumberId);
  EXPECT_EQ(seen[0].authorization, "Bearer test-token");
  EXPECT_EQ(seen[0].body, template_request());  // exactly what was stored
}

TEST(WhatsAppSender, SendsTextMessagesToo) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url() + "/");  // a trailing slash in base_url is fine
  const nlohmann::json text = {{"messaging_product", "whatsapp"},
                               {"to", kPhone},
                               {"type", "text"},
                               {"text", {{"body", "Tot dinsdag!"}}}};
  EXPECT_EQ(sender.send(row_with(text)).status, SendOutcome::Status::sent);
  EXPECT_TRUE(api.problems().empty());
}

TEST(WhatsAppSender, ReusesOneConnectionForManySends) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::sent);
  EXPECT_EQ(api.request_count(), 20u);
  EXPECT_EQ(api.connections(), 1u);
}

struct Expected {
  int code;
  SendOutcome::Status status;
  int retry_after;
  bool throttle, needs_template, unusable, fall_back, alert, stop;
};

TEST(WhatsAppSender, EveryErrorCodeOfTheTableBecomesItsOutcome) {
  using S = SendOutcome::Status;
  // clang-format off
  const std::vector<Expected> table = {
    //  code    status        after thrott templ  unus   fallb  alert  stop
      {130429, S::transient, 0, true,  false, false, false, false, false},
      {4,      S::transient, 0, true,  false, false, false, false, false},
      {80007,  S::transient, 0, true,  false, false, false, false, false},
      {131056, S::transient, 6, false, false, false, false, false, false},
      {131000, S::transient, 0, false, false, false, false, false, false},
      {131057, S::transient, 0, false, false, false, false, false, false},
      {131047, S::permanent, 0, false, true,  false, false, false, false},
      {131026, S::permanent, 0, false, false, true,  true,  false, false},
      {131050, S::permanent, 0, false, false, false, false, false, false},
      {132000, S::permanent, 0, false, false, false, true,  true,  false},
      {132001, S::permanent, 0, false, false, false, true,  true,  false},
      {132012, S::permanent, 0, false, false, false, true,  true,  false},
      {132015, S::permanent, 0, false, false, false, true,  true,  false},
      {132016, S::permanent, 0, false, false, false, true,  true,  false},
      {0,      S::permanent, 0, false, false, false, false, true,  true},
      {190,    S::permanent, 0, false, false, false, false, true,  true},
      {368,    S::permanent, 0, false, false, false, false, false, false},  // unknown, HTTP 400
  };
  // clang-format on
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  for (const auto& e : table) {
    SCOPED_TRACE(::testing::Message() << "code " << e.code);
    // The details name the recipient: they must not reach the outcome.
    api.answer_with(FakeCloudApi::error(e.code, std::string("Recipient ") + kPhone + " failed"));
    const auto out = sender.send(row_with(template_request()));
    EXPECT_EQ(out.status, e.status);
    EXPECT_EQ(out.provider_code, e.code);
    EXPECT_EQ(out.retry_after_seconds, e.retry_after);
    EXPECT_EQ(out.throttle_channel, e.throttle);
    EXPECT_EQ(out.needs_template, e.needs_template);
    EXPECT_EQ(out.channel_unusable, e.unusable);
    EXPECT_EQ(out.fall_back, e.fall_back);
    EXPECT_EQ(out.alert_coordinator, e.alert);
    EXPECT_EQ(out.stop_channel, e.stop);
    EXPECT_TRUE(out.provider_message_id.empty());
    EXPECT_NE(out.error.find(std::to_string(e.code)), std::string::npos) << out.error;
    EXPECT_NE(out.error.find("AazBc1De2Fg3"), std::string::npos) << out.error;  // fbtrace_id
    expect_no_personal_data(out);
  }
  EXPECT_TRUE(api.problems().empty());
  EXPECT_EQ(api.connections(), 1u);  // error answers keep the connection
}

TEST(WhatsAppSender, UnknownCodeBehindA5xxIsTransient) {
  FakeCloudApi api;
  auto answer = FakeCloudApi::error(2);
  answer.status = 503;
  api.answer_with(answer);
  auto sender = sender_for(api.base_url());
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::transient);
  EXPECT_EQ(out.provider_code, 2);
}

TEST(WhatsAppSender, ActsOnTheCodeNotTheHttpStatus) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  auto throttled = FakeCloudApi::error(130429);
  throttled.status = 400;  // same code, another status: still back off and retry
  api.answer_with(throttled);
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::transient);
  auto paused = FakeCloudApi::error(132015);
  paused.status = 500;  // a template error stays permanent behind a 500
  api.answer_with(paused);
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::permanent);
}

TEST(WhatsAppSender, WrongTokenStopsTheChannel) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url(), "expired-token");
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::permanent);
  EXPECT_EQ(out.provider_code, 190);
  EXPECT_TRUE(out.stop_channel);
  EXPECT_TRUE(out.alert_coordinator);
  EXPECT_EQ(out.error.find("expired-token"), std::string::npos);
  EXPECT_EQ(api.problems(), std::vector<std::string>{"Authorization"});
}

TEST(WhatsAppSender, AnswerSlowerThanTheReadTimeoutIsTransientAndTheNextSendReconnects) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());  // read timeout 300 ms
  api.answer_with(FakeCloudApi::slow(std::chrono::milliseconds(3000)));
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::transient);
  EXPECT_EQ(out.provider_code, 0);
  EXPECT_NE(out.error.find("no answer"), std::string::npos) << out.error;
  expect_no_personal_data(out);
  api.answer_with({});
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::sent);
}

TEST(WhatsAppSender, DroppedConnectionIsTransient) {
  testing::DroppingServer dropping;
  auto sender = sender_for(dropping.base_url());
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::transient);
  EXPECT_GE(dropping.accepted(), 1);
  expect_no_personal_data(out);
}

TEST(WhatsAppSender, RefusedConnectionIsTransient) {
  int port = 0;
  {
    FakeCloudApi gone;
    port = gone.port();
  }
  auto sender = sender_for("http://127.0.0.1:" + std::to_string(port));
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::transient);
}

TEST(WhatsAppSender, HtmlErrorPagesDependOnTheStatus) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  api.answer_with(FakeCloudApi::html(500));
  auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::transient);
  EXPECT_NE(out.error.find("HTTP 500"), std::string::npos) << out.error;
  api.answer_with(FakeCloudApi::html(429));
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::transient);
  api.answer_with(FakeCloudApi::html(404));
  EXPECT_EQ(sender.send(row_with(template_request())).status, SendOutcome::Status::permanent);
}

TEST(WhatsAppSender, SuccessWithoutAMessageIdIsNotResent) {
  FakeCloudApi api;
  api.answer_with({200, R"({"messaging_product":"whatsapp","messages":[]})", "application/json"});
  auto sender = sender_for(api.base_url());
  const auto out = sender.send(row_with(template_request()));
  EXPECT_EQ(out.status, SendOutcome::Status::permanent);
  EXPECT_NE(out.error.find("/messages/0/id"), std::string::npos);
}

TEST(WhatsAppSender, RequestTheApiRejectsIsPermanent) {
  FakeCloudApi api;
  auto sender = sender_for(api.base_url());
  auto english = template_request();
  english["template"]["language"]["code"] = "en_US";
  const auto out = sender.send(row_with(english));
  EXPECT_EQ(out.status, SendOutcome::Status::permanent);
  EXPECT_EQ(out.provider_code, 100);
  EXPECT_EQ(api.problems(), std::vector<std::string>{"/template/language/code"});
}

// Counts the rows handed to it.
struct CountingSender : outbox::ChannelSender {
  int calls = 0;
  SendOutcome send(const OutboxRow&) override {
    ++calls;
    return {SendOutcome::Status::sent, "local.7", ""};
  }
};

TEST(WhatsAppSender, BadPayloadsFailWithoutARequest) {
  FakeCloudApi api;
  CountingSender folder;
  auto sender = sender_for(api.base_url(), "test-token", &folder);
  OutboxRow broken = row_with(template_request());
  broken.payload = "{not json";
  EXPECT_EQ(sender.send(broken).status, SendOutcome::Status::permanent);
  broken.payload = R"({"mail":{}})";
  EXPECT_NE(sender.send(broken).error.find("/whatsapp"), std::string::npos);
  const auto path_trick = sender.send(row_with(template_request(), "123/../../admin"));
  EXPECT_EQ(path_trick.status, SendOutcome::Status::permanent);
  EXPECT_NE(path_trick.error.find("/whatsapp/phone_number_id"), std::string::npos);
  OutboxRow no_request = row_with(template_request());
  no_request.payload = R"({"whatsapp":{"phone_number_id":"123"}})";
  EXPECT_NE(sender.send(no_request).error.find("/whatsapp/request"), std::string::npos);
  EXPECT_EQ(api.request_count(), 0u);
  EXPECT_EQ(folder.calls, 0);
}

TEST(WhatsAppSender, RowsWithoutAPhoneNumberIdGoToTheFallback) {
  FakeCloudApi api;
  CountingSender folder;
  auto sender = sender_for(api.base_url(), "test-token", &folder);
  EXPECT_EQ(sender.send(row_with(template_request(), "")).provider_message_id, "local.7");
  EXPECT_EQ(folder.calls, 1);
  EXPECT_EQ(api.request_count(), 0u);
  auto alone = sender_for(api.base_url());
  EXPECT_EQ(alone.send(row_with(template_request(), "")).status, SendOutcome::Status::permanent);
}

TEST(CloudApiClient, RefusesBaseUrlsItCannotUse) {
  CloudApiSettings s;
  s.base_url = "ftp://graph.facebook.com";
  EXPECT_FALSE(CloudApiClient::create(s).has_value());
  s.base_url = "graph.facebook.com";
  EXPECT_FALSE(CloudApiClient::create(s).has_value());
  s.base_url = "https://";
  EXPECT_FALSE(CloudApiClient::create(s).has_value());
  s.base_url = "https://graph.facebook.com";
  s.api_version = "";
  EXPECT_FALSE(CloudApiClient::create(s).has_value());
  s.api_version = "v21.0";
  EXPECT_TRUE(CloudApiClient::create(s).has_value());  // https with the system CA store
}

}  // namespace
}  // namespace tafel::whatsapp
