#include "adapters/webhooks/inbox_worker.hpp"

#include "adapters/store/store.hpp"
#include "adapters/webhooks/whatsapp_processor.hpp"

#include <fmt/format.h>

#include <optional>

namespace tafel::webhooks {

InboxWorker::InboxWorker(Options options) : options_(std::move(options)) {
  thread_ = std::thread([this] { run(); });
}

InboxWorker::~InboxWorker() { stop(); }

void InboxWorker::notify() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  wake_.notify_one();
}

void InboxWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void InboxWorker::run() {
  const auto log = [this](std::string_view line) {
    if (options_.log) options_.log(line);
  };
  std::optional<Store> store;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.poll, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    try {
      if (!store) {
        auto opened = Store::open(options_.database);
        if (!opened) throw std::runtime_error(opened.error().message);
        store.emplace(std::move(*opened));
        // This worker checkpoints the WAL (below), outside the inbox's write mutex, so that the
        // checkpoint's fsyncs never sit inside a commit that a webhook answer waits for.
        store->db().exec("PRAGMA wal_autocheckpoint = 0");
      }
      // Batches until nothing is pending; notify() calls meanwhile are covered by the loop.
      while (true) {
        const auto r = process_pending_whatsapp(store->db(), options_.write_mutex,
                                                *options_.context, options_.clock(), 200);
        if (r.quarantined > 0)
          log(fmt::format("whatsapp webhook: {} deliveries quarantined (see the coordinator items)",
                          r.quarantined));
        // PASSIVE: copies what it can without blocking the writers (the inbox commits on).
        store->db().exec("PRAGMA wal_checkpoint(PASSIVE)");
        if (r.deliveries == 0) break;
        std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
    } catch (const std::exception& e) {
      log(fmt::format("whatsapp webhook: processing paused: {}", e.what()));
    }
  }
}

}  // namespace tafel::webhooks
