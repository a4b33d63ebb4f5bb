#include "adapters/importers/members/phone_number.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace tafel {

std::optional<PhoneNumber> parse_phone_number(std::string_view text) {
  using i18n::phonenumbers::PhoneNumberUtil;
  // "+31 (0)6 ..." is common in signatures; the "(0)" is the national prefix and must go.
  std::string cleaned(text);
  if (const auto p = cleaned.find("(0)"); p != std::string::npos) cleaned.erase(p, 3);
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber number;
  if (util.Parse(cleaned, "NL", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util.IsValidNumber(number)) return std::nullopt;
  PhoneNumber out;
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  const auto type = util.GetNumberType(number);
  out.mobile = type == PhoneNumberUtil::MOBILE || type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
  return out;
}

}  // namespace tafel
