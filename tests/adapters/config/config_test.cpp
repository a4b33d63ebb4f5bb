#include "adapters/config/config.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

constexpr const char* kMinimal = R"(database = "tafel.db"
public_url = "https://tafels.example.nl/"
[sectors.bouw]
synonyms = ["aannemer"]
)";

TEST(Config, ExampleFileIsValid) {
  auto cfg = load_config(std::filesystem::path(TAFEL_SOURCE_DIR) / "config/example.toml");
  ASSERT_TRUE(cfg.has_value()) << (cfg ? "" : format_config_error("example", cfg.error()[0]));
  EXPECT_EQ(cfg->timezone, "Europe/Amsterdam");
  ASSERT_GE(cfg->sectors.size(), 3u);
  EXPECT_FALSE(cfg->venues.empty());
  EXPECT_FALSE(cfg->staff.empty());
  EXPECT_EQ(cfg->staff[0].availability[0].weekday, 2);
  EXPECT_EQ(cfg->staff[0].availability[0].start_minute, 7 * 60);
}

TEST(Config, DefaultsAndRelativePaths) {
  auto cfg = parse_config(kMinimal, "/etc/tp/tafel.toml");
  ASSERT_TRUE(cfg.has_value());
  EXPECT_EQ(cfg->database, "/etc/tp/tafel.db");
  EXPECT_EQ(cfg->state_dir, "/etc/tp");
  EXPECT_EQ(cfg->public_url, "https://tafels.example.nl");
  EXPECT_EQ(cfg->eligibility.min_employees, 2);
  EXPECT_EQ(cfg->eligibility.max_employees, 25);
  EXPECT_TRUE(cfg->eligibility.exclude_hr_staff);
}

TEST(Config, UnknownKeysAndWrongTypesNameKeyAndLine) {
  const std::string text = std::string(kMinimal) +
                           "horizon_dayz = 3\n"
                           "[eligibility]\n"
                           "min_employees = \"twee\"\n"
                           "[[venues]]\n"
                           "id = \"v\"\nname = \"V\"\nlat = 52.0\nlon = 5.0\n"
                           "rooms = [ { name = \"a\", capacity = \"12\" } ]\n";
  auto cfg = parse_config(text, "x.toml");
  ASSERT_FALSE(cfg.has_value());
  const auto& errs = cfg.error();
  auto has = [&](const std::string& key, int line) {
    for (const auto& e : errs)
      if (e.key == key && e.line == line) return true;
    return false;
  };
  EXPECT_TRUE(has("sectors.bouw.horizon_dayz", 5));  // follows [sectors.bouw]
  EXPECT_TRUE(has("eligibility.min_employees", 7));
  EXPECT_TRUE(has("venues[0].rooms[0].capacity", 13));
  EXPECT_EQ(format_config_error("x.toml", errs[0]).substr(0, 7), "x.toml:");
}

TEST(Config, RetentionDefaultsAndBounds) {
  auto cfg = parse_config(kMinimal, "x.toml");
  ASSERT_TRUE(cfg.has_value());
  EXPECT_EQ(cfg->retention.raw_days, 30);
  EXPECT_EQ(cfg->retention.missing_member_months, 12);
  cfg = parse_config(std::string(kMinimal) + "[retention]\nraw_days = 7\n", "x.toml");
  ASSERT_TRUE(cfg.has_value());
  EXPECT_EQ(cfg->retention.raw_days, 7);
  cfg = parse_config(std::string(kMinimal) + "[retention]\nraw_days = 0\nkeep = 1\n", "x.toml");
  ASSERT_FALSE(cfg.has_value());
  ASSERT_EQ(cfg.error().size(), 2u);
  EXPECT_EQ(cfg.error()[0].key, "retention.raw_days");
  EXPECT_EQ(cfg.error()[0].line, 6);
  EXPECT_EQ(cfg.error()[1].key, "retention.keep");
}

TEST(Config, SyntaxErrorNamesLineAndColumn) {
  auto cfg = parse_config("database = \"a\"\npublic_url = \n", "bad.toml");
  ASSERT_FALSE(cfg.has_value());
  EXPECT_EQ(cfg.error()[0].line, 2);
  EXPECT_GT(cfg.error()[0].column, 0);
}

TEST(Config, MissingRequiredKeys) {
  auto cfg = parse_config("[sectors.bouw]\n", "m.toml");
  ASSERT_FALSE(cfg.has_value());
  std::string all;
  for (const auto& e : cfg.error()) all += e.key + ";";
  EXPECT_NE(all.find("database;"), std::string::npos);
  EXPECT_NE(all.find("public_url;"), std::string::npos);
}

TEST(Config, MessagingDefaults) {
  auto cfg = parse_config(kMinimal, "/etc/tp/tafel.toml");
  ASSERT_TRUE(cfg.has_value());
  const MessagingConfig& m = cfg->messaging;
  EXPECT_EQ(m.outbox_dir, "/etc/tp/outbox");
  EXPECT_EQ(m.templates_dir, "/etc/tp/templates");
  EXPECT_EQ(m.privacy_url, "https://tafels.example.nl/privacy");
  EXPECT_EQ(m.reply_domain, "tafels.example.nl");
  EXPECT_TRUE(m.smtp.url.empty());
  EXPECT_EQ(m.whatsapp.daily_limit, 250);
  EXPECT_EQ(m.whatsapp.per_second, 80);
  EXPECT_EQ(m.whatsapp.templates.at("invitation"), "praktijktafel_uitnodiging");
  EXPECT_EQ(m.policy.nudge_after_days, 3);
  EXPECT_EQ(m.policy.reminder_days_before, (std::vector<int>{7, 1}));
  EXPECT_EQ(m.policy.early_session_before, 8 * 60 + 30);
  EXPECT_EQ(m.policy.early_reminder_at, 19 * 60);
  EXPECT_EQ(m.policy.quiet_start, 21 * 60);
  EXPECT_EQ(m.policy.quiet_end, 7 * 60 + 30);
}

TEST(Config, MessagingSection) {
  const std::string text = std::string(kMinimal) + R"(
[[networks]]
name = "BTO"
sender_email = "tafels@bto.example.nl"
[messaging]
outbox_dir = "uit"
reply_local = "antwoord"
[[messaging.senders]]
network = "BTO"
whatsapp_phone_number_id = "1234567890"
[messaging.smtp]
url = "smtps://mail.example.nl:465"
user = "tafels"
per_second = 5
[messaging.whatsapp]
base_url = "http://127.0.0.1:9999/"
daily_limit = 1000
[messaging.whatsapp.templates]
reminder = "herinnering_v2"
[messaging.policy]
nudge_after_days = 4
reminder_days_before = [1, 7, 2]
quiet_start = "22:00"
quiet_end = "07:00"
)";
  auto cfg = parse_config(text, "/etc/tp/tafel.toml");
  ASSERT_TRUE(cfg.has_value()) << format_config_error("x", cfg.error()[0]);
  const MessagingConfig& m = cfg->messaging;
  EXPECT_EQ(m.outbox_dir, "/etc/tp/uit");
  EXPECT_EQ(m.reply_local, "antwoord");
  ASSERT_EQ(m.senders.size(), 1u);
  EXPECT_EQ(m.senders[0].whatsapp_phone_number_id, "1234567890");
  EXPECT_EQ(m.smtp.url, "smtps://mail.example.nl:465");
  EXPECT_EQ(m.smtp.per_second, 5);
  EXPECT_EQ(m.whatsapp.base_url, "http://127.0.0.1:9999");
  EXPECT_EQ(m.whatsapp.daily_limit, 1000);
  EXPECT_EQ(m.whatsapp.templates.at("reminder"), "herinnering_v2");
  EXPECT_EQ(m.whatsapp.templates.at("invitation"), "praktijktafel_uitnodiging");
  EXPECT_EQ(m.policy.nudge_after_days, 4);
  EXPECT_EQ(m.policy.reminder_days_before, (std::vector<int>{7, 2, 1}));
  EXPECT_EQ(m.policy.quiet_start, 22 * 60);
  EXPECT_EQ(m.policy.quiet_end, 7 * 60);
}

TEST(Config, MessagingErrorsNameKeyAndLine) {
  const std::string text = std::string(kMinimal) +                // 4 lines
                           "[messaging]\n"                        // 5
                           "secret = \"x\"\n"                     // 6
                           "[[messaging.senders]]\n"              // 7
                           "network = \"Onbekend\"\n"             // 8
                           "[messaging.smtp]\n"                   // 9
                           "url = \"http://mail\"\n"              // 10
                           "password = \"geheim\"\n"              // 11
                           "[messaging.whatsapp.templates]\n"     // 12
                           "onbekend = \"x\"\n"                   // 13
                           "[messaging.policy]\n"                 // 14
                           "reminder_days_before = [7, \"1\"]\n"  // 15
                           "quiet_start = \"25:00\"\n";           // 16
  auto cfg = parse_config(text, "x.toml");
  ASSERT_FALSE(cfg.has_value());
  auto has = [&](const std::string& key, int line) {
    for (const auto& e : cfg.error())
      if (e.key == key && (line == 0 || e.line == line)) return true;
    return false;
  };
  EXPECT_TRUE(has("messaging.secret", 6));
  EXPECT_TRUE(has("messaging.senders[0].network", 0));
  EXPECT_TRUE(has("messaging.smtp.url", 0));
  EXPECT_TRUE(has("messaging.smtp.password", 11));
  EXPECT_TRUE(has("messaging.whatsapp.templates.onbekend", 13));
  EXPECT_TRUE(has("messaging.policy.reminder_days_before[1]", 15));
  EXPECT_TRUE(has("messaging.policy.quiet_start", 0));
}

}  // namespace
}  // namespace tafel
