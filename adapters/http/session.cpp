#include "adapters/http/session.hpp"

#include "adapters/http/security_headers.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <chrono>
#include <limits>
#include <optional>

namespace tafel::http::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// How long a closing connection keeps reading (and discarding) what the peer still sends after
// our last response, so that the peer sees that response rather than a reset.
constexpr auto kLingerTime = std::chrono::seconds(2);

std::string peer_of(const tcp::socket& socket) {
  beast::error_code ec;
  const auto ep = socket.remote_endpoint(ec);
  return ec ? std::string() : ep.address().to_string();
}

// Reads the peer's leftovers until EOF or kLingerTime, then closes. Keeps `owner` alive.
template <class Owner>
void linger_close(std::shared_ptr<Owner> owner, beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    stream.socket().close(ec);
    return;
  }
  stream.expires_after(kLingerTime);
  struct Drainer {
    std::shared_ptr<Owner> owner;
    beast::tcp_stream& stream;
    std::shared_ptr<std::array<char, 4096>> scratch = std::make_shared<std::array<char, 4096>>();
    void operator()(beast::error_code e = {}, std::size_t = 0) {
      if (e) {
        beast::error_code ignored;
        stream.socket().close(ignored);
        return;
      }
      stream.async_read_some(net::buffer(*scratch), std::move(*this));
    }
  };
  Drainer{std::move(owner), stream}();
}

class Session : public Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<ServerState> state)
      : stream_(std::move(socket)), state_(std::move(state)), peer_(peer_of(stream_.socket())) {}

  ~Session() override { state_->release(id_); }

  void start() {
    id_ = state_->attach(weak_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_->draining()) self->draining_ = true;
      self->do_read();
    });
  }

  void drain() override {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->on_drain(); });
  }

 private:
  enum class Phase { reading, handling, writing, closing };

  const ServerOptions& options() const { return state_->options; }

  void on_drain() {
    draining_ = true;
    // Idle between requests: nothing is in flight, so close now.
    if (phase_ == Phase::reading && parser_ && !parser_->got_some() && buffer_.size() == 0) {
      phase_ = Phase::closing;
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.close();
    }
  }

  void do_read() {
    if (draining_) return linger_close(shared_from_this(), stream_);
    phase_ = Phase::reading;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options().header_limit));
    // The body limit depends on the route, known once the header is in. (Not boost::none:
    // Beast 1.74 then rejects every Content-Length.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(options().read_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (phase_ == Phase::closing) return;
    started_ = Clock::now();
    if (ec) {
      const bool partial = parser_->got_some() || buffer_.size() > 0;
      if (ec == bhttp::error::header_limit) return fail(431, "request header too large");
      if (!partial || ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
          ec == beast::error::timeout)
        return close();
      return fail(400, "malformed request");
    }
    const auto& req = parser_->get();
    auto parts = split_target(std::string_view(req.target().data(), req.target().size()));
    if (!parts) return fail(400, "bad request target");
    path_ = std::move(parts->path);
    query_ = std::move(parts->query);
    method_ = std::string(req.method_string());
    match_ = state_->router.match(method_, path_);

    std::size_t limit = options().body_limit;
    if (match_.kind == Router::MatchKind::found && match_.route->options.body_limit)
      limit = *match_.route->options.body_limit;
    if (const auto length = parser_->content_length(); length && *length > limit)
      return fail(413, "request body too large");
    parser_->body_limit(limit);

    if (parser_->is_done()) return handle();
    if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
      // The client waits for this before sending the body.
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code e, std::size_t) {
                         if (e) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (phase_ == Phase::closing) return;
    if (ec == bhttp::error::body_limit) return fail(413, "request body too large");
    // On timeout tcp_stream has already closed the socket: no 408 can be sent.
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted) return close();
    if (ec) return fail(400, "malformed request");
    handle();
  }

  void handle() {
    phase_ = Phase::handling;
    auto msg = parser_->release();
    Request request;
    request.method = method_;
    request.target = std::string(msg.target());
    request.path = path_;
    request.query = query_;
    request.peer_address = peer_;
    for (const auto& field : msg)
      request.headers.push_back(
          Header{std::string(field.name_string()), std::string(field.value())});
    request.body = std::move(msg.body());
    const bool keep_alive = msg.keep_alive();
    const unsigned version = msg.version();
    // An asynchronous route answers later, from another thread: the answer is sent on this
    // connection's strand, and the io_context counts the wait as outstanding work (run() does not
    // return under it). Synchronous routes answer inline: dispatch() runs at once on the strand.
    auto strand = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
    state_->router.invoke_async(
        match_, std::move(request),
        [self = shared_from_this(), strand, keep_alive, version](Response response) {
          net::dispatch(strand, [self, keep_alive, version, r = std::move(response)]() mutable {
            self->send(std::move(r), keep_alive, version);
          });
        });
  }

  // Answers a request that cannot be served, then closes the connection.
  void fail(int status, std::string_view message) {
    unsigned version = 11;
    if (parser_ && parser_->is_header_done()) {
      version = parser_->get().version();
      if (method_.empty()) method_ = std::string(parser_->get().method_string());
    }
    if (path_.empty()) path_ = "-";
    match_ = {};
    send(error_response(status, message), false, version);
  }

  void send(Response response, bool keep_alive, unsigned version) {
    phase_ = Phase::writing;
    apply_default_headers(response);
    status_ = response.status;
    res_ = {};
    res_.version(version);
    res_.result(static_cast<unsigned>(response.status));
    // insert, not set: a response may repeat a header (several Set-Cookie lines).
    for (auto& h : response.headers) res_.insert(h.name, std::move(h.value));
    res_.keep_alive(keep_alive && !draining_);
    res_.body() = std::move(response.body);
    res_.prepare_payload();
    // HEAD: the headers of the GET answer, Content-Length included, without the body.
    if (method_ == "HEAD") res_.body().clear();
    stream_.expires_after(options().write_timeout);
    bhttp::async_write(
        stream_, res_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
  }

  void on_write(beast::error_code ec) {
    log();
    if (ec) return close();
    if (!res_.keep_alive() || draining_) return linger_close(shared_from_this(), stream_);
    method_.clear();
    path_.clear();
    query_.clear();
    do_read();
  }

  void log() {
    if (!options().access_log) return;
    AccessLogEntry entry;
    entry.method = method_.empty() ? "-" : method_;
    entry.path = match_.kind == Router::MatchKind::found ? match_.route->pattern : path_;
    entry.status = status_;
    entry.duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
    options().access_log(entry);
  }

  void close() {
    phase_ = Phase::closing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::shared_ptr<ServerState> state_;
  std::string peer_;
  std::uint64_t id_ = 0;
  Phase phase_ = Phase::reading;
  bool draining_ = false;
  Router::Match match_;
  std::string method_, path_, query_;
  int status_ = 0;
  Clock::time_point started_ = Clock::now();
};

// Answers 503 to a connection over the limit without reading its request.
class Rejection : public std::enable_shared_from_this<Rejection> {
 public:
  Rejection(tcp::socket&& socket, std::shared_ptr<ServerState> state)
      : stream_(std::move(socket)), state_(std::move(state)) {}
  ~Rejection() { state_->rejecting.fetch_sub(1); }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->stream_.expires_after(std::chrono::seconds(5));
      net::async_write(self->stream_, net::buffer(response()),
                       [self](beast::error_code ec, std::size_t) {
                         if (ec) return self->stream_.close();
                         linger_close(self, self->stream_);
                       });
    });
  }

 private:
  static const std::string& response() {
    static const std::string text = [] {
      Response r = error_response(503, "server busy, try again shortly");
      r.set_header("Retry-After", "1");
      apply_default_headers(r);
      std::string out = "HTTP/1.1 503 Service Unavailable\r\n";
      for (const auto& h : r.headers) out += h.name + ": " + h.value + "\r\n";
      out += "Content-Length: " + std::to_string(r.body.size()) + "\r\nConnection: close\r\n\r\n";
      return out + r.body;
    }();
    return text;
  }

  beast::tcp_stream stream_;
  std::shared_ptr<ServerState> state_;
};

}  // namespace

void start_rejection(tcp::socket socket, std::shared_ptr<ServerState> state) {
  state->rejected_total.fetch_add(1);
  // Bounded like served connections: past that, close without a word.
  if (state->rejecting.fetch_add(1) >= state->options.max_connections) {
    state->rejecting.fetch_sub(1);
    beast::error_code ec;
    socket.close(ec);
    return;
  }
  std::make_shared<Rejection>(std::move(socket), std::move(state))->start();
}

void start_session(tcp::socket socket, std::shared_ptr<ServerState> state) {
  std::make_shared<Session>(std::move(socket), std::move(state))->start();
}

}  // namespace tafel::http::detail
