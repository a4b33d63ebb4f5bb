#include "engine/members/sector_match.hpp"

#include "engine/text/normalize.hpp"

namespace tafel {

SectorMatcher::SectorMatcher(const std::vector<SectorDefinition>& sectors) {
  // Canonical names and labels first, so a synonym never shadows another sector's own name.
  for (const auto& s : sectors) {
    by_key_.emplace(normalize_key(s.name), s.name);
    if (!s.label.empty()) by_key_.emplace(normalize_key(s.label), s.name);
  }
  for (const auto& s : sectors)
    for (const auto& syn : s.synonyms) by_key_.emplace(normalize_key(syn), s.name);
}

std::optional<std::string> SectorMatcher::match(std::string_view value) const {
  const std::string key = normalize_key(value);
  if (key.empty()) return std::nullopt;
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

}  // namespace tafel
