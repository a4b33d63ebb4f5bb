#include "adapters/importers/events/venue_match.hpp"

#include "engine/text/normalize.hpp"

namespace tafel {

namespace {
constexpr std::size_t kMinContainedKey = 5;
}

VenueMatcher::VenueMatcher(const std::vector<VenueConfig>& venues) {
  for (const auto& v : venues) {
    keys_.push_back(Key{normalize_key(v.name), v.id});
    for (const auto& a : v.aliases) keys_.push_back(Key{normalize_key(a), v.id});
  }
  std::erase_if(keys_, [](const Key& k) { return k.normalized.empty(); });
}

std::optional<std::string> VenueMatcher::match(std::string_view location) const {
  const std::string loc = normalize_key(location);
  if (loc.empty()) return std::nullopt;
  for (const auto& k : keys_)
    if (k.normalized == loc) return k.venue_id;
  const Key* best = nullptr;
  bool tie = false;
  for (const auto& k : keys_) {
    if (k.normalized.size() < kMinContainedKey || loc.find(k.normalized) == std::string::npos)
      continue;
    if (!best || k.normalized.size() > best->normalized.size()) {
      best = &k;
      tie = false;
    } else if (k.normalized.size() == best->normalized.size() && k.venue_id != best->venue_id) {
      tie = true;
    }
  }
  if (!best || tie) return std::nullopt;
  return best->venue_id;
}

}  // namespace tafel
