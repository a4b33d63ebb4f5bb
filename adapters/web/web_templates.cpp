#include "adapters/web/web_templates.hpp"

namespace tafel::web {

const pages::PageCatalogue& web_pages() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> specs = {
      {"opmaak.html", {"titel", "inhoud"}},
      {"inloggen.html", {"fout", "csrf", "email"}},
      {"te_veel_pogingen.html", {"minuten"}},
      {"beheer.html", {"menu", "aantal", "meldingen"}},
      {"niet_gevonden.html", {}},
      {"geweigerd.html", {}},
      {"import.html", {"menu", "fout", "csrf", "netwerken", "maximum"}},
      {"import_rapport.html",
       {"menu", "bestand", "soort", "netwerk", "samenvatting", "regels", "acties"}},
      {"leden.html", {"menu", "filters", "aantal", "tabel", "paginas"}},
      {"lid.html", {"menu", "naam", "bedrijf", "gegevens", "geschiedenis", "verwijderen"}},
      {"lid_verwijderen.html", {"menu", "naam", "bedrijf", "id", "csrf"}},
      {"lid_verwijderd.html", {"menu", "id", "rijen", "teksten", "bestanden", "wal"}},
      {"accounts.html", {"menu", "fout", "tabel", "csrf", "netwerken", "begeleiders", "minimum"}},
      {"antwoorden.html",
       {"menu", "sessie", "gegevens", "trechter", "groepen", "wachtlijst", "quorum", "belijst"}},
      {"rondes.html", {"menu", "rondes"}},
      {"draaiboek.html",
       {"menu", "sessie", "links", "gegevens", "melding", "programma", "deelnemers", "casussen",
        "sectorcijfers", "formulier", "rollen"}},
      {"verslag.html", {"menu", "sessie", "links", "gegevens", "melding", "formulier"}},
      {"kennisbank.html", {"menu", "filters", "aantal", "resultaten", "grafiek", "ledenlink"}},
      {"kennisbank_publiek.html", {"filters", "aantal", "resultaten", "grafiek"}},
      {"sectorcijfers.html", {"menu", "lijst", "formulier"}},
      {"voorstel.html",
       {"menu", "nummer", "netwerk", "periode", "status", "versie", "thema", "melding",
        "samenvatting", "grafiek", "wijzigingen", "weken", "niet_geplaatst", "acties"}},
  };
  static const pages::PageCatalogue catalogue{specs, builtin_web_pages()};
  return catalogue;
}

}  // namespace tafel::web
