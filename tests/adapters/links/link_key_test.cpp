#include "adapters/links/link_key.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sys/stat.h>

namespace tafel::links {
namespace {

mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0);
  return st.st_mode & 0777;
}

TEST(LinkKey, GeneratedOnceWithMode0600AndReused) {
  testing::TempDir dir;
  const auto state = dir / "state";
  const auto first = load_link_key(state, std::nullopt);
  ASSERT_TRUE(first.has_value()) << first.error();
  EXPECT_EQ(first->bytes.size(), 32u);
  const auto file = state / "link.key";
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(mode_of(file), 0600u);
  const auto again = load_link_key(state, std::nullopt);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->bytes, first->bytes);
  // No temporary file is left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(state)) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(LinkKey, DifferentStateDirsGetDifferentKeys) {
  testing::TempDir a, b;
  EXPECT_NE(load_link_key(a.path(), std::nullopt)->bytes,
            load_link_key(b.path(), std::nullopt)->bytes);
}

TEST(LinkKey, EnvironmentKeyWinsAndMustBeLongEnough) {
  testing::TempDir dir;
  const std::string good(40, 'z');
  const auto key = load_link_key(dir.path(), good);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->bytes, good);
  EXPECT_FALSE(std::filesystem::exists(dir / "link.key"));
  const auto short_key = load_link_key(dir.path(), std::string(31, 'z'));
  ASSERT_FALSE(short_key.has_value());
  EXPECT_NE(short_key.error().find("TAFELPLANNER_LINK_KEY"), std::string::npos);
  EXPECT_EQ(short_key.error().find("zzzz"), std::string::npos) << "the key is never echoed";
}

TEST(LinkKey, ReadsTheRealEnvironment) {
  testing::TempDir dir;
  ::setenv("TAFELPLANNER_LINK_KEY", "too-short", 1);
  EXPECT_FALSE(load_link_key(dir.path()).has_value());
  ::setenv("TAFELPLANNER_LINK_KEY", std::string(32, 'e').c_str(), 1);
  EXPECT_EQ(load_link_key(dir.path())->bytes, std::string(32, 'e'));
  ::unsetenv("TAFELPLANNER_LINK_KEY");
  EXPECT_TRUE(load_link_key(dir.path()).has_value());
  EXPECT_TRUE(std::filesystem::exists(dir / "link.key"));
}

TEST(LinkKey, RejectsLooseModeAndShortFile) {
  testing::TempDir dir;
  const auto file = dir.write("link.key", std::string(32, 'q'));
  ::chmod(file.c_str(), 0644);
  EXPECT_FALSE(load_link_key(dir.path(), std::nullopt).has_value());
  ::chmod(file.c_str(), 0600);
  EXPECT_EQ(load_link_key(dir.path(), std::nullopt)->bytes, std::string(32, 'q'));
  dir.write("link.key", "short");
  EXPECT_FALSE(load_link_key(dir.path(), std::nullopt).has_value());
}

}  // namespace
}  // namespace tafel::links
