#pragma once
// What every subcommand shares: the global options and lazily loaded configuration and store.
// Exit codes (documented in the README): 0 ok, 1 other failure, 2 bad input; `solve` adds 3.

#include "adapters/config/config.hpp"
#include "adapters/links/link_key.hpp"
#include "adapters/replies/record_answer.hpp"
#include "adapters/store/store.hpp"
#include "adapters/tz/time_zone.hpp"
#include "engine/outreach/message_templates.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace tafel {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Thrown by a subcommand to end with an exit code after printing `message` to stderr.
struct CommandExit {
  int code;
  std::string message;
};

class CliContext {
 public:
  std::string config_flag;  // --config
  std::string db_flag;      // --db

  // Loads and validates the configuration once; on failure prints every problem and throws
  // CommandExit{2}.
  const Config& config();
  // Opens the store (migrating it) and mirrors the configuration into it, once.
  Store& store();
  // The configured time zone; throws CommandExit{2} when the database does not know it.
  const TimeZone& time_zone();
  // Whether the configured message templates folder exists (bare test configurations have none).
  bool has_templates();
  // The message templates, loaded and checked once; throws CommandExit{2} listing every problem.
  const outreach::MessageTemplates& templates();
  // The key that signs personal links (TAFELPLANNER_LINK_KEY or <state_dir>/link.key, created
  // once); throws CommandExit{1}.
  const links::LinkKey& link_key();
  // Everything needed to render the messages an answer causes; lives as long as the context.
  const replies::ReplyContext& reply_context();

 private:
  std::optional<TimeZone> tz_;
  std::optional<outreach::MessageTemplates> templates_;
  std::optional<links::LinkKey> link_key_;
  std::optional<replies::ReplyContext> reply_context_;
  std::optional<Config> config_;
  std::optional<Store> store_;
};

}  // namespace tafel
