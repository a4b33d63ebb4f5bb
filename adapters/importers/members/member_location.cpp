#include "adapters/importers/members/member_location.hpp"

#include "engine/members/values.hpp"
#include "engine/text/normalize.hpp"

#include <cctype>

namespace tafel {

std::optional<std::string> postcode_area(std::string_view postcode) {
  std::string compact;
  for (char c : trim_cell(postcode))
    if (c != ' ') compact += c;
  if (compact.size() != 4 && compact.size() != 6) return std::nullopt;
  for (std::size_t i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
  if (compact[0] == '0') return std::nullopt;
  for (std::size_t i = 4; i < compact.size(); ++i)
    if (!std::isalpha(static_cast<unsigned char>(compact[i]))) return std::nullopt;
  return compact.substr(0, 4);
}

std::optional<MemberLocation> locate_in_places(std::string_view postcode, std::string_view town,
                                               const std::vector<PlaceConfig>& places) {
  if (const auto area = postcode_area(postcode)) {
    for (const auto& p : places)
      if (!p.postcode.empty() && p.postcode == *area)
        return MemberLocation{p.lat, p.lon, "postcode"};
  }
  const std::string town_key = normalize_key(town);
  if (!town_key.empty()) {
    for (const auto& p : places)
      if (!p.town.empty() && normalize_key(p.town) == town_key)
        return MemberLocation{p.lat, p.lon, "town"};
  }
  return std::nullopt;
}

}  // namespace tafel
