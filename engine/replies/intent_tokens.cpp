#include "engine/replies/intent_tokens.hpp"

#include "engine/text/normalize.hpp"

#include <array>

namespace tafel::replies {
namespace {

bool word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  // Latin letters with diacritics and other alphabets; excludes general punctuation and
  // symbols (U+2000 and up), which are split on or read as emoji.
  return (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

bool ignorable(char32_t cp) {
  return (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D;
}

bool emoji(char32_t cp) { return cp >= 0x2190 && cp != 0xFFFD && !ignorable(cp); }

// "jaaaa" → "ja", "neeee" → "nee", "yesss" → "yes", "nooo" → "no", "okkk" → "ok".
std::string squeeze(const std::string& w) {
  std::string s;
  for (const char c : w) {
    if (s.empty() || s.back() != c) s += c;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kKnown = {
      {{"ja", "ja"}, {"ne", "nee"}, {"yes", "yes"}, {"no", "no"}, {"ok", "ok"}, {"top", "top"}}};
  if (s.size() == w.size()) return w;
  for (const auto& [squeezed, word] : kKnown) {
    if (s == squeezed) return std::string(word);
  }
  return w;
}

std::string replace_shortcodes(std::string_view text) {
  std::string out(text);
  for (const std::string_view code : {":+1:", ":thumbsup:", ":thumbs_up:"}) {
    for (auto pos = out.find(code); pos != std::string::npos; pos = out.find(code, pos)) {
      out.replace(pos, code.size(), " \xF0\x9F\x91\x8D ");
    }
  }
  return out;
}

}  // namespace

Tokens tokenize(std::string_view utf8) {
  const std::string text = replace_shortcodes(utf8);
  Tokens out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.words.push_back(squeeze(normalize_key(word)));
    word.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    if (cp == '?') out.question = true;
    if (cp == '\'' || cp == 0x2019 || ignorable(cp)) continue;  // can't → cant
    if (word_char(cp)) {
      append_utf8(word, cp);
      continue;
    }
    flush();
    if (emoji(cp)) {
      std::string e;
      append_utf8(e, cp);
      out.words.push_back(std::move(e));
    }
  }
  flush();
  return out;
}

}  // namespace tafel::replies
