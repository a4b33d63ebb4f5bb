#include "adapters/links/reply_address.hpp"

#include "adapters/links/encoding.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace tafel::links {

std::string new_reply_address_id() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("the random generator failed while making a reply address");
  }
  return base32_lower_encode(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

bool is_reply_address_id(std::string_view id) {
  if (id.size() != kReplyIdChars) return false;
  const bool alphabet = std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
  });
  if (!alphabet) return false;
  // 128 bits in 26 chars leave 2 unused low bits in the last character: they must be zero.
  const char last = id.back();
  const int value = last >= 'a' ? last - 'a' : last - '2' + 26;
  return (value & 0x3) == 0;
}

}  // namespace tafel::links
