#include "adapters/webhooks/whatsapp_secrets.hpp"

#include <cstdlib>

namespace tafel::webhooks {

WhatsAppSecrets whatsapp_secrets(std::optional<std::string_view> app_secret,
                                 std::optional<std::string_view> verify_token) {
  WhatsAppSecrets s;
  if (app_secret) s.app_secret = std::string(*app_secret);
  if (verify_token) s.verify_token = std::string(*verify_token);
  return s;
}

WhatsAppSecrets whatsapp_secrets_from_env() {
  const auto env = [](std::string_view name) -> std::optional<std::string_view> {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr) return std::nullopt;
    return std::string_view(v);
  };
  return whatsapp_secrets(env(kAppSecretEnv), env(kVerifyTokenEnv));
}

std::string describe_missing(const WhatsAppSecrets& secrets) {
  std::string missing;
  if (secrets.app_secret.empty()) missing = std::string(kAppSecretEnv);
  if (secrets.verify_token.empty())
    missing += (missing.empty() ? "" : " and ") + std::string(kVerifyTokenEnv);
  return missing;
}

}  // namespace tafel::webhooks
