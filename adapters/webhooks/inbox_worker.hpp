#pragma once
// Runs the WhatsApp processor in the daemon on a thread of its own, so that processing never
// delays the webhook's 200s: it catches up on every pending delivery when started (deliveries
// stored before a crash or restart), then whenever notify() is called (after each stored
// delivery) and every `poll` interval as a safety net. It has its own database connection and
// takes the inbox's write mutex around each delivery's transaction. It also checkpoints the WAL
// after each round (its own connection does not auto-checkpoint, the inbox's only as a safety
// net), outside that mutex.
//
// Threading: notify() and stop() are thread-safe. stop() finishes the delivery in hand, then
// joins; the destructor stops.

#include "adapters/replies/record_answer.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

namespace tafel::webhooks {

class InboxWorker {
 public:
  struct Options {
    std::filesystem::path database;
    std::mutex* write_mutex = nullptr;  // the DeliveryInbox's
    const replies::ReplyContext* context = nullptr;
    std::function<std::int64_t()> clock;        // Unix seconds
    std::function<void(std::string_view)> log;  // one line, no personal data
    std::chrono::milliseconds poll{std::chrono::seconds(30)};
  };

  explicit InboxWorker(Options options);
  ~InboxWorker();
  InboxWorker(const InboxWorker&) = delete;
  InboxWorker& operator=(const InboxWorker&) = delete;

  void notify();
  void stop();

 private:
  void run();

  Options options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = true;  // catch up at start
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tafel::webhooks
