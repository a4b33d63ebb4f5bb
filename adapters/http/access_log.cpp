#include "adapters/http/access_log.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

namespace tafel::http {

namespace {
constexpr std::size_t kMaxLoggedPath = 200;
}

std::string format_access_log_line(const AccessLogEntry& entry) {
  std::string path = entry.path.substr(0, kMaxLoggedPath);
  nlohmann::ordered_json line = {
      {"log", "access"},
      {"method", entry.method.substr(0, 16)},
      // Invalid UTF-8 in a hostile path is replaced rather than failing the dump.
      {"path", std::move(path)},
      {"status", entry.status},
  };
  line["duration_ms"] = static_cast<double>(entry.duration.count()) / 1000.0;
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void log_access_to_stderr(const AccessLogEntry& entry) {
  const std::string text = format_access_log_line(entry) + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n <= 0) return;  // stderr gone: logging must never take the server down
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace tafel::http
