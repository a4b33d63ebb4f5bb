#include "adapters/pages/page_templates.hpp"

#include "adapters/pages/builtin_pages.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tafel::pages {

namespace {

// 'sha256-<base64>' of the first <style> block's content, or "" when there is none.
std::string style_hash(std::string_view layout) {
  const auto open = layout.find("<style>");
  if (open == std::string_view::npos) return "";
  const auto start = open + 7;
  const auto close = layout.find("</style>", start);
  if (close == std::string_view::npos) return "";
  const std::string_view css = layout.substr(start, close - start);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(css.data()), css.size(), digest);
  unsigned char b64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
  EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
  return fmt::format("'sha256-{}'", reinterpret_cast<const char*>(b64));
}

}  // namespace

const PageCatalogue& personal_pages() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> specs = {
      {"opmaak.html", {"titel", "inhoud"}},
      {"antwoord.html",
       {"netwerk", "datum", "begintijd", "eindtijd", "duur", "locatie", "adres", "zaal", "thema",
        "huidig", "casus", "casus_max", "fout", "actie", "controle"}},
      {"antwoord_ontvangen.html", {"antwoord", "datum", "begintijd", "locatie", "terug"}},
      {"antwoord_gesloten.html", {"datum", "begintijd", "locatie", "huidig"}},
      {"afmelden.html", {"netwerk", "fout", "actie", "controle"}},
      {"afgemeld.html", {"kanalen"}},
      {"peiling.html",
       {"netwerk", "thema", "periode", "momenten", "bijeenkomsten", "fout", "actie", "controle"}},
      {"peiling_ontvangen.html", {"momenten", "bijeenkomsten", "terug"}},
      {"peiling_gesloten.html", {"netwerk"}},
      {"verlopen.html", {"actie", "controle"}},
      {"ongeldig.html", {}},
      {"nieuwe_link_verstuurd.html", {}},
      {"nieuwe_link.onderwerp.txt", {"netwerk", "soort"}},
      {"nieuwe_link.tekst.txt", {"naam", "netwerk", "soort", "link"}},
      {"nieuwe_link.whatsapp.txt", {"naam", "netwerk", "soort", "link"}},
  };
  static const PageCatalogue catalogue{specs, builtin_pages()};
  return catalogue;
}

std::set<std::string, std::less<>> PageTemplates::known_of(std::string_view name) const {
  const auto it = catalogue_->specs.find(name);
  if (it == catalogue_->specs.end())
    throw std::runtime_error(fmt::format("no page template {}", name));
  return {it->second.begin(), it->second.end()};
}

PageValues& PageValues::text(std::string name, std::string_view value) {
  values_[std::move(name)] = outreach::html_escape(value);
  return *this;
}

PageValues& PageValues::html(std::string name, std::string fragment) {
  values_[std::move(name)] = std::move(fragment);
  return *this;
}

std::expected<PageTemplates, std::string> PageTemplates::load(const std::filesystem::path& dir,
                                                              const PageCatalogue& catalogue) {
  PageTemplates t;
  t.catalogue_ = &catalogue;
  for (const auto& [name, names] : catalogue.specs) {
    const auto file = dir / name;
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) return std::unexpected(fmt::format("{}: cannot be read", file.string()));
      t.texts_[name] = text.str();
    } else {
      const auto it = catalogue.builtin.find(name);
      if (it == catalogue.builtin.end())
        return std::unexpected(fmt::format("{}: missing", file.string()));
      t.texts_[name] = it->second;
    }
    // Every placeholder must be one this page is given.
    outreach::TemplateValues sample;
    for (const auto& n : names) sample[n] = "x";
    const std::set<std::string, std::less<>> known(names.begin(), names.end());
    if (auto r = outreach::render_template(t.texts_[name], sample, known, outreach::Escape::none);
        !r)
      return std::unexpected(fmt::format("{}: {}", file.string(), r.error().message));
  }
  const std::string hash = style_hash(t.texts_["opmaak.html"]);
  t.csp_ = fmt::format(
      "default-src 'none'; style-src {}; img-src 'self' data:; form-action 'self'; "
      "frame-ancestors 'none'; base-uri 'none'",
      hash.empty() ? "'none'" : hash);
  return t;
}

PageTemplates PageTemplates::builtin(const PageCatalogue& catalogue) {
  auto t = load(std::filesystem::path("/nonexistent-tafel-pages"), catalogue);
  if (!t) throw std::runtime_error(t.error());
  return std::move(*t);
}

std::string PageTemplates::render(std::string_view name, std::string_view title,
                                  const PageValues& v) const {
  const auto it = texts_.find(name);
  if (it == texts_.end()) throw std::runtime_error(fmt::format("no page template {}", name));
  auto body =
      outreach::render_template(it->second, v.values(), known_of(name), outreach::Escape::none);
  if (!body) throw std::runtime_error(fmt::format("{}: {}", name, body.error().message));
  PageValues layout;
  layout.text("titel", title).html("inhoud", std::move(*body));
  auto page = outreach::render_template(texts_.at("opmaak.html"), layout.values(),
                                        known_of("opmaak.html"), outreach::Escape::none);
  if (!page) throw std::runtime_error(fmt::format("opmaak.html: {}", page.error().message));
  return std::move(*page);
}

std::string PageTemplates::render_text(std::string_view name,
                                       const outreach::TemplateValues& v) const {
  const auto it = texts_.find(name);
  if (it == texts_.end()) throw std::runtime_error(fmt::format("no page template {}", name));
  auto text = outreach::render_template(it->second, v, known_of(name), outreach::Escape::none);
  if (!text) throw std::runtime_error(fmt::format("{}: {}", name, text.error().message));
  return std::move(*text);
}

http::Response PageTemplates::respond(int status, std::string_view name, std::string_view title,
                                      const PageValues& v) const {
  http::Response r;
  r.status = status;
  r.body = render(name, title, v);
  r.set_header("Content-Type", std::string(http::kHtmlContentType));
  r.set_header("Content-Security-Policy", csp_);
  r.set_header("Cache-Control", "no-store");
  r.set_header("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace tafel::pages
