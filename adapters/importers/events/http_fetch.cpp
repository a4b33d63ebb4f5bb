#include "adapters/importers/events/http_fetch.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>
#include <mutex>

namespace tafel {

namespace {

struct Sink {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->body.append(data, n);
  return n;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

}  // namespace

bool is_feed_url(std::string_view source) {
  return source.starts_with("http://") || source.starts_with("https://") ||
         source.starts_with("webcal://");
}

std::expected<std::string, std::string> fetch_url(std::string_view url_in, FetchLimits limits) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::string url(url_in);
  if (url.starts_with("webcal://")) url = "https://" + url.substr(9);

  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return std::unexpected(fmt::format("{}: cannot start an HTTP client", url_in));
  Sink sink;
  sink.max_bytes = limits.max_bytes;
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(limits.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "tafelplanner/0.1");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  const CURLcode rc = curl_easy_perform(c);
  if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED)
    return std::unexpected(
        fmt::format("{}: the feed is larger than {} bytes", url_in, limits.max_bytes));
  if (rc != CURLE_OK)
    return std::unexpected(fmt::format("{}: cannot fetch the feed: {}", url_in,
                                       *error ? error : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300)
    return std::unexpected(fmt::format("{}: the server answered HTTP {}", url_in, status));
  return std::move(sink.body);
}

}  // namespace tafel
