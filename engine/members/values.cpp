#include "engine/members/values.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace tafel {

namespace {

bool is_space_at(std::string_view v, std::size_t pos, std::size_t& len) {
  const auto c = static_cast<unsigned char>(v[pos]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
    len = 1;
    return true;
  }
  if (c == 0xC2 && pos + 1 < v.size() && static_cast<unsigned char>(v[pos + 1]) == 0xA0) {
    len = 2;
    return true;
  }
  return false;
}

std::string ascii_lower(std::string_view v) {
  std::string out(v);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view trim_cell(std::string_view v) {
  std::size_t len = 0;
  while (!v.empty() && is_space_at(v, 0, len)) v.remove_prefix(len);
  while (!v.empty()) {
    if (is_space_at(v, v.size() - 1, len)) {
      v.remove_suffix(1);
    } else if (v.size() >= 2 && is_space_at(v, v.size() - 2, len) && len == 2) {
      v.remove_suffix(2);
    } else {
      break;
    }
  }
  return v;
}

std::expected<std::optional<bool>, ValueError> parse_yes_no(std::string_view value) {
  using YesNo = std::expected<std::optional<bool>, ValueError>;
  static constexpr std::array<std::string_view, 8> kYes = {"ja", "j", "yes",  "y",
                                                           "x",  "1", "true", "waar"};
  static constexpr std::array<std::string_view, 6> kNo = {"nee", "n", "no", "0", "false", "onwaar"};
  const std::string v = ascii_lower(trim_cell(value));
  if (v.empty()) return YesNo{std::in_place, std::nullopt};
  for (auto y : kYes)
    if (v == y) return YesNo{std::in_place, true};
  for (auto n : kNo)
    if (v == n) return YesNo{std::in_place, false};
  return std::unexpected(ValueError{});
}

std::optional<double> parse_decimal(std::string_view value) {
  std::string v(trim_cell(value));
  if (v.empty()) return std::nullopt;
  int separators = 0;
  for (char& c : v) {
    if (c == ',') c = '.';
    if (c == '.') ++separators;
  }
  if (separators > 1 || v.back() == '.' || v.front() == '.' || v.front() == '+')
    return std::nullopt;
  double out = 0;
  const char* end = v.data() + v.size();
  const auto [ptr, ec] = std::from_chars(v.data(), end, out, std::chars_format::fixed);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return out;
}

std::expected<std::optional<double>, ValueError> parse_employees(std::string_view value) {
  using Count = std::expected<std::optional<double>, ValueError>;
  if (trim_cell(value).empty()) return Count{std::in_place, std::nullopt};
  const auto n = parse_decimal(value);
  if (!n || *n < 0) return std::unexpected(ValueError{});
  return Count{std::in_place, *n};
}

}  // namespace tafel
