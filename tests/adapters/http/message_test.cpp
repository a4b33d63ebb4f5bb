// Request/response helpers, listen addresses and the access log format.

#include "adapters/http/message.hpp"

#include "adapters/http/access_log.hpp"
#include "adapters/http/listen_address.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tafel::http {
namespace {

TEST(SplitTarget, OriginAndAbsoluteForms) {
  auto p = split_target("/a/b?x=1&y=2");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "/a/b");
  EXPECT_EQ(p->query, "x=1&y=2");
  p = split_target("/");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "/");
  EXPECT_EQ(p->query, "");
  p = split_target("http://example.nl/healthz?q");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "/healthz");
  EXPECT_EQ(p->query, "q");
  p = split_target("HTTPS://example.nl");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "/");
  EXPECT_FALSE(split_target("*"));
  EXPECT_FALSE(split_target("healthz"));
  EXPECT_FALSE(split_target(""));
}

TEST(Headers, CaseInsensitiveLookupAndReplace) {
  Response r;
  r.set_header("X-Test", "1");
  r.set_header("x-test", "2");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.header("X-TEST"), "2");
  r.set_default_header("X-Test", "3");
  EXPECT_EQ(r.header("x-test"), "2");
  Request q;
  q.headers.push_back({"Content-Type", "text/plain"});
  EXPECT_EQ(q.header("content-type"), "text/plain");
  EXPECT_FALSE(q.header("accept"));
}

TEST(ErrorResponse, UniformJsonShape) {
  const auto r = error_response(413, "request body too large");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(
      nlohmann::json::parse(r.body),
      nlohmann::json::parse(R"({"error":{"status":413,"message":"request body too large"}})"));
}

TEST(ListenAddress, ParsesIpv4AndBracketedIpv6) {
  auto a = parse_listen_address("127.0.0.1:8080");
  ASSERT_TRUE(a) << a.error();
  EXPECT_EQ(*a, (ListenAddress{"127.0.0.1", 8080, false}));
  a = parse_listen_address("[::1]:0");
  ASSERT_TRUE(a) << a.error();
  EXPECT_EQ(*a, (ListenAddress{"::1", 0, true}));
  EXPECT_EQ(format_listen_address(*a), "[::1]:0");
  EXPECT_EQ(format_listen_address({"0.0.0.0", 65535, false}), "0.0.0.0:65535");
}

TEST(ListenAddress, RejectsWithAReason) {
  for (const char* bad : {"", "8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
                          "127.0.0.1:80x", ":8080", "::1:8080", "[::1]", "[::1]8080",
                          "[127.0.0.1]:80", "localhost:8080", "256.0.0.1:80"}) {
    const auto a = parse_listen_address(bad);
    EXPECT_FALSE(a) << bad;
    if (!a) {
      EXPECT_NE(a.error().find("ADDRESS:PORT"), std::string::npos) << a.error();
    }
  }
  EXPECT_NE(parse_listen_address("::1:8080").error().find("brackets"), std::string::npos);
}

TEST(AccessLog, OneJsonObjectWithoutExtras) {
  AccessLogEntry e{"GET", "/rsvp/{token}", 200, std::chrono::microseconds(1500)};
  const auto line = format_access_log_line(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["log"], "access");
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["path"], "/rsvp/{token}");
  EXPECT_EQ(j["status"], 200);
  EXPECT_DOUBLE_EQ(j["duration_ms"].get<double>(), 1.5);
  EXPECT_EQ(j.size(), 5u);
}

TEST(AccessLog, HostilePathsStayOneValidLine) {
  AccessLogEntry e{"GET", std::string("/a\n\"b\xff") + std::string(1000, 'x'), 404, {}};
  const auto line = format_access_log_line(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto j = nlohmann::json::parse(line);
  EXPECT_LE(j["path"].get<std::string>().size(), 210u);
}

}  // namespace
}  // namespace tafel::http
