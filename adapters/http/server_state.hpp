#pragma once
// Internal to adapters/http: what the listener, the connections and the Server share.
//
// Lifetime: held by shared_ptr from the Server and from every connection, so it outlives the
// last connection even when the io_context destroys pending handlers at its own destruction.
// Thread-safety: every member function may be called from any thread.

#include "adapters/http/router.hpp"
#include "adapters/http/server_options.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace tafel::http::detail {

// A served connection, as the shutdown sees it.
class Connection {
 public:
  virtual ~Connection() = default;
  // Finish the request in progress (if any) with Connection: close, then close; an idle
  // connection closes at once. Thread-safe; returns immediately.
  virtual void drain() = 0;
};

class ServerState {
 public:
  explicit ServerState(ServerOptions opts) : options(std::move(opts)) {}

  const ServerOptions options;
  Router router;  // read-only once the server runs

  // Counts a new connection if fewer than max_connections are open; false means reject it.
  bool try_reserve();
  // Registers the connection that holds a reservation, for drain(); returns its id.
  std::uint64_t attach(std::weak_ptr<Connection> connection);
  // Ends a reservation (and the registration `id`, 0 when never attached). When the last
  // connection closes during a drain, calls the drain's on_idle callback.
  void release(std::uint64_t id);
  std::size_t open_connections() const { return open_.load(); }

  // Asks every open connection to drain; `on_idle` runs (on the thread of the last release, or
  // at once when none are open) when no connection is left. Only the first call has effect.
  void begin_drain(std::function<void()> on_idle);
  bool draining() const { return draining_.load(); }
  // Drops the on_idle callback (the Server does this before its io_context goes away).
  void clear_on_idle();

  // Connections being answered with 503, bounded like open ones.
  std::atomic<std::size_t> rejecting{0};
  std::atomic<std::uint64_t> rejected_total{0};

 private:
  std::atomic<std::size_t> open_{0};
  std::atomic<bool> draining_{false};
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
  std::function<void()> on_idle_;
};

}  // namespace tafel::http::detail
