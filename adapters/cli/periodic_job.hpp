#pragma once
// Background work of the daemon that runs on a schedule (the daily retention pass, reading the
// reply mailbox): the first pass runs `first_delay` after start(), then one every `interval`.
// A pass runs on the job's own worker thread, so the event loop keeps serving; passes never
// overlap (a pass that takes longer than the interval delays the next). A pass must catch its
// own errors; one that throws is logged as failed and the schedule goes on. stop() cancels the
// timer and waits for a running pass.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace tafel {

class PeriodicJob {
 public:
  PeriodicJob(boost::asio::io_context& loop, std::string name, std::chrono::seconds first_delay,
              std::chrono::seconds interval, std::function<void()> pass);
  void start();
  void stop();

 private:
  void schedule(std::chrono::steady_clock::duration delay);

  std::string name_;
  std::chrono::seconds first_delay_;
  std::chrono::seconds interval_;
  std::function<void()> pass_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool worker_{1};
  std::atomic<bool> running_{false};
  // Set by stop(): a wait that completed just before cancel() must not schedule again.
  std::atomic<bool> stopped_{false};
};

}  // namespace tafel
