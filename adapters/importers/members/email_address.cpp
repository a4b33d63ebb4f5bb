#include "adapters/importers/members/email_address.hpp"

#include "engine/members/values.hpp"

#include <cctype>

namespace tafel {

namespace {

bool valid_domain(std::string_view d) {
  if (d.size() < 3 || d.find('.') == std::string_view::npos) return false;
  if (d.front() == '.' || d.back() == '.' || d.front() == '-' || d.find("..") != d.npos)
    return false;
  for (char c : d) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) continue;  // internationalised domain names
    if (!std::isalnum(u) && c != '-' && c != '.') return false;
  }
  const auto tld = d.substr(d.rfind('.') + 1);
  return tld.size() >= 2;
}

bool valid_local(std::string_view l) {
  if (l.empty() || l.size() > 64 || l.front() == '.' || l.back() == '.' || l.find("..") != l.npos)
    return false;
  for (char c : l) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) continue;
    if (std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> parse_email_address(std::string_view text) {
  std::string_view v = trim_cell(text);
  if (v.size() > 7 && email_key(v.substr(0, 7)) == "mailto:") v.remove_prefix(7);
  const auto at = v.find('@');
  if (at == std::string_view::npos || v.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  if (!valid_local(v.substr(0, at)) || !valid_domain(v.substr(at + 1))) return std::nullopt;
  return std::string(v);
}

std::string email_key(std::string_view address) {
  std::string out;
  for (char c : trim_cell(address))
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace tafel
