#include "adapters/cli/dispatch_service.hpp"

#include "adapters/cli/commands.hpp"
#include "adapters/cli/senders.hpp"
#include "adapters/links/reply_address.hpp"
#include "adapters/outbox/dispatch_loop.hpp"
#include "adapters/outbox/fallback_render.hpp"
#include "adapters/outbox/outreach_planner.hpp"
#include "adapters/store/outbox_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace tafel {

namespace {

// One JSON line on stderr, like the access log; never personal data.
void log_line(const nlohmann::json& j) { std::cerr << j.dump() << "\n" << std::flush; }

}  // namespace

class DispatchService {
 public:
  // `reply` is null without message templates: the loop then only sends what is queued.
  DispatchService(const Config& cfg, const replies::ReplyContext* reply, Store store)
      : cfg_(cfg), reply_(reply), store_(std::move(store)) {}

  void start(boost::asio::io_context& ioc, outbox::SenderChoice senders) {
    outbox::DispatchLoopOptions o;
    o.retry = {cfg_.messaging.max_attempts, cfg_.messaging.retry_base_seconds,
               cfg_.messaging.retry_max_seconds};
    o.limits = outbox::DispatchLimits::from_config(cfg_.messaging);
    o.workers = 3;
    if (reply_) {
      // A failed WhatsApp message without an email twin is rendered for email on the spot.
      o.fallback = outbox::make_fallback_renderer(
          store_, {cfg_, reply_->zone, reply_->templates, reply_->link_key});
      o.plan = [this](std::int64_t now) {
        const outbox::OutreachSetup setup{cfg_, reply_->zone, reply_->templates, reply_->link_key,
                                          [] { return links::new_reply_address_id(); }};
        const auto r = outbox::enqueue_due_messages(store_, setup, now);
        // Time passing: offers expire, quorum checks run, sessions start.
        SQLite::Transaction tx(store_.db());
        const int advanced = replies::advance_sessions(store_.db(), *reply_, now);
        tx.commit();
        if (r.enqueued > 0 || advanced > 0 || !r.problems.empty())
          log_line({{"event", "outreach_planned"},
                    {"invitations", r.invitations_created},
                    {"enqueued", r.enqueued + advanced},
                    {"problems", r.problems.size()}});
      };
    }
    o.log = [](const std::string& line) {
      log_line({{"event", "dispatch_error"}, {"detail", line}});
    };
    loop_ = std::make_unique<outbox::DispatchLoop>(ioc, store_, std::move(senders.email),
                                                   std::move(senders.whatsapp), std::move(o));
    loop_->start();
  }

  void stop() {
    if (loop_)
      loop_->stop([this] {
        const auto r = loop_->report();
        log_line({{"event", "dispatch_stopped"},
                  {"sent", r.sent},
                  {"retried", r.retried},
                  {"failed", r.failed}});
      });
  }

  Store& store() { return store_; }

 private:
  const Config& cfg_;
  const replies::ReplyContext* reply_;
  Store store_;
  std::unique_ptr<outbox::DispatchLoop> loop_;
};

std::shared_ptr<DispatchService> start_dispatch_service(CliContext& ctx, http::Server& server) {
  const Config& cfg = ctx.config();
  if (!cfg.messaging.dispatch) return nullptr;
  // Without a templates folder (a bare test configuration) the loop only sends what is queued;
  // a folder with broken templates is a start-up error.
  const replies::ReplyContext* reply = ctx.has_templates() ? &ctx.reply_context() : nullptr;
  auto senders = choose_senders_or_exit(cfg);
  // Its own connection: the loop's strand is the only user.
  auto store = Store::open(cfg.database);
  if (!store) throw CommandExit{kExitFailure, store.error().message};

  // Rows a crash left in flight go back to pending: these few may be sent twice.
  std::vector<std::int64_t> ids;
  {
    SQLite::Statement q(store->db(), "SELECT id FROM outbox WHERE state = 'in_flight' ORDER BY id");
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  }
  const int requeued = requeue_in_flight(*store);
  if (requeued > 0) log_line({{"event", "outbox_requeued"}, {"count", requeued}, {"ids", ids}});
  if (!senders.note.empty()) log_line({{"event", "dispatch_note"}, {"detail", senders.note}});

  auto service = std::make_shared<DispatchService>(cfg, reply, std::move(*store));
  service->start(server.io_context(), std::move(senders.choice));
  server.on_shutdown([weak = std::weak_ptr<DispatchService>(service)] {
    if (auto s = weak.lock()) s->stop();
  });
  return service;
}

}  // namespace tafel
