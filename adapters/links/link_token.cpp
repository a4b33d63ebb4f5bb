#include "adapters/links/link_token.hpp"

#include "adapters/links/encoding.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace tafel::links {
namespace {

constexpr unsigned char kVersion = 1;
constexpr std::size_t kNonceBytes = 16;
constexpr std::size_t kPayloadBytes = 1 + 1 + 8 + 8 + kNonceBytes;
constexpr std::size_t kMacBytes = 32;

bool never_expires(Purpose p) { return p == Purpose::optout || p == Purpose::unsubscribe; }

bool known_purpose(unsigned char p) { return p >= 1 && p <= 6; }

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::array<unsigned char, kMacBytes> mac(const LinkKey& key, std::string_view payload) {
  std::array<unsigned char, kMacBytes> out{};
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.bytes.data(), static_cast<int>(key.bytes.size()),
       reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), out.data(), &len);
  return out;
}

}  // namespace

std::string_view to_string(Purpose p) {
  switch (p) {
    case Purpose::rsvp:
      return "rsvp";
    case Purpose::poll:
      return "poll";
    case Purpose::optout:
      return "optout";
    case Purpose::unsubscribe:
      return "unsubscribe";
    case Purpose::kennisbank:
      return "kennisbank";
    case Purpose::evaluation:
      return "evaluation";
  }
  return "unknown";
}

std::string sign_link(const LinkKey& key, Purpose purpose, std::int64_t subject,
                      std::int64_t expires_at) {
  std::array<unsigned char, kNonceBytes> nonce{};
  if (RAND_bytes(nonce.data(), static_cast<int>(nonce.size())) != 1) {
    throw std::runtime_error("the random generator failed while signing a link");
  }
  std::string payload;
  payload.reserve(kPayloadBytes + kMacBytes);
  payload += static_cast<char>(kVersion);
  payload += static_cast<char>(purpose);
  put_u64(payload, static_cast<std::uint64_t>(subject));
  put_u64(payload, static_cast<std::uint64_t>(never_expires(purpose) ? 0 : expires_at));
  payload.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  const auto m = mac(key, payload);
  payload.append(reinterpret_cast<const char*>(m.data()), m.size());
  return base64url_encode(payload);
}

std::expected<LinkClaims, LinkFailure> verify_link(const LinkKey& key, std::string_view token,
                                                   std::int64_t now) {
  const LinkFailure bad{LinkError::bad, {}};
  if (token.size() != ((kPayloadBytes + kMacBytes) * 4 + 2) / 3) return std::unexpected(bad);
  const auto raw = base64url_decode(token);
  if (!raw || raw->size() != kPayloadBytes + kMacBytes) return std::unexpected(bad);
  const std::string_view bytes(*raw);
  const std::string_view payload = bytes.substr(0, kPayloadBytes);
  const auto expected_mac = mac(key, payload);
  if (CRYPTO_memcmp(expected_mac.data(), bytes.data() + kPayloadBytes, kMacBytes) != 0) {
    return std::unexpected(bad);
  }
  const auto version = static_cast<unsigned char>(payload[0]);
  const auto purpose = static_cast<unsigned char>(payload[1]);
  if (version != kVersion || !known_purpose(purpose)) return std::unexpected(bad);
  LinkClaims claims;
  claims.purpose = static_cast<Purpose>(purpose);
  claims.subject = static_cast<std::int64_t>(get_u64(payload.substr(2)));
  claims.expires_at = static_cast<std::int64_t>(get_u64(payload.substr(10)));
  if (claims.expires_at != 0 && now >= claims.expires_at) {
    return std::unexpected(LinkFailure{LinkError::expired, claims});
  }
  return claims;
}

}  // namespace tafel::links
