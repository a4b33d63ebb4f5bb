#include "adapters/importers/members/csv_reader.hpp"

#include <array>
#include <cctype>
#include <optional>

namespace tafel {

namespace {

// The first physical line, without its line break.
std::string_view first_line(std::string_view text) {
  const auto end = text.find_first_of("\r\n");
  return end == std::string_view::npos ? text : text.substr(0, end);
}

// Recognises Excel's `sep=X` line (possibly quoted, as some tools write it).
std::optional<char> sep_directive(std::string_view line) {
  if (line.size() >= 2 && line.front() == '"' && line.back() == '"')
    line = line.substr(1, line.size() - 2);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.size() != 5) return std::nullopt;
  std::string head(line.substr(0, 4));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head != "sep=") return std::nullopt;
  return line[4];
}

bool all_empty(const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    for (char c : f)
      if (c != ' ' && c != '\t') return false;
  return true;
}

}  // namespace

char detect_delimiter(std::string_view header_line) {
  std::array<std::pair<char, int>, 3> counts = {{{';', 0}, {',', 0}, {'\t', 0}}};
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (auto& [d, n] : counts)
      if (c == d) ++n;
  }
  char best = ',';
  int best_n = 0;
  for (const auto& [d, n] : counts)
    if (n > best_n) {
      best = d;
      best_n = n;
    }
  return best;
}

std::expected<CsvTable, CsvError> parse_csv(std::string_view text) {
  CsvTable table;
  std::size_t pos = 0;
  std::size_t line = 1;
  if (const auto sep = sep_directive(first_line(text))) {
    table.delimiter = *sep;
    table.sep_line = true;
    pos = first_line(text).size();
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    line = 2;
  } else {
    table.delimiter = detect_delimiter(first_line(text));
  }
  const char delim = table.delimiter;

  // Consumes a line break at `pos` (CRLF, LF or CR) and counts it.
  auto line_break_at = [&](std::size_t p) -> std::size_t {
    if (text[p] == '\r') return (p + 1 < text.size() && text[p + 1] == '\n') ? 2 : 1;
    if (text[p] == '\n') return 1;
    return 0;
  };

  while (pos < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool at_field_start = true;
    bool record_done = false;
    while (!record_done) {
      if (pos >= text.size()) {
        record.fields.push_back(std::move(field));
        break;
      }
      const char c = text[pos];
      if (at_field_start && c == '"') {
        // Quoted field: runs to the closing quote; "" is a quote; breaks are kept.
        const std::size_t start_line = line;
        ++pos;
        bool closed = false;
        while (pos < text.size()) {
          if (text[pos] == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              field += '"';
              pos += 2;
              continue;
            }
            ++pos;
            closed = true;
            break;
          }
          if (const std::size_t n = line_break_at(pos)) {
            field.append(text.substr(pos, n));
            pos += n;
            ++line;
            continue;
          }
          field += text[pos++];
        }
        if (!closed)
          return std::unexpected(CsvError{record.line, record.fields.size() + 1,
                                          "a quoted field starting on line " +
                                              std::to_string(start_line) + " is never closed"});
        at_field_start = false;
        continue;  // anything up to the next separator is appended as written
      }
      at_field_start = false;
      if (c == delim) {
        record.fields.push_back(std::move(field));
        field.clear();
        at_field_start = true;
        ++pos;
        continue;
      }
      if (const std::size_t n = line_break_at(pos)) {
        record.fields.push_back(std::move(field));
        pos += n;
        ++line;
        record_done = true;
        continue;
      }
      field += c;
      ++pos;
    }
    if (!all_empty(record.fields)) table.records.push_back(std::move(record));
  }
  return table;
}

}  // namespace tafel
