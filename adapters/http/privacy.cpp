#include "adapters/http/privacy.hpp"

#include "adapters/http/security_headers.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace tafel::http {

namespace {

constexpr std::string_view kBuiltIn = R"(<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacyverklaring praktijktafels</title>
</head>
<body>
<main>
<h1>Privacyverklaring praktijktafels</h1>
<p>{{netwerkpartner}} is verantwoordelijk voor je gegevens en gebruikt Tafelplanner om
praktijktafels te plannen: je naam, bedrijf, contactgegevens, sector, bedrijfsgrootte,
beschikbaarheid en antwoorden. Je mag je gegevens inzien, laten verbeteren of laten verwijderen.</p>
<p>Vragen of verzoeken: {{contact}}.</p>
</main>
</body>
</html>
)";

// "A", "A en B", "A, B en C".
std::string dutch_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " en " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

PrivacyFacts privacy_facts(const Config& config) {
  std::vector<std::string> partners;
  std::vector<std::string> contacts;
  for (const auto& n : config.networks) {
    partners.push_back(n.sender_name.empty() ? n.name : n.sender_name);
    if (!n.sender_email.empty()) contacts.push_back(n.sender_email);
  }
  PrivacyFacts f;
  f.partner = partners.empty() ? "de netwerkpartner" : dutch_list(partners);
  f.contact =
      contacts.empty() ? "via je contactpersoon bij de netwerkpartner" : dutch_list(contacts);
  return f;
}

std::expected<std::string, std::string> render_privacy_page(std::string_view tmpl,
                                                            const PrivacyFacts& facts) {
  static const std::set<std::string, std::less<>> kKnown = {"netwerkpartner", "contact"};
  const outreach::TemplateValues values = {{"netwerkpartner", facts.partner},
                                           {"contact", facts.contact}};
  auto page = outreach::render_template(tmpl, values, kKnown, outreach::Escape::html);
  if (!page) return std::unexpected(page.error().message);
  return std::move(*page);
}

std::expected<std::string, std::string> load_privacy_page(
    const std::filesystem::path& templates_dir, const PrivacyFacts& facts) {
  const auto file = templates_dir / "privacy.html";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return render_privacy_page(kBuiltIn, facts);
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return std::unexpected(fmt::format("{}: cannot be read", file.string()));
  auto page = render_privacy_page(text.str(), facts);
  if (!page) return std::unexpected(fmt::format("{}: {}", file.string(), page.error()));
  return page;
}

void register_privacy_route(Router& router, std::string page) {
  auto shared = std::make_shared<const std::string>(std::move(page));
  router.get("/privacy", [shared](const Request&) {
    Response r;
    r.status = 200;
    r.body = *shared;
    r.set_header("Content-Type", std::string(kHtmlContentType));
    r.set_header("Content-Security-Policy", std::string(kHtmlContentSecurityPolicy));
    // Public and the same for everyone: caching is fine.
    r.set_header("Cache-Control", "public, max-age=3600");
    return r;
  });
}

}  // namespace tafel::http
