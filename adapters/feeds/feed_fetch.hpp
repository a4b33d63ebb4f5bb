#pragma once
// Fetching a calendar feed over http or https with cpp-httplib.
//
// Conditional GET: with the validators of the last fetch, the request carries If-None-Match
// (ETag) and If-Modified-Since (Last-Modified); a 304 answer is `not_modified` with no body.
// Bounded: connect and read timeouts, at most FeedLimits::max_bytes of body (a larger body is
// refused, never truncated), redirects followed (http and https only). Certificates are
// verified against the system's store.
//
// Errors are Dutch (they end up in the coordinator's inbox) and name the URL and what failed;
// they carry no body text.

#include <chrono>
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace tafel::feeds {

struct FeedLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds read_timeout{30};
};

struct FeedValidators {
  std::string etag;           // as the server sent it, quotes included; empty: none
  std::string last_modified;  // an HTTP date; empty: none
};

struct FeedFetch {
  bool not_modified = false;  // 304: the feed is as it was
  std::string body;           // the calendar, when modified
  FeedValidators validators;  // of this answer (the known ones again on 304 when not resent)
};

// True for URLs this fetcher takes: http:// or https:// with a host.
bool is_http_url(std::string_view url);

std::expected<FeedFetch, std::string> fetch_feed(std::string_view url, const FeedValidators& known,
                                                 const FeedLimits& limits = {});

}  // namespace tafel::feeds
