#pragma once
// Bodies of `multipart/form-data` forms (RFC 7578), as a browser sends a file upload, read with
// GMime's MIME parser: the request's Content-Type (with its boundary) is put in front of the
// body and the result parsed as one MIME part.
//
// Every part must have `Content-Disposition: form-data; name="..."`; a part's bytes are returned
// exactly as sent (form-data uses no transfer encoding; a declared one is decoded). Errors are
// Dutch and name the field (by name, or by position when it has none), never its content.
// Bounding the body's size is the caller's job.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::web {

struct MultipartField {
  std::string name;
  std::optional<std::string> filename;  // set for a file field (possibly empty: no file chosen)
  std::string data;
};

struct MultipartForm {
  std::vector<MultipartField> fields;  // in the order sent

  const MultipartField* get(std::string_view name) const;
};

// True when `content_type` is multipart/form-data (parameters and case ignored).
bool is_multipart_form(std::string_view content_type);

inline constexpr std::size_t kMaxMultipartFields = 50;

std::expected<MultipartForm, std::string> parse_multipart_form(std::string_view content_type,
                                                               std::string_view body);

}  // namespace tafel::web
