// Password hashing (adapters/web/password.hpp) and secrets (secrets.hpp).

#include "adapters/web/password.hpp"

#include "adapters/web/secrets.hpp"

#include <gtest/gtest.h>

namespace tafel::web {
namespace {

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  const std::string stored = hash_password("correct horse battery");
  EXPECT_TRUE(stored.starts_with("scrypt$15$8$1$")) << stored;
  EXPECT_TRUE(verify_password("correct horse battery", stored));
  EXPECT_FALSE(verify_password("correct horse batterY", stored));
  EXPECT_FALSE(verify_password("", stored));
}

TEST(Password, SaltMakesEveryHashDifferent) {
  EXPECT_NE(hash_password("same password!"), hash_password("same password!"));
}

TEST(Password, OtherParametersAreSelfDescribing) {
  const std::string stored = hash_password("lower cost here", ScryptParams{10, 4, 1});
  EXPECT_TRUE(stored.starts_with("scrypt$10$4$1$")) << stored;
  EXPECT_TRUE(verify_password("lower cost here", stored));
}

TEST(Password, MalformedOrOutOfBoundsStoredValuesNeverVerify) {
  const std::string good = hash_password("a password here", ScryptParams{10, 8, 1});
  EXPECT_FALSE(verify_password("a password here", ""));
  EXPECT_FALSE(verify_password("a password here", "plain"));
  EXPECT_FALSE(verify_password("a password here", "a password here"));
  EXPECT_FALSE(verify_password("a password here", good.substr(0, good.size() - 2)));
  std::string huge = good;
  huge.replace(7, 2, "30");  // N = 2^30 would need 128 GiB
  EXPECT_FALSE(verify_password("a password here", huge));
  std::string bad_hex = good;
  bad_hex.back() = 'z';
  EXPECT_FALSE(verify_password("a password here", bad_hex));
}

TEST(Secrets, RandomSecretsAreUrlSafeAndDistinct) {
  const std::string a = random_secret();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(a, random_secret());
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "ab"));
}

}  // namespace
}  // namespace tafel::web
