#pragma once
// Headers every response carries unless its handler chose otherwise.

#include "adapters/http/message.hpp"

#include <string_view>

namespace tafel::http {

// The default Content-Security-Policy: nothing may load, nothing may frame the response. Right
// for JSON and plain answers.
inline constexpr std::string_view kStrictContentSecurityPolicy =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// For HTML pages served by the daemon: own scripts, styles and images only, no inline script,
// forms post back to the daemon only. A page handler sets it explicitly.
inline constexpr std::string_view kHtmlContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

// Adds, where the handler did not set them: X-Content-Type-Options: nosniff, Referrer-Policy:
// no-referrer (personal links must not leak to other sites), X-Frame-Options: DENY,
// Content-Security-Policy (strict), Cache-Control: no-store.
void apply_default_headers(Response& response);

}  // namespace tafel::http
