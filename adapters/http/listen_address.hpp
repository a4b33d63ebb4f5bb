#pragma once
// The address the server listens on: an IPv4 literal or a bracketed IPv6 literal, and a port
// ("127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0"). Port 0 asks the system for a free port.

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace tafel::http {

struct ListenAddress {
  std::string host;  // IP literal without brackets: "127.0.0.1", "::1"
  std::uint16_t port = 0;
  bool ipv6 = false;

  bool operator==(const ListenAddress&) const = default;
};

// Parses "HOST:PORT"; the error says what is wrong (without naming the option: the caller
// knows where the text came from).
std::expected<ListenAddress, std::string> parse_listen_address(std::string_view text);

// "127.0.0.1:8080", "[::1]:8080"
std::string format_listen_address(const ListenAddress& address);

}  // namespace tafel::http
