#include "adapters/cli/context.hpp"

#include "adapters/outbox/template_files.hpp"
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

bool CliContext::has_templates() {
  std::error_code ec;
  return std::filesystem::is_directory(config().messaging.templates_dir, ec);
}

const outreach::MessageTemplates& CliContext::templates() {
  if (templates_) return *templates_;
  auto loaded = outbox::load_templates(config().messaging.templates_dir);
  if (!loaded) {
    std::string msg = "berichtsjablonen kloppen niet:";
    for (const auto& p : loaded.error()) msg += "\n  " + p;
    throw CommandExit{kExitBadInput, msg};
  }
  templates_.emplace(std::move(*loaded));
  return *templates_;
}

const links::LinkKey& CliContext::link_key() {
  if (link_key_) return *link_key_;
  auto key = links::load_link_key(config().state_dir);
  if (!key) throw CommandExit{kExitFailure, key.error()};
  link_key_.emplace(std::move(*key));
  return *link_key_;
}

const replies::ReplyContext& CliContext::reply_context() {
  if (!reply_context_)
    reply_context_.emplace(replies::ReplyContext{config(), time_zone(), templates(), link_key()});
  return *reply_context_;
}

}  // namespace tafel
