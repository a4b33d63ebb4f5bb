#include "engine/text/normalize.hpp"

namespace tafel {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  int len = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    ++pos;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return U'\uFFFD';
  }
  if (pos + static_cast<std::size_t>(len) > s.size()) {
    pos = s.size();
    return U'\uFFFD';
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
    if ((b & 0xC0) != 0x80) {
      pos += static_cast<std::size_t>(i);
      return U'\uFFFD';
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += static_cast<std::size_t>(len);
  const bool overlong =
      (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return U'\uFFFD';
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t before = pos;
    const char32_t cp = next_code_point(s, pos);
    if (cp == U'\uFFFD' && s.substr(before, pos - before) != "\xEF\xBF\xBD") return false;
  }
  return true;
}

namespace {

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A);
// '\0' where the code point is not a letter we fold.
constexpr char kLatin1[] =
    "aaaaaaaceeeeiiii"    // C0-CF (C6 Æ handled separately)
    "dnooooo\0ouuuuyts"   // D0-DF (D7 ×, DE þ, DF ß handled separately)
    "aaaaaaaceeeeiiii"    // E0-EF
    "dnooooo\0ouuuuyty";  // F0-FF
constexpr char kExtA[] =
    "aaaaaaccccccccdd"    // 100-10F
    "ddeeeeeeeeeegggg"    // 110-11F
    "gggghhhhiiiiiiii"    // 120-12F
    "ii\0\0jjkkklllllll"  // 130-13F (132/133 ĳ handled separately)
    "lllnnnnnnnnnoooo"    // 140-14F
    "oo\0\0rrrrrrssssss"  // 150-15F (152/153 œ handled separately)
    "sssstttttuuuuuuu"    // 160-16F
    "uuuuwwyyyzzzzzzs";   // 170-17F

void fold(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') return;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return;
  }
  switch (cp) {
    case 0xC6:
    case 0xE6:
      out += "ae";
      return;
    case 0xDF:
      out += "ss";
      return;
    case 0xDE:
    case 0xFE:
      out += "th";
      return;
    case 0x132:
    case 0x133:
      out += "ij";
      return;
    case 0x152:
    case 0x153:
      out += "oe";
      return;
    case 0xA0:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
      return;
    default:
      break;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '\0') {
    out += kLatin1[cp - 0xC0];
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F && kExtA[cp - 0x100] != '\0') {
    out += kExtA[cp - 0x100];
    return;
  }
  append_utf8(out, cp);
}

}  // namespace

std::string normalize_key(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) fold(out, next_code_point(utf8, pos));
  return out;
}

}  // namespace tafel
