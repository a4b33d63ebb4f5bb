#include "adapters/importers/members/text_encoding.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(DecodeText, Utf8WithAndWithoutBom) {
  auto t = decode_text("\xEF\xBB\xBFYıldız");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->encoding, TextEncoding::utf8_bom);
  EXPECT_EQ(t->utf8, "Yıldız");
  t = decode_text("Jörg");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->encoding, TextEncoding::utf8);
  EXPECT_EQ(t->utf8, "Jörg");
}

TEST(DecodeText, InvalidUtf8IsWindows1252) {
  const auto t = decode_text("J\xF6rg \xCBlsbeth \x80 Bakker\x92s");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->encoding, TextEncoding::windows1252);
  EXPECT_EQ(t->utf8, "Jörg Ëlsbeth € Bakker’s");
}

TEST(DecodeText, RefusesUtf16AndBinary) {
  EXPECT_FALSE(decode_text(std::string("\xFF\xFEh\0i\0", 6)));
  EXPECT_FALSE(decode_text(std::string("a,b\n\0\0", 6)));
}

TEST(Windows1252, WholeTableIncludingC1Range) {
  const char32_t expected_80_9f[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  for (int b = 0; b < 256; ++b) {
    const std::string utf8 = windows1252_to_utf8(std::string(1, static_cast<char>(b)));
    const char32_t want =
        (b >= 0x80 && b < 0xA0) ? expected_80_9f[b - 0x80] : static_cast<char32_t>(b);
    const auto u = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
    char32_t cp = 0;
    if (utf8.size() == 1)
      cp = u(0);
    else if (utf8.size() == 2)
      cp = ((u(0) & 0x1F) << 6) | (u(1) & 0x3F);
    else
      cp = ((u(0) & 0x0F) << 12) | ((u(1) & 0x3F) << 6) | (u(2) & 0x3F);
    EXPECT_EQ(cp, want) << "byte " << b;
  }
}

}  // namespace
}  // namespace tafel
