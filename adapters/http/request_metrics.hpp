#pragma once
// HTTP metrics of the daemon, fed from the access log and the server's counters:
//   tafel_http_requests_total{route,status}               counter
//   tafel_http_request_duration_seconds_total{route}      counter (sum of durations)
//   tafel_http_rejected_connections_total                 counter (503 at the connection limit)
//   tafel_http_open_connections                           gauge
//   tafel_webhook_requests_total{provider,outcome}        counter: POSTs to /webhooks/<provider>:
//                                                         accepted (2xx), rejected (4xx: bad
//                                                         signature, too large, malformed), failed
//                                                         (5xx: not configured, store error)
// `route` is the matched route pattern ("/rsvp/{token}") or "unmatched", so neither tokens nor
// arbitrary paths become label values.

#include "adapters/http/access_log.hpp"
#include "adapters/http/metrics.hpp"

#include <memory>
#include <set>
#include <string>

namespace tafel::http {

class Server;

// Counts each request in a registry, then passes it on to the next access-log sink (if any).
// Install it as ServerOptions::access_log (through a shared_ptr) before the Server exists, and
// call learn_routes() once every route is added, before run(). Calls are thread-safe afterwards.
class RequestCounter {
 public:
  RequestCounter(std::shared_ptr<MetricsRegistry> registry, AccessLogSink next);
  void learn_routes(const Router& router);
  void operator()(const AccessLogEntry& entry) const;

 private:
  std::shared_ptr<MetricsRegistry> registry_;
  AccessLogSink next_;
  std::set<std::string, std::less<>> patterns_;
};

// Mirrors the server's connection counters at every scrape. `server` must outlive `registry`'s
// use (true when the registry is served by this server's router).
void add_server_collector(MetricsRegistry& registry, const Server& server);

}  // namespace tafel::http
