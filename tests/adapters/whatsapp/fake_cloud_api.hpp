#pragma once
// Test support: a local stand-in for the WhatsApp Cloud API (cpp-httplib server on 127.0.0.1,
// port chosen by the kernel, run on its own thread), and a server that accepts a connection, reads
// the request and closes without answering.
//
// FakeCloudApi checks every request the way the Cloud API would: path
// `/{version}/{digits}/messages`, `Authorization: Bearer <token>` (else 401, code 190), a JSON
// body with messaging_product "whatsapp", `to` in E.164, type template (name, language.code "nl",
// components) or text (body) (else 400, code 100); each problem is recorded for the test to
// assert on. A valid request gets the scripted answer: by default success with a fresh wamid.

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace tafel::testing {

class FakeCloudApi {
 public:
  struct Answer {
    int status = 200;
    std::string body;  // "" = success with a fresh wamid
    std::string content_type = "application/json";
    std::chrono::milliseconds delay{0};  // wait this long before answering
  };

  struct Seen {
    std::string version;
    std::string phone_number_id;
    std::string authorization;
    nlohmann::json body;
    int remote_port = 0;
  };

  // The documented error answer for `code`, with the HTTP status Meta uses for it. `details` lands
  // in error_data.details (tests put a phone number there to check it never leaks).
  static Answer error(int code, const std::string& details = "Error details") {
    int status = 400;
    if (code == 190 || code == 0) status = 401;
    if (code == 130429) status = 429;
    if (code == 131000) status = 500;
    const nlohmann::json body = {
        {"error",
         {{"message", "(#" + std::to_string(code) + ") Error message"},
          {"type", "OAuthException"},
          {"code", code},
          {"error_data", {{"messaging_product", "whatsapp"}, {"details", details}}},
          {"fbtrace_id", "AazBc1De2Fg3"}}}};
    return Answer{status, body.dump(), "application/json", {}};
  }
  static Answer slow(std::chrono::milliseconds delay) {
    return Answer{200, "", "application/json", delay};
  }
  static Answer html(int status) {
    return Answer{status, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", {}};
  }

  explicit FakeCloudApi(std::string version = "v21.0", std::string token = "test-token")
      : version_(std::move(version)), token_(std::move(token)) {
    server_.set_keep_alive_max_count(1'000'000);
    server_.set_tcp_nodelay(true);
    server_.Post(R"(/([^/]+)/([^/]+)/messages)",
                 [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("fake Cloud API: cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~FakeCloudApi() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    released_.notify_all();
    server_.stop();
    thread_.join();
  }
  FakeCloudApi(const FakeCloudApi&) = delete;
  FakeCloudApi& operator=(const FakeCloudApi&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& token() const { return token_; }

  // Every valid request from now on gets `a`.
  void answer_with(Answer a) {
    std::lock_guard lock(mutex_);
    answer_ = std::move(a);
  }
  // Only record the count of requests (for the benchmark: no JSON kept per request).
  void keep_requests(bool keep) {
    std::lock_guard lock(mutex_);
    keep_ = keep;
  }

  std::vector<Seen> requests() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
  }
  std::size_t request_count() const { return count_.load(); }
  // Distinct client ports seen: with keep-alive, one per client connection.
  std::size_t connections() const {
    std::lock_guard lock(mutex_);
    return ports_.size();
  }

 private:
  std::string shape_problem(const nlohmann::json& b) const {
    if (!b.is_object()) return "body is not a JSON object";
    if (b.value("messaging_product", "") != "whatsapp") return "/messaging_product";
    static const std::regex e164(R"(\+[1-9][0-9]{6,14})");
    if (!b.contains("to") || !b["to"].is_string() ||
        !std::regex_match(b["to"].get<std::string>(), e164))
      return "/to";
    const std::string type = b.value("type", "");
    if (type == "text") {
      if (!b.contains("text") || !b["text"].is_object() || !b["text"].contains("body") ||
          !b["text"]["body"].is_string())
        return "/text/body";
      return "";
    }
    if (type != "template") return "/type";
    if (!b.contains("template") || !b["template"].is_object()) return "/template";
    const auto& t = b["template"];
    if (!t.contains("name") || !t["name"].is_string() || t["name"].get<std::string>().empty())
      return "/template/name";
    if (!t.contains("language") || !t["language"].is_object() ||
        t["language"].value("code", "") != "nl")
      return "/template/language/code";
    if (!t.contains("components") || !t["components"].is_array()) return "/template/components";
    for (const auto& c : t["components"])
      if (!c.is_object() || !c.contains("type") || !c["type"].is_string())
        return "/template/components/type";
    return "";
  }

  void reply(httplib::Response& res, int status, const std::string& body, const std::string& type) {
    res.status = status;
    res.set_content(body, type.c_str());
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    ++count_;
    Seen seen;
    seen.version = req.matches[1];
    seen.phone_number_id = req.matches[2];
    seen.authorization = req.get_header_value("Authorization");
    seen.remote_port = req.remote_port;
    seen.body = nlohmann::json::parse(req.body, nullptr, false);
    std::string problem;
    if (seen.version != version_)
      problem = "version " + seen.version;
    else if (!std::regex_match(seen.phone_number_id, std::regex("[0-9]+")))
      problem = "phone number id";
    else if (req.get_header_value("Content-Type") != "application/json")
      problem = "Content-Type";
    else if (seen.body.is_discarded())
      problem = "body is not JSON";
    else
      problem = shape_problem(seen.body);
    const bool token_ok = seen.authorization == "Bearer " + token_;
    Answer answer;
    {
      std::lock_guard lock(mutex_);
      ports_.insert(seen.remote_port);
      if (!token_ok) problems_.push_back("Authorization");
      if (!problem.empty()) problems_.push_back(problem);
      if (keep_) seen_.push_back(seen);
      answer = answer_;
    }
    if (!token_ok) {
      const auto e = error(190);
      return reply(res, e.status, e.body, e.content_type);
    }
    if (!problem.empty()) {
      const auto e = error(100, "Invalid parameter");
      return reply(res, e.status, e.body, e.content_type);
    }
    if (answer.delay.count() > 0) {
      std::unique_lock lock(mutex_);
      released_.wait_for(lock, answer.delay, [this] { return stopping_; });
    }
    if (!answer.body.empty()) return reply(res, answer.status, answer.body, answer.content_type);
    const std::string to = seen.body["to"].get<std::string>();
    const nlohmann::json ok = {
        {"messaging_product", "whatsapp"},
        {"contacts", {{{"input", to}, {"wa_id", to.substr(1)}}}},
        {"messages", {{{"id", "wamid.FAKE" + std::to_string(count_.load())}}}}};
    reply(res, answer.status, ok.dump(), "application/json");
  }

  std::string version_;
  std::string token_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool stopping_ = false;
  bool keep_ = true;
  Answer answer_;
  std::vector<Seen> seen_;
  std::vector<std::string> problems_;
  std::set<int> ports_;
  std::atomic<std::size_t> count_{0};
};

// Accepts connections on 127.0.0.1, reads the request head and closes without answering.
class DroppingServer {
 public:
  DroppingServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 8) != 0 || ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("dropping server: cannot listen on 127.0.0.1");
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~DroppingServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  DroppingServer(const DroppingServer&) = delete;
  DroppingServer& operator=(const DroppingServer&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_.load(); }

 private:
  void run() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) continue;
      ++accepted_;
      std::string got;
      char buf[4096];
      // Read until the request head has arrived (or 2 s passed), then hang up.
      for (int i = 0; i < 100 && got.find("\r\n\r\n") == std::string::npos; ++i) {
        pollfd q{c, POLLIN, 0};
        if (::poll(&q, 1, 20) <= 0) continue;
        const auto n = ::read(c, buf, sizeof buf);
        if (n <= 0) break;
        got.append(buf, static_cast<std::size_t>(n));
      }
      ::close(c);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
};

}  // namespace tafel::testing
