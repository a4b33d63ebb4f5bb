#pragma once
// Matching an event's LOCATION to a configured venue.
//
// Rule: the LOCATION and every venue name and alias are normalised with normalize_key (case,
// accents, spaces, '-', '_' and '.' ignored).
// 1. A LOCATION equal to a name or alias matches that venue.
// 2. Otherwise a LOCATION that contains a name or alias of at least 5 normalised characters
//    (at its start or anywhere, e.g. "BTO Ede, Galvanistraat 1, Ede" contains "BTO Ede")
//    matches the venue with the longest such name or alias.
// 3. Otherwise, or when two venues tie for the longest contained name, there is no match.

#include "adapters/config/config.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

class VenueMatcher {
 public:
  explicit VenueMatcher(const std::vector<VenueConfig>& venues);
  // The configured venue id, or nullopt.
  std::optional<std::string> match(std::string_view location) const;

 private:
  struct Key {
    std::string normalized;
    std::string venue_id;
  };
  std::vector<Key> keys_;
};

}  // namespace tafel
