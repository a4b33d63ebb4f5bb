#pragma once
// The WhatsApp sender that `tafelplanner dispatch` uses, from the configuration: the Cloud API
// when some network has a `whatsapp_phone_number_id` and an access token is available (rows of
// networks without one still go to `without_number_id`, the outbox folder); no sender otherwise,
// and WhatsApp goes to the folder as on a fresh install.

#include "adapters/config/messaging_config.hpp"
#include "adapters/outbox/channel_sender.hpp"
#include "adapters/whatsapp/whatsapp_sender.hpp"

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tafel::whatsapp {

struct WhatsAppSetup {
  std::unique_ptr<WhatsAppSender> sender;  // nullptr: WhatsApp goes to the outbox folder
  std::string note;  // Dutch, for the coordinator: why there is no sender although one is wanted
};

// Errors (English, naming the key or file, never the token): an unusable token file or base URL.
// `env_token` is TAFELPLANNER_WHATSAPP_TOKEN's value (nullopt = unset).
std::expected<WhatsAppSetup, std::string> whatsapp_setup(const MessagingConfig& config,
                                                         outbox::ChannelSender& without_number_id,
                                                         std::optional<std::string_view> env_token);

// Reads TAFELPLANNER_WHATSAPP_TOKEN from the environment and calls the overload above.
std::expected<WhatsAppSetup, std::string> whatsapp_setup(const MessagingConfig& config,
                                                         outbox::ChannelSender& without_number_id);

}  // namespace tafel::whatsapp
