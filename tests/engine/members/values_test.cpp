#include "engine/members/values.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(ParseYesNo, AcceptsEverySpelledValue) {
  for (const char* yes : {"ja", "JA", "j", "yes", "Y", "x", "X", "1", "true", "Waar", " ja "})
    EXPECT_EQ(parse_yes_no(yes).value(), std::optional<bool>(true)) << yes;
  for (const char* no : {"nee", "N", "no", "0", "FALSE", "onwaar"})
    EXPECT_EQ(parse_yes_no(no).value(), std::optional<bool>(false)) << no;
}

TEST(ParseYesNo, EmptyIsUnknownAndOtherTextIsAnError) {
  EXPECT_EQ(parse_yes_no("").value(), std::nullopt);
  EXPECT_EQ(parse_yes_no("  ").value(), std::nullopt);
  EXPECT_FALSE(parse_yes_no("misschien").has_value());
  EXPECT_FALSE(parse_yes_no("2").has_value());
  EXPECT_FALSE(parse_yes_no("jaa").has_value());
}

TEST(ParseEmployees, WholeAndDecimalWithCommaOrPoint) {
  EXPECT_EQ(parse_employees("12").value(), std::optional<double>(12));
  EXPECT_EQ(parse_employees("12,5").value(), std::optional<double>(12.5));
  EXPECT_EQ(parse_employees(" 0.5 ").value(), std::optional<double>(0.5));
  EXPECT_EQ(parse_employees("").value(), std::nullopt);
  EXPECT_FALSE(parse_employees("veel").has_value());
  EXPECT_FALSE(parse_employees("-3").has_value());
  EXPECT_FALSE(parse_employees("1,2,3").has_value());
  EXPECT_FALSE(parse_employees("10-15").has_value());
}

TEST(ParseDecimal, SignedCoordinates) {
  EXPECT_DOUBLE_EQ(parse_decimal("52,0402").value(), 52.0402);
  EXPECT_DOUBLE_EQ(parse_decimal("-0.5").value(), -0.5);
  EXPECT_FALSE(parse_decimal("5.").has_value());
  EXPECT_FALSE(parse_decimal("abc").has_value());
}

TEST(TrimCell, RemovesSpacesAndNoBreakSpaces) {
  EXPECT_EQ(trim_cell("  Jörg\t"), "Jörg");
  EXPECT_EQ(trim_cell("\xC2\xA0x\xC2\xA0"), "x");
  EXPECT_EQ(trim_cell(""), "");
}

}  // namespace
}  // namespace tafel
