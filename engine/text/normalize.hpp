#pragma once
// Normalisation for matching names that people write: CSV header names, sector synonyms, venue
// names and aliases. Lower-cases, folds Latin accents to their base letter (é → e, ö → o,
// ı → i, ß → ss, ĳ → ij), and drops spaces, '-', '_' and '.'. Input is UTF-8; invalid bytes
// are dropped.

#include <string>
#include <string_view>

namespace tafel {

std::string normalize_key(std::string_view utf8);

// Decodes one UTF-8 code point at `pos` and advances it; returns U+FFFD on invalid input.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);
bool is_valid_utf8(std::string_view text);

}  // namespace tafel
