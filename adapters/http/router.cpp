#include "adapters/http/router.hpp"

#include <fmt/format.h>

#include <atomic>
#include <future>
#include <memory>
#include <set>
#include <stdexcept>

namespace tafel::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  path.remove_prefix(1);  // leading '/'
  while (true) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How well `route` matches `path`: nullopt when it does not; otherwise a score where literal
// segments rank above parameters, compared left to right.
std::optional<std::vector<int>> score(const Router::Route& route,
                                      const std::vector<std::string_view>& path) {
  if (route.segments.size() != path.size()) return std::nullopt;
  std::vector<int> s;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const auto& seg = route.segments[i];
    if (is_param(seg)) {
      if (path[i].empty()) return std::nullopt;
      s.push_back(0);
    } else {
      if (seg != path[i]) return std::nullopt;
      s.push_back(1);
    }
  }
  return s;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  add_route(Route{std::move(method), std::move(pattern), {}, std::move(handler), {}, options});
}

void Router::add_async(std::string method, std::string pattern, AsyncHandler handler,
                       RouteOptions options) {
  add_route(Route{std::move(method), std::move(pattern), {}, {}, std::move(handler), options});
}

void Router::add_route(Route route) {
  const std::string& method = route.method;
  const std::string& pattern = route.pattern;
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument(fmt::format("route pattern '{}' must start with '/'", pattern));
  if (method.empty()) throw std::invalid_argument("route method must not be empty");
  for (const auto& r : routes_)
    if (r.method == method && r.pattern == pattern)
      throw std::invalid_argument(fmt::format("route {} {} registered twice", method, pattern));
  if (!route.handler == !route.async_handler)
    throw std::invalid_argument(
        fmt::format("route {} {} needs exactly one handler", method, pattern));
  for (auto seg : split_path(route.pattern)) {
    if (seg.find_first_of("{}") != std::string_view::npos && !is_param(seg))
      throw std::invalid_argument(fmt::format("route pattern '{}': bad segment", route.pattern));
    route.segments.emplace_back(seg);
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  if (path.empty() || path.front() != '/') return m;
  const auto parts = split_path(path);

  // The best-scoring pattern wins; among routes with that pattern, the method decides.
  std::optional<std::vector<int>> best;
  for (const auto& r : routes_) {
    auto s = score(r, parts);
    if (s && (!best || *s > *best)) best = std::move(s);
  }
  if (!best) return m;

  const Route* exact = nullptr;
  const Route* get = nullptr;
  std::set<std::string> allowed;
  for (const auto& r : routes_) {
    if (score(r, parts) != best) continue;
    allowed.insert(r.method);
    if (r.method == "GET") allowed.insert("HEAD");
    if (r.method == method) exact = &r;
    if (r.method == "GET") get = &r;
  }
  const Route* chosen = exact ? exact : (method == "HEAD" ? get : nullptr);
  if (!chosen) {
    m.kind = MatchKind::method_not_allowed;
    for (const auto& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
    return m;
  }
  m.kind = MatchKind::found;
  m.route = chosen;
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (is_param(chosen->segments[i]))
      m.params.emplace(chosen->segments[i].substr(1, chosen->segments[i].size() - 2), parts[i]);
  return m;
}

Response Router::invoke(const Match& match, Request request) const {
  switch (match.kind) {
    case MatchKind::not_found:
      return error_response(404, "not found");
    case MatchKind::method_not_allowed: {
      auto r = error_response(405, "method not allowed");
      r.set_header("Allow", match.allow);
      return r;
    }
    case MatchKind::found:
      break;
  }
  request.params = match.params;
  if (match.route->async_handler) {
    // Shared: the responding thread may still be inside set_value() when get() returns.
    auto promise = std::make_shared<std::promise<Response>>();
    auto answer = promise->get_future();
    invoke_async(match, std::move(request),
                 [promise](Response response) { promise->set_value(std::move(response)); });
    return answer.get();
  }
  try {
    return match.route->handler(request);
  } catch (const std::exception&) {
    // The message may carry request data, so it is not echoed or logged here.
    return error_response(500, "internal error");
  }
}

void Router::invoke_async(const Match& match, Request request, Respond done) const {
  if (match.kind != MatchKind::found || !match.route->async_handler)
    return done(invoke(match, std::move(request)));
  request.params = match.params;
  // The first answer wins: a handler that responded and then threw is not answered twice.
  auto answered = std::make_shared<std::atomic<bool>>(false);
  Respond once = [answered, done = std::move(done)](Response response) {
    if (!answered->exchange(true)) done(std::move(response));
  };
  try {
    match.route->async_handler(std::move(request), once);
  } catch (const std::exception&) {
    once(error_response(500, "internal error"));
  }
}

Response Router::handle(Request request) const {
  const auto m = match(request.method, request.path);
  return invoke(m, std::move(request));
}

}  // namespace tafel::http
