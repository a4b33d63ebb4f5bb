// `tafelplanner serve`: opens the store (running migrations), then serves HTTP until SIGTERM or
// SIGINT: /healthz, /readyz, /metrics and /privacy besides the routes of the other parts. Prints
// exactly one line to stderr when ready: `listening on http://ADDR:PORT` (with the real port when 0
// was asked); the access log follows as JSON lines.

#include "adapters/cli/commands.hpp"
#include "adapters/http/health.hpp"
#include "adapters/http/listen_address.hpp"
#include "adapters/http/metrics.hpp"
#include "adapters/http/privacy.hpp"
#include "adapters/http/readiness.hpp"
#include "adapters/http/request_metrics.hpp"
#include "adapters/http/server.hpp"
#include "adapters/http/store_metrics.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace tafel {

namespace {

struct ServeArgs {
  std::string listen;  // empty: from the configuration
  int threads = 1;
  std::size_t max_connections = http::ServerOptions{}.max_connections;
  std::size_t max_body = http::ServerOptions{}.body_limit;
};

void serve(CliContext& ctx, const ServeArgs& args) {
  const Config& cfg = ctx.config();
  const bool from_flag = !args.listen.empty();
  const auto address = http::parse_listen_address(from_flag ? args.listen : cfg.listen);
  if (!address) {
    const std::string where =
        from_flag ? "--listen" : fmt::format("{}: listen", cfg.source.string());
    throw CommandExit{kExitBadInput, fmt::format("{}: {}", where, address.error())};
  }

  ctx.store();  // migrations run before anything is served
  auto privacy = http::load_privacy_page(cfg.messaging.templates_dir, http::privacy_facts(cfg));
  if (!privacy) throw CommandExit{kExitBadInput, privacy.error()};
  auto metrics = std::make_shared<http::MetricsRegistry>();
  auto counter = std::make_shared<http::RequestCounter>(metrics, http::log_access_to_stderr);

  http::ServerOptions options;
  options.threads = args.threads;
  options.max_connections = args.max_connections;
  options.body_limit = args.max_body;
  options.access_log = [counter](const http::AccessLogEntry& e) { (*counter)(e); };
  http::Server server(options);
  http::register_health_routes(server.router());
  http::register_readiness_route(server.router(),
                                 std::make_shared<http::ReadinessProbe>(cfg.database));
  http::register_privacy_route(server.router(), std::move(*privacy));
  http::add_store_collector(*metrics, cfg.database);
  http::add_server_collector(*metrics, server);
  http::register_metrics_route(server.router(), metrics);
  counter->learn_routes(server.router());  // after the last route

  const auto bound = server.listen(*address);
  if (!bound) throw CommandExit{kExitFailure, bound.error()};
  std::cerr << fmt::format("listening on http://{}\n", http::format_listen_address(*bound))
            << std::flush;
  server.run();
}

}  // namespace

void register_serve_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand(
      "serve", "Run the daemon: the HTTP server (GET /healthz) until SIGTERM or SIGINT");
  cmd->add_option("--listen", args->listen,
                  "ADDRESS:PORT to listen on, e.g. 127.0.0.1:8080 or [::1]:8080; port 0 picks a "
                  "free port (default: `listen` from the configuration)");
  cmd->add_option("--threads", args->threads, "Threads serving requests")->check(CLI::Range(1, 64));
  cmd->add_option("--max-connections", args->max_connections,
                  "Connections served at once; more get 503")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  cmd->add_option("--max-body", args->max_body, "Largest request body in bytes; larger get 413")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 30));
  cmd->callback([&ctx, args] { serve(ctx, *args); });
}

}  // namespace tafel
