#pragma once
// Metrics in the Prometheus text exposition format 0.0.4, served at `GET /metrics`.
//
// A MetricsRegistry holds metric families (counters and gauges) with labelled samples. Any part
// of the daemon may declare its own families and update them; collectors refresh values that are
// read from elsewhere (the database, the server) at every scrape.
//
// No personal data: label values must be bounded sets of ids or names of things (route patterns,
// channels, states, network names), never a person's name, address, phone number or a token.
//
// Thread-safety: every member function may be called from any thread at any time. Collectors run
// one scrape at a time, outside the registry's lock, so they may call set()/add().

#include "adapters/http/router.hpp"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tafel::http {

inline constexpr std::string_view kPrometheusContentType =
    "text/plain; version=0.0.4; charset=utf-8";

class MetricsRegistry {
 public:
  enum class Type { counter, gauge };
  // Label name -> value; the order given is the order rendered.
  using Labels = std::vector<std::pair<std::string, std::string>>;
  using Collector = std::function<void(MetricsRegistry&)>;

  // Declares a family. Declaring it again with the same type is a no-op; an invalid metric or a
  // different type throws std::invalid_argument (a start-up programming error).
  void declare(std::string name, Type type, std::string help);

  // Adds `delta` to a sample (created at 0). Throws std::invalid_argument for an undeclared
  // family or an invalid label name.
  void add(std::string_view name, const Labels& labels = {}, double delta = 1);
  // Sets a sample to `value` (gauges; also counters mirrored from a monotonic source).
  void set(std::string_view name, const Labels& labels, double value);
  // Drops every sample of a family, e.g. before a collector sets the current set of gauges.
  void clear(std::string_view name);

  // The current value of a sample, 0 when absent (for tests and collectors).
  double value(std::string_view name, const Labels& labels = {}) const;

  // Runs before every render(); keeps `collector` for the registry's lifetime.
  void add_collector(Collector collector);

  // Runs the collectors, then formats every family (sorted by name, samples by labels).
  std::string render();

 private:
  struct Family {
    Type type = Type::counter;
    std::string help;
    std::map<Labels, double> samples;
  };
  Family& family(std::string_view name);  // caller holds mutex_

  mutable std::mutex mutex_;
  std::map<std::string, Family, std::less<>> families_;
  std::mutex collect_mutex_;  // one scrape's collectors at a time
  std::vector<Collector> collectors_;
};

// Adds GET /metrics; the router keeps `registry` alive.
void register_metrics_route(Router& router, std::shared_ptr<MetricsRegistry> registry);

}  // namespace tafel::http
