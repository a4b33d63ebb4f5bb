#include "adapters/webhooks/whatsapp_service.hpp"

#include "adapters/webhooks/delivery_inbox.hpp"
#include "adapters/webhooks/group_commit.hpp"
#include "adapters/webhooks/inbox_worker.hpp"
#include "adapters/webhooks/whatsapp_route.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

namespace tafel::webhooks {

struct WhatsAppService::Impl {
  WhatsAppSecrets secrets;
  std::shared_ptr<DeliveryInbox> inbox;
  std::shared_ptr<GroupCommitter> committer;
  std::unique_ptr<InboxWorker> worker;
};

WhatsAppService::WhatsAppService(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WhatsAppService::~WhatsAppService() {
  // The committer first: it wakes the worker after each commit. The route keeps the (stopped)
  // committer, which answers 503 from then on.
  if (impl_ && impl_->committer) impl_->committer->stop();
  stop();
}

std::expected<std::unique_ptr<WhatsAppService>, std::string> WhatsAppService::start(
    const replies::ReplyContext* context, WhatsAppSecrets secrets, std::ostream& err) {
  auto impl = std::make_unique<Impl>();
  impl->secrets = std::move(secrets);
  if (!impl->secrets.configured()) {
    err << fmt::format("whatsapp webhook off: {} not set; {} answers 503\n",
                       describe_missing(impl->secrets), kWhatsAppPath)
        << std::flush;
    return std::unique_ptr<WhatsAppService>(new WhatsAppService(std::move(impl)));
  }
  if (!context)
    return std::unexpected(
        std::string("the WhatsApp webhook needs the message templates ([messaging] templates)"));
  const Config& config = context->config;
  try {
    impl->inbox = std::make_shared<DeliveryInbox>(config.database);
  } catch (const std::exception& e) {
    return std::unexpected(std::string(e.what()));
  }
  InboxWorker::Options opts;
  opts.database = config.database;
  opts.write_mutex = &impl->inbox->write_mutex();
  opts.context = context;
  opts.clock = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  opts.log = [](std::string_view line) { std::cerr << line << '\n' << std::flush; };
  impl->worker = std::make_unique<InboxWorker>(std::move(opts));
  GroupCommitter::Options commit;
  commit.provider = "whatsapp";
  commit.on_committed = [worker = impl->worker.get()] { worker->notify(); };
  commit.log = [](std::string_view line) { std::cerr << line << '\n' << std::flush; };
  impl->committer = std::make_shared<GroupCommitter>(impl->inbox, std::move(commit));
  return std::unique_ptr<WhatsAppService>(new WhatsAppService(std::move(impl)));
}

void WhatsAppService::register_routes(http::Router& router) {
  register_whatsapp_webhook(router, impl_->secrets, impl_->committer);
}

void WhatsAppService::stop() {
  if (impl_ && impl_->worker) impl_->worker->stop();
}

}  // namespace tafel::webhooks
