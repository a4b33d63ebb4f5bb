#pragma once
// Where a member is (members-csv.md, "Values"): lat/lon columns; else the postcode area, then
// the town, looked up in the configured places table.

#include "adapters/config/config.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct MemberLocation {
  double lat = 0;
  double lon = 0;
  std::string source;  // "coordinates" | "postcode" | "town"
};

// The 4-digit area of a Dutch postcode ("6711 AB", "6711ab", "6711"); nullopt otherwise.
std::optional<std::string> postcode_area(std::string_view postcode);

// Looks the postcode area up first, then the town (matched with normalize_key).
std::optional<MemberLocation> locate_in_places(std::string_view postcode, std::string_view town,
                                               const std::vector<PlaceConfig>& places);

}  // namespace tafel
