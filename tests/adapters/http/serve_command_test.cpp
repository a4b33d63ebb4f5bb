// The real `tafelplanner serve` as a child process, over real HTTP.

#include "tests/support/daemon_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <thread>

namespace tafel {
namespace {

using namespace std::chrono_literals;
using testing::DaemonProcess;
using testing::HttpConnection;
using testing::make_request;

class Serve : public ::testing::Test {
 protected:
  // Starts the daemon on 127.0.0.1:0 (plus `extra` arguments) and waits until it listens.
  std::unique_ptr<DaemonProcess> start(std::vector<std::string> extra = {},
                                       std::string listen = "127.0.0.1:0") {
    const auto config = testing::write_test_config(dir_);
    std::vector<std::string> args{"--config", config.string(), "serve", "--listen", listen};
    args.insert(args.end(), extra.begin(), extra.end());
    auto d = std::make_unique<DaemonProcess>(TAFEL_BINARY, args);
    EXPECT_TRUE(d->started());
    EXPECT_TRUE(d->wait_ready()) << d->stderr_text();
    return d;
  }

  std::optional<testing::HttpResponse> get(const DaemonProcess& d, std::string_view target) {
    return testing::http_request(d.host(), d.port(), "GET", target);
  }

  testing::TempDir dir_;
};

TEST_F(Serve, HealthzAnswersOkAndTheStoreIsMigratedBeforeServing) {
  auto d = start();
  EXPECT_NE(d->port(), 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "tafel.db"));
  const auto r = get(*d, "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body), nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  EXPECT_EQ(r->header("X-Content-Type-Options"), "nosniff");

  const auto head = testing::http_request(d->host(), d->port(), "HEAD", "/healthz");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("Content-Length"), "15");
}

TEST_F(Serve, UnknownPathIs404AndWrongMethod405) {
  auto d = start();
  auto r = get(*d, "/no/such/page");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["status"], 404);
  r = testing::http_request(d->host(), d->port(), "DELETE", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("Allow"), "GET, HEAD");
}

TEST_F(Serve, BodiesUpTo1MiBAreReadLargerOnesGet413) {
  auto d = start();
  // /healthz takes no POST: a body that is read gives 405, one over the limit 413.
  auto r = testing::http_request(d->host(), d->port(), "POST", "/healthz",
                                 std::string(1024 * 1024, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  r = testing::http_request(d->host(), d->port(), "POST", "/healthz",
                            std::string(1024 * 1024 + 1, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["status"], 413);
}

TEST_F(Serve, AccessLogIsJsonWithoutQueryOrPeer) {
  auto d = start();
  ASSERT_TRUE(get(*d, "/healthz?email=jan@example.nl"));
  ASSERT_TRUE(d->wait_for_stderr("\"status\":200"));
  const auto err = d->stderr_text();
  EXPECT_EQ(err.find("jan@example.nl"), std::string::npos);
  EXPECT_EQ(err.find("email"), std::string::npos);
  const auto line_start = err.find("{\"");
  ASSERT_NE(line_start, std::string::npos);
  const auto j =
      nlohmann::json::parse(err.substr(line_start, err.find('\n', line_start) - line_start));
  EXPECT_EQ(j["path"], "/healthz");
  EXPECT_EQ(j["method"], "GET");
}

TEST_F(Serve, SigtermLetsTheRequestInFlightFinishThenExitsZero) {
  auto d = start();
  auto c = HttpConnection::connect(d->host(), d->port());
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->send("GET /healthz HTTP/1.1\r\nHost: t\r\n"));  // headers not finished yet
  std::this_thread::sleep_for(200ms);
  d->signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(d->wait_exit(0ms)) << "exited with a request in flight";
  ASSERT_TRUE(c->send("\r\n"));
  const auto r = c->read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_EQ(d->wait_exit(5s), 0) << d->stderr_text();
}

TEST_F(Serve, SigtermWithIdleConnectionsExitsZeroPromptly) {
  auto d = start();
  auto c = HttpConnection::connect(d->host(), d->port());
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->send(make_request("GET", "/healthz")));
  ASSERT_TRUE(c->read_response());  // keep-alive connection now idle
  const auto t0 = std::chrono::steady_clock::now();
  d->signal(SIGTERM);
  EXPECT_EQ(d->wait_exit(5s), 0) << d->stderr_text();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
  EXPECT_TRUE(c->wait_closed(1s));
}

TEST_F(Serve, SigintAlsoExitsZero) {
  auto d = start();
  d->signal(SIGINT);
  EXPECT_EQ(d->wait_exit(5s), 0) << d->stderr_text();
}

TEST_F(Serve, MaxConnectionsGives503) {
  auto d = start({"--max-connections", "1"});
  auto held = HttpConnection::connect(d->host(), d->port());
  ASSERT_TRUE(held);
  ASSERT_TRUE(held->send(make_request("GET", "/healthz")));
  ASSERT_TRUE(held->read_response());
  const auto r = get(*d, "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
}

TEST_F(Serve, Ipv6LoopbackInBrackets) {
  const auto config = testing::write_test_config(dir_);
  DaemonProcess d(TAFEL_BINARY, {"--config", config.string(), "serve", "--listen", "[::1]:0"});
  if (!d.wait_ready(10s)) {
    if (d.stderr_text().find("cannot listen") != std::string::npos)
      GTEST_SKIP() << "no IPv6 loopback here: " << d.stderr_text();
    FAIL() << d.stderr_text();
  }
  EXPECT_NE(d.stderr_text().find("listening on http://[::1]:"), std::string::npos);
  EXPECT_EQ(d.host(), "::1");
  const auto r = testing::http_request("::1", d.port(), "GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(Serve, ListenFromTheConfiguration) {
  const auto config = testing::write_test_config(dir_, "listen = \"127.0.0.1:0\"\n");
  DaemonProcess d(TAFEL_BINARY, {"--config", config.string(), "serve"});
  ASSERT_TRUE(d.wait_ready()) << d.stderr_text();
  EXPECT_EQ(d.host(), "127.0.0.1");
  EXPECT_TRUE(testing::http_request(d.host(), d.port(), "GET", "/healthz"));
}

TEST_F(Serve, BadListenExitsTwoNamingTheOption) {
  const auto config = testing::write_test_config(dir_);
  for (const char* bad : {"nonsense", "127.0.0.1:99999", "::1:80"}) {
    const auto r =
        DaemonProcess::run(TAFEL_BINARY, {"--config", config.string(), "serve", "--listen", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
  }
}

TEST_F(Serve, BadListenInTheConfigurationNamesTheKey) {
  const auto config = testing::write_test_config(dir_, "listen = \"localhost\"\n");
  const auto r = DaemonProcess::run(TAFEL_BINARY, {"--config", config.string(), "serve"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("listen"), std::string::npos) << r.err;
}

TEST_F(Serve, PortInUseExitsOne) {
  auto first = start();
  const auto taken = "127.0.0.1:" + std::to_string(first->port());
  const auto config = testing::write_test_config(dir_);
  const auto r =
      DaemonProcess::run(TAFEL_BINARY, {"--config", config.string(), "serve", "--listen", taken});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("cannot listen on " + taken), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tafel
