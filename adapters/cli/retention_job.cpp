#include "adapters/cli/retention_job.hpp"

#include "adapters/importers/members/contact_hash.hpp"
#include "adapters/store/retention.hpp"

#include <boost/asio/post.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

namespace tafel {

RetentionJob::RetentionJob(boost::asio::io_context& loop, const Config& config,
                           std::chrono::seconds first_delay)
    : config_(config), timer_(loop), first_delay_(first_delay) {}

void RetentionJob::start() { schedule(first_delay_); }

void RetentionJob::stop() {
  timer_.cancel();
  worker_.join();
}

void RetentionJob::schedule(std::chrono::steady_clock::duration delay) {
  timer_.expires_after(delay);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;  // cancelled: shutting down
    boost::asio::post(worker_, [this] { run_pass(); });
    schedule(std::chrono::hours(24));
  });
}

void RetentionJob::run_pass() {
  try {
    auto store = Store::open(config_.database);
    if (!store) {
      std::cerr << R"({"event":"retention","status":"failed","reason":"database"})"
                << "\n";
      return;
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const ContactHasher hasher{email_contact_hash, phone_contact_hash};
    const auto r =
        apply_retention(*store, config_.retention, now, hasher, config_.messaging.outbox_dir);
    std::cerr << fmt::format(
        R"({{"event":"retention","status":"done","deliveries_cleared":{},"inbound_cleared":{},)"
        R"("outbox_cleared":{},"items_cleared":{},"files_removed":{},"members_erased":[{}]}})"
        "\n",
        r.deliveries_cleared, r.inbound_cleared, r.outbox_cleared, r.items_cleared, r.files_removed,
        fmt::join(r.members_erased, ","));
  } catch (const std::exception&) {
    std::cerr << R"({"event":"retention","status":"failed","reason":"error"})"
              << "\n";
  }
}

}  // namespace tafel
