#include "adapters/importers/members/text_encoding.hpp"

#include "engine/text/normalize.hpp"

#include <array>

namespace tafel {

namespace {

// Windows-1252 0x80–0x9F.
constexpr std::array<char16_t, 32> kC1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }

}  // namespace

std::string_view encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::utf8:
      return "UTF-8";
    case TextEncoding::utf8_bom:
      return "UTF-8 with BOM";
    case TextEncoding::windows1252:
      return "Windows-1252";
  }
  return "";
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += ch;
    } else if (b < 0xA0) {
      append_utf8(out, kC1[b - 0x80]);
    } else {
      append_utf8(out, b);  // 0xA0–0xFF equal U+00A0–U+00FF
    }
  }
  return out;
}

std::expected<DecodedText, DecodeError> decode_text(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF"))
    return std::unexpected(
        DecodeError{"the file is UTF-16 (Excel \"Unicode text\"); save it as CSV instead"});
  if (bytes.find('\0') != std::string_view::npos)
    return std::unexpected(DecodeError{"the file is not text (it contains NUL bytes)"});
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!is_valid_utf8(bytes))
      return std::unexpected(DecodeError{"the file has a UTF-8 BOM but is not valid UTF-8"});
    return DecodedText{std::string(bytes), TextEncoding::utf8_bom};
  }
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::utf8};
  return DecodedText{windows1252_to_utf8(bytes), TextEncoding::windows1252};
}

}  // namespace tafel
