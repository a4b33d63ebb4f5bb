#pragma once
// One-way hashes of erased people's contacts (table erased_contacts): SHA-256, lower-case hex, of
// the normalised contact — an email address lower-cased and trimmed, or a phone number in E.164.
// Erasure and import must hash the same way, so both use these functions.

#include <string>
#include <string_view>

namespace tafel {

std::string email_contact_hash(std::string_view email);
std::string phone_contact_hash(std::string_view e164);

}  // namespace tafel
