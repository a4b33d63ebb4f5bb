#include "engine/text/normalize.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(NormalizeKey, FoldsCaseAccentsAndSeparators) {
  EXPECT_EQ(normalize_key("E-mail adres"), "emailadres");
  EXPECT_EQ(normalize_key("Toestemming_E.mail"), "toestemmingemail");
  EXPECT_EQ(normalize_key("Installatietechniek"), "installatietechniek");
  EXPECT_EQ(normalize_key("Café Ölçü"), "cafeolcu");
  EXPECT_EQ(normalize_key("Yıldız"), "yildiz");
  EXPECT_EQ(normalize_key("Ĳsselmeer"), "ijsselmeer");
  EXPECT_EQ(normalize_key("Straße"), "strasse");
}

TEST(Utf8, ValidatesAndRoundTrips) {
  EXPECT_TRUE(is_valid_utf8("Jørgen Ëlsbeth"));
  EXPECT_FALSE(is_valid_utf8("caf\xe9"));   // Windows-1252 é
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));  // overlong
  std::string out;
  append_utf8(out, U'\u0131');
  EXPECT_EQ(out, "ı");
}

}  // namespace
}  // namespace tafel
