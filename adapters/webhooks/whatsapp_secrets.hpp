#pragma once
// The WhatsApp webhook's two secrets, from the environment only (never from the configuration
// file, never logged): TAFELPLANNER_WHATSAPP_APP_SECRET signs every POST,
// TAFELPLANNER_WHATSAPP_VERIFY_TOKEN answers the GET handshake. Without both, the webhook
// route answers 503.

#include <optional>
#include <string>
#include <string_view>

namespace tafel::webhooks {

inline constexpr std::string_view kAppSecretEnv = "TAFELPLANNER_WHATSAPP_APP_SECRET";
inline constexpr std::string_view kVerifyTokenEnv = "TAFELPLANNER_WHATSAPP_VERIFY_TOKEN";

struct WhatsAppSecrets {
  std::string app_secret;
  std::string verify_token;

  bool configured() const { return !app_secret.empty() && !verify_token.empty(); }
};

// From the given values (nullopt = unset); empty values count as unset.
WhatsAppSecrets whatsapp_secrets(std::optional<std::string_view> app_secret,
                                 std::optional<std::string_view> verify_token);

// From the environment variables above.
WhatsAppSecrets whatsapp_secrets_from_env();

// What is missing, for the start-up line on stderr ("" when configured). Names the variables,
// never a value.
std::string describe_missing(const WhatsAppSecrets& secrets);

}  // namespace tafel::webhooks
