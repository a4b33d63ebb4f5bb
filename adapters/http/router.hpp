#pragma once
// Maps method + path to a handler. Handlers are pure functions of the request; the Router adds
// 404 and 405 answers, HEAD for every GET route, and turns a handler's exception into a 500.
// An asynchronous handler (add_async) answers later, from any thread, through a Respond callback
// (the webhook answers once its delivery is committed); the server sends that answer on the
// connection's strand and keeps the connection waiting, without blocking a thread, meanwhile.
//
// Patterns are literal paths ("/healthz") or have whole-segment parameters in braces
// ("/rsvp/{token}"), which match one non-empty segment and land in Request::params (still
// percent-encoded). A literal segment wins over a parameter at the same place.
//
// Thread-safety: add() only before the server runs; after that the Router is read-only and
// match()/handle() may be called from any thread. Handlers may run on several threads at once
// when the server has more than one thread.

#include "adapters/http/message.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tafel::http {

using Handler = std::function<Response(const Request&)>;

// Completes a request. The Respond an asynchronous handler is given is copyable and thread-safe:
// its first call answers, later calls are ignored.
using Respond = std::function<void(Response)>;
// A handler that answers later: it must call `respond` exactly once, from any thread (the request
// hangs until it does), or throw without having called it (-> 500).
using AsyncHandler = std::function<void(Request request, Respond respond)>;

struct RouteOptions {
  // Largest request body this route accepts (larger -> 413); nullopt: the server's default.
  std::optional<std::size_t> body_limit;
};

class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // pattern split at '/'
    // Exactly one of the two is set.
    Handler handler;
    AsyncHandler async_handler;
    RouteOptions options;
  };

  enum class MatchKind { found, not_found, method_not_allowed };

  struct Match {
    MatchKind kind = MatchKind::not_found;
    const Route* route = nullptr;  // set when found; valid as long as the Router
    std::map<std::string, std::string, std::less<>> params;
    std::string allow;  // for method_not_allowed: "GET, HEAD"
  };

  // Registers a route. A pattern must start with '/'; registering the same method and pattern
  // twice, or a malformed pattern, throws std::invalid_argument (a start-up programming error).
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  void get(std::string pattern, Handler handler, RouteOptions options = {}) {
    add("GET", std::move(pattern), std::move(handler), options);
  }
  void post(std::string pattern, Handler handler, RouteOptions options = {}) {
    add("POST", std::move(pattern), std::move(handler), options);
  }
  // Registers an asynchronous handler; same rules as add().
  void add_async(std::string method, std::string pattern, AsyncHandler handler,
                 RouteOptions options = {});

  // Finds the route for `method` and `path` (no query string). HEAD falls back to GET.
  Match match(std::string_view method, std::string_view path) const;

  // Runs the matched route's handler on `request` (params filled in), or answers 404/405.
  // A handler that throws gives a 500 without details. For an asynchronous route it blocks the
  // calling thread until the handler responds (for tests and tools; the server uses
  // invoke_async).
  Response invoke(const Match& match, Request request) const;

  // Like invoke(), but the answer goes to `done`, exactly once: at once (inline, on the calling
  // thread) for 404/405 and synchronous routes, later and possibly from another thread for an
  // asynchronous route.
  void invoke_async(const Match& match, Request request, Respond done) const;

  // match() then invoke(): the whole pure request -> response step.
  Response handle(Request request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  void add_route(Route route);

  std::vector<Route> routes_;
};

}  // namespace tafel::http
