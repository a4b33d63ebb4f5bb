#include "adapters/webhooks/signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

namespace tafel::webhooks {

namespace {

using Mac = std::array<unsigned char, 32>;

Mac hmac_sha256(std::string_view secret, std::string_view body) {
  Mac mac{};
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac.data(),
           &len) == nullptr ||
      len != mac.size())
    throw std::runtime_error("HMAC-SHA256 failed");
  return mac;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string hub_signature(std::string_view secret, std::string_view body) {
  static constexpr char kHex[] = "0123456789abcdef";
  const Mac mac = hmac_sha256(secret, body);
  std::string out = "sha256=";
  for (unsigned char b : mac) {
    out += kHex[b >> 4];
    out += kHex[b & 0x0f];
  }
  return out;
}

bool signature_matches(std::string_view secret, std::string_view body,
                       std::optional<std::string_view> header) {
  static constexpr std::string_view kScheme = "sha256=";
  if (!header) return false;
  std::string_view value = *header;
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.size() != kScheme.size() + 64 || value.substr(0, kScheme.size()) != kScheme)
    return false;
  value.remove_prefix(kScheme.size());
  Mac given{};
  for (std::size_t i = 0; i < given.size(); ++i) {
    const int hi = hex_value(value[2 * i]);
    const int lo = hex_value(value[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    given[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  const Mac expected = hmac_sha256(secret, body);
  return CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tafel::webhooks
