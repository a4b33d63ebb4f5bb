#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/importers/members/email_address.hpp"
#include "adapters/importers/members/member_location.hpp"
#include "adapters/importers/members/phone_number.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(PhoneNumber, DutchAndInternationalNotationsToE164) {
  struct Case {
    const char* text;
    const char* e164;
    bool mobile;
  };
  for (const Case& c :
       {Case{"06-12345678", "+31612345678", true}, Case{"06 1234 5678", "+31612345678", true},
        Case{"+31 (0)6 34567890", "+31634567890", true},
        Case{"0031 6 56789012", "+31656789012", true}, Case{"0318-123456", "+31318123456", false},
        Case{"(0318) 65 43 21", "+31318654321", false},
        Case{"+32 470 12 34 56", "+32470123456", true},
        Case{"+49 30 12345678", "+493012345678", false}}) {
    const auto n = parse_phone_number(c.text);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_EQ(n->e164, c.e164) << c.text;
    EXPECT_EQ(n->mobile, c.mobile) << c.text;
  }
  EXPECT_FALSE(parse_phone_number("06-123").has_value());
  EXPECT_FALSE(parse_phone_number("bellen").has_value());
}

TEST(EmailAddress, ValidatesAndKeysLowerCase) {
  EXPECT_EQ(parse_email_address(" Jan.de-Vries+leden@Bouw.example.NL "),
            "Jan.de-Vries+leden@Bouw.example.NL");
  EXPECT_EQ(parse_email_address("mailto:a@b.nl"), "a@b.nl");
  for (const char* bad :
       {"dirk@@d", "geen", "a@b", "a b@c.nl", "a@b.nl; c@d.nl", "@b.nl", "a@.nl", "a..b@c.nl"})
    EXPECT_FALSE(parse_email_address(bad).has_value()) << bad;
  EXPECT_EQ(email_key("JURGEN@Mueller.example.com"), "jurgen@mueller.example.com");
}

TEST(ContactHash, Sha256OfNormalisedContact) {
  // Email hashes ignore case and surrounding spaces; sha256("") is the well-known value.
  EXPECT_EQ(email_contact_hash(" A@B.nl "), email_contact_hash("a@b.nl"));
  EXPECT_EQ(phone_contact_hash("+31612345678").size(), 64u);
  EXPECT_EQ(email_contact_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(MemberLocation, PostcodeAreaThenTown) {
  const std::vector<PlaceConfig> places = {
      {"6711", "", 52.04, 5.655}, {"", "Ede", 52.0402, 5.66}, {"", "Den Haag", 52.07, 4.3}};
  EXPECT_EQ(postcode_area("6711 ab"), "6711");
  EXPECT_EQ(postcode_area("6711"), "6711");
  EXPECT_FALSE(postcode_area("0711 AB"));
  EXPECT_FALSE(postcode_area("B-2000"));
  auto l = locate_in_places("6711AB", "Barneveld", places);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->source, "postcode");
  l = locate_in_places("3901 AA", "EDE", places);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->source, "town");
  EXPECT_TRUE(locate_in_places("", "den-haag", places));
  EXPECT_FALSE(locate_in_places("3901", "Veenendaal", places));
}

}  // namespace
}  // namespace tafel
