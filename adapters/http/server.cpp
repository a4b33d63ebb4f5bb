#include "adapters/http/server.hpp"

#include "adapters/http/session.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>

#include <csignal>
#include <thread>
#include <vector>

namespace tafel::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

// Accepts connections on its own strand and hands each to a session on a new strand.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, std::shared_ptr<detail::ServerState> state)
      : ioc_(ioc),
        acceptor_(net::make_strand(ioc)),
        backoff_(acceptor_.get_executor()),
        state_(std::move(state)) {}

  std::expected<ListenAddress, std::string> open(const ListenAddress& address) {
    const auto fail = [&](std::string_view step, const error_code& ec) {
      return std::unexpected(fmt::format("cannot listen on {}: {} ({})",
                                         format_listen_address(address), ec.message(), step));
    };
    error_code ec;
    const auto ip = net::ip::make_address(address.host, ec);
    if (ec) return fail("address", ec);
    const tcp::endpoint endpoint(ip, address.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (ec) return fail("open", ec);
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (ec) return fail("reuse_address", ec);
    acceptor_.bind(endpoint, ec);
    if (ec) return fail("bind", ec);
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return fail("listen", ec);
    const auto bound = acceptor_.local_endpoint(ec);
    if (ec) return fail("local_endpoint", ec);
    ListenAddress out = address;
    out.port = bound.port();
    return out;
  }

  void start() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] { self->do_accept(); });
  }

  // Closes the acceptor: no new connections. Thread-safe.
  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      error_code ec;
      self->acceptor_.close(ec);
      self->backoff_.cancel();
    });
  }

 private:
  void do_accept() {
    if (!acceptor_.is_open()) return;
    acceptor_.async_accept(net::make_strand(ioc_),
                           [self = shared_from_this()](error_code ec, tcp::socket socket) {
                             self->on_accept(ec, std::move(socket));
                           });
  }

  void on_accept(error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open() || ec == net::error::operation_aborted) return;
    if (ec) {
      // Out of file descriptors or similar: pause rather than spin.
      backoff_.expires_after(std::chrono::milliseconds(100));
      backoff_.async_wait([self = shared_from_this()](error_code e) {
        if (!e) self->do_accept();
      });
      return;
    }
    if (state_->try_reserve())
      detail::start_session(std::move(socket), state_);
    else
      detail::start_rejection(std::move(socket), state_);
    do_accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer backoff_;
  std::shared_ptr<detail::ServerState> state_;
};

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions options)
      : ioc(std::max(1, options.threads)),
        state(std::make_shared<detail::ServerState>(std::move(options))),
        control(net::make_strand(ioc)),
        signals(control),
        grace(control) {
    // Registered now, not in run(): a signal that arrives in between is queued, not fatal.
    if (state->options.handle_signals) {
      signals.add(SIGTERM);
      signals.add(SIGINT);
    }
  }

  // Everything below runs on `control`, so it never runs concurrently.
  void begin_shutdown() {
    if (shutting_down) return;
    shutting_down = true;
    if (listener) listener->stop();
    for (auto& hook : hooks) hook();
    hooks.clear();
    grace.expires_after(state->options.shutdown_grace);
    grace.async_wait([this](error_code ec) {
      if (!ec) ioc.stop();  // in-flight work took too long
    });
    state->begin_drain([this] { net::post(control, [this] { finish(); }); });
  }

  void finish() {
    error_code ec;
    signals.cancel(ec);
    grace.cancel();
  }

  void wait_signal() {
    signals.async_wait([this](error_code ec, int) {
      if (ec) return;
      if (shutting_down) {
        ioc.stop();  // second signal: do not wait any longer
        return;
      }
      begin_shutdown();
      wait_signal();
    });
  }

  net::io_context ioc;
  std::shared_ptr<detail::ServerState> state;
  std::shared_ptr<Listener> listener;
  net::strand<net::io_context::executor_type> control;
  net::signal_set signals;
  net::steady_timer grace;
  std::vector<std::function<void()>> hooks;
  bool shutting_down = false;
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() {
  impl_->state->clear_on_idle();
  // Pending handlers (and with them the connections) are destroyed with the io_context.
}

Router& Server::router() { return impl_->state->router; }

net::io_context& Server::io_context() { return impl_->ioc; }

std::expected<ListenAddress, std::string> Server::listen(const ListenAddress& address) {
  auto listener = std::make_shared<Listener>(impl_->ioc, impl_->state);
  auto bound = listener->open(address);
  if (bound) impl_->listener = std::move(listener);
  return bound;
}

void Server::on_shutdown(std::function<void()> hook) { impl_->hooks.push_back(std::move(hook)); }

void Server::run() {
  Impl& d = *impl_;
  if (d.state->options.handle_signals) net::post(d.control, [&d] { d.wait_signal(); });
  if (d.listener) d.listener->start();
  std::vector<std::jthread> extra;
  for (int i = 1; i < d.state->options.threads; ++i) extra.emplace_back([&d] { d.ioc.run(); });
  d.ioc.run();
  extra.clear();  // joins
  d.state->clear_on_idle();
}

void Server::stop() {
  net::post(impl_->control, [d = impl_.get()] { d->begin_shutdown(); });
}

std::size_t Server::open_connections() const { return impl_->state->open_connections(); }

std::uint64_t Server::rejected_connections() const { return impl_->state->rejected_total.load(); }

}  // namespace tafel::http
