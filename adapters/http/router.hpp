#pragma once
// Maps method + path to a handler. Handlers are pure functions of the request; the Router adds
// 404 and 405 answers, HEAD for every GET route, and turns a handler's exception into a 500.
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
    Handler handler;
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

  // Finds the route for `method` and `path` (no query string). HEAD falls back to GET.
  Match match(std::string_view method, std::string_view path) const;

  // Runs the matched route's handler on `request` (params filled in), or answers 404/405.
  // A handler that throws gives a 500 without details.
  Response invoke(const Match& match, Request request) const;

  // match() then invoke(): the whole pure request -> response step.
  Response handle(Request request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace tafel::http
