#pragma once
// The Dutch page templates of the web app (config/templates/web/*.html, compiled in as defaults)
// and rendering them inside `opmaak.html`. Same approach as adapters/pages/page_templates.hpp
// (fixed placeholders per page, checked at load; values escaped through pages::PageValues;
// a CSP allowing only the layout's one <style> block by hash), with this app's own page list.
//
// Thread-safety: a loaded WebTemplates is immutable; render() may run on any thread.

#include "adapters/http/message.hpp"
#include "adapters/pages/page_templates.hpp"

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::web {

// Generated from config/templates/web (adapters/web/CMakeLists.txt).
const std::map<std::string, std::string, std::less<>>& builtin_web_pages();

// The placeholders each template may use (and is always given).
const std::map<std::string, std::vector<std::string>, std::less<>>& web_page_specs();

class WebTemplates {
 public:
  // `<dir>/<name>` for every page, else the compiled-in file. Errors name the file.
  static std::expected<WebTemplates, std::string> load(const std::filesystem::path& dir);
  static WebTemplates builtin();

  // A whole HTML response with Content-Type, the page CSP and Cache-Control: no-store. Throws
  // std::runtime_error when a value is missing (a programming error: the router answers 500).
  http::Response respond(int status, std::string_view name, std::string_view title,
                         const pages::PageValues& v) const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
  std::string csp_;
};

}  // namespace tafel::web
