#include "engine/sessions/knowledge.hpp"

#include "engine/text/normalize.hpp"
#include "engine/time/civil.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace tafel::sessions {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int quarter_index(Quarter q) { return q.year * 4 + (q.q - 1); }

// Name particles that are not identifying on their own.
const std::set<std::string, std::less<>> kParticles = {"van", "de",  "der", "den", "het",
                                                       "ter", "ten", "te",  "op",  "in",
                                                       "la",  "le",  "du",  "von", "vd"};

bool is_ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

// Letters beyond ASCII: Latin-1 letters and up, except the general-punctuation block (quotes,
// dashes), the multiplication and division signs and the replacement character.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_ascii_alnum(cp);
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return false;
  return !(cp >= 0x2000 && cp <= 0x206F);
}

struct Word {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string key;  // normalize_key of the word
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t pos = 0;
  std::optional<std::size_t> start;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_word_char(cp)) {
      if (!start) start = at;
    } else if (start) {
      out.push_back({*start, at - *start, normalize_key(text.substr(*start, at - *start))});
      start.reset();
    }
  }
  if (start) out.push_back({*start, text.size() - *start, normalize_key(text.substr(*start))});
  return out;
}

bool email_local_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}
bool email_domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

void find_emails(std::string_view text, std::vector<PersonalDataHit>& hits) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t left = at;
    while (left > 0 && email_local_char(text[left - 1])) --left;
    std::size_t right = at + 1;
    while (right < text.size() && email_domain_char(text[right])) ++right;
    while (right > at + 1 && (text[right - 1] == '.' || text[right - 1] == '-')) --right;
    const auto domain = text.substr(at + 1, right - at - 1);
    const auto dot = domain.rfind('.');
    if (left < at && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size())
      hits.push_back({PersonalDataHit::Kind::email, left, right - left});
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_phone_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out += c;
  return out;
}

// Digit strings of known numbers, in international and national form (31… → 0…).
std::set<std::string> known_phone_digits(const std::vector<KnownPerson>& people) {
  std::set<std::string> out;
  for (const auto& p : people)
    for (const auto& phone : p.phones) {
      const auto d = digits_of(phone);
      if (d.size() < 6) continue;
      out.insert(d);
      if (d.starts_with("31") && d.size() > 9) out.insert("0" + d.substr(2));
      if (d.starts_with("0031") && d.size() > 11) out.insert("0" + d.substr(4));
    }
  return out;
}

void find_phones(std::string_view text, const std::set<std::string>& known,
                 std::vector<PersonalDataHit>& hits) {
  std::size_t i = 0;
  while (i < text.size()) {
    const bool plus_start = text[i] == '+' && i + 1 < text.size() && is_digit(text[i + 1]);
    if (!is_digit(text[i]) && !plus_start) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (plus_start) ++i;
    std::size_t end = i;  // one past the last digit
    std::string digits;
    while (i < text.size()) {
      if (is_digit(text[i])) {
        digits += text[i];
        end = ++i;
      } else if (is_phone_separator(text[i])) {
        std::size_t j = i;
        while (j < text.size() && is_phone_separator(text[j]) && j - i < 2) ++j;
        if (j < text.size() && is_digit(text[j])) {
          i = j;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    if (digits.size() >= 9 || known.contains(digits))
      hits.push_back({PersonalDataHit::Kind::phone, start, end - start});
    i = std::max(i, end);
    if (i == start) ++i;
  }
}

}  // namespace

Quarter quarter_of(std::int64_t utc_seconds, std::int32_t offset_seconds) {
  const Date d = civil_from_days(floor_div(utc_seconds + offset_seconds, 86400));
  return {d.year, (d.month - 1) / 3 + 1};
}

Quarter next_quarter(Quarter q) {
  return q.q == 4 ? Quarter{q.year + 1, 1} : Quarter{q.year, q.q + 1};
}

std::string quarter_label(Quarter q) { return fmt::format("{}-K{}", q.year, q.q); }

BottleneckCounts count_bottlenecks(const std::vector<BottleneckNote>& notes, Quarter from,
                                   Quarter to) {
  BottleneckCounts out;
  if (from > to) return out;
  for (Quarter q = from; q <= to; q = next_quarter(q)) out.quarters.push_back(q);
  const int first = quarter_index(from);
  std::map<std::string, std::vector<int>> by_theme;
  for (const auto& n : notes) {
    const Quarter q = quarter_of(n.noted_utc, n.noted_offset);
    if (q < from || q > to) continue;
    auto& counts = by_theme[n.theme];
    counts.resize(out.quarters.size(), 0);
    ++counts[static_cast<std::size_t>(quarter_index(q) - first)];
  }
  for (auto& [theme, counts] : by_theme) {
    ThemeSeries s{theme, std::move(counts), 0};
    for (int c : s.counts) s.total += c;
    out.themes.push_back(std::move(s));
  }
  std::stable_sort(out.themes.begin(), out.themes.end(),
                   [](const ThemeSeries& a, const ThemeSeries& b) { return a.total > b.total; });
  return out;
}

std::vector<PersonalDataHit> find_personal_data(std::string_view text,
                                                const std::vector<KnownPerson>& people) {
  std::vector<PersonalDataHit> hits;
  std::set<std::string, std::less<>> name_words;
  for (const auto& p : people)
    for (const auto& w : words_of(p.name))
      if (w.key.size() >= 3 && !kParticles.contains(w.key)) name_words.insert(w.key);
  for (const auto& w : words_of(text))
    if (name_words.contains(w.key))
      hits.push_back({PersonalDataHit::Kind::name, w.offset, w.length});
  find_emails(text, hits);
  find_phones(text, known_phone_digits(people), hits);
  std::sort(hits.begin(), hits.end(), [](const PersonalDataHit& a, const PersonalDataHit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  return hits;
}

}  // namespace tafel::sessions
