#include "adapters/webhooks/group_commit.hpp"

#include <fmt/format.h>

#include <vector>

namespace tafel::webhooks {

GroupCommitter::GroupCommitter(std::shared_ptr<DeliveryInbox> inbox, Options options)
    : inbox_(std::move(inbox)), options_(std::move(options)) {
  thread_ = std::thread([this] { run(); });
}

GroupCommitter::~GroupCommitter() { stop(); }

void GroupCommitter::submit(std::string body, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(body), std::move(done)});
      // Only the first waiting delivery needs to wake the writer; the others join its batch.
      if (queue_.size() == 1) wake_.notify_one();
      return;
    }
  }
  done(std::nullopt);
}

void GroupCommitter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  std::lock_guard lock(join_mutex_);  // concurrent stop()s: one joins, the others wait for it
  if (thread_.joinable()) thread_.join();
}

std::uint64_t GroupCommitter::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void GroupCommitter::run() {
  while (true) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, and everything submitted is committed
      std::size_t bytes = 0;
      while (!queue_.empty() && batch.size() < options_.max_batch &&
             (batch.empty() || bytes + queue_.front().body.size() <= options_.max_batch_bytes)) {
        bytes += queue_.front().body.size();
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit(batch);
  }
}

void GroupCommitter::commit(std::deque<Pending>& batch) {
  const auto answer = [](Pending& p, std::optional<std::int64_t> id) {
    try {
      p.done(id);
    } catch (...) {
      // `done` must not throw; the writer carries on regardless.
    }
  };
  const auto committed = [this] {
    {
      std::lock_guard lock(mutex_);
      ++commits_;
    }
    if (options_.on_committed) options_.on_committed();
  };
  std::vector<std::string_view> bodies;
  bodies.reserve(batch.size());
  for (const auto& p : batch) bodies.push_back(p.body);
  try {
    const auto ids = inbox_->store_all(options_.provider, bodies);
    committed();
    for (std::size_t i = 0; i < batch.size(); ++i) answer(batch[i], ids[i]);
    return;
  } catch (const std::exception& e) {
    // SQLite's messages name tables and steps, never the stored bytes.
    if (options_.log)
      options_.log(
          fmt::format("webhook inbox: storing {} deliveries failed: {}", batch.size(), e.what()));
  }
  if (batch.size() == 1) return answer(batch.front(), std::nullopt);
  // One by one, so that one refused delivery does not fail the others.
  for (auto& p : batch) {
    std::optional<std::int64_t> id;
    try {
      id = inbox_->store(options_.provider, p.body);
      committed();
    } catch (const std::exception&) {
      // Already logged for the batch; answered "not stored" below.
    }
    answer(p, id);
  }
}

}  // namespace tafel::webhooks
