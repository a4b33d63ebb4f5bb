#include "adapters/feeds/feed_fetch.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <optional>

namespace tafel::feeds {

namespace {

constexpr int kMaxRedirects = 5;

struct UrlParts {
  std::string origin;  // scheme://host[:port]
  std::string target;  // path and query, at least "/"
};

std::optional<UrlParts> split_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const auto scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  const auto host_start = scheme_end + 3;
  const auto path_start = url.find_first_of("/?#", host_start);
  const auto origin = url.substr(0, path_start);
  if (origin.size() <= host_start) return std::nullopt;
  std::string_view rest = path_start == std::string_view::npos ? "" : url.substr(path_start);
  rest = rest.substr(0, rest.find('#'));
  const std::string_view slash = rest.starts_with('/') ? "" : "/";
  return UrlParts{std::string(origin), fmt::format("{}{}", slash, rest)};
}

std::string transport_text(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection:
      return "geen verbinding met de server";
    case httplib::Error::ConnectionTimeout:
      return "de server reageerde niet op tijd (verbinden)";
    case httplib::Error::Read:
      return "de server reageerde niet op tijd of verbrak de verbinding";
    case httplib::Error::SSLConnection:
      return "een beveiligde verbinding (TLS) lukte niet";
    case httplib::Error::SSLLoadingCerts:
      return "de certificaten van dit systeem konden niet worden geladen";
    case httplib::Error::SSLServerVerification:
      return "het certificaat van de server is niet geldig";
    case httplib::Error::ExceedRedirectCount:
      return "te veel doorverwijzingen";
    default:
      return "het ophalen mislukte";
  }
}

}  // namespace

bool is_http_url(std::string_view url) { return split_url(url).has_value(); }

namespace {

// One request, without following redirects: httplib's own redirect handling treats a 304 (a
// 3xx without Location) as a failed redirect, so redirects are followed in fetch_feed.
std::expected<httplib::Result, std::string> get_once(const UrlParts& parts, std::string_view url,
                                                     const httplib::Headers& headers,
                                                     const FeedLimits& limits, std::string& body) {
  httplib::Client client(parts.origin);
  if (!client.is_valid()) return std::unexpected(fmt::format("{} kan niet worden gebruikt", url));
  client.set_connection_timeout(limits.connect_timeout);
  client.set_read_timeout(limits.read_timeout);
  client.set_write_timeout(limits.read_timeout);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  bool too_large = false;
  body.clear();
  auto res = client.Get(
      parts.target, headers, [](const httplib::Response&) { return true; },
      [&](const char* data, std::size_t n) {
        if (body.size() + n > limits.max_bytes) {
          too_large = true;
          return false;  // stops the transfer
        }
        body.append(data, n);
        return true;
      });
  if (too_large)
    return std::unexpected(
        fmt::format("{}: de agenda is groter dan {} MiB", url, limits.max_bytes / (1024 * 1024)));
  if (!res) return std::unexpected(fmt::format("{}: {}", url, transport_text(res.error())));
  return res;
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

std::expected<FeedFetch, std::string> fetch_feed(std::string_view url, const FeedValidators& known,
                                                 const FeedLimits& limits) {
  httplib::Headers headers{{"User-Agent", "tafelplanner/0.1"},
                           {"Accept", "text/calendar, */*;q=0.5"}};
  if (!known.etag.empty()) headers.emplace("If-None-Match", known.etag);
  if (!known.last_modified.empty()) headers.emplace("If-Modified-Since", known.last_modified);

  std::string current(url);
  std::string body;
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    const auto parts = split_url(current);
    if (!parts) return std::unexpected(fmt::format("{} is geen http- of https-adres", current));
    auto res = get_once(*parts, url, headers, limits, body);
    if (!res) return std::unexpected(res.error());
    const httplib::Response& r = **res;
    if (is_redirect(r.status)) {
      const std::string location = r.get_header_value("Location");
      if (location.empty())
        return std::unexpected(fmt::format("{}: doorverwijzing zonder adres", url));
      current = location.starts_with('/') ? parts->origin + location : location;
      continue;
    }
    FeedFetch out;
    out.validators.etag = r.get_header_value("ETag");
    out.validators.last_modified = r.get_header_value("Last-Modified");
    if (r.status == 304) {
      out.not_modified = true;
      if (out.validators.etag.empty()) out.validators.etag = known.etag;
      if (out.validators.last_modified.empty()) out.validators.last_modified = known.last_modified;
      return out;
    }
    if (r.status < 200 || r.status >= 300)
      return std::unexpected(fmt::format("{}: de server antwoordde met HTTP {}", url, r.status));
    out.body = std::move(body);
    return out;
  }
  return std::unexpected(fmt::format("{}: te veel doorverwijzingen", url));
}

}  // namespace tafel::feeds
