#include "engine/members/header_map.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(MapHeaders, DutchHeadersCaseAndAccentInsensitive) {
  const HeaderMap m =
      map_headers({"Bedrijfsnaam", "Contact-persoon", "E-mailadres", "MOBIEL nummer", "Telefoon",
                   "Branche", "Aantal_medewerkers", "HR aanwezig", "Postcode", "Vestigingsplaats",
                   "Toestemming e-mail", "Toestemming", "Lidnummer"},
                  {});
  EXPECT_EQ(m.column_of(MemberField::company), 0u);
  EXPECT_EQ(m.column_of(MemberField::name), 1u);
  EXPECT_EQ(m.column_of(MemberField::email), 2u);
  EXPECT_EQ(m.column_of(MemberField::mobile), 3u);
  EXPECT_EQ(m.column_of(MemberField::phone), 4u);
  EXPECT_EQ(m.column_of(MemberField::sector), 5u);
  EXPECT_EQ(m.column_of(MemberField::employees), 6u);
  EXPECT_EQ(m.column_of(MemberField::hr), 7u);
  EXPECT_EQ(m.column_of(MemberField::postcode), 8u);
  EXPECT_EQ(m.column_of(MemberField::town), 9u);
  EXPECT_EQ(m.column_of(MemberField::email_consent), 10u);
  EXPECT_EQ(m.column_of(MemberField::whatsapp_consent), 11u);
  EXPECT_FALSE(m.columns[12].has_value());  // an attribute
  EXPECT_TRUE(missing_required_columns(m).empty());
}

TEST(MapHeaders, EnglishHeadersWithNamePartsAndCoordinates) {
  const HeaderMap m = map_headers(
      {"Company Name", "First name", "Last name", "Email Address", "Mobile Phone", "Industry",
       "Staff", "Has HR", "Zip", "City", "Latitude", "Lng", "WhatsApp opt-in"},
      {});
  EXPECT_EQ(m.column_of(MemberField::first_name), 1u);
  EXPECT_EQ(m.column_of(MemberField::last_name), 2u);
  EXPECT_EQ(m.column_of(MemberField::lat), 10u);
  EXPECT_EQ(m.column_of(MemberField::lon), 11u);
  EXPECT_EQ(m.column_of(MemberField::whatsapp_consent), 12u);
  EXPECT_TRUE(missing_required_columns(m).empty());
}

TEST(MapHeaders, ConfiguredNamesAreAddedAndFirstColumnWins) {
  const HeaderMap m = map_headers({"Firma", "Naam", "Tel", "Telefoonnummer", "Vakgebied"},
                                  {{"company", {"firma"}}, {"nonsense", {"naam"}}});
  EXPECT_EQ(m.column_of(MemberField::company), 0u);
  EXPECT_EQ(m.column_of(MemberField::name), 1u);
  EXPECT_EQ(m.column_of(MemberField::phone), 2u);
  EXPECT_FALSE(m.columns[3].has_value());  // second phone column: kept as attribute
}

TEST(MissingRequiredColumns, NamesEachMissingRequirement) {
  const HeaderMap m = map_headers({"Plaats", "Medewerkers"}, {});
  EXPECT_EQ(missing_required_columns(m),
            (std::vector<std::string>{"company", "contact name", "email or phone", "sector"}));
  EXPECT_TRUE(missing_required_columns(map_headers({"bedrijf", "achternaam", "gsm", "sector"}, {}))
                  .empty());
}

TEST(ComposeName, SkipsEmptyParts) {
  EXPECT_EQ(compose_name("Jan", "van der", "Berg"), "Jan van der Berg");
  EXPECT_EQ(compose_name(" Ayşe ", "", "Yıldız"), "Ayşe Yıldız");
  EXPECT_EQ(compose_name("", "", ""), "");
}

}  // namespace
}  // namespace tafel
