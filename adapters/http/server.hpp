#pragma once
// The daemon's HTTP server and event loop. It owns the io_context that later parts of the daemon
// share (timers, the outbox dispatcher) and the Router they add routes to.
//
// Lifecycle: construct; add routes to router(); listen(); optionally schedule more work on
// io_context() and register on_shutdown() hooks; run() blocks until shutdown is complete.
// Shutdown (SIGTERM/SIGINT when handle_signals, or stop()): the listener closes, the
// on_shutdown hooks run, idle connections close, in-flight requests finish (answered with
// Connection: close), then run() returns. After shutdown_grace it stops regardless; a second
// signal stops at once.
//
// Threading: run() runs the io_context on the calling thread plus `threads - 1` more. Each
// connection has its own strand. stop(), open_connections() and rejected_connections() are
// thread-safe; everything else is for the thread that owns the Server, before run().

#include "adapters/http/listen_address.hpp"
#include "adapters/http/router.hpp"
#include "adapters/http/server_options.hpp"

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace tafel::http {

class Server {
 public:
  explicit Server(ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Routes may be added until run() is called.
  Router& router();
  // For timers and background tasks that share the event loop. Such work must end (cancel its
  // timers) in an on_shutdown hook, or run() waits for it until shutdown_grace is over.
  boost::asio::io_context& io_context();

  // Binds and listens (one address per server). Returns the bound address: with port 0, the
  // port the system chose. The error names the address and the reason ("address in use").
  std::expected<ListenAddress, std::string> listen(const ListenAddress& address);

  // `hook` runs once on the io_context when shutdown begins.
  void on_shutdown(std::function<void()> hook);

  // Serves until shutdown completes (see above). Call once.
  void run();

  // Begins a graceful shutdown. Thread-safe, idempotent; returns at once.
  void stop();

  std::size_t open_connections() const;
  // Connections answered 503 (or closed) because max_connections were open, since start.
  std::uint64_t rejected_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tafel::http
