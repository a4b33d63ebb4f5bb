#pragma once
// The page templates shipped in config/templates/pages, compiled in (generated at configure
// time by adapters/pages/CMakeLists.txt): file name -> text. They are the defaults when the
// configured templates folder has no `pages/` file of that name.

#include <map>
#include <string>

namespace tafel::pages {

const std::map<std::string, std::string, std::less<>>& builtin_pages();

}  // namespace tafel::pages
