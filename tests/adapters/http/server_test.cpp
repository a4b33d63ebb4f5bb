// The server in-process on a loopback port, with test routes: limits, timeouts, keep-alive,
// connection bound, graceful stop, access log and shared io_context.

#include "adapters/http/server.hpp"

#include "adapters/http/health.hpp"
#include "tests/support/http_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace tafel::http {
namespace {

using namespace std::chrono_literals;
using testing::HttpConnection;
using testing::make_request;

Response echo(const Request& r) {
  Response out;
  out.set_header("Content-Type", "text/plain");
  out.body = r.method + " " + r.path + " " + r.body;
  return out;
}

// A server on 127.0.0.1:0 running on its own thread; stopped and joined on destruction.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options = {}) {
    options.handle_signals = false;
    options.access_log = [this](const AccessLogEntry& e) {
      std::lock_guard lock(log_mutex_);
      log_.push_back(e);
    };
    server_.emplace(options);
    register_health_routes(server_->router());
    server_->router().post("/echo", echo);
    server_->router().post("/small", echo, RouteOptions{10});
  }
  ~RunningServer() { stop_and_join(); }

  Server& server() { return *server_; }

  void start() {
    auto bound = server_->listen({"127.0.0.1", 0, false});
    ASSERT_TRUE(bound) << bound.error();
    port_ = bound->port;
    thread_ = std::thread([this] {
      server_->run();
      returned_ = true;
    });
  }

  // Stops and waits at most `timeout` for run() to return; true when it did.
  bool stop_and_join(std::chrono::milliseconds timeout = 5s) {
    if (!thread_.joinable()) return true;
    server_->stop();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!returned_ && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(5ms);
    if (!returned_) return false;
    thread_.join();
    return true;
  }

  std::optional<HttpConnection> connect() { return HttpConnection::connect("127.0.0.1", port_); }
  std::uint16_t port() const { return port_; }
  bool returned() const { return returned_; }

  std::vector<AccessLogEntry> log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

 private:
  std::optional<Server> server_;
  std::thread thread_;
  std::atomic<bool> returned_{false};
  std::uint16_t port_ = 0;
  std::mutex log_mutex_;
  std::vector<AccessLogEntry> log_;
};

TEST(Server, ServesHealthzWithSecurityHeaders) {
  RunningServer s;
  s.start();
  const auto r = testing::http_request("127.0.0.1", s.port(), "GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"status":"ok"})");
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(r->header("Content-Security-Policy"));
  EXPECT_TRUE(r->header("Referrer-Policy"));
}

TEST(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
  RunningServer s;
  s.start();
  auto c = s.connect();
  ASSERT_TRUE(c);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c->send(make_request("POST", "/echo", "n" + std::to_string(i))));
    const auto r = c->read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "POST /echo n" + std::to_string(i));
  }
}

TEST(Server, AsyncRouteIsAnsweredFromAnotherThreadWithoutBlockingOthers) {
  RunningServer s;
  // /later answers only once /release was called, from a thread of its own.
  std::mutex m;
  std::vector<Respond> waiting;
  std::vector<std::jthread> answerers;
  s.server().router().add_async("POST", "/later", [&](Request r, Respond respond) {
    std::lock_guard lock(m);
    waiting.push_back([respond, body = r.body](Response) {
      Response out;
      out.body = "later " + body;
      respond(std::move(out));
    });
  });
  s.server().router().post("/release", [&](const Request&) {
    std::lock_guard lock(m);
    for (auto& w : waiting) answerers.emplace_back([w] { w(Response{}); });
    waiting.clear();
    return Response{};
  });
  s.start();
  auto c = s.connect();
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->send(make_request("POST", "/later", "a")));
  EXPECT_FALSE(c->read_response(200ms)) << "answered before the handler responded";
  // The server (one thread) still serves other connections meanwhile.
  const auto health = testing::http_request("127.0.0.1", s.port(), "GET", "/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(testing::http_request("127.0.0.1", s.port(), "POST", "/release")->status, 200);
  auto r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "later a");
  // Keep-alive goes on after an asynchronous answer.
  ASSERT_TRUE(c->send(make_request("POST", "/echo", "b")));
  r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "POST /echo b");
  EXPECT_TRUE(s.stop_and_join());
  std::lock_guard lock(m);
  answerers.clear();  // joined
}

TEST(Server, BodyLimitPerRouteAndDefault) {
  ServerOptions o;
  o.body_limit = 1000;
  RunningServer s(o);
  s.start();
  auto r = testing::http_request("127.0.0.1", s.port(), "POST", "/small", "0123456789");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = testing::http_request("127.0.0.1", s.port(), "POST", "/small", "0123456789a");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("Connection"), "close");
  r = testing::http_request("127.0.0.1", s.port(), "POST", "/echo", std::string(1000, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = testing::http_request("127.0.0.1", s.port(), "POST", "/echo", std::string(1001, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST(Server, ChunkedBodyOverTheLimitIs413) {
  RunningServer s;
  s.start();
  auto c = s.connect();
  ASSERT_TRUE(c);
  ASSERT_TRUE(
      c->send("POST /small HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
              "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n"));
  const auto r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST(Server, ExpectContinueGets100ThenTheAnswer) {
  RunningServer s;
  s.start();
  auto c = s.connect();
  ASSERT_TRUE(c);
  ASSERT_TRUE(
      c->send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n"
              "Expect: 100-continue\r\n\r\n"));
  // read_response skips the interim 100; it must arrive before we send the body.
  std::this_thread::sleep_for(100ms);
  ASSERT_TRUE(c->send("hi"));
  const auto r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "POST /echo hi");
}

TEST(Server, MalformedAndOversizedHeadersAreRefused) {
  ServerOptions o;
  o.header_limit = 1024;
  RunningServer s(o);
  s.start();
  auto c = s.connect();
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->send("GARBAGE\r\n\r\n"));
  auto r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);

  r = testing::http_request("127.0.0.1", s.port(), "GET", "/healthz", {},
                            {"X-Big: " + std::string(2000, 'a')});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);

  r = testing::http_request("127.0.0.1", s.port(), "GET", "*");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST(Server, SlowAndIdleConnectionsAreClosedAfterTheReadTimeout) {
  ServerOptions o;
  o.read_timeout = 300ms;
  RunningServer s(o);
  s.start();
  auto slow = s.connect();
  ASSERT_TRUE(slow);
  ASSERT_TRUE(slow->send("GET /healthz HTTP/1.1\r\nHost: t\r\n"));
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(slow->wait_closed(3s));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 200ms);

  auto idle = s.connect();
  ASSERT_TRUE(idle);
  EXPECT_TRUE(idle->wait_closed(3s));
}

TEST(Server, ConnectionsBeyondTheBoundGet503) {
  ServerOptions o;
  o.max_connections = 2;
  RunningServer s(o);
  s.start();
  auto a = s.connect();
  auto b = s.connect();
  ASSERT_TRUE(a && b);
  // Make sure both are accepted before the third arrives.
  ASSERT_TRUE(a->send(make_request("GET", "/healthz")));
  ASSERT_TRUE(a->read_response());
  ASSERT_TRUE(b->send(make_request("GET", "/healthz")));
  ASSERT_TRUE(b->read_response());

  auto r = testing::http_request("127.0.0.1", s.port(), "GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->header("Retry-After"), "1");

  a.reset();
  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (s.server().open_connections() > 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  r = testing::http_request("127.0.0.1", s.port(), "GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(Server, StopFinishesTheRequestInFlightAndClosesIdleOnes) {
  RunningServer s;
  s.start();
  auto idle = s.connect();
  auto busy = s.connect();
  ASSERT_TRUE(idle && busy);
  ASSERT_TRUE(idle->send(make_request("GET", "/healthz")));
  ASSERT_TRUE(idle->read_response());
  ASSERT_TRUE(busy->send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab"));
  std::this_thread::sleep_for(100ms);

  s.server().stop();
  EXPECT_TRUE(idle->wait_closed(2s));
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(s.returned());  // still waiting for `busy`
  // New connections are refused once the listener is closed.
  EXPECT_FALSE(testing::http_request("127.0.0.1", s.port(), "GET", "/healthz"));

  ASSERT_TRUE(busy->send("cd"));
  const auto r = busy->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "POST /echo abcd");
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_TRUE(s.stop_and_join(3s));
}

TEST(Server, GraceLimitsTheWaitForStuckRequests) {
  ServerOptions o;
  o.shutdown_grace = 200ms;
  RunningServer s(o);
  s.start();
  auto stuck = s.connect();
  ASSERT_TRUE(stuck);
  ASSERT_TRUE(stuck->send("GET /healthz HTTP/1.1\r\n"));
  std::this_thread::sleep_for(100ms);
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(s.stop_and_join(3s));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

TEST(Server, AccessLogHasRoutePatternAndNoQuery) {
  RunningServer s;
  s.server().router().get("/rsvp/{token}", echo);
  s.start();
  ASSERT_TRUE(testing::http_request("127.0.0.1", s.port(), "GET", "/rsvp/SECRET?mail=a@b.nl"));
  ASSERT_TRUE(testing::http_request("127.0.0.1", s.port(), "GET", "/missing?mail=a@b.nl"));
  // Entries are written once a response is sent, which may be just after the client has it.
  const auto deadline = std::chrono::steady_clock::now() + 2s;
  while (s.log().size() < 2 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  const auto log = s.log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].path, "/rsvp/{token}");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[1].path, "/missing");
  EXPECT_EQ(log[1].status, 404);
}

TEST(Server, SeveralThreadsServeConcurrentClients) {
  ServerOptions o;
  o.threads = 3;
  RunningServer s(o);
  s.start();
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t)
    clients.emplace_back([&] {
      auto c = HttpConnection::connect("127.0.0.1", s.port());
      if (!c) return;
      for (int i = 0; i < 20; ++i) {
        if (!c->send(make_request("GET", "/healthz"))) return;
        auto r = c->read_response();
        if (r && r->status == 200) ++ok;
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok, 160);
}

TEST(Server, BackgroundWorkSharesTheLoopAndEndsInAShutdownHook) {
  RunningServer s;
  boost::asio::steady_timer timer(s.server().io_context());
  std::atomic<int> ticks{0};
  // A wait that completed just before cancel() still runs with success: the flag stops it.
  std::atomic<bool> stopping{false};
  std::function<void()> arm = [&] {
    timer.expires_after(10ms);
    timer.async_wait([&](boost::system::error_code ec) {
      if (ec || stopping) return;
      ++ticks;
      arm();
    });
  };
  arm();
  bool hook_ran = false;
  s.server().on_shutdown([&] {
    hook_ran = true;
    stopping = true;
    timer.cancel();
  });
  s.start();
  std::this_thread::sleep_for(100ms);
  EXPECT_GT(ticks, 2);
  EXPECT_TRUE(s.stop_and_join(2s));
  EXPECT_TRUE(hook_ran);
}

}  // namespace
}  // namespace tafel::http
