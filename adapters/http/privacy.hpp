#pragma once
// The privacy statement at `GET /privacy`, linked from every message. The text is the editable
// Dutch template `<templates>/privacy.html` (config/templates/privacy.html in the source tree), a
// whole HTML page whose invulvelden {{netwerkpartner}} and {{contact}} are filled in once at
// start-up from the configured networks (HTML-escaped). Without that file a short built-in page
// names the partners and their contact addresses.
//
// Served with the HTML Content-Security-Policy, so the template must not use inline style or
// script.

#include "adapters/config/config.hpp"
#include "adapters/http/router.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace tafel::http {

struct PrivacyFacts {
  std::string partner;  // "BTO Gelderse Vallei" or "A, B en C"
  std::string contact;  // their sender addresses, same joining
};

// The facts from the configured networks (sender name, else network name; sender email).
PrivacyFacts privacy_facts(const Config& config);

// Fills the invulvelden of `tmpl`; an unknown or unclosed {{...}} is an error naming it.
std::expected<std::string, std::string> render_privacy_page(std::string_view tmpl,
                                                            const PrivacyFacts& facts);

// Reads `templates_dir/privacy.html` and renders it, or the built-in page when the file does not
// exist. The error names the file and the problem.
std::expected<std::string, std::string> load_privacy_page(
    const std::filesystem::path& templates_dir, const PrivacyFacts& facts);

// Adds GET /privacy serving `page` as text/html with the HTML Content-Security-Policy.
void register_privacy_route(Router& router, std::string page);

}  // namespace tafel::http
