#include "adapters/whatsapp/access_token.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace tafel::whatsapp {
namespace {

namespace fs = std::filesystem;

fs::path write_file(const fs::path& p, const std::string& content, fs::perms perms) {
  std::ofstream(p, std::ios::binary) << content;
  fs::permissions(p, perms);
  return p;
}

constexpr auto kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;

TEST(AccessToken, EnvironmentWinsOverTheFile) {
  testing::TempDir dir;
  const auto file = write_file(dir / "token", "EAAfile\n", kOwnerOnly);
  auto t = load_access_token(file, "EAAenv");
  ASSERT_TRUE(t.has_value()) << t.error();
  ASSERT_TRUE(t->has_value());
  EXPECT_EQ((*t)->value, "EAAenv");
}

TEST(AccessToken, FileTokenLosesItsTrailingNewline) {
  testing::TempDir dir;
  const auto file = write_file(dir / "token", "EAAGm0PX4ZCpsBA\r\n\n", kOwnerOnly);
  auto t = load_access_token(file, std::nullopt);
  ASSERT_TRUE(t.has_value()) << t.error();
  ASSERT_TRUE(t->has_value());
  EXPECT_EQ((*t)->value, "EAAGm0PX4ZCpsBA");
  // An empty environment variable counts as unset.
  auto empty_env = load_access_token(file, "");
  ASSERT_TRUE(empty_env.has_value() && empty_env->has_value());
  EXPECT_EQ((*empty_env)->value, "EAAGm0PX4ZCpsBA");
}

TEST(AccessToken, NeitherSetMeansNoToken) {
  auto t = load_access_token("", std::nullopt);
  ASSERT_TRUE(t.has_value());
  EXPECT_FALSE(t->has_value());
}

TEST(AccessToken, GroupOrOtherReadableFileIsRefusedWithoutShowingTheToken) {
  testing::TempDir dir;
  const auto file = write_file(dir / "token", "EAAsecret\n", kOwnerOnly | fs::perms::group_read);
  auto t = load_access_token(file, std::nullopt);
  ASSERT_FALSE(t.has_value());
  EXPECT_NE(t.error().find("chmod 600"), std::string::npos);
  EXPECT_NE(t.error().find(file.string()), std::string::npos);
  EXPECT_EQ(t.error().find("EAAsecret"), std::string::npos);
  fs::permissions(file, kOwnerOnly | fs::perms::others_read);
  EXPECT_FALSE(load_access_token(file, std::nullopt).has_value());
}

TEST(AccessToken, MissingEmptyOrMalformedFilesAreErrorsNamingTheFile) {
  testing::TempDir dir;
  auto missing = load_access_token(dir / "nope", std::nullopt);
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().find("nope"), std::string::npos);

  const auto empty = write_file(dir / "empty", "\n", kOwnerOnly);
  auto e = load_access_token(empty, std::nullopt);
  ASSERT_FALSE(e.has_value());
  EXPECT_NE(e.error().find("empty"), std::string::npos);

  const auto two = write_file(dir / "two", "EAAone\nEAAtwo\n", kOwnerOnly);
  auto t = load_access_token(two, std::nullopt);
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().find("EAAone"), std::string::npos);

  const auto spaced = write_file(dir / "spaced", "EAA secret\n", kOwnerOnly);
  auto s = load_access_token(spaced, std::nullopt);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().find("secret"), std::string::npos);
}

TEST(AccessToken, EnvironmentTokenWithControlCharactersIsRefused) {
  auto t = load_access_token("", "EAAx\r\nX-Injected: 1");
  ASSERT_FALSE(t.has_value());
  EXPECT_NE(t.error().find("TAFELPLANNER_WHATSAPP_TOKEN"), std::string::npos);
  EXPECT_EQ(t.error().find("EAAx"), std::string::npos);
}

}  // namespace
}  // namespace tafel::whatsapp
