#pragma once
// De-duplication of member rows (members-csv.md, "What happens to the data"): a row is the same
// member as a known one when its email matches (case-insensitive), else when one of its phone
// numbers matches, else when company + name match (normalised like header names). A row whose
// email matches one member and whose phone matches another is a conflict.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct MatchKeys {
  std::string email;                // lower-cased; empty when none
  std::vector<std::string> phones;  // E.164 numbers (mobile and landline)
  std::string company_name;         // empty when company or name is empty

  // Builds the keys from a member's values (email as given, phones in E.164).
  static MatchKeys of(std::string_view email, const std::vector<std::string>& phones,
                      std::string_view company, std::string_view name);
};

enum class MatchKind { none, email, phone, company_name, conflict };

struct MatchResult {
  MatchKind kind = MatchKind::none;
  std::int64_t id = 0;        // the matched member (email match for a conflict)
  std::int64_t other_id = 0;  // for a conflict: the member the phone matched
};

// An index of known members by their match keys. Ids are the caller's (store ids, or any
// unique numbers for members not stored yet). When several members share a key, the lowest
// id is taken.
class MemberIndex {
 public:
  // Adds `id` with `keys`, replacing the keys it had before.
  void put(std::int64_t id, const MatchKeys& keys);
  MatchResult find(const MatchKeys& keys) const;

 private:
  using KeyMap = std::map<std::string, std::set<std::int64_t>>;
  static void erase(KeyMap& map, const std::string& key, std::int64_t id);
  static std::optional<std::int64_t> lowest(const KeyMap& map, const std::string& key);

  KeyMap email_;
  KeyMap phone_;
  KeyMap company_name_;
  std::map<std::int64_t, MatchKeys> keys_;
};

}  // namespace tafel
