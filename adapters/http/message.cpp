#include "adapters/http/message.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace tafel::http {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::optional<std::string_view> find_header(const std::vector<Header>& headers,
                                            std::string_view name) {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return std::string_view(h.value);
  return std::nullopt;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  return find_header(headers, name);
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  return find_header(headers, name);
}

void Response::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const Header& h) { return iequals(h.name, name); });
  headers.push_back(Header{std::string(name), std::move(value)});
}

void Response::set_default_header(std::string_view name, std::string value) {
  if (!header(name)) headers.push_back(Header{std::string(name), std::move(value)});
}

Response json_response(int status, std::string json) {
  Response r;
  r.status = status;
  r.set_header("Content-Type", std::string(kJsonContentType));
  r.body = std::move(json);
  return r;
}

Response error_response(int status, std::string_view message) {
  const nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
  return json_response(status, body.dump());
}

std::optional<TargetParts> split_target(std::string_view target) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.size() >= scheme.size() && iequals(target.substr(0, scheme.size()), scheme)) {
      target.remove_prefix(scheme.size());
      const auto slash = target.find_first_of("/?");
      if (slash == std::string_view::npos) return TargetParts{"/", ""};
      target.remove_prefix(slash);
      if (target.front() == '?') return TargetParts{"/", std::string(target.substr(1))};
      break;
    }
  }
  if (target.empty() || target.front() != '/') return std::nullopt;
  const auto q = target.find('?');
  if (q == std::string_view::npos) return TargetParts{std::string(target), ""};
  return TargetParts{std::string(target.substr(0, q)), std::string(target.substr(q + 1))};
}

}  // namespace tafel::http
