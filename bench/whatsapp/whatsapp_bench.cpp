// Requests per second of WhatsAppSender against the local fake Cloud API
// (tests/adapters/whatsapp/fake_cloud_api.hpp), no rate limits: N template sends over kept-alive
// connections, with 1 and more worker threads (one sender, so one client and one connection,
// per thread). Client and server share the machine, so this measures both sides' HTTP/JSON work.
//
// Usage: whatsapp_bench [N=5000] [THREADS...=1 2 4]

#include "adapters/whatsapp/whatsapp_sender.hpp"
#include "tests/adapters/whatsapp/fake_cloud_api.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

using tafel::OutboxRow;
using tafel::outbox::SendOutcome;
using namespace tafel::whatsapp;

OutboxRow bench_row(int i) {
  const nlohmann::json request = {
      {"messaging_product", "whatsapp"},
      {"to", fmt::format("+316{:08}", i)},
      {"type", "template"},
      {"template",
       {{"name", "tafel_uitnodiging"},
        {"language", {{"code", "nl"}}},
        {"components",
         {{{"type", "body"},
           {"parameters",
            {{{"type", "text"}, {"text", "Jan"}},
             {{"type", "text"}, {"text", "dinsdag 14 april, 07:00-08:30"}},
             {{"type", "text"}, {"text", "Bouwhuis Ede"}}}}},
          {{"type", "button"},
           {"sub_type", "quick_reply"},
           {"index", "0"},
           {"parameters", {{{"type", "payload"}, {"payload", "ja:abcdefghijklmnop"}}}}}}}}}};
  OutboxRow row;
  row.id = i;
  row.channel = "whatsapp";
  row.kind = "invitation";
  row.payload =
      nlohmann::json{{"whatsapp", {{"phone_number_id", "106540352242922"}, {"request", request}}}}
          .dump();
  return row;
}

struct Run {
  double seconds = 0;
  int sent = 0;
  std::size_t connections = 0;
};

Run run(int n, int threads) {
  tafel::testing::FakeCloudApi api;
  api.keep_requests(false);
  std::vector<OutboxRow> rows;
  rows.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) rows.push_back(bench_row(i));
  std::atomic<int> sent{0};
  std::atomic<int> next{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      CloudApiSettings s;
      s.base_url = api.base_url();
      s.token = api.token();
      WhatsAppSender sender(std::move(CloudApiClient::create(s).value()), {});
      for (int i = next++; i < n; i = next++)
        if (sender.send(rows[static_cast<std::size_t>(i)]).status == SendOutcome::Status::sent)
          ++sent;
    });
  for (auto& w : workers) w.join();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return {took.count(), sent.load(), api.connections()};
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 5000;
  std::vector<int> thread_counts;
  for (int i = 2; i < argc; ++i) thread_counts.push_back(std::atoi(argv[i]));
  if (thread_counts.empty()) thread_counts = {1, 2, 4};
  if (n <= 0) {
    fmt::print(stderr, "usage: whatsapp_bench [N] [THREADS...]\n");
    return 2;
  }
  fmt::print("WhatsAppSender -> local fake Cloud API (http://127.0.0.1), N = {}, hw threads = {}\n",
             n, std::thread::hardware_concurrency());
  fmt::print("{:>8} {:>8} {:>11} {:>10} {:>12}\n", "threads", "sent", "seconds", "req/s",
             "connections");
  int status = 0;
  for (int t : thread_counts) {
    if (t <= 0) continue;
    const Run r = run(n, t);
    fmt::print("{:>8} {:>8} {:>11.3f} {:>10.0f} {:>12}\n", t, r.sent, r.seconds, r.sent / r.seconds,
               r.connections);
    if (r.sent != n) status = 1;  // every send must succeed for the number to mean anything
  }
  return status;
}
