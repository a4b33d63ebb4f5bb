// libFuzzer target: a WhatsApp webhook body, read as the inbox processor reads stored
// deliveries (messaging.md "Inbound shape"). Pure: parse_whatsapp_delivery does no I/O.

#include "adapters/webhooks/whatsapp_update.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)tafel::webhooks::parse_whatsapp_delivery(body);
  return 0;
}
