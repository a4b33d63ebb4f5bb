#pragma once
// RFC 4180 CSV as spreadsheets write it (members-csv.md, "Files it must take"): separator `;`,
// `,` or tab, detected from the header line unless an Excel `sep=X` first line names it (that
// line is not data); quoted fields with embedded separators, doubled quotes and line breaks
// (kept as written); records ending in CRLF, LF or CR alone.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace tafel {

struct CsvRecord {
  std::size_t line = 0;             // physical line (1-based) where the record starts
  std::vector<std::string> fields;  // unquoted, not trimmed
};

struct CsvTable {
  char delimiter = ',';
  bool sep_line = false;           // the file started with `sep=X`
  std::vector<CsvRecord> records;  // the header first; records with only empty fields skipped
};

struct CsvError {
  std::size_t line = 0;    // where the broken record starts
  std::size_t column = 0;  // 1-based field number, 0 for the whole record
  std::string message;
};

// Parses UTF-8 text (without BOM).
std::expected<CsvTable, CsvError> parse_csv(std::string_view text);

// The separator a header line uses: whichever of `;`, `,` and tab occurs most often outside
// quotes (ties in that order); `,` when none occurs.
char detect_delimiter(std::string_view header_line);

}  // namespace tafel
