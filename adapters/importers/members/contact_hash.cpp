#include "adapters/importers/members/contact_hash.hpp"

#include "adapters/importers/members/email_address.hpp"

#include <openssl/evp.h>

#include <array>

namespace tafel {

namespace {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

std::string email_contact_hash(std::string_view email) { return sha256_hex(email_key(email)); }

std::string phone_contact_hash(std::string_view e164) { return sha256_hex(e164); }

}  // namespace tafel
