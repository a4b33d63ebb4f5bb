#pragma once
// Password hashing for web accounts with OpenSSL's scrypt (RFC 7914), a memory-hard KDF.
//
// Stored form (self-describing, so parameters can be raised later without breaking old hashes):
//   scrypt$<log2 N>$<r>$<p>$<salt, hex>$<hash, hex>
// with a 16-byte random salt and a 32-byte derived key. Defaults: N = 2^15, r = 8, p = 1
// (32 MiB, tens of milliseconds). verify_password() compares in constant time and refuses
// stored parameters outside sane bounds (a tampered row cannot make it allocate gigabytes).

#include <string>
#include <string_view>

namespace tafel::web {

struct ScryptParams {
  int log2_n = 15;
  int r = 8;
  int p = 1;
};

// Throws std::runtime_error when OpenSSL fails (out of memory, no randomness).
std::string hash_password(std::string_view password, ScryptParams params = {});

// True when `password` matches `stored`; false for a malformed `stored` too.
bool verify_password(std::string_view password, std::string_view stored);

// Shortest password the CLI accepts, in characters.
inline constexpr std::size_t kMinPasswordLength = 12;

}  // namespace tafel::web
