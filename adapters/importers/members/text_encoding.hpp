#pragma once
// Detects the encoding of a member list and converts it to UTF-8 (members-csv.md, "Files it must
// take"): UTF-8 with a BOM, valid UTF-8 without one, else Windows-1252 (Dutch Excel's "CSV").

#include <expected>
#include <string>
#include <string_view>

namespace tafel {

enum class TextEncoding { utf8, utf8_bom, windows1252 };

std::string_view encoding_name(TextEncoding e);

struct DecodedText {
  std::string utf8;  // without BOM
  TextEncoding encoding = TextEncoding::utf8;
};

struct DecodeError {
  std::string message;  // why the bytes are not a text file we read
};

// Refuses UTF-16/32 (by BOM) and binary data (NUL bytes).
std::expected<DecodedText, DecodeError> decode_text(std::string_view bytes);

// Every byte of Windows-1252 to UTF-8, including 0x80–0x9F; the five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as Windows
// does.
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace tafel
