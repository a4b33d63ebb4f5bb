#pragma once
// The daemon's dispatcher on its event loop (the HTTP server's io_context). A steady_timer wakes
// it every `tick` (sooner when a token or a due row comes earlier, at once when a send finishes):
// it runs the outreach planner every `plan_every` (like `dispatch --once`), claims due rows as
// the limits allow (adapters/outbox/dispatcher.hpp) up to the free workers, and hands each send
// to a small thread pool; the outcome is posted back to the loop's strand and recorded there.
// The store and the Dispatcher are only touched on that strand.
//
// Blocking senders run on the pool; a sender instance serves one send at a time (SenderFactory
// bounds how many exist per channel). stop() stops claiming and calls `on_idle` on the strand
// once no send is in flight; the destructor waits for sends still running on the pool (their
// outcomes are then not recorded: those rows stay in_flight and are requeued at the next
// start — the only messages that can go twice).

#include "adapters/outbox/dispatcher.hpp"
#include "adapters/outbox/sender_selection.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace tafel::outbox {

struct DispatchLoopOptions {
  RetryPolicy retry;
  DispatchLimits limits;
  int workers = 2;  // sends at once (pool threads), 1..16
  std::chrono::milliseconds tick{1000};
  std::chrono::seconds plan_every{60};
  // Runs the outreach planner (enqueue_due_messages) at `now_utc`; empty: no planning.
  std::function<void(std::int64_t now_utc)> plan;
  // Renders a message for the other channel when one fails over (dispatcher.hpp); empty: the
  // coordinator gets an item instead.
  FallbackRenderer fallback;
  // UTC seconds with fractions; default: the system clock.
  std::function<double()> clock;
  // One line per event, without personal data; default: nothing.
  std::function<void(const std::string&)> log;
};

class DispatchLoop {
 public:
  DispatchLoop(boost::asio::io_context& ioc, Store& store, SenderFactory email,
               SenderFactory whatsapp, DispatchLoopOptions options);
  ~DispatchLoop();
  DispatchLoop(const DispatchLoop&) = delete;
  DispatchLoop& operator=(const DispatchLoop&) = delete;

  // Begins: the first tick runs on the io_context at once.
  void start();
  // Stops claiming (thread-safe); `on_idle` runs on the loop's strand when nothing is in flight.
  void stop(std::function<void()> on_idle = {});

  // Snapshot of the counts so far (thread-safe).
  DispatchReport report() const;

 private:
  class Senders;
  void tick();
  void schedule();
  void launch(OutboxRow row);
  void finish(const OutboxRow& row, const SendOutcome& out);
  void publish();
  double now() const;

  Store& store_;
  DispatchLoopOptions options_;
  Dispatcher dispatcher_;
  std::unique_ptr<Senders> email_, whatsapp_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool pool_;
  int in_flight_ = 0;
  bool stopping_ = false;
  std::function<void()> on_idle_;
  std::optional<std::chrono::steady_clock::time_point> last_plan_;
  mutable std::mutex report_mutex_;
  DispatchReport report_;
};

}  // namespace tafel::outbox
