#pragma once
// Phone numbers in any Dutch or international notation → E.164, with the Netherlands as the
// default region (libphonenumber).

#include <optional>
#include <string>
#include <string_view>

namespace tafel {

struct PhoneNumber {
  std::string e164;     // "+31612345678"
  bool mobile = false;  // a mobile number (or one that may be mobile): a WhatsApp channel
};

// nullopt when the text is not a valid phone number.
std::optional<PhoneNumber> parse_phone_number(std::string_view text);

}  // namespace tafel
