#include "adapters/cli/context.hpp"

#include "adapters/store/networks.hpp"

#include <fmt/format.h>

namespace tafel {

const Config& CliContext::config() {
  if (config_) return *config_;
  const auto path =
      resolve_config_path(config_flag.empty() ? std::nullopt : std::optional(config_flag));
  auto loaded = load_config(path);
  if (!loaded) {
    std::string msg;
    for (const auto& e : loaded.error()) msg += format_config_error(path, e) + "\n";
    throw CommandExit{kExitBadInput, msg + "configuration refused"};
  }
  config_ = std::move(*loaded);
  if (!db_flag.empty()) config_->database = db_flag;
  if (config_->state_dir.empty()) config_->state_dir = config_->database.parent_path();
  return *config_;
}

Store& CliContext::store() {
  if (store_) return *store_;
  const Config& cfg = config();
  auto opened = Store::open(cfg.database);
  if (!opened) throw CommandExit{kExitFailure, opened.error().message};
  store_.emplace(std::move(*opened));
  sync_configuration(*store_, cfg);
  return *store_;
}

const TimeZone& CliContext::time_zone() {
  if (tz_) return *tz_;
  auto tz = TimeZone::locate(config().timezone);
  if (!tz) throw CommandExit{kExitBadInput, "timezone: " + tz.error()};
  tz_.emplace(std::move(*tz));
  return *tz_;
}

}  // namespace tafel
