#pragma once
// Group commit for the webhook inbox: deliveries waiting to be stored are written by one writer
// thread in a single transaction (one WAL append and commit for the whole batch), and each
// delivery's `done` is called only after that transaction committed. The batch is whatever is
// waiting when the writer is free: a lone delivery is committed at once, and while one commit
// runs, the deliveries arriving meanwhile gather for the next. So the HTTP threads never block on
// the database, and under load one commit serves many requests.
//
// Contract:
// - submit(body, done): `done(id)` once the delivery is committed (stored exactly once), or
//   `done(nullopt)` when it could not be stored (nothing of it is in the database); exactly one
//   call, on the writer thread (inline in submit() once the committer is stopped). `done` must
//   not block.
// - A batch is all or nothing. When a batch fails, each of its deliveries is tried again in a
//   transaction of its own, so that one delivery the database refuses cannot fail its
//   neighbours; what fails then is answered nullopt.
// - on_committed() runs on the writer thread after every committed batch, before the `done`s
//   (to wake the processor).
// - stop() commits everything already submitted, then joins; later submits are answered nullopt
//   at once. The destructor stops.

#include "adapters/webhooks/delivery_inbox.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace tafel::webhooks {

class GroupCommitter {
 public:
  using Done = std::function<void(std::optional<std::int64_t> id)>;

  struct Options {
    std::string provider = "whatsapp";
    // Limits of one transaction (a 3 MiB body still goes alone when it exceeds max_batch_bytes).
    std::size_t max_batch = 512;
    std::size_t max_batch_bytes = 16 * 1024 * 1024;
    std::function<void()> on_committed;
    std::function<void(std::string_view)> log;  // one line, no personal data
  };

  GroupCommitter(std::shared_ptr<DeliveryInbox> inbox, Options options);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Thread-safe.
  void submit(std::string body, Done done);
  // Thread-safe, idempotent.
  void stop();

  // Transactions committed so far (batches, retries included); for tests and metrics.
  std::uint64_t commits() const;

 private:
  struct Pending {
    std::string body;
    Done done;
  };

  void run();
  void commit(std::deque<Pending>& batch);

  std::shared_ptr<DeliveryInbox> inbox_;
  Options options_;
  mutable std::mutex mutex_;
  std::mutex join_mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::uint64_t commits_ = 0;
  std::thread thread_;
};

}  // namespace tafel::webhooks
