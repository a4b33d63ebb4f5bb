// The handler layer without sockets: routing, 404/405, HEAD, parameters, errors, headers.

#include "adapters/http/router.hpp"

#include "adapters/http/health.hpp"
#include "adapters/http/security_headers.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <future>
#include <thread>
#include <vector>

namespace tafel::http {
namespace {

Request request(std::string method, std::string target) {
  Request r;
  r.method = std::move(method);
  r.target = target;
  auto parts = split_target(target);
  if (parts) {
    r.path = parts->path;
    r.query = parts->query;
  }
  return r;
}

Response text(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

TEST(Router, HealthzAnswersOkJson) {
  Router router;
  register_health_routes(router);
  const auto r = router.handle(request("GET", "/healthz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(r.body), nlohmann::json({{"status", "ok"}}));
}

TEST(Router, HeadFallsBackToGet) {
  Router router;
  register_health_routes(router);
  const auto m = router.match("HEAD", "/healthz");
  ASSERT_EQ(m.kind, Router::MatchKind::found);
  EXPECT_EQ(m.route->method, "GET");
  EXPECT_EQ(router.handle(request("HEAD", "/healthz")).status, 200);
}

TEST(Router, UnknownPathIs404WithJsonError) {
  Router router;
  register_health_routes(router);
  const auto r = router.handle(request("GET", "/nope"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["error"]["status"], 404);
  EXPECT_EQ(body["error"]["message"], "not found");
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router router;
  register_health_routes(router);
  router.post("/healthz-like", [](const Request&) { return text("x"); });
  const auto r = router.handle(request("DELETE", "/healthz"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD");
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["status"], 405);
}

TEST(Router, MethodsAreCaseSensitive) {
  Router router;
  register_health_routes(router);
  EXPECT_EQ(router.handle(request("get", "/healthz")).status, 405);
}

TEST(Router, QueryStringDoesNotAffectRouting) {
  Router router;
  register_health_routes(router);
  EXPECT_EQ(router.handle(request("GET", "/healthz?x=1&y=2")).status, 200);
}

TEST(Router, ParametersMatchOneSegmentAndReachTheHandler) {
  Router router;
  router.get("/rsvp/{token}",
             [](const Request& r) { return text("token=" + r.params.at("token")); });
  EXPECT_EQ(router.handle(request("GET", "/rsvp/abc123")).body, "token=abc123");
  EXPECT_EQ(router.handle(request("GET", "/rsvp/")).status, 404);
  EXPECT_EQ(router.handle(request("GET", "/rsvp/a/b")).status, 404);
  EXPECT_EQ(router.match("GET", "/rsvp/abc").route->pattern, "/rsvp/{token}");
}

TEST(Router, LiteralSegmentWinsOverParameter) {
  Router router;
  router.get("/api/sessions/{id}", [](const Request&) { return text("param"); });
  router.get("/api/sessions/new", [](const Request&) { return text("literal"); });
  EXPECT_EQ(router.handle(request("GET", "/api/sessions/new")).body, "literal");
  EXPECT_EQ(router.handle(request("GET", "/api/sessions/7")).body, "param");
}

TEST(Router, SeveralMethodsOnOnePath) {
  Router router;
  router.get("/x", [](const Request&) { return text("get"); });
  router.post("/x", [](const Request& r) { return text("post:" + r.body); });
  auto post = request("POST", "/x");
  post.body = "hi";
  EXPECT_EQ(router.handle(post).body, "post:hi");
  EXPECT_EQ(router.handle(request("GET", "/x")).body, "get");
  const auto r = router.handle(request("PUT", "/x"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, HEAD, POST");
}

TEST(Router, ThrowingHandlerGives500WithoutDetails) {
  Router router;
  router.get("/boom",
             [](const Request&) -> Response { throw std::runtime_error("secret@example.nl"); });
  const auto r = router.handle(request("GET", "/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST(Router, AsyncHandlerAnswersLaterFromAnotherThread) {
  Router router;
  std::vector<std::jthread> workers;
  router.add_async("POST", "/later", [&](Request r, Respond respond) {
    workers.emplace_back([body = r.body, respond] { respond(text("later:" + body)); });
  });
  auto post = request("POST", "/later");
  post.body = "x";
  // invoke_async hands the answer over whenever it comes.
  std::promise<Response> answer;
  router.invoke_async(router.match("POST", "/later"), post,
                      [&](Response r) { answer.set_value(std::move(r)); });
  EXPECT_EQ(answer.get_future().get().body, "later:x");
  // handle() blocks until it comes.
  EXPECT_EQ(router.handle(post).body, "later:x");
  EXPECT_EQ(router.handle(request("GET", "/later")).status, 405);
}

TEST(Router, InvokeAsyncAnswersSyncRoutesAndErrorsInline) {
  Router router;
  router.get("/now", [](const Request&) { return text("now"); });
  std::vector<int> statuses;
  const Respond keep = [&](Response r) { statuses.push_back(r.status); };
  router.invoke_async(router.match("GET", "/now"), request("GET", "/now"), keep);
  router.invoke_async(router.match("GET", "/nope"), request("GET", "/nope"), keep);
  router.invoke_async(router.match("POST", "/now"), request("POST", "/now"), keep);
  EXPECT_EQ(statuses, (std::vector<int>{200, 404, 405}));
}

TEST(Router, AsyncHandlerThatThrowsGives500AndIsAnsweredOnce) {
  Router router;
  router.add_async("GET", "/boom", [](Request, Respond) { throw std::runtime_error("x@y.nl"); });
  router.add_async("GET", "/twice", [](Request, Respond respond) {
    respond(text("first"));
    respond(text("second"));
    throw std::runtime_error("after answering");
  });
  EXPECT_EQ(router.handle(request("GET", "/boom")).status, 500);
  std::vector<std::string> bodies;
  router.invoke_async(router.match("GET", "/twice"), request("GET", "/twice"),
                      [&](Response r) { bodies.push_back(r.body); });
  EXPECT_EQ(bodies, (std::vector<std::string>{"first"}));
  EXPECT_THROW(router.add_async("GET", "/empty", AsyncHandler{}), std::invalid_argument);
}

TEST(Router, RejectsBadAndDuplicatePatterns) {
  Router router;
  router.get("/a", [](const Request&) { return text(""); });
  EXPECT_THROW(router.get("/a", [](const Request&) { return text(""); }), std::invalid_argument);
  EXPECT_THROW(router.get("a", [](const Request&) { return text(""); }), std::invalid_argument);
  EXPECT_THROW(router.get("/a{b}", [](const Request&) { return text(""); }), std::invalid_argument);
  EXPECT_NO_THROW(router.post("/a", [](const Request&) { return text(""); }));
}

TEST(Router, RouteBodyLimitIsVisibleInTheMatch) {
  Router router;
  router.post(
      "/webhooks/whatsapp", [](const Request&) { return text(""); }, RouteOptions{3 * 1024 * 1024});
  const auto m = router.match("POST", "/webhooks/whatsapp");
  ASSERT_EQ(m.kind, Router::MatchKind::found);
  EXPECT_EQ(m.route->options.body_limit, 3u * 1024 * 1024);
}

TEST(SecurityHeaders, DefaultsAreAddedButHandlerChoicesKept) {
  Response r = json_response(200, "{}");
  r.set_header("Content-Security-Policy", std::string(kHtmlContentSecurityPolicy));
  apply_default_headers(r);
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_EQ(r.header("Content-Security-Policy"), kHtmlContentSecurityPolicy);

  Response plain;
  apply_default_headers(plain);
  EXPECT_EQ(plain.header("Content-Security-Policy"), kStrictContentSecurityPolicy);
}

}  // namespace
}  // namespace tafel::http
