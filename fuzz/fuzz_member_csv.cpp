// libFuzzer target: a member list's bytes, read as `import members` reads them (members-csv.md):
// encoding detection, CSV parsing, header mapping and the value rules of every row. Pure: no
// store, so matching and storing are not exercised here.

#include "adapters/config/config.hpp"
#include "adapters/importers/members/csv_reader.hpp"
#include "adapters/importers/members/member_row.hpp"
#include "adapters/importers/members/text_encoding.hpp"
#include "engine/members/header_map.hpp"
#include "engine/members/sector_match.hpp"
#include "engine/members/values.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

const std::vector<tafel::SectorDefinition>& sectors() {
  static const std::vector<tafel::SectorDefinition> s{
      {"bouw", "Bouw", {"aannemer", "bouwbedrijf"}},
      {"installatie", "Installatie", {"installateur", "elektra"}},
      {"schilder", "Schilders", {"schildersbedrijf"}}};
  return s;
}

const std::vector<tafel::PlaceConfig>& places() {
  static const std::vector<tafel::PlaceConfig> p{{"6711", "Ede", 52.04, 5.66},
                                                 {"3771", "Barneveld", 52.14, 5.58},
                                                 {"", "Veenendaal", 52.03, 5.56}};
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = tafel::decode_text(bytes);
  if (!text) return 0;
  auto table = tafel::parse_csv(text->utf8);
  if (!table || table->records.empty()) return 0;

  std::vector<std::string> headers;
  for (const auto& h : table->records.front().fields) headers.emplace_back(tafel::trim_cell(h));
  const std::map<std::string, std::vector<std::string>> extra{{"company", {"firma"}}};
  const tafel::HeaderMap map = tafel::map_headers(headers, extra);
  if (!tafel::missing_required_columns(map).empty()) return 0;

  static const tafel::SectorMatcher matcher(sectors());
  const tafel::RowReader reader{headers, map, matcher, places()};
  std::vector<tafel::MemberProblem> problems;
  for (std::size_t r = 1; r < table->records.size(); ++r)
    (void)reader.read(table->records[r], problems);
  return 0;
}
