#include "engine/members/eligibility.hpp"

#include "engine/members/sector_match.hpp"

#include <gtest/gtest.h>

namespace tafel {
namespace {

TEST(SectorMatcher, NamesLabelsAndSynonymsLikeHeaderNames) {
  const SectorMatcher m({{"installatie", "Installatie", {"installatietechniek", "W-installatie"}},
                         {"bouw", "Bouw", {"aannemer"}}});
  EXPECT_EQ(m.match("Installatietechniek"), "installatie");
  EXPECT_EQ(m.match("installatie"), "installatie");
  EXPECT_EQ(m.match("w installatie"), "installatie");
  EXPECT_EQ(m.match("AANNEMER"), "bouw");
  EXPECT_EQ(m.match("Bouw "), "bouw");
  EXPECT_EQ(m.match("kapper"), std::nullopt);
  EXPECT_EQ(m.match(""), std::nullopt);
}

EligibilityFacts eligible_facts() { return {true, true, true, 10.0, false}; }

TEST(Eligibility, DefaultRulesInclusiveBounds) {
  const EligibilityRules rules;
  auto f = eligible_facts();
  EXPECT_EQ(first_ineligible_reason(f, rules), std::nullopt);
  f.employees = 2;
  EXPECT_EQ(first_ineligible_reason(f, rules), std::nullopt);
  f.employees = 25;
  EXPECT_EQ(first_ineligible_reason(f, rules), std::nullopt);
  f.employees = 25.5;  // compared as given
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::too_many_employees);
  f.employees = 1.5;
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::too_few_employees);
}

TEST(Eligibility, FirstReasonInSpecOrder) {
  const EligibilityRules rules;
  EligibilityFacts f{false, false, false, 100.0, true};
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::unknown_sector);
  f.sector_known = true;
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::no_contact);
  f.has_mobile = true;
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::too_many_employees);
  f.employees = 1;
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::too_few_employees);
  f.employees = 5;
  EXPECT_EQ(first_ineligible_reason(f, rules), IneligibleReason::has_hr_staff);
  EXPECT_EQ(reason_code(IneligibleReason::has_hr_staff), "has_hr_staff");
}

TEST(Eligibility, UnknownEmployeesOrHrDoNotExclude) {
  EligibilityFacts f{true, true, false, std::nullopt, std::nullopt};
  EXPECT_EQ(first_ineligible_reason(f, EligibilityRules{}), std::nullopt);
  EligibilityRules no_hr_rule;
  no_hr_rule.exclude_hr_staff = false;
  f.has_hr_staff = true;
  EXPECT_EQ(first_ineligible_reason(f, no_hr_rule), std::nullopt);
}

TEST(Eligibility, EmailOrMobileIsAContactLandlineIsNot) {
  EligibilityFacts f = eligible_facts();
  f.has_email = false;
  EXPECT_EQ(first_ineligible_reason(f, EligibilityRules{}), std::nullopt);
  f.has_mobile = false;  // only a landline left
  EXPECT_EQ(first_ineligible_reason(f, EligibilityRules{}), IneligibleReason::no_contact);
}

}  // namespace
}  // namespace tafel
