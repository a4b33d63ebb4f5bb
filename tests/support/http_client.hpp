#pragma once
// A tiny blocking HTTP/1.1 client over POSIX sockets for tests: it sends exactly the bytes a
// test gives it (so tests can send partial, slow or malformed requests) and reads responses
// delimited by Content-Length or by the peer closing. No Beast, so test binaries compile fast.

#include <arpa/inet.h>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace tafel::testing {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::optional<std::string> header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (n.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < n.size(); ++i)
        same = same && std::tolower(static_cast<unsigned char>(n[i])) ==
                           std::tolower(static_cast<unsigned char>(name[i]));
      if (same) return v;
    }
    return std::nullopt;
  }
};

// "METHOD target HTTP/1.1" with Host, Content-Length (when there is a body) and `extra` header
// lines (each "Name: value", without CRLF).
inline std::string make_request(std::string_view method, std::string_view target,
                                std::string_view body = {},
                                const std::vector<std::string>& extra = {}) {
  std::string r = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n";
  if (!body.empty() || method == "POST" || method == "PUT")
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& line : extra) r += line + "\r\n";
  r += "\r\n";
  r += body;
  return r;
}

// One client connection. Every call blocks for at most its timeout.
class HttpConnection {
 public:
  // Connects to an IPv4 or IPv6 literal; nullopt when that fails.
  static std::optional<HttpConnection> connect(const std::string& host, std::uint16_t port) {
    const bool v6 = host.find(':') != std::string::npos;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return std::nullopt;
    int rc = -1;
    if (v6) {
      sockaddr_in6 a{};
      a.sin6_family = AF_INET6;
      a.sin6_port = htons(port);
      if (inet_pton(AF_INET6, host.c_str(), &a.sin6_addr) == 1)
        rc = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    } else {
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(port);
      if (inet_pton(AF_INET, host.c_str(), &a.sin_addr) == 1)
        rc = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    }
    if (rc != 0) {
      ::close(fd);
      return std::nullopt;
    }
    return HttpConnection(fd);
  }

  HttpConnection(HttpConnection&& o) noexcept
      : fd_(std::exchange(o.fd_, -1)), buffer_(std::move(o.buffer_)) {}
  HttpConnection& operator=(HttpConnection&&) = delete;
  ~HttpConnection() {
    if (fd_ >= 0) ::close(fd_);
  }

  // Sends all of `bytes`; false when the peer is gone.
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one response. `head`: the response to a HEAD request (no body despite
  // Content-Length). nullopt on timeout or when the peer closes before a whole response.
  std::optional<HttpResponse> read_response(
      std::chrono::milliseconds timeout = std::chrono::seconds(5), bool head = false) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!fill(deadline)) return std::nullopt;
    HttpResponse r;
    const std::string head_text = buffer_.substr(0, header_end);
    buffer_.erase(0, header_end + 4);
    std::size_t line_end = head_text.find("\r\n");
    const std::string status_line = head_text.substr(0, line_end);
    if (status_line.size() < 12) return std::nullopt;
    r.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
      const auto start = line_end + 2;
      line_end = head_text.find("\r\n", start);
      const auto line = head_text.substr(start, line_end - start);
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers.emplace_back(line.substr(0, colon), value);
    }
    if (r.status == 100) return read_response(timeout, head);
    if (head) return r;
    if (const auto len = r.header("Content-Length")) {
      const auto n = std::stoul(*len);
      while (buffer_.size() < n)
        if (!fill(deadline)) return std::nullopt;
      r.body = buffer_.substr(0, n);
      buffer_.erase(0, n);
    } else {
      while (fill(deadline)) {
      }
      r.body = std::move(buffer_);
      buffer_.clear();
    }
    return r;
  }

  // True when the peer closes the connection (EOF or reset) within `timeout`; data that
  // arrives meanwhile is discarded.
  bool wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char buf[4096];
      if (::recv(fd_, buf, sizeof buf, 0) <= 0) return true;
    }
  }

 private:
  explicit HttpConnection(int fd) : fd_(fd) {}

  // Appends what arrives before `deadline`; false on timeout, EOF or error.
  bool fill(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[16384];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    buffer_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
inline std::optional<HttpResponse> http_request(const std::string& host, std::uint16_t port,
                                                std::string_view method, std::string_view target,
                                                std::string_view body = {},
                                                const std::vector<std::string>& extra = {}) {
  auto c = HttpConnection::connect(host, port);
  if (!c || !c->send(make_request(method, target, body, extra))) return std::nullopt;
  return c->read_response(std::chrono::seconds(10), method == "HEAD");
}

}  // namespace tafel::testing
