#pragma once
// The server's own request and response types. Handlers see only these, never Beast, so the
// whole handler layer is plain data in, plain data out and testable without sockets.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::http {

struct Header {
  std::string name;  // as sent; compared case-insensitively
  std::string value;
};

// True when `a` and `b` are equal ignoring ASCII case (header names, methods are not).
bool iequals(std::string_view a, std::string_view b);

struct Request {
  std::string method;  // as sent, case-sensitive ("GET")
  std::string target;  // the raw request-target ("/a/b?x=1")
  std::string path;    // target without query string, origin-form ("/a/b")
  std::string query;   // after '?', without it; empty when none
  std::vector<Header> headers;
  std::string body;
  // The peer's IP address. Personal data: use it for throttling, never log it.
  std::string peer_address;
  // Path parameters of the matched route ("/rsvp/{token}" -> {"token": ...}), set by the Router.
  std::map<std::string, std::string, std::less<>> params;

  // The first header named `name` (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;

  std::optional<std::string_view> header(std::string_view name) const;
  // Replaces every header named `name` with one header.
  void set_header(std::string_view name, std::string value);
  // Sets the header only when the response has none of that name.
  void set_default_header(std::string_view name, std::string value);
};

inline constexpr std::string_view kJsonContentType = "application/json";
inline constexpr std::string_view kHtmlContentType = "text/html; charset=utf-8";

// A response with a JSON body (`json` must already be serialised JSON text).
Response json_response(int status, std::string json);
// The uniform error body: {"error": {"status": 404, "message": "..."}}. `message` must not carry
// personal data; it is shown to whoever sent the request.
Response error_response(int status, std::string_view message);

// Splits a request-target into path and query. Accepts origin-form ("/p?q") and absolute-form
// ("http://host/p?q"); returns nullopt for anything else ("*", "p", empty).
struct TargetParts {
  std::string path;
  std::string query;
};
std::optional<TargetParts> split_target(std::string_view target);

}  // namespace tafel::http
