#include "adapters/http/request_metrics.hpp"

#include "adapters/http/server.hpp"

namespace tafel::http {

namespace {

constexpr std::string_view kRequests = "tafel_http_requests_total";
constexpr std::string_view kDuration = "tafel_http_request_duration_seconds_total";
constexpr std::string_view kRejected = "tafel_http_rejected_connections_total";
constexpr std::string_view kOpen = "tafel_http_open_connections";
constexpr std::string_view kWebhooks = "tafel_webhook_requests_total";
constexpr std::string_view kWebhookPrefix = "/webhooks/";

}  // namespace

RequestCounter::RequestCounter(std::shared_ptr<MetricsRegistry> registry, AccessLogSink next)
    : registry_(std::move(registry)), next_(std::move(next)) {
  registry_->declare(std::string(kRequests), MetricsRegistry::Type::counter,
                     "HTTP requests answered, by route pattern and status.");
  registry_->declare(std::string(kDuration), MetricsRegistry::Type::counter,
                     "Time spent answering HTTP requests, by route pattern.");
  registry_->declare(std::string(kWebhooks), MetricsRegistry::Type::counter,
                     "Webhook POSTs by provider and outcome (accepted, rejected, failed).");
}

void RequestCounter::learn_routes(const Router& router) {
  for (const auto& r : router.routes()) patterns_.insert(r.pattern);
}

void RequestCounter::operator()(const AccessLogEntry& entry) const {
  const std::string route = patterns_.contains(entry.path) ? entry.path : "unmatched";
  registry_->add(kRequests, {{"route", route}, {"status", std::to_string(entry.status)}});
  registry_->add(kDuration, {{"route", route}},
                 std::chrono::duration<double>(entry.duration).count());
  if (route.starts_with(kWebhookPrefix) && entry.method == "POST") {
    const std::string provider = route.substr(kWebhookPrefix.size());
    const char* outcome = entry.status < 400   ? "accepted"
                          : entry.status < 500 ? "rejected"
                                               : "failed";
    registry_->add(kWebhooks, {{"provider", provider}, {"outcome", outcome}});
  }
  if (next_) next_(entry);
}

void add_server_collector(MetricsRegistry& registry, const Server& server) {
  registry.declare(std::string(kRejected), MetricsRegistry::Type::counter,
                   "Connections refused with 503 because the connection limit was reached.");
  registry.declare(std::string(kOpen), MetricsRegistry::Type::gauge,
                   "Connections open at the time of the scrape.");
  registry.add_collector([&server](MetricsRegistry& r) {
    r.set(kRejected, {}, static_cast<double>(server.rejected_connections()));
    r.set(kOpen, {}, static_cast<double>(server.open_connections()));
  });
}

}  // namespace tafel::http
