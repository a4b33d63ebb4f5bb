#include "adapters/pages/form_body.hpp"

#include <fmt/format.h>

namespace tafel::pages {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes '+' and %XX; nullopt on a bad escape.
std::optional<std::string> decode_component(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_value(s[i + 1]);
      const int lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::optional<std::string_view> FormBody::get(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return std::string_view(f.value);
  return std::nullopt;
}

std::vector<std::string_view> FormBody::all(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& f : fields)
    if (f.name == name) out.emplace_back(f.value);
  return out;
}

bool valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(extra) >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      const unsigned cc = p[i + static_cast<std::size_t>(k)];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::expected<FormBody, std::string> parse_form(std::string_view body, std::size_t max_fields) {
  FormBody out;
  std::size_t position = 0;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view part = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (part.empty()) continue;
    ++position;
    if (out.fields.size() == max_fields)
      return std::unexpected(fmt::format("more than {} form fields", max_fields));
    const auto eq = part.find('=');
    auto name = decode_component(part.substr(0, eq));
    if (!name || name->empty() || !valid_utf8(*name))
      return std::unexpected(fmt::format("field {}: bad field name", position));
    auto value =
        decode_component(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1));
    // The name is shown only when it is printable ASCII (it may be anything a client sent).
    bool plain = name->size() <= 40;
    for (char c : *name) plain = plain && c > ' ' && c < 0x7F && c != '\'';
    const std::string label = plain ? fmt::format("'{}'", *name) : fmt::format("{}", position);
    if (!value) return std::unexpected(fmt::format("field {}: bad percent escape", label));
    if (!valid_utf8(*value))
      return std::unexpected(fmt::format("field {}: not valid UTF-8", label));
    out.fields.push_back(FormField{std::move(*name), std::move(*value)});
  }
  return out;
}

bool is_form_content_type(std::string_view content_type) {
  const auto semi = content_type.find(';');
  std::string_view media = content_type.substr(0, semi);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  if (media.size() != kForm.size()) return false;
  for (std::size_t i = 0; i < media.size(); ++i)
    if (ascii_lower(media[i]) != kForm[i]) return false;
  return true;
}

}  // namespace tafel::pages
