#include "engine/sessions/programme.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace tafel::sessions {
namespace {

bool has_rule(const std::vector<Finding>& findings, Rule rule) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.rule == rule; });
}

TEST(Programme, DefaultsAreTheIssuesMinutesAndMeetTheRules) {
  const auto p90 = default_programme(90);
  EXPECT_EQ(p90.minutes, (std::array<int, 5>{10, 15, 10, 40, 15}));
  const auto p75 = default_programme(75);
  EXPECT_EQ(p75.minutes, (std::array<int, 5>{10, 12, 8, 33, 12}));
  const auto p60 = default_programme(60);
  EXPECT_EQ(p60.minutes, (std::array<int, 5>{8, 12, 5, 25, 10}));
  for (const auto& p : {p60, p75, p90}) {
    EXPECT_TRUE(check_programme(p).empty()) << p.length_minutes;
    EXPECT_EQ(p.intervision_method, "Incidentmethode");
  }
  EXPECT_EQ(p90.landing(), 25);
  EXPECT_EQ(p90.own_case_time(), 55);
}

TEST(Programme, OtherLengthsScaleTheNearestDefaultAndSumExactly) {
  for (int length = 60; length <= 90; ++length) {
    const auto p = default_programme(length);
    EXPECT_EQ(p.total(), length) << length;
    EXPECT_TRUE(check_programme(p).empty()) << length << ": " << check_programme(p)[0].message;
  }
  // 67 is nearest to 60: 8,12,5,25,10 scaled by 67/60.
  const auto p67 = default_programme(67);
  EXPECT_EQ(p67.minutes, (std::array<int, 5>{9, 13, 6, 28, 11}));
  // Outside 60–90 the length is flagged, and the parts still sum.
  const auto p120 = default_programme(120);
  EXPECT_EQ(p120.total(), 120);
  const auto f = check_programme(p120);
  EXPECT_TRUE(has_rule(f, Rule::length_out_of_range));
  EXPECT_TRUE(has_rule(f, Rule::landing_too_long));
  EXPECT_FALSE(has_rule(f, Rule::parts_do_not_sum));
  EXPECT_EQ(default_programme(0).total(), 0);
}

TEST(Programme, LandingTooShortIsFoundWithDutchMessage) {
  auto p = default_programme(90);
  p.at(Part::welcome) = 5;
  p.at(Part::venting) = 10;
  p.at(Part::own_cases) = 50;  // still sums to 90, own-case time 60
  const auto f = check_programme(p);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, Rule::landing_too_short);
  EXPECT_EQ(f[0].actual, 15);
  EXPECT_EQ(f[0].limit, 20);
  EXPECT_EQ(f[0].message,
            "Landen (welkom en leeglopen) duurt 15 minuten; dat moet minstens 20 minuten zijn.");
}

TEST(Programme, LandingTooLongIsFound) {
  auto p = default_programme(60);
  p.at(Part::welcome) = 15;
  p.at(Part::venting) = 20;  // landing 35
  p.at(Part::own_cases) = 10;
  p.at(Part::sector_data) = 5;
  p.at(Part::takeaways) = 10;
  const auto f = check_programme(p);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, Rule::landing_too_long);
  EXPECT_EQ(f[0].actual, 35);
  EXPECT_EQ(f[0].limit, 30);
}

TEST(Programme, OwnCaseTimeBelowHalfIsFound) {
  auto p = default_programme(75);
  p.at(Part::own_cases) = 20;    // own-case time 32 of 75
  p.at(Part::sector_data) = 21;  // still sums to 75
  const auto f = check_programme(p);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, Rule::own_cases_too_short);
  EXPECT_EQ(f[0].actual, 32);
  EXPECT_EQ(f[0].limit, 38);  // half of 75, rounded up
  EXPECT_NE(f[0].message.find("minstens de helft"), std::string::npos);
  // Exactly half is enough.
  auto q = default_programme(60);
  q.at(Part::own_cases) = 18;  // 12 + 18 = 30 of 60
  q.at(Part::sector_data) = 12;
  EXPECT_TRUE(check_programme(q).empty());
  q.at(Part::own_cases) = 17;
  q.at(Part::sector_data) = 13;
  EXPECT_TRUE(has_rule(check_programme(q), Rule::own_cases_too_short));
}

TEST(Programme, PartsThatDoNotSumAndNegativePartsAreFound) {
  auto p = default_programme(90);
  p.at(Part::takeaways) = 5;  // 80 of 90
  auto f = check_programme(p);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, Rule::parts_do_not_sum);
  EXPECT_EQ(f[0].actual, 80);
  EXPECT_EQ(f[0].limit, 90);
  EXPECT_EQ(f[0].message, "De onderdelen duren samen 80 minuten, maar de sessie duurt 90 minuten.");

  p = default_programme(90);
  p.at(Part::sector_data) = -5;
  p.at(Part::own_cases) = 55;
  f = check_programme(p);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, Rule::negative_part);
  EXPECT_EQ(f[0].part, Part::sector_data);
}

TEST(Programme, SeveralBrokenRulesComeInTheDocumentedOrder) {
  Programme p = default_programme(90);
  p.minutes = {5, 5, 30, 20, 20};  // sum 80, landing 10, own-case 25
  const auto f = check_programme(p);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].rule, Rule::parts_do_not_sum);
  EXPECT_EQ(f[1].rule, Rule::landing_too_short);
  EXPECT_EQ(f[2].rule, Rule::own_cases_too_short);
}

TEST(Programme, PartKeysRoundTripAndTitlesAreDutch) {
  for (Part p : kParts) {
    EXPECT_EQ(parse_part(part_key(p)), p);
    EXPECT_FALSE(part_title(p).empty());
    EXPECT_FALSE(part_prompt(p).empty());
  }
  EXPECT_FALSE(parse_part("lunch").has_value());
  EXPECT_EQ(part_title(Part::welcome), "Inloop en welkom");
}

}  // namespace
}  // namespace tafel::sessions
