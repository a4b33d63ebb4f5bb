#include "engine/outreach/channel_limits.hpp"

namespace tafel::outreach {

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace tafel::outreach
