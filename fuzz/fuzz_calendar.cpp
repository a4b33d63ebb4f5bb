// libFuzzer target: a calendar file's bytes, expanded as `import events` does (calendar.md):
// the clean-up pass, libical's parser, zone resolution and recurrence expansion over one year.
// Pure: no store, no HTTP.

#include "adapters/importers/events/calendar_expand.hpp"
#include "adapters/importers/events/zones.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static icaltimezone* const zone = [] {
    auto z = tafel::builtin_zone("Europe/Amsterdam");
    if (!z) std::abort();  // tzdata missing: nothing to fuzz
    return *z;
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // 2026-01-01T00:00:00Z .. 2027-01-01T00:00:00Z
  (void)tafel::expand_calendar(bytes, zone, tafel::ExpandWindow{1767225600, 1798761600});
  return 0;
}
