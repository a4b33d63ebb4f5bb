#include "adapters/cli/periodic_job.hpp"

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include <iostream>

namespace tafel {

PeriodicJob::PeriodicJob(boost::asio::io_context& loop, std::string name,
                         std::chrono::seconds first_delay, std::chrono::seconds interval,
                         std::function<void()> pass)
    : name_(std::move(name)),
      first_delay_(first_delay),
      interval_(interval),
      pass_(std::move(pass)),
      timer_(loop) {}

void PeriodicJob::start() { schedule(first_delay_); }

void PeriodicJob::stop() {
  stopped_ = true;
  timer_.cancel();
  worker_.join();
}

void PeriodicJob::schedule(std::chrono::steady_clock::duration delay) {
  timer_.expires_after(delay);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || stopped_) return;  // shutting down
    if (!running_.exchange(true))
      boost::asio::post(worker_, [this] {
        try {
          pass_();
        } catch (const std::exception&) {
          std::cerr << fmt::format(R"({{"event":"{}","status":"failed"}})", name_) + "\n";
        }
        running_ = false;
      });
    schedule(interval_);
  });
}

}  // namespace tafel
