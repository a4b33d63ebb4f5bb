#pragma once
// Text encodings for link tokens and reply-address ids. Strict: decoders reject padding,
// characters outside the alphabet and non-canonical trailing bits.

#include <optional>
#include <string>
#include <string_view>

namespace tafel::links {

// RFC 4648 §5 base64url without padding.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

// RFC 4648 §6 base32, lower-cased, without padding.
std::string base32_lower_encode(std::string_view bytes);

}  // namespace tafel::links
