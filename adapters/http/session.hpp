#pragma once
// Internal to adapters/http (includes Asio): starting the per-connection code.

#include "adapters/http/server_state.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace tafel::http::detail {

// Serves HTTP/1.1 on `socket` until the peer closes, a limit is hit or the server drains.
// The socket's executor must be a strand of its own (one per connection): every step of the
// connection runs on it. `state` must hold a reservation (try_reserve()) for this connection;
// the session releases it when it ends.
void start_session(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerState> state);

// Answers 503 (Retry-After) without reading the request, then closes. For connections beyond
// max_connections; no reservation needed.
void start_rejection(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerState> state);

}  // namespace tafel::http::detail
