#include "adapters/web/password.hpp"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <vector>

namespace tafel::web {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;

std::string to_hex(const unsigned char* data, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  return out;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0 || hex.empty()) return std::nullopt;
  std::vector<unsigned char> out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (ec != std::errc{} || end != hex.data() + i + 2) return std::nullopt;
    out.push_back(static_cast<unsigned char>(value));
  }
  return out;
}

std::optional<int> small_int(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool derive(std::string_view password, const unsigned char* salt, std::size_t salt_len,
            const ScryptParams& params, unsigned char* key, std::size_t key_len) {
  const std::uint64_t n = std::uint64_t{1} << params.log2_n;
  // scrypt needs 128 * r * N bytes (plus 128 * r * p); allow twice that.
  const std::uint64_t maxmem = 2 * 128 * static_cast<std::uint64_t>(params.r) * (n + params.p);
  return EVP_PBE_scrypt(password.data(), password.size(), salt, salt_len, n,
                        static_cast<std::uint64_t>(params.r), static_cast<std::uint64_t>(params.p),
                        maxmem, key, key_len) == 1;
}

}  // namespace

std::string hash_password(std::string_view password, ScryptParams params) {
  std::array<unsigned char, kSaltBytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("no randomness available");
  std::array<unsigned char, kKeyBytes> key{};
  if (!derive(password, salt.data(), salt.size(), params, key.data(), key.size()))
    throw std::runtime_error("scrypt failed");
  std::string out = fmt::format("scrypt${}${}${}${}${}", params.log2_n, params.r, params.p,
                                to_hex(salt.data(), salt.size()), to_hex(key.data(), key.size()));
  OPENSSL_cleanse(key.data(), key.size());
  return out;
}

bool verify_password(std::string_view password, std::string_view stored) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto at = stored.find('$', start);
    parts.push_back(stored.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  const auto ln = small_int(parts[1]);
  const auto r = small_int(parts[2]);
  const auto p = small_int(parts[3]);
  if (!ln || !r || !p || *ln < 10 || *ln > 20 || *r < 1 || *r > 32 || *p < 1 || *p > 16)
    return false;
  const auto salt = from_hex(parts[4]);
  const auto expected = from_hex(parts[5]);
  if (!salt || !expected || salt->size() != kSaltBytes || expected->size() != kKeyBytes)
    return false;
  std::vector<unsigned char> key(expected->size());
  if (!derive(password, salt->data(), salt->size(), ScryptParams{*ln, *r, *p}, key.data(),
              key.size()))
    return false;
  const bool same = CRYPTO_memcmp(key.data(), expected->data(), key.size()) == 0;
  OPENSSL_cleanse(key.data(), key.size());
  return same;
}

}  // namespace tafel::web
