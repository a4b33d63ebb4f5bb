#include "adapters/whatsapp/sender_setup.hpp"

#include "tests/adapters/whatsapp/fake_cloud_api.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace tafel::whatsapp {
namespace {

using testing::FakeCloudApi;

struct Folder : outbox::ChannelSender {
  int calls = 0;
  outbox::SendOutcome send(const OutboxRow&) override {
    ++calls;
    return {outbox::SendOutcome::Status::sent, "local.1", ""};
  }
};

MessagingConfig with_sender(const std::string& number_id) {
  MessagingConfig m;
  m.senders.push_back(MessagingSender{"BTO", "", number_id});
  return m;
}

TEST(WhatsAppSetup, NoPhoneNumberIdMeansNoSenderAndNoNote) {
  Folder folder;
  auto s = whatsapp_setup(with_sender(""), folder, "token");
  ASSERT_TRUE(s.has_value()) << s.error();
  EXPECT_EQ(s->sender, nullptr);
  EXPECT_TRUE(s->note.empty());
}

TEST(WhatsAppSetup, PhoneNumberIdWithoutTokenExplainsWhy) {
  Folder folder;
  auto s = whatsapp_setup(with_sender("1065"), folder, std::nullopt);
  ASSERT_TRUE(s.has_value()) << s.error();
  EXPECT_EQ(s->sender, nullptr);
  EXPECT_NE(s->note.find("TAFELPLANNER_WHATSAPP_TOKEN"), std::string::npos);
}

TEST(WhatsAppSetup, UnsafeTokenFileIsAnError) {
  testing::TempDir dir;
  const auto file = dir / "wa.token";
  std::ofstream(file) << "EAAsecret\n";
  std::filesystem::permissions(file, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::owner_write |
                                         std::filesystem::perms::others_read);
  auto m = with_sender("1065");
  m.whatsapp.token_file = file;
  Folder folder;
  auto s = whatsapp_setup(m, folder, std::nullopt);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().find("EAAsecret"), std::string::npos);
}

TEST(WhatsAppSetup, ConfiguredSenderTalksToTheConfiguredApi) {
  FakeCloudApi api("v22.0", "EAAconfigured");
  testing::TempDir dir;
  const auto file = dir / "wa.token";
  std::ofstream(file) << "EAAconfigured\n";
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto m = with_sender("1065");
  m.whatsapp.base_url = api.base_url();
  m.whatsapp.api_version = "v22.0";
  m.whatsapp.token_file = file;
  Folder folder;
  auto s = whatsapp_setup(m, folder, std::nullopt);
  ASSERT_TRUE(s.has_value()) << s.error();
  ASSERT_NE(s->sender, nullptr);
  OutboxRow row;
  row.channel = "whatsapp";
  row.payload = R"({"whatsapp":{"phone_number_id":"1065","request":{"messaging_product":
    "whatsapp","to":"+31612345678","type":"text","text":{"body":"Hallo"}}}})";
  const auto out = s->sender->send(row);
  EXPECT_EQ(out.status, outbox::SendOutcome::Status::sent) << out.error;
  EXPECT_TRUE(api.problems().empty());
  ASSERT_EQ(api.requests().size(), 1u);
  EXPECT_EQ(api.requests()[0].authorization, "Bearer EAAconfigured");
  row.payload = R"({"whatsapp":{"phone_number_id":"","request":{}}})";
  EXPECT_EQ(s->sender->send(row).provider_message_id, "local.1");
  EXPECT_EQ(folder.calls, 1);
}

TEST(WhatsAppSetup, BadBaseUrlIsAnErrorNamingTheKey) {
  auto m = with_sender("1065");
  m.whatsapp.base_url = "graph.facebook.com";
  Folder folder;
  auto s = whatsapp_setup(m, folder, "EAAtoken");
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().find("messaging.whatsapp.base_url"), std::string::npos);
}

}  // namespace
}  // namespace tafel::whatsapp
