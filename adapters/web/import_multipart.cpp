#include "adapters/web/import_multipart.hpp"

#include "adapters/email/gmime_support.hpp"

#include <fmt/format.h>
#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace tafel::web {

namespace {

using email::ensure_gmime;
using email::GPtr;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string part_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

const MultipartField* MultipartForm::get(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

bool is_multipart_form(std::string_view content_type) {
  const auto semi = content_type.find(';');
  std::string_view type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  return lower(type) == "multipart/form-data";
}

std::expected<MultipartForm, std::string> parse_multipart_form(std::string_view content_type,
                                                               std::string_view body) {
  if (!is_multipart_form(content_type))
    return std::unexpected("Content-Type: verwacht multipart/form-data");
  if (content_type.find_first_of("\r\n") != std::string_view::npos)
    return std::unexpected("Content-Type: ongeldige waarde");
  ensure_gmime();
  std::string mime;
  mime.reserve(content_type.size() + body.size() + 20);
  mime.append("Content-Type: ").append(content_type).append("\r\n\r\n").append(body);
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(mime.data(), mime.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeObject> root(g_mime_parser_construct_part(parser.get(), nullptr));
  if (!root || !GMIME_IS_MULTIPART(root.get()))
    return std::unexpected("het formulier is geen leesbaar multipart/form-data-bericht");
  auto* multipart = GMIME_MULTIPART(root.get());
  const char* boundary = g_mime_multipart_get_boundary(multipart);
  if (!boundary || !*boundary)
    return std::unexpected("Content-Type: de parameter boundary ontbreekt");

  MultipartForm form;
  const int count = g_mime_multipart_get_count(multipart);
  if (count <= 0) return std::unexpected("het formulier bevat geen velden");
  if (static_cast<std::size_t>(count) > kMaxMultipartFields)
    return std::unexpected(
        fmt::format("het formulier heeft meer dan {} velden", kMaxMultipartFields));
  for (int i = 0; i < count; ++i) {
    GMimeObject* object = g_mime_multipart_get_part(multipart, i);
    if (!GMIME_IS_PART(object))
      return std::unexpected(
          fmt::format("veld {}: geneste multipart-delen worden niet ondersteund", i + 1));
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const char* kind =
        disposition ? g_mime_content_disposition_get_disposition(disposition) : nullptr;
    if (!kind || lower(kind) != "form-data")
      return std::unexpected(
          fmt::format("veld {}: Content-Disposition: form-data ontbreekt", i + 1));
    const char* name = g_mime_content_disposition_get_parameter(disposition, "name");
    if (!name || !*name) return std::unexpected(fmt::format("veld {}: de naam ontbreekt", i + 1));
    MultipartField field;
    field.name = name;
    if (const char* filename = g_mime_content_disposition_get_parameter(disposition, "filename"))
      field.filename = std::string(filename);
    field.data = part_bytes(GMIME_PART(object));
    form.fields.push_back(std::move(field));
  }
  return form;
}

}  // namespace tafel::web
