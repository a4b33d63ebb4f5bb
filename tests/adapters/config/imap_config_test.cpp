#include "adapters/config/config.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

constexpr const char* kBase = R"(database = "tafel.db"
public_url = "https://tafels.example.nl/"
[sectors.bouw]
synonyms = ["aannemer"]
)";

TEST(ImapConfig, DefaultsWithoutSection) {
  auto cfg = parse_config(kBase, "/etc/tp/tafel.toml");
  ASSERT_TRUE(cfg.has_value());
  EXPECT_TRUE(cfg->messaging.imap.url.empty());
  EXPECT_EQ(cfg->messaging.imap.mailbox, "INBOX");
  EXPECT_EQ(cfg->messaging.imap.poll_seconds, 60);
}

TEST(ImapConfig, ReadsEveryKeyAndResolvesThePasswordFile) {
  const std::string text = std::string(kBase) + R"(
[messaging.imap]
url = "imaps://mail.example.nl:993"
user = "antwoorden"
password_file = "geheim/imap.txt"
mailbox = "Antwoorden"
poll_seconds = 120
)";
  auto cfg = parse_config(text, "/etc/tp/tafel.toml");
  ASSERT_TRUE(cfg.has_value()) << format_config_error("x", cfg.error()[0]);
  const ImapConfig& i = cfg->messaging.imap;
  EXPECT_EQ(i.url, "imaps://mail.example.nl:993");
  EXPECT_EQ(i.user, "antwoorden");
  EXPECT_EQ(i.password_file, "/etc/tp/geheim/imap.txt");
  EXPECT_EQ(i.mailbox, "Antwoorden");
  EXPECT_EQ(i.poll_seconds, 120);
}

TEST(ImapConfig, ErrorsNameKeyAndLine) {
  const std::string text = std::string(kBase) +       // 4 lines
                           "[messaging.imap]\n"       // 5
                           "url = \"pop3://mail\"\n"  // 6
                           "password = \"x\"\n"       // 7
                           "poll_seconds = 1\n"       // 8
                           "mailbox = \"\"\n";        // 9
  auto cfg = parse_config(text, "x.toml");
  ASSERT_FALSE(cfg.has_value());
  auto has = [&](const std::string& key, int line) {
    for (const auto& e : cfg.error())
      if (e.key == key && (line == 0 || e.line == line)) return true;
    return false;
  };
  EXPECT_TRUE(has("messaging.imap.url", 0));
  EXPECT_TRUE(has("messaging.imap.password", 7));
  EXPECT_TRUE(has("messaging.imap.poll_seconds", 0));
  EXPECT_TRUE(has("messaging.imap.mailbox", 0));
}

}  // namespace
}  // namespace tafel
