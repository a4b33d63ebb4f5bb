#include "adapters/whatsapp/sender_setup.hpp"

#include "adapters/whatsapp/access_token.hpp"

#include <algorithm>
#include <cstdlib>

namespace tafel::whatsapp {

std::expected<WhatsAppSetup, std::string> whatsapp_setup(
    const MessagingConfig& config, outbox::ChannelSender& without_number_id,
    std::optional<std::string_view> env_token) {
  const bool wanted = std::any_of(config.senders.begin(), config.senders.end(), [](const auto& s) {
    return !s.whatsapp_phone_number_id.empty();
  });
  if (!wanted) return WhatsAppSetup{};
  auto token = load_access_token(config.whatsapp.token_file, env_token);
  if (!token) return std::unexpected(token.error());
  if (!token->has_value())
    return WhatsAppSetup{nullptr,
                         "WhatsApp-nummer ingesteld maar geen token (TAFELPLANNER_WHATSAPP_TOKEN "
                         "of messaging.whatsapp.token_file): WhatsApp-berichten gaan naar de "
                         "outbox-map"};
  CloudApiSettings settings;
  settings.base_url = config.whatsapp.base_url;
  settings.api_version = config.whatsapp.api_version;
  settings.token = (*token)->value;
  auto client = CloudApiClient::create(std::move(settings));
  if (!client) return std::unexpected(client.error());
  WhatsAppSenderOptions options;
  options.per_person_seconds = config.whatsapp.per_person_seconds;
  return WhatsAppSetup{
      std::make_unique<WhatsAppSender>(std::move(*client), options, &without_number_id), ""};
}

std::expected<WhatsAppSetup, std::string> whatsapp_setup(const MessagingConfig& config,
                                                         outbox::ChannelSender& without_number_id) {
  const char* env = std::getenv(std::string(kWhatsAppTokenEnv).c_str());
  return whatsapp_setup(config, without_number_id,
                        env ? std::optional<std::string_view>(env) : std::nullopt);
}

}  // namespace tafel::whatsapp
