#pragma once
// The daemon's daily retention pass (adapters/store/retention.hpp): the first pass runs
// `first_delay` after start, then one every 24 hours. A pass runs on its own worker thread with
// its own database connection, so the event loop keeps serving; it logs one JSON line to stderr
// with counts and member ids only. stop() cancels the timer and waits for a running pass.

#include "adapters/config/config.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>

namespace tafel {

class RetentionJob {
 public:
  RetentionJob(boost::asio::io_context& loop, const Config& config,
               std::chrono::seconds first_delay = std::chrono::minutes(5));
  void start();
  void stop();

 private:
  void schedule(std::chrono::steady_clock::duration delay);
  void run_pass();

  const Config& config_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool worker_{1};
  std::chrono::seconds first_delay_;
};

}  // namespace tafel
