#include "adapters/importers/events/venue_match.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

std::vector<VenueConfig> venues() {
  VenueConfig ede;
  ede.id = "bto-ede";
  ede.name = "BTO Opleidingscentrum Ede";
  ede.aliases = {"BTO Ede", "Opleidingscentrum Ede"};
  VenueConfig barneveld;
  barneveld.id = "schaffelaar";
  barneveld.name = "Zalencentrum De Schaffelaar";
  barneveld.aliases = {"De Schaffelaar", "Zaal"};
  return {ede, barneveld};
}

TEST(VenueMatch, ExactNameOrAliasIgnoringCaseAccentsAndSpaces) {
  const VenueMatcher m(venues());
  EXPECT_EQ(m.match("BTO Opleidingscentrum Ede"), "bto-ede");
  EXPECT_EQ(m.match("bto-ede"), "bto-ede");
  EXPECT_EQ(m.match("  De  Schäffelaar "), "schaffelaar");
}

TEST(VenueMatch, ContainedNameOrAliasTheLongestWins) {
  const VenueMatcher m(venues());
  EXPECT_EQ(m.match("BTO Ede, Galvanistraat 1, 6716 AE Ede"), "bto-ede");
  EXPECT_EQ(m.match("Grote zaal, Zalencentrum De Schaffelaar, Barneveld"), "schaffelaar");
  EXPECT_EQ(m.match("Locatie: Opleidingscentrum Ede (zaal 2)"), "bto-ede");
}

TEST(VenueMatch, NoMatchForUnknownEmptyOrShortAliasesInside) {
  const VenueMatcher m(venues());
  EXPECT_EQ(m.match("Werkplaats Jansen, Veenendaal"), std::nullopt);
  EXPECT_EQ(m.match(""), std::nullopt);
  EXPECT_EQ(m.match("Zaal"), "schaffelaar");            // exact alias always matches
  EXPECT_EQ(m.match("Zaalverhuur Ede"), std::nullopt);  // short aliases only match exactly
}

}  // namespace
}  // namespace tafel
