#include "adapters/links/link_token.hpp"

#include "adapters/links/encoding.hpp"

#include <gtest/gtest.h>

#include <set>

namespace tafel::links {
namespace {

const LinkKey kKey{std::string(32, 'k')};
constexpr std::int64_t kNow = 1'760'000'000;

TEST(LinkToken, RoundTripsPurposeSubjectAndExpiry) {
  const std::string token = sign_link(kKey, Purpose::rsvp, 4711, kNow + 3600);
  EXPECT_EQ(token.size(), 88u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  const auto claims = verify_link(kKey, token, kNow);
  ASSERT_TRUE(claims.has_value());
  EXPECT_EQ(claims->purpose, Purpose::rsvp);
  EXPECT_EQ(claims->subject, 4711);
  EXPECT_EQ(claims->expires_at, kNow + 3600);
}

TEST(LinkToken, TokensAreUnguessableEvenForTheSameSubject) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(sign_link(kKey, Purpose::poll, 1, kNow + 60));
  EXPECT_EQ(seen.size(), 100u);
}

TEST(LinkToken, EveryTamperedByteIsBad) {
  const std::string token = sign_link(kKey, Purpose::rsvp, 12, kNow + 3600);
  const auto raw = *base64url_decode(token);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string changed = raw;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    const auto result = verify_link(kKey, base64url_encode(changed), kNow);
    ASSERT_FALSE(result.has_value()) << "byte " << i;
    EXPECT_EQ(result.error().error, LinkError::bad) << "byte " << i;
    EXPECT_EQ(result.error().claims.subject, 0) << "a forged token reveals nothing";
  }
  std::string char_changed = token;
  char_changed[10] = char_changed[10] == 'A' ? 'B' : 'A';
  EXPECT_EQ(verify_link(kKey, char_changed, kNow).error().error, LinkError::bad);
}

TEST(LinkToken, MalformedTokensAreBad) {
  const std::string token = sign_link(kKey, Purpose::rsvp, 12, kNow + 3600);
  for (const std::string& t :
       {std::string(), std::string("abc"), token.substr(1), token + "A", token.substr(0, 87) + "=",
        token.substr(0, 87) + "+", std::string(88, '!')}) {
    const auto result = verify_link(kKey, t, kNow);
    ASSERT_FALSE(result.has_value()) << t;
    EXPECT_EQ(result.error().error, LinkError::bad) << t;
  }
}

TEST(LinkToken, OtherKeyIsBad) {
  const std::string token = sign_link(kKey, Purpose::rsvp, 12, kNow + 3600);
  const LinkKey other{std::string(32, 'x')};
  EXPECT_EQ(verify_link(other, token, kNow).error().error, LinkError::bad);
}

TEST(LinkToken, ExpiredStillNamesTheSubject) {
  const std::string token = sign_link(kKey, Purpose::rsvp, 99, kNow + 60);
  EXPECT_TRUE(verify_link(kKey, token, kNow + 59).has_value());
  const auto result = verify_link(kKey, token, kNow + 60);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().error, LinkError::expired);
  EXPECT_EQ(result.error().claims.subject, 99);
  EXPECT_EQ(result.error().claims.purpose, Purpose::rsvp);
}

TEST(LinkToken, OptOutNeverExpires) {
  const std::string token = sign_link(kKey, Purpose::optout, 5, kNow + 60);
  const auto claims = verify_link(kKey, token, kNow + 100LL * 365 * 24 * 3600);
  ASSERT_TRUE(claims.has_value());
  EXPECT_EQ(claims->expires_at, 0);
  EXPECT_TRUE(verify_link(kKey, sign_link(kKey, Purpose::unsubscribe, 5, 1), kNow).has_value());
}

TEST(Base64Url, KnownVectorsAndStrictDecoding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(*base64url_decode("Zm9vYg"), "foob");
  EXPECT_FALSE(base64url_decode("Zh").has_value());  // non-canonical tail bits
  EXPECT_FALSE(base64url_decode("Zg==").has_value());
  EXPECT_FALSE(base64url_decode("Z").has_value());
}

}  // namespace
}  // namespace tafel::links
