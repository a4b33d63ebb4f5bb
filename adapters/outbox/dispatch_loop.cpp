#include "adapters/outbox/dispatch_loop.hpp"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <random>
#include <vector>

namespace tafel::outbox {

namespace net = boost::asio;

// Up to `max_instances` senders of one channel, each lent to one send at a time.
class DispatchLoop::Senders {
 public:
  explicit Senders(SenderFactory f) : factory_(std::move(f)) {}

  SendOutcome send(const OutboxRow& row) {
    std::unique_ptr<ChannelSender> s = acquire();
    SendOutcome out;
    try {
      out = s->send(row);
    } catch (const std::exception& e) {
      out = {SendOutcome::Status::transient, "", fmt::format("sender failed: {}", e.what())};
    }
    release(std::move(s));
    return out;
  }

 private:
  std::unique_ptr<ChannelSender> acquire() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock,
                [&] { return !idle_.empty() || created_ < std::max(1, factory_.max_instances); });
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
    ++created_;
    lock.unlock();
    return factory_.make();
  }
  void release(std::unique_ptr<ChannelSender> s) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(s));
    }
    freed_.notify_one();
  }

  SenderFactory factory_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<ChannelSender>> idle_;
  int created_ = 0;
};

namespace {

std::function<double()> jitter_source() {
  auto rng = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [rng] { return std::uniform_real_distribution<double>(0.0, 1.0)(*rng); };
}

double system_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

DispatchLoop::DispatchLoop(net::io_context& ioc, Store& store, SenderFactory email,
                           SenderFactory whatsapp, DispatchLoopOptions options)
    : store_(store),
      options_(std::move(options)),
      dispatcher_(store, options_.retry, options_.limits, jitter_source(), options_.fallback),
      email_(std::make_unique<Senders>(std::move(email))),
      whatsapp_(std::make_unique<Senders>(std::move(whatsapp))),
      strand_(net::make_strand(ioc)),
      timer_(strand_),
      pool_(static_cast<std::size_t>(std::clamp(options_.workers, 1, 16))) {
  options_.workers = std::clamp(options_.workers, 1, 16);
  if (!options_.clock) options_.clock = system_now;
  if (!options_.log) options_.log = [](const std::string&) {};
}

DispatchLoop::~DispatchLoop() {
  pool_.join();  // sends still running finish; their outcomes are not recorded
}

double DispatchLoop::now() const { return options_.clock(); }

void DispatchLoop::start() {
  net::post(strand_, [this] { tick(); });
}

void DispatchLoop::stop(std::function<void()> on_idle) {
  net::post(strand_, [this, on_idle = std::move(on_idle)]() mutable {
    stopping_ = true;
    on_idle_ = std::move(on_idle);
    timer_.cancel();
    if (in_flight_ == 0 && on_idle_) std::exchange(on_idle_, nullptr)();
  });
}

DispatchReport DispatchLoop::report() const {
  std::lock_guard lock(report_mutex_);
  return report_;
}

void DispatchLoop::publish() {
  std::lock_guard lock(report_mutex_);
  report_ = dispatcher_.report();
}

void DispatchLoop::tick() {
  if (stopping_) return;
  const auto steady = std::chrono::steady_clock::now();
  if (options_.plan && (!last_plan_ || steady - *last_plan_ >= options_.plan_every)) {
    last_plan_ = steady;
    try {
      options_.plan(static_cast<std::int64_t>(now()));
    } catch (const std::exception& e) {
      options_.log(fmt::format("outreach planner failed: {}", e.what()));
    }
  }
  const int capacity = options_.workers - in_flight_;
  if (capacity > 0) {
    try {
      for (auto& row : dispatcher_.claim(now(), capacity)) launch(std::move(row));
    } catch (const std::exception& e) {
      options_.log(fmt::format("claiming outbox rows failed: {}", e.what()));
    }
    publish();
  }
  schedule();
}

void DispatchLoop::schedule() {
  double delay = std::chrono::duration<double>(options_.tick).count();
  if (in_flight_ < options_.workers) {
    try {
      if (const auto wake = dispatcher_.next_wake(now())) delay = std::min(delay, *wake);
    } catch (const std::exception& e) {
      options_.log(fmt::format("reading the outbox failed: {}", e.what()));
    }
  }
  delay = std::max(delay, 0.001);
  timer_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(delay)));
  timer_.async_wait(net::bind_executor(strand_, [this](boost::system::error_code ec) {
    if (!ec) tick();
  }));
}

void DispatchLoop::launch(OutboxRow row) {
  ++in_flight_;
  net::post(pool_, [this, row = std::move(row)]() mutable {
    Senders& senders = row.channel == "whatsapp" ? *whatsapp_ : *email_;
    SendOutcome out = senders.send(row);
    net::post(strand_, [this, row = std::move(row), out = std::move(out)] { finish(row, out); });
  });
}

void DispatchLoop::finish(const OutboxRow& row, const SendOutcome& out) {
  --in_flight_;
  try {
    dispatcher_.record(row, out, now());
  } catch (const std::exception& e) {
    // The row stays in_flight and is requeued at the next start.
    options_.log(fmt::format("recording outbox row {} failed: {}", row.id, e.what()));
  }
  publish();
  if (stopping_) {
    if (in_flight_ == 0 && on_idle_) std::exchange(on_idle_, nullptr)();
    return;
  }
  tick();
}

}  // namespace tafel::outbox
