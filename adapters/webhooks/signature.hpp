#pragma once
// The X-Hub-Signature-256 check of webhook POSTs (Meta): `sha256=<64 lowercase hex>` =
// HMAC-SHA256(key = app secret, message = the exact bytes received). The comparison is
// constant-time over the MAC (CRYPTO_memcmp); the hex may arrive in either case.

#include <optional>
#include <string>
#include <string_view>

namespace tafel::webhooks {

inline constexpr std::string_view kSignatureHeader = "X-Hub-Signature-256";

// The header value for `body`: "sha256=" followed by 64 lowercase hex digits.
std::string hub_signature(std::string_view secret, std::string_view body);

// True when `header` (the X-Hub-Signature-256 value, nullopt when missing) is the signature of
// `body` under `secret`. A missing header, another scheme or malformed hex is false.
bool signature_matches(std::string_view secret, std::string_view body,
                       std::optional<std::string_view> header);

// Constant-time equality of two strings (the length is not secret).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace tafel::webhooks
