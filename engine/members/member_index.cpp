#include "engine/members/member_index.hpp"

#include "engine/members/values.hpp"
#include "engine/text/normalize.hpp"

#include <cctype>

namespace tafel {

MatchKeys MatchKeys::of(std::string_view email, const std::vector<std::string>& phones,
                        std::string_view company, std::string_view name) {
  MatchKeys k;
  for (char c : trim_cell(email))
    k.email += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& p : phones)
    if (!p.empty()) k.phones.push_back(p);
  const std::string c = normalize_key(company);
  const std::string n = normalize_key(name);
  if (!c.empty() && !n.empty()) k.company_name = c + '\x1f' + n;
  return k;
}

void MemberIndex::erase(KeyMap& map, const std::string& key, std::int64_t id) {
  const auto it = map.find(key);
  if (it == map.end()) return;
  it->second.erase(id);
  if (it->second.empty()) map.erase(it);
}

std::optional<std::int64_t> MemberIndex::lowest(const KeyMap& map, const std::string& key) {
  if (key.empty()) return std::nullopt;
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return *it->second.begin();
}

void MemberIndex::put(std::int64_t id, const MatchKeys& keys) {
  if (const auto old = keys_.find(id); old != keys_.end()) {
    erase(email_, old->second.email, id);
    for (const auto& p : old->second.phones) erase(phone_, p, id);
    erase(company_name_, old->second.company_name, id);
  }
  if (!keys.email.empty()) email_[keys.email].insert(id);
  for (const auto& p : keys.phones) phone_[p].insert(id);
  if (!keys.company_name.empty()) company_name_[keys.company_name].insert(id);
  keys_[id] = keys;
}

MatchResult MemberIndex::find(const MatchKeys& keys) const {
  std::optional<std::int64_t> by_phone;
  for (const auto& p : keys.phones) {
    const auto id = lowest(phone_, p);
    if (id && (!by_phone || *id < *by_phone)) by_phone = id;
  }
  if (const auto by_email = lowest(email_, keys.email)) {
    // A phone that belongs to another member only conflicts when it is not also the email
    // member's own number.
    for (const auto& p : keys.phones) {
      const auto it = phone_.find(p);
      if (it == phone_.end() || it->second.contains(*by_email)) continue;
      return {MatchKind::conflict, *by_email, *it->second.begin()};
    }
    return {MatchKind::email, *by_email, 0};
  }
  if (by_phone) return {MatchKind::phone, *by_phone, 0};
  if (const auto id = lowest(company_name_, keys.company_name))
    return {MatchKind::company_name, *id, 0};
  return {};
}

}  // namespace tafel
