// `[messaging] dispatch`: whether `serve` runs the outbox dispatch loop (default: yes).
#include "adapters/config/config.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

constexpr const char* kBase = R"(database = "tafel.db"
public_url = "https://tafels.example.nl/"
[sectors.bouw]
synonyms = ["aannemer"]
)";

TEST(DispatchConfig, OnByDefaultAndCanBeTurnedOff) {
  auto dflt = parse_config(kBase, "/etc/tp/tafel.toml");
  ASSERT_TRUE(dflt.has_value());
  EXPECT_TRUE(dflt->messaging.dispatch);
  auto off = parse_config(std::string(kBase) + "[messaging]\ndispatch = false\n", "x.toml");
  ASSERT_TRUE(off.has_value());
  EXPECT_FALSE(off->messaging.dispatch);
}

TEST(DispatchConfig, WrongTypeNamesTheKeyAndLine) {
  auto bad = parse_config(std::string(kBase) + "[messaging]\ndispatch = \"ja\"\n", "x.toml");
  ASSERT_FALSE(bad.has_value());
  bool found = false;
  for (const auto& e : bad.error()) found |= e.key == "messaging.dispatch" && e.line == 6;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tafel
