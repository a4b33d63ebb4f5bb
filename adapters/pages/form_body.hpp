#pragma once
// Request bodies of HTML forms: `application/x-www-form-urlencoded` (WHATWG URL standard,
// "application/x-www-form-urlencoded parsing"): fields separated by '&', name and value by the
// first '=', '+' is a space, %XX a byte. Stricter than the standard on purpose: a '%' not
// followed by two hex digits, a name or value that is not valid UTF-8, more than `max_fields`
// fields or an empty name is an error naming the field (by name, or by position when the name
// itself is bad), never its value. Bounding the body's size is the route's job (RouteOptions).

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::pages {

struct FormField {
  std::string name;
  std::string value;
};

struct FormBody {
  std::vector<FormField> fields;  // in the order sent; a name may repeat (checkboxes)

  // The first value of `name`, if any.
  std::optional<std::string_view> get(std::string_view name) const;
  // Every value of `name`, in order.
  std::vector<std::string_view> all(std::string_view name) const;
};

inline constexpr std::size_t kMaxFormFields = 500;

// English error text, e.g. "field 'casus': not valid UTF-8" or "field 3: bad percent escape".
std::expected<FormBody, std::string> parse_form(std::string_view body,
                                                std::size_t max_fields = kMaxFormFields);

// True when `content_type` is application/x-www-form-urlencoded (parameters and case ignored).
bool is_form_content_type(std::string_view content_type);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view text);

// Number of code points in well-formed UTF-8 `text`.
std::size_t utf8_length(std::string_view text);

}  // namespace tafel::pages
