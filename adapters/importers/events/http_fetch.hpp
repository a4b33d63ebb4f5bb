#pragma once
// Fetching a calendar feed over HTTP(S) with libcurl.

#include <chrono>
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace tafel {

struct FetchLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;  // larger bodies are refused
  std::chrono::seconds timeout{30};          // whole transfer
  std::chrono::seconds connect_timeout{10};
};

// True for `http://`, `https://` and `webcal://` (read as https) sources.
bool is_feed_url(std::string_view source);

// GETs `url` (http or https only, up to 5 redirects within those), and returns the body.
// The error text names the URL and says what failed (DNS, timeout, HTTP status, size).
std::expected<std::string, std::string> fetch_url(std::string_view url, FetchLimits limits = {});

}  // namespace tafel
