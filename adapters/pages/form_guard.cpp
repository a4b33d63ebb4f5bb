#include "adapters/pages/form_guard.hpp"

#include "adapters/links/encoding.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace tafel::pages {

std::string form_check(const links::LinkKey& key, std::string_view token) {
  std::string message("tafel-page-form");
  message.push_back('\0');
  message.append(token);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), key.bytes.data(), static_cast<int>(key.bytes.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
           &mac_len) == nullptr)
    throw std::runtime_error("HMAC-SHA256 failed");
  return links::base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), mac_len));
}

bool form_check_ok(const links::LinkKey& key, std::string_view token, std::string_view value) {
  const std::string expected = form_check(key, token);
  return value.size() == expected.size() &&
         CRYPTO_memcmp(value.data(), expected.data(), expected.size()) == 0;
}

}  // namespace tafel::pages
