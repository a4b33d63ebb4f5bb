#pragma once
// The Dutch page templates of the coordinator web app (config/templates/web/*.html, editable;
// the shipped files are compiled in as defaults): a catalogue for pages::PageTemplates, so these
// pages follow the same rules as the personal pages (fixed placeholders checked at load, escaped
// values, the layout `opmaak.html` with a CSP that allows only its <style> block).

#include "adapters/pages/page_templates.hpp"

#include <map>
#include <string>

namespace tafel::web {

// Generated from config/templates/web (adapters/web/CMakeLists.txt).
const std::map<std::string, std::string, std::less<>>& builtin_web_pages();

const pages::PageCatalogue& web_pages();

using WebTemplates = pages::PageTemplates;

}  // namespace tafel::web
