#pragma once
// The access log: one JSON object per line, without personal data. It records the method, the
// matched route pattern ("/rsvp/{token}", so tokens never reach the log) or, for unmatched
// requests, the path without its query string, the status and the duration. No peer address,
// no query string, no headers, no bodies.

#include <chrono>
#include <functional>
#include <string>

namespace tafel::http {

struct AccessLogEntry {
  std::string method;
  std::string path;  // route pattern, or the path without query for unmatched requests
  int status = 0;
  std::chrono::microseconds duration{0};
};

// Where entries go. Called on the connection's strand; with several server threads it may be
// called concurrently, so a sink must be thread-safe.
using AccessLogSink = std::function<void(const AccessLogEntry&)>;

// `{"log":"access","method":"GET","path":"/healthz","status":200,"duration_ms":0.12}`
std::string format_access_log_line(const AccessLogEntry& entry);

// Writes format_access_log_line() plus '\n' to stderr in a single write(2), so lines from
// several threads never interleave.
void log_access_to_stderr(const AccessLogEntry& entry);

}  // namespace tafel::http
