#pragma once
// The Dutch page templates of the personal pages (config/templates/pages/*.html, editable; the
// shipped files are compiled in as defaults, see builtin_pages.hpp) and rendering them.
//
// Every page is a body template wrapped in `opmaak.html` (the layout: {{titel}}, {{inhoud}}),
// which holds the one inline <style> block; the pages are served with a Content-Security-Policy
// that allows exactly that block by its SHA-256 hash and nothing else inline.
//
// Values are HTML-escaped: PageValues::text escapes, PageValues::html takes a fragment this
// adapter built from escaped parts. Each template's placeholders are fixed (the catalogue's
// specs; the coordinator web app loads its own catalogue the same way); load()
// renders every template once with sample values, so an unknown placeholder or a missing file
// is a start-up error naming the file, never a broken page.
//
// Thread-safety: a loaded PageTemplates is immutable; render() may run on any thread.

#include "adapters/http/message.hpp"
#include "engine/outreach/template_renderer.hpp"

#include <expected>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::pages {

class PageValues {
 public:
  PageValues& text(std::string name, std::string_view value);  // HTML-escaped
  PageValues& html(std::string name, std::string fragment);    // already safe HTML
  const outreach::TemplateValues& values() const { return values_; }

 private:
  outreach::TemplateValues values_;
};

// A set of page templates: the placeholders each file may use (and is always given), with
// "opmaak.html" the layout, and the compiled-in defaults. Both maps live for the program.
struct PageCatalogue {
  const std::map<std::string, std::vector<std::string>, std::less<>>& specs;
  const std::map<std::string, std::string, std::less<>>& builtin;
};

// The personal pages (RSVP, opt-out, poll, expired links).
const PageCatalogue& personal_pages();

class PageTemplates {
 public:
  // Reads `<dir>/<name>` for every page of the catalogue, falling back to the compiled-in file.
  // Errors name the file and the problem.
  static std::expected<PageTemplates, std::string> load(
      const std::filesystem::path& dir, const PageCatalogue& catalogue = personal_pages());
  // Only the compiled-in templates.
  static PageTemplates builtin(const PageCatalogue& catalogue = personal_pages());

  // Renders page `name` (e.g. "antwoord.html") inside the layout with `title`. Throws
  // std::runtime_error when a value is missing (a programming error: the handler answers 500).
  std::string render(std::string_view name, std::string_view title, const PageValues& v) const;
  // A plain-text template (fresh-link message parts), values not escaped.
  std::string render_text(std::string_view name, const outreach::TemplateValues& v) const;

  // A whole HTML response: status, body, Content-Type and the page CSP.
  http::Response respond(int status, std::string_view name, std::string_view title,
                         const PageValues& v) const;

  const std::string& content_security_policy() const { return csp_; }

 private:
  std::set<std::string, std::less<>> known_of(std::string_view name) const;

  const PageCatalogue* catalogue_ = nullptr;
  std::map<std::string, std::string, std::less<>> texts_;
  std::string csp_;
};

}  // namespace tafel::pages
