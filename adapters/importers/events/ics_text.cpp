#include "adapters/importers/events/ics_text.hpp"

#include "engine/text/normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tafel {

namespace {

struct LogicalLine {
  std::string text;
  int line = 0;
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Windows-1252 to UTF-8; the five undefined bytes become U+FFFD.
std::string from_windows_1252(std::string_view bytes) {
  static constexpr char32_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b < 0xA0)
      append_utf8(out, kHigh[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

// Splits into unfolded logical lines, each with the physical line it starts on.
std::vector<LogicalLine> unfold(std::string_view text) {
  std::vector<LogicalLine> out;
  int physical = 0;
  std::size_t pos = 0;
  bool previous_blank = true;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++physical;
    pos = end;
    if (pos < text.size()) pos += text.substr(pos, 2) == "\r\n" ? 2 : 1;
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank) {
      previous_blank = true;
      continue;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !out.empty() && !previous_blank) {
      out.back().text.append(line.substr(1));
    } else {
      out.push_back(LogicalLine{std::string(line), physical});
    }
    previous_blank = false;
  }
  return out;
}

// The position of the name/value ':' outside quoted parameter values, or npos.
std::size_t value_colon(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) return i;
  }
  return std::string_view::npos;
}

bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

}  // namespace

std::expected<CleanCalendar, CalendarProblem> clean_calendar(std::string_view bytes) {
  CleanCalendar out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos)
    return std::unexpected(
        calendar_error(1, 0, "not_icalendar", "binary data: this is not an iCalendar file"));
  std::string converted;
  if (!is_valid_utf8(bytes)) {
    converted = from_windows_1252(bytes);
    bytes = converted;
    out.warnings.push_back(
        calendar_warning(1, 0, "not_utf8", "the file is not UTF-8; read it as Windows-1252"));
  }
  const auto lines = unfold(bytes);
  if (lines.empty())
    return std::unexpected(calendar_error(1, 0, "not_icalendar", "the file is empty"));
  {
    const std::string first = upper(lines.front().text);
    if (first != "BEGIN:VCALENDAR" && first != "BEGIN:VEVENT")
      return std::unexpected(
          calendar_error(lines.front().line, 1, "not_icalendar",
                         fmt::format("not an iCalendar file: expected BEGIN:VCALENDAR, found '{}'",
                                     lines.front().text.substr(0, 60))));
  }

  struct Open {
    std::string name;
    int line;
  };
  std::vector<Open> stack;
  out.text = "BEGIN:VCALENDAR\r\n";
  for (const auto& l : lines) {
    const std::size_t colon = value_colon(l.text);
    const std::string_view head = std::string_view(l.text).substr(0, colon);
    const std::string name = upper(head.substr(0, head.find(';')));
    if (colon == std::string_view::npos || !valid_name(name))
      return std::unexpected(
          calendar_error(l.line, 1, "bad_line",
                         fmt::format("not an iCalendar content line: '{}'", l.text.substr(0, 60))));
    std::string value = l.text.substr(colon + 1);
    if (name == "BEGIN" || name == "END") {
      const std::string component = upper(value);
      if (name == "BEGIN") {
        stack.push_back(Open{component, l.line});
        if (component == "VEVENT" &&
            (stack.size() == 1 || (stack.size() == 2 && stack[0].name == "VCALENDAR")))
          out.vevents.push_back(IcsComponentLines{l.line, {}});
        if (component == "VCALENDAR" && stack.size() == 1) continue;
      } else {
        if (stack.empty() || stack.back().name != component)
          return std::unexpected(calendar_error(
              l.line, 1, "bad_structure",
              stack.empty() ? fmt::format("END:{} without a matching BEGIN", value)
                            : fmt::format("END:{} does not close BEGIN:{} of line {}", value,
                                          stack.back().name, stack.back().line)));
        stack.pop_back();
        if (component == "VCALENDAR" && stack.empty()) continue;
      }
      out.text += fmt::format("{}:{}\r\n", name, component);
      continue;
    }
    if (stack.empty()) continue;  // stray property between top-level components
    const bool in_vevent =
        stack.back().name == "VEVENT" &&
        (stack.size() == 1 || (stack.size() == 2 && stack[0].name == "VCALENDAR"));
    if (in_vevent) out.vevents.back().properties.push_back(IcsPropertyLine{name, l.line});
    if (name == "RRULE" || name == "EXRULE")
      std::erase_if(value, [](char c) { return c == ' ' || c == '\t'; });
    out.text.append(l.text, 0, colon + 1);
    out.text += value;
    out.text += "\r\n";
  }
  if (!stack.empty())
    return std::unexpected(calendar_error(
        stack.back().line, 1, "bad_structure",
        fmt::format("BEGIN:{} is never closed (the file ends first)", stack.back().name)));
  out.text += "END:VCALENDAR\r\n";
  return out;
}

int property_line(const IcsComponentLines& event, std::string_view property) {
  for (const auto& p : event.properties)
    if (p.name == property) return p.line;
  return event.line;
}

}  // namespace tafel
