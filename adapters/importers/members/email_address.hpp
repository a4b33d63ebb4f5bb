#pragma once
// Email addresses as member lists carry them.

#include <optional>
#include <string>
#include <string_view>

namespace tafel {

// The address trimmed, when it is a plausible single address (local@domain.tld, no spaces, no
// list of addresses); nullopt otherwise. A leading "mailto:" is dropped.
std::optional<std::string> parse_email_address(std::string_view text);

// The matching key: the address lower-cased.
std::string email_key(std::string_view address);

}  // namespace tafel
