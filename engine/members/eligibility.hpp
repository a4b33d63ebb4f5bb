#pragma once
// Who may join a praktijktafel (members-csv.md, "Values"): the first reason that applies, in the
// order unknown_sector, no_contact, too_few_employees, too_many_employees, has_hr_staff. Unknown
// employees or HR status never make a member ineligible.

#include <optional>
#include <string_view>

namespace tafel {

enum class IneligibleReason {
  unknown_sector,
  no_contact,  // no email and no mobile number (a landline only)
  too_few_employees,
  too_many_employees,
  has_hr_staff,
};

std::string_view reason_code(IneligibleReason r);

struct EligibilityRules {
  double min_employees = 2;   // inclusive
  double max_employees = 25;  // inclusive
  bool exclude_hr_staff = true;
};

struct EligibilityFacts {
  bool sector_known = false;
  bool has_email = false;
  bool has_mobile = false;
  std::optional<double> employees;  // compared as given (12,5 fte stays 12.5)
  std::optional<bool> has_hr_staff;
};

// nullopt when eligible.
std::optional<IneligibleReason> first_ineligible_reason(const EligibilityFacts& facts,
                                                        const EligibilityRules& rules);

}  // namespace tafel
