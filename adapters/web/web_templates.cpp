#include "adapters/web/web_templates.hpp"

namespace tafel::web {

const pages::PageCatalogue& web_pages() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> specs = {
      {"opmaak.html", {"titel", "inhoud"}},
      {"inloggen.html", {"fout", "csrf", "email"}},
      {"te_veel_pogingen.html", {"minuten"}},
      {"beheer.html", {"account", "rol", "csrf", "aantal", "meldingen"}},
      {"niet_gevonden.html", {}},
      {"geweigerd.html", {}},
  };
  static const pages::PageCatalogue catalogue{specs, builtin_web_pages()};
  return catalogue;
}

}  // namespace tafel::web
