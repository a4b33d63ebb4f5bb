#include "adapters/http/listen_address.hpp"

#include <fmt/format.h>

#include <arpa/inet.h>
#include <charconv>

namespace tafel::http {

std::expected<ListenAddress, std::string> parse_listen_address(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return std::unexpected(fmt::format("'{}' is not ADDRESS:PORT ({})", text, why));
  };
  ListenAddress out;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return bad("missing ']'");
    out.host = std::string(text.substr(1, close - 1));
    out.ipv6 = true;
    if (close + 1 >= text.size() || text[close + 1] != ':') return bad("missing ':PORT'");
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return bad("missing ':PORT'");
    out.host = std::string(text.substr(0, colon));
    if (out.host.find(':') != std::string::npos)
      return bad("an IPv6 address needs brackets: [::1]:8080");
    port_text = text.substr(colon + 1);
  }
  if (out.host.empty()) return bad("missing address");

  unsigned char buf[16];
  if (inet_pton(out.ipv6 ? AF_INET6 : AF_INET, out.host.c_str(), buf) != 1)
    return bad(out.ipv6 ? "not an IPv6 address" : "not an IPv4 address");

  unsigned port = 0;
  const auto* end = port_text.data() + port_text.size();
  const auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
  if (port_text.empty() || ec != std::errc() || ptr != end || port > 65535)
    return bad("the port must be a number from 0 to 65535");
  out.port = static_cast<std::uint16_t>(port);
  return out;
}

std::string format_listen_address(const ListenAddress& address) {
  return address.ipv6 ? fmt::format("[{}]:{}", address.host, address.port)
                      : fmt::format("{}:{}", address.host, address.port);
}

}  // namespace tafel::http
