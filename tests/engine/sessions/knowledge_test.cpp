#include "engine/sessions/knowledge.hpp"

#include <gtest/gtest.h>

namespace tafel::sessions {
namespace {

constexpr std::int64_t kDay = 86400;
// 2026-01-01T00:00:00Z
constexpr std::int64_t k2026 = 1767225600;

TEST(Quarters, LocalDateDecidesTheQuarter) {
  EXPECT_EQ(quarter_of(k2026, 0), (Quarter{2026, 1}));
  // 2025-12-31 23:30 UTC is 2026-01-01 00:30 in Amsterdam (+01:00).
  EXPECT_EQ(quarter_of(k2026 - 1800, 3600), (Quarter{2026, 1}));
  EXPECT_EQ(quarter_of(k2026 - 1800, 0), (Quarter{2025, 4}));
  EXPECT_EQ(quarter_of(k2026 + 95 * kDay, 7200), (Quarter{2026, 2}));
  EXPECT_EQ(next_quarter({2025, 4}), (Quarter{2026, 1}));
  EXPECT_EQ(quarter_label({2026, 3}), "2026-K3");
}

TEST(Bottlenecks, CountedPerThemePerQuarterWithEmptyQuarters) {
  const std::vector<BottleneckNote> notes = {
      {"Personeel vinden", k2026 + 10 * kDay, 3600},  {"Personeel vinden", k2026 + 20 * kDay, 3600},
      {"Regeldruk", k2026 + 200 * kDay, 7200},         // Q3
      {"Personeel vinden", k2026 + 200 * kDay, 7200},  // Q3
      {"Regeldruk", k2026 - 100 * kDay, 3600},         // 2025, outside
      {"Aansluiting mbo", k2026 + 400 * kDay, 3600},   // 2027, outside
  };
  const auto counts = count_bottlenecks(notes, {2026, 1}, {2026, 4});
  ASSERT_EQ(counts.quarters.size(), 4u);
  ASSERT_EQ(counts.themes.size(), 2u);
  EXPECT_EQ(counts.themes[0].theme, "Personeel vinden");
  EXPECT_EQ(counts.themes[0].counts, (std::vector<int>{2, 0, 1, 0}));
  EXPECT_EQ(counts.themes[0].total, 3);
  EXPECT_EQ(counts.themes[1].theme, "Regeldruk");
  EXPECT_EQ(counts.themes[1].counts, (std::vector<int>{0, 0, 1, 0}));
  EXPECT_TRUE(count_bottlenecks(notes, {2026, 2}, {2026, 1}).quarters.empty());
}

const std::vector<KnownPerson> kPeople = {
    {"Jan de Vries", {"jan@devries-bouw.nl"}, {"+31612345678"}},
    {"Müller", {}, {}},
};

TEST(PersonalData, NamesAreFoundAsWholeWordsCaseAndAccentInsensitive) {
  EXPECT_TRUE(contains_personal_data("Jan vertelde over zijn leerling", kPeople));
  EXPECT_TRUE(contains_personal_data("Volgens DE VRIES werkt het", kPeople));
  EXPECT_TRUE(contains_personal_data("tip van muller", kPeople));
  // Particles and parts of words are not names.
  EXPECT_FALSE(contains_personal_data("Werk de leerling goed in, van dag één", kPeople));
  EXPECT_FALSE(contains_personal_data("Januari is een goede maand om te werven", kPeople));
  const auto hits = find_personal_data("Bel Jan.", kPeople);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, PersonalDataHit::Kind::name);
  EXPECT_EQ(hits[0].offset, 4u);
  EXPECT_EQ(hits[0].length, 3u);
}

TEST(PersonalData, AnyEmailAddressAndPhoneNumberIsFound) {
  EXPECT_TRUE(contains_personal_data("mail info@onbekend.example.nl", kPeople));
  EXPECT_TRUE(contains_personal_data("bel 06-12345678 na vijven", kPeople));
  EXPECT_TRUE(contains_personal_data("bel +31 6 1234 5678", kPeople));
  EXPECT_TRUE(contains_personal_data("bel (0318) 696 300", {}));
  const auto hits = find_personal_data("x 0612345678 y", kPeople);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, PersonalDataHit::Kind::phone);
  EXPECT_EQ(hits[0].offset, 2u);
  EXPECT_EQ(hits[0].length, 10u);
  // Figures and dates are not phone numbers; an @ alone is no address.
  EXPECT_FALSE(contains_personal_data(
      "In 2025 had 42% van de bedrijven 3 vacatures; kosten € 12.500 per jaar. Reageer @ de "
      "coöperatie.",
      kPeople));
}

TEST(PersonalData, KnownShortNumberIsFound) {
  const std::vector<KnownPerson> people = {{"Piet", {}, {"1234567"}}};
  EXPECT_TRUE(contains_personal_data("toestel 123 4567", people));
  EXPECT_FALSE(contains_personal_data("toestel 123 4568", people));
}

}  // namespace
}  // namespace tafel::sessions
