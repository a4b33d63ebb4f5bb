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

}  // namespace
}  // namespace tafel
