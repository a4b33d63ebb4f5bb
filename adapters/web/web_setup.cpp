#include "adapters/web/web_setup.hpp"

#include <chrono>

namespace tafel::web {

std::expected<std::shared_ptr<const WebSetup>, std::string> make_web_setup(const Config& config) {
  auto templates = WebTemplates::load(config.messaging.templates_dir / "web", web_pages());
  if (!templates) return std::unexpected(templates.error());
  auto key = links::load_link_key(config.state_dir);
  if (!key) return std::unexpected(key.error());
  return std::make_shared<const WebSetup>(WebSetup{
      config.database, std::move(*templates), config.public_url.starts_with("https://"),
      [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
      },
      config.planning, config.messaging.outbox_dir, std::move(*key)});
}

}  // namespace tafel::web
