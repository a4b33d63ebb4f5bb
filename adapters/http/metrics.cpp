#include "adapters/http/metrics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace tafel::http {

namespace {

bool valid_name(std::string_view name, bool allow_colon) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':');
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void check_labels(const MetricsRegistry::Labels& labels) {
  for (const auto& [name, value] : labels)
    if (!valid_name(name, false) || name.starts_with("__"))
      throw std::invalid_argument(fmt::format("invalid metric label name '{}'", name));
}

std::string escape(std::string_view text, bool quote) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (quote && c == '"')
      out += "\\\"";
    else
      out += c;
  }
  return out;
}

std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

}  // namespace

void MetricsRegistry::declare(std::string name, Type type, std::string help) {
  if (!valid_name(name, true))
    throw std::invalid_argument(fmt::format("invalid metric name '{}'", name));
  std::lock_guard lock(mutex_);
  const auto it = families_.find(name);
  if (it != families_.end()) {
    if (it->second.type != type)
      throw std::invalid_argument(fmt::format("metric '{}' declared with two types", name));
    return;
  }
  families_.emplace(std::move(name), Family{type, std::move(help), {}});
}

MetricsRegistry::Family& MetricsRegistry::family(std::string_view name) {
  const auto it = families_.find(name);
  if (it == families_.end())
    throw std::invalid_argument(fmt::format("metric '{}' is not declared", name));
  return it->second;
}

void MetricsRegistry::add(std::string_view name, const Labels& labels, double delta) {
  check_labels(labels);
  std::lock_guard lock(mutex_);
  family(name).samples[labels] += delta;
}

void MetricsRegistry::set(std::string_view name, const Labels& labels, double value) {
  check_labels(labels);
  std::lock_guard lock(mutex_);
  family(name).samples[labels] = value;
}

void MetricsRegistry::clear(std::string_view name) {
  std::lock_guard lock(mutex_);
  family(name).samples.clear();
}

double MetricsRegistry::value(std::string_view name, const Labels& labels) const {
  std::lock_guard lock(mutex_);
  const auto it = families_.find(name);
  if (it == families_.end()) return 0;
  const auto s = it->second.samples.find(labels);
  return s == it->second.samples.end() ? 0 : s->second;
}

void MetricsRegistry::add_collector(Collector collector) {
  std::lock_guard lock(collect_mutex_);
  collectors_.push_back(std::move(collector));
}

std::string MetricsRegistry::render() {
  {
    std::lock_guard lock(collect_mutex_);
    for (const auto& c : collectors_) c(*this);
  }
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, f] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape(f.help, false), name,
                       f.type == Type::counter ? "counter" : "gauge");
    for (const auto& [labels, v] : f.samples) {
      out += name;
      if (!labels.empty()) {
        out += '{';
        for (std::size_t i = 0; i < labels.size(); ++i)
          out += fmt::format("{}{}=\"{}\"", i ? "," : "", labels[i].first,
                             escape(labels[i].second, true));
        out += '}';
      }
      out += ' ' + format_value(v) + '\n';
    }
  }
  return out;
}

void register_metrics_route(Router& router, std::shared_ptr<MetricsRegistry> registry) {
  router.get("/metrics", [registry](const Request&) {
    Response r;
    r.status = 200;
    r.body = registry->render();
    r.set_header("Content-Type", std::string(kPrometheusContentType));
    return r;
  });
}

}  // namespace tafel::http
