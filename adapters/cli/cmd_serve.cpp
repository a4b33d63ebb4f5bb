// `tafelplanner serve`: opens the store (running migrations), then serves HTTP until SIGTERM or
// SIGINT: /healthz, /readyz, /metrics and /privacy besides the routes of the other parts. Prints
// exactly one line to stderr when ready: `listening on http://ADDR:PORT` (with the real port when 0
// was asked); the access log follows as JSON lines.

#include "adapters/cli/commands.hpp"
#include "adapters/cli/daemon_jobs.hpp"
#include "adapters/cli/dispatch_service.hpp"
#include "adapters/cli/periodic_job.hpp"
#include "adapters/http/health.hpp"
#include "adapters/http/listen_address.hpp"
#include "adapters/http/metrics.hpp"
#include "adapters/http/privacy.hpp"
#include "adapters/http/readiness.hpp"
#include "adapters/http/request_metrics.hpp"
#include "adapters/http/server.hpp"
#include "adapters/http/store_metrics.hpp"
#include "adapters/pages/pages_routes.hpp"
#include "adapters/web/import_page.hpp"
#include "adapters/web/proposal_pages.hpp"
#include "adapters/web/web_routes.hpp"
#include "adapters/webhooks/whatsapp_service.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

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
  auto readiness = std::make_shared<http::ReadinessProbe>(cfg.database);
  if (cfg.messaging.dispatch)  // this daemon moves the queues: waiting work means trouble
    readiness->watch_queues(std::chrono::minutes(15), [] {
      return std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
          .count();
    });
  http::register_readiness_route(server.router(), readiness);
  http::register_privacy_route(server.router(), std::move(*privacy));
  http::add_store_collector(*metrics, cfg.database);
  http::add_server_collector(*metrics, server);
  http::register_metrics_route(server.router(), metrics);
  // What answers cause is rendered with the message templates: without a templates folder (a
  // bare test configuration) there are no pages and no webhook processing; a broken folder is a
  // start-up error.
  const replies::ReplyContext* reply = ctx.has_templates() ? &ctx.reply_context() : nullptr;
  auto whatsapp =
      webhooks::WhatsAppService::start(reply, webhooks::whatsapp_secrets_from_env(), std::cerr);
  if (!whatsapp) throw CommandExit{kExitBadInput, whatsapp.error()};
  (*whatsapp)->register_routes(server.router());
  server.on_shutdown([w = whatsapp->get()] { w->stop(); });
  if (reply) {  // the personal pages (RSVP, poll, opt-out)
    auto pages = pages::make_pages_setup(*reply);
    if (!pages) throw CommandExit{kExitBadInput, pages.error()};
    pages::register_pages_routes(server.router(), std::move(*pages));
  }
  // The coordinator web app (/inloggen, /beheer, /api/); its templates are compiled in.
  auto web_app = web::make_web_setup(cfg);
  if (!web_app) throw CommandExit{kExitBadInput, web_app.error()};
  web::register_web_routes(server.router(), *web_app);
  web::register_import_routes(server.router(), *web_app, cfg);
  web::register_proposal_routes(server.router(), std::move(*web_app), reply);  // needs `reply`
  counter->learn_routes(server.router());  // after the last route

  PeriodicJob retention(server.io_context(), "retention", std::chrono::minutes(5),
                        std::chrono::hours(24), [&cfg] { retention_pass(cfg); });
  retention.start();
  server.on_shutdown([&retention] { retention.stop(); });
  // The learning community's digest: "een kwartaal zonder nieuwsbrief" in the inbox.
  PeriodicJob digest_reminder(server.io_context(), "digest_reminder", std::chrono::minutes(6),
                              std::chrono::hours(24), [&cfg] { digest_reminder_pass(cfg); });
  digest_reminder.start();
  server.on_shutdown([&digest_reminder] { digest_reminder.stop(); });
  // Calendar feeds (calendar_url per network), each on its own schedule.
  std::vector<std::unique_ptr<PeriodicJob>> feeds;
  for (const auto& n : cfg.networks) {
    if (n.calendar_url.empty()) continue;
    feeds.push_back(std::make_unique<PeriodicJob>(server.io_context(), "feed_refresh",
                                                  std::chrono::seconds(10),
                                                  std::chrono::minutes(n.calendar_refresh_minutes),
                                                  [&cfg, &n] { feed_refresh_pass(cfg, n); }));
    feeds.back()->start();
  }
  server.on_shutdown([&feeds] {
    for (auto& f : feeds) f->stop();
  });
  std::optional<PeriodicJob> mail;  // [messaging.imap]: replies by mail
  if (reply && !cfg.messaging.imap.url.empty()) {
    mail.emplace(server.io_context(), "mail_intake", std::chrono::seconds(5),
                 std::chrono::seconds(cfg.messaging.imap.poll_seconds),
                 [reply] { mail_intake_pass(*reply); });
    mail->start();
    server.on_shutdown([&mail] { mail->stop(); });
  }

  // The outbox dispatcher on the same event loop; nullptr with [messaging] dispatch = false.
  const auto dispatcher = start_dispatch_service(ctx, server);

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
