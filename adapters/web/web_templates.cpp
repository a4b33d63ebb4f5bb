#include "adapters/web/web_templates.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace tafel::web {

namespace {

std::set<std::string, std::less<>> known_of(std::string_view name) {
  const auto& specs = web_page_specs();
  const auto it = specs.find(name);
  if (it == specs.end()) throw std::runtime_error(fmt::format("no web template {}", name));
  return {it->second.begin(), it->second.end()};
}

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

const std::map<std::string, std::vector<std::string>, std::less<>>& web_page_specs() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> specs = {
      {"opmaak.html", {"titel", "inhoud"}},
      {"inloggen.html", {"fout", "csrf", "email"}},
      {"te_veel_pogingen.html", {"minuten"}},
      {"beheer.html", {"account", "rol", "csrf", "aantal", "meldingen"}},
      {"niet_gevonden.html", {}},
      {"geweigerd.html", {}},
  };
  return specs;
}

std::expected<WebTemplates, std::string> WebTemplates::load(const std::filesystem::path& dir) {
  WebTemplates t;
  for (const auto& [name, names] : web_page_specs()) {
    const auto file = dir / name;
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) return std::unexpected(fmt::format("{}: cannot be read", file.string()));
      t.texts_[name] = text.str();
    } else {
      const auto& builtin = builtin_web_pages();
      const auto it = builtin.find(name);
      if (it == builtin.end()) return std::unexpected(fmt::format("{}: missing", file.string()));
      t.texts_[name] = it->second;
    }
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

WebTemplates WebTemplates::builtin() {
  auto t = load(std::filesystem::path("/nonexistent-tafel-web"));
  if (!t) throw std::runtime_error(t.error());
  return std::move(*t);
}

http::Response WebTemplates::respond(int status, std::string_view name, std::string_view title,
                                     const pages::PageValues& v) const {
  const auto it = texts_.find(name);
  if (it == texts_.end()) throw std::runtime_error(fmt::format("no web template {}", name));
  auto body =
      outreach::render_template(it->second, v.values(), known_of(name), outreach::Escape::none);
  if (!body) throw std::runtime_error(fmt::format("{}: {}", name, body.error().message));
  pages::PageValues layout;
  layout.text("titel", title).html("inhoud", std::move(*body));
  auto page = outreach::render_template(texts_.at("opmaak.html"), layout.values(),
                                        known_of("opmaak.html"), outreach::Escape::none);
  if (!page) throw std::runtime_error(fmt::format("opmaak.html: {}", page.error().message));
  http::Response r;
  r.status = status;
  r.body = std::move(*page);
  r.set_header("Content-Type", std::string(http::kHtmlContentType));
  r.set_header("Content-Security-Policy", csp_);
  r.set_header("Cache-Control", "no-store");
  r.set_header("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace tafel::web
