#include "engine/replies/quote_strip.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace tafel::replies {
namespace {

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// ASCII lower-case copy; other bytes unchanged.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return s.starts_with(p); });
}

std::vector<std::string_view> split_lines(std::string_view body) {
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    const auto nl = body.find('\n');
    std::string_view line = body.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    body.remove_prefix(nl + 1);
  }
  return lines;
}

// "On … wrote:" and its relatives, starting at line `i` and spanning up to three lines.
bool reply_header_at(const std::vector<std::string_view>& lines, std::size_t i) {
  const std::string first = lower(trim(lines[i]));
  if (!starts_with_any(first, {"on ", "op ", "am ", "le "})) return false;
  std::string joined;
  for (std::size_t k = i; k < lines.size() && k < i + 3; ++k) {
    const std::string_view part = trim(lines[k]);
    if (part.empty()) break;
    if (!joined.empty()) joined += ' ';
    joined += lower(part);
    if (joined.back() != ':') continue;
    static constexpr std::array<std::string_view, 6> kVerbs = {"wrote",   "schreef", "geschreven",
                                                               "schrieb", "a écrit", "a ecrit"};
    return std::any_of(kVerbs.begin(), kVerbs.end(),
                       [&](std::string_view v) { return joined.find(v) != std::string::npos; });
  }
  return false;
}

// A header name at the start of `line` ("Van:", "*From:*"), lower-cased without stars.
std::string header_name(std::string_view line) {
  const std::string l = lower(trim(line));
  std::string name;
  for (const char c : l) {
    if (c == '*') continue;
    if (c == ':') return name;
    if (!(c >= 'a' && c <= 'z')) return {};
    name += c;
  }
  return {};
}

bool outlook_block_at(const std::vector<std::string_view>& lines, std::size_t i) {
  const std::string name = header_name(lines[i]);
  if (name != "van" && name != "from" && name != "von" && name != "de") return false;
  static constexpr std::array<std::string_view, 11> kNext = {
      "verzonden", "sent", "gesendet",  "datum",   "date",   "aan",
      "to",        "an",   "onderwerp", "subject", "betreff"};
  for (std::size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
    const std::string next = header_name(lines[k]);
    if (std::find(kNext.begin(), kNext.end(), next) != kNext.end()) return true;
  }
  return false;
}

bool separator(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 2) return false;
  if (std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || c == '_'; })) return true;
  // "-----Original Message-----" and translations.
  return t.size() > 10 && t.starts_with("-----") && t.ends_with("-----");
}

bool mobile_signature(std::string_view line) {
  const std::string l = lower(trim(line));
  return starts_with_any(l, {"verstuurd vanaf mijn", "verzonden vanaf mijn", "verstuurd met ",
                             "sent from my", "sent from outlook", "get outlook for",
                             "outlook voor ios", "outlook voor android", "von meinem"});
}

bool quoted(std::string_view line) { return trim(line).starts_with('>'); }

}  // namespace

std::string strip_quoted(std::string_view body) {
  const auto lines = split_lines(body);
  std::size_t end = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (reply_header_at(lines, i) || outlook_block_at(lines, i) || separator(lines[i]) ||
        mobile_signature(lines[i])) {
      end = i;
      break;
    }
  }
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < end; ++i) {
    if (!quoted(lines[i])) kept.push_back(lines[i]);
  }
  while (!kept.empty() && trim(kept.front()).empty()) kept.erase(kept.begin());
  while (!kept.empty() && trim(kept.back()).empty()) kept.pop_back();
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out += '\n';
    std::string_view line = kept[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    out += line;
  }
  return out;
}

}  // namespace tafel::replies
