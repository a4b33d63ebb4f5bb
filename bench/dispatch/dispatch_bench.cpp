// Dispatch throughput through adapters/outbox/dispatch_loop (the daemon's loop, on its own
// io_context here):
//   dispatch_bench smtp [N]      N mails (default 2,000) over one reused SMTP connection to a
//                                local aiosmtpd server (python3-aiosmtpd), rate limits off;
//   dispatch_bench whatsapp [N]  N WhatsApp rows (default 1,600, distinct people) through a fake
//                                sender that answers at once, with the default limit of 80/s.
// Prints messages/s; the WhatsApp run also the rate after the initial burst.
#include "adapters/email/mail_message.hpp"
#include "adapters/outbox/dispatch_loop.hpp"
#include "adapters/outbox/payload.hpp"
#include "adapters/outbox/smtp_channel.hpp"
#include "adapters/store/outbox_store.hpp"
#include "tests/adapters/email/smtp_server.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <vector>

using namespace tafel;
using Clock = std::chrono::steady_clock;

namespace {

class FastSender : public outbox::ChannelSender {
 public:
  explicit FastSender(std::vector<Clock::time_point>& log, std::mutex& m) : log_(log), m_(m) {}
  outbox::SendOutcome send(const OutboxRow& row) override {
    std::lock_guard lock(m_);
    log_.push_back(Clock::now());
    return {outbox::SendOutcome::Status::sent, fmt::format("wamid.{}", row.id), ""};
  }

 private:
  std::vector<Clock::time_point>& log_;
  std::mutex& m_;
};

void fill(Store& store, int n, const std::string& channel) {
  auto& db = store.db();
  db.exec("INSERT INTO networks (name, created_at) VALUES ('Bench', 'x')");
  SQLite::Transaction tx(db);
  SQLite::Statement member(
      db,
      "INSERT INTO members (network_id, company, name, email, mobile, eligible, consent_email, "
      "consent_email_source, consent_email_at, consent_whatsapp, consent_whatsapp_source, "
      "consent_whatsapp_at, created_at, updated_at) VALUES (1, 'Firma', 'Lid', 'lid@x.nl', "
      "'+31612345678', 1, 1, 'import', 'x', 1, 'import', 'x', 'x', 'x')");
  std::int64_t member_id = 0;
  for (int i = 0; i < n; ++i) {
    if (i == 0 || channel == "whatsapp") {  // WhatsApp: one person per row (6 s spacing)
      member.exec();
      member.reset();
      member_id = db.getLastInsertRowid();
    }
    std::string payload = R"({"whatsapp":{"request":{}}})";
    if (channel == "email") {
      email::MailMessage m;
      m.from_name = "Bench";
      m.from_address = "tafels@bench.nl";
      m.to_address = "lid@x.nl";
      m.message_id = fmt::format("b{}@bench.nl", i);
      m.subject = "Herinnering praktijktafel";
      m.text = std::string(1500, 'x');
      m.html = "<p>" + std::string(1500, 'x') + "</p>";
      payload = outbox::mail_payload(m).dump();
    }
    enqueue(db, OutboxInsert{std::nullopt, member_id, channel, "reminder",
                             fmt::format("{}:reminder:1:{}", i, channel), 0, payload});
  }
  tx.commit();
}

// Runs the loop until `n` rows are recorded as sent; returns the seconds it took.
double run(Store& store, outbox::SenderFactory email, outbox::SenderFactory whatsapp,
           outbox::DispatchLimits limits, int n) {
  boost::asio::io_context ioc;
  outbox::DispatchLoopOptions o;
  o.limits = limits;
  o.workers = 2;
  o.log = [](const std::string& line) { std::cerr << line << "\n"; };
  outbox::DispatchLoop loop(ioc, store, std::move(email), std::move(whatsapp), o);
  boost::asio::steady_timer watch(ioc);
  std::function<void()> check = [&] {
    if (loop.report().sent + loop.report().failed >= n) {
      loop.stop([&] { watch.cancel(); });
      return;
    }
    watch.expires_after(std::chrono::milliseconds(2));
    watch.async_wait([&](boost::system::error_code ec) {
      if (!ec) check();
    });
  };
  const auto start = Clock::now();
  loop.start();
  check();
  ioc.run();
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  if (loop.report().failed > 0) std::cerr << loop.report().failed << " failed\n";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "smtp";
  testing::TempDir dir;
  auto store = Store::open(dir / "bench.db");
  if (!store) return 1;
  if (mode == "smtp") {
    const int n = argc > 2 ? std::atoi(argv[2]) : 2000;
    testing::SmtpServer smtp;
    if (!smtp.ready()) {
      std::cerr << "aiosmtpd did not start\n";
      return 1;
    }
    fill(*store, n, "email");
    email::SmtpSettings settings{smtp.url(), "", ""};
    settings.require_tls = false;
    auto clock = [] { return std::int64_t{1'800'000'000}; };
    outbox::SenderFactory email{
        [&] { return std::make_unique<outbox::SmtpChannel>(settings, "", clock); }, 1};
    const double s = run(*store, email, email, {}, n);
    std::cout << fmt::format("smtp: {} mails in {:.2f} s = {:.0f} mails/s (one connection)\n", n, s,
                             n / s);
    return 0;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 1600;
  fill(*store, n, "whatsapp");
  std::vector<Clock::time_point> log;
  std::mutex m;
  outbox::SenderFactory fast{[&] { return std::make_unique<FastSender>(log, m); }, 4};
  outbox::DispatchLimits limits;
  limits.whatsapp_per_second = 80;
  limits.whatsapp_per_person_seconds = 6;
  limits.whatsapp_daily_limit = 0;  // distinct people; the daily limit is not what is measured
  const double s = run(*store, fast, fast, limits, n);
  const int burst = 8;  // the bucket starts with a tenth of a second's tokens
  const double steady =
      (log.size() - 1 - burst) / std::chrono::duration<double>(log.back() - log[burst]).count();
  std::cout << fmt::format(
      "whatsapp: {} sends in {:.2f} s = {:.2f}/s overall, {:.2f}/s after the initial burst of {} "
      "(limit 80/s, deviation {:+.2f} %)\n",
      n, s, n / s, steady, burst, (steady / 80 - 1) * 100);
  return 0;
}
