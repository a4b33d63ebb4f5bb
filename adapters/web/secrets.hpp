#pragma once
// Random secrets and their stored forms: cookie values, CSRF tokens and API tokens are 256
// random bits, URL-safe base64 without padding (43 characters); only their SHA-256 (hex) is
// stored.

#include <string>
#include <string_view>

namespace tafel::web {

// 32 random bytes from OpenSSL's CSPRNG, base64url; throws std::runtime_error on failure.
std::string random_secret();

// Lower-case hex SHA-256 of `text`.
std::string sha256_hex(std::string_view text);

// Equality in time independent of where the strings differ (lengths may leak).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace tafel::web
