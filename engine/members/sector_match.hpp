#pragma once
// Maps a member list's sector value to a configured sector: the sector's name, its label or one
// of its synonyms, matched like header names (normalize_key).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct SectorDefinition {
  std::string name;                   // canonical name, the result of a match
  std::string label;                  // may be empty
  std::vector<std::string> synonyms;  // as configured
};

class SectorMatcher {
 public:
  // Earlier definitions win when two sectors claim the same normalised name.
  explicit SectorMatcher(const std::vector<SectorDefinition>& sectors);

  // The canonical sector name, or nullopt for an empty or unknown value.
  std::optional<std::string> match(std::string_view value) const;

 private:
  std::map<std::string, std::string> by_key_;  // normalize_key(name) -> canonical name
};

}  // namespace tafel
