#include "engine/outreach/template_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tafel::outreach {

namespace {

bool valid_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

int line_of(std::string_view text, std::size_t pos) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::expected<std::string, RenderError> render_template(
    std::string_view text, const TemplateValues& values,
    const std::set<std::string, std::less<>>& known, Escape escape) {
  std::string out;
  out.reserve(text.size() + 256);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    const std::size_t close = text.find("}}", open + 2);
    const std::size_t next_open = text.find("{{", open + 2);
    if (close == std::string_view::npos ||
        (next_open != std::string_view::npos && next_open < close))
      return std::unexpected(
          RenderError{fmt::format("line {}: '{{{{' without '}}}}'", line_of(text, open))});
    const std::string_view name = trim(text.substr(open + 2, close - open - 2));
    if (!valid_name(name) || !known.contains(name))
      return std::unexpected(RenderError{
          fmt::format("line {}: unknown placeholder {{{{{}}}}}", line_of(text, open), name)});
    const auto it = values.find(name);
    if (it == values.end())
      return std::unexpected(RenderError{
          fmt::format("line {}: no value for placeholder {{{{{}}}}}", line_of(text, open), name)});
    out += escape == Escape::html ? html_escape(it->second) : it->second;
    pos = close + 2;
  }
  return out;
}

std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    const std::size_t close = text.find("}}", pos + 2);
    if (close == std::string_view::npos) break;
    const std::string name(trim(text.substr(pos + 2, close - pos - 2)));
    if (valid_name(name) && std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(name);
    pos = close + 2;
  }
  return out;
}

}  // namespace tafel::outreach
