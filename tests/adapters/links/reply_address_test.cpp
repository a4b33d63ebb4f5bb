#include "adapters/links/reply_address.hpp"

#include "adapters/links/encoding.hpp"

#include <gtest/gtest.h>

#include <set>

namespace tafel::links {
namespace {

TEST(ReplyAddress, IdsAreUniqueLowercaseBase32Of26Chars) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string id = new_reply_address_id();
    ASSERT_EQ(id.size(), 26u);
    ASSERT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567"), std::string::npos) << id;
    ASSERT_TRUE(is_reply_address_id(id)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 2000u);
}

TEST(ReplyAddress, Validation) {
  EXPECT_FALSE(is_reply_address_id(""));
  EXPECT_FALSE(is_reply_address_id(std::string(26, 'A')));
  EXPECT_FALSE(is_reply_address_id(std::string(25, 'a')));
  EXPECT_FALSE(is_reply_address_id(std::string(25, 'a') + "1"));
  EXPECT_FALSE(is_reply_address_id(std::string(25, 'a') + "b"));  // non-zero unused bits
  EXPECT_TRUE(is_reply_address_id(std::string(25, 'a') + "e"));
}

TEST(Base32, Rfc4648VectorsLowercased) {
  EXPECT_EQ(base32_lower_encode(""), "");
  EXPECT_EQ(base32_lower_encode("f"), "my");
  EXPECT_EQ(base32_lower_encode("fo"), "mzxq");
  EXPECT_EQ(base32_lower_encode("foo"), "mzxw6");
  EXPECT_EQ(base32_lower_encode("foob"), "mzxw6yq");
  EXPECT_EQ(base32_lower_encode("fooba"), "mzxw6ytb");
  EXPECT_EQ(base32_lower_encode("foobar"), "mzxw6ytboi");
}

}  // namespace
}  // namespace tafel::links
