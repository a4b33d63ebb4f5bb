#include "engine/members/eligibility.hpp"

namespace tafel {

std::string_view reason_code(IneligibleReason r) {
  switch (r) {
    case IneligibleReason::unknown_sector:
      return "unknown_sector";
    case IneligibleReason::no_contact:
      return "no_contact";
    case IneligibleReason::too_few_employees:
      return "too_few_employees";
    case IneligibleReason::too_many_employees:
      return "too_many_employees";
    case IneligibleReason::has_hr_staff:
      return "has_hr_staff";
  }
  return "";
}

std::optional<IneligibleReason> first_ineligible_reason(const EligibilityFacts& facts,
                                                        const EligibilityRules& rules) {
  if (!facts.sector_known) return IneligibleReason::unknown_sector;
  if (!facts.has_email && !facts.has_mobile) return IneligibleReason::no_contact;
  if (facts.employees && *facts.employees < rules.min_employees)
    return IneligibleReason::too_few_employees;
  if (facts.employees && *facts.employees > rules.max_employees)
    return IneligibleReason::too_many_employees;
  if (rules.exclude_hr_staff && facts.has_hr_staff.value_or(false))
    return IneligibleReason::has_hr_staff;
  return std::nullopt;
}

}  // namespace tafel
