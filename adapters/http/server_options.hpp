#pragma once
// The server's safety limits. The defaults suit a small daemon behind a reverse proxy.

#include "adapters/http/access_log.hpp"

#include <chrono>
#include <cstddef>

namespace tafel::http {

struct ServerOptions {
  // Time to receive one whole request (headers and body). Also the keep-alive idle limit: a
  // connection that sends nothing for this long is closed; so is one that sends a request too
  // slowly (without an answer: the socket is gone by then).
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  // Time to write one response.
  std::chrono::milliseconds write_timeout{std::chrono::seconds(30)};
  // Largest request line plus headers; larger -> 431.
  std::size_t header_limit = 16 * 1024;
  // Largest request body for routes without their own limit; larger -> 413.
  std::size_t body_limit = 1024 * 1024;
  // Connections served at once; a connection beyond this gets 503 and is closed.
  std::size_t max_connections = 512;
  // After SIGTERM/SIGINT or stop(): how long in-flight requests may take to finish before the
  // server stops regardless.
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(10)};
  // Threads running the io_context (the calling thread of run() is one of them).
  int threads = 1;
  // Whether run() turns SIGTERM/SIGINT into a graceful shutdown (a second signal stops at once).
  bool handle_signals = true;
  AccessLogSink access_log = log_access_to_stderr;
};

}  // namespace tafel::http
